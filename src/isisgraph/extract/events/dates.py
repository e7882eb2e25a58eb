"""When an event happened: a date of its clause, or one it inherits; otherwise none — nothing
is invented."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from spacy.tokens import Span, Token

from isisgraph.closed_class import MEANS_PREPOSITIONS
from isisgraph.extract.events.candidate import Candidate
from isisgraph.extract.events.clauses import NON_EVENT_GOVERNORS, inheritance_chain
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.shared import text_of
from isisgraph.extract.syntax.speech import report_date
from isisgraph.extract.syntax.tree import children, clause_tokens, governing_verb, prep_objects, resolve_relative
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.records import Span as TextSpan
from isisgraph.records import When

WORDS = lexicon("events")
TIME_NOUNS = WORDS.time_nouns
RELATIVE_DAYS = WORDS.relative_days
PARALLEL_ADVERBS = WORDS.parallel_adverbs
ADDITIVE_ADVERBS = WORDS.additive_adverbs
SPAN_DAYS = WORDS.span_days
FOLLOWING_WORDS = WORDS.following_words
FOLLOWING_SPANS = WORDS.following_spans
# A window of tokens whose text is one of the phrases starts with a token whose lower form
# begins the phrase: a cheap test before cutting the Doc at every token.
_RELATIVE_DAY_PREFIXES = frozenset(p[:k] for p in RELATIVE_DAYS for k in range(1, len(p) + 1))

CLAUSE_DATE = "events.dates.clause"
RELATIVE_DAY = "events.dates.relative-day"
SINCE = "events.dates.since"
DAYS_BEFORE = "events.dates.days-before"
FOLLOWING = "events.dates.following"
PARALLEL = "events.dates.parallel"
COMPARISON = "events.dates.comparison"
BACK_REFERENCE = "events.dates.back-reference"
EVENT_ANAPHORS = WORDS.event_anaphors
# what an event is compared with since a date: "the deadliest since", "its first since"
COMPARISON_WORDS = frozenset({"first", "last", "only"})


def assign_date(cand: Candidate, ctx: Context) -> None:
    """Rule ``events.dates.clause``: the date expression of the trigger's clause nearest to it,
    or one inherited (``clauses.inheritance_chain``), on the same line; a date written before
    another noun is that noun's ("The February 5 strike was preceded by raids"). At each level
    the rules ``events.dates.relative-day`` and ``events.dates.since`` are tried too; else rule
    ``events.dates.back-reference``. A reader that dated its event itself
    (``control.read_holding``: the date after "since") keeps it."""
    if cand.when is not None:
        return
    _clause_date(cand, ctx)
    if cand.when is None:
        _back_reference_date(cand, ctx)


def _back_reference_date(cand: Candidate, ctx: Context) -> None:
    """Rule ``events.dates.back-reference``: an undated event told of operations the sentence
    refers back to with "these" or "those" ("During these operations 215 suspects were
    detained" after "Throughout 2022, the command conducted 313 operations") happened when the
    nearest of the two sentences before with a date says, approximately; a date of a reporting
    clause ("..., the command said on Thursday") is when it was said, not when they happened.
    (The dating twin of ``events.places.previous-sentences``.)"""
    trigger = cand.trigger
    near = {t.i for level in list(inheritance_chain(trigger, for_dates=True))[:2] for t in level}
    if not any(t.i in near and t.tag_ == "NNS" and t.lemma_.lower() in EVENT_ANAPHORS
               and any(c.dep_ == "det" and c.lower_ in ("these", "those") for c in t.children)
               for t in cand.sent):
        return
    start = cand.sent.start
    for _ in range(2):
        if start == 0:
            return
        before = sentence_of(trigger.head.doc[start - 1])
        dates = [w for w in ctx.dates_in(before) if w.start is not None and w.span is not None
                 and not _in_reporting_clause(before, w)]
        if dates:
            cand.when = replace(dates[-1], precision="approximate")
            cand.date_inherited = True
            cand.step(BACK_REFERENCE)
            return
        start = before.start


def _in_reporting_clause(sent: Span, when: When) -> bool:
    """Whether a date stands in the clause of a verb of saying ("the command said on Thursday")."""
    token = next((t for t in sent if when.span is not None and t.idx >= when.span.start), None)
    while token is not None and token.head is not token and token.pos_ not in ("VERB", "AUX"):
        token = token.head
    return token is not None and token.lemma_ in NON_EVENT_GOVERNORS


def _clause_date(cand: Candidate, ctx: Context) -> None:
    """The date of the trigger's clause or of one it inherits from (``assign_date``)."""
    dates = ctx.dates_in(cand.sent)
    trigger = cand.trigger
    if not dates:
        tokens = ctx.same_line(next(inheritance_chain(trigger, for_dates=True)), trigger.head)
        if not trigger.is_noun and _days_from_framing(cand, tokens, dates, ctx.published):
            return
        _following_period(cand, tokens, ctx)
        return
    for level, tokens in enumerate(inheritance_chain(trigger, for_dates=True)):
        tokens = ctx.same_line(tokens, trigger.head)
        if not tokens:
            continue
        if level == 0 and not trigger.is_noun:
            # "Since launching Operation Roundup in May, the SDF has regained ...": the date
            # under "since" opens a period up to publication, it is not the day of the event
            since = since_date(trigger.head, dates, ctx, state=cand.kind == "ControlChange")
            if since is not None:
                cand.when = since
                return
            if _days_from_framing(cand, tokens, dates, ctx.published):
                return
        chars = [(t.idx, t.idx + len(t)) for t in tokens]
        inside = [w for w in dates if w.span is not None and any(
            s <= w.span.start < e or w.span.start <= s < w.span.end for s, e in chars)
            and not _dates_another_noun(w, trigger) and not _compared_since(w, trigger)
            and not _dates_a_gerund(w, trigger)]
        if inside:
            best = min(inside, key=lambda w: abs(w.span.start - trigger.head.idx) if w.span else 0)
            cand.when = best
            if best.span is not None:
                cand.evidence.update(t.i for t in tokens
                                     if best.span.start <= t.idx < best.span.end)
            return
        if _relative_date(cand, tokens, dates):
            return
        if level == 0 and _following_period(cand, tokens, ctx):
            return


def _days_from_framing(cand: Candidate, tokens: list[Token], dates: list[When],
                       published: dt.date | None) -> bool:
    """Rule ``events.dates.days-before``: "took over as head of the group on Oct. 31, 2019, just
    days after leader Abu Bakr al-Baghdadi died": a clause "days (weeks, months) after" happened
    within that span before the framing clause's day ("before": after it), approximately. A
    framing clause with no date of its own is the article's news, of its publication day: "The
    attacks on the two towns came days after YPG fighters captured Tal Abyad" (AP 2015), "The
    comments come days after Islamic State gained control of Ramadi" (VOA 2015)."""
    head = cand.trigger.head
    mark = next((c for c in head.children if c.dep_ == "mark" and c.lower_ in ("after", "before")), None)
    if mark is None or head.dep_ != "advcl":
        return False
    unit = next((c for c in [*mark.children, *head.children] if c.dep_ == "npadvmod"
                 and c.lemma_.lower() in SPAN_DAYS and c.i < mark.i), None)
    anchor = framing_date(tokens, dates) if unit is not None else None
    if unit is not None and anchor is None and published is not None \
            and not _framing_dated(head, dates):
        anchor = When(raw="", start=published, end=published, precision="day", basis="publication")
    if unit is None or anchor is None or anchor.start is None or anchor.precision != "day":
        return False
    span = dt.timedelta(days=int(SPAN_DAYS[unit.lemma_.lower()]))
    day = anchor.start
    if mark.lower_ == "before" and anchor.basis == "publication":
        return False  # days after the article's own day: nothing it reports as done
    start, end = (day - span, day) if mark.lower_ == "after" else (day, day + span)
    words = head.doc[min(t.i for t in unit.subtree): mark.i + 1]
    cand.when = When(raw=words.text, start=start, end=end, precision="approximate",
                     span=TextSpan(words.start_char, words.end_char))
    cand.evidence.update(t.i for t in words)
    cand.step(DAYS_BEFORE)
    return True


def _framing_dated(clause: Token, dates: list[When]) -> bool:
    """Whether a date of the sentence stands outside the "after" clause ``clause`` (a framing
    clause dated in words the parse does not tie to it)."""
    inside = {t.i for t in clause.subtree}
    sent = sentence_of(clause)
    return any(w.span is not None and any(t.i not in inside for t in sent if w.span.start <= t.idx < w.span.end)
               for w in dates)


def _following_period(cand: Candidate, tokens: list[Token], ctx: Context) -> bool:
    """Rule ``events.dates.following``: "These areas were reclaimed in the following years"
    happened after the latest date of the two sentences before ("... had taken control of
    Mosul ... in June 2014"), within the span the time noun gives, approximately."""
    noun = next((t for t in tokens if t.lemma_.lower() in FOLLOWING_SPANS and any(
        c.dep_ == "amod" and c.lower_ in FOLLOWING_WORDS for c in t.children)), None)
    if noun is None:
        return False
    doc = noun.doc
    sent = cand.sent
    earlier: list[When] = []
    start = sent.start
    for _ in range(2):
        if start == 0:
            break
        before = sentence_of(doc[start - 1])
        earlier += [w for w in ctx.dates_in(before) if w.start is not None]
        start = before.start
    if not earlier:
        return False
    anchor = max(earlier, key=lambda w: w.span.start if w.span is not None else 0)
    first = (anchor.end or anchor.start) + dt.timedelta(days=1)
    last = first + dt.timedelta(days=int(FOLLOWING_SPANS[noun.lemma_.lower()]))
    words = doc[min(t.i for t in noun.subtree): noun.i + 1]
    cand.when = When(raw=words.text, start=first, end=last, precision="approximate",
                     span=TextSpan(words.start_char, words.end_char))
    cand.evidence.update(t.i for t in words)
    cand.step(FOLLOWING)
    return True


def _relative_date(cand: Candidate, tokens: list[Token], dates: list[When]) -> bool:
    """Rule ``events.dates.relative-day``: "the day before" is counted from the day of the
    clause that frames it: "On July 3, the group claimed ... an attack it said took place the
    day before" happened on July 2."""
    relative = relative_day(tokens)
    if relative is None:
        return False
    anchor = framing_date(tokens, dates)
    if anchor is None or anchor.start is None or anchor.precision != "day":
        return False
    day = anchor.start + dt.timedelta(days=relative[0])
    span = relative[1]
    cand.when = When(raw=span.text, start=day, end=day, precision="day",
                     span=TextSpan(span.start_char, span.end_char))
    cand.evidence.update(t.i for t in span)
    return True


def _date_words(when: When, trigger: Trigger) -> Span | None:
    """The words of the trigger's document that a found date was read from (None if unknown)."""
    if when.span is None:
        return None
    return trigger.head.doc.char_span(when.span.start, when.span.end, alignment_mode="expand")


def _dates_another_noun(when: When, trigger: Trigger) -> bool:
    """ "The February 5 strike was preceded by raids": a date written before another noun
    dates that noun's event, not the clause (unless that noun is the strike or attack the
    event happened by: "a Feb 26 strike which also killed five civilians")."""
    span = _date_words(when, trigger)
    if span is None:
        return False
    root = span.root
    head = trigger.head
    # "a Feb 26 strike which also killed five civilians": the date of the strike that kills
    # is the killing's
    means = {resolve_relative(s) for s in children(head, "nsubj")} | set(
        o for objects in prep_objects(head, MEANS_PREPOSITIONS).values() for o in objects)
    return (root.dep_ in ("compound", "amod", "nmod", "nummod")
            and root.head.i not in {t.i for t in span}
            and root.head.pos_ in ("NOUN", "PROPN") and root.head != head
            and root.head not in means
            and root.head.lemma_.lower() not in TIME_NOUNS)  # "Sunday night"


def _dates_a_gerund(when: When, trigger: Trigger) -> bool:
    """Rule ``events.dates.gerund``: a date in an "after" or "before" phrase of a gerund
    dates that gerund's act, not the clause it is on: "had taken control of most of the city
    after initially capturing government buildings late last week" (USA Today 2015) is not
    late last week, "retook the town on Sunday, days after losing it on Monday" not Monday."""
    span = _date_words(when, trigger)
    if span is None:
        return False
    for token in [span.root, *span.root.ancestors]:
        if token == trigger.head:
            return False
        if token.dep_ == "pcomp" and token.tag_ == "VBG" and token.head.lower_ in ("after", "before"):
            return True
    return False


def _compared_since(when: When, trigger: Trigger) -> bool:
    """Rule ``events.dates.comparison``: "the deadliest since a truck bomb in Karrada in July
    2016", "the worst attack in Baghdad since January": a date after "since" on a superlative
    (or "first") is the time the event is compared with, not its own; so is a bare time noun
    on a superlative noun ("the deadliest attack in the Iraqi capital this year")."""
    span = _date_words(when, trigger)
    if span is None:
        return False
    root = span.root
    if root.dep_ == "npadvmod" and root.head.pos_ == "NOUN" \
            and any(c.tag_ == "JJS" for c in root.head.children):
        # "the deadliest attack in the Iraqi capital this year" (Irish Times 2016): the scope
        # of the superlative, not the attack's time
        return True
    for token in [span.root, *span.root.ancestors]:  # "since March": the span holds "since"
        if token == trigger.head.head and token != trigger.head:
            break
        if token.lower_ == "since" and token.dep_ == "prep":
            compared = token.head
            return compared.tag_ == "JJS" or compared.lower_ in COMPARISON_WORDS or any(
                c.tag_ == "JJS" or c.lower_ in COMPARISON_WORDS for c in compared.children)
    return False


def relative_day(tokens: list[Token]) -> tuple[int, Span] | None:
    """ "the day before" / "the next day" in ``tokens``: the offset in days and its words."""
    if not tokens:
        return None
    doc = tokens[0].doc
    ids = {t.i for t in tokens}
    for token in tokens:
        if token.lower_ not in _RELATIVE_DAY_PREFIXES:
            continue
        for phrase, offset in RELATIVE_DAYS.items():
            n = len(phrase.split())
            window = doc[token.i: token.i + n]
            if len(window) == n and window.text.lower() == phrase and all(
                t.i in ids for t in window
            ):
                return offset, window
    return None


def framing_date(tokens: list[Token], dates: list[When]) -> When | None:
    """The date of the clause that frames the clause of ``tokens`` ("On July 3, the group
    claimed ... an attack it said took place the day before"): the nearest governing clause
    that has one."""
    own = {t.i for t in tokens}
    heads = [t for t in tokens if t.head.i not in own or t.head == t]
    current = heads[0] if heads else tokens[0]
    for _ in range(6):
        if current.head == current:
            return None
        current = current.head
        if current.pos_ not in ("VERB", "AUX"):
            continue
        chars = [(t.idx, t.idx + len(t)) for t in clause_tokens(current) if t.i not in own]
        inside = [w for w in dates if w.span is not None and w.start is not None
                  and any(s <= w.span.start < e for s, e in chars)]
        if inside:
            return inside[0]
    return None


def since_date(verb: Token, dates: list[When], ctx: Context, state: bool = False) -> When | None:
    """Rule ``events.dates.since``: "Since launching Operation Roundup in May, the coalition
    has regained ...", "Since the SDF launched the operation in May, it has regained ..."
    happened from May to publication, approximately. With ``state`` (a change of control), a
    passive in the perfect is the state the change left, since the time it happened ("have
    been occupied by Daesh since 2014": in 2014), as a holding is (``control.read_holding``);
    killings "have been killed since 2023" stay a running count."""
    for child in verb.children:
        if child.lower_ == "since":
            since, phrase = child, list(child.subtree)
        elif child.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "since"
                                           for m in child.children):
            since = next(m for m in child.children if m.lower_ == "since")
            phrase = list(child.subtree)
        else:
            continue
        chars = [(t.idx, t.idx + len(t)) for t in phrase]
        inside = [w for w in dates if w.span is not None and w.start is not None and any(
            s <= w.span.start < e for s, e in chars)]
        if inside:
            first = inside[0]
            if state and children(verb, "auxpass") and any(a.lemma_ == "have" for a in children(verb, "aux")):
                # "vast territories in Iraq and Syria have been occupied by Daesh since 2014"
                # (Sputnik 2016): a state since then, which began at that time
                return since_start(first)
            end = ctx.published or first.end
            text = text_of(since.doc)
            return When(raw=text[since.idx: first.span.end] if first.span else first.raw,
                        start=first.start, end=end, precision="approximate", span=first.span)
    return None


