"""Shared fixtures: the seeds build is made once per test session and reused, as are the
project's NLP pipeline and reference data for the tests that read sentences of their own."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

# The property tests run the same examples on every run: a test that drew new random inputs
# each time would fail CI on whichever bad input it happened to meet that day. `make fuzz`
# (HYPOTHESIS_PROFILE=fuzz, tests/test_properties.py) is where new inputs are searched.
settings.register_profile("ci", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
if os.environ.get("HYPOTHESIS_PROFILE", "ci") == "ci":
    settings.load_profile("ci")


@pytest.fixture(scope="session")
def pipeline():
    """The project's spaCy pipeline (model and isisgraph's components)."""
    from isisgraph.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def ref():
    """The reference data (actors, places, lexicons) as the extractors read it."""
    from isisgraph import reference

    return reference.load()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory: pytest.TempPathFactory):
    """The seeds built once into TriG: (path, summary). Tests must not modify the file."""
    from isisgraph.build import build

    out = tmp_path_factory.mktemp("seeds-build") / "graph.trig"
    summary = build([SEEDS], out)
    return out, summary


@pytest.fixture(scope="session")
def seeds_dataset(seeds_build):
    """The seeds build parsed back into an rdflib Dataset (read-only by convention)."""
    from rdflib import Dataset

    path, _ = seeds_build
    dataset = Dataset(default_union=True)
    dataset.parse(path, format="trig")
    return dataset


@pytest.fixture(scope="session")
def seeds_articles():
    from isisgraph.ingest import read_articles

    return {a.id: a for a in read_articles([SEEDS])}


# The seeds' evaluation table (tests/test_seeds_evaluation.py), printed at the end of every
# run that computed it, whether or not its thresholds pass, so `make test` shows the numbers.
EVALUATION_TABLE = pytest.StashKey[str]()


@pytest.fixture
def report_evaluation(request: pytest.FixtureRequest):
    def report(table: str) -> None:
        request.config.stash[EVALUATION_TABLE] = table

    return report


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:  # noqa: ANN001 (pytest hook)
    table = config.stash.get(EVALUATION_TABLE, None)
    if table:
        terminalreporter.write_sep("=", "seeds build against tests/gold (isisgraph evaluate)")
        terminalreporter.write_line(table)


BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


@pytest.fixture(scope="session")
def chromium() -> str:
    """The headless browser the viz pages are opened in (test_viz.py, test_viz_map.py)."""
    import os
    import shutil

    found = os.environ.get("ISISGRAPH_CHROMIUM") or next(filter(None, map(shutil.which, BROWSERS)), None)
    if not found:
        pytest.skip("no Chromium found (looked for " + ", ".join(BROWSERS) + "; Debian: apt-get install "
                    "chromium); the viz page was not opened in a browser")
    return found


@pytest.fixture(scope="module")
def reports_of(request, pipeline, ref):
    """The strike reports of a sentence or article of our own: ``reports_of(text)`` published on
    the test module's ``PUBLISHED`` day (None if it has none), ``reports_of(text, day)`` on
    another."""
    from isisgraph.extract.strikes import extract_strike_reports
    from isisgraph.records import Article

    default = getattr(request.module, "PUBLISHED", None)

    def run(text, published=default):
        article = Article(id="t", text=text, source="test", published=published)
        return extract_strike_reports(pipeline(text), article, ref)

    return run


@pytest.fixture(scope="module")
def article_events(request, pipeline, ref):
    """The events of a whole extraction of a text of our own, after the context layer completed
    them: ``article_events(text)`` published on the test module's ``PUBLISHED`` day (None if it
    has none), ``article_events(text, day)`` on another."""
    from isisgraph.extract import extract
    from isisgraph.nlp import article_doc
    from isisgraph.records import Article

    default = getattr(request.module, "PUBLISHED", None)

    def run(text, published=default):
        doc = pipeline(article_doc(pipeline, text, published))
        return extract(doc, Article(id="t", text=text, source="test", published=published), ref).events

    return run
