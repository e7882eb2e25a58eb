"""Count reports: a strike noun with a count, the engagements that go with it, and the bare
numbers coordinated with it; a single strike, or plural strikes without a number, when the text
says who struck, when, and what they hit (or whom they backed: "an offensive supported by
U.S.-led airstrikes"). Sorties count flights, not strikes: at least one strike when their
clause tells what they hit, else none.

Not reports: negated, modal, conditional, intended or denied strikes (``irrealis``),
infinitives other than of a conducting verb ("orders are issued to army aircraft to strike"),
"hunger strikes", strikes under a verb that reports none ("held three strikes"), generic
mentions and definite back-references without a count ("any strike", "The strike was part of a
broader operation")."""

from __future__ import annotations

from spacy.tokens import Span as DocSpan
from spacy.tokens import Token

from isisgraph.closed_class import (
    LOCATING_PREPOSITIONS,
    MEANS_PREPOSITIONS,
    NOT_NEW_DETERMINERS,
    PRESUPPOSING_PREPOSITIONS,
    SERIES_ORDINALS,
    SINGULAR_DETERMINERS,
    TARGET_PREPOSITIONS,
)
from isisgraph.extract.numbers import CountMatch
from isisgraph.extract.shared import tokens_of
from isisgraph.extract.strikes.actors import actor_in, can_strike, np_actors
from isisgraph.extract.strikes.aircraft import aircraft_word, is_munition, releases_munition
from isisgraph.extract.strikes.clauses import in_unit, region
from isisgraph.extract.strikes.document import Document, Draft
from isisgraph.extract.strikes.headline import conducting, title_force, title_verb
from isisgraph.extract.strikes.lexicon import (
    BACKING_PREPOSITIONS,
    CONDUCT_VERBS,
    FLIGHT_NOUNS,
    GROUND_AMBIGUOUS,
    JOINING_VERBS,
    MODIFIER_DEPS,
    NON_MILITARY_STRIKES,
    SUPPORT_VERBS,
)
from isisgraph.extract.strikes.nouns import (
    air_modified,
    coordinated,
    engagement_for,
    flown,
    held_by,
    is_series,
    reports_strikes,
    strike_governor,
    strike_noun,
)
from isisgraph.extract.strikes.periods import date_draft, when_in
from isisgraph.extract.strikes.perpetrator import perpetrator
from isisgraph.extract.strikes.places import has_unnamed_place, partly_placed, places
from isisgraph.extract.strikes.targets import actors_hit, add_hits, apply_hits, outcome
from isisgraph.extract.syntax.counting import count_of
from isisgraph.extract.syntax.factuality import conceded, habitual, irrealis
from isisgraph.extract.syntax.tree import (
    agents,
    clause_head,
    finite_clause,
    is_including,
    is_infinitive,
    subject,
)
from isisgraph.extract.syntax.units import in_headline
from isisgraph.records import Span

COUNTED = "strikes.count.counted"  # "the coalition conducted 28 strikes"
SINGLE = "strikes.count.single"  # "an Iraqi air force strike killed five ... on Monday"
RELEASE_LINE = "strikes.count.release-line"  # "an airstrike northwest of Mosul Dam destroyed"
UNCOUNTED = "strikes.count.uncounted"  # "Coalition strikes destroyed 15 vehicles over the weekend"
ELLIPTICAL = "strikes.count.elliptical"  # "17 strikes in Syria and 6 in Iraq": the 6
ENGAGEMENTS = "strikes.count.engagements"  # "conducted 398 engagements", no strike count
SORTIES_HIT = "strikes.count.sorties-hit"  # "made about 20 sorties and hit 12 targets": >= 1


