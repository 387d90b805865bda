"""YAML that remembers where each value came from, so errors can name ``file:line:field``.

PyYAML's composer already knows the line of every node; :func:`load` keeps that knowledge in
a :class:`Located` document beside the plain Python data: a tree of lines shaped like the data
(each mapping key and list item with its line and the lines below it). It costs a tenth of the
parse, where building the data with a table of every path cost nearly half (docs/performance.md).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from graph.errors import InvalidInput, Problem

__all__ = ["Located", "load", "loads", "field_name", "validation_problems"]

try:  # libyaml's composer is several times faster on large facts files
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - libyaml is in every PyYAML wheel
    _Base = yaml.SafeLoader


class _Loader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, minus resolver work that never changes a result here.

    libyaml's composer calls back into Python for every node: to track path resolvers (which
    no intelgraph loader registers) and to resolve the tag of every plain scalar by regular
    expressions. The tag depends on the text alone, so the tags of repeated values (ids,
    statuses, types, kinds) are remembered.
    """

    _tags: dict[str, str] = {}

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is not yaml.ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        tag = self._tags.get(value)
        if tag is None:
            tag = super().resolve(kind, value, implicit)
            if len(self._tags) < _REMEMBERED_TAGS:
                self._tags[value] = tag
        return tag


_REMEMBERED_TAGS = 8192

Path_ = tuple[str | int, ...]
#: Lines below a value: ``{key: (line, lines below)}`` for a mapping, ``[(line, lines below)]``
#: for a list, ``None`` for a scalar.
Lines = dict[str, "tuple[int, Lines]"] | list["tuple[int, Lines]"] | None
_STR = "tag:yaml.org,2002:str"


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
    lines: Lines = field(default=None, repr=False)

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one (1 for none).

        >>> doc = loads("a:\\n  b: 1\\n  c: [x, y]\\n", "f.yaml")
        >>> doc.line(("a", "c", 1)), doc.line(("a", "missing")), doc.line(("a", "c", 5))
        (3, 1, 3)
        """
        found, below = 1, self.lines
        for part in path:
            if isinstance(below, dict) and isinstance(part, str) and part in below:
                found, below = below[part]
            elif isinstance(below, list) and isinstance(part, int) and not isinstance(part, bool) \
                    and 0 <= part < len(below):
                found, below = below[part]
            else:
                break
        return found

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
        doc.data, doc.lines = _build(root, (), constructor, file)
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


def _build(node: yaml.Node, path: Path_, constructor: yaml.SafeLoader, file: str) -> tuple[Any, Lines]:
    """The data of ``node`` and its :data:`Lines`; ``path`` names errors."""
    if isinstance(node, yaml.MappingNode):
        out: dict[Any, Any] = {}
        lines: dict[str, tuple[int, Lines]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise InvalidInput([Problem(file, key_node.start_mark.line + 1, field_name(path),
                                            "mapping keys must be plain scalars")])
            key = key_node.value if key_node.tag == _STR else _scalar(key_node, path, constructor, file)
            key = key if isinstance(key, str) else str(key)
            if key in out:
                raise InvalidInput([Problem(file, key_node.start_mark.line + 1,
                                            field_name(path + (key,)), "duplicate key")])
            out[key], below = _child(value_node, path, key, constructor, file)
            lines[key] = (key_node.start_mark.line + 1, below)
        return out, lines
    if isinstance(node, yaml.SequenceNode):
        items = []
        item_lines: list[tuple[int, Lines]] = []
        for index, item in enumerate(node.value):
            value, below = _child(item, path, index, constructor, file)
            items.append(value)
            item_lines.append((item.start_mark.line + 1, below))
        return items, item_lines
    return _scalar(node, path, constructor, file), None


def _child(node: yaml.Node, path: Path_, part: str | int, constructor: yaml.SafeLoader,
           file: str) -> tuple[Any, Lines]:
    # Most values are plain strings: taken as they are (what SafeConstructor.construct_yaml_str
    # returns), without building their path, which only an error needs.
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value, None
    return _build(node, path + (part,), constructor, file)


def _scalar(node: yaml.Node, path: Path_, constructor: yaml.SafeLoader, file: str) -> Any:
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


def validation_problems(doc: Located, exc: ValidationError) -> list[Problem]:
    """A pydantic model's complaints about ``doc.data``, each at its file:line: field."""
    problems = []
    for error in exc.errors():
        message = error["msg"]
        if error["type"] == "missing":
            message = "required field is missing"
        elif error["type"] == "extra_forbidden":
            message = "unknown field"
        problems.append(doc.problem(tuple(error["loc"]), message))
    return problems
