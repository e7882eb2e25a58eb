"""The lead's date and the headline's days (``dates.lead``): what dates a fact whose own
clause gives no date, before the publication day does. Dev examples: a Turkish General Staff
release retold by a Gulf outlet (later lines undated after a lead "over the last 24 hours"),
a wire's and a US-funded outlet's daily strike stories (a present-tense headline whose count
the lead dates). The sentences here are our own."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract import extract
from isisgraph.extract.dates.lead import headline_window, lead_bounds, lead_when
from isisgraph.records import Article, StrikeReport

D = dt.date


def period(report: StrikeReport) -> tuple[dt.date | None, dt.date | None]:
    assert report.when is not None
    return report.when.start, report.when.end


# ------------------------------------------------------------------ a counted headline


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a wire: the dateline opens the lead, which dates the headline's count (a lead that
        # repeats the count gives the headline its own period, period-from-announced-count)
        ("Coalition jets carry out 12 air strikes on Islamic State in Syria\n\n"
         "BEIRUT (Reuters) - Coalition warplanes hit Islamic State targets around Raqqa on "
         "Saturday, the U.S. military said.", D(2016, 4, 3), D(2016, 4, 2)),
        # another outlet, the date written out and the strikes in the passive
        ("Allied aircraft hit ISIS with 9 strikes in Iraq\n\n"
         "Positions of ISIS near Mosul were attacked on March 30 by coalition aircraft, "
         "according to a statement.", D(2016, 4, 1), D(2016, 3, 30)),
        # a subtitle before the dateline does not make the lead
        ("Turkey conducts 40 air strikes on Daesh in Syria\n\n"
         "Operation enters its fourth month.\n\n"
         "ANKARA - Turkish jets struck Daesh targets in northern Syria on Monday, the army "
         "said in a statement.", D(2016, 12, 1), D(2016, 11, 28)),
    ],
)
def test_a_counted_headline_takes_the_lead_s_date(reports_of, text: str, published: dt.date,
                                                  day: dt.date) -> None:
    headline = next(r for r in reports_of(text, published) if r.span.start == 0)
    assert period(headline) == (day, day)
    assert headline.when is not None and headline.when.basis == "context"
    assert headline.when.precision == "approximate"  # inferred, coarser than the lead's own


def test_a_headline_whose_count_the_lead_repeats_takes_the_lead_s_own_day(reports_of) -> None:
    """The lead's report of the same count is the headline's report: its day, at its own
    precision (strikes.context.period-from-announced-count), not the coarser lead window."""
    text = ("Coalition jets carry out 12 air strikes on Islamic State in Syria\n\n"
            "BEIRUT (Reuters) - Coalition warplanes carried out 12 air strikes on Islamic State "
            "targets in Syria on Saturday, the U.S. military said.")
    headline = next(r for r in reports_of(text, D(2016, 4, 3)) if r.span.start == 0)
    assert period(headline) == (D(2016, 4, 2), D(2016, 4, 2))
    assert headline.when is not None and headline.when.precision == "day"


def test_a_headline_undated_everywhere_reports_the_days_before_publication(reports_of) -> None:
    # the lead's only date is months old: background, not the news of the day
    text = ("Coalition launches 20 air strikes against ISIS in Iraq\n\n"
            "The coalition, which began its campaign in August 2014, launched 20 air strikes "
            "against ISIS positions in Iraq, officials said.")
    headline = next(r for r in reports_of(text, D(2015, 3, 1)) if r.span.start == 0)
    assert period(headline) == (D(2015, 2, 28), D(2015, 3, 1))
    assert headline.when is not None and headline.when.basis == "publication"
    assert "strikes.context.period-from-headline" in headline.extractor


# ------------------------------------------------------------------ later lines of the body


def test_undated_strikes_after_the_lead_take_its_date(reports_of) -> None:
    text = ("Army says 30 militants neutralised\n\n"
            "Thirty Daesh militants were neutralised in northern Syria over the past 24 hours, "
            "the Turkish military said on Wednesday.\n\n"
            "Turkish warplanes also destroyed 14 Daesh shelters near al-Bab, the statement said.")
    [report] = [r for r in reports_of(text, D(2017, 3, 1)) if r.span.start > 100]
    # the lead's 24 hours begin on the last day of February
    assert period(report) == (D(2017, 2, 28), D(2017, 3, 1))
    assert "strikes.context.period-from-lead" in report.extractor


def test_an_undated_event_takes_the_lead_s_date(pipeline, ref) -> None:
    text = ("Peshmerga repel attack near Makhmour\n\n"
            "ERBIL - Peshmerga forces repelled an ISIS attack near Makhmour on Sunday night, "
            "a commander told reporters.\n\n"
            "Peshmerga forces also arrested three ISIS suspects in Kirkuk.")
    article = Article(id="t", text=text, source="test", published=D(2018, 7, 2))
    events = extract(pipeline(text), article, ref).events
    arrest = next(e for e in events if e.kind == "Arrest")
    assert arrest.when is not None and (arrest.when.start, arrest.when.basis) == (
        D(2018, 7, 1), "context")
    assert "context.date.lead" in arrest.extractor


# ------------------------------------------------------------------ the lead itself


def test_the_lead_is_the_paragraph_the_dateline_opens(pipeline) -> None:
    text = ("Strikes hit ISIS\n\nA second day of raids.\n\n"
            "MOSUL, Iraq (AP) - Jets struck ISIS on Friday.\n\nMore later.")
    doc = pipeline(text)
    start, end = lead_bounds(doc) or (0, 0)
    assert text[start:end].startswith("MOSUL")
    when = lead_when(doc, D(2017, 1, 8))
    assert when is not None and when.start == D(2017, 1, 6) and when.raw == "Friday"


def test_a_short_first_paragraph_with_a_dateline_is_the_lead(pipeline) -> None:
    text = ("BAGHDAD (AP) - Militants killed five soldiers on Monday.\n\n"
            "The army said it would hunt them down.")
    doc = pipeline(text)
    assert lead_bounds(doc) == (0, text.index("\n"))


def test_an_old_date_in_the_lead_dates_nothing(pipeline) -> None:
    doc = pipeline("Jets strike ISIS\n\nJets have struck ISIS since June 2014, officials say.")
    assert lead_when(doc, D(2017, 1, 8)) is None
    assert lead_when(doc, None) is None
    # a campaign's period ends on publication too, but is no news of the day
    doc = pipeline("Jets strike ISIS\n\nJets have struck ISIS 400 times since the beginning of "
                   "the year, officials say.")
    assert lead_when(doc, D(2017, 3, 8)) is None


def test_a_weekly_release_s_lead_dates_its_week(pipeline) -> None:
    doc = pipeline("Coalition strikes continue\n\nThe coalition conducted 40 strikes in Syria "
                   "between Nov. 4 and 10, the task force said.")
    when = lead_when(doc, D(2018, 11, 13))
    assert when is not None and (when.start, when.end) == (D(2018, 11, 4), D(2018, 11, 10))


def test_the_headline_window() -> None:
    window = headline_window(D(2016, 5, 1))
    assert (window.start, window.end, window.precision) == (D(2016, 4, 30), D(2016, 5, 1),
                                                             "approximate")


# ------------------------------------------------------------------ dated only by the report


@pytest.mark.parametrize(
    "text",
    [
        "Iraqi F-16 jets bombed an ISIS hideout in the Hamrin mountains, the Security Media "
        "Cell said on Tuesday.",
        "Two ISIS tunnels in Wadi al-Shay were struck by Iraqi warplanes, the Joint "
        "Operations Command said in a statement on Tuesday.",
        "An ISIS cave complex near Kirkuk was destroyed by Iraqi F-16s, military officials "
        "announced Tuesday.",
    ],
)
def test_strikes_dated_by_their_report_are_of_its_day_or_the_day_before(reports_of, text) -> None:
    # published Wednesday 2 November 2022: the statement of Tuesday the 1st
    [report] = reports_of(text, D(2022, 11, 2))
    assert period(report) == (D(2022, 10, 31), D(2022, 11, 1))
    assert report.when is not None and report.when.precision == "approximate"


def test_a_strike_with_its_own_date_is_not_dated_by_its_report(reports_of) -> None:
    text = ("Iraqi F-16 jets bombed an ISIS hideout in the Hamrin mountains on October 27, the "
            "Security Media Cell said on Tuesday.")
    [report] = reports_of(text, D(2022, 11, 2))
    assert period(report) == (D(2022, 10, 27), D(2022, 10, 27))


# ------------------------------------------------------------------ the operation backed


@pytest.mark.parametrize(
    ("text", "published", "start"),
    [
        # the campaign's start told before, counted back from publication
        ("Fighters close in on the town\n\n"
         "Kurdish and Arab fighters launched an offensive to take the town three weeks ago.\n\n"
         "They have been supported by coalition air strikes on militant positions.",
         D(2016, 8, 6), D(2016, 7, 13)),  # 21 days before publication, as "three weeks ago"
        # a self-starting operation in a relative clause, after the backed sentence
        ("Army declares the city retaken\n\n"
         "The troops were backed by coalition airstrikes and local militias.\n\n"
         "A general said the assault, which started in early June, was over.",
         D(2016, 6, 26), D(2016, 6, 1)),
        # its subject the operation, the support a participle of another verb of the list
        ("Troops enter the old town\n\n"
         "Syrian soldiers, aided by Russian air strikes, pushed into the old town.\n\n"
         "The offensive to retake it began on 3 March, officials said.",
         D(2016, 3, 27), D(2016, 3, 3)),
    ],
)
def test_strikes_backing_an_operation_run_from_its_beginning(reports_of, text: str,
                                                             published: dt.date,
                                                             start: dt.date) -> None:
    """'They were backed by US-led air strikes' (dev: BBC on Manbij, AP on Fallujah): the
    strikes ran from the start of the operation the article says began up to publication
    (strikes.context.period-from-operation)."""
    [report] = reports_of(text, published)
    assert period(report) == (start, published)
    assert report.when is not None and report.when.basis == "context"
    assert "strikes.context.period-from-operation" in report.extractor


def test_strikes_not_backing_an_operation_keep_their_own_period(reports_of) -> None:
    """Strikes told as done, not as the support of the operation, are not its period; nor
    does 'launched rockets' begin an operation."""
    text = ("Fighters close in on the town\n\n"
            "Kurdish fighters launched an offensive to take the town three weeks ago.\n\n"
            "Coalition jets struck militant positions near the town, officials said.")
    [report] = reports_of(text, D(2016, 8, 6))
    assert "strikes.context.period-from-operation" not in report.extractor
    text = ("Town under fire\n\n"
            "Militants launched rockets at the town last month.\n\n"
            "The troops were backed by coalition air strikes.")
    [report] = reports_of(text, D(2016, 8, 6))
    assert "strikes.context.period-from-operation" not in report.extractor
