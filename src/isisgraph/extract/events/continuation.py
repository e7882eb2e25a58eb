"""Reports of one event told in different sentences that the place-and-date rule of
``events.merge`` cannot pair: a headline and its body, a continuation ("14 militants were
killed in the fighting"), a definite noun naming the attack again, fighting with no side
during an attack, and the toll of an event told before it (``merge_episodes``).

Each step appends its id to the record it keeps, as ``events.merge`` does.
"""

from __future__ import annotations

from spacy.tokens import Token

from isisgraph.extract.events.candidate import ATTACK_KINDS, Candidate
from isisgraph.extract.events.context import Context
from isisgraph.extract.events.filters import is_tally
from isisgraph.extract.events.merge import absorb, conflict, definite, same_family, sides_conflict
from isisgraph.extract.events.places import EVENT_WINDOW
from isisgraph.extract.syntax.factuality import habitual
from isisgraph.extract.syntax.units import sentence_of
from isisgraph.lexicons import lexicon

HEADLINE = "events.merge.headline"
CONTINUATION = "events.merge.continuation"
EPISODE = "events.merge.episode"
# How many sentences before its own an undated, unplaced toll looks for the event it tells.
EPISODE_SENTENCES = 2
DEFINITE = "events.merge.definite"
SIDELESS_CLASH = "events.merge.sideless-clash"
SEPARATE_MARKERS = lexicon("events").separate_event_markers
ADDITIONAL = lexicon("events").additional_count_words
ANOTHER = "events.merge.episode.another"


def merge_continuations(cands: list[Candidate], ctx: Context) -> None:
    """Two reports of one event in different sentences that the place-and-date rule cannot
    pair. Rule ``events.merge.headline``: an undated headline ("Peshmerga repel ISIS attack
    south of Kirkuk"), or another heading line (a standfirst: "Intelligence unit ... ambushed
    during reconnaissance mission, says Interior Ministry"), folds into the first report of
    its family after it in the body (else the first) that it does not
    conflict with (other sides, counts or dates: the headline "Two ISIS leaders killed in
    Basira ...; 14 SNA fighters killed in Tel Abyad countryside" is not the body's two); a
    change of control folds only into one of its place or a place inside or around it (the
    headline's siege of Dayr al-Zawr is not "the capture of the Iraqi city of Mosul in July"
    told in the body, Tabnak 2017: it gave the Syrian army Mosul). Rule
    ``events.merge.continuation``: an undated sentence whose place came from the sentences
    before ("14 militants were killed in the fighting") folds into the latest event of the
    same family in the two sentences before it; so does one that names its means as the event
    told before ("the three civilians killed in the attack", eight sentences back at most),
    and a parallel report of no place into the event it shares its time with ("Peshmerga went
    to their aid, they were attacked too")."""
    live = sorted((c for c in cands if not c.dropped), key=lambda c: c.trigger.head.i)
    for cand in live:
        # a date taken from the sentences before is no date of its own
        undated = cand.when is None or cand.when.start is None or cand.date_inherited
        if not cand.dropped and _sideless_clash(cand) and not ctx.in_heading(cand.trigger.head):
            attack = _attack_before(ctx, live, cand)
            if attack is not None:
                # a toll told with the fighting ("killed while covering the clashes") is not
                # the attack's own
                tolls = attack.killed, attack.wounded
                absorb(attack, cand, same_span=False, step=SIDELESS_CLASH)
                attack.killed, attack.wounded = tolls
                continue
        if cand.dropped or not (undated or cand.parallel_to is not None):
            continue
        if ctx.in_heading(cand.trigger.head):
            body = [c for c in live if not c.dropped and c is not cand
                    and not ctx.in_heading(c.trigger.head) and same_family(c, cand)
                    and not sides_conflict(c, cand)
                    and not conflict(c, cand, ctx, loosely=cand.kind != "ControlChange")]
            # the first report after the heading (a subheading heads its section), else the
            # first; one of its own type before one of its family
            body.sort(key=lambda c: (c.trigger.head.i < cand.trigger.head.i, c.kind != cand.kind))
            if body:
                absorb(body[0], cand, same_span=False, step=HEADLINE)
            continue
        if undated and definite(cand):
            told = _named_before(ctx, live, cand)
            if told is not None:
                absorb(told, cand, same_span=False, step=DEFINITE)
                continue
        parallel = cand.parallel_to.live() if cand.parallel_to is not None else None
        if parallel is not None and parallel is not cand and not cand.locations \
                and same_family(parallel, cand) and not sides_conflict(parallel, cand):
            # "Peshmerga went to their aid, they were attacked too": the attack just told
            absorb(parallel, cand, same_span=False, step=CONTINUATION)
            continue
        if separate(cand):
            continue
        # an event referred back to within 8 sentences, or whose places came from within 2
        for wanted, sentences in ((cand.refers_back, 8), (cand.places_inherited, 2)):
            told = _told_before(ctx, live, cand, sentences) if wanted else None
            if told is not None:
                absorb(told, cand, same_span=False, step=CONTINUATION)
                break


