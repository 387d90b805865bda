"""Entity recognition: which spans of the text name which entity, and the entities to propose.

In order of preference, a span is
1. a name or alias the gazetteer knows (the graph's entities), exactly or through the variant
   table (``variants.yaml``): the draft then uses the graph's id;
2. a state's body ("the US embassy", "Ukrainian intelligence") or the state itself ("Russian
   authorities"), from the lexicon's states and ``state_bodies``;
3. a state or bloc of the lexicon ("Tajikistan", "Kiev");
4. an event named by a place ("the Harbour Market attack", "the attack on the X");
5. a capitalised name, its kind guessed from its words (``kind_words``), from a title before it,
   or from its shape (two or three capitalised words: a person);
6. a group of people ("four suspects", "two Kazakhs", "radical Islamists");
7. a reference back: "the attack" (the last event named), "he" / "she" (the last person), a
   surname alone (the person of that surname named before).

Longer spans win over shorter ones, then the order above. Each proposal records why it was
proposed and how sure the extractor is.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from graph.names import name_key
from extract.gazetteer import Gazetteer, Known
from extract.lexicon import Lexicon, StateEntry
from extract.sentences import Sentence, Token

__all__ = ["Mention", "Proposal", "Recognition", "recognise", "slug"]

_MAX_NGRAM = 8
_CONNECTORS = {"of", "for", "de", "al", "and"}
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&.-]{1,9}$")
_NUMBER = re.compile(r"^\d+$")
_NUMBER_WORDS = {"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "dozens", "hundreds", "thousands", "several", "many", "some"}
_GENERIC_GROUPS = {"people", "men", "women", "citizens", "nationals", "civilians", "soldiers", "troops"}


def slug(name: str) -> str:
    """An entity id made from a name.

    >>> slug("Basmanny district court"), slug("Jehovah’s Witnesses"), slug("U.S. Embassy")
    ('basmanny-district-court', 'jehovahs-witnesses', 'us-embassy')
    """
    text = name_key(name).replace("'", "").replace(".", "")
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:80].strip("-") or "entity"


@dataclass
class Proposal:
    """An entity the draft proposes (new, or one the graph knows)."""

    key: str                        # identity within the draft
    name: str
    kind: str
    how: str                        # why it is proposed
    confidence: float
    known: Known | None = None      # the graph's node it is
    candidates: list[Known] = field(default_factory=list)  # several possible nodes: never merged
    aliases: list[str] = field(default_factory=list)
    external_ids: dict[str, str] = field(default_factory=dict)
    id: str = ""
    first: int = -1                 # character offset of the first mention
    head: str = ""                  # for groups: the plural noun
    state: StateEntry | None = None  # for groups of a state's nationals, bodies of a state

    def add_alias(self, surface: str) -> None:
        if self.known is not None and any(name_key(n) == name_key(surface) for n in self.known.names):
            return
        if name_key(surface) != name_key(self.name) and all(name_key(a) != name_key(surface) for a in self.aliases):
            self.aliases.append(surface)


@dataclass(frozen=True)
class Mention:
    """A span of a sentence that names a proposal (or refers back to it)."""

    sentence: int
    first: int        # token indices in the sentence, end exclusive
    end: int
    start_char: int
    end_char: int
    proposal: str     # Proposal.key
    anaphoric: bool = False


@dataclass
class Recognition:
    proposals: dict[str, Proposal]
    mentions: dict[int, list[Mention]]   # by sentence index, in text order
    derived: list[tuple[str, str, str, int, int, str]]  # (subject key, type, object key, start, end, why)


@dataclass
class _Candidate:
    first: int
    end: int
    rank: int
    make: object  # () -> (Proposal key, anaphoric)


def recognise(text: str, sentences: list[Sentence], gazetteer: Gazetteer, lexicon: Lexicon) -> Recognition:
    """Find every entity mention of ``text``; see the module docstring."""
    keys: set[str] = set()
    for sentence in sentences:
        for i, j, surface in _ngrams(text, sentence):
            for key in lexicon.variant_keys(name_key(surface)):
                keys.add(key)
    known = gazetteer.lookup(keys)
    state = _State(text, gazetteer, lexicon, known)
    for sentence in sentences:
        state.sentence(sentence)
    state.resolve_new()
    return Recognition(state.proposals, state.mentions, state.derived)


def _name_like(surface: str, hits: list[Known]) -> bool:
    """Whether a span can be a name: capitalised, several words, or written exactly as a known name
    ("us" in "told us" is not the US)."""
    if surface[:1].isupper() or " " in surface.strip():
        return True
    return any(name.casefold() != name and name == surface for hit in hits for name in hit.names) or \
        any(name == surface for hit in hits for name in hit.names)


def _ngrams(text: str, sentence: Sentence):
    tokens = sentence.tokens
    for i, first in enumerate(tokens):
        if not first.is_word:
            continue
        for j in range(i + 1, min(len(tokens), i + _MAX_NGRAM) + 1):
            last = tokens[j - 1]
            if last.is_word or last.text == ")":
                yield i, j, text[first.start:last.end]


class _State:
    def __init__(self, text: str, gazetteer: Gazetteer, lexicon: Lexicon, known: dict[str, list[Known]]):
        self.text = text
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.known = known
        self.proposals: dict[str, Proposal] = {}
        self.mentions: dict[int, list[Mention]] = {}
        self.derived: list[tuple[str, str, str, int, int, str]] = []
        self.last: dict[str, tuple[str, int]] = {}  # kind or group head -> (proposal key, sentence)
        self.sentence_people: dict[int, list[str]] = {}

    # --- proposals ---------------------------------------------------------------------------
    def _propose(self, key: str, make) -> Proposal:
        if key not in self.proposals:
            self.proposals[key] = make()
        return self.proposals[key]

    def _known_proposal(self, entity: Known, how: str, confidence: float) -> str:
        key = "id:" + entity.id
        proposal = self._propose(key, lambda: Proposal(key, entity.name, entity.kind, how, confidence, known=entity))
        proposal.confidence = max(proposal.confidence, confidence)
        return key

    def _new_proposal(self, name: str, kind: str, how: str, confidence: float, **extra) -> str:
        key = "new:" + name_key(name)
        self._propose(key, lambda: Proposal(key, name, kind, how, confidence, **extra))
        return key

    def _state_proposal(self, entry: StateEntry) -> str:
        for name in (entry.name, *entry.aliases):
            hits = self.known.get(name_key(name)) or []
            same = [h for h in hits if h.kind == entry.kind]
            if len(same) == 1:
                return self._known_proposal(same[0], f"the {entry.kind.lower()} {entry.name}, which the graph has",
                                            0.9)
        external = {"wikidata": entry.wikidata} if entry.wikidata else {}
        return self._new_proposal(entry.name, entry.kind, f"a {entry.kind.lower()} of the draft lexicon", 0.85,
                                  external_ids=external)

    # --- one sentence -----------------------------------------------------------------------------
    def sentence(self, sentence: Sentence) -> None:
        tokens = sentence.tokens
        candidates: list[_Candidate] = []
        candidates += self._gazetteer_candidates(sentence)
        candidates += self._state_candidates(sentence)
        candidates += self._event_candidates(sentence)
        candidates += self._name_candidates(sentence)
        candidates += self._group_candidates(sentence)
        candidates += self._reference_candidates(sentence)
        taken = [False] * len(tokens)
        chosen: list[tuple[_Candidate, str, bool]] = []
        for cand in sorted(candidates, key=lambda c: (-(c.end - c.first), c.rank, c.first)):
            if any(taken[cand.first:cand.end]):
                continue
            chosen.append((cand, "", False))
            for k in range(cand.first, cand.end):
                taken[k] = True
        mentions = []
        for cand, _, _ in sorted(chosen, key=lambda c: c[0].first):
            made = cand.make()
            if made is None:
                continue
            key, anaphoric = made
            first, end = tokens[cand.first], tokens[cand.end - 1]
            proposal = self.proposals[key]
            proposal.first = first.start if proposal.first < 0 else min(proposal.first, first.start)
            surface = self.text[first.start:end.end]
            if not anaphoric:
                proposal.add_alias(surface)
            mentions.append(Mention(sentence.index, cand.first, cand.end, first.start, end.end, key, anaphoric))
            if proposal.kind == "Person" and not anaphoric:
                self.sentence_people.setdefault(sentence.index, []).append(key)
            self.last[proposal.kind] = (key, sentence.index)
            if proposal.head:
                self.last["group:" + proposal.head] = (key, sentence.index)
        self.mentions[sentence.index] = mentions

    def _gazetteer_candidates(self, sentence: Sentence) -> list[_Candidate]:
        out = []
        for i, j, surface in _ngrams(self.text, sentence):
            key = name_key(surface)
            hits = self.known.get(key)
            how = "its name is in the graph"
            confidence = 0.95
            if not hits:
                variant_hits: dict[str, Known] = {}
                for variant in self.lexicon.variant_keys(key) - {key}:
                    for hit in self.known.get(variant, []):
                        variant_hits[hit.id] = hit
                hits = sorted(variant_hits.values(), key=lambda h: h.id)
                how = f"a spelling variant of a name in the graph ({surface!r})"
                confidence = 0.75
            if not hits or not _name_like(surface, hits):
                continue
            out.append(_Candidate(i, j, 0 if confidence > 0.9 else 1, self._maker_known(surface, hits, how, confidence)))
        return out

    def _maker_known(self, surface: str, hits: list[Known], how: str, confidence: float):
        def make():
            if len(hits) == 1:
                return self._known_proposal(hits[0], how, confidence), False
            names = "; ".join(h.label() for h in hits)
            kind = hits[0].kind
            key = self._new_proposal(surface, kind, f"{surface!r} names several entities in the graph: {names}; "
                                                    "never merged: set the id to one of them, or keep it new",
                                     0.3, candidates=list(hits))
            return key, False
        return make

    def _state_candidates(self, sentence: Sentence) -> list[_Candidate]:
        tokens = sentence.tokens
        out = []
        for i in range(len(tokens)):
            for width in (3, 2, 1):
                if i + width > len(tokens) or not tokens[i].capitalised:
                    continue
                surface = self.text[tokens[i].start:tokens[i + width - 1].end]
                entry = next((self.lexicon.states[k] for k in sorted(self.lexicon.variant_keys(name_key(surface)))
                              if k in self.lexicon.states), None)
                if entry is None:
                    continue
                after = i + width + (1 if i + width < len(tokens) and tokens[i + width].norm == "'s" else 0)
                body = self._body_after(tokens, after)
                if body is not None:
                    end, kind = body
                    out.append(_Candidate(i, end, 2, self._maker_body(tokens, i, end, entry, kind, sentence)))
                if name_key(surface) in self.lexicon.demonyms:
                    continue  # a demonym alone is an adjective, not a name
                before = tokens[i - 1].norm if i > 0 else ""
                if before in ("in", "near", "outside") and name_key(surface) not in \
                        {name_key(entry.name), *(name_key(d) for d in entry.demonyms)} and width == 1:
                    out.append(_Candidate(i, i + width, 3, self._maker_city(surface, entry)))
                else:
                    out.append(_Candidate(i, i + width, 3, lambda entry=entry: (self._state_proposal(entry), False)))
                break
        return out

    def _maker_city(self, surface: str, entry: StateEntry):
        def make():
            hits = [h for h in self.known.get(name_key(surface), []) if h.kind == "Place"]
            if len(hits) == 1:
                return self._known_proposal(hits[0], "a place the graph has", 0.9), False
            key = self._new_proposal(surface, "Place", f"a capital named as a place (\"in {surface}\"), "
                                                       f"not as the state of {entry.name}", 0.5)
            return key, False
        return make

    def _body_after(self, tokens: tuple[Token, ...], j: int) -> tuple[int, str] | None:
        for width in (2, 1):
            words = tuple(t.norm for t in tokens[j:j + width])
            if len(words) == width and words in self.lexicon.state_bodies:
                end = j + width
                kind = self.lexicon.state_bodies[words]
                # "the US embassy in Moscow": the place is part of a mission's name
                if kind != "itself" and words[-1] in ("embassy", "consulate") and end + 1 < len(tokens) \
                        and tokens[end].norm == "in" and tokens[end + 1].capitalised:
                    end += 2
                return end, kind
        return None

    def _maker_body(self, tokens, i: int, end: int, entry: StateEntry, kind: str, sentence: Sentence):
        def make():
            surface = self.text[tokens[i].start:tokens[end - 1].end]
            if kind == "itself":
                return self._state_proposal(entry), False
            key = self._new_proposal(surface, kind, f"a body of {entry.name} (\"{surface}\")", 0.6, state=entry)
            state_key = self._state_proposal(entry)
            self.derived.append((key, "PART_OF", state_key, tokens[i].start, tokens[end - 1].end,
                                 f"the name makes it part of {entry.name}"))
            return key, False
        return make

    def _event_candidates(self, sentence: Sentence) -> list[_Candidate]:
        tokens = sentence.tokens
        out = []
        for i, token in enumerate(tokens):
            if token.norm not in self.lexicon.event_anaphora or token.norm.endswith("s"):
                continue
            # "the Harbour Market attack": a capitalised name right before the event word
            j = i
            while j > 0 and tokens[j - 1].capitalised and tokens[j - 1].norm not in self.lexicon.stopwords \
                    and tokens[j - 1].norm not in self.lexicon.months_and_days:
                j -= 1
            if j < i:
                name = self.text[tokens[j].start:token.end]
                out.append(_Candidate(j, i + 1, 4, self._maker_event(name)))
                continue
            # "the attack on (the) Harbour Market": the event word alone, named after the place
            k = i + 1
            if k < len(tokens) and tokens[k].norm in ("on", "at"):
                k += 1
                if k < len(tokens) and tokens[k].norm == "the":
                    k += 1
                m = k
                while m < len(tokens) and tokens[m].capitalised:
                    m += 1
                if m > k:
                    place = self.text[tokens[k].start:tokens[m - 1].end]
                    out.append(_Candidate(i, i + 1, 4, self._maker_event(f"{place} {token.text}")))
        return out

    def _maker_event(self, name: str):
        def make():
            hits = self.known.get(name_key(name)) or []
            if len(hits) == 1:
                return self._known_proposal(hits[0], "an event the graph has", 0.9), False
            return self._new_proposal(name, "Event", "an event named after its place", 0.6), True
        return make

    def _name_candidates(self, sentence: Sentence) -> list[_Candidate]:
        tokens = sentence.tokens
        lex = self.lexicon
        out = []
        i = 0
        while i < len(tokens):
            if not self._name_word(tokens[i]):
                i += 1
                continue
            j = i + 1
            while j < len(tokens):
                if self._name_word(tokens[j]):
                    j += 1
                elif tokens[j].norm in _CONNECTORS and j + 1 < len(tokens) and self._name_word(tokens[j + 1]) \
                        and tokens[j].norm != "and":
                    j += 2
                elif tokens[j].norm == "'s" and j == i + 1 and j + 1 < len(tokens) and self._name_word(tokens[j + 1]) \
                        and tokens[i].norm not in lex.states and tokens[i].norm not in lex.stopwords \
                        and not self.known.get(tokens[i].norm):
                    j += 2
                else:
                    break
            first, end = i, j
            titled = False
            while first < end and (tokens[first].norm in lex.titles or tokens[first].norm in lex.stopwords):
                titled = titled or tokens[first].norm in lex.titles
                first += 1
            if first == end:
                i = j
                continue
            tails = 0
            while end < len(tokens) and tails < 2 and tokens[end].norm in lex.name_tails:
                end += 1
                tails += 1
            if first < end:
                out.extend(self._name_candidate(sentence, first, end, titled))
            i = j
        return out

    def _name_word(self, token: Token) -> bool:
        return (token.is_word and token.capitalised and token.norm not in self.lexicon.months_and_days
                and not token.text.isdigit())

    def _name_candidate(self, sentence: Sentence, first: int, end: int, titled: bool) -> list[_Candidate]:
        tokens = sentence.tokens
        lex = self.lexicon
        words = [t.text for t in tokens[first:end] if t.is_word]
        name = self.text[tokens[first].start:tokens[end - 1].end]
        if name_key(name) in lex.states or all(w.casefold() in lex.stopwords for w in words):
            return []
        kind = lex.kind_of_words(words)
        confidence, how = 0.6, "a capitalised name; its kind from its words"
        if kind is None:
            if titled or 2 <= len(words) <= 3 and all(w[:1].isupper() and w.isalpha() for w in words):
                kind, confidence, how = "Person", 0.55, "a capitalised name of two or three words: a person?"
            elif len(words) == 1:
                surname = self._surname(words[0])
                if surname is not None:
                    return [_Candidate(first, end, 6, lambda: (surname, False))]
                before = tokens[first - 1].norm if first > 0 else ""
                if before in lex.place_prepositions and not (first == 0):
                    kind, confidence, how = "Place", 0.4, f"a capitalised word after {before!r}: a place?"
                elif _ACRONYM.match(words[0]) and first > 0:
                    kind, confidence, how = lex.fallback_kind, 0.3, "an acronym"
                else:
                    return []
            else:
                kind, confidence, how = lex.fallback_kind, 0.3, "a long capitalised name"
        if first == 0 and len(words) == 1 and kind not in ("Place",):
            confidence -= 0.1
        acronym = None
        if end + 2 < len(tokens) and tokens[end].text == "(" and tokens[end + 2].text == ")" \
                and _ACRONYM.match(tokens[end + 1].text):
            acronym = tokens[end + 1].text
            end += 3

        def make():
            key = self._new_proposal(name, kind, how, confidence)
            if acronym:
                self.proposals[key].add_alias(acronym)
            return key, False
        return [_Candidate(first, end, 5, make)]

    def _surname(self, word: str) -> str | None:
        matches = [p.key for p in self.proposals.values()
                   if p.kind == "Person" and len(p.name.split()) > 1 and p.name.split()[-1] == word]
        return matches[0] if len(matches) == 1 else None

    def _group_candidates(self, sentence: Sentence) -> list[_Candidate]:
        tokens = sentence.tokens
        lex = self.lexicon
        out = []
        for i, token in enumerate(tokens):
            head = token.norm
            demonym = lex.demonyms.get(head) if head.endswith("s") and token.capitalised else None
            if head not in lex.group_nouns and demonym is None:
                continue
            first = i
            modifiers: list[Token] = []
            while first > 0 and len(modifiers) < 3:
                before = tokens[first - 1]
                if before.norm in _NUMBER_WORDS or _NUMBER.match(before.norm) or before.norm in lex.group_modifiers \
                        or before.norm in lex.demonyms or before.norm == "islamist":
                    modifiers.insert(0, before)
                    first -= 1
                else:
                    break
            the = first > 0 and tokens[first - 1].norm == "the"
            if the and not modifiers:
                previous = self.last.get("group:" + head)
                if previous is not None:
                    out.append(_Candidate(first - 1, i + 1, 7, lambda key=previous[0]: (key, True)))
                continue
            if not modifiers and (head in _GENERIC_GROUPS or demonym is not None and not token.capitalised):
                continue
            nationality = demonym or next((lex.demonyms[m.norm] for m in modifiers if m.norm in lex.demonyms), None)
            out.append(_Candidate(first, i + 1, 6, self._maker_group(tokens, first, i, head, nationality,
                                                                       bool(modifiers))))
        return out

    def _maker_group(self, tokens, first: int, i: int, head: str, nationality: StateEntry | None, modified: bool):
        def make():
            name = self.text[tokens[first].start:tokens[i].end]
            hits = self.known.get(name_key(name)) or []
            if len(hits) == 1:
                return self._known_proposal(hits[0], "a group the graph has", 0.8), False
            key = self._new_proposal(name, "PersonGroup", "a group of people the text treats as one actor",
                                     0.45 if modified else 0.3, head=head)
            if nationality is not None:
                self.derived.append((key, "NATIONAL_OF", self._state_proposal(nationality), tokens[first].start,
                                     tokens[i].end, f"the group is named by {nationality.name}'s demonym"))
            return key, False
        return make

    def _reference_candidates(self, sentence: Sentence) -> list[_Candidate]:
        tokens = sentence.tokens
        lex = self.lexicon
        out = []
        for i, token in enumerate(tokens):
            if token.norm in lex.person_pronouns:
                out.append(_Candidate(i, i + 1, 8, self._maker_pronoun(sentence.index)))
            elif token.norm in lex.event_anaphora and not token.norm.endswith("s"):
                # "the attack", "the deadliest attack"
                for back in (1, 2):
                    if i - back >= 0 and tokens[i - back].norm in ("the", "this", "that"):
                        out.append(_Candidate(i - back, i + 1, 8, self._maker_event_reference()))
                        break
        return out

    def _maker_pronoun(self, index: int):
        def make():
            # "he" is the person the sentence is about (named first in it), else the last one named
            here = self.sentence_people.get(index)
            if here:
                return here[0], True
            last = self.last.get("Person")
            return (last[0], True) if last is not None and index - last[1] <= 2 else None
        return make

    def _maker_event_reference(self):
        def make():
            last = self.last.get("Event")
            return None if last is None else (last[0], True)
        return make

    # --- after the whole text -------------------------------------------------------------------------
    def resolve_new(self) -> None:
        """Give ids: a new proposal whose name (or a variant) the graph knows becomes that node;
        other new ones get an id of their own that no other node has."""
        new = [p for p in self.proposals.values() if p.known is None and not p.candidates]
        keys = set()
        for proposal in new:
            for name in (proposal.name, *proposal.aliases):
                keys |= self.lexicon.variant_keys(name_key(name))
        found = self.gazetteer.lookup(keys - set(self.known)) if keys - set(self.known) else {}
        found.update({k: v for k, v in self.known.items() if k in keys})
        for proposal in new:
            hits: dict[str, Known] = {}
            exact = False
            for name in (proposal.name, *proposal.aliases):
                for key in self.lexicon.variant_keys(name_key(name)):
                    for hit in found.get(key, []):
                        if hit.kind == proposal.kind:
                            hits[hit.id] = hit
                            exact = exact or key == name_key(name)
            if len(hits) == 1:
                (hit,) = hits.values()
                proposal.known = hit
                proposal.how += f"; the graph has it as {hit.label()}" + ("" if exact else " (a spelling variant)")
                proposal.confidence = max(proposal.confidence, 0.8 if exact else 0.7)
            elif len(hits) > 1:
                proposal.candidates = sorted(hits.values(), key=lambda h: h.id)
                proposal.how += "; its names match several entities in the graph: " + "; ".join(
                    h.label() for h in proposal.candidates) + "; never merged: set the id to one of them"
                proposal.confidence = min(proposal.confidence, 0.3)
        wanted = {}
        for proposal in self.proposals.values():
            if proposal.known is not None:
                proposal.id = proposal.known.id
                if proposal.name != proposal.known.name and name_key(proposal.name) != name_key(proposal.known.name):
                    proposal.add_alias(proposal.name)
                proposal.name = proposal.known.name
                proposal.kind = proposal.known.kind
            else:
                wanted[proposal.key] = slug(proposal.name)
        taken = self.gazetteer.existing_ids(set(wanted.values()))
        used = {p.id for p in self.proposals.values() if p.id}
        for key, base in wanted.items():
            candidate, n = base, 2
            while candidate in used or candidate in taken:
                candidate, n = f"{base}-{n}", n + 1
            if candidate != base and base in taken:
                self.proposals[key].how += f"; the id {base!r} is taken in the graph by {taken[base].label()}"
            self.proposals[key].id = candidate
            used.add(candidate)
