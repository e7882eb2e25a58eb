"""The lead of a strike story: the countries its headline and first paragraph name, which a
report the text gives no country for takes (``strikes.context.countries-from-lead``), unless
the report is a campaign's or of other days than the lead's. Called from the context layer
(``context.complete_from_context``)."""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.clauses import excluded
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.headings import is_heading
from isisgraph.extract.strikes.parts import broader
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.units import in_headline
from isisgraph.records import When

COUNTRIES_FROM_LEAD = "strikes.context.countries-from-lead"  # "... in Iraq, Syria" (headline)


def takes_countries(draft: Draft, countries: list[str]) -> bool:
    """Whether a report can take countries from its context: one strike lies in one country."""
    return not draft.single or len(countries) == 1


def lead_countries_of(d: Document, draft: Draft) -> None:
    """'Operation Roundup Hits ISIS Remnants in Iraq, Syria ... in designated parts of Iraq and
    Syria throughout May. ... During May, the coalition has conducted 225 strikes': a report
    the text gives no country for is in the countries its lead (the headline and the first
    paragraph) names — a strike told without a number only when the lead names one country
    (the RAF's strikes of March 12 in an article about Syria and Iraq may be in either). Not
    for strikes the text names as others', nor for a count only 'most of' which it places (the
    guideline leaves those without a country)."""
    if draft.countries or draft.actor_source == "blocked" or draft.partly_placed:
        return
    countries = lead_countries(d)
    lead_units = d.lead_units or set()
    dated_lead = [e.when for e in d.drafts if e.unit in lead_units and e is not draft
                  and e.when is not None and e.when.start is not None]
    if any(broader(draft.when, when) and campaign(draft.when) for when in dated_lead):
        return  # "more than 10,000 strikes since August 2014" under a lead about one day's
    if dated_lead and draft.when is not None and not any(overlaps(draft.when, w)
                                                        for w in dated_lead):
        return  # "A U.S. drone strike in 2015 killed ..." under a lead about this week's
    if countries and (len(countries) == 1 or not draft.told):
        draft.countries, draft.country_source = list(countries), "context"
        draft.step(COUNTRIES_FROM_LEAD)


# A report's period longer than this is a campaign's, not the news of the lead's days.
CAMPAIGN_DAYS = 31


def campaign(when: When | None) -> bool:
    """Whether a period runs over more than a month ("since August 2014"): its strikes may lie
    anywhere the campaign went; "last week" under a lead about its last two days does not."""
    return when is not None and when.start is not None and when.end is not None and (
        (when.end - when.start).days > CAMPAIGN_DAYS)


def overlaps(a: When, b: When) -> bool:
    """Whether two resolved periods share a day (an unresolved one shares none)."""
    if None in (a.start, a.end, b.start, b.end):
        return False
    assert a.start and a.end and b.start and b.end
    return a.start <= b.end and b.start <= a.end


def lead_countries(d: Document) -> list[str]:
    """The countries the headline names and those of the lead: the first paragraph of the body
    that names one (a photo caption before it names none); never a country only bordering a
    place ('at Border with Iraq')."""
    if d.lead is None:
        by_paragraph: dict[int, list[str]] = {}
        headline: list[str] = []
        headline_units: set[int] = set()
        for n, unit in enumerate(d.units):
            if is_heading(d, unit):
                continue  # "Syria" over the lines of a release's list: no lead
            root = next((t for t in tokens_of(unit) if t.dep_ == "ROOT"), unit[0])
            # a dateline ("MOSCOW, October 14. /TASS/.") says where the report was filed
            countries, _ = places([t for t in tokens_of(unit) if not excluded(t, root)
                                   and not acting_place(t) and t.i not in d.dateline], d)
            if in_headline(unit[0]):
                headline_units.add(n)
                into = headline
            else:
                into = by_paragraph.setdefault(d.paragraph_of[n], [])
            into += [c for c in countries if c not in into]
        paragraph = next((p for p, found in by_paragraph.items() if found), None)
        lead = by_paragraph.get(paragraph, []) if paragraph is not None else []
        d.lead = list(dict.fromkeys([*headline, *lead]))
        d.lead_units = headline_units | {n for n in range(len(d.units))
                                         if d.paragraph_of[n] == paragraph
                                         and n not in headline_units}
    return d.lead


def acting_place(tok: Token) -> bool:
    """'If Washington halted its strikes': a place named as who acts (its government), not
    where things happen."""
    node = tok
    while node.dep_ in ("compound", "conj", "appos", "flat") and node.head != node:
        node = node.head
    return node.dep_ in ("nsubj", "nsubjpass") or (node.dep_ == "pobj" and node.head.lower_ == "by")
