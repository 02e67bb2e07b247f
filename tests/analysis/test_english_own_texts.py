"""English in the municipality's own texts: a confidential matter tied to one person, and a political
opinion, found as in Norwegian; the writer's own family, help that names no one, and neutral news of
the council stay clean."""

from __future__ import annotations

import pytest

from somevakt.analysis.base import Document
from somevakt.analysis.confidential import CASE_DETAILS, ConfidentialAnalyser
from somevakt.analysis.reply_stance import OWN_OPINION, ReplyStanceAnalyser


def codes(analyser: object, text: str, kind: str) -> set[str]:
    return {f.code for f in analyser.analyse(Document(text, kind))}  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        ("reply", "Hi Omar, your application for social assistance was turned down. Best, Kari"),
        ("reply", "Hello! Your daughter's case with the child welfare service is still open. Regards, Per"),
        ("reply", "Hi, the girl you mentioned from 5C gets extra help because of her autism. Best, Siri"),
        ("private", "Night shift. The old lady in room 7 with Alzheimer's kept calling for her husband."),
        ("private", "Hard day. One of my pupils told me his dad beats his mum. I have called child welfare."),
        ("private", "Long shift. The 16-year-old we admitted on Monday tried to harm herself again."),
        ("private", "Visited a lady of 94 today. She was admitted to hospital last week and is not coping."),
    ],
)
def test_an_english_confidential_matter_about_one_person_is_found(kind: str, text: str) -> None:
    assert CASE_DETAILS in codes(ConfidentialAnalyser(), text, kind), text


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        # the writer's own family is the writer's own business in a private post
        ("private", "My mum was diagnosed with dementia last spring. Hug your parents, everyone."),
        # how a service works, said to anyone
        (
            "reply",
            "Hi! You can apply for social assistance at NAV, and the school helps pupils with ADHD. Ola",
        ),
        ("post", "The child welfare service is open on weekdays from 8 to 15."),
    ],
)
def test_english_help_and_the_writers_own_family_are_no_case(kind: str, text: str) -> None:
    assert CASE_DETAILS not in codes(ConfidentialAnalyser(), text, kind), text


@pytest.mark.parametrize(
    "text",
    [
        "Thanks! The council votes on the toll ring in May. Between us, we think it is a bad idea. Best, Ida",
        "Hi Tom. The council decided to close the pool. Honestly, I think that was a short-sighted decision. "
        "Regards, Lars",
        "The property tax is on the agenda in June. In my opinion it would be a big mistake. Best, Eva",
    ],
)
def test_an_english_opinion_on_a_political_matter_is_found(text: str) -> None:
    assert OWN_OPINION in codes(ReplyStanceAnalyser(), text, "reply"), text


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for asking! The council votes on the toll ring in May. The papers are on our website. "
        "Best, Ida",
        "Hi! If you think the decision is wrong, you can appeal within three weeks. Best, Lars",
        "We think the form is easiest to fill in online. Best, Eva",
        "We hope you enjoy the summer. The council meets again in August. Best, Kari",
    ],
)
def test_english_news_of_the_council_and_advice_are_no_opinion(text: str) -> None:
    assert OWN_OPINION not in codes(ReplyStanceAnalyser(), text, "reply"), text
