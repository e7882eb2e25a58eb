"""When a speech verb attributes nothing, or a participle of claiming does: the filters
:func:`~.verbs.speech_verbs` applies before it asks by what rule a verb reports.

- a denial that keeps something from someone ("denied ISIL access to terrain");
- a verb joined by "or" to a negated one, or with a subject that negates it ("None of the
  US's allies has admitted ...");
- a restrictive participle with a passive agent ("the number of deaths so far admitted by the
  alliance"), but for an attack claimed by a group (``claims.verbs.claimed-attack``);
- a participle or relative clause of claiming on a noun that is no attack ("a province that
  is claimed by both governments").
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.closed_class import NEGATIVE_SUBJECTS
from isisgraph.extract.claims.lexicon import CLAIMED_NOUNS, CLAIMING_VERBS, DENYING_VERBS, WITHHELD_NOUNS


def withholds(verb: Token) -> bool:
    """ "The strikes ... denied ISIL access to terrain" (the CENTCOM daily releases of 2015, new
    dev q_centcom), "continue to deny the militants safe haven": "deny" with whom something is
    kept from as a second object, or with a thing kept (``withheld-nouns``), is an act, not a
    denial; "the ministry denied that its jets had struck the market", "denied the report" are
    denials."""
    if verb.lemma_.lower() not in DENYING_VERBS:
        return False
    return any(
        c.dep_ == "dative" or c.dep_ == "dobj" and c.lemma_.lower() in WITHHELD_NOUNS for c in verb.children
    )


def shares_negation(verb: Token) -> bool:
    """ "He did not provide further details or say where the operation occurred", "did not
    confirm or deny that ...": a verb joined by "or" to a negated one, with no subject nor
    auxiliary of its own, is negated with it; "did not give a toll but said ..." is not (dev
    h_ap_erdogan, the one dev article with the build)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    alternatives = [c for c in head.children if c.dep_ == "cc" and head.i < c.i < verb.i]
    return bool(alternatives) and all(c.lower_ in ("or", "nor") for c in alternatives) and any(
        c.dep_ == "neg" for c in head.children
    )


def negative_subject(verb: Token) -> bool:
    """ "None of the US's allies has admitted causing any deaths", "no official confirmed the
    toll": a subject that negates its verb, as "not" does; so does "neither" before a passive
    agent ("The deaths are acknowledged neither by the coalition nor by the government", dev
    h_ap_mosul-civilian-toll)."""
    for child in verb.children:
        if child.dep_ == "agent" and (
            any(g.lower_ == "neither" for g in child.children)
            or verb.doc[child.i - 1].lower_ == "neither"
        ):
            return True
        if child.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if child.lower_ in NEGATIVE_SUBJECTS or any(
            d.dep_ == "det" and d.lower_ in NEGATIVE_SUBJECTS for d in child.children
        ):
            return True
    return False


def is_restrictive_participle(verb: Token) -> bool:
    """ "the number of civilian deaths so far admitted by the alliance" (Airwars): a past
    participle with a passive agent that restricts the noun before it names what the noun
    counts, not something the agent reports; set off by a comma ("The strike, confirmed by the
    coalition, killed ...") it still reports. An attack "claimed by" its agent is a claim of
    responsibility, set off or not (``claimed-attack``)."""
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or not any(c.dep_ == "agent" for c in verb.children):
        return False
    if claims_the_attack(verb):
        return False
    start = verb.left_edge.i
    return start == 0 or verb.doc[start - 1].text != ","


def claims_no_attack(verb: Token) -> bool:
    """ "a province that is claimed by both Iraq's central government and the Kurdish region"
    (dev h_ap_kirkuk-police-compound): a participle or relative clause of claiming with a
    passive agent on a noun that is no attack claims land, not what was said."""
    return (
        verb.dep_ in ("acl", "relcl")
        and verb.lemma_.lower() in CLAIMING_VERBS
        and any(c.dep_ == "agent" for c in verb.children)
        and verb.head.lemma_.lower() not in CLAIMED_NOUNS
    )


def claims_the_attack(verb: Token) -> bool:
    """``claims.verbs.claimed-attack``: "an assault quickly claimed by the Islamic State
    group", "a suicide attack claimed by IS in Sweida", "an attack on Sunday claimed by ISIS":
    a participle of claiming with a passive agent on a noun of what a group claims is that
    agent's claim of responsibility, its evidence the sentence (dev h_ap_kirkuk-police-compound,
    r_ahram-afp_sweida, j_thenational_syria-isis-cell). One attack: "300 people have died in
    attacks claimed by Daesh in Turkey" is a tally of the background (dev h_trtworld, no claim
    in its gold); "the land claimed by both governments" names no attack and stays a noun."""
    return (
        verb.dep_ in ("acl", "relcl")
        and verb.lemma_.lower() in CLAIMING_VERBS
        and verb.head.lemma_.lower() in CLAIMED_NOUNS
        and verb.head.tag_ == "NN"
        and any(c.dep_ == "agent" for c in verb.children)
    )
