"""Air power that backed a ground force: 'the operation that was closely supported by coalition
airpower' (Al-Alam 2016, Qayyarah), 'Syrian army, backed by the Russian air power, has been
making major gains' (Al-Alam 2016, Palmyra), 'Syrian government forces backed by heavy Russian
air support drove ISIS out of Palmyra' (Reuters 2016, among the new articles of round 7): a
force's air power as the agent of a verb of backing a ground force says that the force struck,
at least once, in the backed action's place and time (as 'an offensive supported by U.S.-led
airstrikes' does, strikes.count.uncounted). The gold folds it into the force's own strike
reports when the article tells them ('A counter-terrorism team, backed by coalition air
support, ...' then 'Fourteen airstrikes ...': Hathalyoum 2019; 'with air support from the
Iraqi Air Force' beside its F-16s' strikes: Shafaq 2024), so it is a report only when no other
report of the article is that force's (``fold_air_power``)."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import actor_in, air_arm, can_strike, demonym_force
from isisgraph.extract.strikes.clauses import region
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.lexicon import AIR_POWER_NOUNS, SUPPORT_VERBS
from isisgraph.extract.strikes.periods import date_draft, when_in
from isisgraph.extract.strikes.places import places
from isisgraph.extract.syntax.factuality import irrealis
from isisgraph.extract.syntax.tree import clause_head, finite_clause
from isisgraph.records import Span

AIR_POWER = "strikes.backing.air-power"  # "backed by heavy Russian air support"


def air_power_reports(d: Document, n: int, unit: DocSpan) -> list[Draft]:
    """One report of at least one strike per force whose air power backed a ground action."""
    out: list[Draft] = []
    for tok in tokens_of(unit):
        verb = _backing_verb(tok)
        if verb is None or not _air_power(tok) or irrealis(verb):
            continue
        force = _force_of(tok, d)
        if force is None:
            continue
        draft = Draft(unit=n, anchor=tok, span=Span(tok.idx, tok.idx + len(tok.text)),
                      rule=AIR_POWER)
        draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
        draft.air = True
        draft.perpetrators, draft.actor_source = [force], "clause"
        # the backed action's clause places and dates the strikes
        clause = finite_clause(clause_head(verb.head if verb.dep_ in ("acl", "advcl") else verb))
        tokens = region(clause, unit)
        draft.countries, draft.locations = places(tokens, d)
        draft.country_source = "clause" if draft.countries else ""
        when = when_in(tokens, tok, d)
        date_draft(draft, when, tok, unit, d)
        out.append(draft)
    return out


def _air_power(tok: Token) -> bool:
    """'airpower', 'air power', 'air support', 'air cover' (the compound and its head)."""
    lemma = tok.lemma_.lower()
    if lemma in AIR_POWER_NOUNS:
        return True
    return any(c.dep_ in ("compound", "amod") and f"{c.lower_} {lemma}" in AIR_POWER_NOUNS
               for c in tok.children)


def _backing_verb(tok: Token) -> Token | None:
    """The verb of backing whose agent the noun is ('supported by', 'backed by')."""
    if tok.dep_ != "pobj" or tok.head.lower_ != "by":
        return None
    verb = tok.head.head
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in SUPPORT_VERBS or verb.tag_ != "VBN":
        return None
    return verb


def _force_of(tok: Token, d: Document) -> str | None:
    """The force the noun's modifiers name ('coalition', 'Russian'), as its air arm."""
    for mod in (c for c in tok.children if c.dep_ in ("compound", "amod", "poss", "nmod")):
        actor = actor_in(mod.subtree, d) or demonym_force(mod, d)
        if actor and can_strike(actor, d):
            return air_arm(actor, d)
    return None


def fold_air_power(d: Document) -> None:
    """Air power of a force whose strikes the article reports otherwise is those strikes."""
    d.drafts = [draft for draft in d.drafts if draft.rule != AIR_POWER or not any(
        other is not draft and other.rule != AIR_POWER
        and set(other.perpetrators) & set(draft.perpetrators) for other in d.drafts)]
