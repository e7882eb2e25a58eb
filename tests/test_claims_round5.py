"""Claims of round 5 of the real-news work (recall on unseen wording): an unnamed source taken
up again long after it spoke, and a verb that acts "in" a statement. Our own sentences,
written in the genre; each rule's docstring names the development articles it was seen in."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.claims import extract_claims
from isisgraph.nlp import article_doc
from isisgraph.records import Article


def read(pipeline, ref, text, published=dt.date(2021, 6, 3)):  # noqa: ANN001, ANN201 (spaCy Language, Reference)
    """The claims of ``text`` parsed as the build parses an article."""
    article = Article(id="t", text=text, source="test", published=published)
    return extract_claims(pipeline(article_doc(pipeline, text, published)), article, ref)


def speakers(claims) -> list[str]:  # noqa: ANN001 (records.Claim)
    return [c.claimant.rsplit("/", 1)[-1] for c in claims if c.claimant]


# ---------------------------------------------------------------- "the source said", far after "a military source"

SOURCE_FIRST = (
    "A military source in the eastern countryside of Raqqa told Hawar News that six gunmen attacked a "
    "checkpoint of the Asayish near Tabqa on Monday.\n\n"
)
BETWEEN = [
    "The gunmen fled towards the desert after the clash.",
    "Two members of the checkpoint were wounded.",
    "They were taken to a hospital in the city.",
    "The checkpoint was closed for several hours.",
    "Traffic on the road to Raqqa was stopped.",
    "Shops in the town closed early.",
    "The area had been quiet for weeks.",
]


@pytest.mark.parametrize("last", [
    "The residents asked the SDF to increase the patrols, the source said.",
    "The attackers had come from the villages south of the river, the source added.",
    "According to the source, the gunmen had watched the checkpoint for days.",
])
def test_the_source_long_after_a_local_military_source_is_that_source(pipeline, ref, last):
    # the source spoke seven sentences before: beyond the six of other descriptions
    text = SOURCE_FIRST + "\n\n".join(BETWEEN) + "\n\n" + last
    claims, _ = read(pipeline, ref, text)
    later = [c for c in claims if c.span.start >= text.index(last)]
    assert speakers(later) == ["asayish"]
    assert "claims.descriptions.earlier-noun" in later[0].extractor


def test_the_source_beyond_ten_sentences_is_nobody(pipeline, ref):
    # eleven sentences after the source spoke: too far to take it up
    more = ["Schools reopened on Wednesday.", "The road was repaired.", "Patrols resumed in the evening.",
            "Farmers returned to their fields."]
    last = "The residents asked the SDF to increase the patrols, the source said."
    text = SOURCE_FIRST + "\n\n".join(BETWEEN + more) + "\n\n" + last
    claims, _ = read(pipeline, ref, text)
    later = [c for c in claims if c.span.start >= text.index("The residents")]
    assert later == []


# ---------------------------------------------------------------- a verb "in a statement"


@pytest.mark.parametrize(("text", "claimant"), [
    ("In a statement released on Monday, Iraqi Prime Minister Haider al-Abadi ordered that all "
     "checkpoints in Baghdad be reinforced.", "haider-al-abadi"),
    ("In a statement published by the Amaq agency, ISIS took responsibility for the bombing in Hasakah.",
     "amaq"),
    ("Turkey's Defence Ministry, in a tweet, named the two officers killed in the ambush near al-Bab.",
     "turkish-armed-forces"),
])
def test_what_a_body_does_in_a_statement_is_its_claim(pipeline, ref, text, claimant):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == [claimant]
    assert claims[0].extractor.startswith("claims.statements.in-document")
    assert claims[0].channel in ("statement", "tweet")


def test_a_verb_in_a_place_is_no_statement(pipeline, ref):
    text = "Iraqi troops in a village near Mosul found a tunnel used by ISIS."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- "a monitor said" in news about Syria


@pytest.mark.parametrize("text", [
    "At least 20 ISIS fighters were killed in strikes on Palmyra on Thursday, a monitor said.",
    "Twelve Syrian soldiers were killed when ISIS ambushed a bus near Deir al-Zour, a war monitor reported.",
    "A war monitoring group also said the army had reached the besieged garrison in Deir al-Zor.",
])
def test_an_unnamed_monitor_in_news_about_syria_is_the_observatory(pipeline, ref, text):
    claims, _ = read(pipeline, ref, text)
    assert speakers(claims) == ["sohr"]
    assert "claims.sources.unnamed-monitor" in claims[0].extractor


def test_an_unnamed_monitor_in_news_about_iraq_is_nobody(pipeline, ref):
    text = "Twelve Iraqi soldiers were killed when ISIS ambushed a bus near Tikrit, a monitor reported."
    claims, _ = read(pipeline, ref, text)
    assert claims == []


# ---------------------------------------------------------------- "state media said"


@pytest.mark.parametrize(("text", "claimant", "for_whom"), [
    ("Syrian troops retook the town of Qaryatain from ISIS on Saturday, state media said.",
     "sana", "syrian-regime"),
    ("Syrian government forces reached the besieged garrison in Deir al-Zor on Tuesday, according to state media.",
     "sana", "syrian-regime"),
    ("Iraqi troops retook the town of Hit from ISIS on Saturday, the Iraqi state media said.",
     "iraqi-government", None),
])
def test_unnamed_state_media_are_the_state_agency_or_government_of_the_news(pipeline, ref, text, claimant, for_whom):
    claims, _ = read(pipeline, ref, text, published=dt.date(2017, 10, 21))
    assert speakers(claims) == [claimant]
    assert (claims[0].on_behalf_of or "").rsplit("/", 1)[-1] == (for_whom or "")
    assert "claims.sources.state-media" in claims[0].extractor


def test_local_media_are_nobody(pipeline, ref):
    text = "Iraqi troops retook the town of Hit from ISIS on Saturday, local media said."
    claims, _ = read(pipeline, ref, text, published=dt.date(2017, 10, 21))
    assert claims == []
