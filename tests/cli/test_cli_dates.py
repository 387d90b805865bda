"""Event time and report time are never shown as one (graph/when.py): the saved queries and the
CLI's tables label each, an undated edge says so, a month stays a month (issue 16)."""
from __future__ import annotations

import json
import os
import subprocess
from typing import Any

import pytest

from graph.store import Store
from tests.conftest import ROOT

pytestmark = pytest.mark.neo4j

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, stdin=subprocess.DEVNULL,
                          env=os.environ | {"COLUMNS": "400"}, cwd=ROOT, timeout=120)


def timeline(entity: str) -> list[dict[str, Any]]:
    result = run("queries", "entity_timeline", "--param", f"entity={entity}", "--json")
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)
    return [dict(zip(table["columns"], row, strict=True)) for row in table["rows"]]


def test_the_timeline_says_undated_not_the_publication_day(loaded: Store) -> None:
    """Was "Putin LEADS Russia · 2024-04-03": the day the article was published."""
    leads = next(row for row in timeline("Putin") if row["relation"] == "LEADS")
    assert leads["event_time"] == "undated" and leads["report_time"] == "2024-04-03"
    assert "date" not in leads


def test_a_month_stays_a_month(loaded: Store) -> None:
    """Was 2024-03-01 for an arrest the article dates to March."""
    arrested = next(row for row in timeline("russia") if row["relation"] == "ARRESTED")
    assert arrested["event_time"] == "2024-03" and arrested["report_time"] == "2024-04-03"


def test_every_saved_query_with_a_date_labels_it(client: Any) -> None:
    for query in client.get("/queries").json()["queries"]:
        columns = query["returns"].replace(" ", "").split(",")
        assert "date" not in columns, query["name"]
        if "event_time" in columns:
            assert "report_time" in columns, query["name"]


def test_the_entity_table_labels_both_times(loaded: Store) -> None:
    result = run("entity", "russia")
    assert result.returncode == 0, result.stderr
    assert "event time 2024-03" in result.stdout and "event time undated" in result.stdout
    assert "report time 2024-04-03" in result.stdout
    assert "(event time undated, report time 2024-04-03)" in result.stdout  # under each quote
