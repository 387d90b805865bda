"""Shared fixtures: a real Neo4j for the tests, never a mock.

The tests run their own local server, apart from the one `make run` uses, so that they can
wipe, stop and restart it: home ``.neo4j/test``, Bolt on 127.0.0.1:17687, HTTP on 17474
(override with INTELGRAPH_TEST_BOLT_PORT / INTELGRAPH_TEST_HTTP_PORT; another Bolt port gets its
own home, ``.neo4j/test-PORT``). It is started once per
session if it is not running, and stopped at the end if the session started it.

``make test`` runs two pytest-xdist workers, a module's tests on one worker (``--dist loadfile``).
Each worker is a session of its own with a Neo4j of its own: worker ``gwN`` adds 10 × N to both
ports (so ``gw1`` has Bolt 17697, HTTP 17484, home ``.neo4j/test-17697``). The workers share one
CoreNLP server (4 GiB, 30 s to start) and one folder of its answers: the first worker that needs
it starts it, and the run's controller stops it at the end (:func:`nlp_server`).
"""
from __future__ import annotations

import atexit
import contextlib
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"

# Before graph.settings is imported anywhere: point every test at the test server.
os.environ["NEO4J_URI"] = ""
# pytest-xdist names its workers gw0, gw1, ... before any conftest is read; a plain session is gw0.
_WORKER_OFFSET = 10 * int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
os.environ["NEO4J_BOLT_PORT"] = str(int(os.environ.get("INTELGRAPH_TEST_BOLT_PORT", "17687")) + _WORKER_OFFSET)
# One home per port: two test servers side by side (INTELGRAPH_TEST_BOLT_PORT) must not share
# a store or a configuration file.
os.environ["NEO4J_HOME"] = str(ROOT / ".neo4j" / ("test" if os.environ["NEO4J_BOLT_PORT"] == "17687"
                                                  else f"test-{os.environ['NEO4J_BOLT_PORT']}"))
os.environ["NEO4J_HTTP_PORT"] = str(int(os.environ.get("INTELGRAPH_TEST_HTTP_PORT", "17474")) + _WORKER_OFFSET)
os.environ.setdefault("NEO4J_HEAP", "1g")
# The tests' own CoreNLP server, beside the one `make run` uses (INTELGRAPH_TEST_CORENLP_PORT moves it).
os.environ["CORENLP_URL"] = ""
os.environ["CORENLP_PORT"] = os.environ.get("INTELGRAPH_TEST_CORENLP_PORT", "19000")
os.environ["CORENLP_HOME"] = str(ROOT / ".corenlp" / f"test-{os.environ['CORENLP_PORT']}")
# Each article is read by the real server once per run, then shared by every test and the CLI
# drafts they start: a new folder each run, so nothing is kept from an earlier one. xdist's workers
# inherit the folder of the process that started them, which deletes it at the end.
if "PYTEST_XDIST_WORKER" not in os.environ:
    os.environ["CORENLP_ANSWERS_DIR"] = tempfile.mkdtemp(prefix="intelgraph-nlp-answers-")
    atexit.register(shutil.rmtree, os.environ["CORENLP_ANSWERS_DIR"], ignore_errors=True)
# Written by the worker that started CoreNLP, in the run's own folder: the controller stops it.
_NLP_STARTED_MARK = Path(os.environ["CORENLP_ANSWERS_DIR"]) / ".corenlp-started-by-this-run"
os.environ.setdefault("NEO4J_PAGECACHE", "512m")

from graph import localserver  # noqa: E402
from graph.settings import Settings, get_settings  # noqa: E402
from graph.store import Store  # noqa: E402

pytest_plugins = ["tests.terminal"]  # the tmux fixture, for tests of what a terminal shows

_LOCK_WAIT_S = 1800


def _is_xdist_controller(config: pytest.Config) -> bool:
    """Whether this process only hands tests to xdist's workers (it runs none itself)."""
    return not hasattr(config, "workerinput") and bool(getattr(config.option, "numprocesses", None))


def pytest_configure(config: pytest.Config) -> None:
    """Take the test server for this session: two sessions on one server would wipe each other's data."""
    if _is_xdist_controller(config):
        return  # each worker takes its own server's lock
    lock_path = ROOT / ".neo4j" / f"test-{os.environ['NEO4J_BOLT_PORT']}.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(lock_path, "w")
    deadline = time.monotonic() + _LOCK_WAIT_S
    announced = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if not announced:
                print(f"waiting for another test session to release {lock_path}", file=sys.__stderr__, flush=True)
                announced = True
            if time.monotonic() > deadline:
                raise pytest.UsageError(f"{lock_path} is held by another test session") from None
            time.sleep(1)
    config._intelgraph_lock = handle  # held until the process exits


