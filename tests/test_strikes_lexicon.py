"""The strike rules' word lists (ontology/lexicons/strikes.toml), confidence and rule ids."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from parses import parse

from isisgraph.extract.strikes import lexicon as words
from isisgraph.extract.strikes.aircraft import aircraft_word, is_munition, unidentified_aircraft
from isisgraph.extract.strikes.confidence import confidence
from isisgraph.extract.strikes.document import Draft
from isisgraph.lexicons import lexicon
from isisgraph.records import Span, When

IDS = Path(__file__).parent / "data" / "extractor-ids" / "strikes.json"
PACKAGE = Path(words.__file__).parent


def test_every_list_of_the_strikes_lexicon_is_documented_and_read() -> None:
    strikes = lexicon("strikes")
    source = "\n".join(p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py"))
    for name in strikes.names():
        assert name.replace("-", "_") in source, f"[{name}] is read by no strike rule"


def test_derived_sets_are_unions_of_the_lists() -> None:
    assert words.DESCRIBING_VBN >= words.CONDUCT_VERBS | words.OBSERVATION_VERBS
    assert words.DEMONYM_FORCE_KINDS[0] == "aircraft"  # tried in the file's order


def test_every_rule_id_maps_to_the_old_extractor_value() -> None:
    patterns = [(re.compile(p), r) for p, r in json.loads(IDS.read_text(encoding="utf-8"))]
    ids = re.findall(r'^[A-Z_]+ = "(strikes\.[a-z.-]+)"', "\n".join(
        p.read_text(encoding="utf-8") for p in PACKAGE.glob("*.py")), flags=re.M)
    assert len(ids) >= 25 and len(set(ids)) == len(ids)
    for rule in ids:
        value = rule + "+strikes.parts.part-of"
        for pattern, replacement in patterns:
            value = pattern.sub(replacement, value)
        assert value == "strike-rules"


AIRCRAFT = """
Unidentified  unidentified  ADJ    JJ   2  amod
F-16s         f-16s         NOUN   NNS  0  ROOT
and           and           CCONJ  CC   2  cc
a             a             DET    DT   6  det
Hellfire      Hellfire      PROPN  NNP  6  compound
missile       missile       NOUN   NN   2  conj
"""


def test_aircraft_and_munition_words() -> None:
    doc = parse(AIRCRAFT)
    # a designator's lower-case plural 's' goes ("F-16s" is the F-16 named before)
    assert aircraft_word(doc[1]) == "f-16" and unidentified_aircraft(doc[1])
    assert aircraft_word(doc[5]) is None and is_munition(doc[5]) and not is_munition(doc[1])


def _draft(**kwargs: object) -> Draft:
    doc = parse(AIRCRAFT)
    draft = Draft(unit=0, anchor=doc[1], span=Span(0, 3))
    for key, value in kwargs.items():
        setattr(draft, key, value)
    return draft


MONDAY = When("on Monday", dt.date(2017, 1, 9), dt.date(2017, 1, 9), "day")


def test_strikes_confidence_counts_what_the_clause_says() -> None:
    named = _draft(strike_count=28, perpetrators=["a"], actor_source="clause", countries=["c"],
                   country_source="clause", when=MONDAY, when_source="clause")
    assert confidence(named) == 0.95  # 1.0, capped
    inferred = _draft(strike_count=28, perpetrators=["a"], actor_source="inferred",
                      countries=["c"], country_source="context", when=MONDAY, when_source="context")
    assert confidence(inferred) == 0.77  # 0.4 + 0.2 + 0.05 + 0.05 + 0.07


def test_strikes_confidence_lower_for_an_uncounted_strike() -> None:
    dated = _draft(strike_count=1, qualifier="atLeast", counted=False, perpetrators=["a"],
                   actor_source="clause", when=MONDAY, when_source="clause")
    assert confidence(dated) == 0.7  # 0.4 + 0.1 + 0.15 + 0.15 - 0.1


DESIGNATORS = """
F/A-18Fs  f/a-18fs  NOUN  NNS  0  ROOT
and       and       CCONJ CC   1  cc
Su-35S    Su-35S    PROPN NNP  1  conj
"""


def test_a_designator_keeps_an_upper_case_variant_letter() -> None:
    doc = parse(DESIGNATORS)
    assert aircraft_word(doc[0]) == "f/a-18f"  # the lower-case plural 's' goes
    assert aircraft_word(doc[2]) == "su-35s"  # the upper-case 'S' is the variant
