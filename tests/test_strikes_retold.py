"""strikes.retold: a strike without a number that retells one the article reported a few
sentences before (same or open force, same or no place, same or nearer period) folds into it
rather than counting again (tests/gold/README.md: reports are counted per mention; a sentence
that elaborates the same strike is folded in). End to end with the real model on sentences
written for these tests (never article text); the dev articles are named in the docstring of
src/isisgraph/extract/strikes/retold.py."""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import ID

PUBLISHED = dt.date(2016, 4, 14)  # a Thursday


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


def test_aircraft_taken_up_by_a_pronoun_in_the_next_sentence_fold_in(reports_of) -> None:
    # the place the strike lacked comes with the sentence that details it
    text = ("Canadian CF-18s carried out their first air strike in Syria on Tuesday. They "
            "dropped guided bombs on an IS compound near Raqqa.")
    [report] = reports_of(text)
    assert report.perpetrators == [actor("canadian-armed-forces")]


def test_the_next_sentence_dating_the_raids_is_the_same_report(reports_of) -> None:
    text = ("Dutch F-16s have flown their first bombing raids against IS in Iraq. The Dutch "
            "planes hit IS positions on Tuesday.")
    [report] = reports_of(text)
    assert report.when is not None and report.when.start == dt.date(2016, 4, 12)


def test_a_strike_in_another_place_or_told_as_another_counts(reports_of) -> None:
    text = ("Canadian CF-18s struck an IS fighting position near Mosul on Tuesday. "
            "Two CF-18s also hit a weapons cache near Kirkuk on Wednesday.")
    assert len(reports_of(text)) == 2


def test_a_new_account_with_aircraft_of_its_own_counts(reports_of) -> None:
    text = ("The RAF carried out strikes against IS near Mosul this week. Two "
            "Tornado jets destroyed an armed truck near Mosul on Tuesday.")
    assert len(reports_of(text)) == 2


def test_another_day_of_the_same_force_counts_again(reports_of) -> None:
    text = ("French Rafale jets struck an IS depot near Raqqa on Monday. "
            "Two Rafale jets hit a command post near Raqqa on Wednesday.")
    assert len(reports_of(text)) == 2


def test_a_pronoun_subject_of_the_verb_the_strike_is_a_purpose_of(reports_of) -> None:
    # the strike told as the purpose of 'used': 'They' takes the aircraft up
    text = ("Danish F-16s carried out their first air strike in Iraq on Tuesday. They used "
            "guided bombs to hit an IS compound near Mosul.")
    assert len(reports_of(text)) == 1


def test_a_force_s_strike_with_a_date_of_its_own_is_another(reports_of) -> None:
    text = ("Dutch F-16s struck IS positions near Ramadi on Tuesday, the ministry said.\n\n"
            "Iraqi commanders said they had recaptured the city centre.\n\n"
            "On Wednesday Dutch F-16s destroyed an IS mortar team near Fallujah.")
    assert len(reports_of(text)) == 2
