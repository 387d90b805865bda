"""Name normalisation and stable ids, shared by the loader and every look-up.

Names are compared without regard to case, Unicode form, apostrophe or dash style and
spacing, so "Jehovah’s Witnesses" and "jehovah's  witnesses" are the same key.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

__all__ = ["name_key", "edge_id", "evidence_id", "lucene_phrase", "lucene_words"]

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'",
                              "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-"})
_SPACES = re.compile(r"\s+")


def name_key(name: str) -> str:
    """The key a name is matched by.

    >>> name_key("  Jehovah’s   Witnesses ")
    "jehovah's witnesses"
    >>> name_key("ISIS–K") == name_key("Isis-K")
    True
    """
    text = unicodedata.normalize("NFKC", name).translate(_APOSTROPHES).casefold()
    return _SPACES.sub(" ", text).strip()


def edge_id(*, relation_type: str, subject: str, object: str, status: str, asserted_by: str | None) -> str:
    """The stable id of an edge: the same fact from two documents is one edge.

    An edge is identified by its ends, its type, its status and who asserts it, so a claim and
    its denial are two edges, and two documents reporting the same fact support one.

    >>> edge_id(relation_type="ACCUSED", subject="russia", object="ukraine", status="reported", asserted_by=None)
    'e-3903e9bec2715257'
    """
    raw = "\x1f".join((relation_type, subject, object, status, asserted_by or ""))
    return "e-" + hashlib.blake2b(raw.encode(), digest_size=8).hexdigest()


def evidence_id(*, document: str, relation: str) -> str:
    """The id of one piece of evidence: a relation of a document.

    >>> evidence_id(document="ft-2024", relation="r1")
    'ft-2024#r1'
    """
    return f"{document}#{relation}"


def lucene_phrase(key: str) -> str:
    """A Lucene query matching ``key`` as one whole term of a keyword-analysed index.

    >>> lucene_phrase('say "hi"')
    '"say \\\\"hi\\\\""'
    """
    return '"' + key.replace("\\", "\\\\").replace('"', '\\"') + '"'


_WORD = re.compile(r"[\w']+", re.UNICODE)
_LUCENE_SPECIAL = re.compile(r'([+\-!(){}\[\]^"~*?:\\/&|])')


def lucene_words(text: str, *, suffix: str, join: str) -> str | None:
    """A Lucene query of the words of ``text`` (by :func:`name_key`), each escaped and followed by
    ``suffix`` (``*`` a prefix, ``~`` a fuzzy term), joined by ``join``; None when it has no word.

    >>> lucene_words("Isis-K", suffix="*", join=" AND "), lucene_words("Bortnikof", suffix="~", join=" OR ")
    ('isis* AND k*', 'bortnikof~')
    >>> lucene_words("--", suffix="*", join=" AND ") is None
    True
    """
    words = _WORD.findall(name_key(text))
    if not words:
        return None
    return join.join(_LUCENE_SPECIAL.sub(r"\\\1", word) + suffix for word in words)
