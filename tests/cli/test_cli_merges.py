"""``intelgraph merge | unmerge | merges`` through the real entry point, against the real test Neo4j."""
from __future__ import annotations

import getpass
import json
import os
import subprocess
from typing import Any

import pytest

from graph.store import Store
from tests.conftest import ROOT, counts

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "300"}, cwd=ROOT, timeout=120)


def run_json(*args: str) -> Any:
    result = run(*args, "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_merge_list_and_unmerge(loaded: Store) -> None:
    before = counts(loaded)
    merged = run("merge", "ana-vey", "ilo-marsh", "--reason", "one person, two names")
    assert merged.returncode == 0, merged.stderr
    assert "merged ilo-marsh (Ilo Marsh, Person) into ana-vey (Ana Vey): merge m-" in merged.stdout
    assert "ana-vey now also answers to: Ilo Marsh, Marsh" in merged.stdout
    assert counts(loaded)["total:entities"] == before["total:entities"] - 1

    [record] = run_json("merges", "--active")["merges"]
    assert (record["source"], record["by"], record["via"]) == ("ilo-marsh", getpass.getuser(), "cli")
    table = run("merges")
    assert record["id"] in table.stdout and "in force" in table.stdout and "one person, two names" in table.stdout

    undone = run_json("unmerge", record["id"], "--reason", "two people", "--by", "b.analyst")
    assert undone["merge"]["unmerged"]["by"] == "b.analyst" and undone["changes"]["mentions"] == 1
    assert counts(loaded) == before
    assert run_json("merges", "--active") == {"merges": []}

    again = run("unmerge", record["id"], "--reason", "again")
    assert again.returncode == 1 and f"error: merge: '{record['id']}' was already undone" in again.stderr


@pytest.mark.parametrize(("args", "message"), [
    (["ana-vey", "red-cell"], "error: source: 'red-cell' is an ArmedGroup and 'ana-vey' a Person"),
    (["ana-vey", "nobody"], "error: source: no entity is called 'nobody'"),
])
def test_refusals_exit_1_with_the_parameter(loaded: Store, args: list[str], message: str) -> None:
    result = run("merge", *args, "--reason", "why not")
    assert result.returncode == 1 and message in result.stderr and result.stdout == ""


def test_reason_is_required() -> None:
    result = run("merge", "ana-vey", "ilo-marsh")
    assert result.returncode == 2 and "--reason" in result.stderr


def test_merge_takes_names_and_aliases(loaded: Store) -> None:
    """`merge "Ana Vey" Marsh` said there is no entity with id 'Ana Vey'."""
    before = counts(loaded)
    merged = run_json("merge", "Ana Vey", "Marsh", "--reason", "one person, two names")
    assert (merged["merge"]["into"], merged["merge"]["source"]) == ("ana-vey", "ilo-marsh")
    run_json("unmerge", merged["merge"]["id"], "--reason", "two people")
    assert counts(loaded) == before


def test_an_ambiguous_or_misspelt_name_is_refused_with_the_candidates(loaded: Store) -> None:
    ambiguous = run("merge", "Red Cell", "ilo-marsh", "--reason", "why not")
    assert ambiguous.returncode == 1 and "error: into: 'Red Cell' names 2 entities" in ambiguous.stderr
    assert "red-cell-hackers" in ambiguous.stderr
    misspelt = run("merge", "ana-vey", "Ilo Marsch", "--reason", "why not")
    assert misspelt.returncode == 1 and "did you mean Ilo Marsh (ilo-marsh)?" in misspelt.stderr
