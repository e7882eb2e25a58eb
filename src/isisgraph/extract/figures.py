"""Figures: the quantities the news reports — troops deployed, fighters remaining, territory
and people liberated, foreign fighters and returnees, targets struck — as ``Figure`` records.

``extract_figures(doc, article, ref)`` reads every count expression of the article
(``numbers.find_counts``) and keeps those whose counted thing the ``measure`` scheme of
``ontology/schemes.ttl`` names:

- the counted noun is a label of a measure concept ("troops", "soldiers", "fighters",
  "militants", "civilians" ...): troops, fighters, people liberated (only with a liberating
  verb: "liberated 4.5M civilians"), displaced ("refugees", "people ... displaced");
  "foreign" fighters and nationality plurals who "went to fight" / "joined" are foreign
  fighters, a bare number that "returned" is returnees; a coordinated bare number shares
  the noun ("2,500 troops in Iraq and 900 in Syria");
- an area ("20 square miles", "55,670 SQ KM", "1,200 km²") or a share of land ("87% of the
  territory", "one-third of Syria", "half of Anbar", "90% cleared") is territory, in
  ``km2``, ``sq-mi`` or ``percent`` (a fraction as its percentage, 33.3 for a third);
- a verb that counts ("believed to number at least 1,000", "estimated at 3,000") takes the
  noun it describes;
- in strike releases, an aggregate count of a target type of the ``target-type`` scheme
  ("346 tactical units", "destroyed 104 vehicles", "31 VBIEDs") is ``targets-struck`` with
  the target type's slug as unit.

Boundaries, decided:

- Casualty and event counts are not figures: a count governed by killing, wounding,
  arresting, capturing or surrendering ("killed 300 people", "350 fighters surrendering") is
  the events extractor's killed/arrested/surrendered count.
- Target counts of a dated, per-day release ("destroyed two buildings on March 17") or of a
  sentence that counts strikes ("four strikes destroyed three fighting positions") are the
  strike report's targets; only undated aggregate target counts become figures.
- Strike and engagement counts are strike reports, never figures.
- A repeated paragraph gives one figure per occurrence: each statement is its own evidence,
  and the graph records what the article says, as often as it says it. Queries that want
  distinct values group by measure, value and date.

The as-of date: the date attached to the clause's verb ("In 2014, ISIS controlled ...");
else the date of the claim the sentence is attributed to ("tweeted on Tuesday"); else, for
present-tense and cumulative statements ("currently keeps", "are believed to be", "to
date, ... has removed"), the publication date with the manifest's precision; a past-tense
figure without a date gets the publication date with precision ``approximate``. Without a
publication date nothing is invented. The subject is the actor the figure counts or whose
action it measures: "US troops" → the US forces, "Islamic State fighters" → ISIS,
"the coalition has regained 20 square miles" → the coalition, "“We have freed ...,” the
army said" → the army. Places: those attached to the counted noun ("troops in Iraq"),
else those of its clause; "the two countries" / "both countries" are the two countries
the preceding sentences name. The claimant: the speaker of the claim whose span holds the
figure, when the sentence is attributed.

Confidence: 0.8 for a measure noun with its number; 0.7 for a number reached through a
verb ("believed to number") or a nationality plural; 0.65 for targets struck; plus 0.05
when the subject is resolved.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as DocSpan

from isisgraph.extract.claims import attributions
from isisgraph.extract.dates import find_dates
from isisgraph.extract.numbers import CountMatch, find_counts, qualifier_phrases
from isisgraph.extract.shared import SpanIndex, entities, text_of, tokens_of
from isisgraph.extract.syntax.tree import children, clause_root, nearest_verb, subject_chain
from isisgraph.extract.syntax.units import units
from isisgraph.records import Article, Claim, Figure, Span, When
from isisgraph.reference import Reference

DOMAIN_LABELS = ("ACTOR", "PLACE", "OPERATION")
# Verbs whose count is an event's (the events extractor's), not a figure.
EVENT_VERBS = {
    "kill",
    "wound",
    "injure",
    "arrest",
    "capture",
    "detain",
    "surrender",
    "execute",
    "behead",
    "abduct",
    "kidnap",
    "neutralize",
    "neutralise",
    "die",
    "slay",
    "massacre",
    "murder",
    "shoot",
    "eliminate",
}
PEOPLE_MEASURES = {"troops", "fighters", "foreign-fighters", "returnees", "people-liberated", "displaced"}
# Verbs that count the noun they describe: "believed to number at least 1,000".
COUNTING_VERBS = {"number", "total", "estimate", "count", "reach", "exceed"}
# Verbs of liberating people and land.
LIBERATING_VERBS = {
    "liberate",
    "free",
    "regain",
    "retake",
    "recapture",
    "reclaim",
    "clear",
    "remove",
    "oust",
    "expel",
    "recover",
    "secure",
    "seize",
    "capture",
    "control",
    "hold",
    "lose",
    "take",
}
# Verbs that make people counted displaced: "1 million people have been displaced".
DISPLACING_VERBS = {"displace", "flee", "uproot", "force"}
# Verbs whose subjects are people who went abroad to fight.
JOINING_VERBS = {"fight", "join", "travel", "go", "leave"}
AREA_UNITS = {
    "mile": "sq-mi",
    "miles": "sq-mi",
    "mi": "sq-mi",
    "kilometer": "km2",
    "kilometre": "km2",
    "km": "km2",
    "kilometers": "km2",
    "kilometres": "km2",
    "km2": "km2",
    "km²": "km2",
    "sqkm": "km2",
}
SQUARE_WORDS = {"square", "sq", "sq."}
FRACTIONS = {
    "half": 50.0,
    "halves": 50.0,
    "third": 100 / 3,
    "thirds": 100 / 3,
    "quarter": 25.0,
    "quarters": 25.0,
    "fifth": 20.0,
    "fifths": 20.0,
}
# Words for land when counted as a share: "87% of the territory", "a third of the country".
LAND_WORDS = {"territory", "land", "ground", "area", "country", "city", "town", "province", "region", "caliphate"}
# Verbs and adjectives that make a percentage a share of land: "90% cleared".
LAND_STATES = {
    "clear",
    "cleared",
    "liberate",
    "liberated",
    "control",
    "controlled",
    "retake",
    "retaken",
    "secure",
    "secured",
    "free",
    "freed",
    "recapture",
    "recaptured",
}
STRIKE_NOUNS = {"strike", "airstrike", "engagement", "sortie", "raid", "bombardment"}
STRIKE_VERBS = {"strike", "destroy", "target", "hit", "engage", "damage", "bomb", "pound"}
PRESENT_TAGS = {"VBZ", "VBP"}
EXTRACTOR = "figures"


@dataclass(frozen=True)
class MeasureLexicon:
    """Measure slugs by the head word of their labels, and target types by label words."""

    measure_of_word: dict[str, str]
    target_labels: list[tuple[tuple[str, ...], str]]  # (label words, target-type slug)

    @classmethod
    def from_reference(cls, ref: Reference) -> MeasureLexicon:
        words: dict[str, str] = {}
        for slug, concept in ref.scheme("measure").items():
            for label in concept.labels:
                parts = label.lower().split()
                if slug in ("troops", "fighters", "people-liberated", "displaced") and len(parts) <= 2:
                    words.setdefault(parts[-1], slug)
                    words.setdefault(_singular(parts[-1]), slug)
        targets: list[tuple[tuple[str, ...], str]] = []
        for slug, concept in ref.scheme("target-type").items():
            if slug == "fighters":
                continue  # people struck are casualties, the events' business
            for label in concept.labels:
                targets.append((tuple(_singular(w) for w in label.lower().replace("-", " - ").split()), slug))
        targets.sort(key=lambda item: -len(item[0]))
        return cls(words, targets)


class FigureReader:
    """Reads the figures of one parsed article."""

    def __init__(self, doc: Doc, article: Article, ref: Reference) -> None:
        self.doc = doc
        self.text = text_of(doc)
        self.article = article
        self.ref = ref
        self.lexicon = MeasureLexicon.from_reference(ref)
        self.units = units(doc)
        self.domain_ents = [e for e in entities(doc) if e.label_ in DOMAIN_LABELS and e.ent_id_]
        self.domain_starts = [e.start for e in self.domain_ents]  # sorted: entities do not overlap
        self.ent_by_token = {i: ent for ent in self.domain_ents for i in range(ent.start, ent.end)}
        self.unit_by_token = {i: index for index, unit in enumerate(self.units) for i in range(unit.start, unit.end)}
        self.claims = SpanIndex(list(attributions(doc, article, ref).values()))

    # ------------------------------------------------------------------ entities

    def ent_of(self, token: Token) -> DocSpan | None:
        return self.ent_by_token.get(token.i)

    def actor_of(self, token: Token) -> str | None:
        """The actor a token names: an actor entity, the conductor of an operation."""
        ent = self.ent_of(token)
        if ent is None:
            return None
        iri = ent.ent_id_
        if ent.label_ == "ACTOR" or self.ref.is_a(iri, "Actor"):
            return iri
        if ent.label_ == "OPERATION":
            conductors = self.ref.conducted_by.get(iri, [])
            return conductors[0] if conductors else None
        return None

    def actor_in(self, tokens: Iterable[Token]) -> str | None:
        for tok in tokens:
            actor = self.actor_of(tok)
            if actor and not _modifies_participle(tok):
                return actor
        return None

    def last_armed_group(self, before: Token, window: int = 3) -> str | None:
        """The armed group named last, in this sentence or the ``window`` before it."""
        unit_index = self.unit_index(before)
        first = self.units[max(0, unit_index - window)].start
        window = self.domain_ents[bisect_left(self.domain_starts, first): bisect_left(self.domain_starts, before.i)]
        for ent in reversed(window):
            if self.ref.is_a(ent.ent_id_, "ArmedGroup"):
                return ent.ent_id_
        return None

    def unit_index(self, token: Token) -> int:
        return self.unit_by_token.get(token.i, 0)

    def places_in(self, tokens: Iterable[Token]) -> list[str]:
        out: list[str] = []
        for tok in tokens:
            ent = self.ent_of(tok)
            if ent is not None and ent.label_ == "PLACE" and ent.ent_id_ not in out:
                out.append(ent.ent_id_)
        return out

    def context_countries(self, unit_index: int, n: int) -> list[str]:
        """The countries "the two countries" / "both countries" stands for: the nearest
        sentence, this one or before, that names ``n`` of them."""
        for index in range(unit_index, max(-1, unit_index - 4), -1):
            found: list[str] = []
            for tok in tokens_of(self.units[index]):
                ent = self.ent_of(tok)
                if ent is not None and self.ref.is_a(ent.ent_id_, "Country") and ent.ent_id_ not in found:
                    found.append(ent.ent_id_)
            if index == unit_index:
                continue  # the sentence itself names other places than the ones it counts in
            if len(found) >= n:
                return found[:n]
        return []

    # ------------------------------------------------------------------ the article

    def read(self) -> list[Figure]:
        figures: list[Figure] = []
        for index, unit in enumerate(self.units):
            seen: set[tuple[str, float]] = set()
            counts = find_counts(unit)
            covered = {t.i for c in counts for t in c.span} | {c.head.head.i for c in counts}
            counts += [c for c in self.bare_fractions(unit) if c.head.i not in covered]
            for count in counts:
                figure = self.figure_of(count, unit, index)
                if figure is None or (figure.measure, figure.value) in seen:
                    continue
                seen.add((figure.measure, figure.value))
                figures.append(figure)
        return figures

    def bare_fractions(self, unit: DocSpan) -> list[CountMatch]:
        """ "half of Anbar", "a third of the country", "nearly a quarter of Syria": shares
        written without a number, as counts of one (half) or one fraction (a third)."""
        out: list[CountMatch] = []
        phrases = qualifier_phrases()
        for tok in tokens_of(unit):
            if tok.lower_ not in FRACTIONS or not any(c.lower_ == "of" for c in tok.children):
                continue
            start = tok.i
            if start > unit.start and self.doc[start - 1].lower_ in ("a", "an", "one"):
                start -= 1
            qualifier = "exact"
            for n in (2, 1):
                if start - n >= unit.start:
                    phrase = " ".join(t.lower_ for t in self.doc[start - n : start])
                    if phrase in phrases:
                        qualifier, start = phrases[phrase], start - n
                        break
            value = 1.0 if tok.lower_ in ("half", "halves") else 1.0
            out.append(CountMatch(self.doc[start : tok.i + 1], value, qualifier))
        return out

    def figure_of(self, count: CountMatch, unit: DocSpan, index: int) -> Figure | None:
        number = count.head
        if number.ent_type_ in ("DATE", "TIME", "MONEY", "ORDINAL"):
            return None
        found = self.classify(count, number, unit, index)
        if found is None:
            return None
        measure, value, unit_name, qualifier, noun, verb, subject, confidence, extra_places = found
        if measure in PEOPLE_MEASURES and self._is_event_count(noun or number):
            return None
        places = (
            extra_places
            or self.own_places(noun or number)
            or self.places_in(self.clause_tokens(verb or noun or number, unit))
        )
        span = self.evidence_span(unit)
        claim = self.claim_for(span)
        if subject is None and claim is not None and _first_person_subject(verb):
            # "“We have freed 3,000 civilians,” the army said": we is the speaker's side.
            subject = claim.on_behalf_of or (claim.claimant if claim.person is None else None)
        return Figure(
            key=f"figure-{span.start}-{span.end}-{count.span.start_char}-{measure}",
            span=span,
            measure=measure,
            value=value,
            unit=unit_name,
            count_qualifier=qualifier,
            subject=subject,
            locations=places,
            as_of=self.as_of(verb or noun or number, unit, claim),
            claimant=claim.claimant if claim is not None else None,
            confidence=round(min(0.95, confidence + (0.05 if subject else 0.0)), 2),
            extractor=f"{EXTRACTOR}.{measure}",
        )

    def classify(self, count: CountMatch, number: Token, unit: DocSpan, index: int):  # type: ignore[no-untyped-def]
        """(measure, value, unit, qualifier, noun, verb, subject, confidence, places) or None."""
        value, qualifier = float(count.value), count.qualifier
        noun = number.head if number.dep_ in ("nummod", "quantmod", "compound", "amod", "appos") else None
        while (
            noun is not None
            and noun.dep_ == "compound"
            and noun.head.pos_ in ("NOUN", "PROPN")
            and noun.head.i > noun.i
        ):
            noun = noun.head  # "35 weapons caches": the caches are counted
        # Percentages and fractions of land.
        if number.lower_ in FRACTIONS:
            noun = number  # "half of Anbar": the fraction word is its own count
        fraction = FRACTIONS.get(noun.lower_) if noun is not None else None
        if count.unit == "percent" or fraction is not None:
            share = value if fraction is None else value * fraction
            anchor = noun if fraction is not None else _percent_token(count)
            return self.share_of_land(share, qualifier, anchor, index)
        counting = self.counting_verb_before(count)
        if counting is not None:
            return self.counted_by_verb(value, qualifier, counting, index)
        if noun is None or noun.pos_ not in ("NOUN", "PROPN"):
            return self.bare_number(value, qualifier, number, unit, index)
        # Areas.
        area = self.area_unit(count, noun)
        if area is not None:
            verb = nearest_verb(noun)
            subject = self.subject_of(verb)
            return ("territory", value, area, qualifier, noun, verb, subject, 0.8, [])
        lemma = noun.lemma_.lower()
        measure = self.lexicon.measure_of_word.get(lemma) or self.lexicon.measure_of_word.get(noun.lower_)
        if measure is None and _nationality_plural(noun) and self._went_to_fight(noun):
            return (
                "foreign-fighters",
                value,
                "people",
                qualifier,
                noun,
                None,
                self.fought_for(noun) or self.last_armed_group(noun),
                0.7,
                [],
            )
        if measure is None:
            return self.targets(value, qualifier, noun, unit)
        verb = nearest_verb(noun)
        if measure == "fighters":
            if any(c.lower_ == "foreign" for c in noun.children):
                return (
                    "foreign-fighters",
                    value,
                    "fighters",
                    qualifier,
                    noun,
                    verb,
                    self.fought_for(noun) or self.last_armed_group(noun),
                    0.8,
                    [],
                )
            subject = self.actor_in(_modifiers(noun)) or self.last_armed_group(noun)
            return (
                "fighters",
                value,
                "fighters",
                qualifier,
                noun,
                verb,
                subject,
                0.8,
                self.counted_places(noun, index),
            )
        if measure == "troops":
            subject = self.actor_in([noun, *_modifiers(noun)]) or self.subject_of(verb)
            return ("troops", value, "troops", qualifier, noun, verb, subject, 0.8, self.counted_places(noun, index))
        if measure == "people-liberated" and verb is not None and verb.lemma_.lower() in DISPLACING_VERBS:
            return ("displaced", value, "people", qualifier, noun, verb, None, 0.75, self.places_in(verb.subtree))
        if measure == "people-liberated":
            if verb is None or verb.lemma_.lower() not in LIBERATING_VERBS - {
                "control",
                "hold",
                "lose",
                "seize",
                "capture",
                "take",
            }:
                return None
            return ("people-liberated", value, "people", qualifier, noun, verb, self.subject_of(verb), 0.8, [])
        if measure == "displaced":
            return ("displaced", value, "people", qualifier, noun, verb, None, 0.75, [])
        return None

    def share_of_land(self, share: float, qualifier: str, anchor: Token | None, index: int):  # type: ignore[no-untyped-def]
        """ "87% of the territory", "one-third of Syria", "90% cleared": territory in percent."""
        if anchor is None:
            return None
        places: list[str] = []
        of_objects = [
            g for c in anchor.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children if g.dep_ == "pobj"
        ]
        land = False
        for obj in of_objects:
            if obj.lemma_.lower() in LAND_WORDS:
                land = True
            ent = self.ent_of(obj)
            if ent is not None and ent.label_ == "PLACE":
                land = True
                places.append(ent.ent_id_)
        head = anchor.head
        if (
            not land
            and (head.lemma_.lower() in LAND_STATES or head.lower_ in LAND_STATES)
            and anchor.dep_ in ("npadvmod", "advmod", "dobj", "nsubj", "attr", "amod")
        ):
            land = True
        if not land:
            return None
        verb = nearest_verb(anchor)
        subject = self.subject_of(verb) if verb is not None and verb.lemma_.lower() in LIBERATING_VERBS else None
        return ("territory", round(share, 1), "percent", qualifier, anchor, verb, subject, 0.75, places)

    def bare_number(self, value: float, qualifier: str, number: Token, unit: DocSpan, index: int):  # type: ignore[no-untyped-def]
        """A number without a noun: returnees ("at least 1,200 have returned") or the object
        of a counting verb ("believed to number at least 1,000")."""
        head = number.head
        lemma = head.lemma_.lower()
        measure = self.lexicon.measure_of_word.get(lemma)
        if number.dep_ == "conj" and measure in ("troops", "fighters"):
            # "2,500 troops in Iraq and 900 in Syria": the second count shares the noun.
            subject = self.actor_in([head, *_modifiers(head)]) or self.subject_of(nearest_verb(head))
            return (measure, value, measure, qualifier, number, nearest_verb(head), subject, 0.7, [])
        if number.dep_ in ("nsubj", "nsubjpass") and lemma == "return":
            fighters = self._foreign_fighters_nearby(number, unit)
            subject = self.fought_for(fighters) if fighters is not None else None
            return (
                "returnees",
                value,
                "people",
                qualifier,
                number,
                head,
                subject or self.last_armed_group(number),
                0.7,
                [],
            )
        if lemma in COUNTING_VERBS or (lemma == "at" and head.head.lemma_.lower() in COUNTING_VERBS):
            verb = head if lemma in COUNTING_VERBS else head.head
            return self.counted_by_verb(value, qualifier, verb, index)
        return None

    def counting_verb_before(self, count: CountMatch) -> Token | None:
        """A counting verb written right before the count ("to number at least 1,000",
        "estimated at 3,000"), whatever the parser made of the dashes around it."""
        i = count.span.start - 1
        if i >= 0 and self.doc[i].lower_ == "at":
            i -= 1
        if i >= 0 and self.doc[i].lemma_.lower() in COUNTING_VERBS and self.doc[i].pos_ == "VERB":
            return self.doc[i]
        return None

    def counted_by_verb(self, value: float, qualifier: str, verb: Token, index: int):  # type: ignore[no-untyped-def]
        """The number a counting verb gives to the people it describes."""
        described = _described_noun(verb)
        measure = self.lexicon.measure_of_word.get(described.lemma_.lower()) if described is not None else None
        if measure not in ("fighters", "troops"):
            described = self.measure_noun_before(verb)
            if described is None:
                return None
            measure = self.lexicon.measure_of_word.get(described.lemma_.lower())
        if measure not in ("fighters", "troops") or described is None:
            return None
        subject = self.actor_in([described, *_modifiers(described)])
        if subject is None and measure == "fighters":
            subject = self.last_armed_group(described)
        places = self.counted_places(described, index) or self.places_in(
            t for t in tokens_of(self.units[index]) if t.i > verb.i)
        return (measure, value, measure, qualifier, described, verb, subject, 0.7, places)

    def measure_noun_before(self, verb: Token, window: int = 6) -> Token | None:
        """The nearest fighters/troops noun a few words before a counting verb."""
        for i in range(verb.i - 1, max(-1, verb.i - window - 1), -1):
            tok = self.doc[i]
            if self.lexicon.measure_of_word.get(tok.lemma_.lower()) in ("fighters", "troops"):
                return tok
        return None

    def area_unit(self, count: CountMatch, noun: Token) -> str | None:
        lower = noun.lower_
        if lower in ("km2", "km²", "sqkm"):
            return "km2"
        if lower not in AREA_UNITS:
            return None
        between = self.doc[count.span.end : noun.i]
        if any(t.lower_ in SQUARE_WORDS for t in between) or any(c.lower_ in SQUARE_WORDS for c in noun.children):
            return AREA_UNITS[lower]
        return None

    def targets(self, value: float, qualifier: str, noun: Token, unit: DocSpan):  # type: ignore[no-untyped-def]
        """An aggregate count of a target type in a strike sentence (see the module docstring)."""
        target = self.target_type(noun)
        if target is None:
            return None
        lemmas = {t.lemma_.lower() for t in tokens_of(unit)}
        if not (lemmas & STRIKE_VERBS or any(t.lower_ == "against" for t in tokens_of(unit))):
            return None
        if any(c.head.head.lemma_.lower() in STRIKE_NOUNS for c in find_counts(unit) if c.head is not None):
            return None  # "four strikes destroyed three positions": the strike report's targets
        if any(w.precision == "day" for w in find_dates(unit, self.article.published)):
            return None  # a dated per-day release: the strike report's targets
        verb = nearest_verb(noun)
        subject = self.subject_of(verb)
        return ("targets-struck", value, target, qualifier, noun, verb, subject, 0.65, [])

    def target_type(self, noun: Token) -> str | None:
        """The target-type slug the noun phrase ends with ("Daesh tactical units" →
        tactical-unit; "vehicle-borne improvised explosive devices" → vbied)."""
        left = noun.left_edge.i
        words = [_singular(t.lower_) for t in self.doc[left : noun.i + 1] if not t.is_punct or t.text == "-"]
        lemma_words = words[:-1] + [noun.lemma_.lower()]
        for label, slug in self.lexicon.target_labels:
            n = len(label)
            if tuple(words[-n:]) == label or tuple(lemma_words[-n:]) == label:
                return slug
        return None

    # ------------------------------------------------------------------ context

    def subject_of(self, verb: Token | None) -> str | None:
        """The actor doing what the verb says: its subject or passive agent, or those of the
        verb it shares its subject with."""
        if verb is None:
            return None
        for current in subject_chain(verb):
            for child in children(current, "nsubj", "agent"):
                tokens = list(child.subtree) if child.dep_ == "nsubj" else [
                    t for g in child.children for t in g.subtree]
                actor = self.actor_in(tokens)
                if actor:
                    return actor
        return None

    def fought_for(self, noun: Token | None) -> str | None:
        """ "Europeans who went to fight for Islamic State" → ISIS; "Britons travelled to
        join the group" → the group."""
        if noun is None:
            return None
        scope = list(noun.subtree)
        if noun.dep_ in ("nsubj", "nsubjpass"):
            scope = list(noun.head.subtree)
        for tok in scope:
            if tok.dep_ == "dobj" and tok.head.lemma_.lower() == "join":
                actor = self.actor_of(tok)
                if actor:
                    return actor
        for tok in scope:
            if tok.dep_ == "pobj" and tok.head.lower_ in ("for", "with"):
                actor = self.actor_of(tok)
                if actor:
                    return actor
        return None

    def counted_places(self, noun: Token, index: int) -> list[str]:
        """Places of "in the two countries" / "in both countries", resolved from context."""
        clause = list(clause_root(noun).subtree)
        for tok in clause:
            if (
                tok.lemma_.lower() == "country"
                and tok.tag_ == "NNS"
                and any(c.lower_ in ("both", "two") for c in tok.children)
            ):
                return self.context_countries(index, 2)
        return []

    def own_places(self, token: Token) -> list[str]:
        """Places attached to the counted noun itself ("troops in Iraq"), not to a coordinated
        count ("... and 900 in Syria")."""
        tokens = [t for c in token.children if c.dep_ not in ("conj", "cc", "relcl", "acl") for t in c.subtree]
        return self.places_in(tokens)

    def clause_tokens(self, token: Token, unit: DocSpan) -> list[Token]:
        root = clause_root(token)
        tokens = [t for t in root.subtree if unit.start <= t.i < unit.end]
        return tokens or list(unit)

    def evidence_span(self, unit: DocSpan) -> Span:
        text = self.text
        start, end = unit.start_char, unit.end_char
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return Span(start, end)

    def claim_for(self, span: Span) -> Claim | None:
        """The first claim whose span holds ``span`` or lies in it."""
        for claim in self.claims.touching(span.start, span.end):
            if (
                claim.span.start <= span.start
                and span.end <= claim.span.end
                or (span.start <= claim.span.start and claim.span.end <= span.end)
            ):
                return claim
        return None

    def as_of(self, token: Token, unit: DocSpan, claim: Claim | None) -> When | None:
        """See the module docstring: the clause's own date, the claim's, or publication."""
        verb = clause_root(token)
        published = self.article.published
        for when in find_dates(unit, published):
            if when.span is None or when.start is None:
                continue
            date_tokens = [t for t in tokens_of(unit) if when.span.start <= t.idx < when.span.end]
            if (
                date_tokens
                and all(clause_root(t) == verb for t in date_tokens)
                and not any(
                    a.lower_ in ("since", "from", "after", "until")
                    for t in date_tokens
                    for a in t.ancestors
                    if a.i < t.i and clause_root(a) == verb
                )
            ):
                return when
        if claim is not None and claim.when is not None and claim.when.precision != "approximate":
            return claim.when
        if published is None:
            return None
        present = verb.tag_ in PRESENT_TAGS or any(c.tag_ in PRESENT_TAGS for c in verb.children if c.dep_ == "aux")
        cumulative = any(t.lower_ in ("currently", "now", "date", "still", "remaining") for t in tokens_of(unit))
        precision = self.article.date_precision if (present or cumulative) else "approximate"
        return When(raw=verb.text, start=published, end=published, precision=precision)

    def _is_event_count(self, token: Token) -> bool:
        """Whether a count belongs to an event: killed, arrested, surrendering ..."""
        for candidate in [token, *token.children]:
            if candidate.lemma_.lower() in EVENT_VERBS and candidate.pos_ == "VERB":
                return True
        head = token.head
        hops = 0
        while head != head.head and hops < 2:
            if head.pos_ == "VERB":
                return head.lemma_.lower() in EVENT_VERBS
            head = head.head
            hops += 1
        return head.pos_ == "VERB" and head.lemma_.lower() in EVENT_VERBS

    def _went_to_fight(self, noun: Token) -> bool:
        """ "Europeans who went to fight", "800 Britons travelled to join the group"."""
        verbs = [t for t in noun.subtree if t.pos_ == "VERB"]
        if noun.dep_ in ("nsubj", "nsubjpass"):
            verbs.extend([noun.head, *(c for c in noun.head.children if c.pos_ == "VERB")])
        return any(v.lemma_.lower() in JOINING_VERBS for v in verbs)

    def _foreign_fighters_nearby(self, number: Token, unit: DocSpan) -> Token | None:
        for tok in tokens_of(unit):
            if _nationality_plural(tok) and self._went_to_fight(tok):
                return tok
            if tok.lower_ == "fighters" and any(c.lower_ == "foreign" for c in tok.children):
                return tok
        return None