def count_report(d: Document, n: int, unit: DocSpan, noun: Token, counts: list[CountMatch],
                 used: set[int]) -> list[Draft]:
    """The report a strike noun states, and the elliptical counts coordinated with it
    ("17 strikes in Syria and 6 in Iraq")."""
    if irrealis(noun):
        return []
    count = count_of(noun, counts)
    verb = strike_governor(noun) or title_verb(noun)
    if not _reportable(noun, verb, count, d):
        return []
    single = count is None and one_strike(noun)
    uncounted = count is None and not single
    if uncounted and not plural(noun) and not is_series(noun) and not (
            verb is not None and joining(verb)):  # "took part in the airstrike": at least one
        return []
    clause = finite_clause(clause_head(noun))
    siblings = coordinated(verb, noun, counts, d) if verb is not None else []
    if noun.dep_ == "conj" and strike_noun(noun.head, d):
        clause = noun  # the second of coordinated counts is placed by its own phrase
    if backing(noun, verb) and verb is not None and (verb.dep_ in ("advcl", "acl") or (
            verb.dep_ == "conj" and verb.head.pos_ in ("NOUN", "PROPN"))):
        # "launched the offensive on Saturday, backed by air strikes": the backed action's
        # clause places and dates them; so when the parser hangs the participle on the force
        # it describes as a conjunct ("A coalition of forces - including ... - and backed by
        # US-led air strikes, has been fighting ... for the past two weeks": Independent 2016)
        clause = finite_clause(clause_head(verb.head))
    draft = _new_draft(n, noun, count, single, counts, used)
    perpetrator(noun, verb, draft, d)
    if verb is not None and joining(verb):
        _joiner(draft, verb, d)
    if not draft.perpetrators and verb is not None and counts_release(noun, verb, count):
        doer = subject(verb)  # "RAF jets have dropped 11 times more bombs (1,276 strikes)"
        actors = np_actors(doer, d)[0] if doer is not None else []
        if actors and can_strike(actors[0], d):
            draft.perpetrators, draft.actor_source = actors[:1], "clause"
    if not draft.perpetrators and verb is not None and verb.pos_ != "VERB" and conducting(verb):
        _title_striker(draft, verb, unit, d)
    _place_and_date(draft, noun, clause, unit, siblings, d)
    _striker_not_place(draft, noun, verb, d)
    if single and not draft.perpetrators and draft.when is None and noun.dep_ in (
            "nsubj", "nsubjpass") and (draft.locations or draft.unnamed_place):
        # "an airstrike northwest of Mosul Dam destroyed ...": a line of a release, whose who
        # and when are those of the total above it (parts, context)
        draft.rule = RELEASE_LINE
    _hits(draft, noun, verb, d, counts)
    if draft.counted_noun in FLIGHT_NOUNS:
        return _flights(draft, verb, d)
    own = conducting(verb) or means_of_outcome(noun, verb, d) or backing(noun, verb) or (
        verb is not None and joining(verb))
    if uncounted and not draft.targets and draft.killed is None and not own:
        return []  # "Coalition strikes ... over the weekend" must say what they hit
    return [draft, *_elliptical_parts(draft, siblings, counts, n, unit, d)]


def counts_release(noun: Token, verb: Token, count: CountMatch | None) -> bool:
    """'RAF jets have dropped 11 times more bombs (1,276 strikes) on Syria and Iraq in the
    preceding 12 months' (UK Defence Journal 2017, twice: the Typhoon/Tornado updates of May
    and June): a count of strikes in apposition to the munitions a force dropped or fired
    counts the strikes that released them."""
    return count is not None and noun.dep_ == "appos" and is_munition(noun.head) and (
        noun.head.head == verb and releases_munition(verb))


def joining(verb: Token) -> bool:
    """'joined US-led strikes', 'took part in the strikes', 'participated in air strikes', 'were
    involved in the airstrike': a verb (or a verb and its object or preposition) of taking part
    in strikes."""
    lemma = verb.lemma_.lower()
    # "took part in", and the passive "were involved in" (CBC 2015, new articles of round 6)
    return lemma in JOINING_VERBS or any(
        c.dep_ in ("dobj", "prep") and f"{lemma} {c.lemma_.lower()}" in JOINING_VERBS
        for c in verb.children)


