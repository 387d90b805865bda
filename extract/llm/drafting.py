"""The LLM extractor's draft: chunks asked side by side, answers checked, entities resolved against
the gazetteer, the result the same facts-level dict as the linguistic draft's.

Every entity and relation is a candidate (``review: {candidate: true, origin: [llm]}``); the
draft's ``notes`` (written at the head of the file by :func:`extract.assemble.write_draft`) say
how many requests and tokens it took, which chunks are missing and why, and every relation or
entity the validation dropped, with the reason.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from extract.entities import slug
from extract.gazetteer import Gazetteer, Known
from extract.ids import relation_id
from extract.llm import prompt
from extract.llm.chunks import Chunk, chunk_text
from extract.llm.client import BudgetExceeded, ChunkTimeout, ModelClient
from extract.llm.merge import merge_drafts
from extract.llm.validate import ChunkCandidates, Dropped, Entity, Malformed, Relation, check_chunk, read_answer
from graph.errors import IntelgraphError, InvalidParameter
from graph.names import name_key
from graph.ontology import Ontology, get_ontology
from graph.settings import Settings, get_settings

__all__ = ["EXTRACTORS", "LLMRun", "NothingProposed", "run_llm", "llm_draft", "draft_with_llm"]

EXTRACTORS = ("linguistic", "llm", "both")

_RELATION_CONFIDENCE = 0.5  # a model says nothing reliable about its own certainty
_ENTITY_CONFIDENCE = 0.5


class NothingProposed(IntelgraphError):
    """Every chunk is missing, or nothing the model proposed passed the checks: nothing is written."""


@dataclass
class LLMRun:
    """One article through the model: what each chunk gave, what is missing and what was dropped."""

    model: str
    base_url: str
    chunks: list[Chunk]
    answers: dict[int, ChunkCandidates] = field(default_factory=dict)
    missing: dict[int, str] = field(default_factory=dict)  # chunk index -> why
    requests: int = 0
    tokens: int = 0

    @property
    def dropped(self) -> list[Dropped]:
        return [d for index in sorted(self.answers) for d in self.answers[index].dropped]

    def notes(self) -> list[str]:
        """The lines the draft's header gets: the cost, what is missing, what was dropped."""
        total = len(self.chunks)
        lines = [f"llm: {self.model} at {self.base_url}: {total} chunk(s), {self.requests} request(s), "
                 f"{self.tokens} tokens; {len(self.dropped)} proposal(s) dropped by the validation"]
        lines += [f"llm: MISSING {self.chunks[i].label(total)}: {why}" for i, why in sorted(self.missing.items())]
        lines += [f"llm: dropped {d.what} (chunk {d.chunk + 1}): {d.reason}" for d in self.dropped]
        return lines


def run_llm(text: str, *, ontology: Ontology, settings: Settings, client: ModelClient | None = None) -> LLMRun:
    """Ask the model about every chunk of ``text``, ``LLM_CONCURRENCY`` at a time, and check the answers.

    Raises
    ------
    InvalidParameter, ModelUnavailable
        From :meth:`ModelClient.complete`: the endpoint, key or model is wrong, or the endpoint
        keeps refusing. Nothing of the article is kept then.
    """
    client = client or ModelClient(settings)
    chunks = chunk_text(text, size=settings.llm_chunk_chars, overlap=settings.llm_chunk_overlap_chars)
    run = LLMRun(client.model, client.base_url, chunks)
    response_format = prompt.response_format(ontology)

    stop = threading.Event()  # set by an error that ends the draft: no chunk asked after it

    def ask(chunk: Chunk) -> ChunkCandidates | str:
        try:
            return asked_about(chunk)
        except BaseException:
            stop.set()
            raise

    def asked_about(chunk: Chunk) -> ChunkCandidates | str:
        if stop.is_set():
            return "not asked: the draft stopped"
        asked = prompt.messages(chunk, len(chunks), ontology)
        try:
            answer = client.complete(asked, response_format)
            try:
                read = read_answer(answer.content, answer.finish_reason)
            except Malformed as first:
                answer = client.complete(prompt.repair_messages(asked, answer.content or "", str(first)),
                                         response_format)
                try:
                    read = read_answer(answer.content, answer.finish_reason)
                except Malformed as second:
                    return f"malformed answer ({first}), and again after one repair attempt ({second})"
        except (ChunkTimeout, BudgetExceeded) as exc:
            return str(exc)
        return check_chunk(read, chunk, text, ontology)

    with ThreadPoolExecutor(max_workers=settings.llm_concurrency) as pool:
        futures = [pool.submit(ask, chunk) for chunk in chunks]
        try:
            for chunk, future in zip(chunks, futures, strict=True):
                result = future.result()
                if isinstance(result, str):
                    run.missing[chunk.index] = result
                else:
                    run.answers[chunk.index] = result
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    run.requests, run.tokens = client.requests, client.tokens
    return run


