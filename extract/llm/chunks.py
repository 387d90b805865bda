"""The article cut into overlapping chunks that fit the model's context.

A chunk ends at a paragraph, a sentence or at least a word; the next one starts a little before
(``overlap`` characters at most, at a sentence start when there is one), so that a sentence cut by
the border is whole in one of the two.
"""
from __future__ import annotations

from dataclasses import dataclass

from graph.errors import InvalidParameter

__all__ = ["Chunk", "chunk_text"]

_ENDS = ("\n\n", "\n", ". ", "? ", "! ", "; ", " ")


@dataclass(frozen=True)
class Chunk:
    """A piece of the article: ``text == article[start:end]``; ``index`` counts from 0."""

    index: int
    start: int
    end: int
    text: str

    def label(self, total: int) -> str:
        return f"chunk {self.index + 1} of {total} (characters {self.start}-{self.end})"


def chunk_text(text: str, *, size: int, overlap: int) -> list[Chunk]:
    """Cut ``text`` into chunks of at most ``size`` characters, each repeating at most ``overlap``
    characters of the one before.

    Parameters
    ----------
    text : str
        The article.
    size : int
        Longest chunk, in characters (``LLM_CHUNK_CHARS``).
    overlap : int
        Most characters a chunk shares with the one before (``LLM_CHUNK_OVERLAP_CHARS``).

    Raises
    ------
    InvalidParameter
        When ``overlap`` is not smaller than half of ``size``.

    Examples
    --------
    >>> text = "One short sentence. Another one here. A third one. And the last."
    >>> [c.text for c in chunk_text(text, size=40, overlap=20)]
    ['One short sentence. Another one here. ', 'Another one here. A third one. ', 'A third one. And the last.']
    >>> [c.text for c in chunk_text(text, size=1000, overlap=20)] == [text]
    True
    """
    if size < 1:
        raise InvalidParameter("LLM_CHUNK_CHARS", f"must be positive, not {size}")
    if overlap < 0 or overlap * 2 > size:
        raise InvalidParameter("LLM_CHUNK_OVERLAP_CHARS", f"must be between 0 and half of LLM_CHUNK_CHARS "
                                                          f"({size // 2}), not {overlap}")
    chunks: list[Chunk] = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            end = _last_end(text, start + size // 2, end)
        chunks.append(Chunk(len(chunks), start, end, text[start:end]))
        if end >= len(text):
            break
        start = _first_start(text, max(end - overlap, start + 1), end) if overlap else end
    return chunks


def _last_end(text: str, low: int, high: int) -> int:
    """The last border in ``text[low:high]`` after a paragraph, a sentence, a clause or a word."""
    for mark in _ENDS:
        at = text.rfind(mark, low, high)
        if at >= 0:
            return at + len(mark)
    return high


def _first_start(text: str, low: int, high: int) -> int:
    """The first sentence (else word) start in ``text[low:high]``; ``low`` if there is none."""
    for marks in (_ENDS[:-1], _ENDS[-1:]):
        found = [at + len(mark) for mark in marks if (at := text.find(mark, low, high)) >= 0]
        if found and min(found) < high:
            return min(found)
    return low
