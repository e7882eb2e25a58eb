"""Claims of round 5 of the real-news work (recall on unseen wording): an unnamed source taken
up again long after it spoke. Our own sentences,
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