def llm_draft(text: str, *, document: dict[str, Any], gazetteer: Gazetteer, ontology: Ontology | None = None,
              settings: Settings | None = None, client: ModelClient | None = None) -> dict[str, Any]:
    """The draft's data from the model's checked answers, with its ``notes`` (see the module)."""
    ontology = ontology or get_ontology()
    run = run_llm(text, ontology=ontology, settings=settings or get_settings(), client=client)
    entities, relations, merged_notes = _combine(run, ontology)
    if not entities:  # a facts file needs one: say why there is none rather than fail its validation
        raise NothingProposed("the model proposed no entity that passed the checks, so there is no draft to "
                              "write: " + "; ".join(run.notes()))
    ids = _resolve(entities, gazetteer)
    return {"document": document, "entities": [_entity(e, ids[name_key(e.name)], run) for e in entities],
            "relations": _relations(relations, entities, ids, run, merged_notes),
            "notes": run.notes() + merged_notes}


def draft_with_llm(extractor: str, text: str, *, document: dict[str, Any], gazetteer: Gazetteer,
                   ontology: Ontology | None, linguistic: Callable[[], dict[str, Any]]) -> dict[str, Any]:
    """``--extractor llm`` or ``both``: the model's draft, alone or merged with ``linguistic()``'s."""
    if extractor not in EXTRACTORS:
        raise InvalidParameter("extractor", f"expected one of {', '.join(EXTRACTORS)}, not {extractor!r}")
    model = llm_draft(text, document=document, gazetteer=gazetteer, ontology=ontology)
    draft = model if extractor == "llm" else merge_drafts(linguistic(), model, ontology=ontology or get_ontology())
    draft["notes"] = [" ".join(note.split()) for note in draft.get("notes", [])]  # one header line each
    return draft


# --- from the chunks' answers to one draft ---------------------------------------------------------

def _combine(run: LLMRun, ontology: Ontology) -> tuple[list[Entity], list[Relation], list[str]]:
    """One entity per name key over all chunks (the first kind wins), one relation per fact."""
    entities: list[Entity] = []
    by_key: dict[str, Entity] = {}
    notes: list[str] = []
    renamed: dict[tuple[int, str], str] = {}  # (chunk, name) -> the name the draft keeps
    for index in sorted(run.answers):
        for entity in run.answers[index].entities:
            same = next((by_key[name_key(n)] for n in entity.names if name_key(n) in by_key), None)
            if same is not None and same.kind != entity.kind:
                notes.append(f"llm: chunk {index + 1} calls {entity.name!r} a {entity.kind}; an earlier chunk "
                             f"a {same.kind}: kept as a {same.kind}")
            if same is None:
                same = Entity(entity.name, entity.kind)
                entities.append(same)
                by_key[name_key(entity.name)] = same
            same.chunks.append(index)
            for name in entity.names:
                renamed[(index, name)] = same.name
                if name_key(name) not in by_key:
                    same.aliases.append(name)
                    by_key[name_key(name)] = same
    relations: list[Relation] = []
    seen: set[tuple[str, str, str, str, str | None]] = set()
    for index in sorted(run.answers):
        for rel in run.answers[index].relations:
            rel = Relation(renamed[(index, rel.subject)], rel.type, renamed[(index, rel.object)], rel.status,
                           renamed[(index, rel.asserted_by)] if rel.asserted_by else None, rel.start, rel.end,
                           rel.quote, rel.exact, rel.chunk)
            fact = (name_key(rel.subject), rel.type, name_key(rel.object), rel.status,
                    name_key(rel.asserted_by) if rel.asserted_by else None)
            if fact in seen:  # the same fact again, from the overlap or another sentence
                continue
            if not ontology.allows(rel.type, by_key[fact[0]].kind, by_key[fact[2]].kind):
                notes.append(f"llm: dropped relation {rel.subject!r} {rel.type} {rel.object!r} (chunk {index + 1}): "
                             "its ends changed kind when the chunks were put together")
                continue
            seen.add(fact)
            relations.append(rel)
    return entities, relations, notes


