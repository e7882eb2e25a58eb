"""Reader of the frame ``launch``: an operation launched, begun or started."""

from __future__ import annotations

from isisgraph.extract.events.candidate import Candidate, arguments_of_noun, fill, new_candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.triggers import Trigger
from isisgraph.extract.syntax.tree import agents, children, doers, governing_verb, is_passive, patients, phrase_tokens
from isisgraph.lexicons import lexicon

GRAMMAR = lexicon("grammar")
WORDS = lexicon("events")
ANNOUNCING_VERBS = WORDS.announcing_verbs
OPERATION_NOUNS = WORDS.operation_nouns
SELF_STARTING_VERBS = WORDS.self_starting_verbs

LAUNCH = "events.launch"


def read_launch(trigger: Trigger, ctx: Context) -> Candidate | None:
    """Rule ``events.launch``: a named operation, or an operation noun in the singular, is
    launched by the subject (the by-agent, the noun's possessor, the announcer of "the launch
    of"): "The operation Iraq launched to take Hawija in September". "launched rockets" is no
    launch, and "launched operations" a trend, not one."""
    cand = new_candidate(trigger, LAUNCH)
    head = trigger.head
    if trigger.is_noun:
        args = arguments_of_noun(head)
        launched = args.get("of", [])
        fill(cand, cand.perpetrators, ctx.actors(args.get("poss", []) + args.get("by", [])))
        governor = governing_verb(head)
        if not cand.perpetrators and governor is not None and governor.lemma_ in ANNOUNCING_VERBS:
            fill(cand, cand.perpetrators, ctx.actors(doers(governor)))
    else:
        launched = patients(head)
        subjects = children(head, "nsubj")
        if is_passive(head):
            fill(cand, cand.perpetrators, ctx.actors(agents(head)))
        elif not launched and head.lemma_ in SELF_STARTING_VERBS and subjects and (
            subjects[0].lemma_.lower() in OPERATION_NOUNS
            or ctx.operations(phrase_tokens(subjects[0]))
        ):
            launched = subjects  # "The offensive began on Monday": the operation is the subject
        else:
            fill(cand, cand.perpetrators, ctx.actors(doers(head)))
    scope = [t for obj in launched for t in phrase_tokens(obj)]
    if not trigger.is_noun:
        # "launching what it calls Operation Roundup": the name may sit in a naming clause.
        scope += [t for obj in children(head, "dobj") for t in obj.subtree]
        scope += [t for c in head.children if c.dep_ == "ccomp" and c.lemma_ in GRAMMAR.naming_verbs
                  for t in c.subtree]
    operations = ctx.operations(scope)
    if operations:
        cand.operation = operations[0][0]
        cand.evidence.update(t.i for t in operations[0][1])
        return cand
    # "launched the final phase of the operation": an operation noun in the object's phrase
    nouns = [t for t in scope if t.lemma_.lower() in OPERATION_NOUNS and t.pos_ == "NOUN"]
    if not nouns or all(t.tag_ == "NNS" for t in nouns):
        return None  # "launched rockets"; "launched operations" is a trend, not a launch
    return cand
