"""Context: what the text around a fact supplies when the fact's own clause does not.

The extractors read each fact from its clause. News often leaves a field of the fact to the
text around it: an event dated only by its report ("Kurdish fighters have expelled IS from
Kobane, activists said Monday"), or by nothing but the day the article appeared ("Iraqi
forces have freed Hawija"). The rules here complete those fields after extraction, saying
in the record where the value came from (``When.basis``) and in its rule id
(``ig:extractor`` gains ``+context.date.report``); they never drop a fact because a field
stays empty. (An event's confidence already counts a missing date of its own clause.)

Rules
-----
``context.date.report``
    An event whose clause gives no date takes the day of the report it is told in ("...,
    activists said Monday"), precision approximate: it happened on or before that day.
``context.date.publication``
    Else, in an article with a publication date, the publication date, precision
    approximate (ACLED codes such events to the report's date with a coarser precision).
    Without a publication date nothing is invented.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from isisgraph.extract.shared import entities
from isisgraph.extract.syntax.speech import is_reporting_verb, report_date, report_of
from isisgraph.extract.syntax.tree import subject
from isisgraph.lexicons import lexicon
from isisgraph.records import Article, Claim, Event, When
from isisgraph.reference import Reference

DATE_FROM_REPORT = "context.date.report"
DATE_FROM_PUBLICATION = "context.date.publication"


def anchor_of(doc: Doc, event: Event) -> Token | None:
    """The word of an event's evidence that heads it (its trigger's clause)."""
    span = doc.char_span(event.span.start, event.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    words = [t for t in span if t.text.lower() == event.trigger.split()[0].lower()]
    return words[0] if words else span.root


def date_events(events: list[Event], doc: Doc, article: Article) -> None:
    """Give each undated event the date of its report, else the publication date (in place)."""
    for event in events:
        if event.when is not None and (event.when.start is not None or article.published is None):
            continue
        anchor = anchor_of(doc, event)
        reported = report_date(anchor, article.published) if anchor is not None else None
        if reported is not None:
            event.when = When(raw=reported.raw, start=reported.start, end=reported.start,
                              precision="approximate", span=reported.span, basis="report")
            rule = DATE_FROM_REPORT
        elif article.published is not None:
            event.when = When(raw="", start=article.published, end=article.published,
                              precision="approximate", basis="publication")
            rule = DATE_FROM_PUBLICATION
        else:
            continue
        event.extractor = f"{event.extractor}+{rule}"



# ----------------------------------------------------------------------------- sides

SIDES_DECLARED = "context.sides.declared"
SIDES_LIBERATED = "context.sides.liberated-from"
AGENT_FROM_REPORT = "context.sides.reported-by"
CONTEXT = lexicon("context")
# Who can take a place, arrest or kill: not a government office, a medium or a monitor.
FORCE_CLASSES = ("StateForce", "ArmedGroup", "Coalition")


def complete_sides(events: list[Event], claims: list[Claim], doc: Doc, ref: Reference) -> None:
    """Fill the sides an event's clause leaves open from the report it is told in and from
    what the article is about (in place):

    ``context.sides.declared``: a control change with no winner, told in a report by a force
    or a government, was won by that force (a government's: its armed forces): "the SDF
    declared that Baghouz village had been fully liberated"; "Haider al-Abadi said his forces
    had regained control of the border".
    ``context.sides.liberated-from``: a place freed, retaken or cleared with no loser named was
    lost by the armed group the article is about (the one it names most, other than the
    winner): "Iraqi forces have freed Hawija".
    ``context.sides.reported-by``: an arrest or a killing with no perpetrator, announced by a
    force that is not among its victims, was that force's: "the Counter-Terrorism Service
    announced the arrest of six suspected ISIS members".
    """
    liberating = _liberation_words(ref)
    groups = armed_groups_by_mentions(doc, ref)
    for event in events:
        anchor = anchor_of(doc, event)
        if anchor is None:
            continue
        if event.kind == "ControlChange":
            if not event.gained_control:
                forces = [f for f in reporting_forces(anchor, claims, ref) if f not in event.lost_control]
                if forces:
                    event.gained_control = forces
                    event.extractor += f"+{SIDES_DECLARED}"
            group = next((g for g in groups if g not in event.gained_control), None)
            if not event.lost_control and group is not None and (
                    anchor.lemma_.lower() in liberating or anchor.lower_ in liberating):
                event.lost_control = [group]
                event.extractor += f"+{SIDES_LIBERATED}"
        elif event.kind in ("Arrest", "Killing") and not event.perpetrators:
            forces = [f for f in reporting_forces(anchor, claims, ref) if f not in event.target_actors]
            if forces:
                event.perpetrators = forces
                event.extractor += f"+{AGENT_FROM_REPORT}"


def _liberation_words(ref: Reference) -> frozenset[str]:
    scheme = ref.scheme("event-trigger")
    return frozenset(label.lower() for slug in CONTEXT.liberation_triggers if slug in scheme
                     for label in scheme[slug].labels)


def armed_groups_by_mentions(doc: Doc, ref: Reference) -> list[str]:
    """The armed groups the article names, most named first (the first named, on a tie): the
    first that did not win a place is the one the article is about."""
    counts: dict[str, int] = {}
    for ent in entities(doc):
        if ent.label_ == "ACTOR" and ent.ent_id_ and ref.is_a(ent.ent_id_, "ArmedGroup"):
            counts[ent.ent_id_] = counts.get(ent.ent_id_, 0) + 1
    return sorted(counts, key=lambda iri: -counts[iri])


def reporting_forces(anchor: Token, claims: list[Claim], ref: Reference) -> list[str]:
    """The armed forces of whoever reports ``anchor``'s clause: the organisation of a claim
    whose span holds it (a spokesman's or minister's organisation, else the claimant), or the
    actor named as the subject of the verb of saying or announcing; a government stands for
    its armed forces. Only forces count (a state force, an armed group, a coalition): a media
    office or a monitor that reports a fact did not do it."""
    speakers = [c.on_behalf_of or c.claimant for c in claims
                if c.span.start <= anchor.idx < c.span.end and (c.on_behalf_of or c.claimant)]
    if not speakers:
        speakers = _subject_actors(anchor)
    forces = [armed_forces_of(s, ref) for s in speakers if s]
    return list(dict.fromkeys(f for f in forces if any(ref.is_a(f, c) for c in FORCE_CLASSES)))


def _subject_actors(anchor: Token) -> list[str]:
    """The actors named as the subject of the verb that reports or announces ``anchor``."""
    frame = report_of(anchor)
    verb = frame.verb if frame is not None else None
    if verb is None and anchor.dep_ in ("dobj", "nsubjpass") and is_reporting_verb(anchor.head):
        verb = anchor.head  # "the CTS announced the arrest of six suspects"
    speaker = subject(verb) if verb is not None else None
    if speaker is None:
        return []
    named = [e for e in entities(speaker.doc) if e.label_ == "ACTOR" and e.ent_id_
             and speaker.left_edge.i <= e.start and e.end <= speaker.i + 1]
    # the name that heads the phrase ("the Iraqi Counter-Terrorism Service"), not a backer
    # named before it ("the US-backed SDF")
    heads = [e for e in named if e.start <= speaker.i < e.end] or named[-1:]
    return [e.ent_id_ for e in heads]


def armed_forces_of(actor: str, ref: Reference) -> str:
    """A government's armed forces (its one direct member that is a state force), else the
    actor itself."""
    if not ref.is_a(actor, "Government"):
        return actor
    forces = sorted(a for a, orgs in ref.member_of.items() if actor in orgs and ref.is_a(a, "StateForce"))
    return forces[0] if len(forces) == 1 else actor
