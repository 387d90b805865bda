"""The same text under another document id is flagged: by ``draft`` (from the graph, or from the
facts files of --gazetteer), by ``review`` and by ``validate``."""
from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from extract.duplicates import SameText, same_text_in_files, same_text_in_graph
from graph.facts import read_facts
from graph.store import Store
from loaders.facts_loader import load_paths
from tests.conftest import FIXTURES, ROOT

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
LOADED = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.facts.yaml"
TEXT = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.txt"
LOADED_ID = "test-latvia-recruiter-arrest"
METADATA = ("--title", "Arrests in Riga", "--publisher", "Another Wire", "--date", "2024-04-12")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, timeout=180, cwd=ROOT,
                          input=stdin, stdin=None if stdin is not None else subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"})


def _copy(tmp_path: Path) -> Path:
    copy = tmp_path / "riga-arrests.txt"
    shutil.copy(TEXT, copy)
    return copy


def test_the_facts_files_of_the_gazetteer_are_searched(tmp_path: Path) -> None:
    sha256 = read_facts(LOADED).document.sha256
    assert same_text_in_files([FIXTURES / "extraction"], sha256=sha256, document_id="riga-arrests") == [
        SameText(LOADED_ID, sha256, str(LOADED))]
    assert same_text_in_files([FIXTURES / "extraction"], sha256=sha256, document_id=LOADED_ID) == []

    copy = _copy(tmp_path)
    result = run("draft", str(copy), "--gazetteer", str(LOADED), *METADATA)
    assert result.returncode == 0, result.stderr
    warning = (f"warning: the same text (sha256 {sha256[:4]}…) is already document {LOADED_ID} ({LOADED}): "
               "loading it as riga-arrests would count its facts twice as two sources'")
    assert warning in result.stderr
    document = yaml.safe_load(copy.with_suffix(".facts.yaml").read_text(encoding="utf-8"))["document"]
    assert document["review"]["candidate"] is True and f"is already document {LOADED_ID}" in document["review"][
        "reason"]
    assert "guessed" not in document["review"]  # only the same text: accepting it is the reviewer's call


@pytest.fixture
def loaded(store: Store) -> Iterator[Store]:
    store.delete_all()
    load_paths(store, [LOADED])
    yield store
    store.delete_all()  # a draft of this text elsewhere (tests/extract/test_draft.py) must not find it loaded


@pytest.mark.neo4j
def test_draft_review_and_validate_flag_a_text_the_graph_holds(loaded: Store, tmp_path: Path) -> None:
    sha256 = read_facts(LOADED).document.sha256
    assert same_text_in_graph(loaded, sha256=sha256, document_id="riga-arrests") == [
        SameText(LOADED_ID, sha256, "in the graph")]
    assert same_text_in_graph(loaded, sha256=sha256, document_id=LOADED_ID) == []
    assert same_text_in_graph(loaded, sha256="0" * 64, document_id="riga-arrests") == []

    copy = _copy(tmp_path)
    warning = f"is already document {LOADED_ID} (in the graph): loading it as riga-arrests would count"
    for how in (("--no-graph",), ()):  # --no-graph asks the graph too, when it answers
        drafted = run("draft", str(copy), "--force", *how, *METADATA)
        assert drafted.returncode == 0, drafted.stderr
        assert warning in drafted.stderr, how
    draft = copy.with_suffix(".facts.yaml")
    assert warning in yaml.safe_load(draft.read_text(encoding="utf-8"))["document"]["review"]["reason"]

    reviewed = run("review", str(draft), "--accept-all")
    assert reviewed.returncode == 0, reviewed.stderr
    assert warning in reviewed.stderr
    validated = run("validate", str(draft))
    assert validated.returncode == 0 and f"ok  {draft}" in validated.stdout
    assert f"warning: {draft}: document.sha256: the same text" in validated.stderr and warning in validated.stderr

    same_id = run("draft", str(copy), "--force", "--id", LOADED_ID, *METADATA)  # revising that document
    assert same_id.returncode == 0 and "warning" not in same_id.stderr


def test_validate_flags_two_files_with_one_text(tmp_path: Path) -> None:
    for name in ("a", "b"):
        shutil.copy(TEXT, tmp_path / TEXT.name)
        facts = yaml.safe_load(LOADED.read_text(encoding="utf-8"))
        facts["document"]["id"] = f"copy-{name}"
        facts["document"]["text"] = TEXT.name
        (tmp_path / f"{name}.facts.yaml").write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
    result = run("validate", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert f"warning: {tmp_path / 'a.facts.yaml'}: document.sha256: the same text" in result.stderr
    assert f"is already document copy-b ({tmp_path / 'b.facts.yaml'})" in result.stderr
