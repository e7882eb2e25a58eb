"""Closed-class English words the rules lean on: modals, pronouns, determiners, negators,
subordinators, and the particles of transliterated Arabic names.

These are grammar, not domain vocabulary: the language fixes them, so they live here, in one
module, rather than in the lexicon files of ``ontology/lexicons/`` where content words (strike
verbs, aircraft, speech verbs ...) are kept as data. Every set is of lower-case forms.
"""

from __future__ import annotations

# Modal auxiliaries, as lemmas and as the surface forms spaCy gives contractions
# ("'ll", "'d", "wo" of "won't", "ca" of "can't").
MODALS = frozenset({"will", "would", "could", "may", "might", "can", "should", "must", "shall",
                    "'ll", "'d", "wo", "ca"})
# The modal of past ability: with a past date and no condition, "could retake the town on
# Thursday" tells what was done.
PAST_ABILITY_MODALS = frozenset({"could"})
# Words of a date or a time still to come ("next week", "within days", "by the end of the
# year", "soon"): a date with them is no past anchor.
FUTURE_TIME_WORDS = frozenset({"next", "coming", "upcoming", "tomorrow", "soon", "later", "within",
                               "by", "this", "before", "until", "following"})
# Subordinators that make a clause a condition ("if the coalition strikes", "should ISIS").
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether", "lest", "should"})
# Subordinators of a clause that dates another event ("after the city fell in June").
TEMPORAL_MARKS = frozenset({"after", "before", "until", "once", "when"})
# Subordinators of a clause of time whose past verb asserts its own event, whatever the mood of
# the clause it dates ("after they took the city in 2014, the militants planned to ...");
# not "before" or "until", whose event may never have come.
PAST_TIME_MARKS = frozenset({"after", "since", "once", "when"})
# Adverbs that negate without a "neg" dependency.
NEGATING_ADVERBS = frozenset({"never"})
# Subjects and subject determiners that negate their verb ("none of its allies has admitted",
# "no official confirmed").
NEGATIVE_SUBJECTS = frozenset({"none", "nobody", "neither", "nothing", "no"})

# Pronouns.
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
GROUP_PRONOUNS = frozenset({"they", "we"})
# Pronouns that can stand for an organisation or a group.
ACTOR_PRONOUNS = frozenset({"it", "they", "them", "its", "their", "itself"})
# Subject pronouns that stand for the force that strikes ("it conducted", "we struck").
SUBJECT_PRONOUNS = frozenset({"it", "they", "we"})
# Pronouns and demonstratives that take up a set counted before ("one of them", "two of these").
PARTITIVE_PRONOUNS = frozenset({"them", "these", "those", "they"})
RELATIVE_PRONOUNS = frozenset({"which", "that", "who", "whom", "what"})

# Words a dateline never starts with: a line opening with them is prose ("In Syria, two
# strikes -- ..."), not "MOSCOW, Oct 7 (Reuters) -".
NOT_DATELINE_STARTS = frozenset({"in", "on", "near", "at", "by", "for", "from", "around",
                                 "between", "during", "since", "after", "before", "the", "a"})

