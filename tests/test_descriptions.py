"""Actor descriptions ("Kurdish fighters", "government forces", "US-backed Syrian forces"),
the acronyms a text defines, and the peoples the linker mints no place for.

The reading rule on plain data first (``descriptions.read``), then the reference data, then the
real pipeline on sentences written here in the style of the development set's articles.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from rdflib import Dataset, Literal

from isisgraph import descriptions, nlp, reference
from isisgraph.build import parse_texts
from isisgraph.descriptions import Context, Period, read
from isisgraph.namespaces import ID, IG, ONTOLOGY_GRAPH, REFERENCE_GRAPH, actor, description, place
from isisgraph.ontology import load_reference, load_tbox
from isisgraph.reference import Reading
from isisgraph.validate import validate_dataset

SYRIA, IRAQ, TURKEY = (str(place(c)) for c in ("syria", "iraq", "turkey"))
YPG, SDF, ISF, SAA, VAGUE = (str(actor(a)) for a in ("ypg", "sdf", "isf", "syrian-arab-army", "kurdish-forces"))
SDF_FOUNDED = dt.date(2015, 10, 10)

KURDISH = (
    Reading(YPG, frozenset({SYRIA}), end=SDF_FOUNDED - dt.timedelta(days=1)),
    Reading(SDF, frozenset({SYRIA}), start=SDF_FOUNDED),
    Reading(VAGUE, frozenset({IRAQ})),
    Reading(VAGUE),
)
GOVERNMENT = (
    Reading(ISF, frozenset({IRAQ})),
    Reading(SAA, frozenset({SYRIA}), end=dt.date(2024, 12, 7)),
    Reading(None, frozenset({SYRIA}), start=dt.date(2024, 12, 8)),
)


def contexts(sentence=(), paragraph=(), article=()) -> list[Context]:
    return [Context("sentence", Counter(sentence)), Context("paragraph", Counter(paragraph)),
            Context("article", Counter(article), majority=True)]


DAY_2017 = Period.day(dt.date(2017, 10, 17))

# ---------------------------------------------------------------- the reading rule


def test_the_country_and_the_date_choose_the_reading():
    assert read(KURDISH, contexts([SYRIA]), Period.day(dt.date(2015, 1, 26))) == (YPG, "sentence")
    assert read(KURDISH, contexts([SYRIA]), DAY_2017) == (SDF, "sentence")
    assert read(KURDISH, contexts([IRAQ]), DAY_2017) == (VAGUE, "sentence")
    assert read(GOVERNMENT, contexts([IRAQ]), DAY_2017) == (ISF, "sentence")
    assert read(GOVERNMENT, contexts([SYRIA]), DAY_2017) == (SAA, "sentence")


def test_the_nearest_context_that_names_a_country_decides():
    # the sentence names Kobani; the article is mostly about Iraq
    assert read(KURDISH, contexts([SYRIA], [SYRIA], [IRAQ, IRAQ, IRAQ]), DAY_2017) == (SDF, "sentence")
    assert read(KURDISH, contexts([], [SYRIA], [IRAQ]), DAY_2017) == (SDF, "paragraph")
    assert read(KURDISH, contexts([], [], [SYRIA, SYRIA, IRAQ]), DAY_2017) == (SDF, "article")


def test_countries_no_reading_names_say_nothing():
    # Turkey (a place of the sentence) has no reading: the paragraph's Syria decides
    assert read(GOVERNMENT, contexts([TURKEY], [SYRIA, TURKEY]), DAY_2017) == (SAA, "paragraph")


def test_a_context_whose_countries_disagree_falls_back_to_the_default_or_nothing():
    assert read(KURDISH, contexts([SYRIA, IRAQ]), DAY_2017) == (VAGUE, "default")
    assert read(GOVERNMENT, contexts([SYRIA, IRAQ], [SYRIA]), DAY_2017) == (None, "undecided")
    # an article evenly split between the two countries does not speak either
    assert read(GOVERNMENT, contexts([], [], [SYRIA, IRAQ]), DAY_2017) == (None, "undecided")


def test_an_unknown_date_does_not_decide_between_readings_of_two_periods():
    assert read(KURDISH, contexts([SYRIA]), None) == (VAGUE, "default")
    assert read(GOVERNMENT, contexts([IRAQ]), None) == (ISF, "sentence")
    assert read(GOVERNMENT, contexts([SYRIA]), None) == (None, "undecided")


def test_a_period_across_a_boundary_does_not_decide_either():
    assert read(KURDISH, contexts([SYRIA]), Period.years([2015])) == (VAGUE, "default")
    assert read(KURDISH, contexts([SYRIA]), Period.years([2014])) == (YPG, "sentence")


def test_a_reading_without_an_actor_leaves_the_mention_unlinked():
    actor_, why = read(GOVERNMENT, contexts([SYRIA]), Period.day(dt.date(2025, 3, 2)))
    assert actor_ is None and "lacks" in why


def test_a_description_without_a_default_and_no_country_stays_unlinked():
    assert read(GOVERNMENT, contexts(), DAY_2017) == (None, "undecided")


def test_a_place_in_a_region_is_read_by_the_region_before_its_country():
    region = "https://w3id.org/isisgraph/id/place/kurdistan-region"
    regional = str(actor("kurdistan-region-police"))
    police = (Reading(ISF, frozenset({IRAQ})), Reading(regional, frozenset({region})))
    in_region, federal = (region, IRAQ), (IRAQ,)
    assert read(police, [Context("sentence", Counter([in_region]))], DAY_2017) == (regional, "sentence")
    assert read(police, [Context("sentence", Counter([federal]))], DAY_2017) == (ISF, "sentence")
    # a description with no reading for the region reads the place by its country
    assert read(GOVERNMENT, [Context("sentence", Counter([in_region]))], DAY_2017) == (ISF, "sentence")
    # one place in the region and one outside it do not agree
    assert read(police, [Context("sentence", Counter([in_region, federal]))], DAY_2017) == (None, "undecided")


def test_a_month_and_year_in_the_sentence_is_read_to_the_month():
    assert Period.months([(2015, 1)]) == Period(dt.date(2015, 1, 1), dt.date(2015, 1, 31))
    assert read(KURDISH, contexts([SYRIA]), Period.months([(2015, 1)])) == (YPG, "sentence")
    assert read(KURDISH, contexts([SYRIA]), Period.months([(2015, 10)])) == (VAGUE, "default")


def test_timeliness():
    bounded = Reading(SDF, start=SDF_FOUNDED)
    assert descriptions.timeliness(bounded, DAY_2017) == descriptions.HOLDS
    assert descriptions.timeliness(bounded, Period.years([2015])) == descriptions.MAY_HOLD
    assert descriptions.timeliness(bounded, None) == descriptions.MAY_HOLD
    assert descriptions.timeliness(bounded, Period.years([2014])) is None
    assert descriptions.timeliness(Reading(VAGUE), None) == descriptions.HOLDS


# ---------------------------------------------------------------- the reference data


def test_every_description_reads_as_reference_actors():
    ref = reference.load()
    assert len(ref.descriptions) >= 10
    for iri, readings in ref.descriptions.items():
        assert ref.kind(iri) == "description" and ref.aliases.get(iri), iri
        assert readings, iri
        for r in readings:
            assert r.actor is None or ref.kind(r.actor) == "actor", (iri, r)
            assert all(ref.is_a(c, "Country") or ref.is_a(c, "Region") and ref.country_of(c)
                       for c in r.countries), (iri, r)
            assert r.start is None or r.end is None or r.start <= r.end, (iri, r)


def test_the_issue_s_descriptions_are_descriptions_not_actor_labels():
    lex = nlp.lexicon()
    for label in ("US-backed Syrian forces", "Kurdish-led forces", "government forces", "regime forces",
                  "pro-government militias", "Kurdish fighters", "Kurdish forces"):
        iris = {iri for (_, form), found in lex.entries.items() if form == label.lower() for iri in found}
        chosen = lex.choose(iris)
        assert chosen is not None, label
        if label != "regime forces":  # the Syrian army's, wherever the genre uses it
            assert lex.kinds[chosen] == nlp.DESCRIPTION, label


def test_a_description_wins_a_label_only_over_the_actors_it_reads_as():
    lex = nlp.lexicon()
    kurdish = str(description("kurdish-forces"))
    assert lex.choose({kurdish, VAGUE}) == kurdish
    assert lex.choose({kurdish, ISF}) is None


def test_a_reading_with_two_actors_is_a_violation():
    ds = Dataset()
    for identifier, graph in ((ONTOLOGY_GRAPH, load_tbox()), (REFERENCE_GRAPH, load_reference())):
        target = ds.graph(identifier)
        for triple in graph:
            target.add(triple)
    reading = ID["description-reading/government-forces-iraq"]
    ds.graph(REFERENCE_GRAPH).add((reading, IG.standsFor, actor("iraqi-army")))
    ds.graph(REFERENCE_GRAPH).add((reading, IG.validFrom, Literal("2014")))
    report = validate_dataset(ds)
    assert len(report.violations) == 1, report.violations
    assert report.violations[0].startswith("reference: description/government-forces ig:reading: A reading")


# ---------------------------------------------------------------- the pipeline


def linked(text: str, published: dt.date | None = None) -> list[tuple[str, str, str]]:
    pipeline = nlp.load_pipeline()
    doc = pipeline(nlp.article_doc(pipeline, text, published))
    return [(m.label, m.ref.split("/id/", 1)[1], m.extractor) for m in nlp.mentions(doc)
            if m.kind == "actor"]


def test_us_backed_syrian_forces_are_the_sdf_not_the_syrian_army():
    found = linked("US-backed Syrian forces said on Tuesday they had driven the jihadists from Raqqa.",
                   dt.date(2017, 10, 17))
    assert found == [("US-backed Syrian forces", "actor/sdf", "description.default")]


def test_kurdish_fighters_by_year_and_country():
    text = "Kurdish fighters pushed the militants out of villages near Kobani, activists said."
    assert linked(text, dt.date(2015, 1, 26))[0][1] == "actor/ypg"
    assert linked(text, dt.date(2017, 6, 1))[0][1] == "actor/sdf"
    # the sentence's own year beats the publication date
    dated = "In January 2015 Kurdish fighters pushed the militants out of Kobani, the report said."
    assert linked(dated, dt.date(2019, 3, 23))[0][1] == "actor/ypg"
    iraq = "Iraqi and Kurdish fighters retook the area around Makhmour from the militants."
    assert linked(iraq, dt.date(2017, 6, 1))[0][1] == "actor/kurdish-forces"


def test_the_paragraph_and_the_article_give_the_country_when_the_sentence_does_not():
    text = ("Clashes went on near Hasakah on Monday.\n\n"
            "Government forces shelled the positions overnight, a monitor said.")
    assert linked(text, dt.date(2016, 8, 20)) == [
        ("Government forces", "actor/syrian-arab-army", "description.article")]


def test_government_forces_are_left_unlinked_where_the_context_does_not_decide():
    assert linked("Government forces in Iraq and Syria are stretched thin.", dt.date(2017, 1, 1)) == []
    assert linked("Government forces moved into the town on Sunday.", dt.date(2017, 1, 1)) == []


def test_syrias_government_forces_after_assad_are_the_transitional_governments():
    """The annotators code the transitional government's troops as that government (The
    National, December 2025: "government troops have arrested"; Newser, December 2025)."""
    after = linked("Government troops detained three suspects near Palmyra on Sunday.", dt.date(2025, 3, 2))
    assert [f[1] for f in after] == ["actor/syrian-transitional-government"]
    before = linked("Government troops detained three suspects near Palmyra on Sunday.", dt.date(2019, 3, 2))
    assert [f[1] for f in before] == ["actor/syrian-arab-army"]


def test_us_backed_fighters_are_the_sdf_in_syria_and_the_isf_in_iraq():
    """Reuters on Baghouz (2019), BBC on Manbij (2016): "US-backed fighters" took the place."""
    syria = linked("U.S.-backed fighters stormed the last pocket near Hajin in Syria on Monday.", dt.date(2018, 12, 10))
    assert [f[1] for f in syria] == ["actor/sdf"]
    iraq = linked("US-backed troops pushed into western Mosul in Iraq, officers said.", dt.date(2017, 3, 1))
    assert [f[1] for f in iraq] == ["actor/isf"]
    # before the SDF was founded no reading holds in Syria
    early = linked("US-backed fighters crossed into Syria near Azaz, a monitor said.", dt.date(2014, 10, 1))
    assert "actor/sdf" not in [f[1] for f in early]


def test_regime_soldiers_are_the_syrian_army_only_in_assads_syria():
    syria = linked("Four regime soldiers died when a mine hit their truck east of Homs.", dt.date(2021, 5, 4))
    assert [f[1] for f in syria] == ["actor/syrian-arab-army"]
    after = linked("Four regime soldiers died when a mine hit their truck east of Homs.", dt.date(2025, 5, 4))
    assert "actor/syrian-arab-army" not in [f[1] for f in after]
    elsewhere = linked("Regime loyalists fled Tripoli as the rebels closed in, witnesses said.", dt.date(2011, 8, 21))
    assert [f[1] for f in elsewhere if f[0].lower().startswith("regime")] == []


def test_syrian_soldiers_are_the_army_of_the_government_of_the_day():
    """AFP on Hama (2024), The Age on Tabqa (2014), Xinhua on Mayadin (2023)."""
    assad = linked("Militants ambushed a bus carrying Syrian soldiers east of Homs on Thursday.", dt.date(2021, 4, 8))
    assert [f[1] for f in assad] == ["actor/syrian-arab-army"]
    after = linked("Two Syrian soldiers were wounded by a mine near Palmyra.", dt.date(2025, 5, 2))
    assert [f[1] for f in after] == ["actor/syrian-transitional-government"]
    # must not: another nation's soldiers are not Syria's
    other = linked("Two Jordanian soldiers were wounded on the Syrian border on Monday.", dt.date(2021, 4, 8))
    assert "actor/syrian-arab-army" not in [f[1] for f in other]


def test_shiite_paramilitaries_are_the_hashd_in_iraq_only():
    iraq = linked("Shiite paramilitary fighters pushed into the town west of Kirkuk, officials said.",
                  dt.date(2017, 10, 2))
    assert "actor/hashd-al-shaabi" in [f[1] for f in iraq]
    groups = linked("The army and Shia paramilitary groups entered Hawija in Iraq on Thursday.", dt.date(2017, 10, 5))
    assert "actor/hashd-al-shaabi" in [f[1] for f in groups]
    syria = linked("Shiite paramilitaries backed by Iran advanced near Albu Kamal in Syria.", dt.date(2017, 11, 9))
    assert "actor/hashd-al-shaabi" not in [f[1] for f in syria]


def test_popular_forces_are_the_hashd_in_iraq_and_counted_with_the_army_in_syria():
    iraq = linked("The popular forces repelled an attack near Samarra on Tuesday.", dt.date(2020, 9, 29))
    syria = linked("The popular forces advanced on Mayadin on Tuesday.", dt.date(2017, 10, 10))
    assert [f[1] for f in iraq] == ["actor/hashd-al-shaabi"]
    assert [f[1] for f in syria] == ["actor/syrian-arab-army"]


def test_a_defined_acronym_follows_its_name():
    text = ("Militants attacked the headquarters of the Internal Security Forces (ISF) in Hasakah.\n\n"
            "The ISF said two of the attackers were arrested.")
    found = linked(text, dt.date(2023, 5, 16))
    assert [(label, iri) for label, iri, _ in found] == [
        ("Internal Security Forces", "actor/asayish"), ("ISF", "actor/asayish"), ("ISF", "actor/asayish")]
    assert [e for _, _, e in found] == ["description.sentence", "acronym-definition", "acronym-definition"]
    # the text confirming the lexicon changes nothing
    found = linked("Iraqi Security Forces (ISF) entered Ramadi. The ISF said so.", dt.date(2015, 12, 28))
    assert {(iri, e) for _, iri, e in found} == {("actor/isf", "entity-ruler")}


def test_the_kurdistan_regions_asayish_is_not_syrias():
    text = ("Iraqi forces arrested two suspects in Kirkuk, in coordination with the internal security "
            "forces (Asayish) of Sulaimani province.")
    iraq = "actor/kurdistan-region-asayish"
    assert [iri for _, iri, _ in linked(text, dt.date(2025, 12, 17))] == ["actor/isf", iraq, iraq]
    text = "The Asayish arrested two suspects in Qamishli, the Kurdish-led administration said."
    assert "actor/asayish" in [iri for _, iri, _ in linked(text, dt.date(2021, 3, 30))]


def test_the_kurdistan_regions_police_are_not_the_federal_isf():
    found = linked("Police in Sulaymaniyah arrested two suspects on Monday.", dt.date(2021, 5, 3))
    assert [iri for _, iri, _ in found] == ["actor/kurdistan-region-police"]
    found = linked("Police in Kirkuk arrested two suspects on Monday.", dt.date(2021, 5, 3))
    assert [iri for _, iri, _ in found] == ["actor/isf"]


def test_syrias_interior_ministry_is_the_transitional_governments_after_assad():
    before = linked("Syria's Interior Ministry said the attackers fled toward Palmyra.", dt.date(2017, 5, 1))
    after = linked("Syria's Interior Ministry said the attackers fled toward Palmyra.", dt.date(2025, 12, 13))
    assert [iri for _, iri, _ in before] == ["actor/syrian-regime"]
    assert [iri for _, iri, _ in after] == ["actor/syrian-transitional-government"]


@pytest.mark.parametrize(("acronym", "name", "spells"), [
    ("ISF", "the Internal Security Forces", True),
    ("CTS", "Counter-Terrorism Service", True),
    ("AQI", "al-Qaeda in Iraq", True),
    ("HTS", "Hayat Tahrir al-Sham", True),
    ("PMUs", "Popular Mobilization Units", True),
    ("YAT", "Anti-Terror Units", False),
    ("ISIS", "Islamic State", False),
])
def test_an_acronym_must_spell_its_name(acronym, name, spells):
    assert nlp._spells(acronym, name) is spells


def test_the_build_reads_descriptions_with_the_publication_date():
    text = "Kurdish fighters took the village near Kobani, activists said."
    pipeline = nlp.load_pipeline()
    early, late = parse_texts(pipeline, [text, text], [dt.date(2015, 1, 26), dt.date(2017, 6, 1)])
    assert [m.ref for m in nlp.mentions(early) if m.kind == "actor"] == [YPG]
    assert [m.ref for m in nlp.mentions(late) if m.kind == "actor"] == [SDF]


# ---------------------------------------------------------------- peoples are no places


def test_peoples_are_not_minted_as_places():
    pipeline = nlp.load_pipeline()
    doc = pipeline("The Yazidi community of Sinjar and Iraqi Yazidis stranded on the mountain were "
                   "spared; Sunni and Shiite leaders met.")
    assert not any(p.label.lower().startswith(("yazidi", "sunni", "shiite")) for p in nlp.new_places(doc))
    doc = pipeline("The evacuees were Chechens, Uzbeks, Daghestani, Kazakhs and Tunisians.")
    assert nlp.new_places(doc) == []


def test_the_peoples_rule_reads_the_lexicon_and_the_models_norp():
    pipeline = nlp.load_pipeline()
    doc = pipeline("Daghestani fighters fled; the Daghestani had arrived in 2015.")
    context = nlp._LinkContext(set(), frozenset(), frozenset({"daghestani"}))
    ent = doc[0:1]
    assert nlp._names_a_people(ent, "Daghestani", context)
    assert nlp._names_a_people(ent, "Yazidis", None)
    assert nlp._names_a_people(ent, "Sunni Arab", None)
    assert not nlp._names_a_people(ent, "Ain al-Arab", None)
    assert not nlp._names_a_people(ent, "Dashisha", None)


def test_an_acronym_may_spell_its_name_without_the_country_s_adjective():
    text = ("Iraqi Security Media Cell (SMC) said the jets struck two hideouts.\n\n"
            "The SMC said the strikes were carried out at dawn.")
    found = linked(text, dt.date(2022, 9, 25))
    assert [iri for _, iri, _ in found] == ["actor/security-media-cell"] * 3


def test_an_acronym_of_a_name_no_entity_covers_is_no_one_we_know():
    text = ("According to a report by the SDF's Military Observation Desk (MOD), ISIS carried out "
            "eleven attacks in June. The MOD counted four more in July.")
    found = linked(text, dt.date(2021, 8, 13))
    assert "MOD" not in [label for label, _, _ in found]
    assert [iri for _, iri, _ in found] == ["actor/sdf", "actor/isis"]


def test_an_unrecognised_spelling_of_the_acronym_s_own_name_keeps_the_lexicon_s_link():
    text = ("On Monday the Iraqi Combat Terrorism Service (CTS) raided a hideout near Kirkuk.\n\n"
            "The CTS said four suspects were arrested.")
    found = linked(text, dt.date(2025, 12, 17))
    assert [(label, iri) for label, iri, _ in found if label == "CTS"] == [
        ("CTS", "actor/iraqi-cts"), ("CTS", "actor/iraqi-cts")]


def test_kurdish_soldiers_are_the_peshmerga_in_iraq_only():
    """Shafaq via Daily News Brief (2021): villagers and Kurdish soldiers killed near Makhmour."""
    iraq = linked("Two Kurdish soldiers died when militants shelled a post near Makhmour in Iraq.",
                  dt.date(2021, 12, 8))
    assert [f[1] for f in iraq] == ["actor/peshmerga"]
    village = linked("Gunmen raided a village near Kirkuk, killing a Kurdish soldier, officials said.",
                     dt.date(2022, 3, 1))
    assert [f[1] for f in village] == ["actor/peshmerga"]
    # must not: in Syria the news's Kurdish fighters are the SDF, never called soldiers there
    syria = linked("A Kurdish soldier was hurt by a mine near Hasakah in Syria.", dt.date(2021, 12, 8))
    assert "actor/peshmerga" not in [f[1] for f in syria]


def test_russian_soldiers_and_officers_are_the_russian_armed_forces():
    """AFP via Tricksfast (2020): an attack that killed a high-ranking Russian officer."""
    for text in ("A senior Russian officer died in a blast near Deir ez-Zor.",
                 "Russian soldiers escorted the convoy to Palmyra on Friday.",
                 "The bomb wounded three Russian servicemen outside Raqqa."):
        assert [f[1] for f in linked(text, dt.date(2020, 8, 20))] == ["actor/russian-armed-forces"], text
    assert "actor/russian-armed-forces" not in [f[1] for f in linked(
        "A Russian journalist was detained near Raqqa.", dt.date(2020, 8, 20))]


def test_the_general_directorate_of_military_intelligence_by_its_full_name():
    """Gulan Media (2024): "the Iraqi Directorate of General Military Intelligence (DGMI)"."""
    found = linked("Intelligence from the Directorate of General Military Intelligence led to the raid in Kirkuk.",
                   dt.date(2024, 6, 20))
    assert [f[1] for f in found] == ["actor/iraqi-military-intelligence"]


def test_the_coalition_nations_soldiers_are_their_armed_forces():
    """The rank and file of a coalition nation, as the wires name its dead or wounded."""
    for text, slug in (("Two British soldiers were hurt in a rocket attack on the base near Erbil.",
                        "uk-armed-forces"),
                       ("A French soldier was killed during a training mission in northern Iraq.",
                        "french-armed-forces"),
                       ("Jordanian troops closed the crossing after the attack on Tuesday.", "jordanian-armed-forces")):
        assert [f[1] for f in linked(text, dt.date(2019, 5, 1))] == [f"actor/{slug}"], text
    # must not: a nation's officials are no soldiers of its army
    officials = linked("Two British officials visited Erbil on Tuesday.", dt.date(2019, 5, 1))
    assert "actor/uk-armed-forces" not in [f[1] for f in officials]
