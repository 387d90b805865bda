"""A crash costs a retry, never data: Neo4j killed in the middle of a load leaves the document whole
or absent, and loading it again gives the graph a clean load gives."""
from __future__ import annotations

import hashlib
import os
import subprocess
import time
from pathlib import Path

import pytest

from graph import localserver
from graph.store import Store
from tests.conftest import ROOT, counts

pytestmark = pytest.mark.neo4j


def _big_document(folder: Path, *, entities: int = 1000, relations: int = 10000) -> Path:
    """One facts file large enough that loading it takes seconds (a deterministic chain of warnings)."""
    sentences = [f"Service {i} warned Service {(i * 7 + 1) % entities} about plot {i}." for i in range(relations)]
    text = "\n".join(sentences) + "\n"
    (folder / "big.txt").write_text(text)
    lines = ["document:", "  id: fault-big", "  title: A large synthetic document", "  publisher: Test Wire",
             "  published: 2024-01-01", "  language: en", "  text: big.txt",
             f"  sha256: {hashlib.sha256(text.encode()).hexdigest()}", "entities:"]
    for i in range(entities):
        lines += [f"  - {{id: svc-{i}, name: Service {i}, kind: SecurityService}}"]
    lines.append("relations:")
    for i, sentence in enumerate(sentences):
        lines += [f"  - {{id: r{i}, subject: svc-{i % entities}, type: WARNED, object: svc-{(i * 7 + 1) % entities},"
                  f" status: reported, quote: \"{sentence}\"}}"]
    path = folder / "big.facts.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def _document_state(store: Store) -> tuple[int, int]:
    _, rows, _ = store.run_untrusted(
        "RETURN COUNT { MATCH (d:Document {id: 'fault-big'}) } AS documents, "
        "COUNT { MATCH (v:Evidence {document: 'fault-big'}) } AS evidence", {}, row_cap=1, timeout=60)
    return rows[0][0], rows[0][1]


def _wait_for_loader_transaction(store: Store, process: subprocess.Popen, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        _, rows, _ = store.run_untrusted("SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS 'UNWIND' "
                                         "RETURN count(*)", {}, row_cap=1, timeout=10)
        if rows[0][0]:
            return
        time.sleep(0.05)
    pytest.fail("the load finished (or never began writing) before Neo4j could be killed")


def test_neo4j_killed_mid_load_leaves_the_document_whole_or_absent(empty_store, neo4j_server, tmp_path):
    facts = _big_document(tmp_path)
    command = [str(ROOT / ".venv" / "bin" / "intelgraph"), "load", str(facts)]
    process = subprocess.Popen(command, env=os.environ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait_for_loader_transaction(empty_store, process)
        localserver.stop(neo4j_server, kill=True)  # a crash, not a shutdown
        _, stderr = process.communicate(timeout=120)
    finally:
        if process.poll() is None:
            process.kill()
        localserver.start(neo4j_server)
    assert process.returncode == 1
    assert "Neo4j" in stderr and "Traceback" not in stderr
    empty_store.close()  # reconnect after the restart
    documents, evidence = _document_state(empty_store)
    assert (documents, evidence) in ((0, 0), (1, 10000))

    subprocess.run(command, env=os.environ, check=True, capture_output=True, timeout=600)
    after_retry = counts(empty_store)
    empty_store.delete_all()
    subprocess.run(command, env=os.environ, check=True, capture_output=True, timeout=600)
    assert counts(empty_store) == after_retry
