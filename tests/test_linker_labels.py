"""Actor labels the linker lacked (round 8b of issue 13): a plural of a force's name, a
country's army in the possessive, a nationality written before the people's adjective."""

from __future__ import annotations

import pytest

from isisgraph import nlp


def actors(text: str) -> list[tuple[str, str]]:
    doc = nlp.load_pipeline()(text)
    return [(m.label, m.ref.rsplit("/", 1)[1]) for m in nlp.mentions(doc) if m.kind == "actor"]


@pytest.mark.parametrize("text, mention, actor", [
    # a plural of the force's name (Newsweek, 2015; Al Bawaba, 2014)
    ("The president praised the brave Peshmergas who held the ridge.", "Peshmergas", "peshmerga"),
    # the army in the possessive, curly or straight apostrophe (AP via the Vindicator, 2016)
    ("The town fell when Iraq\u2019s army withdrew in June.", "Iraq\u2019s army", "iraqi-army"),
    ("Iraq's army said it had cleared the road.", "Iraq's army", "iraqi-army"),
    # the nationality before the people's adjective (Al Bawaba, 2014)
    ("Kurdish Iraqi forces say they have taken back two villages.", "Kurdish Iraqi forces", "peshmerga"),
])
def test_a_label_variant_links_the_actor(text, mention, actor):
    assert (mention, actor) in actors(text)


def test_a_possessive_of_another_noun_is_not_the_army():
    # "Iraq's army" only: Iraq's parliament is no force of the army's
    assert not any(ref == "iraqi-army" for _, ref in actors("Iraq's parliament met on Sunday."))
