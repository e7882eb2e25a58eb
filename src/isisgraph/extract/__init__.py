"""Extraction: from a parsed article to plain records with character spans (no rdflib here).

``extract(doc, article)`` runs the extractors in dependency order: mentions and minted
places come from the NLP stage; strike reports, events and figures from their rules; claims
last, because a claim's ``about`` points at the events and reports its span contains.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from isisgraph import nlp
from isisgraph.extract import context
from isisgraph.extract.claims import extract_claims
from isisgraph.extract.events import extract_events
from isisgraph.extract.events.retold import merge_retold
from isisgraph.extract.events.sides import complete_from_article
from isisgraph.extract.figures import extract_figures
from isisgraph.extract.placing import given_provinces
from isisgraph.extract.shared import sharing
from isisgraph.extract.strikes import extract_strike_reports
from isisgraph.records import Article, Extraction
from isisgraph.reference import Reference
from isisgraph.reference import load as load_reference


def extract(doc: Doc, article: Article, ref: Reference | None = None) -> Extraction:
    """Everything isisgraph finds in one article, as records tied to spans of its text."""
    ref = load_reference() if ref is None else ref
    extraction = Extraction(article=article)
    extraction.mentions = nlp.mentions(doc)
    extraction.new_places = list(doc.user_data.get("isisgraph.new_places", []))
    given = given_provinces(doc, ref, {p.ref for p in extraction.new_places})
    extraction.new_places = [replace(p, province_ref=given[p.ref]) if p.province_ref is None and p.ref in given
                             else p for p in extraction.new_places]
    with sharing(doc):  # what several extractors read from the Doc is computed once
        extraction.strike_reports = extract_strike_reports(doc, article, ref)
        extraction.events = extract_events(doc, article, ref)
        extraction.figures = extract_figures(doc, article, ref)
        extraction.claims, extraction.persons = extract_claims(
            doc, article, ref, events=extraction.events, reports=extraction.strike_reports
        )
        context.date_events(extraction.events, doc, article)
        context.place_events(extraction.events, doc, ref)
        context.complete_sides(extraction.events, extraction.claims, doc, ref,
                               extraction.strike_reports)
        complete_from_article(extraction.events, doc, ref)
        folded = merge_retold(extraction.events, ref)
        for claim in extraction.claims if folded else ():
            claim.about = list(dict.fromkeys(folded.get(key, key) for key in claim.about))
    if article.published is None:
        extraction.warnings.append(
            f"{article.source}: no publication date; relative dates are kept as written, unresolved"
        )
    return extraction