def _joiner(draft: Draft, verb: Token, d: Document) -> None:
    """'Jordan confirmed that its warplanes had joined US-led strikes' (Jordan Times 2014),
    'Dutch jets took part in coalition strikes': the force that joined struck, besides the
    force whose strikes it joined (the noun's own modifier), one report each
    (sides.each_force)."""
    doer = subject(verb)
    if doer is None:
        return
    actors, _source = np_actors(doer, d)
    joiner = next((a for a in actors if can_strike(a, d)), None)
    if joiner is None or joiner in draft.perpetrators:
        return
    led = [a for a in draft.perpetrators if a not in actors]
    draft.perpetrators, draft.actor_source = [joiner, *led], "clause"
    draft.joined = bool(led)


def _title_striker(draft: Draft, verb: Token, unit: DocSpan, d: Document) -> None:
    """'Coalition Launches 23 Strikes against Isis near Raqqa' (IQ News 2017): the force of a
    title's conducting verb that the tagger reads as a name is the run of capitalised words
    before it, read as a label (the parse gives the verb no subject)."""
    force = title_force([t for t in tokens_of(unit) if not t.is_space], verb, d)
    if force is not None and can_strike(force, d):
        draft.perpetrators, draft.actor_source = [force], "clause"


def _flights(draft: Draft, verb: Token | None, d: Document) -> list[Draft]:
    """'Russia's warplanes made about 20 sorties and hit 12 targets' (TASS, 2015), 'bombers
    flew 22 sorties and struck 27 targets': sorties count flights, which may strike many times
    or not at all, so flights that hit something report at least one strike, and flights alone
    ('206 sorties flown by all aircraft', CTV 2014, tankers and surveillance planes included)
    report none (the real-news guideline)."""
    if verb is None or not any(outcome(v, d) is not None or v.lemma_.lower() in d.lex.strike_verbs
                               for v in flight_results(verb, draft.anchor)):
        return []
    draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
    draft.engagement_count, draft.counted_noun, draft.rule = None, "strike", SORTIES_HIT
    return [draft]


def flight_results(verb: Token, flights: Token | None = None) -> list[Token]:
    """What flights did, told beside them: the flying verb's subjectless conjuncts and its
    participles ('flew 22 sorties and struck 27 targets', 'carried out 45 sorties, hitting 78
    targets'), and a participle the parser hung on the flights themselves or on the place they
    went ('have conducted 64 sorties in Syria hitting 55 ISIL targets': Sputnik 2015, new dev
    set)."""
    # or on the place the flights went ("40 sorties across Homs province destroying 30 sites")
    holders = [] if flights is None else [flights] + [
        g for h in (verb, flights) for p in h.children if p.dep_ == "prep"
        for g in p.children if g.dep_ == "pobj"]
    on_flights = [c for h in holders for c in h.children
                  if c.pos_ == "VERB" and c.dep_ == "acl" and c.tag_ == "VBG"]
    return [c for c in verb.children if c.pos_ == "VERB" and (
        (c.dep_ == "conj" and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children))
        or (c.dep_ in ("advcl", "xcomp") and c.tag_ == "VBG"))] + on_flights


