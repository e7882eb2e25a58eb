"""Round 8c of the shared layers: past ability ("could retake the town on Thursday", "were able
to recapture") is something done, not a modal or an intention (``syntax.factuality.past-ability``,
``syntax.factuality.was-able``). Sentences written here, through the project's pipeline."""

from __future__ import annotations

import datetime as dt

import pytest

from isisgraph.extract.syntax.factuality import factuality, irrealis

PUBLISHED = dt.date(2016, 8, 5)  # a Friday


@pytest.fixture(scope="module")
def reading(pipeline):
    from isisgraph.nlp import article_doc

    def run(text: str, verb: str):
        doc = pipeline(article_doc(pipeline, text, PUBLISHED))
        head = next(t for t in doc if t.lower_ == verb)
        return factuality(head).blocked, irrealis(head)

    return run


@pytest.mark.parametrize(("text", "verb"), [
    ("Kurdish fighters could retake the old market in the city centre on Thursday.", "retake"),
    ("On Tuesday, the Iraqi army could finally recapture the bridge after two days of fighting.",
     "recapture"),
    ("Government troops could enter the northern district in July and cleared it within a week.",
     "enter"),
    ("The militias were able to recapture the village on Wednesday.", "recapture"),
    ("Police units were able to arrest four suspects in a raid near the border.", "arrest"),
    ("Government troops managed to liberate the district last week.", "liberate"),
    ("By Saturday the brigade had been able to storm the airport.", "storm"),
    ("The Syrian army could recapture the ancient city in March, after weeks of shelling.", "recapture"),
])
def test_past_ability_is_something_done(reading, text, verb):
    assert reading(text, verb) == (None, False), text


@pytest.mark.parametrize(("text", "verb"), [
    ("The army could retake the town if the coalition provides air support.", "retake"),
    ("The town could be retaken on Sunday, a commander said.", "retaken"),
    ("Iraqi forces could retake the town soon.", "retake"),
    ("The troops could retake the town next week.", "retake"),
    ("Iraqi forces could retake the city by the end of the year.", "retake"),
    ("Iraqi forces could retake the city in 2017.", "retake"),
    ("Iraqi forces could launch the assault on the city in October.", "launch"),
    ("Officials said Iraqi forces could retake the town on Saturday.", "retake"),
    ("Iraqi forces could have retaken the town on Friday.", "retaken"),
    ("In 2015 the army could not retake the town.", "retake"),
    ("Commanders say the troops will be able to retake the city next month.", "retake"),
    ("The militants were not able to seize the checkpoint on Sunday.", "seize"),
    ("No soldiers were able to enter the town.", "enter"),
    ("The brigade had not been able to storm the airport by Saturday.", "storm"),
    ("The army was unable to recapture the bridge on Monday.", "recapture"),
])
def test_possibility_forecast_and_failure_are_not(reading, text, verb):
    blocked, unreal = reading(text, verb)
    assert blocked is not None and unreal, text
