"""The vocabulary packs are written in: finding codes, actions, roles, topics, parts of the app.

These are the contract of DESIGN.md §4. A pack that names anything outside them fails
validation, so a typo in a pack is caught on load rather than silently never matching.
"""

from __future__ import annotations

from somevakt.policy.decision import INBOUND_ACTIONS, OUTGOING_ACTIONS
from somevakt.policy.labels import CODE_LABELS

# The finding codes are the keys of the one table that names them for people.
FINDING_CODES: tuple[str, ...] = tuple(CODE_LABELS)

# Produced by the engine from the PolicyContext, not by an analyser.
CONTEXT_CODES: tuple[str, ...] = (
    "post.crisis_lock",
    "post.account_closed",
    "post.consent_missing",
    # The picture without consent shows colleagues (PolicyContext.colleagues_without_consent).
    "post.consent_missing_colleagues",
    "post.website_first",
    # A private post that speaks for the municipality about a field that is not the writer's
    # (PolicyContext.speaker_fields; Gausdal's information responsibility).
    "private.outside_field",
    # A comment with nothing else to say, written to the municipality rather than to another
    # commenter (Gausdal 5, Rømskog: neutral comments addressed to us are answered too).
    "intent.addressed",
)

ACTIONS: tuple[str, ...] = INBOUND_ACTIONS + OUTGOING_ACTIONS

# Precedence, strongest first (DESIGN.md §4): crisis beats everything; illegal content
# (deleted, or hidden and escalated where the guideline gives no deletion ground) beats
# case processing; case processing beats a plain answer. Hiding alone (exposed contact
# details) ranks below answering: the question is still answered, with `hide` in `also`.
INBOUND_PRECEDENCE: tuple[str, ...] = (
    "escalate_crisis",
    "delete",
    "escalate_manager",
    "refer_formal",
    "refer_political",
    "reply",
    "thank",
    "hide",
    "none",
)
OUTGOING_PRECEDENCE: tuple[str, ...] = ("block", "revise", "ok")

# Actions that can stand beside the main one in `Decision.also`; answering and thanking
# are part of every referral and escalation, so they never appear there.
SECONDARY_ACTIONS: tuple[str, ...] = (
    "escalate_crisis",
    "escalate_manager",
    "refer_formal",
    "refer_political",
    "hide",
)

# DESIGN.md §3; who approves, who is told and where escalations go is read from the pack.
ROLES: tuple[str, ...] = (
    "communications",
    "unit_leader",
    "chief_executive",
    "crisis_team",
    "records",
    "it",
    "service_office",
    "employee",
    "politician",
    "mayor",
)

TOPICS: tuple[str, ...] = (
    "scope",
    "account_creation",
    "ownership",
    "identity",
    "authority",
    "response_time",
    "how_to_answer",
    "case_processing",
    "archiving",
    "confidentiality",
    "privacy",
    "freedom_of_information",
    "political",
    "deletion",
    "difficult_cases",
    "crisis",
    "photos_rights",
    "website_first",
    "closing",
    "private_use",
    "yearly_review",
)

# The rows of `somevakt policy compare`: DESIGN.md §1, in its order, with Norwegian labels.
COMPARE_TOPICS: tuple[tuple[str, str], ...] = (
    ("account_creation", "Opprette offisiell konto"),
    ("ownership", "Eierskap og ansvar"),
    ("identity", "Avsender synlig"),
    ("response_time", "Svartid"),
    ("how_to_answer", "Hvordan svare"),
    ("case_processing", "Saksbehandling"),
    ("political", "Politiske saker"),
    ("deletion", "Sletting"),
    ("difficult_cases", "Vanskelige saker"),
    ("crisis", "Krise"),
    ("photos_rights", "Bilder og rettigheter"),
    ("website_first", "Nettsiden først"),
    ("closing", "Stenge et forum"),
    ("private_use", "Ansattes private bruk"),
    ("yearly_review", "Årlig gjennomgang"),
)

# Where a clause is honoured. `engine` and `worktime` exist in the pure-Python core; the
# others are the Django apps of DESIGN.md §2; guidance is shown in the last three places.
ENFORCED_BY: tuple[str, ...] = ("engine", "worktime")
APP_PARTS: tuple[str, ...] = ("registry", "crisis", "inbox", "publishing", "archive", "people", "tenants")
GUIDANCE_PLACES: tuple[str, ...] = ("self_check", "reply_composer", "onboarding")
