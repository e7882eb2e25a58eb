"""A seeded, reproducible corpus of synthetic articles in the genre isisgraph reads.

Each article is assembled from templates written for this benchmark (release-style strike
reports, wire-style control changes, attacks, reported speech and figures) and filled with
the actors, places, operations and target types of the project's own reference data
(``isisgraph.reference.load()``), with publication dates, relative and absolute dates and
numbers, so that every article gives every extractor something to do. Nothing is copied
from the seed articles.

The same seed and size always give the same bytes: every choice goes through one
``random.Random(seed)``, and every list drawn from is sorted first (set and dict order of
the reference data depends on the interpreter's string hashing).

    python benchmarks/generate.py --size 1000 --seed 7 -o benchmarks/corpus/bench-1000.jsonl
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from isisgraph import reference

FIRST_DAY = dt.date(2014, 8, 8)  # the first coalition strikes in Iraq
LAST_DAY = dt.date(2024, 12, 31)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                "nineteen", "twenty")
GIVEN_NAMES = ("Ahmed", "Karim", "Saad", "Haidar", "Yasser", "Omar", "Tariq", "Nabil", "Jamal", "Hussein",
               "Michael", "David", "Thomas", "Robert", "Daniel", "Mark", "Steven", "Andrew", "Paul", "James")
SURNAMES = ("al-Jubouri", "al-Obeidi", "Rasheed", "al-Hamdani", "Kareem", "al-Zubaidi", "Mahmoud",
            "al-Tamimi", "Jassim", "al-Azzawi", "Harrison", "Caldwell", "Morgan", "Whitaker", "Fenwick",
            "Lawson", "Brennan", "Holloway", "Pruitt", "Sterling")
RANKS = ("Col.", "Maj.", "Brig. Gen.", "Maj. Gen.", "Lt. Gen.", "Capt.", "Lt. Col.")
PUBLISHERS = ("Coalition Press Desk", "Gulf Wire Service", "Tigris Daily", "Levant Monitor", "Frontline Report",
              "Euphrates Post", "Northern Iraq Bulletin", "Desert Dispatch")
ACTOR = "https://w3id.org/isisgraph/id/actor/"
# Who plays which part; the names come from the reference data (those missing are left out).
STRIKERS = ("cjtf-oir", "raf", "us-air-force", "french-armed-forces", "iraqi-air-force", "australian-defence-force",
            "jordanian-armed-forces", "canadian-armed-forces", "us-military", "russian-armed-forces",
            "turkish-armed-forces")
GROUND_FORCES = ("iraqi-army", "iraqi-cts", "isf", "peshmerga", "sdf", "ypg", "hashd-al-shaabi", "syrian-arab-army",
                 "sunni-tribal-fighters", "deir-ez-zor-military-council", "manbij-military-council",
                 "syrian-national-army", "kurdish-forces")
SOURCES = ("united-nations", "sohr", "security-media-cell", "centcom", "european-union",
           "kurdistan-region-security-council")
ADVERSARY = ACTOR + "isis"
ADVERSARY_NAMES = ("ISIS", "ISIS", "Islamic State", "Islamic State", "Daesh", "ISIL", "IS")
IRAQ = "https://w3id.org/isisgraph/id/place/iraq"
SYRIA = "https://w3id.org/isisgraph/id/place/syria"


@dataclass(frozen=True)
class Lexicon:
    """What the templates fill in, drawn from the reference data (each list sorted)."""

    strikers: tuple[str, ...]
    ground_forces: tuple[str, ...]
    adversary: tuple[str, ...]  # ways of naming ISIS
    towns: dict[str, tuple[str, ...]]  # country label -> towns and villages
    provinces: dict[str, tuple[str, ...]]
    operations: tuple[str, ...]
    targets: tuple[tuple[str, str], ...]  # (singular, plural) of target-type labels
    sources: tuple[str, ...]  # organisations that report and claim


def _plural(noun: str) -> str:
    if noun.endswith("s") or noun.endswith("infrastructure"):
        return noun
    if noun.endswith(("x", "ch", "sh")):
        return noun + "es"
    return noun + "s"


def indefinite(phrase: str) -> str:
    """``a`` or ``an`` before ``phrase`` (by its first letter: good enough for these names)."""
    return ("an " if phrase[:1].lower() in "aeiou" else "a ") + phrase


def build_lexicon() -> Lexicon:
    """Labels from ``ontology/`` for every role a template has."""
    ref = reference.load()

    def labels_of(iri: str) -> list[str]:
        pref = ref.labels.get(iri)
        names = [pref] if pref else []
        names += [a for a in ref.aliases.get(iri, []) if a != pref and not a.lower().startswith("the ")
                  and "(" not in a and len(a) > 3]
        return names[:3]

    def names(slugs: tuple[str, ...], per_actor: int) -> tuple[str, ...]:
        return tuple(sorted({n for slug in slugs if ACTOR + slug in ref.aliases
                             for n in labels_of(ACTOR + slug)[:per_actor]}))

    adversary = tuple(n for n in ADVERSARY_NAMES if n in ref.aliases.get(ADVERSARY, ()))
    towns: dict[str, list[str]] = {"Iraq": [], "Syria": []}
    provinces: dict[str, list[str]] = {"Iraq": [], "Syria": []}
    for iri in sorted(ref.aliases):
        if ref.kind(iri) != "place":
            continue
        country = {IRAQ: "Iraq", SYRIA: "Syria"}.get(ref.country_of(iri) or "")
        if country is None or iri in (IRAQ, SYRIA):
            continue
        label = ref.labels.get(iri)
        if not label or "(" in label:  # "al-Riyadh (Kirkuk)": a disambiguated label, not how articles write it
            continue
        if ref.is_a(iri, "City") or ref.is_a(iri, "Village"):
            towns[country].append(label)
        elif ref.is_a(iri, "Province"):
            provinces[country].append(label)
    operations = sorted(ref.labels[iri] for iri in ref.aliases
                        if ref.kind(iri) == "operation" and iri in ref.labels)
    targets = tuple(sorted((c.pref_label, _plural(c.pref_label)) for c in ref.scheme("target-type").values()
                           if c.slug not in ("fighters", "tactical-unit")))
    return Lexicon(names(STRIKERS, 2), names(GROUND_FORCES, 2), adversary or ("ISIS",),
                   {k: tuple(sorted(v)) for k, v in towns.items()},
                   {k: tuple(sorted(v)) for k, v in provinces.items()},
                   tuple(operations), targets, names(SOURCES, 1))


# ---------------------------------------------------------------------------- one article


class Writer:
    """Fills templates for one article, whose publication date anchors every relative date."""

    def __init__(self, rng: random.Random, lex: Lexicon, published: dt.date) -> None:
        self.rng, self.lex, self.published = rng, lex, published
        self.country = rng.choice(("Iraq", "Syria"))

    # -- choices
    def pick(self, items: tuple[str, ...] | list[str]) -> str:
        return self.rng.choice(items)

    def town(self, country: str | None = None) -> str:
        return self.pick(self.lex.towns[country or self.country])

    def province(self) -> str:
        return self.pick(self.lex.provinces[self.country])

    def isis(self) -> str:
        return self.pick(self.lex.adversary)

    def count(self, low: int = 1, high: int = 40) -> str:
        value = self.rng.randint(low, high)
        return NUMBER_WORDS[value] if value <= 10 and self.rng.random() < 0.6 else f"{value:,}"

    def person(self) -> str:
        return f"{self.pick(GIVEN_NAMES)} {self.pick(SURNAMES)}"

    def target(self) -> tuple[str, str]:
        singular, plural = self.rng.choice(self.lex.targets)
        quantity = self.rng.randint(1, 6)
        if quantity == 1:
            return indefinite(singular), singular
        return f"{NUMBER_WORDS[quantity]} {plural}", plural

    # -- dates, always before publication
    def day_before(self, most: int = 6) -> dt.date:
        return self.published - dt.timedelta(days=self.rng.randint(1, most))

    def weekday(self) -> str:
        return f"on {WEEKDAYS[self.day_before().weekday()]}"

    def on_date(self) -> str:
        day = self.day_before(20)
        return f"on {MONTHS[day.month - 1]} {day.day}"

    def period(self) -> str:
        end = self.day_before(4)
        start = end - dt.timedelta(days=self.rng.choice((3, 6, 13)))
        if start.month == end.month:
            return f"between {MONTHS[start.month - 1]} {start.day} and {end.day}"
        return f"from {MONTHS[start.month - 1]} {start.day} to {MONTHS[end.month - 1]} {end.day}"

    def when(self) -> str:
        return self.rng.choice((self.weekday, self.on_date, lambda: "last week", lambda: "over the weekend"))()

    # -- paragraphs
    def release_summary(self) -> str:
        striker = self.pick(self.lex.strikers)
        strikes = self.rng.randint(3, 60)
        engagements = strikes + self.rng.randint(0, 40)
        return (f"{striker} conducted {strikes} strikes consisting of {engagements} engagements against "
                f"{self.isis()} targets in Iraq and Syria {self.period()}, according to a statement released "
                f"{self.weekday()}.")

    def release_country(self) -> str:
        strikes = self.rng.randint(1, 30)
        return (f"In {self.country}, coalition military forces conducted {strikes} strikes consisting of "
                f"{strikes + self.rng.randint(0, 12)} engagements against {self.isis()} targets.")

    def release_town_line(self) -> str:
        strikes = self.count(1, 6)
        noun = "strike" if strikes in ("one", "1") else "strikes"
        first, _ = self.target()
        second, _ = self.target()
        return (f"Near {self.town()}, {strikes} {noun} engaged {indefinite(self.isis())} tactical unit and destroyed "
                f"{first} and {second}.")

    def wire_strikes(self) -> str:
        striker = self.pick(self.lex.strikers)
        target, _ = self.target()
        return (f"{striker} carried out {self.count(2, 30)} air strikes near {self.town()} {self.period()}, "
                f"hitting {target} used by {self.isis()} fighters.")

    def own_strike(self) -> str:
        striker = self.pick(self.lex.strikers)
        _, plural = self.target()
        return (f"{striker} said its aircraft struck {self.isis()} {plural} in {self.province()} "
                f"{self.on_date()}, killing {self.count(2, 15)} militants.")

    def control_change(self) -> str:
        force, town = self.pick(self.lex.ground_forces), self.town()
        verb = self.pick(("retook", "liberated", "recaptured", "regained control of", "cleared"))
        return (f"{force} {verb} the town of {town} from {self.isis()} {self.when()} after {self.count(2, 12)} "
                f"days of fighting, a military spokesman said.")

    def control_loss(self) -> str:
        town = self.town()
        return (f"{self.isis()} militants seized the village of {town} {self.when()}, forcing "
                f"{self.pick(self.lex.ground_forces)} to withdraw toward {self.town()}.")

    def attack(self) -> str:
        killed, wounded = self.count(2, 30), self.count(2, 40)
        kind = self.pick(("A suicide bomber", "A car bomb", "A roadside bomb", "Gunmen"))
        place = self.pick(("a checkpoint", "a market", "a mosque", "an army post", "a convoy"))
        return (f"{kind} killed {killed} people and wounded {wounded} others at {place} in {self.town()} "
                f"{self.when()}, police and medical sources said.")

    def ambush(self) -> str:
        force = self.pick(self.lex.ground_forces)
        return (f"{self.isis()} fighters ambushed a patrol of {force} near {self.town()} {self.when()}, "
                f"killing {self.count(2, 9)} soldiers.")

    def responsibility(self) -> str:
        return (f"{self.isis()} claimed responsibility for the bombing in a statement posted online "
                f"{self.weekday()}.")

    def arrest(self) -> str:
        force = self.pick(self.lex.ground_forces)
        return (f"{force} arrested {self.count(2, 25)} suspected {self.isis()} members in raids around "
                f"{self.town()} {self.when()}.")

    def quote(self) -> str:
        rank, name = self.pick(RANKS), self.person()
        org = self.pick(self.lex.strikers + self.lex.ground_forces)
        words = self.pick((
            f"{self.isis()} no longer holds any territory in this area",
            "the terrorists are on the run, and we will keep up the pressure",
            "our partners are clearing the last pockets of resistance",
            f"the threat from {self.isis()} remnants has not gone away",
            "we will not allow the group to regroup in the desert",
        ))
        channel = self.pick(("said in a statement", "told reporters", "wrote on Twitter", "said at a briefing"))
        speaker = f"{rank} {name}, a spokesman for {org}"
        return f"\u201c{words[0].upper()}{words[1:]},\u201d {speaker}, {channel} {self.weekday()}."

    def victory(self) -> str:
        return (f"{self.pick(self.lex.ground_forces)} declared victory over {self.isis()} in {self.town()} "
                f"{self.when()}.")

    def assessment(self) -> str:
        source = self.pick(self.lex.sources) if self.lex.sources else "officials"
        return (f"According to {source}, {self.isis()} still has between {self.count(1000, 3000)} and "
                f"{self.count(3000, 9000)} fighters in Iraq and Syria.")

    def troops(self) -> str:
        country = self.pick(("Iraq", "Syria"))
        return (f"About {self.count(200, 5200)} U.S. troops remain in {country} to advise and assist local "
                f"forces, officials said {self.weekday()}.")

    def territory(self) -> str:
        return (f"{self.pick(self.lex.ground_forces)} have liberated {self.count(20, 900)} square kilometers "
                f"of territory since {MONTHS[self.day_before(200).month - 1]}, a spokesman said.")

    def operation(self) -> str:
        return (f"The offensive is part of {self.pick(self.lex.operations)}, which {self.pick(self.lex.strikers)} "
                f"launched {self.when()} in {self.province()}.")

    def background(self) -> str:
        return self.pick((
            f"The area around {self.town()} has seen repeated attacks by sleeper cells in recent months.",
            f"Residents of {self.town()} said they had heard explosions through the night.",
            f"Security forces have stepped up patrols on the roads between {self.town()} and {self.town()}.",
            f"Aid groups estimate that thousands of families remain displaced in {self.province()}.",
        ))


# Each kind of article: a headline and the paragraph mix it draws from.
Paragraph = Callable[[Writer], str]
KINDS: dict[str, tuple[Callable[[Writer], str], tuple[Paragraph, ...], tuple[Paragraph, ...]]] = {
    "release": (
        lambda w: f"Coalition strikes continue against {w.isis()} in Iraq and Syria",
        (Writer.release_summary, Writer.release_country),
        (Writer.release_town_line, Writer.release_town_line, Writer.release_country, Writer.own_strike,
         Writer.quote, Writer.background),
    ),
    "control": (
        lambda w: f"Forces retake {w.town()} from {w.isis()}",
        (Writer.control_change,),
        (Writer.control_change, Writer.quote, Writer.victory, Writer.territory, Writer.operation,
         Writer.wire_strikes, Writer.control_loss, Writer.background),
    ),
    "attack": (
        lambda w: f"Deadly attack in {w.town()}",
        (Writer.attack,),
        (Writer.responsibility, Writer.ambush, Writer.attack, Writer.arrest, Writer.quote, Writer.background),
    ),
    "analysis": (
        lambda w: f"{w.isis()} remnants regroup as troops stay",
        (Writer.assessment,),
        (Writer.troops, Writer.quote, Writer.wire_strikes, Writer.ambush, Writer.territory, Writer.background,
         Writer.own_strike),
    ),
}


def write_article(rng: random.Random, lex: Lexicon, number: int) -> dict[str, str]:
    """One JSONL record: id, title, text, published, publisher, url, date_precision."""
    days = (LAST_DAY - FIRST_DAY).days
    published = FIRST_DAY + dt.timedelta(days=rng.randint(0, days))
    kind = rng.choice(sorted(KINDS))
    headline, opening, body = KINDS[kind]
    writer = Writer(rng, lex, published)
    title = headline(writer)
    paragraphs = [p(writer) for p in opening]
    for _ in range(rng.randint(5, 10)):
        paragraphs.append(rng.choice(body)(writer))
    dateline = f"{writer.pick(('BAGHDAD', 'ERBIL', 'BEIRUT', 'AMMAN', 'SOUTHWEST ASIA'))} \u2014 "
    text = title + "\n\n" + dateline + "\n\n".join(paragraphs) + "\n"
    article_id = f"bench-{number:06d}"
    return {
        "id": article_id,
        "title": title,
        "text": text,
        "published": published.isoformat(),
        "publisher": rng.choice(PUBLISHERS),
        "url": f"https://example.org/bench/{article_id}",
        "date_precision": "day",
    }


def generate(size: int, seed: int = 7) -> Iterator[dict[str, str]]:
    """``size`` articles; the first ``n`` of a larger corpus with the same seed are the same."""
    lex = build_lexicon()
    rng = random.Random(seed)
    for number in range(size):
        yield write_article(rng, lex, number)


def write_corpus(path: Path, size: int, seed: int = 7) -> Path:
    """Write the corpus as JSONL (one article per line) and return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    with tmp.open("w", encoding="utf-8") as handle:
        for record in generate(size, seed):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    tmp.replace(path)
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000, help="number of articles")
    parser.add_argument("--seed", type=int, default=7, help="random seed (same seed, same corpus)")
    parser.add_argument("-o", "--output", type=Path, required=True, help="the .jsonl file to write")
    args = parser.parse_args(argv)
    write_corpus(args.output, args.size, args.seed)
    print(f"wrote {args.size} articles to {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
