"""How sure a strike report is (0.1-0.95).

0.4, plus 0.2 for an explicit count (0.1 for a dated report without one), plus 0.15 for an
actor named in the clause (0.05 when it is inferred from a pronoun, a generic noun, an
aircraft's earlier owner, the paragraph or the context), plus 0.1 for a country in the clause
(0.05 when inherited), plus 0.15 for a period resolved in the clause (0.07 when it comes from
the context, the paragraph or the report's date, or has no publication date to resolve
against; 0.03 when only the publication date dates it); minus 0.1 when the count is only a
lower bound or approximate (so a dated strike without a number, 1 atLeast, scores lower than a
counted one). A field the text leaves open adds nothing: the report is kept, and its score says
how much of it the text gives. "The coalition conducted 28 strikes in Iraq on Monday" scores
0.4 + 0.2 + 0.15 + 0.1 + 0.15 = 1.0, kept at 0.95; "An airstrike near Mosul destroyed an ISIS
mortar position", alone, 0.4 + 0.2 + 0.1 + 0.03 = 0.73."""

from __future__ import annotations

from isisgraph.extract.strikes.document import Draft


def confidence(draft: Draft) -> float:
    score = 0.4
    counted = draft.counted and (draft.strike_count is not None or draft.engagement_count)
    score += 0.2 if counted else 0.1
    if draft.perpetrators:
        score += {"clause": 0.15, "inferred": 0.05}.get(draft.actor_source, 0.0)
    if draft.countries:
        score += {"clause": 0.1, "context": 0.05}.get(draft.country_source, 0.0)
    if draft.when is not None:
        resolved = draft.when.start is not None
        if draft.when_source == "publication":
            score += 0.03
        else:
            score += 0.15 if draft.when_source == "clause" and resolved else 0.07
    if draft.qualifier != "exact":
        score -= 0.1
    return round(min(0.95, max(0.1, score)), 2)
