"""Reports of one event become one event; a control change of several places, one per place.

Each merge step appends its id to the record it keeps (``events.attack+events.merge.sentence``),
so that the graph says which reports were joined and by which rule. The steps that pair
reports told in different sentences by how they refer back are in ``events.continuation``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from isisgraph.closed_class import ANAPHORIC_DETERMINERS
from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.context import Context
from isisgraph.records import When

# How specific a kind is, for merging two reports of one event (higher wins).
SPECIFICITY = {"Killing": 1, "Attack": 2, "Clash": 2, "Bombing": 3, "Ambush": 3, "Assassination": 3,
               "Abduction": 3, "SuicideAttack": 4}

# How many days before the publication a dated report may be, to be the article's news that
# an undated report of it retells (``_retold_undated``).
NEWS_DAYS = 7

SENTENCE = "events.merge.sentence"
ARTICLE = "events.merge.article"
KILLING_IN_FIGHTING = "events.merge.killing-in-fighting"
LEAD = "events.merge.lead"
# How many sentences after an unplaced, undated lead its definite retelling may come
LEAD_SENTENCES = 2


def compatible_dates(a: When | None, b: When | None) -> bool:
    if a is None or b is None or a.start is None or b.start is None:
        return True
    a_end, b_end = a.end or a.start, b.end or b.start
    return a.start <= b_end and b.start <= a_end


def conflict(a: Candidate, b: Candidate, ctx: Context, loosely: bool = False) -> bool:
    """Whether two reports cannot be one event: places apart, dates apart, other gainers,
    other perpetrators, one's perpetrator the other's target, other counts. ``loosely``, the
    places are not compared: a headline's "near Kirkuk" may be the body's "Daquq district"."""
    if not loosely and a.locations and b.locations and not any(
        ctx.ref.within(x, y) or ctx.ref.within(y, x) for x in a.locations for y in b.locations
    ):
        return True
    if not compatible_dates(a.when, b.when):
        return True
    if a.gained and b.gained and not set(a.gained) & set(b.gained):
        return True
    # "repelled an ISIS attack ..., killing six militants": two sides, two events.
    if a.perpetrators and b.perpetrators and not set(a.perpetrators) & set(b.perpetrators):
        return True
    if set(a.perpetrators) & set(b.target_actors) or set(b.perpetrators) & set(a.target_actors):
        return True
    for mine, theirs in ((a.killed, b.killed), (a.arrested, b.arrested)):
        if mine is not None and theirs is not None and mine.value != theirs.value:
            return True
    return False


def dates_agree(a: Candidate, b: Candidate) -> bool:
    """Compatible dates, where a declaration's date ("declared victory in Raqqa on Friday",
    ``Candidate.declared``) is only the latest the change can have happened: "Raqqa was seized
    from Daesh on October 17" is the change declared on Friday, October 20."""
    for declared, other in ((a, b), (b, a)):
        if declared.declared and not other.declared:
            d, o = declared.when, other.when
            if d is None or o is None or d.start is None or o.start is None:
                return True
            return o.start <= (d.end or d.start)
    for told, other in ((a, b), (b, a)):
        # an undated change told in a dated report happened on or before the report's day:
        # "Syria's army announced on November 9 it had ousted Daesh from the town" is not the
        # town's retaking of Sunday, November 19 (AFP 2017)
        r, o = told.reported, other.when
        if (told.when is None or told.when.start is None) and r is not None and r.start is not None \
                and o is not None and o.start is not None:
            return o.start <= (r.end or r.start)
    return compatible_dates(a.when, b.when)


def _better_when(a: When | None, b: When | None) -> When | None:
    if a is None or a.start is None:
        return b if b is not None else a
    if b is None or b.start is None:
        return a
    width_a = ((a.end or a.start) - a.start).days
    width_b = ((b.end or b.start) - b.start).days
    return b if width_b < width_a else a


