"""Bare numbers after 'including': parts of the count before them, each placed or dated by its
own phrase ("11 strikes in Iraq, including three near Makhmour and two near Mosul")."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan

from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.clauses import in_unit
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.periods import when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.extract.syntax.tree import is_including
from isisgraph.records import Span

BARE_NUMBER = "strikes.included.bare-number"


def included_counts(d: Document, n: int, unit: DocSpan, counts: list[CountMatch],
                    made: list[Draft]) -> list[Draft]:
    """'conducted 11 strikes in Iraq on Wednesday, including three near Makhmour and two
    near Mosul': bare numbers after 'including' are parts of the count before them, each
    placed (or dated) by its own phrase; without a place or a date they say nothing."""
    out: list[Draft] = []
    for inc in (t for t in tokens_of(unit) if is_including(t)):
        parent = next((m for m in reversed(made) if m.anchor.i < inc.i and m.counted
                       and m.strike_count is not None and m.parent is None), None)
        if parent is None:
            continue
        numbers = [c for c in inc.children if c.dep_ in ("pobj", "dobj") and c.pos_ == "NUM"]
        numbers += [g for num in list(numbers) for g in num.subtree
                    if g.dep_ == "conj" and g.pos_ == "NUM" and g.head in numbers]
        for num in numbers:
            found = next((c for c in counts if c.span.start <= num.i < c.span.end), None)
            if found is None or irrealis(num):
                continue
            others = [g for g in num.children if g.dep_ == "conj"]
            own = [t for t in in_unit(num.subtree, unit)
                   if not any(t in o.subtree for o in others)
                   and not (t.dep_ == "cc" and t.head == num)]
            countries, locations = places(own, d)
            when = when_in(own, num, d)
            if not locations and not countries and when is None:
                continue
            part = Draft(unit=n, anchor=num, span=Span(num.idx, num.idx + len(num.text)),
                         rule=BARE_NUMBER)
            part.strike_count, part.qualifier = int(found.value), found.qualifier
            part.countries, part.locations = countries, locations
            part.country_source = "clause" if countries else ""
            if when is not None:
                part.when, part.when_source = when, "clause"
            part.parent, part.explicit_parent = parent, True
            part.air, part.counted_noun = parent.air, parent.counted_noun
            part.own_tokens = own
            out.append(part)
    return out