def _resolve(entities: list[Entity], gazetteer: Gazetteer) -> dict[str, tuple[str, Known | None, list[Known]]]:
    """For each entity (by the key of its name): its id, the graph's node it is, or the several it may be.

    As the linguistic extractor does: a name or alias whose key names exactly one node of the same
    kind is that node; several are listed, never merged; a new id is one the graph does not hold.
    """
    keys = {name_key(n) for e in entities for n in e.names}
    found = gazetteer.lookup(keys) if keys else {}
    out: dict[str, tuple[str, Known | None, list[Known]]] = {}
    wanted: dict[str, str] = {}
    for entity in entities:
        hits = {k.id: k for n in entity.names for k in found.get(name_key(n), []) if k.kind == entity.kind}
        if len(hits) == 1:
            (known,) = hits.values()
            out[name_key(entity.name)] = (known.id, known, [])
        else:
            out[name_key(entity.name)] = ("", None, sorted(hits.values(), key=lambda k: k.id))
            wanted[name_key(entity.name)] = slug(entity.name)
    taken = gazetteer.existing_ids(set(wanted.values())) if wanted else {}
    used = {value[0] for value in out.values() if value[0]}
    for key, base in wanted.items():
        candidate, n = base, 2
        while candidate in used or candidate in taken:
            candidate, n = f"{base}-{n}", n + 1
        used.add(candidate)
        out[key] = (candidate, None, out[key][2])
    return out


def _entity(entity: Entity, resolved: tuple[str, Known | None, list[Known]], run: LLMRun) -> dict[str, Any]:
    entity_id, known, several = resolved
    where = ", ".join(str(i + 1) for i in entity.chunks)
    reason = f"named by the model ({run.model}) in chunk(s) {where}"
    review: dict[str, Any] = {"candidate": True, "reason": reason, "confidence": _ENTITY_CONFIDENCE}
    name, kind, aliases = entity.name, entity.kind, list(entity.aliases)
    if known is not None:
        review["reason"] += f"; the graph has it as {known.label()}"
        review["confidence"], review["match"] = 0.8, [known.id]
        if name_key(name) != name_key(known.name):
            aliases.insert(0, name)
        name, kind = known.name, known.kind
        aliases = [a for a in aliases if name_key(a) != name_key(known.name)]
    elif several:
        review["reason"] += ("; its names match several entities in the graph: "
                             + "; ".join(k.label() for k in several) + "; never merged: set the id to one of them")
        review["confidence"], review["match"] = 0.3, [k.id for k in several]
    review["origin"] = ["llm"]
    return {"id": entity_id, "name": name, "kind": kind, "aliases": list(dict.fromkeys(aliases)),
            "external_ids": {}, "review": review}


def _relations(relations: list[Relation], entities: list[Entity], ids: dict[str, tuple[str, Known | None, list[Known]]],
               run: LLMRun, notes: list[str]) -> list[dict[str, Any]]:
    key_of = {name_key(n): name_key(e.name) for e in entities for n in e.names}

    def entity_id(name: str) -> str:
        return ids[key_of[name_key(name)]][0]

    out: list[dict[str, Any]] = []
    claims: dict[tuple[str, str, str], str] = {}
    used: set[str] = set()
    for rel in sorted(relations, key=lambda r: (r.status == "denied", r.start)):
        subject, obj = entity_id(rel.subject), entity_id(rel.object)
        asserted_by = entity_id(rel.asserted_by) if rel.asserted_by else None
        denies = None
        if rel.status == "denied":
            denies = claims.get((subject, rel.type, obj))
            if denies is None:
                notes.append(f"llm: dropped relation {rel.subject!r} {rel.type} {rel.object!r} (chunk "
                             f"{rel.chunk + 1}): a denial of a claim the draft does not hold")
                continue
        rid = relation_id(subject, rel.type, obj, status=rel.status, asserted_by=asserted_by, taken=used.__contains__)
        used.add(rid)
        if rel.status != "denied":
            claims.setdefault((subject, rel.type, obj), rid)
        how = "quoted verbatim" if rel.exact else "its quote found after normalising case, quote marks, dashes, spaces"
        out.append({"id": rid, "subject": subject, "type": rel.type, "object": obj, "status": rel.status,
                    "asserted_by": asserted_by, "denies": denies, "quote": rel.quote,
                    "review": {"candidate": True, "reason": f"proposed by the model ({run.model}) in chunk "
                                                            f"{rel.chunk + 1}; {how}",
                               "confidence": _RELATION_CONFIDENCE, "origin": ["llm"]}})
    return out