def absorb(keep: Candidate, other: Candidate, same_span: bool, step: str) -> None:
    """Fold ``other`` into ``keep``: roles, places (unless only inherited from the sentences
    before), counts, date; the more specific type, with the rule that found it."""
    if _killing_in_fighting(keep, other):
        # a clash's sides are both sides: who killed is the killing's own killer, else the
        # side of the clash that is not among its victims ("militants were killed in clashes
        # with the army")
        killing, clash = (keep, other) if keep.kind == "Killing" else (other, keep)
        killers = list(killing.perpetrators) or (
            [a for a in clash.perpetrators if a not in killing.target_actors]
            if killing.target_actors else [])
        keep.perpetrators, other.perpetrators = killers, []
        keep.step(KILLING_IN_FIGHTING)
    # a clash lists both its sides as perpetrators; a report of one side harming the other
    # ("the paramilitary fighters killed two IS militants" after they "clashed with IS
    # militants", Xinhua 2018; the same form in "clashed with Daesh ..., killing three
    # officers", Kayhan 2021, whose victims name no actor) says who was harmed: its victims
    # are the target, not a perpetrator of the merged event
    kinds = {keep.kind, other.kind}
    harmed = list((other if keep.kind == "Clash" else keep).target_actors) \
        if len(kinds) == 2 and "Clash" in kinds else []
    if _outranks(other, keep):
        keep.kind, keep.trigger, keep.rule = other.kind, other.trigger, other.rule
    for role in ("perpetrators", "target_actors", "gained", "lost"):
        keep.add(getattr(keep, role), getattr(other, role))
    if keep.kind == "Clash" and harmed:
        keep.perpetrators = [a for a in keep.perpetrators if a not in harmed]
    keep.lost = [a for a in keep.lost if a not in keep.gained]
    keep.target_actors = [a for a in keep.target_actors if a not in keep.perpetrators]
    for iri in [] if other.places_inherited else other.locations:
        if iri not in keep.locations:
            keep.locations.append(iri)
            keep.location_tokens[iri] = other.location_tokens.get(iri, [])
    if keep.declared and not other.declared and other.when is not None and other.when.start is not None:
        keep.when, keep.declared = other.when, False  # the day of the change, not of its declaration
    elif not (other.declared and not keep.declared):
        keep.when = _better_when(keep.when, other.when)
    keep.operation = keep.operation or other.operation
    for count in ("killed", "wounded", "arrested", "surrendered"):
        if getattr(keep, count) is None:
            setattr(keep, count, getattr(other, count))
    keep.zero_killed = keep.zero_killed or other.zero_killed
    keep.victims = keep.victims | other.victims
    keep.zero_wounded = keep.zero_wounded or other.zero_wounded
    keep.named_actor = keep.named_actor or other.named_actor
    if same_span:
        keep.evidence |= other.evidence
    keep.merged = True
    keep.step(step)
    other.step(step)  # its evidence, kept as one more report of the event, says how it joined
    other.dropped = True
    other.merged_into = keep


def _killing_in_fighting(a: Candidate, b: Candidate) -> bool:
    """Rule ``events.merge.killing-in-fighting``: a killing told with fighting that names
    fewer than its two sides ("were killed in clashes with the militants", "killed by a sniper
    while covering the clashes", "the resulting fighting killed 105 people") is the killing,
    the toll the text reports, as the guideline codes the deaths of a battle (an AP article of
    2016 on Kirkuk, an AFP article of 2023 on Hasakah, a Syriacpress article of 2020 on a raid
    in Busayrah). Clashes between two named sides stay the clash, its toll a count of it
    ("violent clashes between the two parties ... left 20 dead", AFP 2020)."""
    if {a.kind, b.kind} != {"Killing", "Clash"}:
        return False
    clash = a if a.kind == "Clash" else b
    return len(clash.perpetrators) < 2


def _outranks(other: Candidate, keep: Candidate) -> bool:
    """Whether ``other``'s type is the one a merge of the two keeps: the killing of
    ``_killing_in_fighting``, else the more specific type."""
    if _killing_in_fighting(keep, other):
        return other.kind == "Killing"
    return SPECIFICITY.get(other.kind, 0) > SPECIFICITY.get(keep.kind, 0)


