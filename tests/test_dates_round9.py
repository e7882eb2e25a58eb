"""Round 9 of the dates and places layers: readings meant to carry over to unseen news.

- ``events.dates.parallel`` reads the additive adverbs of a tally continued ("Moreover",
  "Furthermore", "Additionally", "Likewise"; ``additive-adverbs`` in events.toml) as it reads
  "also": the undated event of such a sentence shares the time of the event of its kind just
  told, but is another event, not folded into it (dev: the Kurdistan 24 year review of 2022,
  "Furthermore, at least N operatives killed" after the Syrian tally of the year; the Press
  TV report of 2017 on the desert villages, "Additionally, ... retook", "Furthermore, ...
  recaptured" after the day's first capture);
- ``events.places.previous-sentences`` (added item): such a sentence with no place of its own
  is where the sentence before says, not where the latest event was.

Each reading is tested on short articles written here, through the project's NLP pipeline and
the whole extractor, with one it must not read.
"""

from __future__ import annotations

import datetime as dt

PUBLISHED = dt.date(2021, 12, 20)


def killings(events):
    return sorted((e for e in events if e.kind == "Killing"), key=lambda e: e.span.start)


YEAR_TALLY = ("In Syria, the army killed 40 militants in 2020 near Palmyra. "
              "{adverb}troops killed 12 militants near Homs.")


def test_events_dates_parallel_an_additive_adverb_continues_the_tally_before(article_events):
    for adverb in ("Moreover, ", "Furthermore, ", "Additionally, "):
        first, second = killings(article_events(YEAR_TALLY.format(adverb=adverb)))
        assert second.when is not None and second.when.start == dt.date(2020, 1, 1), adverb
        assert second.when.end == dt.date(2020, 12, 31)
        assert "events.dates.parallel" in second.extractor


def test_events_dates_parallel_no_adverb_no_shared_time(article_events):
    first, second = killings(article_events(YEAR_TALLY.format(adverb="On Sunday, ")))
    assert second.when is not None and second.when.start == dt.date(2021, 12, 19)
    assert "events.dates.parallel" not in second.extractor


TWO_COUNTRIES = ("In Syria, the army killed 40 militants in 2020 near Palmyra. "
                 "Moreover, in Iraq, the army carried out 90 raids near Mosul. "
                 "{adverb}at least 12 militants were killed.")


def test_an_added_item_is_another_event_where_the_sentence_before_says(article_events):
    first, second = killings(article_events(TWO_COUNTRIES.format(adverb="Furthermore, ")))
    assert [loc.rsplit("/", 1)[1] for loc in second.locations] == ["mosul"]
    assert second.when is not None and second.when.start == dt.date(2020, 1, 1)
    assert second.span.start > first.span.end  # another event, not folded into the first


def test_without_an_additive_adverb_the_sentence_takes_no_place_from_the_one_before(article_events):
    found = killings(article_events(TWO_COUNTRIES.format(adverb="")))
    assert not any(loc.endswith("/mosul") for e in found[1:] for loc in e.locations)
