"""Round 5 of the event rules: fewer events that are no news of their own — an article's
history at the scale of a whole country (``events.filters.country-wide``) and one happening
told twice (``events.merge``).

Each reading is tested on short articles written here, in other words than the development
articles it was found in (named in the rule's docstring), through the project's NLP pipeline
and the whole extractor. Each has an article it must not read.
"""

from __future__ import annotations

import datetime as dt

from isisgraph.namespaces import place

PUBLISHED = dt.date(2021, 6, 16)  # a Wednesday


def p(slug: str) -> str:
    return str(place(slug))


def control_changes(events):
    return [e for e in events if e.kind == "ControlChange"]


HISTORY = [
    # an arrest report that recalls how the group rose
    "Turkish police detained nine suspects in Gaziantep on Tuesday. The group captured "
    "territory in Iraq in 2014 before it was defeated.",
    # an attack report that recalls the same years
    "Militants attacked a checkpoint near Tarmiyah on Monday, killing two soldiers. The "
    "extremists had seized swathes of land in Syria in 2015.",
    # a clash report with the group's past at the end
    "Iraqi troops killed four militants in the Hamrin mountains on Sunday. ISIS took control "
    "of territory in Iraq and Syria in 2014.",
]


def test_country_wide_history_a_year_before_the_article_is_no_event(article_events):
    for text in HISTORY:
        events = article_events(text)
        assert events, text  # the news itself is read
        assert not any(e.locations and set(e.locations) <= {p("iraq"), p("syria")}
                       and e.when is not None and e.when.start is not None
                       and e.when.start.year < 2020 for e in events), text


def test_country_wide_history_of_a_region_is_kept(article_events):
    # a region of the country is kept: its news or its history, the reference has it
    events = article_events("Militants attacked a checkpoint near Tarmiyah on Monday. The "
                            "group had captured territory in northern Iraq in 2014.")
    assert any(e.kind == "ControlChange" and e.locations == [p("iraq")] for e in events)


def test_country_wide_history_of_a_killing_is_kept(article_events):
    # not a change of control: a massacre of years ago is an event the article reports
    events = article_events("Militants attacked a checkpoint near Tarmiyah on Monday. The "
                            "group killed thousands of Yazidis in Iraq in 2014.")
    assert any(e.kind == "Killing" and e.locations == [p("iraq")] for e in events)


def test_country_wide_news_of_this_year_is_kept(article_events):
    # the same form, dated in the article's own year: the news itself
    events = article_events("ISIS fighters seized territory in Iraq in February 2021, "
                            "officials said.", dt.date(2021, 3, 2))
    changes = control_changes(events)
    assert [e.locations for e in changes] == [[p("iraq")]]


def attacks(events):
    return [e for e in events if e.kind in ("Attack", "Bombing", "Ambush", "SuicideAttack")]


RETOLD = [
    # the attack named again with the claim that names its target
    "Gunmen attacked police posts in Tikrit early on Monday, officials said. Clashes went on "
    "for hours. ISIS said its fighters carried out the attack, which it said targeted the "
    "Iraqi army.",
    # the assault named again with its place and a toll of its own
    "Militants stormed an army base in Baiji on Tuesday. Soldiers returned fire. An officer "
    "said the Baiji assault killed three soldiers.",
    # this attack, two sentences on
    "ISIS fighters attacked a Peshmerga post near Makhmour on Sunday night. Reinforcements "
    "arrived before dawn. A commander said this attack on the Peshmerga was repelled after an "
    "hour.",
]


def test_merge_definite_an_attack_named_again_is_the_attack_told(article_events):
    from isisgraph.extract.events.continuation import DEFINITE

    assert DEFINITE == "events.merge.definite"
    for text in RETOLD:
        assert len(attacks(article_events(text))) == 1, text


def test_merge_definite_not_an_attack_elsewhere(article_events):
    # the definite noun of another place is another attack
    found = attacks(article_events("Militants stormed an army base in Baiji on Tuesday. "
                                   "Soldiers returned fire. Police said the attack in Raqqa "
                                   "killed three civilians."))
    assert len(found) == 2


SIDELESS = [
    # gun battles in the town the attack hit
    "Militants attacked police posts in Tikrit early on Monday, officials said. Gun battles "
    "went on for hours in Tikrit, witnesses said.",
    # the clashes a reporter was covering in the city
    "Gunmen stormed a government building in Kirkuk on Friday. A cameraman was wounded while "
    "covering the clashes in Kirkuk.",
    # the fighting in the village the group attacked, a sentence later
    "ISIS fighters attacked the village of Zarga near Hawija on Sunday. Residents fled. The "
    "fighting in Zarga lasted until dawn.",
]


def test_merge_sideless_clash_is_the_fighting_of_the_attack_told(article_events):
    from isisgraph.extract.events.continuation import SIDELESS_CLASH

    assert SIDELESS_CLASH == "events.merge.sideless-clash"
    for text in SIDELESS:
        events = article_events(text)
        assert [e.kind for e in events if e.kind in ("Attack", "Clash")] == ["Attack"], text


def test_merge_sideless_clash_not_fighting_elsewhere(article_events):
    # fighting in another city is not the attack's
    events = article_events("Militants attacked police posts in Tikrit early on Monday. Gun "
                            "battles went on for hours in Raqqa, witnesses said.")
    assert sorted(e.kind for e in events if e.kind in ("Attack", "Clash")) == ["Attack", "Clash"]
