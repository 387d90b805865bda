"""The LLM extractor (extract/llm/) end to end against a replaying OpenAI-compatible server
(tests/extract/llm_server.py): the real openai client, chunking, validation, resolution, merge
and ``intelgraph draft --extractor llm|both``. No model runs here; the answers are recordings
written by hand for tests/fixtures/extraction/latvia-recruiter-arrest-2024.txt
(tests/fixtures/llm/*.json)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from extract.gazetteer import EmptyGazetteer, FactsGazetteer
from extract.llm.chunks import chunk_text
from extract.llm.client import ModelUnavailable
from extract.llm.drafting import LLMRun, NothingProposed, draft_with_llm, llm_draft, run_llm
from extract.llm.validate import INVENTED_QUOTE
from graph.errors import InvalidParameter
from graph.facts import read_facts
from graph.names import name_key
from graph.ontology import get_ontology
from graph.settings import Settings
from tests.conftest import FIXTURES, ROOT, SEED_CORPUS
from tests.extract.llm_server import RECORDINGS, ReplayServer

ARTICLE = FIXTURES / "extraction" / "latvia-recruiter-arrest-2024.txt"
TEXT = ARTICLE.read_text(encoding="utf-8")
INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
CHUNKING = {"llm_chunk_chars": 240, "llm_chunk_overlap_chars": 100}  # three chunks, as recorded


def settings(server: ReplayServer, **changes: Any) -> Settings:
    return Settings(**{"llm_base_url": server.base_url, "llm_model": "replay", "llm_timeout_s": 1.0,
                       **CHUNKING, **changes})


@pytest.fixture(scope="module")
def gazetteer() -> FactsGazetteer:
    return FactsGazetteer.from_paths([SEED_CORPUS])


def facts_of(draft: dict[str, Any]) -> set[tuple[str, str, str, str, str | None]]:
    return {(r["subject"], r["type"], r["object"], r["status"], r["asserted_by"]) for r in draft["relations"]}


# --- the chunks -----------------------------------------------------------------------------------

@pytest.mark.parametrize("path", sorted((ROOT / "corpus").glob("*.txt")) + [ARTICLE],
                         ids=lambda p: p.stem)
@pytest.mark.parametrize(("size", "overlap"), [(200, 0), (240, 100), (800, 200), (6000, 600)])
def test_chunks_cover_the_text_within_their_size(path: Path, size: int, overlap: int) -> None:
    text = path.read_text(encoding="utf-8")
    chunks = chunk_text(text, size=size, overlap=overlap)
    assert chunks[0].start == 0 and chunks[-1].end == len(text)
    for before, after in zip(chunks, chunks[1:], strict=False):
        assert before.start < after.start <= before.end, "each chunk starts inside the one before, or at its end"
        assert before.end - after.start <= overlap
    assert all(c.text == text[c.start:c.end] and 0 < len(c.text) <= size for c in chunks)


def test_chunk_settings_are_checked() -> None:
    with pytest.raises(InvalidParameter, match="LLM_CHUNK_OVERLAP_CHARS"):
        chunk_text(TEXT, size=200, overlap=150)


# --- a good recording -----------------------------------------------------------------------------

def test_valid_answers_make_a_draft_of_candidates(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-valid") as server:
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
    assert len(server.requests) == 3
    body = server.requests[0]["body"]
    assert body["model"] == "replay" and body["temperature"] == 0
    schema = body["response_format"]["json_schema"]["schema"]
    ontology = get_ontology()
    assert schema["properties"]["entities"]["items"]["properties"]["kind"]["enum"] == ontology.kind_names
    assert schema["properties"]["relations"]["items"]["properties"]["type"]["enum"] == ontology.relation_names
    users = sorted(next(m["content"] for m in r["body"]["messages"] if m["role"] == "user") for r in server.requests)
    assert [u.split("\n\n", 1)[1] for u in users] == [c.text for c in chunk_text(TEXT, size=240, overlap=100)]

    assert facts_of(draft) == {
        ("latvian-police", "ARRESTED", "two-men", "reported", None),
        ("ilze-kalnina", "LEADS", "state-security-service", "reported", None),  # in two chunks: once
        ("iskp", "DIRECTS", "two-men", "claimed", "ilze-kalnina"),
        ("fsb", "ACCUSED", "ukraine", "reported", None),
        ("ukraine", "SUPPORTED", "two-men", "claimed", "fsb"),
        ("ukraine", "SUPPORTED", "two-men", "denied", "ukraine"),
    }
    entities = {e["id"]: e for e in draft["entities"]}
    # resolved against the gazetteer as the linguistic extractor resolves: one node of the same kind
    assert entities["iskp"]["review"]["match"] == ["iskp"] and {"ISIS-K", "IS-K"} <= set(entities["iskp"]["aliases"])
    assert entities["ukraine"]["name"] == "Ukraine" and "Kiev" in entities["ukraine"]["aliases"]
    assert "match" not in entities["ilze-kalnina"]["review"]
    # "the men" / "the recruiters" of chunk 2 are chunk 1's "two men"
    assert {"the men", "the recruiters"} <= set(entities["two-men"]["aliases"])
    denial = next(r for r in draft["relations"] if r["status"] == "denied")
    claim = next(r for r in draft["relations"] if r["status"] == "claimed" and r["type"] == "SUPPORTED")
    assert denial["denies"] == claim["id"]
    for item in (*draft["entities"], *draft["relations"]):
        assert item["review"]["candidate"] is True and item["review"]["origin"] == ["llm"]
    for relation in draft["relations"]:
        assert relation["quote"] in TEXT
    assert draft["notes"][0].startswith("llm: replay at ") and "3 chunk(s), 3 request(s)" in draft["notes"][0]


# --- what the validation catches ----------------------------------------------------------------

def recorded_relations(name: str) -> list[tuple[int, dict[str, Any]]]:
    """(chunk index in the recording, relation) for every relation in the recording's answers."""
    recording = json.loads((RECORDINGS / f"{name}.json").read_text(encoding="utf-8"))
    out = []
    for index, chunk in enumerate(recording["chunks"]):
        for reply in chunk["replies"]:
            content = reply.get("content")
            if content is None and reply.get("raw", "").startswith("```json"):
                content = json.loads(reply["raw"].strip("`").removeprefix("json"))
            for relation in (content or {}).get("relations", []):
                out.append((index, relation))
    return out


