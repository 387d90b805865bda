"""When each candidate happened (its ``date``), from the dates the NLP server resolved (SUTime).

The server resolves "on Friday", "last week" or "March 22" against the publication date. A
candidate takes the date written against its own predicate or its event ("arrested on 3 January",
"the 3 January bombings"); failing that, the date of its sentence when the sentence has exactly
one. A date after the publication day (a weekday read forwards) or one SUTime could not pin to
a year is not taken. Dates are event time, never the publication date: a candidate the text
does not date has no ``date``.

>>> event_date("2024-03-22", dt.date(2024, 4, 1)), event_date("2024-03", None), event_date("XXXX-03-22", None)
('2024-03-22', '2024-03', None)
>>> event_date("2024-05-01", dt.date(2024, 4, 1)), event_date("2024-03-22T20:00", None)
(None, '2024-03-22')
"""
from __future__ import annotations

import datetime as dt

from extract.nlp.document import Annotated, Sentence
from extract.relations import Candidate
from graph.dates import event_date

__all__ = ["event_date", "date_candidates"]


def _date_of_tokens(sentence: Sentence, tokens: list[int], published: dt.date | None) -> str | None:
    for i in tokens:
        token = sentence.tokens[i]
        if token.ner == "DATE":
            value = event_date(token.normalized, published)
            if value is not None:
                return value
    return None


def date_candidates(doc: Annotated, candidates: list[Candidate], published: dt.date | None, *,
                    undated_types: frozenset[str] = frozenset(), saying: frozenset[str] = frozenset()) -> None:
    """Set ``date`` on each candidate the text dates.

    ``undated_types`` (lasting states such as who leads what) take only a date written against
    their own words, never their sentence's; and a sentence's date that dates a verb of
    ``saying`` ("investigators said on Tuesday that …") is when it was said, not when it happened.
    """
    for candidate in candidates:
        if candidate.denies is not None:
            continue
        sentence = doc.sentences[candidate.sentence]
        near = list(sentence.children(candidate.predicate))
        near += [d for c in list(near) if sentence.tokens[c].noun for d in sentence.children(c)]
        candidate.date = _date_of_tokens(sentence, near, published)
        if candidate.date is None and candidate.type not in undated_types:
            values = {event_date(e.normalized, published) for e in sentence.entities
                      if e.ner == "DATE" and not _dates_saying(sentence, e.first, e.end, saying)}
            values.discard(None)
            if len(values) == 1:
                candidate.date = values.pop()


def _dates_saying(sentence: Sentence, first: int, end: int, saying: frozenset[str]) -> bool:
    """Whether the date phrase ``first:end`` hangs on a verb of saying."""
    return any(arc.head >= 0 and not first <= arc.head < end and sentence.tokens[arc.head].lemma in saying
               for i in range(first, end) for arc in sentence.head_arcs(i))