def _reportable(noun: Token, verb: Token | None, count: CountMatch | None, d: Document) -> bool:
    """Whether the noun's clause can report strikes at all: a factual verb that reports them
    (or an air or actor modifier saying they are strikes), no 'hunger strike', and with no
    count no back-reference ("the strikes", "their strikes" unless they carried them out)."""
    if verb is not None and ((irrealis(verb) and not conceded(noun)) or (
            is_infinitive(verb) and verb.lemma_.lower() not in CONDUCT_VERBS)):
        return False
    if verb is not None and is_infinitive(verb) and verb.dep_ in ("acl", "relcl"):
        return False  # "the use of RAF jets to deliver a strike", "orders to conduct strikes"
    if verb is not None and count is None and noun.head == verb and noun.dep_ == "dobj" and habitual(verb):
        # "Iraq's air force frequently carries out strikes against ISIS cells"; not a caption's
        # "Smoke rises after an U.S. airstrike" (the present of a photo, the strike its news)
        return False
    if any(c.dep_ == "compound" and c.lower_ in NON_MILITARY_STRIKES for c in noun.children):
        return False  # "hunger strikes", "general strike"
    named = any(actor_in(c.subtree, d) for c in noun.children if c.dep_ in MODIFIER_DEPS)
    # "following a Feb 26 strike which also killed five civilians": a strike that happened
    presupposed = noun.head.lower_ in PRESUPPOSING_PREPOSITIONS and noun.dep_ in ("pobj", "dobj")
    # a title's conducting verb the tagger reads as a name ("Coalition Launches 23 Strikes");
    # the strikes a release of munitions counts ("dropped 11 times more bombs (1,276 strikes)")
    if verb is not None and not (reports_strikes(verb, d) or conducting(verb)
                                 or air_modified(noun) or named or presupposed
                                 or counts_release(noun, verb, count)):
        return False  # "held three strikes": not a verb that reports strikes
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    # "The last RAF air strike was on 25 September": an ordinal singles out a strike of its own
    definite = det is not None and det.lower_ in NOT_NEW_DETERMINERS and not ordinal_of_series(noun)
    # "carried out their first strikes": the subject's own strikes, not a back-reference;
    # "We took part in the strikes", "two CF-18s were involved in the airstrike": strikes
    # joined happened, when the strikes taken up are no count of several told before ("The
    # United Arab Emirates and Jordan also participated in the airstrikes in Syria" after a
    # release's count is a line of that count: genre, CENTCOM 2014)
    own = verb is not None and (verb.lemma_.lower() in CONDUCT_VERBS or joining(verb))
    if own and count is None and definite and joining(verb) and not is_infinitive(verb):
        return not any(draft.counted and not draft.single for draft in d.drafts)
    if count is None and definite and told_anew(noun, verb, d):
        return True
    # without a count, a back-reference or a generic mention is no new report
    return not (count is None and (definite or any(c.dep_ == "poss" for c in noun.children)
                                   and not own))


def told_anew(noun: Token, verb: Token | None, d: Document) -> bool:
    """'The airstrikes were being conducted near Bayji' (Maclean's 2014), 'SOHR said the
    Russian strikes were carried out in the Homs-Raqqa-Deir ez-Zor triangle' (Kurdistan 24
    2023), 'The airstrikes were carried out by Sukhoi 25 aircraft' (Kurdistan 24 2021): strikes
    taken up by 'the' and said to have been conducted somewhere the text names, or by aircraft,
    are a mention of their own, which the gold counts (a report per mention). Not the same
    strikes only dated or framed again ('The strikes were conducted on Thursday as part of
    Operation Chammal', 'the strikes were carried out in coordination with the Joint
    Operations Command': Defense Post 2019, ESTA 2021), which the gold folds into the report
    they take up."""
    if verb is None or noun.dep_ != "nsubjpass" or noun.head != verb or (
            verb.lemma_.lower() not in CONDUCT_VERBS) or is_infinitive(verb):
        return False
    if any(aircraft_word(a) for a in agents(verb)):
        return True
    # the place of a locating phrase on the verb, not one inside a clause under it ("as part
    # of Operation Euphrates Shield, launched ... along Syria's northern border": TRT 2016)
    return any(d.entity(t, "PLACE") is not None for p in verb.children
               if p.dep_ == "prep" and p.lower_ in LOCATING_PREPOSITIONS
               for t in p.subtree if not _in_clause(t, p))


def _in_clause(tok: Token, top: Token) -> bool:
    """Whether a clause (a participle, a relative clause) lies between ``tok`` and ``top``."""
    while tok != top and tok.head != tok:
        if tok.dep_ in ("acl", "relcl", "advcl"):
            return True
        tok = tok.head
    return False


def plural(noun: Token) -> bool:
    """'strikes', and a title's 'Strikes' the tagger calls a proper noun."""
    return noun.tag_ in ("NNS", "NNPS") or (noun.pos_ == "PROPN" and noun.lower_.endswith("s"))


