"""Cue patterns: the small language the ontology's ``cues`` (and the lexicon's reporting and
denial cues) are written in, and matching them against a sentence.

A sentence is matched as a sequence of *items*: a word or punctuation mark (lower case, straight
apostrophes), or an entity mention (one item however many words it has). A cue is a list of
pieces separated by spaces:

``{S}``, ``{O}``, ``{A}``
    an entity mention: the subject, the object, the party asserting it. A slot also takes a
    list joined by "and", "or" or commas ("the United States, Britain and Ukraine").
``word``, ``said|says``, ``accus*``
    one word: one of the alternatives, ``*`` matching any ending.
``has|had?``
    a trailing ``?`` makes the piece optional.
``...``
    up to six words, none of them an entity mention, a semicolon or a dash.

Punctuation is a piece of its own: ``{S} , the head of ... {O}``, ``{O} 's chief``.

>>> cue = parse_cue("{S} , the head|director of ... {O}")
>>> items = ["E0", ",", "the", "head", "of", "the", "domestic", "service", "(", "E1", ")"]
>>> [m.slots for m in match_cue(cue, items)]
[{'S': (0,), 'O': (1,)}]
>>> [m.slots for m in match_cue(parse_cue("{A} blamed {S} ... for {O}"), ["E0", "blamed", "E1", "and", "E2", "for", "E3"])]
[{'A': (0,), 'S': (1, 2), 'O': (3,)}]
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Piece", "Cue", "CueMatch", "parse_cue", "match_cue", "is_entity", "entity_index", "GAP"]

GAP = 6
_SLOT = re.compile(r"^\{([A-Z])\}$")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
# What a gap may not cross: another clause, a quotation's edge.
_BARRIERS = frozenset({";", "—", "–", ":", ".", "“", "”", '"', "?", "!"})
_JOINERS = frozenset({",", "and", "or", "as", "well", "by", "the", "nor"})
_PREPOSITIONS = frozenset({"of", "in", "to", "from", "with", "for", "on", "at", "into", "towards", "onto", "about",
                           "against", "between", "among", "near", "outside", "inside", "over", "under", "than"})


@dataclass(frozen=True)
class Piece:
    kind: str                      # "slot" | "word" | "gap"
    slot: str = ""
    words: tuple[str, ...] = ()    # alternatives; a trailing "*" matches any ending
    optional: bool = False

    def accepts(self, item: str) -> bool:
        return any(item == w or (w.endswith("*") and item.startswith(w[:-1])) for w in self.words)


@dataclass(frozen=True)
class Cue:
    text: str
    pieces: tuple[Piece, ...]

    @property
    def slots(self) -> set[str]:
        return {p.slot for p in self.pieces if p.kind == "slot"}

    @property
    def loose(self) -> bool:
        """Whether it has a gap: such matches are less sure."""
        return any(p.kind == "gap" for p in self.pieces)


@dataclass(frozen=True)
class CueMatch:
    """Which entity mentions filled each slot, and the items the match spans (inclusive)."""

    slots: dict[str, tuple[int, ...]]
    first: int
    last: int


def is_entity(item: str) -> bool:
    return len(item) > 1 and item[0] == "E" and item[1:].isdigit()


def entity_index(item: str) -> int:
    return int(item[1:])


@lru_cache(maxsize=4096)
def parse_cue(text: str) -> Cue:
    """Parse a cue (see the module docstring); raise ``ValueError`` if it is malformed."""
    pieces = []
    for raw in text.split():
        slot = _SLOT.match(raw)
        if slot:
            pieces.append(Piece("slot", slot=slot.group(1)))
        elif raw == "...":
            pieces.append(Piece("gap"))
        else:
            optional = raw.endswith("?") and len(raw) > 1
            raw = raw[:-1] if optional else raw
            words = tuple(w.translate(_APOSTROPHES).casefold() for w in raw.split("|"))
            if not all(words) or any("{" in w or "}" in w for w in words):
                raise ValueError(f"malformed cue piece {raw!r} in {text!r}")
            pieces.append(Piece("word", words=words, optional=optional))
    if not pieces:
        raise ValueError("empty cue")
    return Cue(text, tuple(pieces))


def match_cue(cue: Cue, items: list[str]) -> list[CueMatch]:
    """Every way ``cue`` matches ``items`` (words lower-cased; entity mentions as ``E<n>``)."""
    found: dict[tuple, CueMatch] = {}
    for start in range(len(items)):
        for slots, last in _match(cue.pieces, 0, items, start, {}):
            key = tuple(sorted(slots.items()))
            if key not in found:
                found[key] = CueMatch(dict(slots), start, last)
    return list(found.values())


def _match(pieces: tuple[Piece, ...], p: int, items: list[str], i: int,
           slots: dict[str, tuple[int, ...]]):
    if p == len(pieces):
        yield slots, i - 1
        return
    piece = pieces[p]
    if piece.kind == "gap":
        j = i
        while True:
            yield from _match(pieces, p + 1, items, j, slots)
            if j >= len(items) or j - i >= GAP or is_entity(items[j]) or items[j] in _BARRIERS \
                    or items[j] == ",":
                return
            j += 1
    if i >= len(items):
        if piece.optional:
            yield from _match(pieces, p + 1, items, i, slots)
        return
    if piece.kind == "slot":
        free = p == 0 or pieces[p - 1].kind == "gap"  # else the cue itself put a word before it
        apposition = p + 1 < len(pieces) and pieces[p + 1].kind == "word" and pieces[p + 1].words in ((",",), ("'s",))
        if not is_entity(items[i]) or piece.slot in "SA" and free and not apposition and _oblique(items, i):
            return
        for members, j in _conjuncts(items, i):
            yield from _match(pieces, p + 1, items, j, {**slots, piece.slot: members})
        return
    if piece.accepts(items[i]):
        yield from _match(pieces, p + 1, items, i + 1, slots)
    if piece.optional:
        yield from _match(pieces, p + 1, items, i, slots)


def _oblique(items: list[str], i: int) -> bool:
    """Whether the mention at ``i`` is the object of a preposition, alone or in a list that is
    ("of Tajikistan and Islamic State"): it cannot then be who does or says something."""
    while i > 0:
        before = items[i - 1]
        if before in _PREPOSITIONS:
            return True
        if before in _JOINERS:
            k = i - 1
            while k > 0 and items[k - 1] in _JOINERS:
                k -= 1
            if k > 0 and is_entity(items[k - 1]):
                i = k - 1
                continue
        return False
    return False


def _conjuncts(items: list[str], i: int):
    """The entity at ``i`` alone, then with each further entity joined to it ("X, Y and by Z"),
    longest first. Commas alone make no list: "suspects, Moscow has blamed" is two clauses."""
    members = [entity_index(items[i])]
    ends = [(tuple(members), i + 1)]
    pending = []
    j = i + 1
    while True:
        k = j
        while k < len(items) and k - j < 3 and items[k] in _JOINERS:
            k += 1
        if k == j or k >= len(items) or not is_entity(items[k]):
            break
        joiners = set(items[j:k])
        members.append(entity_index(items[k]))
        j = k + 1
        pending.append((tuple(members), j))
        if joiners & {"and", "or", "nor", "well"}:
            ends.extend(pending)
            pending = []
    return reversed(ends)
