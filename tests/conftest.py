"""Shared fixtures: a real Neo4j for the tests, never a mock.

The tests run their own local server, apart from the one `make run` uses, so that they can
wipe, stop and restart it: home ``.neo4j/test``, Bolt on 127.0.0.1:17687, HTTP on 17474
(override with INTELGRAPH_TEST_BOLT_PORT / INTELGRAPH_TEST_HTTP_PORT). It is started once per
session if it is not running, and stopped at the end if the session started it.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# Before graph.settings is imported anywhere: point every test at the test server.
os.environ["NEO4J_URI"] = ""
os.environ["NEO4J_HOME"] = str(ROOT / ".neo4j" / "test")
os.environ["NEO4J_BOLT_PORT"] = os.environ.get("INTELGRAPH_TEST_BOLT_PORT", "17687")
os.environ["NEO4J_HTTP_PORT"] = os.environ.get("INTELGRAPH_TEST_HTTP_PORT", "17474")
os.environ.setdefault("NEO4J_HEAP", "1g")
os.environ.setdefault("NEO4J_PAGECACHE", "512m")

from graph import localserver  # noqa: E402
from graph.settings import Settings, get_settings  # noqa: E402
from graph.store import Store  # noqa: E402


@pytest.fixture(scope="session")
def settings() -> Settings:
    return get_settings()


@pytest.fixture(scope="session")
def neo4j_server(settings: Settings) -> Iterator[Settings]:
    """The running test server (started here if needed)."""
    was_running = localserver.status(settings).running
    localserver.start(settings)
    yield settings
    if not was_running:
        localserver.stop(settings)


@pytest.fixture(scope="session")
def store(neo4j_server: Settings) -> Iterator[Store]:
    with Store(neo4j_server) as store:
        store.ensure_schema()
        yield store


@pytest.fixture
def empty_store(store: Store) -> Store:
    """The store with an empty graph."""
    store.delete_all()
    return store


def counts(store: Store) -> dict[str, int]:
    """Everything that a load could change, counted: to compare before and after."""
    rows = store.read("stats")
    return {f"{row['section']}:{row['name']}": row["count"] for row in rows}


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the test corpus (tests edit facts files in it)."""
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", target)
    return target