NORD_STREAM = ROOT / "corpus" / "nord-stream-warrant-feature-2024.txt"
NORD_STREAM_CHUNKING = {"llm_chunk_chars": 1000, "llm_chunk_overlap_chars": 200}  # four chunks, as recorded
DRAFTABLE = {name: (ARTICLE, CHUNKING) for name in ("latvia-valid", "latvia-invented-quotes", "latvia-wrong-kinds",
                                                    "latvia-malformed", "latvia-timeout", "latvia-rate-limit")}
DRAFTABLE["nord-stream-valid"] = (NORD_STREAM, NORD_STREAM_CHUNKING)
CATCHES: dict[str, tuple[int, int]] = {}


@pytest.mark.parametrize("name", sorted(DRAFTABLE))
def test_every_invented_quote_is_caught(name: str, gazetteer: FactsGazetteer) -> None:
    """A quote is invented when not even its name key is in the article's: each such relation must be
    dropped, and reported with its reason; nothing the draft keeps carries it."""
    path, chunking = DRAFTABLE[name]
    text = path.read_text(encoding="utf-8")
    with ReplayServer(name) as server:
        run = run_llm(text, ontology=get_ontology(), settings=settings(server, **chunking))
    invented = [(i, r) for i, r in recorded_relations(name) if name_key(r["quote"]) not in name_key(text)]
    dropped = {(d.chunk, d.what): d.reason for d in run.dropped}
    caught = 0
    for chunk, relation in invented:
        reason = dropped.get((chunk, f"relation {relation['subject']!r} {relation['type']} {relation['object']!r}"))
        assert reason is not None, f"not caught: {relation}"
        caught += 1
    kept = [r for a in run.answers.values() for r in a.relations]
    assert all(text[r.start:r.end] == r.quote for r in kept)
    assert not {name_key(r["quote"]) for _, r in invented} & {name_key(r.quote) for r in kept}
    CATCHES[name] = (caught, len(invented))