def merge_episodes(cands: list[Candidate], ctx: Context) -> None:
    """Rule ``events.merge.episode``: a killing or arrest that the tally filter would drop (no
    date, no place, no named victim: ``filters.is_tally``) is no tally when it is told as a
    fact of the news, with a side, in past tense, in a clause of its own (not subordinate, no
    running count "since"): the killed of a liberation ("557 ... militants were killed", Iraqi News 2017), of
    a raid that made arrests ("the forces also managed to kill three ... militants", Baghdad
    Post 2021), "the militants killed up to 500 civilians and soldiers" (USA Today 2015). It
    takes the date and place of the event told in the two sentences before, if any (else the
    context layer dates it by its report); but told after an attack or clash, or after an
    event of its own family, it is that event's toll or another report of it ("Seven
    employees ... were killed" after the attack on them), folded into it — not a report of the
    same kind with another count (``other_count``). Kept candidates carry the step, which the
    tally filter reads."""
    live = sorted((c for c in cands if not c.dropped), key=lambda c: c.trigger.head.i)
    for cand in live:
        if cand.dropped or not is_tally(cand) or ctx.in_heading(cand.trigger.head):
            continue
        earlier = [c for c in live if c is not cand and not c.dropped and not is_tally(c)
                   and c.trigger.head.i < cand.sent.start]
        window = ctx.sentence_start_before(cand.sent, EVENT_WINDOW)
        # another report of an event told before, or the toll of an attack or clash
        folds = [c for c in earlier if same_family(c, cand) and not sides_conflict(c, cand)
                 and not other_count(c, cand)] + [
            c for c in earlier if cand.kind == "Killing" and c.kind in (*ATTACK_KINDS, "Clash")
            and c.trigger.head.i >= window]
        if separate(cand):
            continue  # another event, with no date or place of its own: a tally still
        host = max(folds, key=lambda c: c.trigger.head.i) if folds else None
        if host is not None and not _attackers_killed(cand, host):
            absorb(host, cand, same_span=False, step=EPISODE)
            continue
        if host is None and cand.kind in ("Killing", "Arrest") and additional(cand) \
                and (told := _outcome_before(ctx, earlier, cand)) is not None:
            # "17 operatives were killed and 14 others were detained": the others are not
            # those of the report before but of their own sentence, which it continues too
            mates = [c for c in live if c is not cand and not c.dropped and c.sent == cand.sent
                     and c.trigger.head.i < cand.trigger.head.i and c.kind in ("Killing", "Arrest")]
            if told.kind == cand.kind and not mates:
                absorb(told, cand, same_span=False, step=ANOTHER)  # more of the same toll
                continue
            for outcome in (*[m for m in mates if is_tally(m)], cand):
                continue_outcome(outcome, told)
            continue
        if cand.kind not in ("Killing", "Arrest") or not cand.actors_filled() or cand.subordinate \
                or _tally_clause(cand.trigger.head):
            continue  # "a journalist was murdered": whose side, the text does not say
        window = ctx.sentence_start_before(cand.sent, EPISODE_SENTENCES)
        told = [c for c in earlier if c.trigger.head.i >= window and not ctx.in_heading(c.trigger.head)]
        if told:
            cand.when = told[-1].when
            cand.add_places(told[-1].locations, [])
            cand.places_inherited = True
        cand.step(EPISODE)


