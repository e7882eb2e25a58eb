"""The dependency grammar every rule leans on: phrases and clauses, the verb governing a
word, a predicate's subject, agent and object, prepositional arguments, coordination.

Written once, for spaCy's English dependency labels (ClearNLP style: nsubj, nsubjpass,
dobj, pobj, agent, xcomp, ccomp, advcl, acl, relcl, conj ...). Functions take and return
``Token`` objects; none looks at the lexicons of a particular extractor, except the naming
verbs ("known as", "called") that keep a name inside its noun phrase.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from isisgraph.closed_class import RELATIVE_PRONOUNS
from isisgraph.extract.syntax.units import dateline_tokens, in_heading, same_line, sentence_of
from isisgraph.lexicons import lexicon

GRAMMAR = lexicon("grammar")

VERBAL = ("VERB", "AUX")
NOMINAL = ("NOUN", "PROPN")
# Argument positions: a word there is a noun even when the tagger calls it a verb
# ("Two airstrikes west of Baghdad struck ...": 'airstrikes' tagged VBZ, parsed nsubj).
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "attr"})
# Dependencies of a verb that are not a clause of its own ("an attack-related", "has been").
NON_CLAUSE_DEPS = ("amod", "compound", "aux", "auxpass")
# Dependencies of a verb that head a clause of their own.
CLAUSE_DEPS = ("ROOT", "ccomp", "advcl", "conj", "relcl", "xcomp", "parataxis", "acl")


# ----------------------------------------------------------------------------- small pieces


def children(token: Token, *deps: str) -> list[Token]:
    """The children of ``token`` with one of the dependency labels ``deps``."""
    return [c for c in token.children if c.dep_ in deps]


def of_objects(token: Token) -> list[Token]:
    """The objects of the "of" phrases under ``token``: "a pair of [Typhoons]", "the
    elimination of [ISIS]" (no conjuncts: see :func:`prep_objects` for those)."""
    return [o for p in children(token, "prep") if p.lower_ == "of" for o in children(p, "pobj")]


def conjuncts(token: Token) -> list[Token]:
    """``token`` and the tokens coordinated with it ("Raqqa and Mosul")."""
    out = [token]
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        c = stack.pop()
        out.append(c)
        stack.extend(x for x in c.children if x.dep_ == "conj")
    return out