# The modules that take a minute or more on an idle machine (bench, schemathesis, the browsers, the
# evaluation), longest first. `make test` hands them to its workers before the rest
# (--no-loadscope-reorder keeps this order; xdist would otherwise put the modules of one long test
# last, and one worker would run the last of them while the other waits).
_LONG_MODULES = ("tests/bench/test_bench_smoke.py", "tests/bench/test_bulk.py", "tests/security/test_schemathesis.py",
                 "tests/extract/test_evaluation.py", "tests/web/test_explore_e2e.py", "tests/web/test_e2e.py",
                 "tests/security/test_hostile_queries.py", "tests/graph/exports/test_formats.py",
                 "tests/graph/exports/test_csv_export.py", "tests/web/test_workbench_e2e.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the long modules first, in the order above; the rest keep their order after them."""
    def rank(item: pytest.Item) -> int:
        module = item.nodeid.split("::")[0]
        return _LONG_MODULES.index(module) if module in _LONG_MODULES else len(_LONG_MODULES)

    items.sort(key=rank)


def pytest_unconfigure(config: pytest.Config) -> None:
    """The controller of xdist's workers stops the CoreNLP server one of them started, once all are done."""
    if _is_xdist_controller(config) and _NLP_STARTED_MARK.exists():
        from extract.nlp import server

        server.stop(get_settings())
        _NLP_STARTED_MARK.unlink()


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
def nlp_server(settings: Settings) -> Iterator[Settings]:
    """The running CoreNLP server that drafts read with (started here if needed: about 30 s, 4 GiB).

    Under xdist, the workers take turns to look and start it, and the one that started it leaves it
    to the controller to stop (:func:`pytest_unconfigure`): the other worker may still be reading.
    """
    from extract.nlp import server

    lock_path = settings.corenlp_home.parent / f"{settings.corenlp_home.name}.start.lock"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_path, "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        started = not server.status(settings).ready
        if started:
            server.start(settings)
            if "PYTEST_XDIST_WORKER" in os.environ:
                _NLP_STARTED_MARK.touch()
    yield settings
    if started and "PYTEST_XDIST_WORKER" not in os.environ:
        server.stop(settings)


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


TEST_CORPUS = FIXTURES / "corpus"
# The seed article alone (links into corpus/, which grows): the counts the tests assert are its.
SEED_CORPUS = FIXTURES / "seed"
AMBIGUITY = FIXTURES / "ambiguity"  # a second "Red Cell", of another kind


# What the graph held when `loaded` last loaded it: the next module reuses it if nothing changed.
_loaded_fingerprint: str | None = None


def graph_fingerprint(store: Store) -> str:
    """A digest of every node and relationship, with element ids, labels or type, and properties.

    Read directly (test-only: the product runs registry statements only). Element ids and the
    load times stamped on nodes make a graph deleted and loaded again differ from the first one.
    """
    import hashlib
    import json

    digest = hashlib.sha256()
    for text in ("MATCH (n) RETURN elementId(n) AS id, labels(n) AS labels, properties(n) AS p ORDER BY id",
                 "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, type(r) AS type, elementId(a) AS a, "
                 "elementId(b) AS b, properties(r) AS p ORDER BY id"):
        records, _, _ = store.driver.execute_query(text, database_=store.settings.neo4j_database)
        for record in records:
            digest.update(json.dumps(record.data(), sort_keys=True, default=str).encode())
        digest.update(b"\x00")
    return digest.hexdigest()


@pytest.fixture(scope="module")
def loaded(store: Store) -> Store:
    """The test documents (alpha, beta, gamma) and the seed article, loaded into an empty graph.

    Loaded once and kept for the next module as long as the graph is exactly as loaded (compared
    by :func:`graph_fingerprint`, 0.1 s against 2 s for a reload): a module that wrote to it, or
    emptied it, gets a fresh load.
    """
    from loaders.facts_loader import load_paths

    global _loaded_fingerprint
    if _loaded_fingerprint is not None and graph_fingerprint(store) == _loaded_fingerprint:
        return store
    _loaded_fingerprint = None  # a load that fails half-way must not be taken for the graph
    store.delete_all()
    load_paths(store, [TEST_CORPUS, AMBIGUITY, SEED_CORPUS])
    _loaded_fingerprint = graph_fingerprint(store)
    return store


@pytest.fixture(scope="module")
def client(loaded: Store, neo4j_server: Settings) -> Iterator[TestClient]:
    """The real app (httpx through ASGI) over the loaded test graph."""
    from fastapi.testclient import TestClient

    from api.main import create_app

    with TestClient(create_app(neo4j_server)) as client:
        yield client


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the test corpus (tests edit facts files in it)."""
    import shutil

    target = tmp_path / "corpus"
    shutil.copytree(FIXTURES / "corpus", target)
    return target


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def running_api(extra_env: dict[str, str] | None = None, workers: int = 1) -> Iterator[str]:
    """A real uvicorn serving the API on a free loopback port; yields its base URL."""
    import subprocess
    import urllib.request

    port = free_port()
    env = {**os.environ, **(extra_env or {})}
    log_path = ROOT / "artifacts" / "logs" / f"uvicorn-{port}.log"
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log = open(log_path, "wb")  # kept as a test artefact: the server's own account of a failure
    process = subprocess.Popen([str(ROOT / ".venv" / "bin" / "uvicorn"), "api.main:app", "--host", "127.0.0.1",
                                "--port", str(port), "--workers", str(workers), "--no-access-log"],
                               cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(base + "/health", timeout=1):
                    break
            except OSError as exc:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"uvicorn did not start: {log_path.read_text()[-2000:]}") from exc
                time.sleep(0.2)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()
