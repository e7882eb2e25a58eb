"""The aircraft types of the strikes lexicon (`aircraft-nouns`) match as the tokenizer splits them.

Sentences written here; the expected singular forms are worked out by hand from the rule of
the list's doc: lower case, the plural 's' gone, 'F/A-18F' split into F, /, A-18F.
"""

from __future__ import annotations

import pytest

from isisgraph import nlp
from isisgraph.export import air_words
from isisgraph.extract.strikes.aircraft import aircraft_word

SENTENCE = ("Two CF-18s, F/A-18F Super Hornets, Eurofighter Typhoons, Harriers, Raptors, Tu-22M3 bombers, "
            "Tu-95MS and Tu-160s, Sukhoi jets, MQ-9 Reapers, B-1Bs, AV-8Bs, AC-130s, Ka-52s and an Iraqi "
            "L-159 struck the hills.")
EXPECTED = {"CF-18s": "cf-18", "A-18F": "a-18f", "Hornets": "hornet", "Eurofighter": "eurofighter",
            "Typhoons": "typhoon", "Harriers": "harrier", "Raptors": "raptor", "Tu-22M3": "tu-22m3",
            "Tu-95MS": "tu-95ms", "Tu-160s": "tu-160", "Sukhoi": "sukhoi", "MQ-9": "mq-9",
            "Reapers": "reaper", "B-1Bs": "b-1b", "AV-8Bs": "av-8b", "AC-130s": "ac-130",
            "Ka-52s": "ka-52", "L-159": "l-159"}


def test_each_type_is_an_aircraft_word_as_tokenized() -> None:
    doc = nlp.load_pipeline()(SENTENCE)
    found = {t.text: aircraft_word(t) for t in doc if t.text in EXPECTED}
    assert found == EXPECTED


@pytest.mark.parametrize("phrase", ["Belgian F-16s bombed a position", "two CF-18s struck",
                                    "F/A-18F Super Hornets hit a mortar", "Tu-22M3 bombers pounded Deir ez-Zor",
                                    "an Iraqi L-159 fired on a hideout", "Harriers attacked"])
def test_an_event_told_by_its_aircraft_type_is_an_air_strike(phrase: str) -> None:
    assert air_words(phrase)


def test_a_word_that_names_no_aircraft_is_none() -> None:
    assert not air_words("Gunmen of the brigade stormed the village on foot at dawn")