# ----------------------------------------------------------------------------- helpers


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        return word[:-1]
    return word


def _first_person_subject(verb: Token | None) -> bool:
    return verb is not None and any(c.dep_ == "nsubj" and c.lower_ in ("we", "us") for c in verb.children)


def _nationality_plural(token: Token) -> bool:
    """ "Europeans", "Britons", "Tunisians", "foreigners": people named by where they come from."""
    if token.lemma_.lower() == "foreigner":
        return True
    return token.tag_ == "NNPS" or token.ent_type_ == "NORP" and token.tag_ in ("NNS", "NNPS")


def _percent_token(count: CountMatch) -> Token | None:
    for tok in count.span:
        if tok.lower_ in ("%", "percent", "pct", "cent"):
            return tok
    number = count.head
    return number.head if number.head != number else None


def _modifiers(noun: Token) -> list[Token]:
    out: list[Token] = []
    for child in noun.children:
        if child.dep_ in ("compound", "amod", "nmod", "poss"):
            out.extend(child.subtree)
    return sorted(out, key=lambda t: t.i)


def _modifies_participle(token: Token) -> bool:
    """ "US" in "US-backed fighters" names the backer, not the fighters."""
    doc = token.doc
    if token.i + 2 < len(doc) and doc[token.i + 1].text in ("-", "\u2013") and doc[token.i + 2].tag_ == "VBN":
        return True
    return token.text.lower().endswith(("-backed", "-led", "-linked", "-allied"))


def _described_noun(verb: Token) -> Token | None:
    """The noun a counting verb describes: "fighters -- believed to number 1,000"."""
    current = verb
    for _ in range(4):
        if current.dep_ in ("acl", "relcl", "appos") and current.head.pos_ in ("NOUN", "PROPN"):
            noun = current.head
            return _lexicon_noun_within(noun)
        subjects = [c for c in current.children if c.dep_ in ("nsubj", "nsubjpass")]
        if subjects and subjects[0].pos_ in ("NOUN", "PROPN"):
            return _lexicon_noun_within(subjects[0])
        if current.head == current:
            return None
        current = current.head
    return None


def _lexicon_noun_within(noun: Token) -> Token:
    """ "the largest pocket of Islamic State fighters": the counted people are the fighters."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.pos_ in ("NOUN", "PROPN"):
                    return obj
    return noun


# ----------------------------------------------------------------------------- entry point


def extract_figures(doc: Doc, article: Article, ref: Reference) -> list[Figure]:
    """The reported quantities of one article (see the module docstring)."""
    qualifier_phrases()  # warm the qualifier lexicon once
    return FigureReader(doc, article, ref).read()
