"""Candidate relations: the ontology's cues matched against each sentence.

Each relation type of ``graph/ontology.yaml`` lists its ``cues`` (the pattern language is in
:mod:`extract.cues`). A sentence is matched as it is and once more without its appositions
("Bortnikov, the head of the FSB, said" is also matched as "Bortnikov said"). A match gives one
candidate for each subject and object it names, kept only if the ontology allows their kinds; a
cue without ``{O}`` (for types whose object can only be an event) takes the last event named.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from graph.ontology import Ontology
from extract.cues import Cue, entity_index, match_cue, parse_cue
from extract.mentions import Mention, Recognition
from extract.sentences import Sentence

__all__ = ["Candidate", "sentence_items", "without_appositions", "find_relations"]

_APPOSITION_OPENERS = frozenset({"the", "a", "an", "who", "which", "whose", "its", "his", "her", "their"})
_APPOSITION_MAX = 16


@dataclass
class Candidate:
    """A relation the draft proposes."""

    subject: str          # proposal keys
    type: str
    object: str
    sentence: int
    start: int            # the quote: a span of the text
    end: int
    how: str
    confidence: float
    status: str = "reported"
    asserted_by: str | None = None
    denies: Candidate | None = None
    notes: list[str] = field(default_factory=list)
    derived: bool = False  # from an entity's name rather than a cue

    @property
    def triple(self) -> tuple[str, str, str]:
        return self.subject, self.type, self.object


def sentence_items(sentence: Sentence, mentions: list[Mention]) -> tuple[list[str], list[Mention]]:
    """The sentence as cue items: words in lower case, and ``E<n>`` for its n-th mention."""
    by_first = {m.first: (n, m) for n, m in enumerate(mentions)}
    items: list[str] = []
    i = 0
    while i < len(sentence.tokens):
        if i in by_first:
            n, mention = by_first[i]
            items.append(f"E{n}")
            i = mention.end
        else:
            # an article before a name is not part of any cue ("the FSB", "the attack")
            if not (sentence.tokens[i].norm == "the" and i + 1 in by_first):
                items.append(sentence.tokens[i].norm)
            i += 1
    return items, mentions


def without_appositions(items: list[str]) -> list[str] | None:
    """The items with each apposition after a mention taken out, or None if there is none.

    >>> without_appositions(["E0", ",", "the", "head", "of", "E1", ",", "said", "that"])
    ['E0', 'said', 'that']
    """
    out: list[str] = []
    i, changed = 0, False
    while i < len(items):
        out.append(items[i])
        if items[i].startswith("E") and items[i][1:].isdigit() and i + 2 < len(items) and items[i + 1] == "," \
                and (items[i + 2] in _APPOSITION_OPENERS or _possessive(items, i + 2)):
            close = next((k for k in range(i + 2, min(len(items), i + 2 + _APPOSITION_MAX)) if items[k] == ","), None)
            if close is not None and close + 1 < len(items) and items[close + 1] not in ("and", "or"):
                i, changed = close + 1, True
                continue
        i += 1
    return out if changed else None


def _possessive(items: list[str], k: int) -> bool:
    return k + 1 < len(items) and items[k].startswith("E") and items[k + 1] == "'s"


def find_relations(text: str, sentences: list[Sentence], recognition: Recognition,
                   ontology: Ontology) -> list[Candidate]:
    """Every candidate relation the cues find, in text order (duplicates included)."""
    cues: list[tuple[str, Cue]] = [(name, parse_cue(cue)) for name, rel in ontology.relations.items()
                                   for cue in rel.cues]
    proposals = recognition.proposals
    found: list[Candidate] = []
    last_event: str | None = None
    for sentence in sentences:
        mentions = recognition.mentions.get(sentence.index, [])
        items, _ = sentence_items(sentence, mentions)
        events_here = [(m.start_char, m.proposal) for m in mentions if proposals[m.proposal].kind == "Event"]
        variants = [items]
        shorter = without_appositions(items)
        if shorter is not None:
            variants.append(shorter)
        seen: set[tuple] = set()
        for variant in variants:
            for type_name, cue in cues:
                for match in match_cue(cue, variant):
                    objects = match.slots.get("O")
                    implicit = objects is None
                    if implicit:
                        first_char = _char_of(variant, match.last, mentions, sentence)
                        event = next((key for at, key in reversed(events_here) if at <= first_char), last_event)
                        if event is None:
                            continue
                        object_keys = [event]
                    else:
                        object_keys = [mentions[n].proposal for n in objects]
                    anaphoric = sum(mentions[n].anaphoric for slot in match.slots.values() for n in slot)
                    for s in match.slots["S"]:
                        subject = mentions[s].proposal
                        for obj in object_keys:
                            asserters = [mentions[a].proposal for a in match.slots.get("A", ())] or [None]
                            for asserter in asserters:
                                key = (subject, type_name, obj, asserter)
                                if key in seen or subject == obj:
                                    continue
                                if not ontology.allows(type_name, proposals[subject].kind, proposals[obj].kind):
                                    continue
                                seen.add(key)
                                confidence = 0.65 - 0.1 * cue.loose - 0.15 * implicit - 0.05 * anaphoric
                                how = f"cue “{cue.text}” in sentence {sentence.index + 1}"
                                if implicit:
                                    how += "; the object is the last event named"
                                candidate = Candidate(subject, type_name, obj, sentence.index, sentence.start,
                                                      sentence.end, how, round(confidence, 2))
                                if asserter is not None:
                                    candidate.status, candidate.asserted_by = "claimed", asserter
                                    candidate.notes.append(f"claimed: the cue names {proposals[asserter].name} "
                                                           "as the one who says it")
                                found.append(candidate)
        if events_here:
            last_event = events_here[-1][1]
    for subject, type_name, obj, start, end, why in recognition.derived:
        if ontology.allows(type_name, proposals[subject].kind, proposals[obj].kind) and subject != obj:
            sentence = next(s for s in sentences if s.start <= start < s.end + 1)
            found.append(Candidate(subject, type_name, obj, sentence.index, start, end, why, 0.6, derived=True))
    found.sort(key=lambda c: (c.sentence, c.start))
    return found


def _char_of(items: list[str], index: int, mentions: list[Mention], sentence: Sentence) -> int:
    """A character offset at or after which item ``index`` sits (for "the last event before it")."""
    for item in reversed(items[: index + 1]):
        if item.startswith("E") and item[1:].isdigit():
            return mentions[entity_index(item)].end_char
    return sentence.start
