"""The self-check tells an employee when a private post speaks for the municipality outside their
own field (Gausdal informasjonsansvar-2; `private.outside_field`), with the field read from their
membership (unit and title): through the real page, in bokmål, nynorsk and English, and measured
on hand-written posts (tests/people/data/own_field_posts.yaml) for false alarms.

The figures: `.venv/bin/pytest -q -s tests/people/test_own_field.py -k measure -p no:cacheprovider`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from django.urls import reverse
from django.utils import translation

from somevakt.people import selfcheck
from somevakt.policy.engine import PolicyContext
from somevakt.policy.packs import load_pack
from somevakt.tenants.models import Membership
from somevakt.tenants.roles import Role
from tests.factories import logged_in, make_member, make_unit

POSTS = yaml.safe_load((Path(__file__).parent / "data" / "own_field_posts.yaml").read_text(encoding="utf-8"))
OUT_OF_FIELD = "Som ansatt i Gausdal kommune kan jeg bekrefte at Forset skole legges ned til høsten."
IN_FIELD = "Som ansatt i Gausdal kommune kan jeg opplyse at sykehjemmet har utvidet besøkstid i jula."


def url(municipality) -> str:
    return reverse("people:self_check", kwargs={"municipality": municipality.slug})


def employee(municipality, username: str, unit, title: str):
    """An employee of `unit` with a job title on their membership (where their field is read)."""
    person = make_member(municipality, username, username.title(), "Ansatt", [Role.EMPLOYEE], unit=unit)
    Membership.objects.filter(person=person).update(title=title)
    return person


@pytest.fixture
def nurse(municipality, top_unit):
    care = make_unit(municipality, "Helse og omsorg", "helse-og-omsorg", parent=top_unit)
    return employee(municipality, "sykepleier", care, "Sykepleier")


def test_it_tells_a_nurse_that_a_post_about_the_school_speaks_outside_her_field(nurse, municipality):
    client = logged_in(nurse)
    page = client.get(url(municipality)).content.decode()
    assert 'data-testid="own-field"' in page and "helse og omsorg" in page
    page = client.post(url(municipality), {"kind": "private", "text": OUT_OF_FIELD}).content.decode()
    assert 'data-verdict="revise"' in page
    assert "Uttaler seg for kommunen utenfor ditt felt" in page
    assert "#gausdal:informasjonsansvar-2" in page
    assert "Innlegget handler om skole og barnehage; ditt eget felt er helse og omsorg." in page
    client.post(reverse("set_language"), {"language": "nn"})
    page = client.post(url(municipality), {"kind": "private", "text": OUT_OF_FIELD}).content.decode()
    assert "Uttaler seg for kommunen utanfor feltet ditt" in page
    assert "ditt eige felt er helse og omsorg" in page
    client.post(reverse("set_language"), {"language": "en"})
    page = client.post(url(municipality), {"kind": "private", "text": OUT_OF_FIELD}).content.decode()
    assert "Speaks for the municipality outside your field" in page
    assert "The post is about schools and kindergartens; your own field is health and care." in page


def test_it_says_nothing_of_the_field_when_the_post_is_her_own(nurse, municipality):
    page = logged_in(nurse).post(url(municipality), {"kind": "private", "text": IN_FIELD}).content.decode()
    assert "utenfor ditt felt" not in page
    assert "gausdal:informasjonsansvar-2" not in page


def test_it_says_nothing_of_the_field_where_the_guideline_has_no_such_rule(nurse, municipality):
    municipality.policy_pack = "romskog"  # only the accounts' administrators speak, whatever the field
    municipality.save()
    page = (
        logged_in(nurse).post(url(municipality), {"kind": "private", "text": OUT_OF_FIELD}).content.decode()
    )
    assert "utenfor ditt felt" not in page
    assert 'data-testid="own-field"' not in page


def test_it_leaves_out_those_who_speak_for_everything(owner, municipality):
    pack = load_pack("gausdal")
    assert selfcheck.speaker_fields(Membership.objects.get(person=owner), pack) is None


def measure(municipality, top_unit) -> dict[str, object]:
    pack = load_pack("gausdal")
    members = {}
    for n, (key, writer) in enumerate(POSTS["writers"].items()):
        unit = make_unit(municipality, writer["unit"], f"enhet-{n}", parent=top_unit)
        person = employee(municipality, key, unit, writer["title"])
        members[key] = Membership.objects.select_related("unit").get(person=person)
    rows = []
    with translation.override("nb"):
        for post in POSTS["posts"]:
            membership = members[post["writer"]]
            fields = selfcheck.speaker_fields(membership, pack)
            result = selfcheck.check(post["text"], "private", pack, PolicyContext(speaker_fields=fields))
            said = any(f.label == "Uttaler seg for kommunen utenfor ditt felt" for f in result.found)
            rows.append((post, said))
    positives = [said for post, said in rows if post["outside"]]
    negatives = [said for post, said in rows if not post["outside"]]
    by_kind: dict[str, list[int]] = {}
    for post, said in rows:
        by_kind.setdefault(post["kind"], [0, 0])
        by_kind[post["kind"]][0] += int(said)
        by_kind[post["kind"]][1] += 1
    return {
        "posts": len(rows),
        "outside_field": len(positives),
        "found": sum(positives),
        "false_alarms": sum(negatives),
        "recall": round(sum(positives) / len(positives), 3),
        "false_alarm_rate": round(sum(negatives) / len(negatives), 3),
        "said_per_kind": {k: f"{v[0]}/{v[1]}" for k, v in by_kind.items()},
        "missed": [post["text"] for post, said in rows if post["outside"] and not said],
        "alarms": [post["text"] for post, said in rows if not post["outside"] and said],
    }


def test_it_measures_few_false_alarms_on_hand_written_posts(municipality, top_unit):
    figures = measure(municipality, top_unit)
    print("\nown-field self-check:", yaml.safe_dump(figures, allow_unicode=True, sort_keys=False))
    assert figures["false_alarms"] == 0, figures["alarms"]
    assert figures["recall"] >= 0.8, figures["missed"]