def additional(cand: Candidate) -> bool:
    """Whether the count of a killing or arrest counts people in addition to others
    ([additional-count-words]): "Another 44 militants were detained", "14 others were
    detained"."""
    count = cand.killed or cand.arrested
    if count is None:
        return False
    number = count.span.root
    noun = number.head if number.dep_ == "nummod" else number
    words = [noun, *noun.children, *number.children, *count.span]
    return any(w.lower_ in ADDITIONAL for w in words if w.dep_ != "conj")


def _outcome_before(ctx: Context, earlier: list[Candidate], cand: Candidate) -> Candidate | None:
    """The latest killing or arrest told with a date or place in the sentences before
    ``cand``'s (not in a heading), or None."""
    window = ctx.sentence_start_before(cand.sent, EVENT_WINDOW)
    told = [c for c in earlier if c.kind in ("Killing", "Arrest") and c.trigger.head.i >= window
            and not ctx.in_heading(c.trigger.head)]
    return told[-1] if told else None


def continue_outcome(cand: Candidate, told: Candidate) -> None:
    """Rule ``events.merge.episode.another``: a killing or arrest counted in addition to others
    ([additional-count-words]) with no date or place of its own is one more outcome of the
    killing or arrest told before (eight sentences): it takes that report's date and place, and
    its sides where it names none — "Another 44 militants were detained" after the army
    "eliminated 338 terrorists since April 23" (TASS via Pledge Times 2021), "17 ISIS operatives
    were killed and 14 others were detained there" after a month's 22 killed and 25 detained in
    Iraq and Syria (CENTCOM via South Front 2023). Its count is its own: not folded — unless
    the report before is of its own kind, whose toll it adds to ("a soldier was martyred" in
    clashes, then a landmine killed "another three soldiers", Kurdistan24 via GFATF 2020): it
    is then folded into that report. Told with a killing or arrest of no date or place in its
    own sentence ("17 operatives were killed and 14 others were detained there"), the others
    are counted beside that one, which takes the same date and place."""
    cand.when = told.when
    cand.add_places(told.locations, [])
    cand.places_inherited = True
    if not cand.perpetrators:
        cand.perpetrators = list(told.perpetrators)
    if not cand.target_actors:
        cand.target_actors = [a for a in told.target_actors if a not in cand.perpetrators]
    cand.step(ANOTHER)


def other_count(host: Candidate, cand: Candidate) -> bool:
    """Rule ``events.merge.episode.other-count``: a killing or an arrest whose count differs
    from that of a report of the same kind told before is not that report again but a part of
    it or another event: the five killed and eleven detained in Syria after a month's 22
    killed and 25 detained in Iraq and Syria (a CENTCOM summary relayed in 2023), the 220
    killed in Iraq after 466 in Syria (a yearly review, Kurdistan24 2022), a "senior
    executive" arrested in September after five captured this week (Hurriyet 2022)."""
    if host.kind != cand.kind:
        return False
    return any(mine is not None and theirs is not None and mine.value != theirs.value
               for mine, theirs in ((host.killed, cand.killed), (host.arrested, cand.arrested)))


def _attackers_killed(killing: Candidate, attack: Candidate) -> bool:
    """Whether the dead of a killing are the attackers of an attack told before: their deaths
    are their enemy's killing, not the attack's toll ("The IS fighters are reported to have
    been killed" after jets bombed IS fighters that were attacking troops, VRT 2014), or killed
    by others than the attackers ("the popular forces managed to kill scores of the Takfiri
    militants" after the militants' attack, Tasnim 2020; the gold
    of another article codes the same way "at least 346 Islamic State fighters were killed"
    after the militants stormed an airbase, The Age 2014, a dated killing that reaches it by
    another way)."""
    if attack.kind not in ATTACK_KINDS:
        return False
    if set(killing.target_actors) & set(attack.perpetrators):
        return True
    # "the assailants were killed by security forces": killers who are not the attackers
    return bool(killing.perpetrators) and bool(attack.perpetrators) \
        and not set(killing.perpetrators) & set(attack.perpetrators)


