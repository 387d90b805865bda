"""Put a draft together: the document's metadata, the proposed entities and relations, each marked
``review: {candidate: true, ...}`` with its reason and confidence, written as a facts file.

The draft always validates (``intelgraph validate``): quotes are slices of the text, kinds and
types come from the ontology and were checked against each other, and anything the validator
still refuses is left out, with a comment in the file saying so.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from graph.errors import InvalidInput
from graph.facts import Facts, parse_facts
from graph.names import name_key
from graph.ontology import Ontology, get_ontology
from extract.attribution import attribute
from extract.gazetteer import Gazetteer
from extract.lexicon import Lexicon, get_lexicon
from extract.mentions import Proposal, recognise, slug
from extract.relations import Candidate, find_relations
from extract.sentences import split_sentences
from extract.writer import dump_facts

__all__ = ["DocumentInfo", "draft_facts", "write_draft"]

_HEADER = """Draft written by `intelgraph draft` on {today} from {text}.
Every entity and relation marked `review: {{candidate: true}}` is a proposal: accept, edit or reject
each one (`intelgraph review {output}`, or by hand) before `intelgraph load` will take the file."""


@dataclass(frozen=True)
class DocumentInfo:
    """What the command line says about the article; anything missing is guessed and marked."""

    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    id: str | None = None
    language: str = "en"
    url: str | None = None


def draft_facts(text: str, *, text_name: str, sha256: str, info: DocumentInfo, gazetteer: Gazetteer,
                ontology: Ontology | None = None, lexicon: Lexicon | None = None,
                extractor: str = "linguistic") -> dict[str, Any]:
    """The draft's data (as a facts file holds it) for an article's text; ``extractor`` ``llm`` or
    ``both`` asks a model too (extract/llm/), and adds ``notes`` for the file's header."""
    if extractor != "linguistic":
        from extract.llm.drafting import draft_with_llm

        return draft_with_llm(extractor, text, document=_document(text, text_name, sha256, info, None),
                              gazetteer=gazetteer, ontology=ontology, linguistic=lambda: draft_facts(
                                  text, text_name=text_name, sha256=sha256, info=info, gazetteer=gazetteer,
                                  ontology=ontology, lexicon=lexicon))
    ontology = ontology or get_ontology()
    lexicon = lexicon or get_lexicon()
    sentences = split_sentences(text)
    recognition = recognise(text, sentences, gazetteer, lexicon)
    candidates = find_relations(text, sentences, recognition, ontology)
    structural = {name for name, rel in ontology.relations.items() if rel.category == "structure"}
    candidates = attribute(text, sentences, recognition, candidates, lexicon, structural=structural,
                           ontology=ontology)
    proposals = recognition.proposals
    for candidate in candidates:  # an entity named only inside another's name ("Latvian police")
        for key in (candidate.subject, candidate.object, candidate.asserted_by):
            if key is not None and proposals[key].first < 0:
                proposals[key].first = candidate.start
    return {
        "document": _document(text, text_name, sha256, info, sentences),
        "entities": _entities([p for p in sorted(proposals.values(), key=lambda p: (p.first, p.id)) if p.first >= 0]),
        "relations": _relations(text, candidates, proposals),
    }


def write_draft(text_path: Path, output: Path, *, info: DocumentInfo, gazetteer: Gazetteer,
                ontology: Ontology | None = None, extractor: str = "linguistic") -> Facts:
    """Draft the facts of the article in ``text_path`` into ``output``; return them, validated."""
    raw = Path(text_path).read_bytes()
    text = raw.decode("utf-8")
    output = Path(output)
    text_name = os.path.relpath(Path(text_path).resolve(), output.resolve().parent)
    data = draft_facts(text, text_name=text_name, sha256=hashlib.sha256(raw).hexdigest(), info=info,
                       gazetteer=gazetteer, ontology=ontology, extractor=extractor)
    header = _HEADER.format(today=dt.date.today().isoformat(), text=Path(text_path).name, output=output)
    dropped: list[str] = data.pop("notes", [])
    last: InvalidInput | None = None
    for _ in range(5):
        source = dump_facts(data, header="\n".join([header, *dropped]))
        try:
            facts = parse_facts(source, output, ontology=ontology)
        except InvalidInput as exc:
            if not _drop_refused(data, exc, dropped):
                raise
            last = exc
            continue
        output.write_text(source, encoding="utf-8")
        return facts
    raise InvalidInput(last.problems if last else [])


