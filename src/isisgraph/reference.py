"""Fast lookups over the curated reference data, for the NLP and extraction stages.

Built once per process from ``ontology/`` into plain dicts, so the extractors never run
SPARQL on a hot path.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from rdflib import RDF, SKOS, Graph, Literal, URIRef

from isisgraph.namespaces import ID, IG
from isisgraph.ontology import ClassHierarchy, load_background

IG_NS = str(IG._NS)


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


@dataclass
class Concept:
    iri: str
    slug: str
    scheme: str
    pref_label: str
    labels: list[str]  # prefLabel, altLabels and hiddenLabels (English), the lexicon
    broader: str | None = None


@dataclass(frozen=True)
class Reading:
    """One reading of an actor description (``ig:DescriptionReading``): the actor it stands
    for (None: one the reference data lacks) in ``countries``, the countries and regions it
    names (``ig:country``, ``ig:region``; empty: wherever no reading of the country holds),
    from ``start`` to ``end`` (inclusive; None: open)."""

    actor: str | None
    countries: frozenset[str] = frozenset()
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass
class Reference:
    """Labels, types, containment and SKOS lexicons of the reference individuals."""

    labels: dict[str, str] = field(default_factory=dict)  # IRI -> English prefLabel
    aliases: dict[str, list[str]] = field(default_factory=dict)  # IRI -> every label
    types: dict[str, set[str]] = field(default_factory=dict)  # IRI -> ig: classes incl. super
    parents: dict[str, list[str]] = field(default_factory=dict)  # place IRI -> direct partOf
    countries: dict[str, str] = field(default_factory=dict)  # IRI -> its one ig:country
    member_of: dict[str, list[str]] = field(default_factory=dict)
    conducted_by: dict[str, list[str]] = field(default_factory=dict)
    concepts: dict[str, dict[str, Concept]] = field(default_factory=dict)  # scheme -> slug -> C
    evokes: dict[str, str] = field(default_factory=dict)  # lexicon concept IRI -> ig: class local name
    descriptions: dict[str, tuple[Reading, ...]] = field(default_factory=dict)  # description IRI -> readings

    def label(self, iri: str) -> str:
        return self.labels.get(iri, local_name(iri))

    def is_a(self, iri: str, cls: str) -> bool:
        """Whether ``iri`` is typed with the ig: class ``cls`` or one of its subclasses."""
        return cls in self.types.get(iri, ())

    def kind(self, iri: str) -> str | None:
        """'actor', 'place', 'operation' or 'description' (an ig:ActorDescription, which the
        NLP stage reads as an actor) for a reference individual, else None."""
        for kind, cls in (("place", "Place"), ("operation", "Operation"), ("actor", "Actor"),
                          ("description", "ActorDescription")):
            if self.is_a(iri, cls):
                return kind
        return None

    def part_of(self, iri: str) -> list[str]:
        """Every place containing ``iri``, nearest first (transitive ig:partOf)."""
        seen: list[str] = []
        frontier = list(self.parents.get(iri, ()))
        while frontier:
            parent = frontier.pop(0)
            if parent not in seen:
                seen.append(parent)
                frontier.extend(self.parents.get(parent, ()))
        return seen

    def country_of(self, iri: str) -> str | None:
        """The country a place (or state actor) belongs to; a country is its own."""
        if self.is_a(iri, "Country"):
            return iri
        if iri in self.countries:
            return self.countries[iri]
        for parent in self.part_of(iri):
            if self.is_a(parent, "Country"):
                return parent
        return None

    def areas_of(self, iri: str) -> tuple[str, ...]:
        """The areas a place lies in, most specific first: the regions containing it
        (``ig:Region``, nearest first; a region is its own) and then its country; () when it
        has neither. Descriptions read by area (``descriptions.read``) use the most specific
        area a reading names: the police of the Kurdistan Region, the federal police of Iraq."""
        regions = [p for p in [iri, *self.part_of(iri)] if self.is_a(p, "Region")]
        country = self.country_of(iri)
        return tuple(regions) + ((country,) if country and country not in regions else ())

    def within(self, inner: str, outer: str) -> bool:
        """Whether place ``inner`` is ``outer`` or lies inside it."""
        return inner == outer or outer in self.part_of(inner)

    def memberships(self, iri: str) -> list[str]:
        """Organisations ``iri`` belongs to, transitively, nearest first."""
        seen: list[str] = []
        frontier = list(self.member_of.get(iri, ()))
        while frontier:
            org = frontier.pop(0)
            if org not in seen:
                seen.append(org)
                frontier.extend(self.member_of.get(org, ()))
        return seen

    def scheme(self, name: str) -> dict[str, Concept]:
        """The concepts of a SKOS scheme by slug, e.g. ``scheme("target-type")``."""
        return self.concepts.get(name, {})


def _english(values: list[Literal]) -> list[str]:
    return [str(v) for v in values if isinstance(v, Literal) and v.language in (None, "en")]


def build_reference(graph: Graph) -> Reference:
    ref = Reference()
    classes = ClassHierarchy.of(graph)
    for subject, cls in graph.subject_objects(RDF.type):
        if isinstance(subject, URIRef) and str(cls).startswith(IG_NS) and str(subject).startswith(str(ID)):
            ours = (local_name(str(c)) for c in classes.ancestry(cls) if str(c).startswith(IG_NS))
            ref.types.setdefault(str(subject), set()).update(ours)

    for subject in set(graph.subjects(SKOS.prefLabel)) | set(graph.subjects(SKOS.altLabel)):
        if not isinstance(subject, URIRef):
            continue
        key = str(subject)
        pref = _english(list(graph.objects(subject, SKOS.prefLabel)))
        alts = _english(list(graph.objects(subject, SKOS.altLabel)))
        hidden = _english(list(graph.objects(subject, SKOS.hiddenLabel)))
        if pref:
            ref.labels[key] = sorted(pref)[0]
        ref.aliases[key] = sorted(set(pref + alts + hidden))

    for prop, target in (
        (IG.partOf, ref.parents),
        (IG.memberOf, ref.member_of),
        (IG.conductedBy, ref.conducted_by),
    ):
        for s, o in graph.subject_objects(prop):
            target.setdefault(str(s), []).append(str(o))
    for values in (*ref.parents.values(), *ref.member_of.values(), *ref.conducted_by.values()):
        values.sort()
    # a river or border area lying in several countries has no single country
    all_countries: dict[str, set[str]] = defaultdict(set)
    for s, o in graph.subject_objects(IG.country):
        all_countries[str(s)].add(str(o))
    ref.countries = {s: next(iter(c)) for s, c in all_countries.items() if len(c) == 1}

    for description in graph.subjects(IG.reading, None, unique=True):
        ref.descriptions[str(description)] = tuple(sorted(
            (_reading(graph, node) for node in graph.objects(description, IG.reading)),
            key=lambda r: (r.actor or "", sorted(r.countries), r.start or dt.date.min)))

    for concept, cls in graph.subject_objects(IG.evokes):
        if isinstance(cls, URIRef):
            ref.evokes[str(concept)] = local_name(str(cls))

    concept_prefix = str(ID) + "concept/"
    # sorted: the schemes are read in a fixed order, so a word two concepts share ("members":
    # fighters, "service members": troops) always goes to the same one
    for subject in sorted(graph.subjects(RDF.type, SKOS.Concept)):
        iri = str(subject)
        if not iri.startswith(concept_prefix):
            continue
        scheme, _, slug = iri[len(concept_prefix):].partition("/")
        broader = graph.value(subject, SKOS.broader)
        ref.concepts.setdefault(scheme, {})[slug] = Concept(
            iri=iri,
            slug=slug,
            scheme=scheme,
            pref_label=ref.labels.get(iri, slug),
            labels=ref.aliases.get(iri, [slug]),
            broader=str(broader) if broader is not None else None,
        )
    return ref


def _reading(graph: Graph, node: URIRef) -> Reading:
    actor = graph.value(node, IG.standsFor)
    start, end = graph.value(node, IG.validFrom), graph.value(node, IG.validUntil)
    return Reading(
        actor=str(actor) if actor is not None else None,
        countries=frozenset(str(c) for prop in (IG.country, IG.region) for c in graph.objects(node, prop)),
        start=start.toPython() if isinstance(start, Literal) else None,
        end=end.toPython() if isinstance(end, Literal) else None,
    )


@cache
def load() -> Reference:
    """The reference lookups for the project's ontology folder (built once per process)."""
    return build_reference(load_background())
