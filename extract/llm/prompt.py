"""What the model is asked: the ontology as a JSON Schema for structured output, and the messages.

Everything here is built from the ontology (:func:`graph.ontology.get_ontology`): kinds, relation
types with their descriptions and allowed subject and object kinds, statuses. Nothing is listed by
hand, so an edit of ``graph/ontology.yaml`` reaches the model at once.

>>> from graph.ontology import get_ontology
>>> schema = answer_schema(get_ontology())
>>> sorted(schema["properties"]), schema["additionalProperties"]
(['entities', 'relations'], False)
>>> "ARRESTED" in schema["properties"]["relations"]["items"]["properties"]["type"]["enum"]
True
"""
from __future__ import annotations

import json
from typing import Any

from extract.llm.chunks import Chunk
from graph.facts import STATUSES
from graph.ontology import Ontology

__all__ = ["SCHEMA_NAME", "answer_schema", "response_format", "system_prompt", "messages", "repair_messages",
           "schema_text"]

SCHEMA_NAME = "intelgraph_candidates"

_SYSTEM = """You extract a knowledge graph of security services, governments, armed groups and the \
people around them from news articles. You are given one passage of an article at a time.

List every entity the passage names (name as written, kind, other names it uses for it) and every \
relation it states between two of them, using only these kinds and relation types.

Entity kinds:
{kinds}

Relation types (subject kinds -> object kinds):
{relations}

Rules:
- subject, object and asserted_by are names from your entities list.
- quote: copy, character for character, the shortest passage of the text (a clause or a sentence) \
that states the relation. Never paraphrase, never join pieces: a relation whose quote is not in the \
text is thrown away.
- status: "reported" when the article states it (asserted_by null); "claimed" when the article \
reports that a party says so (asserted_by that party); "denied" when a party denies it \
(asserted_by the party denying; give the claim it denies as its own relation too).
- Only what the passage says; nothing from what you know. Answer with the JSON object only."""

_USER = "Passage {number} of {total} of the article:\n\n{text}"

_REPAIR = ("Your answer could not be read: {problem}. Answer again for the same passage with only the "
           "JSON object the schema describes.")


def answer_schema(ontology: Ontology) -> dict[str, Any]:
    """The JSON Schema of one answer (strict: every field required, nothing else allowed)."""
    name = {"type": "string", "minLength": 1}
    entity = {"type": "object", "additionalProperties": False, "required": ["name", "kind", "aliases"],
              "properties": {"name": name, "kind": {"type": "string", "enum": ontology.kind_names},
                             "aliases": {"type": "array", "items": name}}}
    relation = {"type": "object", "additionalProperties": False,
                "required": ["subject", "type", "object", "status", "asserted_by", "quote"],
                "properties": {"subject": name, "type": {"type": "string", "enum": ontology.relation_names},
                               "object": name, "status": {"type": "string", "enum": list(STATUSES)},
                               "asserted_by": {"anyOf": [name, {"type": "null"}]},
                               "quote": {"type": "string", "minLength": 3, "maxLength": 2000}}}
    return {"type": "object", "additionalProperties": False, "required": ["entities", "relations"],
            "properties": {"entities": {"type": "array", "items": entity},
                           "relations": {"type": "array", "items": relation}}}


def response_format(ontology: Ontology) -> dict[str, Any]:
    """The ``response_format`` of a chat-completions request asking for :func:`answer_schema`."""
    return {"type": "json_schema", "json_schema": {"name": SCHEMA_NAME, "strict": True,
                                                   "schema": answer_schema(ontology)}}


def system_prompt(ontology: Ontology) -> str:
    """The instructions, with every kind and relation type of the ontology and its description."""
    kinds = "\n".join(f"- {kind.name}: {kind.description}" for kind in sorted(ontology.kinds.values(),
                                                                              key=lambda k: k.name))
    relations = "\n".join(f"- {rel.name} ({', '.join(sorted(rel.subject_kinds))} -> "
                          f"{', '.join(sorted(rel.object_kinds))}): {rel.description}"
                          for rel in sorted(ontology.relations.values(), key=lambda r: r.name))
    return _SYSTEM.format(kinds=kinds, relations=relations)


def messages(chunk: Chunk, total: int, ontology: Ontology) -> list[dict[str, str]]:
    """The messages asking for one chunk's candidates."""
    return [{"role": "system", "content": system_prompt(ontology)},
            {"role": "user", "content": _USER.format(number=chunk.index + 1, total=total, text=chunk.text)}]


def repair_messages(asked: list[dict[str, str]], answer: str, problem: str) -> list[dict[str, str]]:
    """The one repair attempt: the same request, the unreadable answer and what was wrong with it."""
    return [*asked, {"role": "assistant", "content": answer},
            {"role": "user", "content": _REPAIR.format(problem=problem)}]


def schema_text(ontology: Ontology) -> str:
    """The schema as sent, for counting its size (docs/extraction.md)."""
    return json.dumps(response_format(ontology))
