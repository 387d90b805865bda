"""YAML that remembers where each value came from, so errors can name ``file:line:field``.

PyYAML's composer already knows the line of every node; :func:`loads` keeps that knowledge in
a :class:`Located` document beside the plain Python data: a tree of lines shaped like the data
(each mapping key and list item with its line and the lines below it). It costs a tenth of the
parse, where building the data with a table of every path cost nearly half (docs/performance.md).

:func:`read` is for files read by the thousand (the facts files): it takes the data from
``yaml_rs``, a reader in Rust that builds it without a Python node per value (about twelve
times faster than the composer here), when that data is provably what :func:`loads` would give,
and finds the lines only when something asks for one (an error): :func:`loads` parses the
text again then. The meaning of the YAML stays PyYAML's (YAML 1.1: ``yes`` is true,
``2024-03-22`` a date, ``017`` octal): ``yaml_rs`` reads YAML 1.2, so :func:`read` declines its
data, and :func:`loads` reads the text instead, whenever the two could differ (see
:func:`_fast_data`).
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
import yaml_rs
from pydantic import ValidationError

from graph.errors import InvalidInput, Problem

__all__ = ["Located", "load", "loads", "read", "field_name", "validation_problems"]

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
Pattern = tuple[str | int | None, ...]  # a path; None stands for any list index
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
    """Parsed YAML data plus the 1-based line of every mapping key and list item.

    From :func:`read`, the lines are found the first time one is asked for (``source`` is the
    text until then).
    """

    data: Any
    file: str
    lines: Lines = field(default=None, repr=False)
    source: str | None = field(default=None, repr=False)

    def line(self, path: Path_) -> int | None:
        """The line of ``path``, or of its nearest ancestor that has one (1 for none).

        >>> doc = loads("a:\\n  b: 1\\n  c: [x, y]\\n", "f.yaml")
        >>> doc.line(("a", "c", 1)), doc.line(("a", "missing")), doc.line(("a", "c", 5))
        (3, 1, 3)
        """
        if self.source is not None:  # read() left the lines for now: find them
            self.lines, self.source = loads(self.source, self.file).lines, None
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


def read(text: str, file: str, *, either_way: Collection[Pattern] = ()) -> Located:
    """Parse YAML text as :func:`loads` does, the fast way where it can; lines only when asked.

    The data is :func:`loads`'s, with one exception a caller may allow: at a path of
    ``either_way`` (``None`` in a path stands for any list index), a day written ``YYYY-MM-DD``
    may come as its text where :func:`loads` gives a ``date`` (YAML 1.1 makes a date of it unless
    it is quoted, which ``yaml_rs`` does not say). Name only fields whose validation takes the
    day and its text alike. Malformed YAML raises :class:`InvalidInput` as :func:`loads` does.

    >>> doc = read("document:\\n  published: 2024-03-22\\n  ok: yes\\n", "f.yaml")
    >>> doc.data, doc.line(("document", "ok"))
    ({'document': {'published': datetime.date(2024, 3, 22), 'ok': True}}, 3)
    >>> read("a: [x, 'y']\\nb: '017'\\n", "f.yaml").source is not None  # yaml_rs's data, no lines yet
    True
    >>> read("d: 2024-03-22\\n", "f.yaml", either_way=[("d",)]).data
    {'d': '2024-03-22'}
    """
    try:
        data = _fast_data(text, [tuple(p) for p in either_way])
    except RecursionError:  # nested deeper than the walk goes: loads() says what it makes of it
        data = None
    if data is None:
        return loads(text, file)
    return Located(data, file, source=text)


# What the fast reader's data cannot be trusted with: characters libyaml refuses, or that YAML 1.1
# takes as line breaks and 1.2 does not (NEL, LS, PS), a byte-order mark (yaml_rs keeps it in the
# first key), tabs, a directive, a tag (yaml_rs drops tags it does not know), an anchor or an
# alias (YAML 1.2 lets an anchor be defined again, PyYAML refuses it).
_NON_PRINTABLE = yaml.reader.Reader.NON_PRINTABLE
_DECLINE_CHARACTERS = ("\t", "\x85", "\u2028", "\u2029", "\ufeff")
_NODE_PROPERTY = re.compile(r"(?:\A|[\s\[{,])[!&*]")
_FIRST = frozenset(key for key in yaml.resolver.Resolver.yaml_implicit_resolvers if key)
_RESOLVER = yaml.resolver.Resolver()
_CONSTRUCTOR = yaml.SafeLoader("")
_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_TYPED: dict[str, tuple[bool, bool]] = {}  # text YAML 1.1 types -> (loads() gives the text, it is a day)


def _fast_data(text: str, either_way: list[Pattern]) -> dict[str, Any] | None:
    """yaml_rs's data for ``text`` when it is :func:`loads`'s, else ``None``.

    yaml_rs (YAML 1.2 core schema, ``parse_datetime=False``) gives a string, ``None``, a bool,
    a number or a container for each value. Its ``None`` and bools are YAML 1.1's too. A
    string is the same when PyYAML's resolver would make a string of it written plain, or when
    yaml_rs would type it written plain (then it was quoted); otherwise (``yes``, ``1:20``,
    ``<<``, a date) it is declined, but for a day at a path of ``either_way``. Numbers are
    declined (``017`` is 17 in one, 15 in the other), and so is anything yaml_rs refuses
    (duplicate keys, syntax) and any root but a mapping: :func:`loads` reports it, with its line.
    """
    if (_NON_PRINTABLE.search(text) or any(c in text for c in _DECLINE_CHARACTERS)
            or (("!" in text or "&" in text or "*" in text) and _NODE_PROPERTY.search(text))
            or text.startswith("%") or "\n%" in text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # noqa: BLE001 - whatever yaml_rs refuses, loads() reports exactly
        return None
    if type(data) is not dict or not _agrees(data, (), either_way):
        return None
    return data


def _agrees(value: dict[str, Any] | list[Any], path: Path_, either_way: list[Pattern]) -> bool:
    if type(value) is dict:
        for key in value:  # a key loads() would read otherwise (1, yes: -> 'True', <<: merges)
            if type(key) is not str or not _same_string(key):
                return False
        items: Any = value.items()
    else:
        items = enumerate(value)
    for key, item in items:
        kind = type(item)
        if kind is str:
            if not _same_string(item) and not _day_either_way(item, path + (key,), either_way):
                return False
        elif kind is dict or kind is list:
            if not _agrees(item, path + (key,), either_way):
                return False
        elif item is not None and kind is not bool:
            return False
    return True


def _same_string(text: str) -> bool:
    """Whether :func:`loads` gives ``text`` where yaml_rs gives the string ``text``."""
    if text and text[0] not in _FIRST:  # no YAML 1.1 type starts with this character
        return True
    known = _TYPED.get(text)
    if known is not None:
        return known[0]
    if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _STR:  # not remembered: mostly unique
        return True
    return _typed(text)[0]


def _typed(text: str) -> tuple[bool, bool]:
    """For a text YAML 1.1 types when plain: whether it is a string all the same (yaml_rs would
    type it plain too, so it was quoted), and whether it is a valid day ``YYYY-MM-DD``."""
    known = _TYPED.get(text)
    if known is None:
        try:
            quoted = type(yaml_rs.loads(text, parse_datetime=False)) is not str
        except Exception:  # noqa: BLE001
            quoted = False
        day = False
        if _RESOLVER.resolve(yaml.ScalarNode, text, (True, False)) == _TIMESTAMP:
            try:
                value = _CONSTRUCTOR.construct_yaml_timestamp(yaml.ScalarNode(_TIMESTAMP, text))
                day = type(value) is dt.date and value.isoformat() == text
            except ValueError:  # 2024-02-30: loads() reports it
                pass
        known = (quoted, day)
        if len(_TYPED) < _REMEMBERED_TAGS:
            _TYPED[text] = known
    return known


def _day_either_way(text: str, path: Path_, either_way: list[Pattern]) -> bool:
    """Whether ``text`` is a valid day ``YYYY-MM-DD`` at a path the caller takes a day or its text at."""
    return _typed(text)[1] and any(
        len(p) == len(path) and all(a == b or (a is None and type(b) is int) for a, b in zip(p, path, strict=True))
        for p in either_way)


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
