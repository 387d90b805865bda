"""graph/jvm.py: fetching a runtime's jars when several processes want them at once."""
from __future__ import annotations

import fcntl
import threading
from pathlib import Path

import pytest

from graph import jvm
from graph.errors import ServerError


def test_a_fetch_waits_for_one_under_way_and_takes_its_copy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """While another process holds the lock, a fetch waits, then finds the copy complete and runs no Maven.

    Maven is made unavailable: a fetch that did not wait would fail at once for want of it.
    """
    monkeypatch.setattr(jvm.shutil, "which", lambda name: None)
    lib = tmp_path / "runtime" / "lib"
    lib.parent.mkdir()
    results: list[Path | Exception] = []

    def fetch() -> None:
        try:
            results.append(jvm.fetch_runtime(tmp_path / "pom.xml", lib, what="a runtime"))
        except Exception as error:  # handed to the test's thread
            results.append(error)

    with open(lib.with_name("lib.lock"), "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        waiting = threading.Thread(target=fetch)
        waiting.start()
        waiting.join(timeout=1.0)
        assert waiting.is_alive() and results == [], results
        lib.mkdir()
        (lib / "server.jar").write_bytes(b"jar")
        (lib / ".complete").write_text("a runtime\n")
    waiting.join(timeout=10.0)
    assert results == [lib]
    assert sorted(path.name for path in lib.iterdir()) == [".complete", "server.jar"]


def test_a_fetch_without_maven_names_what_it_needs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(jvm.shutil, "which", lambda name: None)
    with pytest.raises(ServerError, match=r"Maven \(mvn\) is needed to fetch a runtime"):
        jvm.fetch_runtime(tmp_path / "pom.xml", tmp_path / "lib", what="a runtime")
    assert not (tmp_path / "lib").exists()
