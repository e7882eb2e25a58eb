"""Round 9 claim readings on the hand-built parses they were written for (tests/parses.py):
where a reading fires and where it must not. Our own sentences; the dev articles each reading
was seen in are named in its docstring."""

from __future__ import annotations

import datetime as dt

import pytest
from parses import parse

from isisgraph import reference
from isisgraph.extract.claims import extract_claims
from isisgraph.iris import ID
from isisgraph.records import Article

ACTOR = ID + "actor/"
PUBLISHED = dt.date(2020, 9, 29)


@pytest.fixture(scope="module")
def ref():
    return reference.load()


def claims(ref, table):  # noqa: ANN001, ANN201
    doc = parse(table)
    return extract_claims(doc, Article(id="t", text=doc.text, source="test", published=PUBLISHED), ref)[0]


def speakers(found) -> list[str]:  # noqa: ANN001
    return sorted(c.claimant.rsplit("/", 1)[-1] for c in found)


# "The militia said its fighters repelled the attack near Balad, north of Baghdad, Rudaw
# reported.": the parser set the outlet beside "Baghdad" ({dep}) and hung "reported" on "said"
# as a complement, with no subject of its own
TRAILING_OUTLET = """
    The       the       DET    DT   2   det
    ministry  ministry  NOUN   NN   3   nsubj
    said      say       VERB   VBD  0   ROOT
    its       its       PRON   PRP$ 5   poss
    fighters  fighter   NOUN   NNS  6   nsubj
    repelled  repel     VERB   VBD  3   ccomp
    the       the       DET    DT   8   det
    attack    attack    NOUN   NN   6   dobj
    near      near      ADP    IN   6   prep
    Balad     Balad     PROPN  NNP  9   pobj   B-PLACE  place/balad
    ,         ,         PUNCT  ,    10  punct
    north     north     ADV    RB   10  advmod
    of        of        ADP    IN   12  prep
    Baghdad   Baghdad   PROPN  NNP  13  pobj   B-PLACE  place/baghdad
    ,         ,         PUNCT  ,    14  punct
    Rudaw     Rudaw     PROPN  NNP  14  {dep}  B-ACTOR  actor/rudaw
    reported  report    VERB   VBD  3   ccomp
    .         .         PUNCT  .    3   punct
"""


@pytest.mark.parametrize("dep", ["appos", "conj"])
def test_an_outlet_set_beside_the_last_noun_reports_the_sentence(ref, dep):
    found = claims(ref, TRAILING_OUTLET.format(dep=dep))
    assert "rudaw" in speakers(found)


def test_an_outlet_in_a_list_after_and_does_not_report(ref):
    # "..., north of Baghdad and Rudaw reported": a conjunct after "and" is a member of a list
    table = TRAILING_OUTLET.format(dep="conj").replace(
        "    ,         ,         PUNCT  ,    14  punct\n    Rudaw",
        "    and       and       CCONJ  CC   14  cc\n    Rudaw",
    )
    assert "rudaw" not in speakers(claims(ref, table))
