"""One way to name an entity: the rules that turn a reference into the entity it names.

A reference is what a person types where an entity is expected (``--center FSB``,
``/entities/CIA``, ``entity=Bortnikov``). It names an entity, in this order:

1. by id, in any case (ids are lower-case slugs, so ``ISKP`` is ``iskp``);
2. by external id: ``Q7747`` (a Wikidata item) or ``registry:value`` (``wikidata:Q7747``);
3. by a name or an alias, compared as :func:`graph.names.name_key` keys. An entity's own name
   that only one entity has wins. An alias gives way: when other entities' names contain it as
   whole words (``Moscow``: Russia's alias, and the name of ``City of Moscow``), the reference is
   ambiguous, and so is a key that several entities have;
4. otherwise nothing: the closest names by :mod:`rapidfuzz` are offered as suggestions, never
   picked.

This module holds the rules only (pure functions over the rows ``cypher/entities/resolve.cypher``
and ``cypher/entities/similar.cypher`` return); :class:`graph.services.entities.EntityService`
runs the statements and raises. An ambiguous reference is :class:`~graph.errors.Ambiguous` with
the candidates listed, never a silent pick.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process, utils

from graph.names import lucene_phrase, lucene_words, name_key

__all__ = ["Resolution", "lookup_terms", "decide", "rank_similar", "fuzzy_query", "SUGGESTION_CUTOFF",
           "MAX_SUGGESTIONS"]

#: The least rapidfuzz ``ratio`` score (0-100) a name needs to be suggested.
SUGGESTION_CUTOFF = 80.0
#: The most suggestions a failed reference lists.
MAX_SUGGESTIONS = 5

_WIKIDATA = re.compile(r"^[Qq][1-9][0-9]*$")
_EXTERNAL = re.compile(r"^([a-z][a-z0-9_-]*):(\S+)$", re.I)


@dataclass(frozen=True)
class Resolution:
    """What a reference names: ``entity`` (one match), else ``candidates`` (ambiguous, two or
    more), else nothing; ``how`` says which rule decided."""

    entity: dict[str, Any] | None = None
    candidates: list[dict[str, Any]] = field(default_factory=list)
    how: str = "none"


def lookup_terms(reference: str) -> dict[str, Any]:
    """The values ``cypher/entities/resolve.cypher`` looks a reference up with.

    >>> lookup_terms("ISKP")
    {'ref': 'ISKP', 'id': 'iskp', 'external': None, 'term': '"iskp"', 'key': 'iskp'}
    >>> lookup_terms("q7747")["external"], lookup_terms("wikidata:Q159")["external"]
    ('"wikidata:Q7747"', '"wikidata:Q159"')
    >>> lookup_terms("   ")["term"] is None
    True
    """
    text = reference.strip()
    key = name_key(text)
    external = None
    if _WIKIDATA.match(text):
        external = lucene_phrase(f"wikidata:{text.upper()}")
    elif (match := _EXTERNAL.match(text)) is not None:
        value = match[2].upper() if match[1].lower() == "wikidata" else match[2]
        external = lucene_phrase(f"{match[1].lower()}:{value}")
    return {"ref": reference, "id": text.lower(), "external": external, "term": lucene_phrase(key) if key else None,
            "key": key}


def _is_of(name: str, key: str) -> bool:
    """Whether ``name`` is "… of ``key``" (a city, a province, a government of that name).

    >>> _is_of("City of Moscow", "moscow"), _is_of("Government of the Netherlands", "netherlands")
    (True, True)
    >>> _is_of("US Embassy in Moscow", "moscow"), _is_of("four Isis-K suspects", "isis-k")
    (False, False)
    """
    return re.search(rf"(?<!\w)of (?:the )?{re.escape(key)}$", name_key(name)) is not None


def _card(row: Mapping[str, Any]) -> dict[str, Any]:
    return {"id": row["id"], "name": row["name"], "kind": row["kind"]}


def decide(row: Mapping[str, Any]) -> Resolution:
    """Apply the rules of this module to one row of ``cypher/entities/resolve.cypher``.

    The row holds ``key`` (the reference's name key) and the entities found ``by_id``,
    ``by_external_id``, ``by_key`` (one of whose names or aliases is the key, with ``aliases``)
    and ``containing`` (whose names or aliases contain the key's words, with ``aliases``).

    >>> russia = {"id": "russia", "name": "Russia", "kind": "State", "aliases": ["Moscow"]}
    >>> city = {"id": "moscow-city", "name": "City of Moscow", "kind": "Place", "aliases": []}
    >>> row = {"key": "moscow", "by_id": [], "by_external_id": [], "by_key": [russia], "containing": [russia, city]}
    >>> [c["id"] for c in decide(row).candidates], decide(row).how
    (['russia', 'moscow-city'], 'alias')
    >>> decide(dict(row, key="russia", by_key=[russia])).entity["id"]
    'russia'
    >>> decide(dict(row, by_id=[city])).how
    'id'
    """
    if row["by_id"]:
        return Resolution(entity=_card(row["by_id"][0]), how="id")
    if row["by_external_id"]:
        found = {match["id"]: _card(match) for match in row["by_external_id"]}
        if len(found) == 1:
            return Resolution(entity=next(iter(found.values())), how="external id")
        return Resolution(candidates=list(found.values()), how="external id")
    key = row["key"]
    matches = {match["id"]: match for match in row["by_key"]}
    if not matches:
        return Resolution()
    if len(matches) > 1:
        return Resolution(candidates=[_card(match) for match in matches.values()], how="name")
    (only,) = matches.values()
    if name_key(only["name"]) == key:
        return Resolution(entity=_card(only), how="name")
    # An alias only: another entity whose own name is "… of" the same words may be the one meant.
    others = [_card(match) for match in row["containing"]
              if match["id"] != only["id"] and _is_of(match["name"], key)]
    if others:
        return Resolution(candidates=[_card(only), *others], how="alias")
    return Resolution(entity=_card(only), how="alias")


def fuzzy_query(reference: str) -> str | None:
    """A Lucene query for names within two edits of the reference's words (the candidates
    :func:`rank_similar` then ranks).

    >>> fuzzy_query("Bortnikof"), fuzzy_query("Isis-K")
    ('bortnikof~', 'isis~ OR k~')
    >>> fuzzy_query("--") is None
    True
    """
    return lucene_words(reference, suffix="~", join=" OR ")


def rank_similar(reference: str, rows: Iterable[Mapping[str, Any]], *, limit: int = MAX_SUGGESTIONS,
                 cutoff: float = SUGGESTION_CUTOFF) -> list[dict[str, Any]]:
    """The entities whose name or an alias is closest to ``reference`` as a whole (rapidfuzz ``ratio``, an
    edit-distance similarity: a word of a long name is no near-match),
    best first: each row as given, with its ``score`` (0-100) and the ``matched`` name.

    >>> rows = [{"id": "alexander-bortnikov", "name": "Alexander Bortnikov", "kind": "Person",
    ...          "aliases": ["Bortnikov"]},
    ...         {"id": "dmitry-peskov", "name": "Dmitry Peskov", "kind": "Person", "aliases": ["Peskov"]}]
    >>> [(row["id"], row["matched"], row["score"]) for row in rank_similar("Bortnikof", rows)]
    [('alexander-bortnikov', 'Bortnikov', 88.9)]
    """
    choices: dict[tuple[str, str], str] = {}
    cards: dict[str, dict[str, Any]] = {}
    for row in rows:
        cards[row["id"]] = dict(row)
        for text in [row["name"], *(row.get("aliases") or [])]:
            choices[(row["id"], text)] = name_key(text)
    best: dict[str, dict[str, Any]] = {}
    found = process.extract(name_key(reference), choices, scorer=fuzz.ratio, processor=utils.default_process,
                            score_cutoff=cutoff, limit=None)
    for _, score, (entity_id, text) in found:
        if entity_id not in best or score > best[entity_id]["score"]:
            best[entity_id] = cards[entity_id] | {"matched": text, "score": round(score, 1)}
    return sorted(best.values(), key=lambda row: (-row["score"], row["id"]))[:limit]
