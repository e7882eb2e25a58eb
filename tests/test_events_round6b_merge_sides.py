"""Round 6b: the sides of one event told in several reports (``events.merge.lead``).

Short articles written here, in other words than the development article the rule was found
in (named in the rule's docstring), read through the project's NLP pipeline and the whole
extractor. Each reading has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import actor

PUBLISHED = dt.date(2021, 9, 6)


def a(slug: str) -> str:
    return str(actor(slug))


def test_an_unplaced_lead_lends_its_sides_to_the_definite_report_that_places_it(article_events):
    found = article_events(
        "At least nine Iraqi soldiers have been killed in an attack by Islamic State militants on an "
        "army outpost in the country's north. The attack on Saturday, in the Tuz Khurmatu district, "
        "began shortly before dawn.", PUBLISHED)
    attacks = [e for e in found if e.kind in ("Attack", "Killing")]
    assert len(attacks) == 1
    assert a("isis") in attacks[0].perpetrators and attacks[0].target_actors
    assert "events.merge.lead" in attacks[0].extractor


def test_a_lead_is_not_folded_into_an_attack_of_other_sides(article_events):
    found = article_events(
        "At least nine Iraqi soldiers have been killed in an attack by Islamic State militants on an "
        "army outpost in the country's north. Separately, Peshmerga forces attacked an Islamic State "
        "hideout in the Tuz Khurmatu district on Saturday.", PUBLISHED)
    assert not any("events.merge.lead" in e.extractor for e in found)


def test_a_headline_merged_into_the_body_is_one_more_evidence_of_the_event(article_events):
    found = article_events(
        "Islamic State militants kill nine soldiers in Tuz Khurmatu\n\n"
        "Islamic State militants killed nine Iraqi soldiers in an attack on an army outpost in the "
        "Tuz Khurmatu district on Saturday, the army said.", PUBLISHED)
    (event,) = [e for e in found if e.kind in ("Attack", "Killing")]
    assert event.retold and all(t.span != event.span for t in event.retold)
    assert any("events.merge.headline" in t.extractor for t in event.retold)
    assert all(0.0 < t.confidence <= 1.0 for t in event.retold)


def test_one_report_has_no_other_evidence(article_events):
    found = article_events(
        "Islamic State militants killed nine Iraqi soldiers in an attack on an army outpost in the "
        "Tuz Khurmatu district on Saturday, the army said.", PUBLISHED)
    assert all(not e.retold for e in found)