def test_catch_rate_over_the_recordings() -> None:
    """Runs after the parametrised test above (same module, in order): 100 % of the invented quotes."""
    assert set(CATCHES) == set(DRAFTABLE), "run with the test above"
    caught = sum(c for c, _ in CATCHES.values())
    invented = sum(n for _, n in CATCHES.values())
    print(f"invented quotes caught: {caught} of {invented}")
    assert invented == 11 and caught == invented


def test_a_longer_article_in_four_chunks(gazetteer: FactsGazetteer) -> None:
    text = NORD_STREAM.read_text(encoding="utf-8")
    with ReplayServer("nord-stream-valid") as server:
        draft = llm_draft(text, document={"id": "d"}, gazetteer=gazetteer,
                          settings=settings(server, **NORD_STREAM_CHUNKING))
    assert len(server.requests) == 4
    entities = {e["id"]: e for e in draft["entities"]}
    # one entity for the names different chunks gave it
    assert entities["poland"]["aliases"] == ["Warsaw"] and entities["russia"]["aliases"] == ["Moscow"]
    assert entities["volodymyr-z"]["aliases"] == ["Z."] and "z" not in entities
    facts = facts_of(draft)
    assert len(facts) == len(draft["relations"]) == 14  # the overlaps' repeats (OWNS, Russia ACCUSED) once
    assert ("russia", "ACCUSED", "united-states", "reported", None) in facts  # chunks 3 and 4
    assert ("ukraine", "CARRIED_OUT", "nord-stream-sabotage", "denied", "ukraine") in facts
    spokesperson = next(r for r in draft["relations"] if r["type"] == "SPOKESPERSON_FOR")
    assert spokesperson["quote"] == "Anna Adamiak, the spokeswoman for Poland's national prosecutor's office"
    assert all(r["quote"] in text for r in draft["relations"])
    assert sum(n.startswith("llm: dropped") for n in draft["notes"]) == 4


