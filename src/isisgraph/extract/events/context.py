"""The article context the readers fill roles from: linked actors and places in a phrase, and
what a definite noun or a pronoun stands for.

"the group"/"the militants" resolve to the nearest earlier armed group, "it"/"they" to the
nearest earlier subject (nothing if that subject names no known actor), and "the city"/"the
town"/"the area" to the nearest earlier place of a fitting type (skipping "neighbouring X").
Places in a dateline ("ERBIL, Kurdistan Region —") and places of origin ("fighters from
Lebanon") are not where events happened, and no role or date is taken across a line break.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from isisgraph import descriptions
from isisgraph.closed_class import (
    ACTOR_PRONOUNS,
    FORCE_ANAPHOR_DETERMINERS,
    GROUP_ANAPHOR_DETERMINERS,
    RELATIVE_PRONOUNS,
)
from isisgraph.extract.dates import find_dates
from isisgraph.extract.events.entities import (
    entity_at,
    is_affiliation,
    is_heading_source,
    is_origin,
    is_parent_modifier,
    is_sponsor_modifier,
    linked_index,
)
from isisgraph.extract.events.nouns import (
    MILITANT_NOUNS,
    SUBJECT_DEPS,
    bare_plural,
    counted,
    definite,
    first_conjunct,
    in_subject,
    is_institution_anaphor,
    is_militant_noun,
    names_a_place,
    phrase_head,
    share_of,
)
from isisgraph.extract.placing import countryside_province, is_reference_point, is_source, without_reference_points
from isisgraph.extract.syntax.tree import children, conjuncts, of_objects, phrase_tokens, resolve_relative
from isisgraph.extract.syntax.units import in_dateline, in_heading, in_headline, on_line_of, sentence_of
from isisgraph.lexicons import lexicon
from isisgraph.namespaces import ID
from isisgraph.records import Article, When
from isisgraph.reference import Reference

WORDS = lexicon("events")
GROUP_ANAPHORS = WORDS.group_anaphors
NON_MILITANT_GROUPS = frozenset(str(ID[f"actor/{slug}"]) for slug in WORDS.non_militant_groups)
SOLDIER_NOUNS = WORDS.soldier_nouns
THE_ARMY = str(ID["description/the-army"])
FORCE_ANAPHORS = WORDS.force_anaphors
STATEMENT_VERBS = WORDS.statement_verbs
OWNER_PRONOUNS = WORDS.owner_pronouns
PLACE_ANAPHORS = WORDS.place_anaphors
NEIGHBOUR_MODIFIERS = WORDS.neighbour_modifiers
HOLDER_VERBS = WORDS.holder_verbs
# The place classes the reference data lists every instance of in the theatre (every Iraqi and
# Syrian governorate, every country): a minted place is never one of them.
CURATED_CLASSES = frozenset({"Province", "Country"})

# Rule ids of the anaphora (named in their tests; a role filled through them lowers the
# confidence of the record, see ``confidence``).
GROUP_ANAPHOR = "events.context.group-anaphor"
PRONOUN = "events.context.pronoun"
PLACE_ANAPHOR = "events.context.place-anaphor"
MILITANTS = "events.context.militants"
FORCE_ANAPHOR = "events.context.force-anaphor"
INSTITUTION_ANAPHOR = "events.context.institution-anaphor"
STATEMENT_OWNER = "events.context.statement-owner"
OWNED_FORCES = "events.context.owned-forces"
SOLDIERS = "events.context.soldiers"
HOLDER = "events.context.holder"

# What an organisation of a statement may be for its "its forces" (rule events.context.statement-owner)
OWNER_CLASSES = ("StateForce", "Coalition", "ArmedGroup", "Government")

Found = tuple[list[str], list[Token], bool]  # IRIs, evidence tokens, via anaphora


@dataclass
class Context:
    """What the rules need about one article: the Doc, reference lookups, dates per sentence."""

    doc: Doc
    article: Article
    ref: Reference
    _dates: dict[int, list[When]] = field(default_factory=dict)
    # perpetrators named for "the attack" already reported: (the anaphor, actor IRIs)
    credits: list[tuple[Token, list[str]]] = field(default_factory=list)
    # places said of "the attack" already reported: (the anaphor, place IRIs)
    located: list[tuple[Token, list[str]]] = field(default_factory=list)
    _groups: list[tuple[str, Span]] | None = None
    # events placed by their own clause, in reading order: (trigger index, their places)
    placed: list[tuple[int, list[tuple[str, Span]]]] = field(default_factory=list)
    # the head words of every trigger of the Doc
    trigger_heads: frozenset[int] = frozenset()
    # the head words of the triggers of fighting (frame hostile-encounter: "clashes", "battle")
    fight_heads: frozenset[int] = frozenset()

    @property
    def published(self) -> dt.date | None:
        return self.article.published

    def dates_in(self, sent: Span) -> list[When]:
        """The date expressions of a sentence, offsets in the article's text, found once per
        sentence. (``find_dates`` reads a span's DATE entities from its tokens, so searching
        the sentence in place costs no walk of the whole Doc.)"""
        if sent.start not in self._dates:
            self._dates[sent.start] = find_dates(sent, self.published)
        return self._dates[sent.start]

    def same_line(self, tokens: Iterable[Token], anchor: Token) -> list[Token]:
        """The tokens on the anchor's line: roles and dates never cross a line break."""
        return on_line_of(list(tokens), anchor)

    def in_headline(self, token: Token) -> bool:
        return in_headline(token)

    def in_heading(self, token: Token) -> bool:
        """On the headline or another line written as a heading (a standfirst, a title)."""
        return in_headline(token) or in_heading(token)

    def sentence_start_before(self, sent: Span, count: int) -> int:
        """The first token of the sentence ``count`` sentences before ``sent``."""
        start = sent.start
        for _ in range(count):
            if start == 0:
                break
            start = sentence_of(self.doc[start - 1]).start
        return start

    def sentence_end_after(self, sent: Span, count: int) -> int:
        """The token after the sentence ``count`` sentences after ``sent``."""
        end = sent.end
        for _ in range(count):
            if end >= len(self.doc):
                break
            end = sentence_of(self.doc[end]).end
        return end

    # -- actors and places ------------------------------------------------------------

    def linked_in(self, tokens: Iterable[Token], label: str) -> list[tuple[str, Span]]:
        """Linked entities of ``label`` among ``tokens``, in text order, each IRI once."""
        out: list[tuple[str, Span]] = []
        seen: set[str] = set()
        linked = linked_index(self.doc).linked
        ents = sorted({id(e): e for t in tokens if (e := linked.get(t.i)) is not None}.values(),
                      key=lambda e: e.start)
        for ent in ents:
            if ent.label_ != label:
                continue
            if label == "ACTOR" and (is_sponsor_modifier(ent) or is_parent_modifier(ent)
                                     or is_heading_source(ent)):
                continue
            if label == "PLACE" and (is_origin(ent) or in_dateline(ent) or is_affiliation(ent)
                                     or is_source(ent)):
                continue
            iri = (countryside_province(ent, self.ref) if label == "PLACE" else None) or ent.ent_id_
            if iri not in seen:
                seen.add(iri)
                out.append((iri, ent))
        return out

    def operations(self, tokens: Iterable[Token]) -> list[tuple[str, Span]]:
        return self.linked_in(tokens, "OPERATION")

    def actors(self, heads: Iterable[Token], other_side: Iterable[str] = (), victims: bool = False) -> Found:
        """Actors named in the phrases of ``heads``: (IRIs, evidence tokens, via anaphora).
        An anaphor is never resolved to an actor of ``other_side`` (the event's other side:
        the militants the SDF arrested are not the SDF's). ``victims``: the phrases are whom
        the event hit (soldiers are then an army's)."""
        iris: list[str] = []
        tokens: list[Token] = []
        anaphoric = False
        for head in heads:
            phrase = phrase_tokens(head)
            found = self.linked_in(phrase, "ACTOR")
            owner = self.owned_forces(head) if found else []
            if owner:
                found = owner + [f for f in found if f[0] != owner[0][0]]
                anaphoric = True
            if not found:
                resolved = self.resolve_actor_anaphor(phrase, frozenset(other_side), victims)
                if resolved:
                    found, anaphoric = resolved, True
            if not found:
                found = [(iri, ent) for iri, ent in self.holders(head) if iri not in other_side]
            for iri, ent in found:
                if iri not in iris:
                    iris.append(iri)
                    tokens.extend(ent)
        return iris, tokens, anaphoric

    def places(self, heads: Iterable[Token]) -> Found:
        """Places named in the phrases of ``heads`` (or meant by "the city", "the area")."""
        iris: list[str] = []
        tokens: list[Token] = []
        anaphoric = False
        for head in heads:
            phrase = phrase_tokens(head)
            found = self.linked_in(phrase, "PLACE")
            if not found or self._container_only(head, found):
                resolved = self.resolve_place_anaphor(head, phrase, found)
                if resolved:
                    found, anaphoric = resolved, True
            if not found:
                found = self.places_described(head)
            for iri, ent in self.without_reference_points(found):
                if iri not in iris:
                    iris.append(iri)
                    tokens.extend(ent)
        return iris, tokens, anaphoric

    def without_reference_points(self, found: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
        """The places of ``found`` where the fact is, not those named only to locate them
        (rule ``places.reference-point``, ``extract.placing``)."""
        return without_reference_points(found, self.ref)

    def _container_only(self, head: Token, found: list[tuple[str, Span]]) -> bool:
        """ "its former capital in Syria": the places found only locate an anaphoric noun."""
        if head.lemma_.lower() not in PLACE_ANAPHORS or entity_at(head) is not None:
            return False
        return all(ent.root.head.dep_ == "prep" and ent.root.head.lower_ == "in"
                   and ent.root.head.head == head for _, ent in found)

    def places_described(self, head: Token) -> list[tuple[str, Span]]:
        """ "Hawija, Mosul and Jalula, which are areas that ... have taken": a common noun
        predicated of places in a copular relative clause stands for those places."""
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            subjects = children(head.head, "nsubj")
            if subjects:
                subject = resolve_relative(subjects[0])
                if subject != subjects[0] or subject.pos_ == "PROPN":
                    phrase = [t for c in conjuncts(subject) for t in phrase_tokens(c)]
                    return self.linked_in(phrase, "PLACE")
        return []

    # -- anaphora ---------------------------------------------------------------------

    def resolve_actor_anaphor(self, phrase: list[Token], other_side: frozenset[str] = frozenset(),
                              victims: bool = False) -> list[tuple[str, Span]]:
        """Rules ``events.context.group-anaphor`` and ``events.context.pronoun``: "the group",
        "the militants" stand for the nearest earlier armed group, "it" for the nearest
        earlier subject ("The army said it killed 50"). A militant noun ("the militants",
        "the militant group") stands only for a group the news calls militant
        (:func:`is_militant_noun`); a victim's "soldiers" for the army of the country
        (:meth:`soldiers`)."""
        ids = {t.i for t in phrase}
        if victims and phrase_head(phrase).lemma_.lower() in SOLDIER_NOUNS:
            return self.soldiers(phrase)
        for token in phrase:
            lemma = token.lower_
            if (lemma in FORCE_ANAPHORS or lemma in GROUP_ANAPHORS) and any(
                    c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in token.children):
                owner = self.statement_owner(token)
                if owner:
                    return owner
            if lemma in GROUP_ANAPHORS and any(
                c.lower_ in GROUP_ANAPHOR_DETERMINERS or c.dep_ == "poss" for c in token.children
            ):
                if is_militant_noun(token):
                    return self.militants(token, other_side)
                return self._nearest_actor(token, armed_group=True, other_side=other_side)
            if token == phrase[0] and token.lower_ in ACTOR_PRONOUNS and len(phrase) == 1:
                return self._nearest_subject_actor(token)
            if token.lower_ in FORCE_ANAPHORS and any(
                    c.dep_ == "det" and c.lower_ in FORCE_ANAPHOR_DETERMINERS for c in token.children):
                return self._nearest_force(token)
            if is_institution_anaphor(token, phrase):
                return self._nearest_force(token, ("StateForce", "Coalition"))
            if token.lemma_.lower() in MILITANT_NOUNS and token.head.i not in ids - {token.i} \
                    and (counted(token) or bare_plural(token, phrase)) \
                    and not any(c.dep_ in ("det", "poss") for c in token.children):
                return self.militants(token, other_side)
        return []

    def statement_owner(self, noun: Token) -> list[tuple[str, Span]]:
        """Rule ``events.context.statement-owner``: a force noun with a possessive pronoun
        ("its forces", "their fighters", "our troops") in what a statement verb reports
        ([statement-verbs]: "said", "announced") stands for the organisation that is the
        verb's subject, when that subject names a force, a coalition, an armed group or a
        government: "The SDF said in a statement that its forces carried out an operation"
        (Baghdad Post 2021), "the Iraqi Counter-Terrorism Service said that a group of its
        troops ... carried out a successful air landing operation" (Iraqi News 2018), "The
        Iraqi Popular Mobilization Unit (PMU) said in a statement that its forces confronted"
        (Mehr 2021); not "'Most ISIS militants have surrendered to our forces,' Hakim said"
        (CNN 2017), whose speaker names no organisation.
        The nearest statement verb above the noun counts; a subject naming only a person or
        no actor we know gives nothing (the other readings are left to try)."""
        current = noun
        while current.head != current:
            current = current.head
            if current.pos_ in ("VERB", "AUX") and current.lemma_.lower() in STATEMENT_VERBS:
                if noun in current.subtree and any(noun in s.subtree for s in children(current, "nsubj")):
                    return []  # the noun is in the speaker's own phrase
                found = [(iri, ent) for s in children(current, "nsubj")
                         for iri, ent in self.linked_in(phrase_tokens(s), "ACTOR")
                         if any(self.ref.is_a(iri, c) for c in OWNER_CLASSES)]
                return found[:1]
        return []

    def owned_forces(self, head: Token) -> list[tuple[str, Span]]:
        """Rule ``events.context.owned-forces``: a force noun with a possessive pronoun at the
        head of a phrase that also names another force in a modifier ("its forces, in
        coordination with the international Coalition", "a group of its troops, backed by
        Iraqi warplanes") still stands for the organisation of the statement
        (``events.context.statement-owner``); the force the modifier names joins it, it does
        not replace it: Kurdistan 24 2019 (the Iraqi military's forces with the Coalition),
        Iraqi News 2018 (the Counter-Terrorism Service's troops backed by the air force).
        The head, or the noun after its "of" ("a group of its troops"), counts; nothing when
        that noun is itself part of a name."""
        linked = linked_index(self.doc).linked
        nouns = [head, *of_objects(head)]
        for noun in nouns:
            if noun.i in linked or noun.lower_ not in FORCE_ANAPHORS and noun.lower_ not in GROUP_ANAPHORS:
                continue
            if any(c.dep_ == "poss" and c.lower_ in OWNER_PRONOUNS for c in noun.children):
                return self.statement_owner(noun)
        return []

    def holders(self, head: Token) -> list[tuple[str, Span]]:
        """Rule ``events.context.holder``: a participant that names no actor of its own but a
        participle clause of [holder-verbs] says whose it is stands for that owner: "ISIS
        attacked the Fourth Brigade affiliated with Peshmerga" (North Press 2021), "CF-18s
        attacked ground positions held by forces from the Islamic State" (Canadian Forces
        2014), "targeted a military site belonging to a Turkish-backed armed" group (2022)."""
        clauses = [c for c in head.children if c.dep_ == "acl" and c.lemma_.lower() in HOLDER_VERBS
                   and c.tag_ in ("VBN", "VBG")]
        owners = [o for c in clauses for p in children(c, "prep", "agent") if p.lower_ in ("by", "to", "with")
                  for o in children(p, "pobj")]
        return [found for owner in owners for found in self.linked_in(phrase_tokens(owner), "ACTOR")] \
            or self.held_by_modifier(head)

    def held_by_modifier(self, head: Token) -> list[tuple[str, Span]]:
        """Rule ``events.context.holder`` (the compound): a participant whose own modifier, a
        name hyphened to a participle of [holder-verbs], says who holds it stands for that
        holder: an "assault on last ISIL-held area" (Al Jazeera 2019), Typhoons that "struck an
        Islamic State-held building" (UK Defence Journal 2017). Only a modifier of the
        participant's head word: "a convoy near an IS-held town" is no convoy of IS."""
        doc, found = self.doc, []
        for participle in head.children:
            if participle.dep_ not in ("amod", "compound") or participle.lemma_.lower() not in HOLDER_VERBS \
                    or participle.tag_ != "VBN" or participle.i < 2 or doc[participle.i - 1].text != "-":
                continue
            ent = linked_index(doc).linked.get(participle.i - 2)
            if ent is not None and ent.label_ == "ACTOR" and ent.end == participle.i - 1 \
                    and all(iri != ent.ent_id_ for iri, _ in found):
                found.append((ent.ent_id_, ent))
        return found

    def soldiers(self, phrase: list[Token]) -> list[tuple[str, Span]]:
        """Rule ``events.context.soldiers``: soldiers named by no force or nationality, as the
        victims or target of an event, are the army of the country the sentence names, else
        its paragraph, else most of the article's places ("attacked an army headquarters,
        killing 11 soldiers", Shafaq 2022; "killed a commanding officer and four soldiers",
        Reuters 2024; "the deaths of four soldiers", Anadolu 2024), read through the
        description "the army" by place and date; nothing when a word of the phrase names
        whose they are ("Turkish soldiers", "its soldiers") or the readings disagree."""
        noun = phrase_head(phrase)
        if any(t.dep_ in ("poss", "amod", "compound", "nmod") and (t.ent_type_ or t.pos_ == "PROPN"
               or t.dep_ == "poss") for t in phrase if t != noun) or noun.ent_type_:
            return []
        readings = self.ref.descriptions.get(THE_ARMY, ())
        sent = sentence_of(noun)
        places = [(ent, country) for ent in linked_index(self.doc).by_label.get("PLACE", ([], [], []))[0]
                  if (country := self.ref.country_of(ent.ent_id_)) is not None]
        line_start = self.doc.text.rfind("\n", 0, noun.idx) + 1
        line_end = self.doc.text.find("\n", noun.idx)
        line_end = len(self.doc.text) if line_end < 0 else line_end
        contexts = [
            descriptions.Context("sentence", Counter(c for e, c in places if sent.start <= e.start < sent.end)),
            descriptions.Context("paragraph", Counter(c for e, c in places
                                                      if line_start <= e.start_char < line_end)),
            descriptions.Context("article", Counter(c for _, c in places), majority=True),
        ]
        period = descriptions.Period.day(self.published) if self.published else None
        actor, _ = descriptions.read(readings, contexts, period)
        return [(actor, self.doc[noun.i: noun.i + 1])] if actor else []

    def militants(self, noun: Token, other_side: frozenset[str] = frozenset()) -> list[tuple[str, Span]]:
        """Rule ``events.context.militants``: a number of militants, terrorists, suspects named
        by no group ("the bodies of five militants killed in a precision airstrike", "the
        arrest of four terrorists in Kirkuk", "more than ten terrorists attacked an army
        headquarters": three articles), or a bare plural of them that is a participant of
        the event itself ("Mosul falls to militants", "liberated the city from militants",
        "Terrorists Attack Bus": three more), are of the nearest armed group named in the two
        sentences before, else of the armed group the article names most; never of a group
        of ``non-militant-groups`` (the SDF, the Hashd: the forces fighting them). So are "the
        insurgents", "the militant group" with no such group named just before ("The
        insurgents targeted an army unit in Bahriz", Baghdad Post 2020). Uncounted
        and with other words around them, they are a class ("the battle against insurgents
        and terrorists in Iraq" is no participant's own phrase)."""
        nearest = self._nearest_actor(noun, armed_group=True, other_side=other_side, militant=True)
        if nearest:
            return nearest
        groups = [g for g in self.armed_groups_by_mentions()
                  if g[0] not in other_side and g[0] not in NON_MILITANT_GROUPS]
        return groups[:1]

    def armed_groups_by_mentions(self) -> list[tuple[str, Span]]:
        """The armed groups the article names, most named first (the first named on a tie),
        each with its first mention."""
        if self._groups is None:
            first: dict[str, Span] = {}
            counts: dict[str, int] = {}
            for ent in linked_index(self.doc).by_label.get("ACTOR", ([], [], []))[0]:
                if is_sponsor_modifier(ent) or not self.ref.is_a(ent.ent_id_, "ArmedGroup"):
                    continue
                first.setdefault(ent.ent_id_, ent)
                counts[ent.ent_id_] = counts.get(ent.ent_id_, 0) + 1
            self._groups = [(iri, first[iri]) for iri in sorted(counts, key=lambda i: -counts[i])]
        return self._groups

    def _nearest_subject_actor(self, pronoun: Token) -> list[tuple[str, Span]]:
        """ "The army said it killed 50", "They retook eastern Mosul": a pronoun stands for the
        nearest earlier subject; if that subject names no actor we know, nothing is guessed."""
        start = self.sentence_start_before(sentence_of(pronoun), 1)
        for i in range(pronoun.i - 1, start - 1, -1):
            token = self.doc[i]
            if token.dep_ not in ("nsubj", "nsubjpass") or token.lower_ in ACTOR_PRONOUNS \
                    or token.lower_ in RELATIVE_PRONOUNS:
                continue
            phrase = phrase_tokens(token)
            found = self.linked_in(phrase, "ACTOR")
            if not found:
                found = self.resolve_actor_anaphor([t for t in phrase if t.lower_ not in ACTOR_PRONOUNS])
            return found
        return []

    def _nearest_force(self, token: Token, classes: tuple[str, ...] = ("ArmedGroup", "StateForce", "Coalition")
                       ) -> list[tuple[str, Span]]:
        """Rule ``events.context.force-anaphor``: "those forces", "these troops", "the forces"
        stand for the nearest force named in the two sentences before (an armed group, a state
        force or a coalition, not a government): "... the Syrian Democratic Forces continue to
        push the fight forward in Manbij ... Those forces have seized just under half of the
        city"; "Iraqi forces ... the forces continue to secure the area". Rule
        ``events.context.institution-anaphor``: "the Agency", "the Service", "the Command"
        (:func:`is_institution_anaphor`) stand for the nearest state force or coalition named
        in the two sentences before (``classes``): "The Iraqi Counter-Terrorism Service
        arrested ISIS members ... the Agency launched an intelligence operation" (Shafaq
        2022); not a news agency, which is no force. Never a militant group (force nouns are
        the state's side: "Iraqi army units and the Peshmerga launched an offensive against
        ISIS ... The forces killed 20 militants"), and all the forces coordinated with the
        nearest, not only the last named."""
        sent = sentence_of(token)
        window_start = max(0, self.sentence_start_before(sent, 2))
        fitting = [ent for ent in reversed(linked_index(self.doc).linked_within("ACTOR", window_start, token.i))
                   if not is_sponsor_modifier(ent) and any(self.ref.is_a(ent.ent_id_, c) for c in classes)
                   and (ent.ent_id_ in NON_MILITANT_GROUPS or not self.ref.is_a(ent.ent_id_, "ArmedGroup"))]
        group = {t.i for t in conjuncts(first_conjunct(fitting[0].root))} if fitting else set()
        return list({e.ent_id_: e for e in reversed(fitting) if first_conjunct(e.root).i in group
                     or e == fitting[0]}.items())

    def _nearest_actor(self, token: Token, armed_group: bool, other_side: frozenset[str] = frozenset(),
                       militant: bool = False) -> list[tuple[str, Span]]:
        sent = sentence_of(token)
        window_start = max(0, self.sentence_start_before(sent, 2))
        fitting = [ent for ent in reversed(linked_index(self.doc).linked_within("ACTOR", window_start, token.i))
                   if not is_sponsor_modifier(ent) and not (militant and ent.ent_id_ in NON_MILITANT_GROUPS)
                   and not (armed_group and not self.ref.is_a(ent.ent_id_, "ArmedGroup"))
                   and ent.ent_id_ not in other_side]
        if token.dep_ in SUBJECT_DEPS:
            # a subject refers back to a subject before it, over a nearer object: "The Islamic
            # State group claimed an attack on an SDF vehicle. The group claimed ..."
            subjects = [ent for ent in fitting if ent.sent != sent and in_subject(ent)]
            if subjects:
                return [(subjects[0].ent_id_, subjects[0])]
        return [(fitting[0].ent_id_, fitting[0])] if fitting else []

    def resolve_place_anaphor(self, head: Token, phrase: list[Token],
                              containers: list[tuple[str, Span]]) -> list[tuple[str, Span]]:
        """Rule ``events.context.place-anaphor``: "the city", "the town's outskirts", "its
        former capital in Syria" stand for the nearest earlier place of a fitting type (inside
        the named container, if any), skipping places introduced as neighbours and those
        named only to locate another ("left Hawija, about 40 miles west of Kirkuk ... had
        retaken the city center" is Hawija: rule ``places.reference-point``). "The city
        center", "the town centre" are found through their part noun (:func:`definite`).

        Rule ``events.context.province-anaphor``: "the province", "the governorate", "the
        country" stand only for a place the reference data knows, since it lists every
        province and country of the theatre: a town the gazetteer minted ("near the town of
        Khaldiyah ... Also in the province, five people were killed", Xinhua 2015) is none."""
        anaphor = next((t for t in phrase if t.lemma_.lower() in PLACE_ANAPHORS
                        and definite(t)
                        and entity_at(t) is None), None)
        if anaphor is None or names_a_place(anaphor) or share_of(anaphor):
            return []
        classes = PLACE_ANAPHORS[anaphor.lemma_.lower()]
        if anaphor.lemma_.lower() == "outskirts":
            owner = [c for c in anaphor.children if c.dep_ == "poss"]
            if owner and owner[0].lemma_.lower() in PLACE_ANAPHORS:
                classes = PLACE_ANAPHORS[owner[0].lemma_.lower()]
        window_start = self.sentence_start_before(sentence_of(anaphor), 3)
        container_iris = [iri for iri, _ in containers]
        for ent in reversed(linked_index(self.doc).linked_within("PLACE", window_start, anaphor.i)):
            if any(t.lower_ in NEIGHBOUR_MODIFIERS for t in ent.root.children) or (
                ent.start > 0 and self.doc[ent.start - 1].lower_ in NEIGHBOUR_MODIFIERS
            ) or is_reference_point(ent):
                continue
            iri = ent.ent_id_
            known = iri in self.ref.types
            if known and not any(self.ref.is_a(iri, cls) for cls in classes):
                continue
            if not known and all(cls in CURATED_CLASSES for cls in classes):
                continue  # rule events.context.province-anaphor
            if container_iris and not any(self.ref.within(iri, c) for c in container_iris):
                continue
            return [(iri, ent)]
        return []
