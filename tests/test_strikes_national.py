"""National releases as strike reports: the names national forces go by in them, and the lines
of what was hit that follow a strike (strikes.dated.passive-hit). The sentences are written here
in the style of the Russian, Turkish and Iraqi defence releases, not taken from any article;
what each must give was worked out by hand."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph import nlp, reference
from isisgraph.extract.strikes import extract_strike_reports
from isisgraph.extract.strikes.dated import PASSIVE_HIT
from isisgraph.namespaces import ID
from isisgraph.records import Article, StrikeReport

PUBLISHED = dt.date(2017, 6, 10)  # a Saturday


def reports(text: str) -> list[StrikeReport]:
    pipeline = nlp.load_pipeline()
    doc = pipeline(nlp.article_doc(pipeline, text, PUBLISHED))
    article = Article(id="t", text=text, source="test", published=PUBLISHED)
    return extract_strike_reports(doc, article, reference.load())


def actor(slug: str) -> str:
    return str(ID[f"actor/{slug}"])


@pytest.mark.parametrize(("text", "force"), [
    ("The Russian space forces struck an ISIS convoy near Palmyra on 4 June.", "russian-armed-forces"),
    ("Russian VKS bombers hit two ammunition depots in Hama province on Monday.", "russian-armed-forces"),
    ("Turkish Air Forces destroyed nine Daesh shelters near al-Bab on Friday.", "turkish-armed-forces"),
    ("An Iraqi warplane bombed a militant hideout in the Hamrin mountains on Thursday.", "iraqi-air-force"),
])
def test_a_national_air_arm_named_as_its_releases_name_it_strikes(text, force):
    [report] = reports(text)
    assert report.perpetrators == [actor(force)]
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")


@pytest.mark.parametrize(("text", "force"), [
    # the order of a Russian ministry's summary: the strike, then what else was destroyed
    ("Russian warplanes struck a command post near Deir ez-Zor on Monday. Two ammunition depots "
     "in Hama province were also destroyed.", "russian-armed-forces"),
    # a Turkish General Staff line: targets hit, then the list, in the passive
    ("The Turkish Armed Forces hit 40 Daesh targets in northern Syria on Sunday, the General Staff "
     "said. Ten buildings and three weapon positions were destroyed.", "turkish-armed-forces"),
    # an Iraqi media cell's statement, with the second target after the strike
    ("Iraqi F-16 jets bombed a tunnel in the Hamrin mountains on Friday, the Security Media Cell "
     "said. A second hideout used by the terrorists was struck as well.", "iraqi-air-force"),
])
def test_strikes_dated_passive_hit_reads_a_target_line_after_a_strike(text, force):
    found = [r for r in reports(text) if r.extractor.startswith(PASSIVE_HIT)]
    assert len(found) == 1
    [line] = found
    assert line.perpetrators == [actor(force)]
    assert (line.strike_count, line.count_qualifier) == (1, "atLeast")
    assert line.span.start > text.index(". ")  # the second sentence


@pytest.mark.parametrize("text", [
    # found after a ground search, sentences away from the strike
    "Iraqi jets struck a tunnel in the Hamrin mountains on Friday. Soldiers then searched the "
    "valley for hours. They found the bodies of three militants. Two hideouts were destroyed.",
    # a thing of the other side: no strike by the force named before
    "Coalition jets struck ISIS positions near Mosul on Monday. A Peshmerga checkpoint was also hit.",
])
def test_strikes_dated_passive_hit_not_away_from_the_strike_nor_on_the_strikers_side(text):
    assert not [r for r in reports(text) if r.extractor.startswith(PASSIVE_HIT)]


@pytest.mark.parametrize(("text", "force"), [
    # the force that says it, with no report before
    ("The Turkish General Staff said on Monday that 60 Daesh targets were destroyed near al-Bab.",
     "turkish-armed-forces"),
    ("The Russian Defence Ministry said 30 terrorist facilities had been destroyed in Hama province "
     "over the past day.", "russian-armed-forces"),
    # the one force that strikes among those conducting the operation named
    ("Forty Daesh targets have been destroyed during Operation Euphrates Shield, the statement added.",
     "turkish-armed-forces"),
])
def test_strikes_dated_passive_hit_takes_the_force_of_the_release(text, force):
    [line] = [r for r in reports(text) if r.extractor.startswith(PASSIVE_HIT)]
    assert line.perpetrators == [actor(force)]


def test_strikes_dated_passive_hit_not_for_a_force_that_does_not_strike():
    text = "The SDF said that 12 ISIS positions were destroyed near Hajin on Sunday."
    assert not [r for r in reports(text) if r.extractor.startswith(PASSIVE_HIT)]


@pytest.mark.parametrize(("text", "force"), [
    ("Turkey hit 40 Daesh targets in northern Syria on Friday, the military said.", "turkish-armed-forces"),
    ("The Turkish army hit 25 Daesh positions near al-Bab on Sunday.", "turkish-armed-forces"),
    ("Iraqi troops hit ISIS hideouts in the Hamrin mountains on Monday.", "iraqi-army"),
])
def test_a_state_that_hit_an_armed_groups_targets_struck(text, force):
    [report] = reports(text)
    assert report.perpetrators == [actor(force)]
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")


@pytest.mark.parametrize("text", [
    "ISIS hit a checkpoint near Kirkuk on Monday, killing two soldiers.",
    "A roadside bomb hit an army patrol near Tikrit on Monday.",
])
def test_hit_by_an_armed_group_or_a_bomb_is_no_strike(text):
    assert reports(text) == []


def titled_reports(title: str, body: str, given_title: str | None) -> list[StrikeReport]:
    text = f"{title}\n\n{body}"
    pipeline = nlp.load_pipeline()
    doc = pipeline(nlp.article_doc(pipeline, text, PUBLISHED))
    article = Article(id="t", text=text, source="test", published=PUBLISHED, title=given_title)
    return extract_strike_reports(doc, article, reference.load())


BODY = "Officials gave no further details of the operation."


@pytest.mark.parametrize("title", [
    "Turkish army hits 70 Daesh targets in northern Syria, says General Staff.",
    "Iraqi warplanes destroy Daesh hideouts in the Hamrin mountains, says media cell.",
    "Russian jets pound ISIL positions near Palmyra, ministry says.",
])
def test_a_title_ending_in_a_full_stop_is_still_the_headline(title):
    [report] = titled_reports(title, BODY, title)
    assert report.span.start == 0
    assert (report.strike_count, report.count_qualifier) == (1, "atLeast")


def test_a_first_line_that_is_not_the_title_tells_no_habit_as_news():
    title = "Turkish army hits 70 Daesh targets in northern Syria, says General Staff."
    assert titled_reports(title, BODY, "Another title") == []


@pytest.mark.parametrize("text", [
    "The Iraqi air force frequently carries out strikes against ISIS cells in the Hamrin mountains.",
    "Coalition jets often conduct airstrikes on militant hideouts along the Euphrates.",
    "Turkish drones routinely launch strikes on Daesh positions near the border, officials say.",
])
def test_strikes_told_as_a_habit_without_a_number_are_no_report(text):
    assert reports(text) == []


def test_strikes_told_as_done_without_a_number_are_still_a_report():
    [report] = reports("The Iraqi air force carried out strikes against ISIS cells in the Hamrin "
                       "mountains on Monday.")
    assert report.perpetrators == [actor("iraqi-air-force")]


HEADLINE = "Coalition says it conducted 25 airstrikes near Raqqa"


@pytest.mark.parametrize("lead", [
    "RAQQA — The U.S.-led coalition said it has conducted 25 airstrikes near Raqqa as the SDF "
    "pushes into the city.",
    "The coalition has carried out 25 airstrikes near Raqqa, its spokesman said, as fighting went on.",
    "Coalition forces have launched 25 air strikes near the city of Raqqa, the coalition said.",
])
def test_a_lead_telling_the_headlines_count_again_has_its_period(lead):
    found = titled_reports(HEADLINE, lead, HEADLINE)
    assert [r.strike_count for r in found] == [25, 25]
    assert found[0].when is not None and found[1].when == found[0].when


def test_a_lead_with_another_count_keeps_no_period():
    lead = "The coalition has conducted 4,000 airstrikes near Raqqa, its spokesman said."
    found = titled_reports(HEADLINE, lead, HEADLINE)
    assert [r.strike_count for r in found] == [25, 4000]
    assert found[1].when is None


def test_a_captions_present_is_no_habit():
    found = reports("Smoke rises after a coalition airstrike, while Iraqi troops push into a village "
                    "near Mosul, Iraq, on Monday.")
    assert [r.strike_count for r in found] == [1]
