"""Sentences and tokens of an article, with their character offsets in the text.

Everything the draft extractor finds points back into the text by offsets, so a quote is always
``text[start:end]``: verbatim, whatever the quote marks, dashes and spaces.

>>> text = "Mr. Smith met the FSB’s chief. He said: “No.” Then he left."
>>> [text[s.start:s.end] for s in split_sentences(text)]
['Mr. Smith met the FSB’s chief.', 'He said: “No.”', 'Then he left.']
>>> [t.norm for t in tokenize("the FSB’s chief")]
['the', 'fsb', "'s", 'chief']
"""
from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Token", "Sentence", "tokenize", "split_sentences"]

# A word keeps inner hyphens, apostrophes and dots ("Isis-K", "co-operation", "U.S."); a possessive
# "’s" is its own token so that cues can say "{O} 's chief".
_TOKEN = re.compile(r"[’']s\b|\w+(?:[-.]\w+|[’'](?!s\b)\w+)*|[^\w\s]", re.UNICODE)
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})
# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {"mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "prof", "rev", "sen",
                  "rep", "gov", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
                  "nov", "dec", "vs", "etc", "inc", "ltd", "co", "corp", "u.s", "u.k", "e.g", "i.e"}
_CLOSERS = "\"”’')]"


@dataclass(frozen=True)
class Token:
    """A word or punctuation mark: its text, its span and its normalised form (lower case)."""

    text: str
    start: int
    end: int

    @property
    def norm(self) -> str:
        return self.text.translate(_APOSTROPHES).casefold()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass(frozen=True)
class Sentence:
    """One sentence: its index in the document, its span and its tokens."""

    index: int
    start: int
    end: int
    tokens: tuple[Token, ...]


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """The tokens of ``text``; offsets are shifted by ``offset``."""
    return [Token(m.group(), m.start() + offset, m.end() + offset) for m in _TOKEN.finditer(text)]


def split_sentences(text: str) -> list[Sentence]:
    """Split at a full stop, question or exclamation mark (with any closing quotes) followed by a
    space and a capital, a digit or an opening quote, and at every line break."""
    sentences: list[Sentence] = []
    for line in re.finditer(r"[^\n]+", text):
        tokens = tokenize(line.group(), line.start())
        begin = 0
        for i, token in enumerate(tokens):
            if token.text not in ".?!" or not _ends_here(text, tokens, i):
                continue
            end = i + 1
            while end < len(tokens) and tokens[end].text in _CLOSERS and tokens[end].start == tokens[end - 1].end:
                end += 1
            if begin < end:
                sentences.append(_sentence(len(sentences), tokens[begin:end]))
            begin = end
        if begin < len(tokens):
            sentences.append(_sentence(len(sentences), tokens[begin:]))
    return sentences


def _ends_here(text: str, tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.text == "." and i > 0:
        before = tokens[i - 1]
        if before.end == token.start and (before.norm in _ABBREVIATIONS or len(before.text) == 1 and before.text.isupper()):
            return False
        if i + 2 < len(tokens) and tokens[i + 1].text == "." and tokens[i + 2].text == ".":
            return False  # ". . ." marks an ellipsis inside a quote
        if i >= 2 and tokens[i - 1].text == "." and tokens[i - 2].text == ".":
            return False
    j = i + 1
    while j < len(tokens) and tokens[j].text in _CLOSERS:
        j += 1
    if j >= len(tokens):
        return True
    following = tokens[j]
    if following.start == tokens[j - 1].end:  # no space: "3.5", "U.S."
        return False
    return following.text[:1].isupper() or following.text[:1].isdigit() or following.text in "“\"‘("


def _sentence(index: int, tokens: list[Token]) -> Sentence:
    return Sentence(index, tokens[0].start, tokens[-1].end, tuple(tokens))
