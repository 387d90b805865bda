"""YAML that remembers where each value came from, so errors can name ``file:line:field``.

PyYAML's composer already knows the line of every node; :func:`load` keeps that knowledge in
a :class:`Located` document beside the plain Python data.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from graph.errors import InvalidInput, Problem

__all__ = ["Located", "load", "loads", "field_name"]

try:  # libyaml's composer is several times faster on large facts files
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is in every PyYAML wheel
    _Loader = yaml.SafeLoader

Path_ = tuple[str | int, ...]


def field_name(path: Path_) -> str:
    """Render a data path the way errors show it.

    >>> field_name(("relations", 3, "quote"))
    'relations[3].quote'
    >>> field_name(())
    ''
    """
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class Located:
    """Parsed YAML data plus the 1-based line of every mapping key and list item."""

    data: Any
    file: str
    lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one.

        >>> doc = loads("a:\\n  b: 1\\n  c: [x, y]\\n", "f.yaml")
        >>> doc.line(("a", "c", 1)), doc.line(("a", "missing"))
        (3, 1)
        """
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return 1

    def problem(self, path: Path_, message: str) -> Problem:
        """A :class:`Problem` located at ``path``."""
        return Problem(self.file, self.line(path), field_name(path), message)


def loads(text: str, file: str) -> Located:
    """Parse YAML text, recording lines; malformed YAML raises :class:`InvalidInput`.

    >>> loads("a: 1\\nb: [1, 2\\n", "bad.yaml")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: bad.yaml:3: YAML syntax: did not find expected ',' or ']'
    """
    loader = _Loader(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InvalidInput([Problem(file, line, "YAML syntax", str(exc.problem or exc))]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        line = text[: exc.position].count("\n") + 1 if isinstance(exc.position, int) else None
        raise InvalidInput([Problem(file, line, "YAML syntax",
                                    f"character {exc.character!r} is not allowed in YAML")]) from None
    finally:
        loader.dispose()
    doc = Located(None, file)
    if root is not None:
        constructor = yaml.SafeLoader("")  # only its scalar constructors are used
        doc.data = _build(root, (), doc.lines, constructor, file)
    return doc


def load(path: Path) -> Located:
    """Read and parse a YAML file; a missing or undecodable file raises :class:`InvalidInput`."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InvalidInput([Problem(str(path), None, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise InvalidInput([Problem(str(path), None, "", f"not UTF-8 text ({exc.reason})")]) from None
    return loads(text, str(path))


def _build(node: yaml.Node, path: Path_, lines: dict, constructor: yaml.SafeLoader, file: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InvalidInput([Problem(file, key_node.start_mark.line + 1, field_name(path),
                                            "mapping keys must be plain scalars")])
            key = constructor.construct_object(key_node)
            key = key if isinstance(key, str) else str(key)
            if key in out:
                raise InvalidInput([Problem(file, key_node.start_mark.line + 1,
                                            field_name(path + (key,)), "duplicate key")])
            lines[path + (key,)] = key_node.start_mark.line + 1
            out[key] = _build(value_node, path + (key,), lines, constructor, file)
        return out
    if isinstance(node, yaml.SequenceNode):
        items = []
        for index, item in enumerate(node.value):
            lines[path + (index,)] = item.start_mark.line + 1
            items.append(_build(item, path + (index,), lines, constructor, file))
        return items
    if node.tag.startswith("tag:yaml.org,2002:") or node.tag == "!":
        try:
            return constructor.construct_object(node)
        except yaml.constructor.ConstructorError as exc:
            raise InvalidInput([Problem(file, node.start_mark.line + 1, field_name(path),
                                        str(exc.problem))]) from None
        except ValueError as exc:  # e.g. 2024-02-30: a date YAML recognises that the calendar does not
            raise InvalidInput([Problem(file, node.start_mark.line + 1, field_name(path),
                                        f"invalid {node.tag.rsplit(':', 1)[-1]} {node.value!r}: {exc}")]) from None
    raise InvalidInput([Problem(file, node.start_mark.line + 1, field_name(path),
                                f"unsupported YAML tag {node.tag}")])
