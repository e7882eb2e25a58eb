"""One claim per sentence and claimant, and keys unique within the article.

- ``claims.merge.same-sentence``: two attributions of one sentence to one claimant are one
  claim ("according to the U.S. military, which said ..."): its span covers both, the more
  specific channel and a stated date win, a typed claim wins over a plain statement, and
  the higher confidence is kept; the id is appended to the kept claim's extractor value.
"""

from __future__ import annotations

from isisgraph import iris
from isisgraph.extract.claims.article import Found
from isisgraph.extract.claims.attribution import append_step
from isisgraph.extract.claims.lexicon import better_channel
from isisgraph.records import Claim, Span

SAME_SENTENCE = "claims.merge.same-sentence"


def merge_same_sentence(found: list[Found]) -> list[Found]:
    """The claims with those of one sentence and claimant merged into the first of them."""
    merged: dict[tuple[int, str | None], Found] = {}
    for item in found:
        key = (item.unit, item.claim.claimant)
        if key not in merged:
            merged[key] = item
        else:
            merge_into(merged[key].claim, item.claim)
    return list(merged.values())


def merge_into(kept: Claim, claim: Claim) -> None:
    kept.span = Span(min(kept.span.start, claim.span.start), max(kept.span.end, claim.span.end))
    kept.key = f"claim-{kept.span.start}-{kept.span.end}"
    if kept.quote is None and claim.quote is not None:
        kept.quote, kept.quote_span = claim.quote, claim.quote_span
    if claim.channel and (
        kept.channel is None
        or better_channel(claim.channel, kept.channel) == claim.channel
        and claim.channel != kept.channel
    ):
        kept.channel = claim.channel
    if kept.when is None or (
        kept.when.precision == "approximate" and claim.when is not None and claim.when.precision != "approximate"
    ):
        kept.when = claim.when
    if kept.claim_type == "statement" and claim.claim_type != "statement":
        kept.claim_type = claim.claim_type
    kept.confidence = max(kept.confidence, claim.confidence)
    append_step(kept, SAME_SENTENCE)


def unique_keys(claims: list[Claim]) -> None:
    """Claims of one span (one per government of "both countries") get the claimant's slug
    after their key."""
    seen: dict[str, int] = {}
    for claim in claims:
        if claim.key in seen:
            seen[claim.key] += 1
            suffix = iris.slugify(claim.claimant.rsplit("/", 1)[-1]) if claim.claimant else str(seen[claim.key])
            claim.key = f"{claim.key}-{suffix}"
        else:
            seen[claim.key] = 1
