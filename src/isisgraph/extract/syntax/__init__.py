"""The shared grammar of the extractors, written once.

- :mod:`~isisgraph.extract.syntax.units` — sentences cut at line breaks, lines, paragraphs,
  datelines, the headline;
- :mod:`~isisgraph.extract.syntax.tree` — phrases and clauses, the governing verb, subject,
  doers, agents and patients of a predicate, prepositional arguments, coordination;
- :mod:`~isisgraph.extract.syntax.factuality` — negation, modality, conditions, intention,
  denial, habit, quotation: whether a clause reports a fact;
- :mod:`~isisgraph.extract.syntax.speech` — reported speech: the verb of saying a clause is
  the content of.

Counts of a span are :func:`isisgraph.extract.numbers.find_counts`; dates of a span are
:func:`isisgraph.extract.dates.find_dates`.
"""
