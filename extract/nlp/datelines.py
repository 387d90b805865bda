"""A wire story's dateline: where and when the report was filed, not part of what it says.

"KYIV, March 3 (Reuters) - ", "BEIRUT (AP) — ", "DUBAI, 4 January 2024 – ": at the start of a
paragraph, a place in capitals (perhaps with its country), a day, the agency in brackets, then a
dash. The one rule for it, used twice: the NLP server reads the dateline as a sentence of its own
(:func:`dateline_apart`), and its place is no mention of that place (:func:`dateline_spans`).
"""
from __future__ import annotations

import re

__all__ = ["dateline_apart", "dateline_spans"]

_CAPITALS = r"(?:[A-Z][A-Z'.-]+ )*[A-Z][A-Z'.-]+"
# (several places filed from are joined by slashes: "ANKARA/MOSCOW")
_PLACE = rf"{_CAPITALS}(?:/{_CAPITALS})*(?:, [A-Z][A-Za-z'.-]+(?: [A-Z][A-Za-z'.-]+)*)?"
_DAY = r"(?:,? (?:[A-Z][a-z]{2,8}\.? \d{1,2}(?:,? \d{4})?|\d{1,2} [A-Z][a-z]{2,8}\.?(?: \d{4})?))?"
_AGENCY = r"(?: \([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)*\))?"
_DATELINE = re.compile(rf"(?m)^(?P<line>{_PLACE}{_DAY}{_AGENCY})(?P<dash> ?[-\u2013\u2014]{{1,2}} )(?=\S)")


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """The character spans of the datelines in ``text``, their dashes left out.

    >>> text = "Blasts kill 95\\n\\nDUBAI, 4 January 2024 \u2013 Two blasts struck Kerman."
    >>> [text[a:b] for a, b in dateline_spans(text)]
    ['DUBAI, 4 January 2024']
    >>> [text[a:b] for text in ["ANKARA/MOSCOW, Nov 24 (Reuters) - Turkey shot down a jet."]
    ...  for a, b in dateline_spans(text)]
    ['ANKARA/MOSCOW, Nov 24 (Reuters)']
    """
    return [(match.start("line"), match.end("line")) for match in _DATELINE.finditer(text)]


def dateline_apart(text: str) -> str:
    """``text`` with each dateline's dash made a paragraph break, character for character, so that
    the NLP server reads the dateline as a sentence of its own: else the parser makes its place the
    head of the lead's subject ("KYIV, March 3 (Reuters) - Ukraine's SBU said it …", "it" Kyiv's).

    >>> dateline_apart("KYIV, March 3 (Reuters) - Ukraine's SBU said it had detained two men.")[:35]
    "KYIV, March 3 (Reuters)\\n\\n Ukraine's"
    >>> dateline_apart("BEIRUT (AP) \u2014 Israel struck.") == "BEIRUT (AP)\\n\\n Israel struck."
    True
    >>> dateline_apart("NATO said so. The EU - and others - agreed.") == "NATO said so. The EU - and others - agreed."
    True
    """
    def apart(match: re.Match[str]) -> str:
        dash = match.group("dash")
        return match.group("line") + "\n\n" + " " * (len(dash) - 2)
    return _DATELINE.sub(apart, text)
