"""Saved SPARQL queries: find them, bind their parameters as RDF terms, run them, format them.

A saved query is a ``queries/*.rq`` file that opens with a comment header::

    # title: Strikes per country and month
    # question: How many strikes did an actor report per country and month?
    # param: actor = <https://w3id.org/isisgraph/id/actor/cjtf-oir> — who struck
    # param: place (iri) = any — where; ``any`` leaves the variable unbound
    # lists: periods

``param`` lines name a SPARQL variable, its default and its meaning (after an em dash). The
default is written as an RDF term — ``<IRI>``, ``"text"``, ``"2017-12-31"^^xsd:date``, an
integer — or ``any`` for "no value": the variable stays unbound and the query is written to
range over every value. An optional ``(iri|string|date|when|integer|decimal)`` after the name
fixes the type of values given on the command line; without it the default's type is used.
``(when)`` takes a month or a day (``2017-03``, ``2017-03-15``), bound as that text: the
queries compare it with the text of ISO dates (``since``: ends on or after it; ``until``:
starts on or before it, the whole month when it is a month).
``pages`` says how a ``--limit`` page is found without sorting the whole list
(:func:`paged_answer`). Either the answer is ordered first by a date column, and the line names
the parameter that keeps the rows up to a month (``# pages: start by until, undated first by
undated``): the page is found month by month. Or it is ordered first by another column (a
label, a count), and the line names the variable the query narrows on to a set of that
column's values, the query that lists those values in the answer's order
(``# pages: claimant_label by claimants, keys in keys/claims-by.rq``, a path beside the saved
query): the page is found key by key (:class:`Pages`).
``lists`` names columns holding ``"; "``-separated values (SPARQL ``GROUP_CONCAT`` gives no
order): their items are sorted and deduplicated so every engine prints the same cell.

Values are never pasted into the query text. :func:`bind` turns the user's strings into
typed rdflib terms; rdflib receives them as ``initBindings``. Engines without initial
bindings (Oxigraph) run :func:`isisgraph.store.with_values`, which adds a ``VALUES`` block of the same terms
(serialised by rdflib, so quotes and braces inside a value stay inside a literal) at the top
of the outer ``WHERE`` group. Saved queries keep every parameter in that outer group (or
project it out of any sub-select that uses it) so that both ways give the same answers.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import closing, nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import XSD, BNode, Dataset, Literal, URIRef, Variable
from rdflib.term import Identifier

from isisgraph.errors import InputError, ParamError, QueryError
from isisgraph.hygiene import printable, spreadsheet_cell
from isisgraph.namespaces import ID, IG
from isisgraph.ontology import data_dir
from isisgraph.store import IRI_FORBIDDEN, to_rdflib

LIST_SEPARATOR = "; "
FORMATS = ("table", "csv", "json", "md")
PARAM_KINDS = ("iri", "string", "date", "when", "integer", "decimal")
ANY = "any"

HEADER_LINE = re.compile(r"^#\s*(?P<key>title|question|param|lists|pages)\s*:\s*(?P<value>.*?)\s*$")
PARAM_LINE = re.compile(
    r"^(?P<name>[A-Za-z_][A-Za-z0-9_]*)\s*(?:\((?P<kind>[a-z]+)\))?\s*=\s*(?P<default>.+?)"
    r"\s*(?:—|--)\s*(?P<meaning>.+)$"
)
UPDATE_KEYWORDS = {"INSERT", "DELETE", "LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "WITH"}
QUERY_FORMS = {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}
# The words with which a query reaches past the graph it is given (isisgraph.sandbox), as
# keywords: not a variable (?from), nor part of a prefixed name (ig:from) or of a longer word.
REACH_WORDS = re.compile(r"(?<![\w?$:])(?:SERVICE|FROM|LOAD|USING)(?!\w)", re.IGNORECASE)
# an IRI (kept), a short string (group 2, blanked) or a comment to the line's end (kept)
SHORT_STRINGS = re.compile(r'(<[^<>\s]*>)|("(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')|(#[^\n]*)')
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
MONTH_OR_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
SHORT_PREFIXES = {"ig:": str(IG._NS)}
# what a label may hold when given for an IRI parameter ("Al Qa'im", "Islamic State (ISIS)")
NAME_LIKE = re.compile(r"[^\W_][\w .,'’()/&:-]*")


@dataclass(frozen=True)
class Param:
    """A parameter of a saved query: a SPARQL variable with a default value (None = any)."""

    name: str
    kind: str  # iri | string | date | integer | decimal | auto (decided by the value's form)
    default: str | None
    meaning: str


@dataclass(frozen=True)
class Pages:
    """How a page of a long answer is found without sorting the whole answer (``# pages:``).

    A month walk (``keys`` None): the answer is ordered first by the date in ``column``
    (``ig:startDate``, whose months the derived graph lists: ``igd:during``); ``until`` is the
    parameter that keeps the rows whose date is in a month up to the one given; the rows
    without a date come last, unless ``undated`` names the parameter that keeps only them
    (``undated=yes``), and then they come first.

    A key walk: the answer is ordered first by ``column`` (a label, a count); ``keys`` is the
    query (a path relative to the saved query's folder) that lists that column's values, the
    keys, in the answer's order, one row each (``?key``, and ``?rows``, a guess at how many
    rows of the answer have it); ``until`` is the variable that the saved query narrows on:
    bound to a set of keys (a VALUES block of several rows), it gives exactly the answer's
    rows whose ``column`` is one of them. The keys query lists every key the answer can have
    (more do no harm); when it lists an unbound key (rows without a value), the pages from
    there on are the whole answer cut. See :func:`paged_answer`."""

    column: str
    until: str
    undated: str | None = None
    keys: str | None = None


@dataclass(frozen=True)
class SavedQuery:
    """A ``.rq`` file and what its header says about it."""

    name: str
    path: Path
    title: str
    question: str
    params: tuple[Param, ...] = ()
    lists: tuple[str, ...] = ()
    pages: Pages | None = None

    @property
    def text(self) -> str:
        return self.path.read_text(encoding="utf-8")


@dataclass
class Result:
    """Columns and rows of plain Python values (str for IRIs, int/Decimal/date/... for literals)."""

    columns: list[str]
    rows: list[tuple[Any, ...]] = field(default_factory=list)
    query: SavedQuery | None = None
    updated: tuple[int, int] | None = None  # quads before and after an allowed update

    def records(self) -> list[dict[str, Any]]:
        return [dict(zip(self.columns, row, strict=True)) for row in self.rows]


# ---------------------------------------------------------------------- headers


def parse_header(text: str, source: str | Path = "<query>") -> dict[str, Any]:
    """The title, question, params and lists of a query's leading comment block."""
    header: dict[str, Any] = {"title": "", "question": "", "params": [], "lists": [], "pages": None}
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("#"):
            break
        match = HEADER_LINE.match(stripped)
        if match is None:
            continue
        key, value = match["key"], match["value"]
        if key == "param":
            header["params"].append(parse_param(value, f"{source}:{number}"))
        elif key == "lists":
            header["lists"].extend(v for v in re.split(r"[\s,]+", value) if v)
        elif key == "pages":
            header["pages"] = parse_pages(value, f"{source}:{number}")
        else:
            header[key] = value
    return header


PAGES_LINE = re.compile(r"(?P<column>\w+)\s+by\s+(?P<until>\w+)(?:\s*,\s*undated\s+first\s+by\s+(?P<undated>\w+))?")
KEYS_LINE = re.compile(r"(?P<column>\w+)\s+by\s+(?P<by>\w+)\s*,\s*keys\s+in\s+(?P<keys>[\w./-]+\.rq)")


def parse_pages(spec: str, where: str) -> Pages:
    """``start by until, undated first by undated`` or ``label by labels, keys in FILE`` →
    :class:`Pages`."""
    keyed = KEYS_LINE.fullmatch(spec.strip())
    if keyed is not None:
        return Pages(keyed["column"], keyed["by"], keys=keyed["keys"])
    match = PAGES_LINE.fullmatch(spec.strip())
    if match is None:
        raise QueryError(f"{where}: a pages line reads 'COLUMN by PARAM[, undated first by PARAM]' or 'COLUMN by "
                         f"VARIABLE, keys in FILE', got {spec!r}")
    return Pages(match["column"], match["until"], match["undated"])


def parse_param(spec: str, where: str) -> Param:
    match = PARAM_LINE.match(spec)
    if match is None:
        raise QueryError(f"{where}: a param line reads 'name = default — meaning', got {spec!r}")
    kind, default = match["kind"], match["default"].strip()
    if kind is not None and kind not in PARAM_KINDS:
        raise QueryError(f"{where}: unknown parameter type {kind!r}; use one of {', '.join(PARAM_KINDS)}")
    if default.lower() == ANY:
        return Param(match["name"], kind or "auto", None, match["meaning"].strip())
    term = parse_default(default, where)
    return Param(match["name"], kind or kind_of(term), default, match["meaning"].strip())


def parse_default(default: str, where: str) -> Identifier:
    """A header default written as an RDF term: <IRI>, "text", "v"^^xsd:type, or a number."""
    if default.startswith("<") and default.endswith(">"):
        return iri_term(default[1:-1], where)
    typed = re.fullmatch(r'"(?P<lex>[^"]*)"(?:\^\^xsd:(?P<dt>[A-Za-z]+))?', default)
    if typed:
        datatype = XSD[typed["dt"]] if typed["dt"] else None
        return Literal(typed["lex"], datatype=datatype)
    if re.fullmatch(r"-?\d+", default):
        return Literal(int(default), datatype=XSD.integer)
    if re.fullmatch(r"-?\d+\.\d+", default):
        return Literal(Decimal(default), datatype=XSD.decimal)
    raise QueryError(f"{where}: default {default!r} is not <IRI>, \"text\", \"v\"^^xsd:type, a number or 'any'")


def kind_of(term: Identifier) -> str:
    if isinstance(term, URIRef):
        return "iri"
    assert isinstance(term, Literal)
    return {XSD.date: "date", XSD.integer: "integer", XSD.decimal: "decimal"}.get(term.datatype, "string")


def read_saved_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header = parse_header(text, path)
    return SavedQuery(
        name=path.stem,
        path=path,
        title=header["title"],
        question=header["question"],
        params=tuple(header["params"]),
        lists=tuple(header["lists"]),
        pages=header["pages"],
    )


def list_queries(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved query in ``queries/`` (or ``folder``), by name."""
    folder = data_dir("queries") if folder is None else folder
    return [read_saved_query(path) for path in sorted(folder.glob("*.rq"))]


def find_query(name_or_path: str | Path) -> SavedQuery:
    """A saved query by name (``strikes-per-country-month``) or any ``.rq`` file by path."""
    candidate = Path(name_or_path)
    if candidate.suffix == ".rq" or candidate.parent != Path(".") or candidate.is_file():
        if not candidate.is_file():
            raise InputError(f"{candidate}: no such query file")
        return read_saved_query(candidate)
    path = data_dir("queries") / f"{name_or_path}.rq"
    if not path.is_file():
        names = ", ".join(q.name for q in list_queries())
        raise InputError(f"no saved query named {str(name_or_path)!r}; `isisgraph queries` lists them: {names}")
    return read_saved_query(path)


# ---------------------------------------------------------------------- binding


def iri_term(value: str, where: str, default: str | None = None) -> URIRef:
    """An IRI from what a user types: a full IRI (with or without <>), ``ig:Term``,
    ``kind/slug`` under the id base (``actor/isis``), or a bare slug of the same kind as the
    parameter's default IRI (``hawija`` for a default ``.../id/place/raqqa``)."""
    text = value.strip()
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    if IRI_FORBIDDEN.search(text) or not text:
        raise ParamError(f"{where}: {value!r} is not an IRI (spaces, quotes, braces and <> are not allowed)")
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", text) and not text.startswith(tuple(SHORT_PREFIXES)):
        return URIRef(text)
    for prefix, namespace in SHORT_PREFIXES.items():
        if text.startswith(prefix):
            return URIRef(namespace + text[len(prefix):])
    if "/" in text:
        return URIRef(str(ID) + text)
    if SLUG.fullmatch(text) and default and default.startswith(str(ID)):
        return URIRef(default.rsplit("/", 1)[0] + "/" + text)
    raise ParamError(f"{where}: {value!r} is not an IRI; give a full IRI, ig:Term or kind/slug such as place/hawija")


def term_for(param: Param, value: str, where: str) -> Identifier:
    """The RDF term for a user's value, typed by the parameter's declared kind."""
    kind = param.kind
    default_iri = None
    if param.default and param.default.startswith("<"):
        default_iri = param.default[1:-1]
    if kind == "auto":
        if DATE.fullmatch(value):
            kind = "date"
        elif re.fullmatch(r"-?\d+", value):
            kind = "integer"
        elif re.match(r"^(https?:|urn:|<|ig:)", value) or re.fullmatch(r"[a-z-]+/\S+", value):
            kind = "iri"
        else:
            kind = "string"
    if kind == "iri":
        return iri_term(value, where, default_iri)
    if kind == "date":
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            raise ParamError(f"{where}: {value!r} is not a date; write YYYY-MM-DD") from None
        return Literal(value, datatype=XSD.date)
    if kind == "when":  # a month or a day, compared as text with the ISO dates of the graph
        text = value.strip()
        try:
            if not MONTH_OR_DATE.fullmatch(text):
                raise ValueError(text)
            dt.date.fromisoformat(text if len(text) == 10 else text + "-01")
        except ValueError:
            raise ParamError(f"{where}: {value!r} is not a month or a day; write YYYY-MM or YYYY-MM-DD") from None
        return Literal(text)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise ParamError(f"{where}: {value!r} is not an integer")
        return Literal(int(value), datatype=XSD.integer)
    if kind == "decimal":
        try:
            return Literal(Decimal(value.strip()), datatype=XSD.decimal)
        except ArithmeticError:
            raise ParamError(f"{where}: {value!r} is not a number") from None
    return Literal(value)


def parse_param_options(options: Iterable[str]) -> dict[str, str]:
    """``["place=hawija", "actor=actor/isis"]`` → a dict; a value may itself contain '='."""
    params: dict[str, str] = {}
    for option in options:
        name, sep, value = option.partition("=")
        if not sep or not name.strip():
            raise ParamError(f"--param {option!r}: write NAME=VALUE")
        params[name.strip()] = value
    return params


def bind(query_text: str, params: Mapping[str, str] | None = None,
         allow_names: bool = False) -> tuple[str, dict[str, Identifier]]:
    """The query text and the initial bindings of its parameters, as typed RDF terms.

    ``params`` are the user's strings by parameter name; parameters not given take the
    default of the query's header, and those whose default is ``any`` stay unbound (absent
    from the bindings). The text is returned unchanged: rdflib takes the bindings as
    ``initBindings``; an engine without initial bindings (Oxigraph) runs
    :func:`isisgraph.store.with_values`, converting nothing but the terms. A name that is not a
    parameter of the query, or a value of the wrong form, raises :class:`ParamError`;
    ``allow_names`` lets through an IRI parameter's value that is a label ("Abu Kamal"), left
    for :func:`resolve_names` to look up in the graph.
    """
    params = dict(params or {})
    declared = {p.name: p for p in parse_header(query_text)["params"]}
    unknown = sorted(set(params) - set(declared))
    if unknown:
        known = ", ".join(sorted(declared)) or "none"
        raise ParamError(f"unknown parameter {', '.join(unknown)}; this query takes: {known}")
    bindings: dict[str, Identifier] = {}
    for name, param in declared.items():
        if name in params:
            try:
                bindings[name] = term_for(param, params[name], f"--param {name}")
            except ParamError:
                if not (allow_names and param.kind == "iri" and NAME_LIKE.fullmatch(params[name].strip())):
                    raise
        elif param.default is not None:
            bindings[name] = term_for_default(param)
    return query_text, bindings


def resolve_names(saved: SavedQuery, params: Mapping[str, str] | None, dataset: Any,
                  warn: Callable[[str], None] | None = None) -> dict[str, str]:
    """The user's parameter values with each IRI parameter's value read as users write names:
    a node of the graph as given, else the one node whose label, alias or slug it is, in any
    case or punctuation ("Abu Kamal", "place/Abu-Kamal", "al qaim"). A value that names nothing
    is kept (as kind/slug when it is a label), so the answer is empty, and ``warn`` gets a
    line with the closest names; a value that names several nodes is a :class:`ParamError`."""
    from isisgraph.names import Names, in_graph, key, kind_of_param

    values = dict(params or {})
    declared = {p.name: p for p in saved.params}
    names: Names | None = None
    for name, value in values.items():
        param = declared.get(name)
        if param is None or param.kind != "iri":
            continue
        default_iri = param.default[1:-1] if param.default and param.default.startswith("<") else None
        try:
            term: URIRef | None = iri_term(value, f"--param {name}", default_iri)
        except ParamError:
            if not NAME_LIKE.fullmatch(value.strip()):
                raise
            term = None
        if term is not None and in_graph(dataset, term):
            continue
        names = names or Names.of(dataset)
        kind = kind_of_param(param.default, param.meaning)
        try:
            found = names.resolve(value, kind)
        except InputError as exc:
            raise ParamError(f"--param {name}: {exc}") from None
        if found is not None:
            values[name] = str(found)
            continue
        if term is None:
            slug = "-".join(w for w in re.split(r"[\W_]+", value.casefold()) if w)
            term = URIRef(f"{ID}{kind or 'place'}/{slug or key(value) or 'nothing'}")
            values[name] = str(term)
        if warn is not None:
            warn(f"warning: --param {name}={value}: nothing in the graph is called that, so no row can "
                 f"match it; {names.hint(value, kind)}")
    return values


def term_for_default(param: Param) -> Identifier:
    term = parse_default(param.default or "", f"default of {param.name}")
    if param.kind == "iri" and not isinstance(term, URIRef):
        return iri_term(str(term), f"default of {param.name}")
    return term


# ---------------------------------------------------------------------- running


@functools.lru_cache(maxsize=128)
def is_update(text: str) -> bool:
    """Whether ``text`` is a SPARQL Update request rather than a query (parsing it costs more
    than answering most saved queries on Oxigraph, so the answer is kept per text)."""
    if first_keyword(text) in QUERY_FORMS:
        return False  # a text that starts as a query is never an update, parsed or not
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(text)
        return False
    except Exception:
        pass
    try:
        parseUpdate(text)
        return True
    except Exception:
        return first_keyword(text) in UPDATE_KEYWORDS


def strip_comments(text: str) -> str:
    """The text with ``#`` comments blanked (a ``#`` inside an IRI or string is kept)."""
    return re.sub(r'(<[^<>\s]*>|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\')|#[^\n]*',
                  lambda m: m.group(1) or "", text)


def first_keyword(text: str) -> str:
    """The first keyword after the prologue (PREFIX and BASE declarations), upper-cased."""
    body = re.sub(r"(?is)^\s*((PREFIX\s+[\w.-]*:\s*|BASE\s+)<[^>]*>\s*)*", "", strip_comments(text))
    word = re.match(r"\s*([A-Za-z]+)", body)
    return word[1].upper() if word else ""


def parse_error(exc: Exception, text: str, source: str) -> QueryError:
    """A QueryError naming file, line and column of a SPARQL syntax error."""
    line, col = getattr(exc, "lineno", None), getattr(exc, "col", None)
    message = getattr(exc, "msg", None) or str(exc)
    if line is None:
        prefix = re.search(r"Unknown namespace prefix : (\S+)", str(exc))
        if prefix:
            found = re.search(rf"(?<![\w:]){re.escape(prefix[1])}:", strip_comments(text))
            if found:
                line = text.count("\n", 0, found.start()) + 1
                col = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
            message = f"undeclared prefix {prefix[1]}:; add PREFIX {prefix[1]}: <...>"
    where = f"{source}:{line}:{col}" if line is not None else source
    return QueryError(f"{where}: SPARQL syntax error: {message}")


def prepare(text: str, source: str) -> Any:
    """The parsed and translated query; parsing costs more than running most saved queries
    on a small graph, so the result is kept for the life of the process."""
    try:
        return prepared_query(text)
    except Exception as exc:  # pyparsing.ParseException, or rdflib's plain Exception for prefixes
        raise parse_error(exc, text, source) from exc


def plain_query(text: str) -> bool:
    """Whether Oxigraph may run ``text`` without rdflib's parse first (which costs more than
    running a narrowed saved query on a 10,000-article store): a query, by its first keyword,
    that cannot reach past its graph because it names no SERVICE, FROM, LOAD or USING, and
    that does not SELECT * (whose column order is rdflib's). The test is conservative: such a
    word anywhere but in a line that is a comment, a long string (which may hold a line
    starting with #) or a \\u escape (which SPARQL reads before the words) sends the text to
    rdflib's parser, which reads its algebra (:func:`isisgraph.sandbox.reach_of`)."""
    from isisgraph.store import SELECT_STAR

    if '"""' in text or "'''" in text or "\\u" in text or "\\U" in text:
        return False
    # a short string or an IRI never holds a line end, so a line whose first character after
    # spaces and tabs is # is a comment
    code = "\n".join(line for line in re.split(r"[\r\n]", text) if not line.lstrip(" \t").startswith("#"))
    # the words of a short string are data (" from " in a label): blanked, read left to right
    # as SPARQL does, so that a quote inside an IRI or after a # starts no string
    code = SHORT_STRINGS.sub(lambda m: m.group(1) or m.group(3) or '""', code)
    return first_keyword(text) in QUERY_FORMS and not REACH_WORDS.search(code) and not SELECT_STAR.search(code)


@functools.lru_cache(maxsize=128)
def prepared_query(text: str) -> Any:
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def python_value(term: Identifier | None) -> Any:
    """A result cell as a plain Python value: None, str (IRIs, strings), int, Decimal, date..."""
    if term is None:
        return None
    if isinstance(term, URIRef | BNode):
        return str(term)
    if isinstance(term, Literal):
        if term.datatype == XSD.anyURI:
            return str(term)
        value = term.toPython()
        return str(value) if isinstance(value, Literal) else value
    return str(term)


XSD_INTEGER, XSD_DATE, XSD_STRING = str(XSD.integer), str(XSD.date), str(XSD.string)
CANONICAL_INTEGER = re.compile(r"-?[0-9]{1,18}")
CANONICAL_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def oxigraph_value(term: Any) -> Any:
    """``python_value(to_rdflib(term))`` of a pyoxigraph term, without making the rdflib term
    for the cells the saved queries mostly give (IRIs, strings, canonical integers and dates):
    a list query converts tens of thousands of rows. Anything else takes that path."""
    kind = type(term)
    if kind is ox.NamedNode:
        return term.value
    if kind is ox.Literal:
        value = term.value
        if term.language:
            return value
        datatype = term.datatype.value
        if datatype == XSD_STRING:
            return value
        if datatype == XSD_INTEGER and CANONICAL_INTEGER.fullmatch(value):
            return int(value)
        if datatype == XSD_DATE and CANONICAL_DATE.fullmatch(value):
            try:
                return dt.date.fromisoformat(value)
            except ValueError:
                pass
    return python_value(to_rdflib(term))


def sort_list_cell(value: Any) -> Any:
    """A ``GROUP_CONCAT`` cell with its items sorted and deduplicated; None when empty
    (rdflib concatenates nothing to "", Oxigraph leaves the cell unbound)."""
    if not isinstance(value, str):
        return value
    items = sorted({item.strip() for item in value.split(LIST_SEPARATOR) if item.strip()})
    return LIST_SEPARATOR.join(items) if items else None


@dataclass
class Rows:
    """A query's answer as it is computed: its columns, and its rows read once, in order
    (:func:`stream_query`); ``update`` when it is the count of an allowed SPARQL Update."""

    columns: list[str]
    rows: Iterator[tuple[Any, ...]]
    query: SavedQuery | None = None
    update: bool = False
    stop: Callable[[], None] = lambda: None  # ends the evaluation, read to the end or not

    def close(self) -> None:
        self.stop()


def run_query(
    name_or_path: str | Path | SavedQuery,
    dataset: Any,
    params: Mapping[str, str] | None = None,
    allow_update: bool = False,
    allow_remote: bool = False,
    timeout: float | None = None,
    warn: Callable[[str], None] | None = None,
) -> Result:
    """Run a saved query (by name, path or :class:`SavedQuery`) over the union of the graphs.

    ``dataset`` is an rdflib Dataset, or a pyoxigraph Store (see :mod:`isisgraph.store`);
    both give the same rows. Parameters are bound as RDF terms (:func:`bind`). A SPARQL
    Update is refused with a :class:`QueryError` unless ``allow_update``; then it changes the
    dataset in memory and the result says how many quads there were before and after. What
    the query may reach is :func:`stream_query`'s; all rows are held (use :func:`stream_query`
    to read them one by one).
    """
    answer = stream_query(name_or_path, dataset, params, allow_update, allow_remote, timeout, warn)
    with closing(answer):
        rows = list(answer.rows)
    updated = (rows[0][0], rows[0][1]) if answer.update else None
    return Result(answer.columns, rows, answer.query, updated)


def stream_query(
    name_or_path: str | Path | SavedQuery,
    dataset: Any,
    params: Mapping[str, str] | None = None,
    allow_update: bool = False,
    allow_remote: bool = False,
    timeout: float | None = None,
    warn: Callable[[str], None] | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> Rows:
    """Start a saved query and return its columns and its rows as they are computed.

    The query may reach nothing but ``dataset``: no SERVICE, no LOAD, no FROM of a graph the
    dataset does not hold, unless ``allow_remote`` (:mod:`isisgraph.sandbox`). It runs in a
    worker thread (:mod:`isisgraph.running`): Ctrl-C stops it at once, and after ``timeout``
    seconds reading its rows raises :class:`~isisgraph.running.QueryTimeout`. IRI parameters
    may be given as names (:func:`resolve_names`); ``warn`` gets a line for one that names
    nothing. ``limit`` and ``offset`` keep a page of a SELECT answer: written into the query
    (:func:`with_slice`) when it has no LIMIT, OFFSET or VALUES after its WHERE group, so the
    engine stops after the page and only its rows are converted; else the rows are cut.
    """
    from isisgraph.derive import ensure_derived, reads_derived
    from isisgraph.running import Evaluation
    from isisgraph.sandbox import Reach, check_reach, rdflib_offline, reach_of
    from isisgraph.store import with_derived_links

    saved = name_or_path if isinstance(name_or_path, SavedQuery) else find_query(name_or_path)
    text = saved.text
    source = str(saved.path)
    if saved.params and params:
        params = resolve_names(saved, params, dataset, warn)
    text, bindings = bind(text, params)
    backend = "rdflib" if isinstance(dataset, Dataset) else "oxigraph"
    terms = {Variable(k): v for k, v in bindings.items()}
    if is_update(text):
        if not allow_update:
            raise QueryError(f"{source}: is a SPARQL Update (it would change the graph); saved queries are "
                             "read-only — pass --allow-update to run it")
        prepared_update = prepare_update(text, source)
        check_reach(reach_of(prepared_update.algebra), source, lambda: graph_names(dataset), allow_remote, backend)
        produce = lambda: run_update(text, source, dataset, prepared_update, terms)  # noqa: E731
        evaluation = Evaluation(produce, source, timeout, lambda: rdflib_offline(allow_remote))
        return Rows(evaluation.columns, evaluation.rows(), saved, update=True, stop=evaluation.stop)
    # syntax errors with file, line and column, whatever the backend (Oxigraph runs a plain
    # query unparsed, and a syntax error it finds is then parsed for them: oxigraph_answer)
    prepared = None if backend == "oxigraph" and plain_query(text) else prepare(text, source)
    select = first_keyword(text) == "SELECT" if prepared is None else prepared.algebra.name == "SelectQuery"
    sliced = with_slice(text, limit, offset) if select else None
    # a page walked by paged_answer, which runs the whole query's text narrowed and cut
    paged = not isinstance(dataset, Dataset) and select and limit and pageable(saved, bindings) and sliced is not None
    if sliced is not None and sliced != text and not paged:  # a page of the answer: the engine stops after it
        text, prepared = sliced, None if prepared is None else prepare(sliced, source)
    if reads_derived(text):  # the derived graph, when nobody added it yet (as the query commands do)
        if isinstance(dataset, Dataset):
            ensure_derived(dataset)
        else:
            with_derived_links(dataset)
    reach = Reach() if prepared is None else reach_of(prepared.algebra)
    check_reach(reach, source, lambda: graph_names(dataset), allow_remote, backend)
    if isinstance(dataset, Dataset):
        produce = lambda: rdflib_answer(dataset, prepared, terms, saved)  # noqa: E731
        around: Callable[[], Any] = lambda: rdflib_offline(allow_remote)  # noqa: E731
    elif paged:
        produce = lambda: paged_answer(dataset, text, prepared, bindings, saved,  # noqa: E731
                                       reach.has_dataset, source, limit or 0, offset)
        around = nullcontext
    else:
        produce = lambda: oxigraph_answer(dataset, text, prepared, bindings, saved, reach.has_dataset,  # noqa: E731
                                          source)
        around = nullcontext  # rdflib's switch: nothing of rdflib's engine runs
    evaluation = Evaluation(produce, source, timeout, around)
    rows = evaluation.rows()
    if sliced is None and (limit is not None or offset):
        rows = islice(rows, offset, None if limit is None else offset + limit)
    return Rows(evaluation.columns, rows, saved, stop=evaluation.stop)


def pageable(saved: SavedQuery, bindings: Mapping[str, Identifier]) -> bool:
    """Whether a page of ``saved`` may be walked (:func:`paged_answer`): it says how (``# pages:``)
    and the user bound neither the parameter the walk binds nor the one that keeps the undated
    rows (a key walk's variable is no parameter)."""
    pages = saved.pages
    return pages is not None and pages.until not in bindings and (pages.undated or "") not in bindings


def month_end(key: str, kind: str) -> Identifier:
    """The value of an upper-bound parameter that keeps the month ``key`` ("2017-03") whole:
    the month itself for a ``when`` parameter, its last day for a ``date`` one."""
    if kind == "date":
        year, month = int(key[:4]), int(key[5:7])
        following = dt.date(year + month // 12, month % 12 + 1, 1)
        return Literal((following - dt.timedelta(days=1)).isoformat(), datatype=XSD.date)
    return Literal(key)


MONTH_COUNTS = """PREFIX igd: <https://w3id.org/isisgraph/derived#>
SELECT ?key (COUNT(?fact) AS ?facts) WHERE { ?month igd:key ?key . ?fact igd:during ?month }
GROUP BY ?key ORDER BY ?key"""

# the rows of the answer narrowed by some bindings, at most so many (paged_answer's runs)
Answer = Callable[[Mapping[str, Any], int], list[tuple[Any, ...]]]


def paged_answer(store: Any, text: str, prepared: Any, bindings: Mapping[str, Identifier], saved: SavedQuery,
                 has_dataset: bool, source: str, limit: int,
                 offset: int) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Rows ``offset`` to ``offset + limit`` of a query that says how its pages are found
    (``# pages:``, :class:`Pages`), without evaluating and sorting the whole answer: Oxigraph
    sorts every row of the join before it gives the first, and a whole list of tens of
    thousands of rows costs seconds, its first page as much.

    The answer's first rows are found by running the query narrowed to its first months
    (:func:`walk_months`) or its first keys (:func:`walk_keys`), each run cut after the rows
    still wanted; a walk that would read half the list or more gives up, and the whole answer
    is cut instead. The rows are those of the whole answer, in its order
    (``tests/test_query_walk.py``, ``tests/test_query_keys.py``)."""
    pages = saved.pages
    assert pages is not None
    need = offset + limit
    columns: list[str] | None = None

    def answer(extra: Mapping[str, Any], count: int) -> list[tuple[Any, ...]]:
        nonlocal columns
        # ``prepared`` (rdflib's parse of the whole query, for its columns) stands for the cut text
        columns, rows = oxigraph_answer(store, with_slice(text, count, 0) or text, prepared, {**bindings, **extra},
                                        saved, has_dataset, source)
        return list(islice(rows, count))

    if pages.keys is None:
        rows = walk_months(store, saved, pages, answer, need)
    else:
        rows = walk_keys(store, saved, pages, answer, need)
    if rows is None or columns is None:  # past half the list, or nothing run: the whole answer
        rows = answer({}, need)
    assert columns is not None
    return columns, iter(rows[offset:need])


def walk_months(store: Any, saved: SavedQuery, pages: Pages, answer: Answer,
                need: int) -> list[tuple[Any, ...]] | None:
    """The first ``need`` rows of a list ordered first by a date: the rows without a date first
    (when the query keeps them with a parameter of their own), then :func:`months_up_to`; None
    when the months needed hold half the facts or more, or when every month was walked and rows
    are still wanted (the undated rows listed last, or dates the months do not list)."""
    kind = next(p.kind for p in saved.params if p.name == pages.until)
    rows: list[tuple[Any, ...]] = []
    if pages.undated:
        rows = answer({pages.undated: Literal("yes")}, need)
    if len(rows) >= need:
        return rows
    dated = months_up_to(answer, month_counts(store), pages.until, kind, need - len(rows))
    return None if dated is None else rows + dated


def month_counts(store: Any) -> list[tuple[str, int]]:
    """Each month of the derived graph (``igd:key``) and how many facts fall in it (``igd:during``)."""
    return [(solution["key"].value, int(solution["facts"].value))
            for solution in store.query(MONTH_COUNTS, use_default_graph_as_union=True)]


def months_up_to(answer: Answer, months: list[tuple[str, int]], until: str, kind: str,
                 wanted: int) -> list[tuple[Any, ...]] | None:
    """The first ``wanted`` dated rows of the answer: the query bound to the months up to some
    month M (``until``), which joins on the derived months first and costs what those months'
    rows cost. M is the first month by which the facts of the derived months (``igd:during``,
    an upper bound of the rows: one row per fact of the query's kind) add up to the rows
    wanted, later (twice as many facts) when that gave too few; None when that reaches half
    the facts."""
    everything = sum(facts for _, facts in months)
    budget, total, last, index = wanted, 0, -1, -1
    while 2 * budget <= everything:  # a window of half the facts or more: the whole answer
        for index, (_, facts) in enumerate(months):
            total += facts if index > last else 0
            if index > last and total >= budget:
                break
        last = index
        dated = answer({until: month_end(months[last][0], kind)}, wanted)
        if len(dated) >= wanted:
            return dated
        budget = 2 * total
    return None


def key_counts(store: Any, saved: SavedQuery, pages: Pages) -> list[tuple[Identifier | None, int]]:
    """The keys of a key walk in the answer's order, each with its guessed rows (``pages.keys``)."""
    assert pages.keys is not None
    path = saved.path.parent / pages.keys
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{saved.path}: its pages line names {pages.keys}, which cannot be read ({exc})") from exc
    keys: list[tuple[Identifier | None, int]] = []
    for solution in store.query(text, use_default_graph_as_union=True):
        key, rows = solution["key"], int(solution["rows"].value) if solution["rows"] is not None else 0
        if key is not None or rows:  # an unbound key of no rows: the answer has no row without a key
            keys.append((None if key is None else to_rdflib(key), rows))
    return keys


def walk_keys(store: Any, saved: SavedQuery, pages: Pages, answer: Answer,
              need: int) -> list[tuple[Any, ...]] | None:
    """The first ``need`` rows of a list ordered first by a key (a label, a count): the query
    bound (``pages.until``, a VALUES block) to the first keys whose guessed rows add up to the
    rows wanted, then to the keys after them while rows are still wanted (twice as many guessed
    rows each time a guess fell short). The rows of a set of consecutive keys, in the answer's
    order, follow those of the keys before them. None when the keys read hold half the guessed
    rows or more, or when a key is unbound (its rows sort where no VALUES block reaches them)."""
    keys = key_counts(store, saved, pages)
    everything = sum(rows for _, rows in keys)
    rows: list[tuple[Any, ...]] = []
    first, read, scale = 0, 0, 1
    while len(rows) < need and first < len(keys):
        wanted = need - len(rows)
        guessed, last = 0, first
        for last in range(first, len(keys)):
            if keys[last][0] is None:
                return None
            guessed += keys[last][1]
            if guessed >= wanted * scale:
                break
        read += guessed
        if 2 * read > everything:
            return None
        got = answer({pages.until: tuple(key for key, _ in keys[first:last + 1])}, wanted)
        rows += got
        scale *= 2 if len(got) < wanted else 1
        first = last + 1
    return rows


SOLUTION_MODIFIERS = re.compile(r"\b(?:LIMIT|OFFSET|VALUES)\b", re.IGNORECASE)


def with_slice(text: str, limit: int | None, offset: int = 0) -> str | None:
    """The query with ``LIMIT limit OFFSET offset`` after its outer WHERE group, so that the
    engine stops after the page and only its rows are converted; None when the query has a
    LIMIT, OFFSET or VALUES of its own there (the caller then skips and cuts the rows)."""
    from isisgraph.store import braces

    if limit is None and not offset:
        return text
    depth, end = 0, None
    for at in braces(text):  # the end of the outer WHERE group (the first group opened)
        depth += 1 if text[at] == "{" else -1
        if depth == 0:
            end = at
            break
    if end is None:
        return None
    tail = re.sub(r"#[^\n]*", "", text[end + 1:])
    if SOLUTION_MODIFIERS.search(tail):
        return None
    return text.rstrip() + "\n" + " ".join(
        part for part in (f"LIMIT {limit}" if limit is not None else "", f"OFFSET {offset}" if offset else "") if part)


def query_remote(
    name_or_path: str | Path | SavedQuery,
    endpoint: str,
    params: Mapping[str, str] | None = None,
    timeout: float | None = None,
    warn: Callable[[str], None] | None = None,
) -> Result:
    """Run a saved query on a store's SPARQL 1.1 Protocol query endpoint (Oxigraph's
    ``/query``), over the union of its named graphs as the local backends do (the request asks
    for it with Oxigraph's ``union-default-graph`` parameter), and return the rows as
    :func:`run_query` does. Parameters are names as users write them (:func:`resolve_names`,
    looked up in the store), bound through a VALUES block of RDF terms. A SPARQL Update is never
    sent."""
    from isisgraph.push import DEFAULT_TIMEOUT, query_endpoint

    saved = name_or_path if isinstance(name_or_path, SavedQuery) else find_query(name_or_path)
    if is_update(saved.text):
        raise QueryError(f"{saved.path}: is a SPARQL Update; isisgraph never sends an update to an endpoint")
    prepare(saved.text, str(saved.path))  # syntax errors with file, line and column, before any request
    if saved.params and params:
        params = resolve_names(saved, params, endpoint, warn)
    text, bindings = bind(saved.text, params)
    answer = query_endpoint(endpoint, text, bindings, timeout=timeout or DEFAULT_TIMEOUT)
    if answer.type == "ASK":
        return Result(["ask"], [(bool(answer.askAnswer),)], saved)
    columns = [str(v) for v in answer.vars or []]
    rows = [row_values([python_value(solution[i]) for i in range(len(columns))], saved, columns)
            for solution in answer]
    return Result(columns, rows, saved)


def graph_names(dataset: Any) -> list[str]:
    """The IRIs of the named graphs of a loaded rdflib Dataset or pyoxigraph Store."""
    if isinstance(dataset, Dataset):
        return [str(graph.identifier) for graph in dataset.graphs()]
    return [graph.value for graph in dataset.named_graphs()]


def row_values(values: list[Any], saved: SavedQuery, columns: list[str]) -> tuple[Any, ...]:
    for index, column in enumerate(columns):
        if column in saved.lists:
            values[index] = sort_list_cell(values[index])
    return tuple(values)


def rdflib_answer(dataset: Dataset, prepared: Any, terms: Mapping[Variable, Identifier],
                  saved: SavedQuery) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Columns and rows from rdflib's engine, each SELECT row as it is found (rdflib's own
    Result keeps every row it has given out)."""
    from rdflib.plugins.sparql.evaluate import evalQuery

    dataset.default_union = True
    answer = evalQuery(dataset, prepared, dict(terms))
    kind = answer.get("type_")
    if kind == "ASK":
        return ["answer"], iter([(bool(answer["askAnswer"]),)])
    if kind in ("CONSTRUCT", "DESCRIBE"):
        return triple_rows(answer["graph"])
    variables = list(answer.get("vars_") or [])
    columns = [str(v) for v in variables]

    def rows() -> Iterator[tuple[Any, ...]]:
        for solution in answer["bindings"]:
            if solution:  # as rdflib's Result: a solution binding nothing is no row
                yield row_values([python_value(solution.get(v)) for v in variables], saved, columns)

    return columns, rows()


def triple_rows(graph: Any) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    rows = sorted((python_value(s), python_value(p), python_value(o)) for s, p, o in graph)
    return ["subject", "predicate", "object"], iter(rows)


def oxigraph_answer(store: Any, text: str, prepared: Any, bindings: Mapping[str, Identifier], saved: SavedQuery,
                    has_dataset: bool, source: str = "<query>") -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Columns and rows from Oxigraph, each SELECT row as it is found. The default graph is
    the union of the graphs, unless the query names its own (FROM): then those, as in rdflib.
    ``prepared`` is rdflib's parse of ``text``, or None for a :func:`plain_query` (its columns
    are then Oxigraph's, which are those of its projection)."""
    from isisgraph.store import with_values

    try:
        answer = store.query(with_values(text, bindings), use_default_graph_as_union=not has_dataset)
    except SyntaxError as exc:
        if prepared is None:
            prepare(text, source)  # the error with file, line and column, as for any backend
        raise InputError(f"the query is not valid SPARQL ({' '.join(str(exc).split())})") from exc
    if isinstance(answer, ox.QueryBoolean):
        return ["answer"], iter([(bool(answer),)])
    if isinstance(answer, ox.QueryTriples):
        return triple_rows((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)) for t in answer)
    names = [v.value for v in answer.variables]
    projected = [str(v) for v in prepared.algebra.get("PV") or []] if prepared is not None else names
    columns = projected if set(projected) == set(names) else names  # SELECT *: rdflib's column order

    def rows() -> Iterator[tuple[Any, ...]]:
        for solution in answer:
            values = [oxigraph_value(solution[name]) for name in columns]
            if any(value is not None for value in values):
                yield row_values(values, saved, columns)

    return columns, rows()


def prepare_update(text: str, source: str) -> Any:
    from rdflib.plugins.sparql import prepareUpdate

    try:
        return prepareUpdate(text)
    except Exception as exc:
        raise parse_error(exc, text, source) from exc


def run_update(text: str, source: str, dataset: Any, prepared: Any,
               terms: Mapping[Variable, Identifier]) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Apply an allowed SPARQL Update in memory (the graph file is not rewritten); one row:
    the quads before and after."""
    before = len(dataset)
    try:
        if isinstance(dataset, Dataset):
            dataset.update(prepared, initBindings=dict(terms))
        else:
            dataset.update(with_values_update(text, terms))
    except QueryError:
        raise
    except Exception as exc:
        raise QueryError(f"{source}: the update failed: {' '.join(str(exc).split())}") from exc
    return ["quads before", "quads after"], iter([(before, len(dataset))])


def with_values_update(text: str, bindings: Mapping[Any, Identifier]) -> str:
    if bindings:
        raise QueryError("parameters of a SPARQL Update can only be bound on the rdflib backend")
    return text


# ---------------------------------------------------------------------- formatting


def short_iri(value: str) -> str:
    """``https://w3id.org/isisgraph/id/actor/isis`` → ``actor/isis``; ``ig:`` for ontology terms."""
    if value.startswith(str(ID)):
        return value[len(str(ID)):]
    if value.startswith(str(IG._NS)):
        return "ig:" + value[len(str(IG._NS)):]
    return value


def cell_text(value: Any, compact: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Decimal):
        text = format(value.normalize(), "f")
        return text
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    text = str(value)
    if compact and text.startswith(("http://", "https://")):
        return short_iri(text)
    return text


def json_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    return value


def truncate(text: str, width: int) -> str:
    """The cell in at most ``width`` characters; a cell without spaces (a node id such as
    strike-report/ARTICLE/KEY, an address) is kept whole, so it can be pasted into explain."""
    text = " ".join(text.split())
    if len(text) <= width or " " not in text:
        return text
    return text[: width - 1] + "…"


# A table's column widths come from its first rows; later rows are printed as they come, in
# those widths (a longer cell pushes its line out), so a long answer is never held whole.
TABLE_WIDTH_ROWS = 1000


def table_lines(columns: Sequence[str], rows: Iterable[Sequence[str]], max_width: int = 60) -> Iterator[str]:
    rows = iter(rows)
    first = [[truncate(printable(c), max_width) for c in row] for row in islice(rows, TABLE_WIDTH_ROWS)]
    widths = [max([len(col)] + [len(row[i]) for row in first]) for i, col in enumerate(columns)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip() + "\n"

    yield line(columns)
    yield "  ".join("-" * w for w in widths) + "\n"
    for cells in first:
        yield line(cells)
    for row in rows:
        yield line([truncate(printable(c), max_width) for c in row])


def format_table(columns: Sequence[str], rows: Sequence[Sequence[str]], max_width: int = 60) -> str:
    return "".join(table_lines(columns, rows, max_width))


def md_lines(columns: Sequence[str], rows: Iterable[Sequence[str]]) -> Iterator[str]:
    def esc(text: str) -> str:
        return " ".join(printable(text).split()).replace("|", "\\|")

    yield "| " + " | ".join(esc(c) for c in columns) + " |\n"
    yield "|" + "|".join("---" for _ in columns) + "|\n"
    for row in rows:
        yield "| " + " | ".join(esc(c) for c in row) + " |\n"


def format_md(columns: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    return "".join(md_lines(columns, rows))


def csv_lines(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """CSV with full IRIs and text; a cell a spreadsheet would run as a formula is quoted as
    text (:func:`isisgraph.hygiene.spreadsheet_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_cell(cell_text(v, compact=False)) for v in row])
        if buffer.tell() > 1 << 16:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


# json.dumps escapes C0 controls but leaves DEL and C1 (U+0080-U+009F), which some terminals obey
C1 = re.compile("[\x7f-\x9f]")


def json_lines(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> Iterator[str]:
    """The text ``json.dumps({"columns": ..., "rows": [...]}, indent=2)`` gives, a row at a time."""

    def dumps(value: Any, indent: str) -> str:
        text = json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n" + indent)
        return C1.sub(lambda match: f"\\u{ord(match.group()):04x}", text)

    yield '{\n  "columns": ' + dumps(list(columns), "  ") + ',\n  "rows": ['
    empty = True
    for row in rows:
        record = {column: json_value(value) for column, value in zip(columns, row, strict=True)}
        yield ("\n    " if empty else ",\n    ") + dumps(record, "    ")
        empty = False
    yield "]\n}\n" if empty else "\n  ]\n}\n"


def result_lines(columns: Sequence[str], rows: Iterable[Sequence[Any]], fmt: str = "table") -> Iterator[str]:
    """The answer as an aligned text table, CSV, JSON ({"columns", "rows"}) or Markdown, as
    pieces of text produced while the rows are read (:func:`stream_query`).

    Table and Markdown shorten IRIs under the id base to ``kind/slug`` (the form ``--param``
    accepts) and write control characters as visible escapes; CSV and JSON keep full IRIs and
    full text.
    """
    if fmt == "json":
        return json_lines(columns, rows)
    if fmt == "csv":
        return csv_lines(columns, rows)
    compact = ([cell_text(v, compact=True) for v in row] for row in rows)
    if fmt == "md":
        return md_lines(columns, compact)
    if fmt == "table":
        return table_lines(columns, compact)
    raise ParamError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


def format_result(result: Result, fmt: str = "table") -> str:
    """The whole result as text in ``fmt`` (see :func:`result_lines`)."""
    return "".join(result_lines(result.columns, result.rows, fmt))
