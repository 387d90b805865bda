"""graph/summaries.py: the entity and edge summary rules, without a database.

That both loaders (and merges) write what these rules compute is tested on a real Neo4j in
tests/bench/test_bulk.py (the two loaders' graphs, node for node) and tests/loaders.
"""
from __future__ import annotations

from typing import Any

from graph.summaries import edge_summary, entity_summary

_DAYS = {"d1": "2024-04-03", "d2": "2024-04-05"}


def test_an_entity_keeps_its_name_while_a_mention_gives_it() -> None:
    row: dict[str, Any] = {"origin": "isk", "aliases": [], "external_ids": [], "keys": []}
    mentions = [("d1", {**row, "name": "ISKP"}), ("d2", {**row, "name": "Islamic State Khorasan"})]
    assert entity_summary(id="isk", name="Islamic State Khorasan", kind="ArmedGroup",
                          mentions=mentions, published=_DAYS)["aliases"] == ["ISKP"]
    assert entity_summary(id="isk", name="ISIS-K", kind="ArmedGroup", mentions=mentions,
                          published=_DAYS)["name"] == "ISKP"


def test_an_entitys_lists_are_sets_whatever_order_the_mentions_come_in() -> None:
    def mention(name: str, key: str) -> dict[str, Any]:
        return {"origin": "x", "name": name, "aliases": [], "keys": [key], "external_ids": []}
    mentions = [("d2", mention("B", "a")), ("d1", mention("A", "b"))]
    forward = entity_summary(id="x", name="A", kind="Person", mentions=mentions, published=_DAYS)
    backward = entity_summary(id="x", name="A", kind="Person", mentions=mentions[::-1], published=_DAYS)
    assert forward == backward
    assert (forward["documents"], forward["keys"], forward["search_text"], forward["first_reported"]) == (
        ["d1", "d2"], ["a", "b"], "a | b", "2024-04-03")


def test_a_stored_summary_joined_with_more_mentions_is_the_summary_of_all_of_them() -> None:
    """What ``intelgraph load`` writes of an entity a document adds to, without reading its mentions back."""
    def mention(origin: str, name: str, aliases: list[str], keys: list[str], ids: list[str]) -> dict[str, Any]:
        return {"origin": origin, "name": name, "aliases": aliases, "keys": keys, "external_ids": ids}
    days = {"d1": "2024-04-03", "d2": "2024-04-05", "d3": "2024-03-30", "d4": "2024-04-09"}
    mentions = [("d3", mention("ru", "Russia", ["RF"], ["russia", "rf"], ["wikidata:Q159"])),
                ("d1", mention("ru", "Russian Federation", [], ["russian federation"], [])),
                ("d4", mention("moscow", "Moscow", ["Kremlin"], ["moscow", "kremlin"], [])),
                ("d2", mention("ru", "russia", ["Rossiya"], ["russia", "rossiya"], ["wikidata:Q159"]))]
    for split in range(1, len(mentions)):
        for order in (mentions, mentions[::-1]):
            first, rest = order[:split], order[split:]
            stored = entity_summary(id="ru", name="Russia", kind="State", mentions=first, published=days)
            joined = entity_summary(id="ru", name=stored["name"], kind="State", mentions=rest, published=days,
                                    prior=stored)
            whole = entity_summary(id="ru", name=stored["name"], kind="State", mentions=mentions, published=days)
            assert joined == whole, (split, joined, whole)


def _evidence(document: str, start: int, **values: Any) -> dict[str, Any]:
    return {"id": f"v-{document}-{start}", "document": document, "start": start, "quote": f"{document}@{start}",
            "disputed_by": [], "denies": None,
            "published": _DAYS[document], "publisher": "FT", "event": None, "event_start": None, "event_end": None,
            **values}


def test_an_edges_quotes_follow_document_then_place_in_the_text() -> None:
    evidence = [_evidence("d2", 5), _evidence("d1", 40), _evidence("d1", 3), _evidence("d1", 3, id="v-0")]
    summary = edge_summary({"id": "e-1"}, evidence)
    assert summary["quotes"] == ["d1@3", "d1@3", "d1@40", "d2@5"]
    assert summary == edge_summary({"id": "e-1"}, evidence[::-1])
    assert (summary["id"], summary["documents"], summary["weight"]) == ("e-1", ["d1", "d2"], 4)


def test_an_open_event_end_leaves_the_edges_end_open() -> None:
    evidence = [_evidence("d1", 0, event="before 2024-03-07", event_start=None, event_end="2024-03-06"),
                _evidence("d2", 0, event="2024-03", event_start="2024-03-01", event_end="2024-03-31")]
    summary = edge_summary({}, evidence)
    assert (summary["event_known"], summary["event_start"], summary["event_end"]) == (True, None, "2024-03-31")
    assert (summary["first_date"], summary["last_date"]) == ("2024-03-01", "2024-03-31")
    assert (summary["denies"], summary["disputed_by"]) == ([], [])
