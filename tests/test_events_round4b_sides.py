"""Round 4b of the event rules: whose forces "its forces", "their units", "our forces" are
(``events.context.statement-owner``).

Short articles written here, in other words than the development articles the rule was found
in (named in its docstring), read through the project's NLP pipeline and the whole extractor.
Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor
from isisgraph.records import Event

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


def a(slug: str) -> str:
    return str(actor(slug))


def attacks(found: list[Event]) -> list[Event]:
    return [e for e in found if e.kind == "Attack"]


# ------------------------------------------------------ events.context.statement-owner


def test_its_forces_that_repelled_an_attack_are_the_ministry_s(article_events):
    found = attacks(article_events("The Peshmerga ministry said in a statement that its forces "
                                   "repelled an ISIS attack near Makhmour on Sunday."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("peshmerga")])]


def test_its_troops_that_were_attacked_are_the_army_s(article_events):
    found = attacks(article_events("The Iraqi army said on Tuesday that ISIS attacked its troops "
                                   "near Rutba."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("iraqi-army")])]


def test_our_forces_in_a_quote_are_the_speaking_service_s(article_events):
    found = attacks(article_events('"Our forces repelled an ISIS attack on a checkpoint near '
                                   'Kirkuk," the Iraqi Counter-Terrorism Service said on Tuesday.'))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [a("iraqi-cts")])]


def test_a_person_s_statement_gives_its_forces_no_owner(article_events):
    found = attacks(article_events("The governor of Diyala said on Monday that their troops "
                                   "repelled an ISIS attack near Khanaqin."))
    assert [(e.perpetrators, e.target_actors) for e in found] == [([a("isis")], [])]
