"""What the event rule tests share: the reference, a context for a hand-built parse, the
trigger of a word found with the real trigger lexicon, and the whole extractor on a parse."""

from __future__ import annotations

import datetime as dt
from functools import cache

from parses import ID
from spacy.tokens import Doc

from isisgraph import reference
from isisgraph.extract.events import extract_events
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.entities import forget
from isisgraph.extract.events.triggers import Trigger, find_triggers, lexicon_for
from isisgraph.records import Article, Event
from isisgraph.reference import Reference

PUBLISHED = dt.date(2016, 3, 30)  # a Wednesday


@cache
def ref() -> Reference:
    return reference.load()


def iri(slug: str) -> str:
    """``actor/isis`` → the individual's IRI, as the parse gives it."""
    return ID + slug


def article(doc: Doc, published: dt.date | None = PUBLISHED) -> Article:
    return Article(id="t", text=doc.text, source="test", published=published)


def context(doc: Doc, published: dt.date | None = PUBLISHED) -> Context:
    forget(doc)
    return Context(doc=doc, article=article(doc, published), ref=ref())


def triggers(doc: Doc) -> list[Trigger]:
    return find_triggers(doc, lexicon_for(doc.vocab, ref()))


def trigger(doc: Doc, word: str) -> Trigger:
    """The one trigger whose head is ``word``."""
    found = [t for t in triggers(doc) if t.head.text == word]
    assert len(found) == 1, [(t.head.text, t.word.concept) for t in triggers(doc)]
    return found[0]


def events(doc: Doc, published: dt.date | None = PUBLISHED) -> list[Event]:
    return extract_events(doc, article(doc, published), ref())