def test_invented_quotes_are_dropped_for_their_quote(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-invented-quotes") as server:
        run = run_llm(TEXT, ontology=get_ontology(), settings=settings(server))
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
    reasons = [d.reason for d in run.dropped]
    assert sum(r.startswith(INVENTED_QUOTE) for r in reasons) == 5
    # differs from the text only in case and spaces: kept, with the text's own characters
    arrested = next(r for r in draft["relations"] if r["type"] == "ARRESTED")
    assert arrested["quote"] == "Latvian police arrested two men in Riga"
    assert "normalising" in arrested["review"]["reason"]
    # the denial of a claim that was dropped goes too
    assert not any(r["status"] == "denied" for r in draft["relations"])
    assert any("a denial of a claim the draft does not hold" in n for n in draft["notes"])
    assert facts_of(draft) == {("latvian-police", "ARRESTED", "two-men", "reported", None),
                               ("fsb", "ACCUSED", "ukraine", "reported", None)}


def test_wrong_kinds_unknown_types_and_statuses_are_dropped(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-wrong-kinds") as server:
        run = run_llm(TEXT, ontology=get_ontology(), settings=settings(server))
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
    reasons = {d.what: d.reason for d in run.dropped}
    assert reasons["entity 'Latvian police'"] == "unknown kind 'PoliceForce'"
    assert "not among the entities" in reasons["relation 'Latvian police' ARRESTED 'two men'"]
    assert reasons["relation 'Latvian police' DETAINED 'two men'"] == "unknown relation type 'DETAINED'"
    assert reasons["relation 'two men' RECRUITED_FOR 'ISIS-K'"] == "unknown relation type 'RECRUITED_FOR'"
    assert "does not take a PersonGroup as its subject" in reasons["relation 'two men' LEADS 'Riga'"]
    assert "does not take a Place as its subject" in reasons["relation 'FSB' ACCUSED 'Kiev'"]
    assert "reported relation has no asserted_by" in reasons["relation 'Ilze Kalnina' LEADS 'State Security Service'"]
    assert "needs asserted_by" in reasons["relation 'IS-K' DIRECTS 'two men'"]
    assert len(run.dropped) == 11
    assert draft["relations"] == []
    assert "PoliceForce" not in {e["kind"] for e in draft["entities"]}


# --- failures ------------------------------------------------------------------------------------

def test_malformed_json_gets_one_repair_attempt_then_the_chunk_is_missing(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-malformed") as server:
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
    assert len(server.requests) == 5  # chunks 1 and 2 twice, chunk 3 once (fenced JSON is read)
    repairs = [r["body"]["messages"] for r in server.requests if len(r["body"]["messages"]) == 4]
    assert len(repairs) == 2 and all(m[2]["role"] == "assistant" and "could not be read" in m[3]["content"]
                                     for m in repairs)
    assert any("cut at the model's token limit" in m[3]["content"] for m in repairs)
    missing = [n for n in draft["notes"] if n.startswith("llm: MISSING")]
    assert len(missing) == 1 and missing[0].startswith("llm: MISSING chunk 2 of 3 (characters 98-298): malformed")
    assert ("latvian-police", "ARRESTED", "two-men", "reported", None) in facts_of(draft)  # chunk 1, repaired
    assert not any(r["type"] == "ACCUSED" for r in draft["relations"])  # only chunk 2 had it


def test_a_time_out_leaves_the_chunk_out(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-timeout") as server:
        began = time.monotonic()
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
        took = time.monotonic() - began
    assert took < 2.9, "the client gave up after LLM_TIMEOUT_S, not when the server answered"
    assert [n.split(":")[1] for n in draft["notes"] if "MISSING" in n] == [" MISSING chunk 2 of 3 (characters 98-298)"]
    assert "within LLM_TIMEOUT_S (1 s)" in next(n for n in draft["notes"] if "MISSING" in n)
    assert ("latvian-police", "ARRESTED", "two-men", "reported", None) in facts_of(draft)


def test_rate_limit_and_server_errors_are_retried_with_back_off(gazetteer: FactsGazetteer) -> None:
    with ReplayServer("latvia-rate-limit") as server:
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=gazetteer, settings=settings(server))
    assert len(server.requests) == 5
    assert not any("MISSING" in n for n in draft["notes"])
    assert len(draft["relations"]) == 6


def test_a_rate_limit_that_outlasts_the_retries_stops_the_draft() -> None:
    with ReplayServer("latvia-rate-limit-forever") as server:
        with pytest.raises(ModelUnavailable, match=r"answered 429 \(Rate limit reached\) 3 times \(LLM_RETRIES=2\)"):
            llm_draft(TEXT, document={"id": "d"}, gazetteer=EmptyGazetteer(),
                      settings=settings(server, llm_retries=2, llm_concurrency=1))
    assert len(server.requests) == 3


def test_a_refused_key_names_llm_api_key() -> None:
    with ReplayServer("latvia-auth") as server:
        with pytest.raises(InvalidParameter, match=r"^LLM_API_KEY: .* refused it \(401: Incorrect API key"):
            llm_draft(TEXT, document={"id": "d"}, gazetteer=EmptyGazetteer(),
                      settings=settings(server, llm_api_key="sk-test-wrong"))
        draft = llm_draft(TEXT, document={"id": "d"}, gazetteer=EmptyGazetteer(),
                          settings=settings(server, llm_api_key="sk-test-right"))
    assert server.requests[-1]["authorization"] == "Bearer sk-test-right"
    assert len(draft["relations"]) == 6


def test_no_entity_at_all_is_an_error_not_an_empty_draft() -> None:
    with ReplayServer("latvia-budget") as server:
        with pytest.raises(NothingProposed, match=r"no entity .* MISSING chunk 1 of 3 .*LLM_MAX_TOKENS_PER_ARTICLE"):
            llm_draft(TEXT, document={"id": "d"}, gazetteer=EmptyGazetteer(),
                      settings=settings(server, llm_max_tokens_per_article=100))
    assert server.requests == []


def test_an_unknown_extractor_is_refused() -> None:
    with pytest.raises(InvalidParameter, match="^extractor: expected one of linguistic, llm, both, not 'gpt'"):
        draft_with_llm("gpt", TEXT, document={}, gazetteer=EmptyGazetteer(), ontology=None, linguistic=dict)


def test_the_token_budget_leaves_out_the_chunks_past_it() -> None:
    with ReplayServer("latvia-budget") as server:
        run = run_llm(TEXT, ontology=get_ontology(),
                      settings=settings(server, llm_max_tokens_per_article=9000, llm_concurrency=1))
    assert (run.requests, run.tokens) == (1, 6000)
    assert sorted(run.missing) == [1, 2]
    assert all("LLM_MAX_TOKENS_PER_ARTICLE (9000) reached: 6000 tokens spent" in why for why in run.missing.values())


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_an_unreachable_endpoint_names_llm_base_url() -> None:
    url = f"http://127.0.0.1:{free_port()}/v1"
    with pytest.raises(InvalidParameter, match=rf"^LLM_BASE_URL: {url} cannot be reached"):
        run_llm(TEXT, ontology=get_ontology(), settings=Settings(llm_base_url=url, llm_model="m", **CHUNKING))


def test_no_model_set_names_llm_model() -> None:
    with pytest.raises(InvalidParameter, match="^LLM_MODEL: not set"):
        run_llm(TEXT, ontology=get_ontology(), settings=Settings(llm_model=None))


def test_the_run_counts_requests_and_tokens() -> None:
    with ReplayServer("latvia-valid") as server:
        run: LLMRun = run_llm(TEXT, ontology=get_ontology(), settings=settings(server))
    assert run.requests == 3 and run.tokens > 3 * 3000  # the ontology's prompt is about 3,500 tokens a request


# --- the command line: intelgraph draft --extractor llm|both ---------------------------------------

def draft_cli(server: ReplayServer, article: Path, *args: str, **env: str) -> subprocess.CompletedProcess:
    variables = {"LLM_BASE_URL": server.base_url, "LLM_MODEL": "replay", "LLM_TIMEOUT_S": "1",
                 "LLM_CHUNK_CHARS": "240", "LLM_CHUNK_OVERLAP_CHARS": "100", "COLUMNS": "400", **env}
    return subprocess.run([str(INTELGRAPH), "draft", str(article), "--gazetteer", str(SEED_CORPUS),
                           "--title", "Latvia", "--publisher", "Test", "--date", "2024-04-12", *args],
                          capture_output=True, text=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL,
                          env=os.environ | variables)


@pytest.fixture
def article(tmp_path: Path) -> Path:
    copy = tmp_path / ARTICLE.name
    copy.write_bytes(ARTICLE.read_bytes())
    return copy


def test_cli_extractor_llm_writes_a_valid_draft(article: Path) -> None:
    output = article.with_suffix(".facts.yaml")
    with ReplayServer("latvia-invented-quotes") as server:
        done = draft_cli(server, article, "--extractor", "llm", "-o", str(output))
    assert done.returncode == 0, done.stderr
    facts = read_facts(output)  # valid: every quote verbatim, every kind and type the ontology's
    assert {r.type for r in facts.facts.relations} == {"ARRESTED", "ACCUSED"}
    assert all(e.review and e.review.origin == ["llm"] for e in facts.facts.entities)
    header = [line for line in output.read_text(encoding="utf-8").splitlines() if line.startswith("# llm: ")]
    assert sum(INVENTED_QUOTE in line for line in header) == 5
    assert "5 proposal(s) dropped by the validation" in header[0]
    assert "6 proposal(s) of the model dropped" in done.stdout


def test_cli_extractor_both_merges_and_marks_origins(article: Path) -> None:
    output = article.with_suffix(".facts.yaml")
    with ReplayServer("latvia-valid") as server:
        done = draft_cli(server, article, "--extractor", "both", "-o", str(output))
    assert done.returncode == 0, done.stderr
    facts = read_facts(output)
    origins = {e.id: e.review.origin for e in facts.facts.entities if e.review}
    assert origins["fsb"] == ["linguistic", "llm"] and origins["iskp"] == ["linguistic", "llm"]
    by_fact = {(r.subject, r.type, r.object, r.status, r.asserted_by): r.review.origin
               for r in facts.facts.relations if r.review}
    assert by_fact[("fsb", "ACCUSED", "ukraine", "reported", None)] == ["linguistic", "llm"]
    assert all(origin for origin in by_fact.values())
    assert len(by_fact) == len(facts.facts.relations), "one relation per fact"
    linguistic = draft_cli(server, article, "-o", str(article.with_name("linguistic.facts.yaml")))
    assert linguistic.returncode == 0, linguistic.stderr
    alone = read_facts(article.with_name("linguistic.facts.yaml"))
    assert all(not r.review.origin for r in alone.facts.relations if r.review), "the default marks no origin"
    assert len(facts.facts.relations) >= len(alone.facts.relations)
    # a merged draft is reviewed like any other
    reviewed = subprocess.run([str(INTELGRAPH), "review", str(output), "--accept-all"], capture_output=True,
                              text=True, timeout=120, cwd=ROOT, stdin=subprocess.DEVNULL)
    assert reviewed.returncode == 0, reviewed.stderr
    assert all(r.review is None for r in read_facts(output).facts.relations)


def test_cli_a_partial_draft_names_its_missing_chunks(article: Path) -> None:
    output = article.with_suffix(".facts.yaml")
    with ReplayServer("latvia-timeout") as server:
        done = draft_cli(server, article, "--extractor", "llm", "-o", str(output))
    assert done.returncode == 0, done.stderr
    assert "MISSING chunk 2 of 3 (characters 98-298)" in done.stderr
    assert "# llm: MISSING chunk 2 of 3" in output.read_text(encoding="utf-8")
    read_facts(output)


def test_cli_a_refused_key_writes_nothing(article: Path) -> None:
    output = article.with_suffix(".facts.yaml")
    with ReplayServer("latvia-auth") as server:
        done = draft_cli(server, article, "--extractor", "llm", "-o", str(output), LLM_API_KEY="sk-test-wrong")
    assert done.returncode == 1
    assert "LLM_API_KEY:" in done.stderr and "sk-test-wrong" not in done.stderr + done.stdout
    assert not output.exists()


def test_cli_an_unknown_extractor_is_refused(article: Path) -> None:
    with ReplayServer("latvia-valid") as server:
        done = draft_cli(server, article, "--extractor", "gpt")
    assert done.returncode == 2 and "--extractor" in done.stderr


# --- against the graph ---------------------------------------------------------------------------

@pytest.mark.neo4j
def test_entities_are_resolved_against_the_graph_as_against_its_facts(store: Any) -> None:
    """The model's entities resolved by the real Neo4j (GraphGazetteer, the entity_keys index) and by
    the same article's facts file give the same draft."""
    from extract.gazetteer import GraphGazetteer
    from loaders.facts_loader import load_paths

    seed = SEED_CORPUS / "crocus-city-hall-ft-2024.facts.yaml"
    store.delete_all()
    load_paths(store, [seed])
    with ReplayServer("latvia-valid") as server:
        by_graph = llm_draft(TEXT, document={"id": "d"}, gazetteer=GraphGazetteer(store), settings=settings(server))
        by_facts = llm_draft(TEXT, document={"id": "d"}, gazetteer=FactsGazetteer.from_paths([seed]),
                             settings=settings(server))
    by_graph["notes"] = by_facts["notes"] = []  # the server's port differs
    assert by_graph == by_facts
    matched = {e["id"] for e in by_graph["entities"] if e["review"].get("match") == [e["id"]]}
    assert {"fsb", "iskp", "ukraine"} <= matched