def ordinal_of_series(noun: Token) -> bool:
    """'its first air strike', 'the last RAF air strike': an ordinal that picks one strike out
    of a series, so that 'the' or 'its' does not take up a strike named before; so does any
    ordinal number the entity recognizer reads (rule strikes.count.ordinal: 'their third air
    strike in Syria', Canada's DND 2015; 'the second Coalition airstrike near Makhmour in two
    days', Kurdistan 24 2018)."""
    return any(c.dep_ == "amod" and (c.lower_ in SERIES_ORDINALS or c.ent_type_ == "ORDINAL")
               for c in noun.children)


def one_strike(noun: Token) -> bool:
    """A singular strike noun that states one new strike: 'an airstrike', 'another partner
    nation airstrike', 'its first air strike', and a headline's bare 'after airstrike in
    Hamrin Mountains'."""
    if noun.tag_ not in ("NN", "NNP") or plural(noun):
        return False
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    if det is not None and det.lower_ in SINGULAR_DETERMINERS:
        return True
    if ordinal_of_series(noun):
        return True
    return det is None and in_headline(noun) and not any(
        c.dep_ == "poss" for c in noun.children)


def _new_draft(n: int, noun: Token, count: CountMatch | None, single: bool,
               counts: list[CountMatch], used: set[int]) -> Draft:
    """The report with its count (N, one, or at least one), its class and its engagements."""
    draft = Draft(unit=n, anchor=noun, span=Span(noun.idx, noun.idx + len(noun.text)))
    if count is not None:
        draft.strike_count, draft.qualifier, draft.rule = int(count.value), count.qualifier, COUNTED
    elif single:
        draft.strike_count, draft.rule, draft.single = 1, SINGLE, True
    else:
        # Saying that someone struck on a day reports at least one strike.
        draft.strike_count, draft.qualifier, draft.counted = 1, "atLeast", False
        draft.rule = UNCOUNTED
    # "fighter jets launched raids": raids that aircraft conducted are from the air
    draft.air = air_modified(noun) or (noun.lemma_.lower() in GROUND_AMBIGUOUS and flown(noun))
    if noun.lemma_.lower() in FLIGHT_NOUNS:
        draft.counted_noun = noun.lemma_.lower()
    eng = engagement_for(noun, counts)
    if eng is not None:
        used.add(eng[0].i)
        # a strike is one or more engagements: fewer engagements than strikes is a misreading
        if draft.strike_count is None or int(eng[1].value) >= draft.strike_count:
            draft.engagement_count = int(eng[1].value)
    return draft


def _place_and_date(draft: Draft, noun: Token, clause: Token, unit: DocSpan,
                    siblings: list[Token], d: Document) -> None:
    """The countries, places and period of the noun's clause (its own phrase when it is the
    second of coordinated counts or under 'including'); coordinated counts share a trailing
    date; a clause dated only by its reporting clause lies on the day before the report up to it."""
    if clause == noun:
        draft.span_root = noun
    tokens = region(clause, unit, [*siblings, *other_clauses(clause, noun)]) if clause != noun \
        else in_unit(noun.subtree, unit)
    draft.countries, draft.locations = places(tokens, d)
    if noun.dep_ == "pobj" and is_including(noun.head):
        # "18 operations ... in Iraq and Syria, including six strikes in Syria"
        own_countries, own_locations = places(in_unit(noun.subtree, unit), d)
        if own_countries or own_locations:
            draft.countries, draft.locations = own_countries, own_locations
    draft.unnamed_place = has_unnamed_place(tokens, d)
    draft.partly_placed = partly_placed(tokens, d)
    if draft.countries:
        draft.country_source = "clause"
    when = when_in(tokens, noun, d)
    if when is None:
        # Coordinated counts share a trailing date ("17 in Syria and six in Iraq on Monday").
        for sib in siblings:
            when = when_in(region(sib, unit), sib, d)
            if when is not None:
                break
    date_draft(draft, when, noun, unit, d)


def other_clauses(clause: Token, noun: Token) -> list[Token]:
    """The verbs coordinated with the count's clause that have a subject of their own ("Up to
    8,000 strikes were conducted in Iraq and 5,000 others were flown in Syria": Syria is the
    others'), whose places are not the count's."""
    return [c for c in clause.children if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")
            and noun not in c.subtree
            and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]