def merge_within_sentences(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.merge.sentence``: reports of one event in one sentence become one event of
    the most specific type — two of the same type, or an attack or killing related to another
    of the attack family (a claimed attack and its description; "ambushing and killing truck
    drivers"; "killing 300 people in a mosque attack") — unless they conflict."""
    in_sentence: dict[int, list[Candidate]] = {}  # sentence start -> its live candidates
    for cand in cands:
        if not cand.dropped:
            in_sentence.setdefault(cand.sent.start, []).append(cand)
    for same_sentence in in_sentence.values():
        _merge_in_sentence(same_sentence, ctx)


def _merge_in_sentence(live: list[Candidate], ctx: Context) -> None:
    """merge_within_sentences for the candidates of one sentence, in their order."""
    for i, a in enumerate(live):
        if a.dropped:
            continue
        for b in live[i + 1:]:
            if b.dropped:
                continue
            if a.kind == b.kind == "ControlChange" and bool(a.locations) != bool(b.locations):
                # "Baghouz village had been fully liberated, SDF made victory against ISIS":
                # a victory of no place names the sides of the change its sentence reports
                placed, unplaced = (a, b) if a.locations else (b, a)
                if not sides_conflict(placed, unplaced):
                    absorb(placed, unplaced, same_span=True, step=SENTENCE)
                    if unplaced is a:
                        break
                continue
            kinds = {a.kind, b.kind}
            # a general report (an attack, a killing) folds into one specific one
            attackish = kinds <= (ATTACK_KINDS | {"Killing", "Clash"}) and bool(
                kinds & {"Attack", "Killing"}) and len(kinds - {"Attack", "Killing"}) <= 1
            same = a.kind == b.kind and a.kind != "ControlChange"
            if not (same or (attackish and _related(a, b))):
                continue
            if a.kind == b.kind and a.kind in ("Killing", "Arrest") and not _related(a, b):
                continue
            if conflict(a, b, ctx) or _dated_apart(a, b) or _dated_apart(b, a):
                continue
            absorb(a, b, same_span=True, step=SENTENCE)


def _dated_apart(inner: Candidate, outer: Candidate) -> bool:
    """ "IS staged a new attack on the town of Kobani, which resisted a months-long assault
    ... before driving them out in January", "the attack, the deadliest since a bombing in
    Karrada in July 2016, killed 30": a dated report in a relative clause on another noun than
    the undated one's trigger, or after "since", is an event of its own time, not the undated
    one's date (one article of the unseen set; the comparison with "since" is the same form)."""
    if inner.when is None or inner.when.start is None or (
            outer.when is not None and outer.when.start is not None):
        return False
    head = outer.trigger.head
    for token in [inner.trigger.head, *inner.trigger.head.ancestors]:
        if token == head:
            return False
        if token.dep_ == "relcl" and token.head != head:
            return True
        if token.dep_ == "prep" and token.lower_ == "since":
            return True
    return False


def _related(a: Candidate, b: Candidate) -> bool:
    """Two triggers of one clause: one governs the other, they are coordinated, or they share
    a clause head."""
    ha, hb = a.trigger.head, b.trigger.head
    if ha in hb.ancestors or hb in ha.ancestors:
        return True
    return ha.head == hb.head or (ha.dep_ == "conj" and ha.head == hb) or (
        hb.dep_ == "conj" and hb.head == ha)


def merge_leads(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.merge.lead``: a report of the attack family told with neither date nor
    place (a lead: "At least 16 Iraqi police officers have been killed in an attack by Daesh
    terrorist group on a security checkpoint in the country's north"), which the tally filter
    would drop with the sides and toll it names, takes the date and place of the definite noun
    that tells it again in the two sentences after ("The twin attack on Sunday, in the al-Rashad
    region south of Kirkuk city, took place just after midnight": Kayhan 2021), when their
    sides and counts agree: one event, with the sides of both reports. Run before the
    article-wide merge, while each report still has its own trigger."""
    live = sorted((c for c in cands if not c.dropped), key=lambda c: c.trigger.head.i)
    for lead in live:
        if lead.dropped or not _bare_lead(lead) or ctx.in_heading(lead.trigger.head):
            continue
        end = ctx.sentence_end_after(lead.sent, LEAD_SENTENCES)
        later = [c for c in live if not c.dropped and c is not lead
                 and lead.sent.end <= c.trigger.head.i < end and definite(c)
                 and (c.locations and not c.places_inherited or c.when is not None and c.when.start is not None)
                 and same_family(lead, c) and not sides_conflict(lead, c)
                 and not conflict(lead, c, ctx)]
        if later:
            absorb(lead, later[0], same_span=False, step=LEAD)


def _bare_lead(cand: Candidate) -> bool:
    """An attack or killing with sides or a toll, but no date, place or named victim."""
    return (cand.kind in ATTACK_KINDS or cand.kind == "Killing") \
        and (cand.when is None or cand.when.start is None) and not cand.locations \
        and not cand.victims and bool(cand.perpetrators or cand.target_actors or cand.killed)


def merge_across_article(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.merge.article``: control changes of the same place with compatible dates
    and sides, and other reports of one occurrence (``_same_occurrence``), are one event, kept
    as its best-dated report."""
    live = sorted((c for c in cands if not c.dropped), key=_report_quality, reverse=True)
    for i, a in enumerate(live):
        if a.dropped:
            continue
        for b in live[i + 1:]:
            if b.dropped or (a.kind != b.kind and not {a.kind, b.kind} <= ATTACK_KINDS):
                continue
            if a.kind == "ControlChange":
                same_place = bool(set(a.locations) & set(b.locations))
                swapped = set(a.gained) & set(b.lost) or set(a.lost) & set(b.gained)
                other_gainer = a.gained and b.gained and not set(a.gained) & set(b.gained)
                sides_ok = not (swapped or other_gainer)
                if same_place and sides_ok and dates_agree(a, b):
                    absorb(a, b, same_span=False, step=ARTICLE)
            elif _same_occurrence(a, b, ctx) and not conflict(a, b, ctx):
                absorb(a, b, same_span=False, step=ARTICLE)


def _same_occurrence(a: Candidate, b: Candidate, ctx: Context) -> bool:
    """Two reports (not of control) that the article gives as one occurrence: of one type, or
    attacks of the attack family ("an attack by Daesh terrorists in Kirkuk province" and "an
    intelligence unit ... was ambushed ... in the Zgaytun Valley"), on one day, one's place
    the other's or inside it; or of one type and count, undated and in the same places (the
    lead retold: "the SDF said they arrested four ISIS militants in Raqqa" and "two security
    operations in Raqqa city, resulting in the arrest of four ISIS terrorists"), or undated at
    nested places by the same side on the same target (or a target one of them leaves open:
    "A violent ISIS attack on the outskirts of Diyala" and "more than ten terrorists attacked
    an army headquarters, west of al-Azim district"); killings of the same named person."""
    if a.kind == b.kind and a.victims & b.victims:
        return True  # "James Foley was savagely murdered", "the brutal murder of James Foley"
    if not (a.locations and b.locations):
        return False
    kinds = {a.kind, b.kind}
    if a.kind == b.kind or kinds <= ATTACK_KINDS:
        dated = [c.when for c in (a, b) if c.when is not None and c.when.start is not None]
        if len(dated) == 2:
            nested = all(any(ctx.ref.within(x, y) or ctx.ref.within(y, x) for y in b.locations)
                         for x in a.locations)
            return nested and dated[0].start == dated[1].start
    undated = all(c.when is None or c.when.start is None for c in (a, b))
    nested = all(any(ctx.ref.within(x, y) or ctx.ref.within(y, x) for y in b.locations)
                 for x in a.locations)
    if _retold_undated(a, b, ctx):
        return True
    targets_agree = not (a.target_actors and b.target_actors) \
        or bool(set(a.target_actors) & set(b.target_actors))
    if a.kind == b.kind and undated and nested and set(a.perpetrators) & set(b.perpetrators) \
            and (a.target_actors or b.target_actors) and targets_agree:
        # "the leader of the Islamic State group was killed ... during an overnight raid carried
        # out by United States special forces in northwestern Syria" and "al-Qurayshi ... died
        # during U.S. special forces air raid in Atmeh, Syria"
        return True
    if a.kind != b.kind or set(a.locations) != set(b.locations):
        return False
    counts = [(c.killed, c.arrested) for c in (a, b)]
    counted = any(x is not None for pair in counts for x in pair)
    same = all((x is None) == (y is None) and (x is None or x.value == y.value)
               for x, y in zip(counts[0], counts[1], strict=True))
    return undated and counted and same


def _retold_undated(a: Candidate, b: Candidate, ctx: Context) -> bool:
    """Rule ``events.merge.article`` (a dated report and an undated one): the same occurrence
    told once with its day and once without — the lead's undated "a suicide bombing that ripped
    through a busy market in the Iraqi capital" and the body's "a suicide bomber ... detonated
    his explosive belt ... in Sadr City ... on Monday" — is one event when both are of one type
    (or of the attack family) and every place of the undated one is a place of the dated one,
    inside it or around it, and not only a country. (Sides, counts and dates that conflict are
    checked by the caller.)"""
    dated = [c for c in (a, b) if c.when is not None and c.when.start is not None]
    if len(dated) != 1 or not (a.kind == b.kind or {a.kind, b.kind} <= ATTACK_KINDS):
        return False
    known = dated[0]
    bare = b if known is a else a
    if all(ctx.ref.is_a(x, "Country") for x in bare.locations):
        return False  # "in northern Iraq, a spate of attacks, from abducting shepherds ...": too vague
    published, day = ctx.published, known.when.start
    if published is None or not 0 <= (published - day).days <= NEWS_DAYS:
        return False  # a dated report of the past is history, not the undated news
    if known.target_actors and bare.target_actors \
            and not set(known.target_actors) & set(bare.target_actors):
        return False
    return all(any(x == y or ctx.ref.within(x, y) or ctx.ref.within(y, x) for y in known.locations)
               for x in bare.locations)


def same_family(a: Candidate, b: Candidate) -> bool:
    family = ATTACK_KINDS | {"Killing", "Clash"}
    return a.kind == b.kind or ({a.kind, b.kind} <= family and "Killing" in {a.kind, b.kind}) \
        or {a.kind, b.kind} <= ATTACK_KINDS and "Attack" in {a.kind, b.kind}


def sides_conflict(a: Candidate, b: Candidate) -> bool:
    return bool(
        (a.perpetrators and b.perpetrators and not set(a.perpetrators) & set(b.perpetrators))
        or set(a.perpetrators) & set(b.target_actors)
        or set(b.perpetrators) & set(a.target_actors)
        or (a.gained and b.gained and not set(a.gained) & set(b.gained))
        or set(a.gained) & set(b.lost) or set(a.lost) & set(b.gained))


def definite(cand: Candidate) -> bool:
    """Whether ``cand``'s trigger is one attack noun with a definite determiner and no number
    ("the attack, which it said hit the army", "the Baiji assault"): the way a report names
    again the event it has told."""
    noun = cand.trigger.head
    if not cand.trigger.is_noun or noun.tag_ != "NN" or cand.kind not in ATTACK_KINDS:
        return False
    determiners = {c.lower_ for c in noun.children if c.dep_ in ("det", "predet")}
    return bool(determiners & ANAPHORIC_DETERMINERS) and not any(
        c.dep_ == "nummod" for c in noun.children)


def _report_quality(cand: Candidate) -> tuple[int, int, int]:
    dated = 1 if cand.when is not None and cand.when.start is not None else 0
    width = 0
    if dated and cand.when is not None and cand.when.start is not None:
        width = -((cand.when.end or cand.when.start) - cand.when.start).days
    return dated, width, -cand.trigger.head.i


def split_places(cand: Candidate, ctx: Context) -> list[Candidate]:
    """A control change of several coordinated places ("took Hawija, Mosul and Jalula") is one
    change per place; a place that only contains another one named with it ("Hawi al-Azim ...
    of Diyala") is dropped. Places a plural noun gathers ("the villages of A and B", "A and B
    villages", "the towns of A, B and C") stay one change of that set (``_set_noun``)."""
    specific = [p for p in cand.locations
                if not any(q != p and ctx.ref.within(q, p) for q in cand.locations)]
    if len(specific) <= 1:
        cand.locations = specific or cand.locations
        return [cand]
    keys: dict[str, int] = {}
    for n, place in enumerate(specific):
        tokens = cand.location_tokens.get(place, [])
        noun = _set_noun(tokens[0]) if tokens else None
        keys[place] = noun.i if noun is not None else -1 - n
    for place in specific:
        # "the Badia Desert in Deir Ezzor province": a place that locates another named with
        # it is where that one lies, not a second place taken
        tokens = cand.location_tokens.get(place, [])
        head = _located_on(tokens[0]) if tokens else None
        for other in specific:
            if head is not None and other != place and (
                    head.i == keys[other]
                    or any(_name_head(t).i == head.i for t in cand.location_tokens.get(other, []))):
                keys[place] = keys[other]
    groups: dict[int, list[str]] = {}
    for place in specific:
        groups.setdefault(keys[place], []).append(place)
    if len(groups) == 1:
        cand.locations = specific
        return [cand]
    out = []
    for places in groups.values():
        # each part owns its role lists: a later merge into one part must not change another
        part = replace(cand, locations=list(places), location_tokens={
            place: list(cand.location_tokens.get(place, [])) for place in places},
            evidence=set(cand.evidence),
            perpetrators=list(cand.perpetrators), target_actors=list(cand.target_actors),
            gained=list(cand.gained), lost=list(cand.lost))
        others = {t.i for p in specific if p not in places for t in cand.location_tokens.get(p, [])}
        part.evidence = {i for i in cand.evidence if i not in others}
        out.append(part)
    return out


def _name_head(token: Token) -> Token:
    """The last word of the name ``token`` is in ("Deir" of "Deir Ezzor province")."""
    name = token
    while name.dep_ in ("compound", "flat") and name.head != name and name.head.pos_ in ("PROPN", "NOUN"):
        name = name.head
    return name


def _located_on(token: Token) -> Token | None:
    """The word a place name is "in" the phrase of: "the entire Badia Desert in Deir Ezzor
    province" (Inside Syria 2018), "the villages of Abdullah al-Abidi and Sabiha al-Badou in
    Badiya region" (Press TV 2017)."""
    name = _name_head(token)
    if name.dep_ == "pobj" and name.head.lower_ == "in" and name.head.dep_ == "prep":
        return name.head.head
    return None


def _set_noun(token: Token) -> Token | None:
    """The plural common noun that gathers a coordinated place name into one set: "the
    villages of Sheikhan and Sheikhanah", "Sheikhan and Sheikhanah villages" (Press TV 2017, a
    list the gold codes as one change), "the western towns of Annah, Rawa and Qaem"; None for a
    name of its own ("captured Tal Abyad ... and the town of Ein Issa", AP 2015: two)."""
    name = token
    while name.dep_ in ("compound", "flat") and name.head.pos_ == "PROPN" and name.head != name:
        name = name.head
    while name.dep_ == "conj" and name.head != name:
        name = name.head
    head = name.head
    if name.dep_ == "pobj" and head.lower_ == "of" and head.head.tag_ == "NNS":
        return head.head
    if name.dep_ in ("compound", "nmod", "amod") and head.tag_ == "NNS":
        return head
    return None
