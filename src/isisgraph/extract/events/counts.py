"""The toll stated with an attack or a killing."""

from __future__ import annotations

from isisgraph.extract.events.candidate import Candidate
from isisgraph.extract.events.clauses import own_tokens
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.syntax.counting import count_in_phrase
from isisgraph.extract.syntax.tree import children, clause_tokens, is_passive, patients
from isisgraph.lexicons import lexicon

WORDS = lexicon("events")
SUPPORT_VERBS = WORDS.support_verbs
OCCURRENCE_VERBS = WORDS.occurrence_verbs
CASUALTY_VERBS = WORDS.casualty_verbs
CASUALTY_NOUNS = WORDS.casualty_nouns

CASUALTIES = "events.counts.casualties"


def casualties(cand: Candidate) -> None:
    """Rule ``events.counts.casualties``: killed and wounded counts stated in the clause of an
    attack or of the verb it is the subject or light-verb object of, or in a participle clause
    on them ("killing more than 300 people", "wounding 12"); "no casualties" is zero of both:
    "its Sinai Province affiliate ... has grown more brazen, killing more than 300 people in a
    mosque attack last November"."""
    scope = _toll_scope(cand)
    for token in tokens_of(cand.sent):
        if token.i not in scope:
            continue
        count_name = CASUALTY_VERBS.get(token.lemma_.lower())
        if count_name is not None and token.pos_ == "VERB":
            heads = patients(token) if not is_passive(token) else children(token, "nsubjpass")
            count = count_in_phrase(heads)
            if count is not None:
                if count_name == "killed" and cand.killed is None:
                    cand.killed = count
                elif count_name != "killed" and cand.wounded is None:
                    cand.wounded = count
    for token in tokens_of(cand.sent):
        if token.lemma_.lower() in CASUALTY_NOUNS and any(
            c.lower_ == "no" and c.dep_ == "det" for c in token.children
        ):
            cand.zero_killed = cand.zero_wounded = True


def _toll_scope(cand: Candidate) -> set[int]:
    """The token indexes a toll of the candidate may be stated in."""
    own = {t.i for t in own_tokens(cand.trigger)}
    governor = cand.trigger.head.head
    clause_heads = [cand.trigger.head]
    if governor.pos_ in ("VERB", "AUX") and (
        not cand.trigger.is_noun or cand.trigger.head.dep_ in ("nsubj", "nsubjpass")
        or governor.lemma_ in SUPPORT_VERBS | OCCURRENCE_VERBS
    ):
        clause_heads.append(governor)
    scope = set(own)
    for clause in clause_heads:
        if clause.pos_ in ("VERB", "AUX"):
            scope |= {t.i for t in clause_tokens(clause)}
        for child in clause.children:
            if child.dep_ in ("advcl", "conj") and child.tag_ in ("VBG", "VBN") \
                    and not children(child, "mark"):
                scope |= {t.i for t in clause_tokens(child)}
    return scope