def _drop_refused(data: dict[str, Any], exc: InvalidInput, dropped: list[str]) -> bool:
    """Leave out the relations the validator refuses (a safety net: none should be)."""
    bad = set()
    for problem in exc.problems:
        if problem.field.startswith("relations["):
            bad.add(int(problem.field[len("relations["):].split("]")[0]))
    if not bad:
        return False
    for index in sorted(bad, reverse=True):
        relation = data["relations"].pop(index)
        dropped.append(f"left out {relation['id']}: "
                       + "; ".join(p.message for p in exc.problems if p.field.startswith(f"relations[{index}]")))
    return True


def _document(text: str, text_name: str, sha256: str, info: DocumentInfo, sentences) -> dict[str, Any]:
    guessed = []
    first_line = text.strip().splitlines()[0] if text.strip() else ""
    title = info.title
    if not title:
        title = first_line if 0 < len(first_line) <= 150 else Path(text_name).stem.replace("-", " ")
        guessed.append("title")
    publisher = info.publisher
    if not publisher:
        publisher, _ = "unknown publisher", guessed.append("publisher")
    published = info.published
    if published is None:
        published, _ = dt.date.today(), guessed.append("publication date")
    document: dict[str, Any] = {"id": info.id or slug(Path(text_name).stem), "title": title, "publisher": publisher,
                                "published": published.isoformat(), "language": info.language,
                                "text": text_name, "sha256": sha256, "url": info.url}
    if guessed:
        document["review"] = {"candidate": True, "reason": "guessed: " + ", ".join(guessed)
                              + " (give --title, --publisher, --date to intelgraph draft)", "confidence": 0.2}
    return document


def _entities(proposals: list[Proposal]) -> list[dict[str, Any]]:
    """One entry per proposal; a name or alias names one entity of a file, so the first proposal
    to use a name keeps it ("Moscow" the state), and a later one is told apart by its kind."""
    owner: dict[str, str] = {}
    out = []
    for proposal in proposals:
        entry = _entity(proposal)
        if owner.get(name_key(entry["name"]), entry["id"]) != entry["id"]:
            entry["name"] = f"{entry['name']} ({entry['kind']})"
            entry["review"]["reason"] += f"; {proposal.name!r} already names another entity of this draft"
        owner.setdefault(name_key(entry["name"]), entry["id"])
        aliases = []
        for alias in entry["aliases"]:
            if owner.setdefault(name_key(alias), entry["id"]) == entry["id"]:
                aliases.append(alias)
        entry["aliases"] = aliases
        out.append(entry)
    return out


def _entity(proposal: Proposal) -> dict[str, Any]:
    review: dict[str, Any] = {"candidate": True, "reason": proposal.how, "confidence": round(proposal.confidence, 2)}
    if proposal.known is not None:
        review["match"] = [proposal.known.id]
    elif proposal.candidates:
        review["match"] = [c.id for c in proposal.candidates]
    return {"id": proposal.id, "name": proposal.name, "kind": proposal.kind,
            "aliases": list(proposal.aliases), "external_ids": dict(proposal.external_ids), "review": review}


def _relations(text: str, candidates: list[Candidate], proposals: dict[str, Proposal]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    ids: dict[int, str] = {}
    by_fact: dict[tuple, str] = {}
    used: set[str] = set()
    for candidate in candidates:
        subject, obj = proposals[candidate.subject].id, proposals[candidate.object].id
        asserted_by = proposals[candidate.asserted_by].id if candidate.asserted_by else None
        fact = (subject, candidate.type, obj, candidate.status, asserted_by)
        if candidate.denies is not None:
            denied = ids.get(id(candidate.denies))
            if denied is None:
                continue
            fact += (denied,)
        if fact in by_fact:  # the same fact again: one candidate is enough for a reviewer
            ids[id(candidate)] = by_fact[fact]
            continue
        base = f"{subject}-{candidate.type.lower().replace('_', '-')}-{obj}"
        if candidate.status != "reported":
            base += f"-{candidate.status}-by-{asserted_by}"
        base = base[:190]
        rid, n = base, 2
        while rid in used:
            rid, n = f"{base}-{n}", n + 1
        used.add(rid)
        ids[id(candidate)] = by_fact[fact] = rid
        relation: dict[str, Any] = {"id": rid, "subject": subject, "type": candidate.type, "object": obj,
                                    "status": candidate.status, "asserted_by": asserted_by,
                                    "quote": text[candidate.start:candidate.end].strip()[:2000]}
        if candidate.denies is not None:
            relation["denies"] = ids[id(candidate.denies)]
        reason = "; ".join([candidate.how, *candidate.notes])
        relation["review"] = {"candidate": True, "reason": reason,
                              "confidence": max(0.05, min(0.95, round(candidate.confidence, 2)))}
        out.append(relation)
    return out