def is_infinitive(verb: Token) -> bool:
    """ "to retake", "to strike": a verb with the infinitive marker."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def misparsed_name(verb: Token) -> Token | None:
    """ "IS militants seized the village of X", "IS seized vast areas": a linked name in capitals
    before the verb that the parser took for the auxiliary "is" (the NLP stage must keep it
    linked for this to apply)."""
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass") and child.i < verb.i and child.ent_type_ == "ACTOR" \
                and child.text.isupper() and len(child.text) > 1:
            return child
    return None


def is_passive(verb: Token) -> bool:
    """ "was retaken", "retaken by Iraqi forces", "the city retaken in July"."""
    misparsed = misparsed_name(verb)
    if any(c.dep_ in ("nsubjpass", "auxpass", "csubjpass") and c != misparsed for c in verb.children):
        return True
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod"):
        return True
    if gapped_passive(verb):
        return True
    return verb.tag_ == "VBN" and any(c.dep_ == "agent" for c in verb.children) and not any(
        c.dep_ == "nsubj" for c in verb.children)


def gapped_passive(verb: Token) -> bool:
    """Rule ``syntax.tree.gapped-passive``: a past participle coordinated with a passive whose
    auxiliary it shares ("215 fighters were detained and 466 [were] killed"; "two soldiers were
    killed and three others [were] wounded") is itself passive, though the parser gives it an
    active subject: that subject is what undergoes it, not who does it. Only a participle
    (VBN) with a subject and neither an auxiliary nor an object of its own, after a conjunct
    with a passive auxiliary ("were detained and the gunmen fled" keeps its doer)."""
    if verb.tag_ != "VBN" or not children(verb, "nsubj") or children(verb, "aux", "auxpass", "dobj", "nsubjpass"):
        return False
    head = verb.head
    if head == verb:
        # "Furthermore, at least 220 fighters killed.": a tally whose participle lost its
        # auxiliary, as headings drop it ("4 soldiers killed, 3 injured ...", "31 killed in
        # clashes", four more dev articles); only with a counted subject ("A Tornado flight
        # meanwhile patrolled over Mosul", tagged VBN, keeps its doer)
        return not children(verb, "ccomp", "xcomp") and any(
            s.pos_ == "NUM" or s.like_num or children(s, "nummod") for s in children(verb, "nsubj"))
    return verb.dep_ == "conj" and head.i < verb.i and head.pos_ in VERBAL and bool(children(head, "auxpass"))


def reduced_passive(verb: Token) -> bool:
    """A passive whose auxiliary a heading dropped: "4 Iraqi soldiers killed, 3 injured in
    Daesh attack in Kirkuk", "Intelligence unit ... ambushed during reconnaissance mission"
    (one article); "Five militants killed near Kirkuk". A past form on a heading line with a
    subject and neither an auxiliary nor an object. Only for verbs that need an object (the
    caller knows): "Mosul fell" is no passive."""
    return (verb.tag_ in ("VBN", "VBD") and verb.pos_ == "VERB" and in_heading(verb)
            and bool(children(verb, "nsubj")) and not children(verb, "aux", "auxpass", "dobj", "nsubjpass"))


def is_including(token: Token) -> bool:
    """'including' introducing a subset ("11 strikes, including three near Makhmour"): a
    preposition, whatever the tagger says."""
    return token.lemma_.lower() == "include" and token.tag_ == "VBG" and token.dep_ == "prep"


def ancestors_to(token: Token, stop: Token | None = None) -> Iterator[Token]:
    """The ancestors of ``token`` up to and including ``stop``."""
    for anc in token.ancestors:
        yield anc
        if anc == stop:
            return


def prep_objects(token: Token, preps: Iterable[str] | None = None) -> dict[str, list[Token]]:
    """Prepositional objects under ``token``: {"from": [ISIS], "in": [Raqqa]}, with their
    conjuncts; "out of X" counts as "from", and a passive's agent as "by"."""
    wanted = set(preps) if preps is not None else None
    found: dict[str, list[Token]] = {}
    for child in token.children:
        if child.dep_ in ("prep", "agent") or (child.dep_ == "prt" and child.lower_ == "out"):
            name = child.lower_
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if child.lower_ == "out":
                for g in child.children:
                    if g.dep_ == "prep":
                        objects.extend(x for x in g.children if x.dep_ == "pobj")
                name = "from"
            if child.dep_ == "agent":
                name = "by"
            if wanted is not None and name not in wanted:
                continue
            for obj in objects:
                found.setdefault(name, []).extend(conjuncts(obj))
    return found


# ----------------------------------------------------------------------------- phrases and clauses


def phrase_tokens(head: Token, keep_naming: bool = True) -> list[Token]:
    """The noun phrase of ``head``: its subtree without nested clauses (relative clauses,
    participle clauses), keeping coordination, appositions, prepositional modifiers and
    naming clauses ("the militia known as Hashd al-Shaabi")."""
    out: list[Token] = []
    stack = [head]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in ("relcl", "ccomp", "parataxis", "advcl", "csubj"):
                continue
            if child.dep_ == "acl" and not (keep_naming and child.lemma_ in GRAMMAR.naming_verbs):
                continue
            if child.dep_ == "conj" and child.pos_ in VERBAL:
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def clause_tokens(verb: Token) -> list[Token]:
    """The clause of ``verb``: its subtree without other clauses (relative, complement,
    coordinated and adverbial clauses), but with its purpose infinitives ("launched to take
    Hawija in September")."""
    out: list[Token] = []
    stack = [verb]
    while stack:
        token = stack.pop()
        out.append(token)
        for child in token.children:
            if child.dep_ in ("relcl", "ccomp", "parataxis", "csubj"):
                continue
            if child.dep_ == "acl" and child.lemma_ not in GRAMMAR.naming_verbs:
                continue
            if child.dep_ == "conj" and child.pos_ in VERBAL:
                continue
            if child.dep_ == "advcl" and not is_infinitive(child):
                continue
            stack.append(child)
    return sorted(out, key=lambda t: t.i)


def clause_root(token: Token) -> Token:
    """The verb heading the clause a token sits in: the nearest verb that is a clause of its
    own (main, complement, adverbial, coordinated, relative, participle), else the root."""
    current = token
    while current.head != current:
        if current.pos_ in VERBAL and current.dep_ in CLAUSE_DEPS:
            return current
        current = current.head
    return current


def clause_head(token: Token) -> Token:
    """The verb (or fragment root) governing a token's clause: the nearest verb above it that
    is not a modifier, an auxiliary, a mis-tagged noun in an argument position, or the
    preposition 'including'."""
    current = token
    while current.head != current:
        if current.pos_ in VERBAL and current.dep_ not in NON_CLAUSE_DEPS and not (
            current.dep_ in NOMINAL_DEPS and current.tag_ != "VBG"
        ) and not is_including(current):
            return current
        current = current.head
    return current


def finite_clause(verb: Token) -> Token:
    """'continued to attack ISIL in Syria Monday, using aircraft to conduct four airstrikes':
    an infinitive or participle clause takes its place and time from the clause it serves."""
    current = verb
    while current.dep_ in ("xcomp", "advcl", "acl") and current.head != current and (
        current.tag_ in ("VBG", "VB") or is_infinitive(current)
    ) and current.head.pos_ in VERBAL and same_line(current, current.head):
        current = current.head
    return current


def governing_verb(noun: Token, steps: int = 4) -> Token | None:
    """The verb a noun is an argument of, through prepositions and coordination ("claimed
    responsibility for the attack" → claim), at most ``steps`` words up."""
    current = noun
    for _ in range(steps):
        head = current.head
        if head == current:
            return None
        if head.pos_ in VERBAL:
            return head
        if current.dep_ in ("pobj", "prep", "dobj", "compound", "conj") or head.dep_ == "prep":
            current = head
            continue
        return None
    return None


def nearest_verb(token: Token, steps: int = 4) -> Token | None:
    """The nearest verb above ``token`` (or the token itself when it is a root verb)."""
    current = token
    for _ in range(steps):
        if current.head == current:
            return current if current.pos_ in VERBAL else None
        current = current.head
        if current.pos_ in VERBAL:
            return current
    return None


# ----------------------------------------------------------------------------- arguments


def relative_antecedent(verb: Token) -> Token | None:
    """The noun a relative or participle clause describes: "Hawija, which was liberated"."""
    if verb.dep_ in ("relcl", "acl") and verb.head.pos_ in ("NOUN", "PROPN", "PRON", "NUM"):
        return verb.head
    return None


def resolve_relative(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes."""
    if token.lower_ in RELATIVE_PRONOUNS and token.tag_ in ("WDT", "WP", "IN"):
        clause = token.head
        while clause.dep_ not in ("relcl", "acl") and clause.head != clause:
            if clause.dep_ in ("ROOT",):
                break
            clause = clause.head
        antecedent = relative_antecedent(clause)
        if antecedent is not None:
            return antecedent
    return token


def subject(verb: Token) -> Token | None:
    """The grammatical subject of a verb (active, passive or expletive), following
    coordination, control and participles back to a shared subject; the subject nearest
    before the verb when the parse gives two (a dateline can be parsed as a second subject),
    and never one across a line break (a headline parsed into the next line: its appositive
    on the verb's line is the real subject)."""
    for current in subject_chain(verb):
        subjects = sorted((c for c in _subjects(current, ("nsubj", "nsubjpass", "expl"))),
                          key=lambda c: (c.i > current.i, -c.i if c.i < current.i else c.i))
        for child in subjects:
            if same_line(child, verb):
                return child
            for appos in child.children:
                if appos.dep_ == "appos" and same_line(appos, verb):
                    return appos
    return None


def _subjects(verb: Token, deps: tuple[str, ...]) -> list[Token]:
    """Rule ``syntax.tree.dateline-subject``: the subjects of ``verb``, not a dateline the
    parser took for one ("Shafaq News/ On Saturday, ISIS members targeted ...": the outlet is
    no second subject; ``units.slash-dateline``, seven dev articles of Shafaq News)."""
    found = [c for c in verb.children if c.dep_ in deps]
    if not found:
        return found
    datelines = dateline_tokens(verb.doc)
    return [c for c in found if c.i not in datelines]


def subject_chain(verb: Token) -> Iterator[Token]:
    """``verb``, then the verbs it shares its subject with when it has none of its own: the
    first conjunct ("struck X and destroyed Y"), the controlling verb of an infinitive or
    participle ("used aircraft to strike", "conducted a mission, striking")."""
    current = verb
    yield current
    while current.dep_ in ("conj", "xcomp", "advcl", "pcomp") and current.head.pos_ in VERBAL:
        current = current.head
        yield current


def doers(verb: Token) -> list[Token]:
    """The heads of the active subject of ``verb`` (who does it), with their conjuncts;
    inherited through coordination, control ("helped Iraq expel ISIS": the helper's object),
    participles and purpose clauses when the verb has none; none for a passive."""
    seen: set[int] = set()
    current = verb
    while current.i not in seen:
        seen.add(current.i)
        if gapped_passive(current):
            return []  # "466 fighters [were] killed": a passive, its subject the patient
        subjects = _subjects(current, ("nsubj",))
        name = misparsed_name(current)
        if subjects:
            # every subject: a coordination the parser broke ("The army's 9th division, the
            # Federal Police, ... and (...) Popular Mobilisation liberated Hawija" gives two)
            found = [resolve_relative(s) for subject in subjects for s in conjuncts(subject)]
            # "IS militants seized": the name the parser hung on the verb names the subject
            return found + [name] if name is not None else found
        if name is not None:
            return [name]  # "IS seized vast areas"
        if any(c.dep_ in ("nsubjpass",) for c in current.children):
            return []
        head = current.head
        if head == current:
            return []
        if current.dep_ == "conj" and head.pos_ in VERBAL:
            current = head
        elif current.dep_ == "xcomp":
            objects = children(head, "dobj")
            if objects:
                return conjuncts(objects[0])
            current = head
        elif current.dep_ == "advcl" and not children(current, "mark"):
            current = head
        elif current.dep_ == "pcomp" and head.dep_ == "prep":
            current = head.head
        elif current.dep_ == "prep":
            current = head
        elif current.dep_ == "acl" and current.tag_ == "VBG":
            return [head]
        else:
            return []
    return []


def agents(verb: Token) -> list[Token]:
    """The by-phrase objects of a verb ("retaken by Iraqi forces"), with their conjuncts."""
    return prep_objects(verb, ("by",)).get("by", [])


def patients(verb: Token) -> list[Token]:
    """What undergoes ``verb``: its object, its passive subject, or the noun its relative or
    participle clause describes when the object is the gap ("the city the group lost")."""
    objects = children(verb, "dobj")
    if objects and objects[0].lower_ not in RELATIVE_PRONOUNS:
        return conjuncts(objects[0])
    passive_subjects = children(verb, "nsubjpass")
    if not passive_subjects and gapped_passive(verb):
        passive_subjects = children(verb, "nsubj")
    if passive_subjects:
        return [resolve_relative(s) for s in conjuncts(passive_subjects[0])]
    antecedent = relative_antecedent(verb)
    if antecedent is not None and (objects or is_passive(verb) or not children(verb, "dobj")):
        if verb.dep_ == "relcl" and children(verb, "nsubj") and any(
            resolve_relative(s) == antecedent for s in children(verb, "nsubj")
        ):
            return []
        return conjuncts(antecedent)
    if verb.tag_ == "VBN" and not objects and not children(verb, "nsubj", "nsubjpass"):
        # A participle set off by a comma after the noun it describes, which the parser
        # attached elsewhere: "a broader operation, launched January 21, ...".
        left = verb.i - 1
        sent = sentence_of(verb)
        while left >= sent.start and verb.doc[left].is_punct:
            left -= 1
        before = verb.doc[left]
        if sent.start <= left < verb.i - 1 and before.pos_ in NOMINAL:
            return [before]
    return []
