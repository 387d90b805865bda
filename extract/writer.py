"""Write a facts file in the layout people write them in: one field a line, lists and small maps in
flow style, strings quoted only when they need it. Used by ``intelgraph draft`` and ``review``.

>>> print(dump_facts({"document": {"id": "d", "published": "2024-03-28"},
...                   "entities": [{"id": "russia", "name": "Russia", "kind": "State",
...                                 "aliases": ["Moscow"], "review": {"candidate": True, "confidence": 0.9}}],
...                   "relations": []}), end="")
document:
  id: d
  published: 2024-03-28
<BLANKLINE>
entities:
  - id: russia
    name: Russia
    kind: State
    aliases: [Moscow]
    review: {candidate: true, confidence: 0.9}
<BLANKLINE>
relations: []
"""
from __future__ import annotations

import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any

__all__ = ["dump_facts", "scalar", "write_atomically"]

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ._()/-]*[A-Za-z0-9.)]$|^[A-Za-z]$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}
_ORDER = {
    "document": ["id", "title", "publisher", "published", "language", "text", "sha256", "url", "authors"],
    "entities": ["id", "name", "kind", "aliases", "external_ids"],
    "relations": ["id", "subject", "type", "object", "status", "asserted_by", "disputed_by", "denies", "date",
                  "note", "quote"],
}


def scalar(value: Any, *, key: str = "") -> str:
    """One value as YAML.

    >>> scalar("Isis-K"), scalar("no"), scalar("a: b"), scalar(0.75), scalar("2024-03-28", key="published")
    ('Isis-K', '"no"', '"a: b"', '0.75', '2024-03-28')
    """
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(scalar(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {scalar(v)}" for k, v in value.items()) + "}"
    text = str(value)
    if key == "published" and _DATE.match(text):
        return text
    if _PLAIN.match(text) and text.casefold() not in _YAML_WORDS and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


def dump_facts(data: dict[str, Any], *, header: str = "") -> str:
    """The facts file's text. Keys the layout does not know come after those it knows, and a
    ``review`` marker always comes last."""
    lines = [f"# {line}".rstrip() for line in header.splitlines()]
    document = data.get("document") or {}
    lines.append("document:")
    lines += [f"  {k}: {scalar(v, key=k)}" for k, v in _ordered(document, "document")]
    for section in ("entities", "relations"):
        items = data.get(section) or []
        lines.append("")
        if not items:
            lines.append(f"{section}: []")
            continue
        lines.append(f"{section}:")
        for item in items:
            for n, (k, v) in enumerate(_ordered(item, section)):
                lines.append(f"  {'- ' if n == 0 else '  '}{k}: {scalar(v, key=k)}")
    for key, value in data.items():
        if key not in ("document", "entities", "relations"):
            lines += ["", f"{key}: {scalar(value)}"]
    return "\n".join(lines) + "\n"


def _ordered(item: dict[str, Any], section: str) -> list[tuple[str, Any]]:
    order = _ORDER[section]
    known = [(k, item[k]) for k in order if k in item and item[k] not in (None, [], {})]
    rest = [(k, v) for k, v in item.items() if k not in order and k != "review" and v not in (None, [], {})]
    review = [("review", item["review"])] if item.get("review") else []
    return known + rest + review


def write_atomically(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` (UTF-8) all at once: to a temporary file in the same folder,
    then renamed over ``path``. A failure (a full disk, an interrupt) leaves ``path`` as it was.

    >>> folder = Path(tempfile.mkdtemp())
    >>> write_atomically(folder / "a.facts.yaml", "document: {}\\n")
    >>> (folder / "a.facts.yaml").read_text(), sorted(p.name for p in folder.iterdir())
    ('document: {}\\n', ['a.facts.yaml'])
    """
    path = Path(path)
    handle, partial = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".partial", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise
