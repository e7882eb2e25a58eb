"""strikes.actors.sole_air_force: an aircraft type named without its force, whose type the text
never names with one, flies for the one force that strikes from the air the text has named up
to the end of its sentence. End to end with the real model, on sentences written for this test
(the dev articles the reading was drawn from are named in its docstring)."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2017, 3, 15)  # the articles' publication day (reports_of in conftest.py)


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


@pytest.mark.parametrize(("text", "force"), [
    # the force named in the sentence before, the aircraft's outcome verb after
    ("The Royal Air Force kept up its patrols over northern Iraq on Sunday. Two Typhoons "
     "destroyed an ISIS mortar team near Mosul.", "raf"),
    # the force named after the aircraft, in the same sentence
    ("Two Tornados struck a Daesh truck bomb near Mosul on Tuesday, in the RAF's latest mission "
     "over Iraq.", "raf"),
    # a speaking air force, then a dated sentence of its own
    ("The Royal Australian Air Force said its aircraft were back over Iraq. On Monday two "
     "Hornets bombed an ISIL bunker west of Kirkuk.", "australian-defence-force"),
    # the force named only further down the text
    ("Four Tornados bombed a Daesh command post near Tal Afar on Wednesday.\n\n"
     "The Royal Air Force has flown over Iraq since 2014.", "raf"),
])
def test_an_aircraft_type_flies_for_the_one_air_force_named(reports_of, text, force) -> None:
    found = reports_of(text)
    assert [r.perpetrators for r in found if r.strike_count == 1] == [[actor(force)]]


def test_no_force_for_an_aircraft_when_two_are_named(reports_of) -> None:
    # two air forces named: the Su-24s may be either's; nor does a generic "jets" take one
    two = reports_of("Russian and Syrian warplanes were active over Palmyra. Two Su-24s bombed "
                     "a depot there on Monday.")
    generic = reports_of("The Royal Air Force kept up its patrols over northern Iraq on Sunday. "
                         "Two jets destroyed an ISIS mortar team near Mosul.")
    assert not any(r.perpetrators for r in two + generic)


def test_an_aircraft_of_a_force_the_reference_lacks_is_nobody_else_s(reports_of) -> None:
    # "Moroccan F-16s" after "Dutch F-16s": the Moroccan ones are not the Dutch; still a strike
    found = reports_of("On Monday Dutch F-16s bombed a Daesh depot near Mosul, while Moroccan "
                       "F-16s struck a checkpoint near Hit.")
    assert sorted(map(tuple, (r.perpetrators for r in found))) == [
        (), (actor("netherlands-armed-forces"),)]


@pytest.mark.parametrize("text", [
    "Typhoons struck an Islamic State-held building in eastern Raqqa whilst Tornados hit two "
    "firing points in Mosul, the RAF said.",
    "Reapers destroyed a Daesh truck near Raqqa on Sunday as Tornados bombed a bunker in "
    "Mosul, the Royal Air Force said.",
])
def test_two_aircraft_in_one_sentence_are_two_strikes_each_in_its_place(reports_of, text) -> None:
    found = reports_of(text)
    assert sorted(tuple(r.countries) for r in found) == [
        (str(ID["place/iraq"]),), (str(ID["place/syria"]),)]


def test_one_force_striking_twice_in_one_sentence_is_one_strike(reports_of) -> None:
    found = reports_of("The RAF struck a Daesh bunker near Mosul and destroyed a truck near "
                       "Tal Afar on Tuesday.")
    assert len(found) == 1


@pytest.mark.parametrize("text", [
    # a force the reference lacks, named once; its aircraft are then 'the F-16s'
    "Moroccan Air Force F-16s flew over Iraq for the first time. The F-16s bombed IS fighters "
    "near Ramadi on Sunday, the ministry said.",
    "Two Moroccan F-16s landed in Jordan on Friday. On Sunday the F-16s struck an ISIL depot "
    "near Hit.",
    # a bombing raid is an air raid
    "Norwegian jets carried out two bombing raids on Daesh near Mosul on Friday.",
])
def test_aircraft_of_a_force_the_reference_lacks_strike_for_nobody(reports_of, text) -> None:
    found = reports_of(text)
    assert found and all(r.perpetrators == [] for r in found)


def test_aircraft_of_a_known_force_told_again_keep_it(reports_of) -> None:
    found = reports_of("Dutch F-16s bombed a depot near Mosul on Monday. On Tuesday the F-16s "
                       "struck a checkpoint near Hit.")
    assert [r.perpetrators for r in found] == [[actor("netherlands-armed-forces")]] * 2