def _striker_not_place(draft: Draft, noun: Token, verb: Token | None, d: Document) -> None:
    """'Russia launched an air campaign in Syria in September' (AFP 2016): a country that is
    the subject striking is not where it struck, when its clause names another."""
    subj = subject(verb) if verb is not None else None
    if subj is None or noun.i in {t.i for t in subj.subtree}:
        return
    striker, _ = places(list(subj.subtree), d)
    rest = [c for c in draft.countries if c not in striker]
    if rest and len(rest) < len(draft.countries):
        draft.countries = rest


def _hits(draft: Draft, noun: Token, verb: Token | None, d: Document,
          counts: list[CountMatch]) -> None:
    """What the strikes hit: the verb they are the subject or the means of ("killed in strikes"),
    the noun's participles and relative clauses, the conducting verb's subjectless conjuncts
    and adverbials, and 'strikes on ISIS positions' (on the conducting verb too, where the
    parser may hang it)."""
    hit_verbs: list[Token] = []
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    # "Fierce clashes and air strikes against IS militants killed 31" (Xinhua 2015): strikes
    # coordinated in the subject share its verb
    # a title's "Syria, Russia strikes kill 20 ..." (AFP 2016): the parser makes the strikes
    # an apposition of the subject
    if first.dep_ == "appos" and first.head.dep_ == "nsubj" and in_headline(first):
        first = first.head
    if verb is not None and (first.dep_ == "nsubj" and first.head == verb
                             or means_of_outcome(noun, verb, d)):
        hit_verbs.append(verb)
    hit_verbs += [c for c in noun.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    conducting = verb is not None and verb.lemma_.lower() in CONDUCT_VERBS
    if verb is not None and conducting:
        hit_verbs += [c for c in verb.children if c.dep_ in ("conj", "advcl", "xcomp")
                      and c.pos_ == "VERB" and not any(g.dep_ == "nsubj" for g in c.children)]
    for pcomp in noun.children:
        if pcomp.dep_ == "prep":
            hit_verbs += [c for c in pcomp.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
    apply_hits(draft, hit_verbs, d)
    holders = [noun] + ([verb] if conducting and verb is not None else [])
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                for obj in prep.children:
                    if obj.dep_ == "pobj":
                        add_hits(draft, obj, "struck", d)
    # "250 strikes consisting of 398 engagements against Daesh targets": whom the engagements
    # hit the strikes hit (their target types are left to the strikes' own phrase)
    engagement = engagement_for(noun, counts)
    if engagement is not None:
        for prep in engagement[0].children:
            if prep.dep_ == "prep" and prep.lower_ in TARGET_PREPOSITIONS:
                hit = [a for o in prep.children if o.dep_ == "pobj" for a in actors_hit(o, d)]
                draft.target_actors += [a for a in hit if a not in draft.target_actors]


def means_of_outcome(noun: Token, verb: Token | None, d: Document) -> bool:
    """'Over 200 Daesh Militants Killed in Strikes on Deir Ez-Zor', 'civilians were killed in
    US-led air strikes in July': the strikes are the means of an outcome verb, so they hit."""
    # "killed in a wave of strikes": the series stands in the strikes' place
    phrase = held_by(noun) if is_series(noun) else noun
    return verb is not None and phrase is not None and phrase.dep_ == "pobj" \
        and phrase.head.lower_ in MEANS_PREPOSITIONS and phrase.head.head == verb \
        and outcome(verb, d) is not None


def backing(noun: Token, verb: Token | None) -> bool:
    """'in an offensive supported by U.S.-led airstrikes' (Newsweek 2015), 'assault troops
    supported by Russian air strikes were advancing' (TASS 2017), 'They were backed by US-led
    air strikes on IS positions' (BBC 2016): strikes as the agent of a verb of backing a
    ground force happened, though the clause tells what the ground force did; so do strikes
    as the active subject of such a verb ('RAF air strikes aided the Iraqi push', PA 2015's
    lead and its headline's 'strikes help Iraqis win back Ramadi': dev has no second article
    with it yet)."""
    if verb is None:
        return False
    # "Backed initially by Iran and later U.S. airstrikes" (iPolitics 2015): the strikes are
    # the second agent of the backing verb
    backs = verb.lemma_.lower() in SUPPORT_VERBS and verb.tag_ == "VBN"
    if backs and noun.dep_ == "conj" and noun.head == verb and any(
            c.dep_ == "agent" for c in verb.children):
        return True  # the parser hangs the second agent on the verb
    first = noun
    while first.dep_ == "conj" and first.head != first:
        first = first.head
    if first.dep_ == "nsubj" and first.head == verb and verb.pos_ == "VERB" and (
            verb.lemma_.lower() in SUPPORT_VERBS) and any(
            c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children):
        # "RAF air strikes aided the Iraqi push", "strikes help Iraqis win back the city": the
        # strikes as the subject of a verb of backing a ground force (strikes.count.uncounted)
        return True
    if first.dep_ != "pobj":
        return False
    prep = first.head
    if backs and prep.lower_ == "by" and prep.head == verb:
        return True
    # "As the SDF advanced under heavy US airstrikes in recent days" (Reuters 2019), "has been
    # making major gains, backed by ...": strikes under which a ground force acted
    return prep.lower_ in BACKING_PREPOSITIONS and prep.head == verb and verb.pos_ == "VERB" \
        and noun.tag_ in ("NNS", "NNPS")


def _elliptical_parts(draft: Draft, siblings: list[Token], counts: list[CountMatch], n: int,
                      unit: DocSpan, d: Document) -> list[Draft]:
    """'conducted 17 strikes in Syria and 6 in Iraq': each bare number coordinated with the
    count is a report of its own, placed and dated by its own phrase, struck by the same."""
    out: list[Draft] = []
    if not draft.counted:
        # "Turkish airstrikes killed 30 civilians on Wednesday and 29 more on Thursday" (New
        # Arab 2016, a new article of round 9): a bare number stands for strikes only beside
        # a count of strikes ('an airstrike near Mosul and two near Raqqa' too); here it
        # stands for the victims
        return out
    for sib in siblings:
        if sib.pos_ != "NUM":
            continue  # a coordinated strike noun is read on its own
        found = next((c for c in counts if c.span.start <= sib.i < c.span.end), None)
        if found is None:
            continue
        part = Draft(unit=n, anchor=sib, span=Span(sib.idx, sib.idx + len(sib.text)),
                     span_root=sib, rule=ELLIPTICAL)
        part.strike_count, part.qualifier = int(found.value), found.qualifier
        part.perpetrators, part.actor_source = list(draft.perpetrators), draft.actor_source
        part.air = draft.air
        own = region(sib, unit)
        part.countries, part.locations = places(own, d)
        part.country_source = "clause" if part.countries else ""
        part.when = when_in(own, sib, d) or draft.when
        part.when_source = "clause" if part.when is not None else ""
        out.append(part)
    return out


def engagement_report(d: Document, n: int, unit: DocSpan, noun: Token,
                      counts: list[CountMatch]) -> Draft | None:
    """'conducted 398 engagements' with no strike count."""
    count = count_of(noun, counts)
    verb = strike_governor(noun)
    if count is None or verb is None or verb.lemma_.lower() not in CONDUCT_VERBS:
        return None
    if irrealis(verb):
        return None
    draft = Draft(unit=n, anchor=noun, span=Span(noun.idx, noun.idx + len(noun.text)),
                  rule=ENGAGEMENTS)
    draft.strike_count, draft.engagement_count = None, int(count.value)
    perpetrator(noun, verb, draft, d)
    tokens = region(clause_head(noun), unit)
    draft.countries, draft.locations = places(tokens, d)
    draft.country_source = "clause" if draft.countries else ""
    when = when_in(tokens, noun, d)
    if when is not None:
        draft.when, draft.when_source = when, "clause"
    return draft
