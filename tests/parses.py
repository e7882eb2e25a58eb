"""Hand-built parses for rule tests: a ``Doc`` from a table of words, lemmas, tags, heads,
dependencies and entities, with no statistical model, so that a rule is tested on exactly the
parse it was written for (after spaCy's ``tests/matcher/test_dependency_matcher.py``).

    doc = parse('''
        The        the        DET   DT   2  det
        coalition  coalition  NOUN  NN   3  nsubj   B-ACTOR  actor/cjtf-oir
        conducted  conduct    VERB  VBD  0  ROOT
        28         28         NUM   CD   5  nummod
        strikes    strike     NOUN  NNS  3  dobj
        in         in         ADP   IN   3  prep
        Iraq       Iraq       PROPN NNP  6  pobj    B-PLACE  place/iraq
        .          .          PUNCT .    3  punct
    ''')

One line per token: word, lemma, coarse tag (``pos_``), fine tag (``tag_``), head (1-based,
0 for the root of a sentence) and dependency label, then optionally an entity in IOB form
with the individual's IRI (``actor/...``, ``place/...``, ``operation/...`` are completed to
``https://w3id.org/isisgraph/id/...``; spaCy's own labels such as ``B-DATE`` need none). A
word ``\\n`` is a line break (tag ``_SP``). A token is followed by a space unless the next one
is closing punctuation or it opens one; a line ending in ``nospace`` has no space after it.
Sentences start at each root.
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.tokens import Doc, Span

ID = "https://w3id.org/isisgraph/id/"
CLOSING = {".", ",", ";", ":", ")", "!", "?", "'s", "\u2019s", "n't", "%", "\u201d"}
OPENING = {"(", "\u201c", "$"}


@cache
def vocab():  # type: ignore[no-untyped-def]
    """A blank English vocabulary: lexical attributes (like_num, is_punct) without a model."""
    return spacy.blank("en").vocab


def parse(table: str, published: str | None = None) -> Doc:
    """The Doc the table describes (see the module docstring)."""
    rows = [line.split() if line.strip() != "\\n" else ["\n"] for line in table.strip("\n").splitlines()
            if line.strip()]
    words, lemmas, pos, tags, heads, deps, iob, ids, nospace = [], [], [], [], [], [], [], [], []
    for row in rows:
        if row[0] == "\\n" or row == ["\n"]:
            row = ["\n", "\n", "SPACE", "_SP", str(len(words)), "dep"]
        word, lemma, coarse, fine, head, dep, *rest = row
        words.append(word)
        lemmas.append(lemma)
        pos.append(coarse)
        tags.append(fine)
        heads.append(int(head))
        deps.append(dep)
        entity = [r for r in rest if r != "nospace"]
        iob.append(entity[0] if entity else "O")
        ids.append(entity[1] if len(entity) > 1 else "")
        nospace.append("nospace" in rest)
    spaces = []
    for i, word in enumerate(words):
        following = words[i + 1] if i + 1 < len(words) else None
        space = not nospace[i] and following is not None and following not in CLOSING \
            and word not in OPENING and word != "\n" and following != "\n"
        spaces.append(space)
    # 1-based heads, 0 for a root: spaCy wants absolute indexes, a root heading itself.
    absolute = [h - 1 if h > 0 else i for i, h in enumerate(heads)]
    starts = [dep == "ROOT" for dep in deps]
    doc = Doc(vocab(), words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags,
              heads=absolute, deps=deps, sent_starts=[s or None for s in starts])
    doc.ents = _entities(doc, iob, ids)
    if published is not None:
        doc.user_data["published"] = published
    return doc


def _entities(doc: Doc, iob: list[str], ids: list[str]) -> list[Span]:
    spans: list[Span] = []
    start: int | None = None
    for i, tag in enumerate([*iob, "O"]):
        if start is not None and not tag.startswith("I-"):
            label = iob[start][2:]
            iri = ids[start]
            if iri and not iri.startswith("http"):
                iri = ID + iri
            spans.append(Span(doc, start, i, label=label, span_id=iri))
            start = None
        if tag.startswith("B-"):
            start = i
    return spans