# Determiners.
INDEFINITE_ARTICLES = frozenset({"a", "an"})
# Determiners of a single new thing ("an airstrike", "one strike", "another raid").
SINGULAR_DETERMINERS = frozenset({"a", "an", "one", "another"})
# Determiners that make a noun generic or quantify over every instance.
GENERIC_DETERMINERS = frozenset({"any", "every", "each", "no", "such"})
# Determiners of a date that repeats ("every week", "each day"): a frequency, not a day.
FREQUENCY_DETERMINERS = frozenset({"every", "each"})
# Determiners that take up something already mentioned.
ANAPHORIC_DETERMINERS = frozenset({"the", "this", "that", "these", "those", "both"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those"})

# Particles of transliterated Arabic names that writers attach, drop or capitalise at will
# ("al-Baghdadi", "Al Qaim", "Deir ez-Zor", "as-Sukhnah").
ARABIC_ARTICLES = ("al", "el", "ad", "as", "ash", "an", "ar", "at", "az")


# ---- events
# The preposition of a place of origin ("fighters from Lebanon").
ORIGIN_PREPOSITIONS = frozenset({"from"})
# Prepositions whose object is where a verb happened ("regained 20 square miles in Deir Ezzour").
LOCATING_PREPOSITIONS = frozenset({"in", "near", "around", "outside", "inside", "across", "along",
                                   "throughout", "at"})
# Subordinators of a clause that has its own time: no date is inherited across them.
OWN_TIME_MARKS = frozenset({"after", "before", "because", "since", "although", "though", "until",
                            "once"})
# Prepositions that background the event noun they govern ("months before the fall of Raqqa").
TEMPORAL_PREPOSITIONS = frozenset({"before", "after", "since", "until"})
# Determiners of a definite noun that stands for an armed group named before ("the group").
GROUP_ANAPHOR_DETERMINERS = frozenset({"the", "this"})
# Determiners of a noun that refers back to what the sentence before described ("these raids").
BACK_REFERENCE_DETERMINERS = frozenset({"these", "this", "those", "the"})

# ---- strikes
# Prepositions of a strike's target ("strikes on ISIS positions", "against tactical units").
TARGET_PREPOSITIONS = frozenset({"against", "on", "at"})
# The narrower set a sentence elaborating a report is read with ("strikes against 346 units").
ELABORATION_TARGET_PREPOSITIONS = frozenset({"against", "on"})
# Prepositions of whose strikes they are ("strikes by the RAF", "strikes from other actors").
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
# Prepositions of a town line in a release ("Near Baghdadi, one strike ...").
LOCATIVE_PREPOSITIONS = frozenset({"near", "around", "outside"})
# Determiners of a strike noun that take up strikes named before or speak of strikes in general:
# not a new report ("the strike", "any strike", "no strikes" without a count).
NOT_NEW_DETERMINERS = frozenset({"any", "every", "each", "all", "the", "these", "those",
                                 "this", "that", "no"})
# Determiners of exactly one new strike ("an airstrike", "one strike").
SINGLE_DETERMINERS = frozenset({"a", "an", "one"})
# Determiners that take up a noun named before ("34 of the raids").
DEFINITE_DETERMINERS = frozenset({"the", "these", "those"})
# Determiners that make a generic command noun the command named before ("the operation").
COMMAND_DETERMINERS = frozenset({"the", "its", "this"})
# The words of an attribution ("according to the ministry"): what is under them is not the strike.
ATTRIBUTION_WORDS = frozenset({"accord", "according"})

# ---- claims
# Prepositions of the medium of a speech verb ("said in a statement", "wrote on Twitter").
MEDIUM_PREPOSITIONS = frozenset({"in", "on", "during", "through", "via"})
# Prepositions of a medium whose issuer may speak for an unknown subject ("in a statement
# carried by Amaq, the militants said").
ISSUER_MEDIUM_PREPOSITIONS = frozenset({"in", "through", "via"})
# Prepositions that name the issuer of a statement ("a statement from the ministry").
ISSUER_PREPOSITIONS = frozenset({"from", "by", "of"})
# Quantifiers of a pair ("both countries", "the two countries").
PAIR_QUANTIFIERS = frozenset({"both", "two"})
# Conjunctions that open a clause after a comma, where an appositive would stand.
CLAUSE_CONJUNCTIONS = frozenset({"and", "but", "or", "as", "while", "although", "because"})

# ---- figures
# Prepositions of a period's start or end: a date under them is not when a figure held.
PERIOD_PREPOSITIONS = frozenset({"since", "from", "after", "until"})
# First-person plural pronouns: "we" is the speaker's side.
FIRST_PERSON_PLURAL = frozenset({"we", "us"})
# Determiners that make a fraction word a count of one ("a third", "one-third").
FRACTION_DETERMINERS = frozenset({"a", "an", "one"})
# Prepositions of the side someone fights for ("went to fight for Islamic State").
SIDE_PREPOSITIONS = frozenset({"for", "with"})

# ---- strikes13
# Ordinals that pick one strike out of a series: "its first air strike", "the last RAF air
# strike was on 25 September", "its final strike mission" (a strike of its own, not one named
# before).
SERIES_ORDINALS = frozenset({"first", "last", "final"})
# Relative adverbs that open a clause describing a place: "parts of the desert ... where Russia
# has conducted airstrikes" (however the parser attaches the clause).
RELATIVE_ADVERBS = frozenset({"where", "wherever"})
# Prepositions whose object happened before the clause's event: "burning supply trucks following
# a Feb 26 strike", "bodies recovered after an airstrike".
PRESUPPOSING_PREPOSITIONS = frozenset({"after", "following"})
# Prepositions whose object holds whatever the clause around them says: "has admitted no
# deaths, despite 10,800 airstrikes" does not deny the strikes.
CONCESSIVE_PREPOSITIONS = frozenset({"despite", "notwithstanding"})

# ---- claims13
# Prepositions before a gerund of saying that deny or replace the saying ("without saying",
# "instead of confirming"): the gerund attributes nothing. After other prepositions ("despite
# declaring victory", "after saying") the saying happened.
NOT_SAYING_PREPOSITIONS = frozenset({"without", "instead", "rather", "than", "before"})
# Determiners and possessives of a document or body named before ("the statement", "its
# report", "this release"): a noun with one of them refers back, an indefinite one does not.
DEFINITE_REFERENCES = frozenset({"the", "this", "that", "its", "their"})

# ---- events13
# Reflexive pronouns: a killing of oneself is a suicide, not a killing of others.
REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "themselves", "itself", "themself"})
# Demonstratives that, with a force noun ("those forces"), refer back to a force named before.
FORCE_ANAPHOR_DETERMINERS = frozenset({"those", "these", "the", "this"})
# Prepositions of the means of a killing or an arrest ("killed in a precision airstrike",
# "died during a raid", "killed by an air strike", "arrested in an operation").
MEANS_PREPOSITIONS = frozenset({"in", "during", "by", "with", "through", "under"})
# Subordinators of a clause set against the main one ("while the Peshmerga advanced on Sinjar").
CONTRAST_MARKS = frozenset({"while", "whereas", "whilst"})

# Participles that give a phrase its name: "the center known as the Security Media Cell", "a group
# called X" (claims.speakers.actor through the name).
NAMING_PARTICIPLES = frozenset({"know", "call"})