def _tally_clause(head: Token) -> bool:
    """A killing or arrest told as a count over time or a description, not as one event: a
    count running "since" a time ("have been killed ... since the Syrian conflict erupted",
    "since Operation Euphrates Shield was launched ..., it had killed 1,294"), the present
    perfect of a record ("ISIL militants have terrorized and killed people of all
    communities"), a participle describing people, or under a habitual verb ("the military
    usually uses the term to refer to dead or captured terrorists")."""
    verb = head
    while verb.dep_ == "conj" and verb.head != verb:
        verb = verb.head  # "have terrorized and killed", "dead or captured terrorists"
    if verb.dep_ == "amod" or any(habitual(v) for v in verb.ancestors):
        return True  # "the military usually uses the term to refer to captured terrorists"
    if any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("has", "have") and c.tag_ in ("VBZ", "VBP")
           for c in verb.children):  # not "are reported to have been killed"
        return True
    return any(t.lower_ == "since" and t.dep_ in ("prep", "mark") for t in sentence_of(head))


def separate(cand: Candidate) -> bool:
    """Whether ``cand``'s sentence says its event is another one than those told before ("In a
    separate incident, one Turkish soldier was killed", TRT World 2016, after Russian strikes
    that killed 12; "Separately, Bali said the SDF had captured 157 people", NPR 2019, after
    the SDF's capture of an encampment): its toll is no toll of an earlier event, whose sides
    it would otherwise take or give, and the date and place of the event before are not its
    own (``merge_episodes`` leaves it a tally)."""
    return any(t.lower_ in SEPARATE_MARKERS for t in cand.sent)


def _told_before(ctx: Context, live: list[Candidate], cand: Candidate, sentences: int) -> Candidate | None:
    """The last event of the same family and no conflicting side told in the ``sentences``
    sentences before ``cand``'s, or None."""
    window = ctx.sentence_start_before(cand.sent, sentences)
    before = [c for c in live if not c.dropped and c is not cand
              and window <= c.trigger.head.i < cand.sent.start and same_family(c, cand)
              and not sides_conflict(c, cand)]
    return before[-1] if before else None


def _named_before(ctx: Context, live: list[Candidate], cand: Candidate) -> Candidate | None:
    """Rule ``events.merge.definite``: an undated definite attack noun (``merge.definite``) is the
    last event of its family told before it, in the eight sentences before its own or in its
    own, that it does not conflict with (places apart, other sides or counts): the attack the
    group claimed against the government, named again after the lead's attack on Kirkuk (AP,
    October 2016); the assault on the city with a toll of its own, named again after the
    lead's attack and a power plant's of another toll (AP, the next day). The definite noun
    adds a target or a toll, so the anaphoric-mention filter keeps it."""
    window = ctx.sentence_start_before(cand.sent, 8)
    before = [c for c in live if not c.dropped and c is not cand
              and window <= c.trigger.head.i < cand.trigger.head.i and same_family(c, cand)
              and not sides_conflict(c, cand) and not conflict(c, cand, ctx)]
    return before[-1] if before else None


def _sideless_clash(cand: Candidate) -> bool:
    return cand.kind == "Clash" and bool(cand.locations) and not (
        cand.perpetrators or cand.target_actors)


def _attack_before(ctx: Context, live: list[Candidate], cand: Candidate) -> Candidate | None:
    """Rule ``events.merge.sideless-clash``: fighting that names no side ("gun battles went on
    in the city", "while covering the clashes in the city"), told after an attack in the same
    place within the eight sentences before, is that attack's fighting, not a clash of its
    own: the gun battles of the militants' attack on Kirkuk (AP, October 2016) and the clashes
    a reporter was covering in the city the militants stormed (AP, the next day). The last
    such attack that it does not conflict with (places apart, dates or counts) takes it."""
    window = ctx.sentence_start_before(cand.sent, 8)
    before = [c for c in live if not c.dropped and c is not cand and c.kind in ATTACK_KINDS
              and window <= c.trigger.head.i < cand.trigger.head.i
              and c.locations and not conflict(c, cand, ctx)]
    return before[-1] if before else None
