"""An article as the NLP server read it: sentences, tokens, named entities, dependencies, dates,
coreference. The extractor reads only this model, never the server's JSON, so a second
foundation would need only a second reader.

Offsets are character offsets into the article's text (Python ``str`` indices), so a quote is
always ``text[start:end]``. Token indices are 0-based within their sentence.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property

__all__ = ["Token", "NamedEntity", "Arc", "Sentence", "CorefMention", "Annotated"]


@dataclass(frozen=True)
class Token:
    i: int
    text: str
    lemma: str
    pos: str        # Penn Treebank tag
    ner: str        # fine-grained NER class or "O"
    start: int
    end: int
    normalized: str | None = None   # SUTime's value for dates ("2024-03-22", "2024-03")

    @property
    def noun(self) -> bool:
        return self.pos.startswith("NN") or self.pos == "PRP"

    @property
    def verb(self) -> bool:
        return self.pos.startswith("VB")


@dataclass(frozen=True)
class NamedEntity:
    """A named-entity mention: tokens ``first`` to ``end`` (exclusive) of its sentence."""

    first: int
    end: int
    ner: str
    text: str
    normalized: str | None = None


@dataclass(frozen=True)
class Arc:
    """A dependency: ``head`` governs ``dep`` with ``label`` (UD, enhanced++); head -1 is the root."""

    head: int
    dep: int
    label: str


@dataclass
class Sentence:
    index: int
    tokens: list[Token]
    arcs: list[Arc]                 # enhanced++: a graph (a token may have several heads)
    basic: list[Arc]                # basic dependencies: a tree
    entities: list[NamedEntity]

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @cached_property
    def _out(self) -> dict[int, list[Arc]]:
        out: dict[int, list[Arc]] = defaultdict(list)
        for arc in self.arcs:
            out[arc.head].append(arc)
        return out

    @cached_property
    def _in(self) -> dict[int, list[Arc]]:
        into: dict[int, list[Arc]] = defaultdict(list)
        for arc in self.arcs:
            into[arc.dep].append(arc)
        return into

    @cached_property
    def _tree_children(self) -> dict[int, list[int]]:
        children: dict[int, list[int]] = defaultdict(list)
        for arc in self.basic:
            children[arc.head].append(arc.dep)
        return children

    def children(self, i: int, label: str | None = None) -> list[int]:
        """Dependents of token ``i`` (with ``label``, or whose label starts with ``label:``)."""
        return [a.dep for a in self._out.get(i, ()) if label is None or _label_is(a.label, label)]

    def child_arcs(self, i: int) -> list[Arc]:
        return list(self._out.get(i, ()))

    def heads(self, i: int, label: str | None = None) -> list[int]:
        """Governors of token ``i`` (through an arc with ``label``)."""
        return [a.head for a in self._in.get(i, ()) if a.head >= 0 and (label is None or _label_is(a.label, label))]

    def appositives(self, i: int) -> list[int]:
        """The words in apposition to token ``i``, either side: its ``appos`` dependents, then the
        word it is an ``appos`` of ("Gazprom, the energy group": each of the other)."""
        return [*self.children(i, "appos"), *self.heads(i, "appos")]

    def head_of(self, first: int, end: int) -> int:
        """The token of ``first``..``end`` whose governor in the basic tree is outside them (the last
        token if the parse gives none).

        >>> words = "Ministry of Intelligence said".split()
        >>> tokens = [Token(i, w, w.lower(), "NN", "O", 0, 0) for i, w in enumerate(words)]
        >>> arcs = [Arc(3, 0, "nsubj"), Arc(2, 1, "case"), Arc(0, 2, "nmod:of"), Arc(-1, 3, "root")]
        >>> Sentence(0, tokens, arcs, arcs, []).head_of(0, 3)
        0
        """
        for arc in self.basic:
            if first <= arc.dep < end and not first <= arc.head < end:
                return arc.dep
        return end - 1

    def head_arcs(self, i: int) -> list[Arc]:
        return list(self._in.get(i, ()))

    def subtree(self, i: int) -> range:
        """The tokens of ``i``'s subtree in the basic tree, as a contiguous range."""
        seen, stack = {i}, [i]
        while stack:
            for child in self._tree_children.get(stack.pop(), ()):
                if child not in seen:
                    seen.add(child)
                    stack.append(child)
        return range(min(seen), max(seen) + 1)


def _label_is(label: str, wanted: str) -> bool:
    return label == wanted or label.startswith(wanted + ":") if ":" not in wanted else label == wanted


@dataclass(frozen=True)
class CorefMention:
    sentence: int
    first: int
    end: int
    head: int
    text: str
    type: str           # PROPER, NOMINAL, PRONOMINAL, LIST
    representative: bool


@dataclass
class Annotated:
    """The whole article."""

    text: str
    sentences: list[Sentence]
    chains: list[list[CorefMention]] = field(default_factory=list)