def carry_parallel_dates(cands: list[Candidate]) -> None:
    """Rule ``events.dates.parallel``: an undated event marked as parallel ("also",
    "meanwhile") to a dated one of the same kind in the two sentences before shares its time,
    as an approximate date: "The regime liberated Abu Kamal in November ... the SDF were also
    liberating areas near the town". An additive adverb ("moreover", "furthermore",
    "additionally") adds another item to the tally or the list just told: its event shares
    that time too, but is another event, not folded into the one before ("During these
    operations ... 466 operatives killed. Moreover, in Iraq, ... Furthermore, at least 220
    operatives killed", Kurdistan 24, 2022; "Additionally, the units ... retook the Malaha
    area", "Furthermore, fighters ... recaptured the villages of ...", Press TV, 2017)."""
    dated = [c for c in cands if c.when is not None and c.when.start is not None]
    for cand in cands:
        if cand.when is not None:
            continue
        head = cand.trigger.head
        clause = head if not cand.trigger.is_noun else (governing_verb(head) or head)
        adverbs = {c.lower_ for c in clause.children if c.dep_ == "advmod"}
        additive = bool(adverbs & ADDITIVE_ADVERBS)
        if not additive and not adverbs & PARALLEL_ADVERBS:
            continue
        window = cand.sent.start
        for _ in range(2):
            if window > 0:
                window = sentence_of(head.doc[window - 1]).start
        earlier = [d for d in dated if d.kind == cand.kind
                   and window <= d.trigger.head.i < cand.sent.start]
        if earlier and earlier[-1].when is not None:
            cand.when = replace(earlier[-1].when, precision="approximate")
            cand.anaphoric = True
            cand.parallel_to = None if additive else earlier[-1]
            cand.step(PARALLEL)


def since_start(when: When) -> When:
    """The time a "since" expression starts from, as a period of its own: "since 2014" (2014
    up to publication, as the date layer reads it) is 2014, "since January 2014" January
    2014; a date not read with "since" is returned as it is."""
    if when.start is None or not when.raw.lower().startswith("since"):
        return when
    start = when.start
    if when.precision == "day":
        end = start
    elif when.precision == "month":
        end = (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
    elif when.precision == "year":
        end = dt.date(start.year, 12, 31)
    else:
        return when
    return replace(when, end=end)


def report_days(cands: list[Candidate], ctx: Context) -> None:
    """The day of the report each undated control change is told in ("the army announced on
    November 9 it had ousted Daesh from the town"), kept apart from its date
    (``Candidate.reported``) so that the merge of an article's reports does not fold it into a
    later change of the same place (``merge.dates_agree``); the date itself is the context
    layer's (``context.date.report``)."""
    for cand in cands:
        if cand.kind == "ControlChange" and not cand.dropped \
                and (cand.when is None or cand.when.start is None):
            cand.reported = report_date(cand.trigger.head, ctx.published)
