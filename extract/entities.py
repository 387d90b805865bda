"""Entities: who and what an article names, found on the NLP foundation's reading of it.

Each sentence's mentions come from, in order of preference (a longer span wins over a shorter
one, and a span that is taken is not taken again):

1. a name or alias the gazetteer knows (the graph, or facts files), as the loader matches names;
   a description an acronym in brackets follows ("the national anti-terrorism prosecutor's
   office (PNAT)") is a name too;
2. a named entity of the NLP server (people, organisations, countries, cities, nationalities),
   its kind from the entity type, from the words of the name (``kind_words`` of
   ``extract/lexicon.yaml``) or from the common nouns that describe it ("the broadcaster ARD");
   a country or a nationality is a state of the lexicon, with its Wikidata id; a name and the
   place or body nouns after it are one name ("Baghdad airport", "the Basmanny district court");
   proper nouns the server left untagged (or tagged MISC, or an acronym it took for a common
   noun: "the DGSI") are taken when their words or their description say what they are;
3. a state's body: a state or nationality before a body noun ("Latvian police", "Iran's
   intelligence ministry", "Russian authorities", the last naming the state itself), or a body
   noun an adjective sets apart ("the special assize court");
4. an event: a noun of ``event_nouns`` (``extract/predicates.yaml``), named by its modifiers and
   place ("the Kerman bombings", "a drone strike near the border"); "the attack" with nothing
   more is the event the article last spoke of;
5. a group of people: a plural noun of ``group_nouns`` with a number, a modifier or "the" ("four
   suspects", "the gunmen"), or a name and a noun of kin ("the Kouachi brothers");
6. a place described: a building or a site a named place sets apart ("the synagogue in Halle").

Then coreference: pronouns, surnames and descriptions ("he", "Bortnikov", "the group") that the
NLP server links to an earlier mention are that mention's entity, so one group is one entity.
A description it leaves unlinked is the organisation of its kind named last; a bare title ("the
crown prince") the person last named with that title. A surname alone, and an acronym in brackets
after a name, become aliases.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass, field

from extract.gazetteer import Gazetteer, Known
from extract.lexicon import Lexicon, StateEntry
from extract.nlp.datelines import dateline_spans
from extract.nlp.document import Annotated, CorefMention, NamedEntity, Sentence, Token
from extract.predicates import Predicates
from graph.dates import event_bounds, event_date
from graph.names import name_key

__all__ = ["NOT_ORGANISATIONS", "Proposal", "acted_for", "Mention", "Recognition", "recognise", "slug"]

_MAX_NGRAM = 7
_TIME_NER = ("DATE", "TIME", "DURATION", "SET")
_NAMED_KINDS = {"PERSON": "Person", "COUNTRY": "State", "CITY": "Place", "STATE_OR_PROVINCE": "Place",
                "LOCATION": "Place", "ORGANIZATION": None, "NATIONALITY": "State", "MISC": None, "RELIGION": None}
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her"}
#: Determiners that count people: "all Americans" are some of its nationals, not the state
_COUNTING = {"all", "some", "many", "several", "both", "most", "few"}
#: Determiners of an event noun that name no event that happened: "any attack would meet a response"
_NO_ONE_EVENT = {"any", "no"}
#: Words that make an event noun other events than the one in view: "dozens of similar plots",
#: "previous attacks", "another attack on a Moscow synagogue" (an event of its own, if it is named)
_OTHER_EVENTS = {"similar", "other", "another", "previous", "earlier", "past", "several", "many", "numerous",
                 "further", "dozens", "hundreds", "scores"}
#: Nouns of the people of a body, which the body's noun modifies: "service members", "army personnel"
_BODY_PEOPLE = {"member", "personnel"}
_DESCRIPTION_REACH = 2  # sentences before over which "the group" still means the organisation named
#: Pronouns that name their own clause's subject, whatever coreference links them to.
_REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
_EVENT_REACH = 4  # sentences over which "the attack" still means the event last told of
_RECALLED_DAYS = 365  # an event dated this long before publication is recalled, not reported
_EVENT_COMPLEMENTS = ("nmod:of", "nmod:for", "nmod:on", "nmod:against")
_EVENT_COMPLEMENT_WORDS = 6  # longer, it is a clause about the event rather than its name
_PLACE_WORDS = 4  # longer, "in …" after an embassy says more than where it is
# Kinds that are not an organisation: a word of one's name says nothing of an organisation, and
# a person can have no role in one
NOT_ORGANISATIONS = ("State", "Coalition", "Place", "Event", "Person", "PersonGroup")
_GENERIC_GROUPS = {"people", "men", "women", "citizens", "nationals", "civilians", "soldiers", "troops",
                   "victims"}


#: How people who act for a party name it: "its officers", "Israeli and American aircraft"
_AGENT_LABELS = ("nmod:poss", "nmod:of", "amod", "compound")


def acted_for(sentence: Sentence, i: int, key_at: Callable[[int], str | None]) -> list[str]:
    """The parties a noun of people who act for one (``agents``) names by its modifiers, each once,
    as ``key_at`` gives a token's entity.

    >>> from extract.nlp.document import Arc, Token
    >>> words = "Israeli and American aircraft".split()
    >>> tokens = [Token(i, w, w.lower(), "NN", "O", 0, 0) for i, w in enumerate(words)]
    >>> arcs = [Arc(3, 0, "amod"), Arc(3, 2, "amod"), Arc(0, 2, "conj:and")]
    >>> acted_for(Sentence(0, tokens, arcs, arcs, []), 3, {0: "israel", 2: "united-states"}.get)
    ['israel', 'united-states']
    """
    return list(dict.fromkeys(key for label in _AGENT_LABELS for d in sentence.children(i, label)
                              if (key := key_at(d)) is not None))


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
    state: StateEntry | None = None  # the lexicon's state it is, or a group's nationality
    head: str = ""                  # for events and groups: the head noun's lemma
    recalled: bool = False          # an event its sentence dates a year or more before publication
    guessed: bool = False           # its kind is the lexicon's fallback: a relation may tell it better
    placed: bool = False            # a capital named once at least as where something is ("in Moscow")

    def add_alias(self, surface: str) -> None:
        surface = surface.strip()
        if not surface or (self.known is not None and any(name_key(n) == name_key(surface) for n in self.known.names)):
            return
        if name_key(surface) != name_key(self.name) and all(name_key(a) != name_key(surface) for a in self.aliases):
            self.aliases.append(surface)


@dataclass(frozen=True)
class Mention:
    """Tokens ``first`` to ``end`` (exclusive) of a sentence that name a proposal or refer to it."""

    sentence: int
    first: int
    end: int
    proposal: str
    how: str               # "name", "body", "event", "group", "reference"


@dataclass
class Recognition:
    proposals: dict[str, Proposal]
    mentions: list[Mention]
    #: (sentence, token) -> proposal key, from the smallest mention over the token
    tokens: dict[tuple[int, int], str]
    #: proposal key of each event, with the sentence of its mentions, in text order
    event_mentions: list[tuple[int, str]]
    #: a capital's proposal key -> its state's, for "Moscow accused Kyiv"
    capitals: dict[str, str] = field(default_factory=dict)
    #: the sentences that date what they tell a year or more before the article appeared
    recalled: frozenset[int] = frozenset()

    def at(self, sentence: int, token: int) -> str | None:
        return self.tokens.get((sentence, token))

    def event_before(self, sentence: int) -> str | None:
        """The event in view at this sentence: the one the text has spoken of most so far (the
        article's own event rather than one recalled in passing), the later one on a tie."""
        counts: dict[str, int] = {}
        for index, key in self.event_mentions:
            if index > sentence:
                break
            counts[key] = counts.get(key, 0) + 1
        if not counts:
            return None
        best = max(counts.values())
        return [key for key, n in counts.items() if n == best][-1]

    def event_named_before(self, sentence: int, heads: frozenset[str]) -> str | None:
        """The event the text last spoke of, up to this sentence, whose noun is one of ``heads``
        ("American aircraft struck 60 targets": the strikes)."""
        for index, key in reversed(self.event_mentions):
            if index <= sentence and self.proposals[key].head in heads:
                return key
        return None

    def named_before(self, sentence: int, words: frozenset[str]) -> str | None:
        """The entity the text last named, up to this sentence, whose name has one of ``words``
        ("the court" of a verdict: the special assize court named before)."""
        for mention in reversed(self.mentions):
            proposal = self.proposals[mention.proposal]
            if mention.sentence <= sentence and mention.how != "reference" and proposal.kind not in NOT_ORGANISATIONS \
                    and words & set(name_key(proposal.name).split()):  # not "the judges of the court"
                return mention.proposal
        return None


def recognise(doc: Annotated, gazetteer: Gazetteer, lexicon: Lexicon, predicates: Predicates,
              published: dt.date | None = None) -> Recognition:
    """Find every entity mention of the article; see the module docstring."""
    keys: set[str] = set()
    for sentence in doc.sentences:
        for _, _, surface in _ngrams(doc.text, sentence):
            keys |= lexicon.variant_keys(name_key(surface))
    state = _Reader(doc, gazetteer, lexicon, predicates, gazetteer.lookup(keys), published)
    for sentence in doc.sentences:
        state.read(sentence)
    state.coreference()
    state.descriptions()
    state.titles()
    state.seats()
    state.merge_other_names()
    state.resolve_new()
    state.merge_same_ids()
    mentions = sorted(state.mentions, key=lambda m: (m.sentence, m.first))
    tokens: dict[tuple[int, int], str] = {}
    for mention in sorted(mentions, key=lambda m: -(m.end - m.first)):  # smaller mentions overwrite
        for i in range(mention.first, mention.end):
            tokens[(mention.sentence, i)] = mention.proposal
    recalled = frozenset(s.index for s in doc.sentences if state._dated_long_before(s))
    return Recognition(state.proposals, mentions, tokens, state.event_mentions, state.capitals, recalled)


def _ngrams(text: str, sentence: Sentence) -> Iterator[tuple[int, int, str]]:
    tokens = sentence.tokens
    for i, first in enumerate(tokens):
        if not first.text[:1].isalnum():
            continue
        for j in range(i + 1, min(len(tokens), i + _MAX_NGRAM) + 1):
            last = tokens[j - 1]
            if last.text[:1].isalnum() or last.text in (")", "."):
                yield i, j, text[first.start:last.end]


def _split_lists(sentence: Sentence, entities: list[NamedEntity], lexicon: Lexicon) -> list[NamedEntity]:
    """One named entity per name: "Süddeutsche Zeitung and Die Zeit" is two, and so is "the
    Department of the Treasury's Office of Foreign Assets Control" (an organisation's possessive);
    but an organisation's "and" or possessive may be inside one body's name (:func:`_in_a_body`)."""
    out = []
    for entity in entities:
        first = entity.first
        for i in range(entity.first, entity.end):
            if (sentence.tokens[i].pos in ("CC", ",") or sentence.tokens[i].pos == "POS"
                    and entity.ner == "ORGANIZATION") and first < i < entity.end - 1 \
                    and not (entity.ner == "ORGANIZATION" and _in_a_body(sentence, first, i, entity.end, lexicon)):
                out.append(NamedEntity(first, i, entity.ner, "", entity.normalized))
                first = i + 1
        out.append(entity if first == entity.first
                   else NamedEntity(first, entity.end, entity.ner, "", entity.normalized))
    return out


def _in_a_body(sentence: Sentence, first: int, i: int, end: int, lexicon: Lexicon) -> bool:
    """Whether token ``i`` of the name ``first``..``end`` joins two words of one body's name (the
    lexicon's ``body_heads``): a possessive before a head noun alone ("the Federal Prosecutor's
    Office"); an "and" after the "of" of a head noun, with no head noun after it ("Ministry of
    Intelligence and Security"), or before a head noun that ends the name, with none before it
    ("General Intelligence and Security Service"). "Hamas and Islamic Jihad", "the FSB and the
    Interior Ministry" are two names."""
    words = [t.text.casefold() for t in sentence.tokens[first:end]]
    at = i - first
    left, right = words[:at], words[at + 1:]
    if sentence.tokens[i].pos == "POS":
        return len(right) == 1 and right[0] in lexicon.body_heads
    if words[at] != "and" or "," in words or not right or right[0] == "the":
        return False
    heads = lexicon.body_heads
    if any(w in heads for w in right):
        return right[-1] in heads and not any(w in heads for w in left) and len(right) > 1
    return any(w in heads and "of" in left[k + 1:] for k, w in enumerate(left))


_PLACE_NER = ("CITY", "LOCATION", "COUNTRY", "STATE_OR_PROVINCE")
# Names a place noun can follow to name a venue or an area ("Baghdad airport", "Bataclan concert hall")
_VENUE_NER = ("CITY", "LOCATION", "STATE_OR_PROVINCE", "ORGANIZATION", "MISC")


def _join_places(sentence: Sentence, entities: list[NamedEntity]) -> list[NamedEntity]:
    """One place per name: the NLP server tags "Stade de France" as a city, a location and a
    country side by side, and "Bay of Biscay" as a city and a location; proper nouns (and "of")
    that touch and hang on the last one are one place's name."""
    runs: list[list[NamedEntity]] = []
    for entity in entities:
        last = runs[-1][-1] if runs else None
        tokens = sentence.tokens
        if last is not None and last.ner in _PLACE_NER and entity.ner in _PLACE_NER and last.end == entity.first \
                and all(t.pos.startswith("NNP") or t.text == "of" or t.lemma == "the" and tokens[t.i - 1].text == "of"
                        or t.pos == "POS" for t in tokens[last.first:entity.end]):
            # ("District Court of The Hague", "Donetsk People's Republic")
            runs[-1].append(entity)
        else:
            runs.append([entity])
    out = []
    for run in runs:
        first, end = run[0].first, run[-1].end
        if len(run) > 1 and sum(any(not first <= h < end for h in sentence.heads(i)) for i in range(first, end)) <= 1:
            out.append(NamedEntity(first, end, "LOCATION", "", None))
        else:
            out.extend(run)
    return out


def _places_of(sentence: Sentence, entities: list[NamedEntity]) -> list[NamedEntity]:
    """A place's name goes on over "of" and proper nouns the NLP server left untagged: "the Cape of
    Good Hope", of which it tags only "Cape"."""
    tagged = {i for e in entities for i in range(e.first, e.end)}
    out = []
    for entity in entities:
        end = entity.end
        if entity.ner in ("LOCATION", "CITY") and end + 1 < len(sentence.tokens) and sentence.tokens[end].text == "of":
            j = end + 1
            while j < len(sentence.tokens) and sentence.tokens[j].pos.startswith("NNP") and j not in tagged:
                j += 1
            if j > end + 1:
                entity = NamedEntity(entity.first, j, entity.ner, "", entity.normalized)
        out.append(entity)
    return out


def _ideologies_named(sentence: Sentence, entities: list[NamedEntity]) -> list[NamedEntity]:
    """"al-Qaeda's affiliate", which the fine-grained NER tags an ideology: a proper noun tagged so
    that stands as a noun phrase (a subject, an object, a possessor; not a modifier such as
    "Islamist" in "Islamist groups") names an organisation.

    >>> from extract.nlp.document import Arc, Token
    >>> words = "al - Qaeda 's affiliate".split()
    >>> tokens = [Token(i, w, w.lower(), "NNP" if i < 3 else "NN", "O", 0, 0) for i, w in enumerate(words)]
    >>> tokens[1] = Token(1, "-", "-", "HYPH", "O", 0, 0)
    >>> arcs = [Arc(2, 0, "compound"), Arc(2, 1, "punct"), Arc(4, 2, "nmod:poss"), Arc(2, 3, "case"),
    ...         Arc(-1, 4, "root")]
    >>> tagged = [NamedEntity(0, 3, "IDEOLOGY", "al-Qaeda")]
    >>> [e.ner for e in _ideologies_named(Sentence(0, tokens, arcs, arcs, []), tagged)]
    ['ORGANIZATION']
    """
    out = []
    for entity in entities:
        tokens = sentence.tokens[entity.first:entity.end]
        if entity.ner == "IDEOLOGY" and all(t.pos.startswith("NNP") or t.pos == "HYPH" for t in tokens):
            head = sentence.head_of(entity.first, entity.end)
            arc = next((a for a in sentence.basic if a.dep == head), None)
            label = arc.label if arc is not None else ""
            # (or the modifier of a title: "Al-Qaeda leader Ayman al-Zawahiri")
            titled = label == "compound" and arc is not None and arc.head >= 0 \
                and sentence.tokens[arc.head].ner == "TITLE"
            if titled or label.split(":")[0] in ("nsubj", "obj", "iobj", "obl", "nmod", "appos", "conj", "root"):
                entity = NamedEntity(entity.first, entity.end, "ORGANIZATION", entity.text, entity.normalized)
        out.append(entity)
    return out


def _noun_phrase_end(sentence: Sentence, head: int) -> int:
    """Where the noun phrase of ``head`` ends without what follows it: "Bakhmut" of "Bakhmut in
    eastern Ukraine", "Prigozhin's business jet" whole."""
    inner = [sentence.subtree(a.dep).stop for a in sentence.child_arcs(head)
             if a.label in ("compound", "flat", "amod", "nummod", "nmod:poss") and a.dep < head]
    return max([head + 1, *inner])


def _words(sentence: Sentence, span: range) -> int:
    """How many words a span has, a hyphened word one ("al-Shabaab", three tokens).

    >>> words = "al - Shabaab fighters".split()
    >>> tokens = [Token(i, w, w, "HYPH" if w == "-" else "NNP", "O", 0, 0) for i, w in enumerate(words)]
    >>> _words(Sentence(0, tokens, [], [], []), range(0, 4))
    2
    """
    return sum(1 for i in span if sentence.tokens[i].pos != "HYPH"
               and not (i > span.start and sentence.tokens[i - 1].pos == "HYPH"))


def _one_noun(head: str, lemma: str) -> bool:
    """Whether two event nouns are one word's ("the bombing" after "a truck bomb").

    >>> _one_noun("bomb", "bombing"), _one_noun("strike", "strike"), _one_noun("bomb", "blast")
    (True, True, False)
    """
    return head == lemma or min(len(head), len(lemma)) >= 4 and (head.startswith(lemma) or lemma.startswith(head))


def _title(tokens: list[Token]) -> str:
    """A title's words as one key: "Crown Prince" and "the crown prince" are one title."""
    return " ".join(t.lemma.casefold() for t in tokens)


#: Arabic articles written small and hyphened to a name: "al-Shabaab", "ad-Dawla", "ash-Sham".
_SMALL_ARTICLES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ul"})


def _name_word(tokens: list[Token], k: int, start: int) -> bool:
    """Whether token ``k`` is a word of a proper name begun at ``start``: a proper noun with a
    capital, or any after a hyphen within the name ("e-Mohammed" in "Jaish-e-Mohammed"), or a
    small Arabic article hyphened to a capitalised word ("al-Shabaab")."""
    return tokens[k].pos.startswith("NNP") and (
        tokens[k].text[:1].isupper() or k > start and tokens[k - 1].pos == "HYPH"
        or tokens[k].text in _SMALL_ARTICLES and k + 2 < len(tokens) and tokens[k + 1].pos == "HYPH"
        and tokens[k + 2].text[:1].isupper())


def _acronym(word: str) -> bool:
    """Whether a word is written as an acronym is: capitals only (and digits after the first),
    two to six ("DGSI", "MI5", which the tagger may take for common nouns).

    >>> _acronym("DGSI"), _acronym("MI5"), _acronym("Dgsi"), _acronym("A"), _acronym("5G")
    (True, True, False, False, False)
    """
    return word[:1].isalpha() and word.isalnum() and word.isupper() and 2 <= len(word) <= 6


def _initials(name: str) -> str:
    """The capitals that begin a name's words, less its small words: an acronym of it.

    >>> _initials("Islamic Revolutionary Guard Corps"), _initials("Democratic Republic of the Congo")
    ('IRGC', 'DRC')
    """
    return "".join(word[0] for word in name.replace("-", " ").split() if word[:1].isupper())


def _whole_word_start(sentence: Sentence, first: int) -> int:
    """Where the word that token ``first`` ends begins: the tokenizer splits "Afghan-based" at its
    hyphen, and a group's name must not start at "based".

    >>> words = [("Afghan", "JJ", 0, 6), ("-", "HYPH", 6, 7), ("based", "VBN", 7, 12), ("militants", "NNS", 13, 22)]
    >>> tokens = [Token(i, w, w.lower(), pos, "O", a, b) for i, (w, pos, a, b) in enumerate(words)]
    >>> _whole_word_start(Sentence(0, tokens, [], [], []), 2)
    0
    """
    tokens = sentence.tokens
    while first >= 2 and tokens[first - 1].pos == "HYPH" and tokens[first - 2].end == tokens[first - 1].start \
            and tokens[first - 1].end == tokens[first].start:
        first -= 2
    return first


def _name_like(surface: str, hits: list[Known]) -> bool:
    """A span can be a name if it is capitalised or written exactly as a known name ("us" is not the US)."""
    if surface[:1].isupper():
        return True
    return any(name == surface for hit in hits for name in hit.names)


class _Reader:
    def __init__(self, doc: Annotated, gazetteer: Gazetteer, lexicon: Lexicon, predicates: Predicates,
                 known: dict[str, list[Known]], published: dt.date | None = None):
        self.doc = doc
        self.published = published
        self.text = doc.text
        self.datelines = dateline_spans(doc.text)  # where and when reports were filed: no mentions
        self.gazetteer = gazetteer
        self.lexicon = lexicon
        self.predicates = predicates
        self.known = known
        self.proposals: dict[str, Proposal] = {}
        self.mentions: list[Mention] = []
        self.event_mentions: list[tuple[int, str]] = []
        self.taken: dict[int, set[int]] = {}
        self.group_nouns = {w.casefold() for w in lexicon.group_nouns}
        self.capitals: dict[str, str] = {}  # a capital's proposal key -> its state's
        self.merged: dict[str, str] = {}  # a proposal merged into another -> that one, for its next mentions

    # --- proposals -----------------------------------------------------------------------------
    def _propose(self, key: str, make) -> Proposal:
        key = self.merged.get(key, key)
        if key not in self.proposals:
            self.proposals[key] = make()
        return self.proposals[key]

    def _known(self, entity: Known, how: str, confidence: float) -> str:
        key = "id:" + entity.id
        proposal = self._propose(key, lambda: Proposal(key, entity.name, entity.kind, how, confidence, known=entity))
        proposal.confidence = max(proposal.confidence, confidence)
        return proposal.key

    def _new(self, name: str, kind: str, how: str, confidence: float, **extra) -> str:
        key = f"new:{kind}:{name_key(name)}"
        return self._propose(key, lambda: Proposal(key, name, kind, how, confidence, **extra)).key

    def _capital_of(self, surface: str) -> StateEntry | None:
        for key in self.lexicon.variant_keys(name_key(surface)):
            if (entry := self.lexicon.states.get(key)) is not None:
                return entry
        return None

    def _state(self, entry: StateEntry) -> str:
        for name in (entry.name, *entry.aliases):
            same = [h for h in self.known.get(name_key(name)) or [] if h.kind == entry.kind]
            if len(same) == 1:
                return self._known_state(same[0], entry)
        external = {"wikidata": entry.wikidata} if entry.wikidata else {}
        return self._new(entry.name, entry.kind, f"a {entry.kind.lower()} of the draft lexicon", 0.85,
                         external_ids=external, state=entry)

    def _known_state(self, hit: Known, entry: StateEntry) -> str:
        """The graph's node ``hit`` of the lexicon's state ``entry`` (which it is, as a new one would be)."""
        key = self._known(hit, f"the {entry.kind.lower()} {entry.name}, which the graph has", 0.9)
        self.proposals[key].state = entry
        return key

    def _mention(self, sentence: Sentence, first: int, end: int, key: str, how: str) -> None:
        self.mentions.append(Mention(sentence.index, first, end, key, how))
        self.taken.setdefault(sentence.index, set()).update(range(first, end))
        proposal = self.proposals[key]
        start = sentence.tokens[first].start
        if proposal.kind == "Event":
            self.event_mentions.append((sentence.index, key))
            # "the deadliest violence since the Second World War": an event told first as a measure of
            # time is recalled, not what "the explosion" of the next sentence means
            if proposal.first < 0 and any(sentence.tokens[c].lemma == "since" for i in range(first, end)
                                          for c in sentence.children(i, "case")):
                proposal.recalled = True
        if proposal.first < 0 or start < proposal.first:
            proposal.first = start
        if key in self.capitals and self._where(sentence, first, end):
            proposal.placed = True

    def _category_names(self, sentence: Sentence) -> None:
        """"a Foreign Terrorist Organization" (``category_names``): words no entity is named by."""
        tokens = sentence.tokens
        for first in range(len(tokens)):
            for end in range(first + 2, min(len(tokens), first + 6) + 1):
                if name_key(self._surface(sentence, first, end)) in self.lexicon.category_names:
                    self.taken.setdefault(sentence.index, set()).update(range(first, end))

    def _free(self, sentence: Sentence, first: int, end: int) -> bool:
        return not (self.taken.get(sentence.index, set()) & set(range(first, end)))

    def _surface(self, sentence: Sentence, first: int, end: int) -> str:
        return self.text[sentence.tokens[first].start:sentence.tokens[end - 1].end]

    # --- one sentence ----------------------------------------------------------------------------
    def read(self, sentence: Sentence) -> None:
        self._category_names(sentence)
        self._gazetteer_names(sentence)
        self._acronymed_phrases(sentence)
        self._named_entities(sentence)
        self._untagged_names(sentence)
        self._state_epithets(sentence)
        self._hyphened_states(sentence)
        self._described_capitals(sentence)
        self._bodies(sentence)
        self._events(sentence)
        self._groups(sentence)
        self._venues(sentence)
        self._told_events(sentence)
        self._happenings(sentence)
        self._states_in_bodies(sentence)
        self._known_as(sentence)
        self._named_bodies(sentence)
        self._owned_names(sentence)

    def _state_epithets(self, sentence: Sentence) -> None:
        """A state's name of several words the lexicon knows and the NLP server did not tag as a
        name: an epithet ("the Zionist regime" is Israel)."""
        for i, j, surface in _ngrams(self.text, sentence):
            if j - i > 1 and self._free(sentence, i, j) \
                    and (entry := self.lexicon.state(surface)) is not None:
                self._mention(sentence, i, j, self._state(entry), "name")

    def _hyphened_states(self, sentence: Sentence) -> None:
        """Two states' names or demonyms joined by a hyphen, which the NLP server leaves untagged or
        tags as one name: "a dual US-Canadian citizen", "a Pakistani-American", "British-Iranian"."""
        tokens = sentence.tokens
        for i in range(len(tokens) - 2):
            if tokens[i + 1].pos != "HYPH":
                continue
            first, second = (self.lexicon.state(tokens[k].text) for k in (i, i + 2))
            if first is not None and second is not None and first != second \
                    and self._free(sentence, i, i + 1) and self._free(sentence, i + 2, i + 3):
                self._mention(sentence, i, i + 1, self._state(first), "name")
                self._mention(sentence, i + 2, i + 3, self._state(second), "name")

    def _gazetteer_names(self, sentence: Sentence) -> None:
        found: list[tuple[int, int, str, list[Known], bool]] = []
        for i, j, surface in _ngrams(self.text, sentence):
            hits: dict[str, Known] = {}
            exact = False
            for key in self.lexicon.variant_keys(name_key(surface)):
                for hit in self.known.get(key, []):
                    hits[hit.id] = hit
                    exact = exact or key == name_key(surface)
            if hits and _name_like(surface, list(hits.values())):
                found.append((i, j, surface, list(hits.values()), exact))
        # a longer organisation's name, which its words say it is: "Washington Post" is no "Washington"
        inside_names = [(e.first, e.end) for e in sentence.entities if e.ner in ("ORGANIZATION", "MISC")
                        and self.lexicon.kind_of_name(e.text.split()) not in (None, *NOT_ORGANISATIONS)]
        # a longer person's name: "Houthi" inside "Abdul-Malik al-Houthi" is no mention of the Houthis
        inside_people = [(e.first, e.end) for e in sentence.entities if e.ner == "PERSON" and e.end - e.first > 1]
        for i, j, surface, named, exact in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if not self._free(sentence, i, j):
                continue
            if any(a <= i and j <= b and (a, b) != (i, j) for a, b in inside_names):
                continue  # "United States" inside "United States Department of State": the body's name
            if all(h.kind != "Person" for h in named) and any(a <= i and j <= b and (a, b) != (i, j)
                                                               for a, b in inside_people):
                continue
            if len(named) == 1 and (capital := self._capital_where(sentence, i, j, surface, named[0])) is not None:
                key = capital
            elif len(named) == 1:
                how = f"“{surface}” is {named[0].label()} in the graph" + ("" if exact else " (a spelling variant)")
                key = self._known(named[0], how, 0.95 if exact else 0.85)
                if not exact:
                    self.proposals[key].add_alias(surface)
            elif (capital := self._capital_of_known(surface, named)) is not None:
                key = capital
            else:  # a name of several entities: a new proposal, the candidates listed, never merged
                ordered = sorted(named, key=lambda h: h.id)
                key = self._new(surface, named[0].kind, f"“{surface}” names several entities in the graph: "
                                + "; ".join(h.label() for h in ordered) + "; never merged: set the id to one of them",
                                0.3)
                self.proposals[key].candidates = ordered
            self._mention(sentence, i, j, key, "name")

    def _capital_where(self, sentence: Sentence, first: int, end: int, surface: str, hit: Known) -> str | None:
        """"drove towards Moscow": a capital's name the graph knows only as its state's (``hit``),
        tagged a city where something happens, or called a city ("the capital Sanaa"), is the city,
        standing for its state where a relation needs one; None for anything else."""
        state = self._capital_of(surface)
        if state is None or hit.kind != state.kind or name_key(surface) == name_key(state.name) \
                or not (self._called_city(sentence, first, end)
                        or sentence.tokens[first].ner == "CITY" and self._where(sentence, first, end)):
            return None
        key = self._new(surface, "Place", f"“{surface}”, a capital, where something happens; it stands "
                                          f"for {hit.label()} where a relation needs a state", 0.7)
        self.proposals[key].state = state
        self.capitals[key] = self._known_state(hit, state)
        return key

    def _called_city(self, sentence: Sentence, first: int, end: int) -> bool:
        """Whether a name is called a city or a capital: "the capital Sanaa", "the Yemeni capital,
        Sanaa" (``city_nouns``)."""
        return any(sentence.tokens[d].lemma in self.lexicon.city_nouns
                   for i in range(first, end) for d in (*sentence.children(i, "compound"), *sentence.heads(i, "appos"))
                   if not first <= d < end)

    def _where(self, sentence: Sentence, first: int, end: int) -> bool:
        """Whether a name is where something happens: the object of a preposition of place
        (``place_prepositions``: "towards Moscow", "200 kilometres from Kyiv")."""
        return any(sentence.tokens[d].lemma in self.lexicon.place_prepositions
                   for i in range(first, end) for d in sentence.children(i, "case"))

    def _capital_of_known(self, surface: str, named: list[Known]) -> str | None:
        """A capital's name the graph gives to both the city and its state ("Moscow": the City of
        Moscow, and Russia by an alias): the city, standing for its state where a relation needs
        one, as a capital the NLP server names does. Any other pair stays ambiguous.
        """
        capital = self._capital_of(surface)
        if capital is None or len(named) != 2:
            return None
        state_names = {name_key(n) for n in (capital.name, *capital.aliases)}
        states = [h for h in named if h.kind == capital.kind and state_names & {name_key(n) for n in h.names}]
        places = [h for h in named if h.kind == "Place"]
        if len(states) != 1 or len(places) != 1:
            return None
        key = self._known(places[0], f"“{surface}” is {places[0].label()} in the graph, and stands for "
                                     f"{states[0].label()} where a relation needs a state", 0.85)
        self.capitals[key] = self._known_state(states[0], capital)
        return key

    def _states_in_bodies(self, sentence: Sentence) -> None:
        """A state named inside a body's name is a mention of that state too ("US" in "US State
        Department"), so that the body is part of it as "the Latvian police" is of Latvia."""
        for mention in [m for m in self.mentions if m.sentence == sentence.index and m.how == "name"
                        and m.end - m.first > 1 and self.proposals[m.proposal].kind in self.lexicon.body_kinds]:
            words = [t.text for t in sentence.tokens[mention.first:mention.end]]
            for i, j, entry in self.lexicon.states_in(words):
                self._mention(sentence, mention.first + i, mention.first + j, self._state(entry), "name")

    def _named_entities(self, sentence: Sentence) -> None:
        for entity in _split_lists(sentence, _join_places(sentence, _places_of(
                sentence, _ideologies_named(sentence, sentence.entities))), self.lexicon):
            if entity.ner not in _NAMED_KINDS or not self._free(sentence, entity.first, entity.end):
                continue
            first, end = entity.first, entity.end
            while first < end and sentence.tokens[first].lemma in ("the", "a", "an"):
                first += 1
            if first >= end or all(t.pos.startswith("PRP") for t in sentence.tokens[first:end]):
                continue  # a pronoun: coreference decides whom it stands for
            tokens = sentence.tokens
            joined = self._over_a_dash(sentence, first, end)
            if joined < first:  # "Islamic State – Khorasan Province": one name, of the kind its words say
                surface = self._surface(sentence, joined, end)
                kind = self.lexicon.kind_of_name([t.text for t in tokens[joined:end]]) or self.lexicon.fallback_kind
                across = self._new(surface, kind, f"a name across a dash (“{surface}”), of kind {kind} by its words",
                                   0.6)
                self._mention(sentence, joined, end, across, "name")
                self._bracketed_acronym(sentence, end, across)
                continue
            if self._in_dateline(tokens[first]):
                continue  # "DUBAI, 4 January 2024 –": a dateline, where the report was filed
            if end - first == 3 and tokens[first + 1].text == "-" and tokens[first + 2].pos in ("VBN", "VBD") \
                    and (entry := self.lexicon.state(tokens[first].text)) is not None:
                # "Saudi-led", "Iran-aligned": the state that leads or that it is aligned with
                self._mention(sentence, first, first + 1, self._state(entry), "name")
                if end < len(tokens) and tokens[end].lemma in self.lexicon.coalition_nouns \
                        and tokens[first + 2].lemma == "lead" and self._free(sentence, end, end + 1):
                    # "the Saudi-led coalition": a coalition of its own, which the state leads (by "led")
                    surface = self._surface(sentence, first, end + 1)
                    led = self._new(surface, "Coalition", f"a coalition a state leads (“{surface}”)", 0.6)
                    self._mention(sentence, end, end + 1, led, "name")
                continue
            if end < len(tokens) and tokens[end].text.casefold() in self.lexicon.kin_nouns \
                    and tokens[end - 1].pos.startswith("NNP") and entity.ner not in ("COUNTRY", "NATIONALITY"):
                surface = self._surface(sentence, first, end + 1)  # "the Kouachi brothers": a family, no place
                kin = self._new(surface, "PersonGroup", f"a name and a noun of kin (“{surface}”)", 0.6)
                self._mention(sentence, first, end + 1, kin, "name")
                continue
            surface = self._surface(sentence, first, end)
            venue = self._venue_end(sentence, entity, end)
            key: str | None
            if venue is not None:  # "the Bataclan concert hall", "the Voronezh region", "the Basmanny court"
                (end, kind), first_name = venue, surface
                surface = self._surface(sentence, first, end)
                key = self._new(surface, kind, f"a name and a noun of kind {kind} (“{surface}”)", 0.65)
                if entity.ner in ("ORGANIZATION", "MISC") or entity.ner == "LOCATION" and kind == "Place":
                    # "Bataclan" is the venue, "Voronezh" not, nor a district "Basmanny" its court
                    self.proposals[key].add_alias(first_name)
            else:
                key = self._named(sentence, entity, surface)
            if key is None:
                continue
            self._mention(sentence, first, end, key, "name")
            self._bracketed_acronym(sentence, end, key)

    def _bracketed_acronym(self, sentence: Sentence, end: int, key: str) -> None:
        """"the Federal Security Service (FSB)": the acronym in brackets right after a name is its
        alias; after a state's name that ends a body's ("the Security Service of Ukraine (SBU)"), the
        body's."""
        tokens = sentence.tokens
        if self.proposals[key].kind == "State":
            key = next((body for a in sentence.head_arcs(end - 1) if a.label.startswith("nmod:") and a.head >= 0
                        for body in [self._proposal_at(sentence, a.head)]
                        if body is not None and self.proposals[body].kind not in ("State", "Place", "Event")), key)
        if end + 2 < len(tokens) and tokens[end].text in ("(", "-LRB-") \
                and tokens[end + 2].text in (")", "-RRB-") and tokens[end + 1].text.isupper():
            self.proposals[key].add_alias(tokens[end + 1].text)
            self._mention(sentence, end + 1, end + 2, key, "name")

    def _in_dateline(self, token: Token) -> bool:
        return any(a <= token.start < b for a, b in self.datelines)

    def _over_a_dash(self, sentence: Sentence, first: int, end: int) -> int:
        """Where a name begins that a spaced dash splits ("Islamic State – Khorasan Province", of which
        the NLP server tagged only the second half): capitalised words and the dash before the
        name, all hung on the name's own words, are part of it; ``first`` if there are none. Two
        states are two names ("Russia – Ukraine"), and a dateline's dash hangs elsewhere."""
        tokens = sentence.tokens
        inside = range(first, end)
        dash = first - 1
        if dash < 1 or tokens[dash].text not in ("–", "—", "-") \
                or not any(a.head in inside for a in sentence.head_arcs(dash)):
            return first
        start = dash
        while start > 0 and tokens[start - 1].text[:1].isupper() and not self._timely(tokens[start - 1]) \
                and tokens[start - 1].lemma not in ("the", "a", "an") \
                and any(a.head in inside for a in sentence.head_arcs(start - 1)):
            start -= 1
        if start == dash or self.lexicon.state(self._surface(sentence, start, dash)) is not None \
                or not self._free(sentence, start, dash):
            return first
        return start

    def _timely(self, token: Token) -> bool:
        """Whether the NLP server's tag makes a word part of a time, and no state or capital makes
        it a place ("strikes on Kyiv two days later" is all of it a DATE to the server)."""
        return token.ner in _TIME_NER and not (token.pos.startswith("NNP") and self._capital_of(token.text) is not None)

    def _untagged_names(self, sentence: Sentence) -> None:
        """Proper nouns the NLP server tagged as nothing: a state of the lexicon ("Kyiv"), else a name
        whose words ("Quds Force"), the nouns after it that name a body or an outlet by it ("its
        Amaq news agency") or describing nouns ("the Andromeda, a rented yacht") give its kind.
        Any other is left alone: nothing says what it is."""
        tokens = sentence.tokens
        # MISC says only that a name is one: "the BVT, the domestic intelligence agency"; a state or its
        # capital is no date ("ordered strikes on Kyiv two days later", all of it a DATE to the server)
        tagged = {i for e in sentence.entities if e.ner != "TITLE" and not (e.ner == "MISC" and _acronym(e.text))
                  for i in range(e.first, e.end)
                  if not (e.ner in _TIME_NER and not self._timely(tokens[i]))}
        i = 0
        while i < len(tokens):
            j = i
            while j < len(tokens) and (_name_word(tokens, j, i) or tokens[j].pos.startswith("NN")
                                       and _acronym(tokens[j].text)
                                       # "Jaish-e-Mohammed": a name goes on over its hyphens
                                       or j > i and tokens[j].pos == "HYPH" and j + 1 < len(tokens)
                                       and _name_word(tokens, j + 1, i) and j + 1 not in tagged) \
                    and j not in tagged and self._free(sentence, j, j + 1):
                j += 1
            if j == i:
                i += 1
                continue
            while i > 1 and tokens[i - 1].pos.startswith("JJ") and tokens[i - 1].text[:1].isupper() \
                    and i - 1 not in tagged and self._free(sentence, i - 1, i):
                i -= 1  # "the Higher Regional Court": a capitalised adjective, not first in the sentence
            words = [t.text for t in tokens[i:j]]
            before = tokens[i - 1].text if i > 0 else ""
            if words[-1].casefold() in self.lexicon.titles or before in ("-", "–") \
                    or i > 1 and before[:1].isupper() and tokens[i - 1].pos != "DT":
                i = j
                continue  # "President", "Defence Minister": a title; "ISIS-K", "Foreign Terrorist …": part of a name
                # (not after "The": "a correspondent for The Wall Street Journal")
            named_by_nouns = self._nouns_naming(sentence, j)
            if named_by_nouns is not None and self.lexicon.kind_of_name(words) is None:
                j, noun_kind = named_by_nouns  # "its Amaq news agency": the name and its nouns
                key = self._new(self._surface(sentence, i, j), noun_kind, "a proper noun the NLP server did not "
                                f"tag and the nouns of kind {noun_kind} after it", 0.5)
                self._mention(sentence, i, j, key, "name")
                i = j
                continue
            surface = self._surface(sentence, i, j)
            entry = self._capital_of(surface)
            described = self._described_kind(sentence, i, j)
            kind = self.lexicon.kind_of_name(words) or (described[0] if described else None)
            if kind is None and any(a.label in ("nmod:for", "nmod:of") and a.head >= 0
                                    and tokens[a.head].lemma in self.predicates.event_nouns
                                    for a in sentence.head_arcs(j - 1)):
                kind = "Place"  # "the battle for Bakhmut", "the siege of Mariupol": where it was fought
            if entry is not None:
                key = self._state(entry)
                if name_key(surface) not in {name_key(n) for n in (entry.name, *entry.demonyms)}:
                    self.proposals[key].add_alias(surface)
            elif kind is not None and kind not in ("Person", "Event"):
                key = self._new(surface, kind, f"a proper noun the NLP server did not tag, of kind {kind} by "
                                               "its words or the words that describe it", 0.5)
            else:
                i = j
                continue
            self._mention(sentence, i, j, key, "name")
            i = j

    def _acronymed_phrases(self, sentence: Sentence) -> None:
        """"the national anti-terrorism prosecutor's office (PNAT)": a description that an acronym
        in brackets follows is the name of an organisation, of the kind its words give, the acronym
        its alias."""
        tokens = sentence.tokens
        for i in range(2, len(tokens) - 1):
            acronym = tokens[i].text
            if tokens[i - 1].text not in ("(", "-LRB-") or tokens[i + 1].text not in (")", "-RRB-") \
                    or not (len(acronym) > 1 and acronym.isupper() and acronym.isalpha()) \
                    or tokens[i - 2].pos not in ("NN", "NNS") or not self._free(sentence, i - 2, i):
                continue
            known = None if self._free(sentence, i, i + 1) else self._proposal_at(sentence, i)
            if known is not None and self.proposals[known].kind in NOT_ORGANISATIONS:
                continue
            first = i - 2
            while first > 0 and tokens[first - 1].pos in ("NN", "NNS", "NNP", "NNPS", "JJ", "VBG", "HYPH", "POS") \
                    and self._free(sentence, first - 1, first):
                first -= 1
            kind = self.lexicon.kind_of_words([t.text for t in tokens[first:i - 1]])
            if kind is None or kind in NOT_ORGANISATIONS:
                continue
            name = self._surface(sentence, first, i - 1)
            if known is not None:  # "the domestic intelligence service (FSB)", the FSB the graph knows
                self.proposals[known].add_alias(name)
                self._mention(sentence, first, i - 1, known, "name")
                continue
            key = self._new(name, kind, f"a description an acronym follows (“{name} ({acronym})”), of kind {kind} "
                                        "by its words", 0.55)
            self.proposals[key].add_alias(acronym)
            self._mention(sentence, first, i - 1, key, "name")
            self._mention(sentence, i, i + 1, key, "name")

    def _nouns_naming(self, sentence: Sentence, end: int) -> tuple[int, str] | None:
        """Where the common nouns after a name end, and the kind they give it, when they name a body
        or an outlet by it (``noun_named_kinds``: "Amaq news agency", "Basmanny district court")."""
        j = end
        while j < len(sentence.tokens) and sentence.tokens[j].pos == "NN" and j - end < 2:
            j += 1
        if j < len(sentence.tokens) and sentence.tokens[j].pos == "NNS" \
                and tuple(t.text.casefold() for t in sentence.tokens[end:j + 1]) in self.lexicon.state_bodies:
            j += 1  # a plural only as a state's body's noun: "Western intelligence services", not "Oslo police"
        if j == end or not self._free(sentence, end, j) \
                or (j < len(sentence.tokens) and sentence.tokens[j].lemma in ("'s", "of")):
            return None  # "the Brussels district of Molenbeek" names Molenbeek
        if self.lexicon.kind_of_words([sentence.tokens[j - 1].text]) == "Place":
            return j, "Place"
        kind = self.lexicon.kind_of_words([t.text for t in sentence.tokens[end:j]])
        return (j, kind) if kind in self.lexicon.noun_named_kinds else None

    def _venue_end(self, sentence: Sentence, entity: NamedEntity, end: int) -> tuple[int, str] | None:
        """Where a place or a body named by a name and a noun ends, and its kind: "Shah Cheragh
        shrine", "Baghdad airport", "Tver region" (the last noun a place word of ``kind_words``),
        "Basmanny district court", "Amaq news agency" (the nouns a body's or an outlet's); None if
        no such nouns follow. A state's name or demonym names no venue."""
        first = entity.first
        if entity.ner not in (*_VENUE_NER, "PERSON") or self.lexicon.kind_of_name(entity.text.split()) is not None:
            return None  # "the Royal Albert Hall concert venue": the name says what it is already
        if first >= 3 and sentence.tokens[first - 1].lemma == "the" and sentence.tokens[first - 2].pos == "," \
                and sentence.tokens[first - 3].pos.startswith("NNP"):
            # "Molenbeek, the Brussels district": a description of the place before ("Within hours,
            # the Houthi movement" describes no name)
            return None
        named = self._nouns_naming(sentence, end)
        if entity.ner == "PERSON" and (named is None or named[1] not in self.lexicon.person_named_kinds):
            return None  # a person's name names only a group after it: "the Ripoll cell", "the Abaaoud cell"
        return named

    def _nationals(self, sentence: Sentence, entity: NamedEntity, entry: StateEntry) -> str | None:
        """A plural demonym that counts people ("two Kazakhs", "all Americans") or is a bare object
        ("urged Americans to avoid crowds") is a group of the state's nationals, not the state ("the
        Russians would never share it" is)."""
        i = entity.end - 1
        token = sentence.tokens[i]
        if entity.end - entity.first != 1 or token.pos not in ("NNPS", "NNS") \
                or not entry.is_demonym(token.text):
            return None
        counted = [a.dep for a in sentence.child_arcs(i) if a.label == "nummod"
                   or a.label == "det" and sentence.tokens[a.dep].lemma in _COUNTING]
        bare = not sentence.children(i, "det") and any(a.label in ("obj", "iobj", "nsubj:pass")
                                                        and a.head >= 0 and sentence.tokens[a.head].verb
                                                        for a in sentence.head_arcs(i))
        if not counted and not bare:
            return None
        name = self._surface(sentence, min([i, *counted]), i + 1)
        key = self._new(name, "PersonGroup", f"people of a nationality (“{name}”)", 0.5, head=token.lemma,
                        state=entry)
        self._state(entry)  # the state they are nationals of, for the relation their name tells
        return key

    def _named(self, sentence: Sentence, entity: NamedEntity, surface: str) -> str | None:
        entry = self.lexicon.state(surface)
        city = entity.ner == "CITY" or self._called_city(sentence, entity.first, entity.end)  # "the capital Sanaa"
        # "Jordan intercepted the drones", which the NLP server took for a person: one word that is a
        # state's name, and no surname of a person named before, is the state
        lone_word = entry is not None and entity.ner == "PERSON" and " " not in surface.strip() \
            and self._surname_of(surface) is None
        if entity.ner in ("COUNTRY", "NATIONALITY") or (entry is not None and (entity.ner != "PERSON" or lone_word)
                                                        and not city):
            if entry is None:
                if entity.ner == "NATIONALITY":
                    return None
                return self._new(surface, "State", f"a country the NLP server named (“{surface}”)", 0.7)
            key = self._state(entry)
            if name_key(surface) not in {name_key(n) for n in (entry.name, *entry.demonyms)}:
                self.proposals[key].add_alias(surface)
            return self._nationals(sentence, entity, entry) or key
        if entity.ner in ("PERSON", "ORGANIZATION", "MISC") and entity.end - entity.first == 1 \
                and (short := self._short_name(sentence, entity.first)) is not None:
            return short
        if entity.ner in ("ORGANIZATION", "MISC") and (named := self._named_before(surface)) is not None:
            return named  # "NABU" after "the national anti-corruption bureau (NABU)"
        described = self._described_kind(sentence, entity.first, entity.end)
        if entity.ner == "PERSON" and described is not None \
                and (entity.end - entity.first == 1 or self._described_after(sentence, entity.end)) \
                and described[1] in self.lexicon.descriptions and described[0] not in NOT_ORGANISATIONS:
            # "Ansarallah, the Yemeni movement", "Hayat Tahrir al-Sham (HTS) is a militant group": a
            # "person" described as an organisation
            return self._new(surface, described[0], f"a name the text describes as a {described[1]}", 0.55)
        if entity.ner == "PERSON" and " " not in surface.strip() and (capital := self._capital_of(surface)) \
                and capital.is_capital(surface) and self._surname_of(surface) is None:
            return self._state(capital)  # "Kyiv said …", which the NLP server took for a person: its state
        if entity.ner == "PERSON" and not {w.casefold() for w in surface.split()} & self.lexicon.not_person_words:
            # a surname alone is the person of that surname named before
            if " " not in surface.strip() and (person := self._surname_of(surface)) is not None:
                return person
            words = surface.split()
            while len(words) > 2 and words[0].casefold().rstrip(".") in self.lexicon.titles:
                words = words[1:]  # "Ayatollah Ali Khamenei": the title is not the name
            if (fuller := self._with_middle_names(words)) is not None:
                self.proposals[fuller].add_alias(surface)
                return fuller  # "Jack Douglas Teixeira" after "Jack Teixeira", or the other way round
            key = self._new(" ".join(words), "Person", "a person the NLP server named", 0.75)
            if len(words) < len(surface.split()):
                self.proposals[key].add_alias(surface)
            return key
        body = self.lexicon.kind_of_name(surface.split()) if entity.ner == "LOCATION" else None
        if body is not None and (body in self.lexicon.body_kinds
                                 or {w.casefold() for w in surface.split()} & self.lexicon.not_person_words):
            # ("Ansar al-Sharia", which the NLP server took for a place: a group's word, `never_a_person`)
            return self._new(surface, body, f"a place the NLP server named whose words name a {body}", 0.6)
        if entity.ner in ("CITY", "STATE_OR_PROVINCE", "LOCATION"):
            if " " not in surface.strip() and (person := self._surname_of(surface)) is not None:
                return person  # "London told the FT" after "Douglas London": the person, not the city
            capital = self._capital_of(surface)
            if capital is not None and name_key(surface) == name_key(capital.name):
                return self._state(capital)
            key = self._new(surface, "Place", f"a place the NLP server named ({entity.ner.lower()})", 0.7)
            if capital is not None:  # a capital may stand for its state: relations decide
                self.proposals[key].state = capital
                self.capitals[key] = self._state(capital)
            return key
        words = surface.split()
        kind = self.lexicon.kind_of_name(words)
        if described is not None and described[0] in self.lexicon.described_over_named \
                and self._described_after(sentence, entity.end):
            kind = described[0]  # "the Special Deterrence Force, a militia": what the text calls it
        if kind is None and described is not None and entity.ner == "ORGANIZATION":
            return self._new(surface, described[0], f"an organisation the NLP server named, of kind {described[0]} "
                                                    "by the words that describe it", 0.6)
        if entity.ner in ("MISC", "RELIGION") and kind is None:
            return None  # a religion ("Islam") is no organisation; "the Unification Church" is, by its words
        guessed = kind is None
        if kind is None:
            kind = self.lexicon.fallback_kind
            how = f"an organisation the NLP server named; its kind ({kind}) is a guess"
            confidence = 0.45
        else:
            how = f"a name the NLP server found, of kind {kind} by its words"
            confidence = 0.7
        return self._new(surface, kind, how, confidence, guessed=guessed)

    def _with_middle_names(self, words: list[str]) -> str | None:
        """The person named before with the same first and last names, one name holding the
        other's words and more in between ("Jack Teixeira", "Jack Douglas Teixeira")."""
        keys = [name_key(w) for w in words]
        for proposal in self.proposals.values():
            if proposal.kind != "Person" or proposal.first < 0:
                continue
            other = [name_key(w) for w in proposal.name.split()]
            if len(keys) < 2 or len(other) < 2 or keys == other or (keys[0], keys[-1]) != (other[0], other[-1]):
                continue
            shorter, longer = sorted((keys, other), key=len)
            rest = iter(longer)
            if all(word in rest for word in shorter):  # (in order)
                return proposal.key
        return None

    def _surname_of(self, surface: str) -> str | None:
        """The person named before whose surname this one word is, who then has it as an alias."""
        for proposal in self.proposals.values():
            if proposal.kind == "Person" and name_key(surface) in self.lexicon.surnames(proposal.name) \
                    and proposal.name != surface:  # "Al-Arouri", "Arouri" after "Saleh al-Arouri"
                proposal.add_alias(surface)
                return proposal.key
        return None

    def _described_kind(self, sentence: Sentence, first: int, end: int) -> tuple[str, str] | None:
        """The kind the common nouns describing a name give it, and their head noun's lemma:
        before the name ("the broadcaster ARD", "the newspapers X and Y"), before an
        ``instance_phrases`` phrase ("container lines, among them Maersk") or in apposition after
        it ("Gazprom, the Russian energy group")."""
        tokens = sentence.tokens
        inside = {i for e in sentence.entities if e.ner in ("ORGANIZATION", "MISC", "PERSON")
                  for i in range(e.first, e.end)}
        i = first - 1
        while i >= 0 and (tokens[i].pos in ("CC", ",") or tokens[i].pos.startswith("NNP") or i in inside):
            i -= 1  # back over the names listed before it
        for phrase in self.lexicon.instance_phrases:
            if i + 1 >= len(phrase) and tuple(t.text.casefold() for t in tokens[i + 1 - len(phrase):i + 1]) == phrase:
                i -= len(phrase)
                while i >= 0 and tokens[i].pos == ",":
                    i -= 1
                break
        nouns = self._noun_run(sentence, i) or self._described_after(sentence, end)
        if not nouns:
            return None
        kind = self.lexicon.kind_of_words([t.text for t in nouns])
        if kind == self.lexicon.fallback_kind:  # "a Sunni Islamist militant group": an armed group
            kind = next((told for t in tokens[max(0, nouns[0].i - 4):nouns[0].i] if t.pos.startswith("JJ")
                         and (told := self.lexicon.describing_adjectives.get(t.lemma)) is not None), kind)
        return (kind, nouns[-1].lemma) if kind is not None else None

    def _described_after(self, sentence: Sentence, end: int) -> list[Token]:
        """The common nouns of a description right after a name, set off by a comma or a copula:
        "Gazprom, the Russian energy group", "Hayat Tahrir al-Sham (HTS) is a militant group",
        "the DGSI, France's domestic intelligence service"; or what a verb makes of it: "banned X as
        an extremist organisation", "designated X a terrorist group"."""
        tokens = sentence.tokens
        after = end
        if after + 2 < len(tokens) and tokens[after].pos == "-LRB-" and tokens[after + 2].pos == "-RRB-":
            after += 3  # past an acronym in brackets
        if after + 1 < len(tokens) and after == end and tokens[after].lemma == "a":
            after -= 1  # "designated X a terrorist group": the description right after the name
        elif after + 2 >= len(tokens) or not (tokens[after].pos == "," or tokens[after].lemma in ("be", "as")
                                               and after > end or tokens[after].lemma == "as"
                                               and tokens[after + 1].lemma == "a"):
            return []
        owner = after + 1
        while owner < len(tokens) and (tokens[owner].pos.startswith("NNP") or tokens[owner].pos == "HYPH"):
            owner += 1  # (a hyphened name too: "al-Qaeda's affiliate")
        if tokens[after + 1].lemma in ("the", "a", "an"):
            j = after + 2
        elif owner > after + 1 and owner < len(tokens) and tokens[owner].pos == "POS":
            j = owner + 1  # a possessive name: "France's domestic intelligence service"
        else:
            return []
        head = -1
        while j < len(tokens) and tokens[j].pos in ("JJ", "JJS", "JJR", "NN", "NNS", "HYPH", "VBN", "RBS", "RB"):
            if tokens[j].pos in ("NN", "NNS"):
                head = j
            elif head >= 0 and tokens[j].pos.startswith("RB"):
                break  # "the Yemeni movement widely known as …": the noun phrase ends at "movement"
            j += 1
        if head < 0 or head + 1 < len(tokens) and tokens[head + 1].pos == "POS":
            return []  # not "the foreign ministry's spokesman"
        return self._noun_run(sentence, head)

    @staticmethod
    def _noun_run(sentence: Sentence, last: int) -> list[Token]:
        """The common nouns ending at ``last`` ("state news agency"), or none."""
        i = last
        while i >= 0 and sentence.tokens[i].pos in ("NN", "NNS"):
            i -= 1
        return sentence.tokens[i + 1:last + 1]

    def _named_before(self, surface: str) -> str | None:
        """The entity named before whose alias this name is (an acronym given in brackets), or whose
        initials it is ("IRGC" after "Islamic Revolutionary Guard Corps"), which then has it as an alias."""
        key = name_key(surface)
        aliased = next((p.key for p in self.proposals.values() if p.first >= 0 and p.kind != "Event"
                        and any(name_key(a) == key for a in p.aliases)), None)
        if aliased is not None or not (surface.isalpha() and surface.isupper() and 2 <= len(surface) <= 6):
            return aliased
        for proposal in self.proposals.values():
            if proposal.first >= 0 and proposal.kind not in NOT_ORGANISATIONS and _initials(proposal.name) == surface:
                proposal.add_alias(surface)
                return proposal.key
        return None

    def _short_name(self, sentence: Sentence, i: int) -> str | None:
        """"Wagner" after "the Wagner Group": a proper noun alone that begins the name of an
        organisation named before is that organisation, as a surname alone is its person (the
        NLP server often takes it for a person's name, or for nothing)."""
        if not sentence.tokens[i].pos.startswith("NNP"):
            return None
        word = sentence.tokens[i].text
        for proposal in self.proposals.values():
            if proposal.kind in NOT_ORGANISATIONS or proposal.first < 0:
                continue
            words = re.split(r"[\s-]+", proposal.name)  # (a hyphened name too: "Jaish" of "Jaish-e-Mohammed")
            if len(words) > 1 and words[0] == word:
                proposal.add_alias(word)
                return proposal.key
            known = proposal.known.names if proposal.known is not None else ()
            if any(name == word + "s" for name in (proposal.name, *proposal.aliases, *known)):
                return proposal.key  # "a Houthi spokesman": the Houthis' (a plural name, as a modifier)
        return None

    def _proposal_at(self, sentence: Sentence, i: int) -> str | None:
        """The proposal of the first mention over a token, if any."""
        return next((m.proposal for m in self.mentions if m.sentence == sentence.index and m.first <= i < m.end), None)

    def _state_at(self, sentence: Sentence, i: int) -> str | None:
        """The state a token names (a country or nationality), through its mention."""
        key = self._proposal_at(sentence, i)
        return key if key is not None and self.proposals[key].kind in ("State", "Coalition") else None

    def _described_capitals(self, sentence: Sentence) -> None:
        """"the French capital", "Russia's capital": the capital of the lexicon's state, when no name
        follows ("the capital Sanaa" is named), standing for its state where a relation needs one."""
        for token in sentence.tokens:
            if token.lemma not in self.lexicon.capital_nouns or not token.noun \
                    or not self._free(sentence, token.i, token.i + 1) or sentence.children(token.i, "appos") or any(
                        sentence.tokens[d].pos.startswith("NNP") for d in sentence.children(token.i) if d > token.i):
                continue
            if any(sentence.tokens[d].pos.startswith("JJ") and sentence.tokens[d].ner != "NATIONALITY"
                   for d in sentence.children(token.i, "amod")):
                continue  # "India's financial capital" is Mumbai, not the capital; "the French capital" is
            states = [(d, key) for d in sentence.children(token.i) if d < token.i
                      and (key := self._state_at(sentence, d)) is not None]
            state = self.proposals[states[0][1]].state if len(states) == 1 else None
            if state is None or state.capital is None:
                continue
            surface = self._surface(sentence, states[0][0], token.i + 1)
            key = self._new(state.capital, "Place", f"“{surface}”, the capital of {state.name}", 0.6)
            self.proposals[key].add_alias(surface)
            self.proposals[key].state = state
            self.capitals[key] = states[0][1]
            self._mention(sentence, token.i, token.i + 1, key, "name")

    def _bodies(self, sentence: Sentence) -> None:
        for token in sentence.tokens:
            if not token.noun or not self._free(sentence, token.i, token.i + 1):
                continue
            word = token.text.casefold()
            before = sentence.tokens[token.i - 1].text.casefold() if token.i > 0 else ""
            after = sentence.tokens[token.i + 1].text.casefold() if token.i + 1 < len(sentence.tokens) else ""
            if (word, after) in self.lexicon.state_bodies:
                continue  # "intelligence" in "the Dutch intelligence service": the phrase is named at its last word
            if any(sentence.tokens[h].lemma in _BODY_PEOPLE for h in sentence.heads(token.i, "compound")):
                continue  # "American service members", "army personnel": people, not the body
            # a phrase of the table ("security forces", "state television") before its last word alone
            body = self.lexicon.state_bodies.get((before, word)) or self.lexicon.state_bodies.get((word,))
            kind = body if body is not None else self.lexicon.kind_of_words([word])
            if kind is None or (kind not in self.lexicon.body_kinds | self.lexicon.demonym_kinds and body is None):
                continue
            # (a verb the parser hung on the noun is no part of the name: "for helping Russian intelligence")
            modifiers = [d for d in sentence.children(token.i) if d < token.i and
                         not sentence.tokens[d].pos.startswith("VB") and
                         any(a.label in ("amod", "compound", "nmod:poss") for a in sentence.head_arcs(d)
                             if a.head == token.i)]
            states = [(d, key) for d in modifiers if (key := self._state_at(sentence, d)) is not None]
            if not states:  # "the Russian foreign ministry spokeswoman": the state modifies the compound
                start = min([token.i, *modifiers])
                outer = [d for h in sentence.heads(token.i, "compound") for d in sentence.children(h, "amod")
                         if d == start - 1]
                states = [(d, key) for d in outer if (key := self._state_at(sentence, d)) is not None]
                modifiers = [*[d for d, _ in states], *modifiers]
            if not states and body == "itself":  # "the government of India", as "India's government"
                states = [(d, key) for d in sentence.children(token.i, "nmod:of")
                          if d > token.i and (key := self._state_at(sentence, d)) is not None]
            if not states:
                self._described_body(sentence, token, kind, modifiers)
                continue
            _, state_key = states[0]
            # "Ukraine's SBU security service": a body the phrase names already, by its own name
            named = [k for d in modifiers if (k := self._proposal_at(sentence, d)) is not None
                     and self.proposals[k].kind == kind]
            if named:
                self._mention(sentence, token.i, token.i + 1, named[0], "name")
                continue
            if body == "itself":  # "Russian authorities", "US officials": the state
                self._mention(sentence, token.i, token.i + 1, state_key, "body")
                continue
            first = min(m for m in modifiers)
            while sentence.tokens[first].lemma in ("the", "'s") and first < token.i:
                first += 1
            end = token.i + 1
            tokens = sentence.tokens
            if end + 1 < len(tokens) and tokens[end].pos == "POS" and tokens[end + 1].pos == "NN" \
                    and self.lexicon.kind_of_words([tokens[end + 1].text]) in self.lexicon.body_kinds:
                end += 2  # "Poland's national prosecutor's office": the office
            if word in self.lexicon.located_bodies:  # "the US embassy in the Russian capital": one of several
                end = next((sentence.subtree(d).stop for d in sentence.children(token.i, "nmod:in")
                            if d > token.i and len(sentence.subtree(d)) <= _PLACE_WORDS), end)
            surface = name = self._surface(sentence, first, end)
            if "'s" in name or "’s" in name:
                name = name.replace("’s", "").replace("'s", "")
            if body is None:  # the table's kind stands: "the Malian army" is the state's, no armed group
                kind = self.lexicon.kind_of_name(name.split()) or kind
            placed = [k for k, p in self.proposals.items() if p.kind == kind
                      and name_key(p.name).startswith(name_key(name) + " in ")] \
                if word in self.lexicon.located_bodies and end == token.i + 1 else []
            if len(placed) == 1:  # "the Russian embassy" after "the Russian embassy in Stockholm": that one
                self._mention(sentence, token.i, token.i + 1, placed[0], "body")
                continue
            if (named_before := self._named_body_of(sentence, token, kind, state_key)) is not None:
                self._mention(sentence, token.i, token.i + 1, named_before, "body")
                continue
            key = self._new(name, kind, f"a body of {self.proposals[state_key].name} (“{name}”)", 0.65)
            if surface != name:  # "Germany's federal prosecutor": the text's own words stay a name of it
                self.proposals[key].add_alias(surface)
            self.proposals[key].state = self.proposals[state_key].state
            self._mention(sentence, token.i, token.i + 1, key, "body")
            if end > token.i + 1 and tokens[end - 2].pos == "POS":
                self._mention(sentence, end - 1, end, key, "body")

    def _named_body_of(self, sentence: Sentence, token: Token, kind: str, state_key: str) -> str | None:
        """"the Israeli agency" after "Israel's Mossad": a state's body told with "the" and no word
        of its own is the one body of that kind and state the text has named, if there is one."""
        if not any(a.label == "det" and sentence.tokens[a.dep].lemma == "the" for a in sentence.child_arcs(token.i)) \
                or any(a.label in ("amod", "compound") and self._state_at(sentence, a.dep) is None
                       for a in sentence.child_arcs(token.i)):
            return None
        state = self.proposals[state_key].state
        if state is None:
            return None
        named = {m.proposal for m in self.mentions if m.how == "name" and m.sentence <= sentence.index
                 and self.proposals[m.proposal].kind == kind and self.proposals[m.proposal].state == state}
        return named.pop() if len(named) == 1 else None

    def _owned_names(self, sentence: Sentence) -> None:
        """A body named by its own name that a state's possessive or adjective qualifies ("Israel's
        Mossad", "the Russian FSB") is that state's."""
        for mention in [m for m in self.mentions if m.sentence == sentence.index and m.how == "name"]:
            proposal = self.proposals[mention.proposal]
            if proposal.kind not in self.lexicon.body_kinds or proposal.state is not None:
                continue
            head = sentence.head_of(mention.first, mention.end)
            owners = [k for a in sentence.child_arcs(head) if a.label in ("nmod:poss", "amod")
                      and (k := self._state_at(sentence, a.dep)) is not None]
            if owners:
                proposal.state = self.proposals[owners[0]].state

    def _described_body(self, sentence: Sentence, token: Token, kind: str, modifiers: list[int]) -> None:
        """"the special assize court", "a military tribunal": a body noun an adjective sets apart
        is one body, named by its words, though no state is named with it."""
        tokens = sentence.tokens
        if kind not in self.lexicon.body_kinds or token.pos != "NN" or not token.text.islower() \
                or not any(tokens[m].pos == "JJ" for m in modifiers) \
                or not any(a.label == "det" for a in sentence.child_arcs(token.i)) \
                or any(tokens[m].pos.startswith("NNP") or self._proposal_at(sentence, m) for m in modifiers) \
                or any(a.label == "appos" for a in sentence.head_arcs(token.i)):
            return  # "the FSB, the domestic intelligence service": a description of the name before
        first = min(modifiers)
        if first >= 2 and tokens[first - 1].lemma in ("the", "a", "an") and tokens[first - 2].pos == ",":
            return  # the same, where the parser took no apposition
        name = self._surface(sentence, first, token.i + 1)
        key = self._new(name, kind, f"a body the text describes (“{name}”)", 0.45)
        self._mention(sentence, first, token.i + 1, key, "body")

    def _events(self, sentence: Sentence) -> None:
        for token in sentence.tokens:
            if not token.pos.startswith("NN") or token.lemma not in self.predicates.event_nouns \
                    or not self._free(sentence, token.i, token.i + 1) or self._timely(token):
                continue  # (not "on 1 March")
            if any(a.label == "compound" and sentence.tokens[a.head].noun
                   and sentence.tokens[a.head].lemma not in self.predicates.intentions
                   for a in sentence.head_arcs(token.i) if a.head >= 0):
                continue  # "a CIA operations officer", "war crimes": the noun it modifies is what is named
                # (not "the coup attempt", "an assassination attempt": the event, attempted)
            children = sentence.child_arcs(token.i)
            # "the coup attempt in Ankara": what the attempt has, the attempted event has, and the
            # mention takes in the attempt (what is done to it is done to the event)
            attempt = next((h.head for h in sentence.head_arcs(token.i) if h.label == "compound"
                            and h.head == token.i + 1 and sentence.tokens[h.head].lemma in self.predicates.intentions),
                           None)
            if attempt is not None:
                children += [a for a in sentence.child_arcs(attempt) if a.dep != token.i]
            end = token.i + 1 if attempt is None else attempt + 1
            if any(a.label == "cop" for a in children):
                # "The Manchester Arena bombing was a suicide attack on …": the event its subject names
                subject = next((k for d in sentence.children(token.i, "nsubj") if (k := self._proposal_at(sentence, d))
                                and self.proposals[k].kind == "Event"), None)
                if subject is not None:
                    self._mention(sentence, token.i, token.i + 1, subject, "reference")
                    continue
            modifiers = [a.dep for a in children if a.label in ("amod", "compound", "nummod") and a.dep < token.i]
            dets = {sentence.tokens[a.dep].lemma for a in children if a.label in ("det", "nmod:poss")}
            places = [a.dep for a in children if a.label in ("nmod:in", "nmod:at", "nmod:near", "nmod:outside")]
            proper = [m for m in modifiers if sentence.tokens[m].pos.startswith("NNP")
                      and self._kind_at(sentence, m) not in ("State", "Coalition")]
            # "the seizure of the Galaxy Leader", "the battle for Bakhmut": what it was done to names it
            # (of the tree, not only of enhanced++: in "on Tuesday, Hamas and …" the parser joins "Hamas"
            # to "Tuesday", and enhanced++ hangs it on "strike" as well: no name)
            tree = {a.dep for a in sentence.basic if a.head == token.i}
            complement = next((a.dep for a in children if a.label in _EVENT_COMPLEMENTS and a.dep > token.i
                               and a.dep in tree
                               and _words(sentence, sentence.subtree(a.dep)) <= _EVENT_COMPLEMENT_WORDS
                               and not self._timely(sentence.tokens[a.dep])), None)  # not "on Tuesday"
            # an event recalled in passing ("killed in a US drone strike in January 2020") is not
            # what "the attack" of the next sentence means
            recent = [k for i, k in self.event_mentions if i >= sentence.index - _EVENT_REACH
                      and not self.proposals[k].recalled]
            definite = bool(dets & _DEFINITE)
            other = any(sentence.tokens[a.dep].lemma in _OTHER_EVENTS for a in children
                        if a.label in ("amod", "det", "det:qmod", "nummod"))
            if other and not (proper or places or complement is not None):
                continue  # "accused Ukraine of organising dozens of similar plots": not the attack in view
            # "a US drone strike" after "the assassination of X": a state's act told with "a", of another
            # kind than the events in view, is an event of its own (not after a copula: "the sabotage
            # had been a Ukrainian operation" is that sabotage)
            another = bool(dets & {"a", "an"}) and not [k for k in recent if self.proposals[k].head == token.lemma] \
                and any(self._kind_at(sentence, m) == "State" for m in modifiers) \
                and not any(a.label == "cop" for a in children)
            # "the deadliest attack in Russia for two decades": a superlative ranks the event in view
            ranked = definite and bool(recent) and not proper \
                and any(sentence.tokens[m].pos == "JJS" for m in modifiers)
            if (ranked or not (proper or places or complement is not None or another or other)) \
                    and (recent or definite and self.event_mentions):
                # "two explosions" just after the bombings: that event; "the attack": the one in view;
                # "the strikes" after the strikes and an attack on ships: the strikes
                same = [k for k in recent if _one_noun(self.proposals[k].head, token.lemma)]
                key = (same or recent)[-1] if recent else self._salient_event()
                self._mention(sentence, token.i, end, key, "reference")
                continue
            if not (proper or places or dets or modifiers) or dets & _NO_ONE_EVENT:
                continue  # "attacks" in general, "any attack": not one event
            # the whole chain of modifiers: "Wagner Group rebellion", not "Group rebellion"
            first = min([token.i, *(sentence.subtree(m).start for m in modifiers)])
            while sentence.tokens[first].lemma in _DEFINITE | {"a", "an"} or sentence.tokens[first].pos == "POS":
                first += 1
            phrase = self._surface(sentence, first, token.i + 1)
            place = self._place_name(sentence, places)
            if complement is not None:
                name, alias = self._surface(sentence, first, _noun_phrase_end(sentence, complement)), None
                if place is not None:
                    alias = f"{place} {token.text}"
            elif place is not None and len(phrase) < 80:
                name, alias = f"{place} {token.text}", f"{phrase} in {place}"
            else:
                name, alias = phrase, None
            existing = self._same_event(token.lemma, name)
            # "another attack on a Moscow synagogue" is told in passing, as an event of long ago is: not
            # what "the attack" of the next sentences means
            key = existing or self._new(name, "Event", f"an event the text describes (“{name}”)", 0.55,
                                        head=token.lemma, recalled=other or self._dated_long_before(sentence))
            if alias is not None:
                self.proposals[key].add_alias(alias)
            self._mention(sentence, token.i, end, key, "event")

    def _told_events(self, sentence: Sentence) -> None:
        """"US and British forces struck Houthi radar sites": a party's act of attack told by its verb,
        with no event of that kind in view, is an event, named by the verb's noun and what it struck
        ("strike on Houthi radar sites"); the verb is its mention (``verb_events``). In the passive,
        by whom and on whom: "Fico was shot by Juraj Cintula" ("shooting of Fico")."""
        for token in sentence.tokens:
            nouns = self.predicates.verb_events.get(token.lemma)
            if not nouns or not token.verb or not self._free(sentence, token.i, token.i + 1) \
                    or sentence.children(token.i, "compound:prt"):
                continue  # (with a particle, another act: "shot down dozens of drones")
            passive = any(a.label == "aux:pass" for a in sentence.child_arcs(token.i))
            actors = sentence.children(token.i, "obl:agent" if passive else "nsubj")
            if not any(self._actor_at(sentence, d) for d in actors):
                continue
            if self._kind_in_view(sentence, nouns):
                continue  # "struck" after "the strikes": that event, which relations find
            target = next((d for d in sentence.children(token.i, "nsubj:pass" if passive else "obj")), None)
            if target is None:
                continue
            span = sentence.subtree(target)
            quantifiers = [f for q in sentence.children(target, "det:qmod")
                           for f in (q, *sentence.children(q, "fixed"))]
            if quantifiers:  # "struck a number of targets": on targets
                span = range(max(quantifiers) + 1, span.stop)
            # up to a comma after the head: "struck Hamas, not Lebanon" struck Hamas
            span = range(span.start, next((k for k in range(target + 1, span.stop) if sentence.tokens[k].pos == ","),
                                          span.stop))
            if len(span) > _EVENT_COMPLEMENT_WORDS:
                span = range(span.start, target + 1)
            noun = min(nouns, key=lambda n: (len(n), n))  # "strike" of strike/airstrike
            # "strike on Houthi radar sites", "poisoning of Sergei Skripal"
            of = "of" if self._kind_at(sentence, target) in ("Person", "PersonGroup") else "on"
            name = f"{noun} {of} {self._surface(sentence, span.start, span.stop)}"
            key = self._new(name, "Event", f"an attack the text tells with “{token.text}” (“{name}”)", 0.45,
                            head=noun, recalled=self._dated_long_before(sentence))
            self._mention(sentence, token.i, token.i + 1, key, "event")

    def _happenings(self, sentence: Sentence) -> None:
        """"A business jet carrying Prigozhin crashed in the Tver region": an event no one is said to
        do, told by its verb (``happening_verbs``) of a thing the text names no entity for, with no
        event of that kind in view, is an event named by the thing and the verb's noun ("business jet
        crash"); the verb is its mention."""
        for token in sentence.tokens:
            nouns = self.predicates.happening_verbs.get(token.lemma)
            subjects = sentence.children(token.i, "nsubj")
            if not nouns or not token.verb or not self._free(sentence, token.i, token.i + 1) or len(subjects) != 1 \
                    or sentence.children(token.i, "compound:prt") or sentence.children(token.i, "aux:pass"):
                continue
            thing = subjects[0]
            if not sentence.tokens[thing].noun or self._proposal_at(sentence, thing) is not None:
                continue  # a party or an event named: the relations say what it did
            if self._kind_in_view(sentence, nouns):
                continue  # "the bomb exploded" after "the bombing": that event
            words = [sentence.tokens[d].text for d in sorted(sentence.children(thing, "compound")) if d < thing]
            name = " ".join([*words, sentence.tokens[thing].text, nouns[0]])
            key = self._new(name, "Event", f"an event the text tells with “{token.text}” (“{name}”)", 0.45,
                            head=nouns[0], recalled=self._dated_long_before(sentence))
            self._mention(sentence, token.i, token.i + 1, key, "event")

    def _kind_in_view(self, sentence: Sentence, heads: Collection[str]) -> bool:
        """Whether an event headed by one of these nouns was told in this sentence or the few before."""
        return any(i >= sentence.index - _EVENT_REACH and self.proposals[k].head in heads
                   for i, k in self.event_mentions)

    def _actor_at(self, sentence: Sentence, i: int) -> bool:
        """Whether a token names a party that acts, or people who act for one ("Houthi forces")."""
        key = self._proposal_at(sentence, i)
        keys = [key] if key is not None else []
        if key is None and sentence.tokens[i].lemma in self.predicates.agents:
            keys = acted_for(sentence, i, lambda d: self._proposal_at(sentence, d))
        return any(self.proposals[k].kind not in ("Place", "Event") for k in keys)

    def _dated_long_before(self, sentence: Sentence) -> bool:
        """Whether the sentence dates what it tells a year or more before the article appeared."""
        if self.published is None:
            return False
        for entity in sentence.entities:
            value = event_date(entity.normalized, self.published) if entity.ner == "DATE" else None
            if value is not None:
                _, end = event_bounds(value)
                if end is not None and (self.published - end).days >= _RECALLED_DAYS:
                    return True
        return False

    def _salient_event(self) -> str:
        counts: dict[str, int] = {}
        for _, key in self.event_mentions:
            counts[key] = counts.get(key, 0) + 1
        return max(counts, key=lambda k: counts[k])

    def _kind_at(self, sentence: Sentence, i: int) -> str | None:
        key = self._proposal_at(sentence, i)
        return self.proposals[key].kind if key is not None else None

    def _place_name(self, sentence: Sentence, places: list[int]) -> str | None:
        """The name of the place an event phrase gives ("in the south-eastern city of Kerman": Kerman)."""
        for place in places:
            for i in sentence.subtree(place):
                for mention in self.mentions:
                    if mention.sentence == sentence.index and mention.first == i \
                            and self.proposals[mention.proposal].kind in ("Place", "State"):
                        return self._surface(sentence, mention.first, mention.end)
        return None

    def _same_event(self, lemma: str, name: str | None = None) -> str | None:
        for _, key in reversed(self.event_mentions):
            proposal = self.proposals[key]
            if name is not None and name_key(proposal.name) == name_key(name):
                return key
            if name is None and proposal.head == lemma:
                return key
        return None

    def _groups(self, sentence: Sentence) -> None:
        for token in sentence.tokens:
            word = token.text.casefold()
            if token.pos not in ("NNS", "NNPS") or word not in self.group_nouns \
                    or not self._free(sentence, token.i, token.i + 1):  # "Islamists" is tagged a proper noun
                continue
            children = sentence.child_arcs(token.i)
            modifiers = [a.dep for a in children if a.label in ("amod", "compound", "nummod") and a.dep < token.i
                         and not sentence.tokens[a.dep].verb
                         and not self._timely(sentence.tokens[a.dep])]  # "in 2022 expelled French troops"
            dets = {sentence.tokens[a.dep].lemma for a in children if a.label == "det"}
            numbered = any(sentence.tokens[m].pos == "CD" for m in modifiers)
            if not modifiers and not (dets & _DEFINITE) and not (not dets and self._did(sentence, token.i)):
                continue
            if word in _GENERIC_GROUPS and not numbered and not modifiers:
                continue
            for m in modifiers:  # "Azov fighters" after "the Azov Brigade"
                if self._free(sentence, m, m + 1) and (short := self._short_name(sentence, m)) is not None:
                    self._mention(sentence, m, m + 1, short, "name")
            organisations = [key for m in modifiers if (key := self._proposal_at(sentence, m)) is not None
                             and self.proposals[key].kind not in NOT_ORGANISATIONS]
            if organisations and len(modifiers) == 1 and not numbered:
                # "Wagner fighters", "Hamas gunmen", uncounted: the organisation acting
                self._mention(sentence, token.i, token.i + 1, organisations[0], "group")
                continue
            nationality = next((self._state_at(sentence, m) for m in modifiers if self._state_at(sentence, m)), None)
            first = _whole_word_start(sentence, min([token.i, *modifiers]))
            name = self._surface(sentence, first, token.i + 1)
            key = None
            if not numbered and (dets & _DEFINITE):  # "the suspects": the group named before
                key = next((m.proposal for m in reversed(self.mentions)
                            if self.proposals[m.proposal].kind == "PersonGroup"
                            and self.proposals[m.proposal].head == token.lemma), None)
            elif numbered and "the" in dets:  # "four suspects … the four men": as many, named before
                count = next(sentence.tokens[m].text.casefold() for m in modifiers if sentence.tokens[m].pos == "CD")
                key = next((m.proposal for m in reversed(self.mentions)
                            if self.proposals[m.proposal].kind == "PersonGroup"
                            and self.proposals[m.proposal].name.casefold().split()[0] == count
                            and self.lexicon.same_people(self.proposals[m.proposal].name.split()[-1], word)),
                           None)
            if key is None:
                key = self._new(name, "PersonGroup", f"a group of people (“{name}”)", 0.5, head=token.lemma)
                if nationality is not None:
                    self.proposals[key].state = self.proposals[nationality].state
            self._mention(sentence, token.i, token.i + 1, key, "group")

    def _venues(self, sentence: Sentence) -> None:
        """"the synagogue in Halle", "a church in Nice": a building or a site (``venue_nouns``) that
        "in" or "at" a named place sets apart is a place of its own, named by the noun and the place;
        "the synagogue" later is the same."""
        for token in sentence.tokens:
            if token.pos != "NN" or token.lemma not in self.lexicon.venue_nouns \
                    or not self._free(sentence, token.i, token.i + 1):
                continue
            # "in Halle" on the noun, or on its verb right after it ("stormed the synagogue in Halle")
            verbs = [a.head for a in sentence.head_arcs(token.i) if a.label == "obj" and a.head >= 0]
            places = [a.dep for a in sentence.child_arcs(token.i) if a.label in ("nmod:in", "nmod:at")]
            places += [a.dep for v in verbs for a in sentence.child_arcs(v) if a.label in ("obl:in", "obl:at")
                       and sentence.subtree(a.dep).start == token.i + 1]
            where = next((k for d in places if (k := self._proposal_at(sentence, d)) is not None
                          and self.proposals[k].kind in ("Place", "State")), None)
            if where is None:
                dets = {sentence.tokens[d].lemma for d in sentence.children(token.i, "det")}
                before = next((m.proposal for m in reversed(self.mentions) if m.how == "venue"
                               and self.proposals[m.proposal].head == token.lemma), None)
                if dets == {"the"} and before is not None:  # "the synagogue", after "the synagogue in Halle"
                    self._mention(sentence, token.i, token.i + 1, before, "venue")
                continue
            name = f"{token.text} in {self.proposals[where].name}"
            key = self._new(name, "Place", f"a building or a site a named place sets apart (“{name}”)", 0.5,
                            head=token.lemma)
            self._mention(sentence, token.i, token.i + 1, key, "venue")

    @staticmethod
    def _did(sentence: Sentence, i: int) -> bool:
        """Whether a bare plural is the subject of a verb in the past ("Gunmen opened fire",
        "extremists had plans"): some who did it, not a kind of people ("militants often use it")."""
        return any(a.head >= 0 and sentence.tokens[a.head].pos == "VBD"
                   or a.head >= 0 and any(sentence.tokens[x].pos == "VBD" for x in sentence.children(a.head, "aux"))
                   for a in sentence.head_arcs(i) if a.label in ("nsubj", "nsubj:pass"))

    # --- the whole article ------------------------------------------------------------------------
    def coreference(self) -> None:
        """Pronouns and descriptions the NLP server links to an earlier mention take its entity."""
        by_head: dict[tuple[int, int], str] = {}
        for mention in self.mentions:
            for i in range(mention.first, mention.end):
                by_head.setdefault((mention.sentence, i), mention.proposal)
        for chain in self.doc.chains:
            owner = next((by_head[(link.sentence, link.head)] for link in chain
                          if (link.sentence, link.head) in by_head), None) or self._named_beside(by_head, chain[0])
            if owner is None:
                continue
            proposal = self.proposals[owner]
            last = -1                             # the sentence of the chain's last link
            previous = (-1, -1)                   # where the chain's last link is
            redirected: tuple[int, str] | None = None  # a pronoun given another entity, and its sentence
            for link in chain:
                if (link.sentence, link.head) in by_head or link.type not in ("PRONOMINAL", "NOMINAL", "PROPER"):
                    last, previous = link.sentence, (link.sentence, link.head)
                    continue
                sentences = self.doc.sentences
                if link.sentence >= len(sentences) or sentences[link.sentence].index != link.sentence \
                        or self._in_dateline(sentences[link.sentence].tokens[link.head]):
                    continue  # (not "PARIS, 30 June –", linked to "the Paris court": where it was filed)
                if link.type == "PRONOMINAL" and link.text.casefold() in _REFLEXIVES:
                    continue  # its own clause's subject ("Brahim blew himself up", linked to his brother)
                if link.type == "NOMINAL" and self._named_between(owner, link, previous):
                    continue  # "the Wagner Group … JNIM stepped up attacks. The group claimed": JNIM (descriptions)
                if link.type == "NOMINAL" and self._named_in_apposition(by_head, owner, link):
                    continue  # "Italy's interior minister, Marco Minniti", linked to Germany's: Minniti
                if link.type == "NOMINAL" and self._of_another_state(owner, link):
                    continue  # "the Iranian state", linked by its head word to "Belgium's State Security Service"
                if link.type == "PROPER" and proposal.kind != "Event":
                    told = self.lexicon.kind_of_name(link.text.split())
                    if told is not None and told != proposal.kind:
                        continue  # "the Higher Regional Court", linked to an intelligence directorate: another body
                    proposal.add_alias(link.text)
                taken = owner
                if link.type == "PRONOMINAL" and (parallel := self._parallel_subject(link)) is not None:
                    taken = parallel  # "said that Iran had planned it and that it had armed them": Iran
                elif link.type == "PRONOMINAL" and redirected is not None and redirected[0] == link.sentence:
                    taken = redirected[1]  # "He denounced X, whom he blamed": as the pronoun before
                elif link.type == "PRONOMINAL" and last < link.sentence - 1:
                    taken = self._continued_subject(link) or owner
                    redirected = (link.sentence, taken) if taken != owner else None
                self.mentions.append(Mention(link.sentence, link.head, link.head + 1, taken, "reference"))
                by_head[(link.sentence, link.head)] = taken
                last, previous = link.sentence, (link.sentence, link.head)

    def _named_between(self, owner: str, link: CorefMention, previous: tuple[int, int]) -> bool:
        """Whether a description ("the group") that coreference links to ``owner`` has another
        organisation its words fit named between the chain's last link and it: the NLP server
        links "the group" to a name with "Group" in it over a group named since."""
        words = link.text.casefold().split()
        if words[-1:] in (["'s"], ["'"], ["’s"]):
            words = words[:-1]  # "the group's chief spokesman"
        kinds = self.lexicon.descriptions.get(words[-1]) if len(words) == 2 and words[0] == "the" else None
        if kinds is None:
            return False
        return any(m.proposal != owner and m.how != "reference" and self.proposals[m.proposal].kind in kinds
                   and previous < (m.sentence, m.first) < (link.sentence, link.head) for m in self.mentions)

    def _of_another_state(self, owner: str, link: CorefMention) -> bool:
        """Whether a description that coreference links to ``owner`` names a state by its name or
        demonym, and ``owner`` is of another state: it is no description of that entity."""
        own = self.proposals[owner].state
        named = {entry.name for _, _, entry in self.lexicon.states_in(link.text.split())}
        return own is not None and bool(named) and own.name not in named

    def _named_in_apposition(self, by_head: dict[tuple[int, int], str], owner: str, link: CorefMention) -> bool:
        """Whether a description that coreference links to ``owner`` has the name of another entity
        in apposition: the name says who it is (the NLP server links descriptions by their head
        words, "Italy's interior minister" to "Germany's interior minister")."""
        if link.sentence >= len(self.doc.sentences):
            return False
        beside = self.doc.sentences[link.sentence].appositives(link.head)
        return any(by_head.get((link.sentence, i), owner) != owner for i in beside)

    def _named_beside(self, by_head: dict[tuple[int, int], str], first: CorefMention) -> str | None:
        """A chain that names no entity, begun by a description in apposition to a name, is the
        name's: "the Azov Brigade, a volunteer unit, and its founder" links "its" to "a volunteer
        unit", which is the brigade. Only its first link: a description after pronouns was joined
        to them by the NLP server (a client's "he" and "his lawyer, X" in one chain)."""
        if first.type != "NOMINAL" or first.sentence >= len(self.doc.sentences):
            return None
        beside = self.doc.sentences[first.sentence].appositives(first.head)
        return next((by_head[(first.sentence, i)] for i in beside if (first.sentence, i) in by_head), None)

    def _parallel_subject(self, link: CorefMention) -> str | None:
        """"…that Iran had been involved in planning the attacks and that it had supplied the group":
        a subject pronoun of a clause joined by "and" to one whose subject is named is that subject,
        when it fits the pronoun ("it" no person, "he" and "she" a person)."""
        sentence = self.doc.sentences[link.sentence]
        word = link.text.casefold()
        if word not in ("it", "he", "she"):
            return None
        for clause in [a.head for a in sentence.head_arcs(link.head) if a.label.startswith("nsubj")]:
            for first in [a.head for a in sentence.head_arcs(clause) if a.label.startswith("conj") and a.head < clause]:
                for subject in (d for a in sentence.child_arcs(first) if a.label.startswith("nsubj") for d in [a.dep]):
                    key = next((m.proposal for m in self.mentions if m.sentence == sentence.index
                                and m.first <= subject < m.end and m.how != "reference"), None)
                    if key is not None and (self.proposals[key].kind == "Person") == (word != "it"):
                        return key
        return None

    def _continued_subject(self, link: CorefMention) -> str | None:
        """"Prigozhin was locked in a feud with the ministry. He denounced …": a personal pronoun
        that is a sentence's subject continues the previous sentence's subject, a person, when the
        chain CoreNLP gives it reaches further back (to a Putin named three sentences before)."""
        sentence = self.doc.sentences[link.sentence]
        if link.sentence == 0 or link.text.casefold() not in ("he", "she") \
                or not any(a.label.startswith("nsubj") for a in sentence.head_arcs(link.head)):
            return None
        before = self.doc.sentences[link.sentence - 1]
        for root in [a.dep for a in before.basic if a.head < 0]:
            for subject in before.children(root, "nsubj"):
                key = self._proposal_at(before, subject)
                if key is not None and self.proposals[key].kind == "Person":
                    return key
        return None

    def descriptions(self) -> None:
        """"the group", "the movement" that coreference left unlinked: the organisation of a kind
        the description fits (``descriptions`` of the lexicon) named last, in the sentence or the
        two before."""
        taken = {(m.sentence, i) for m in self.mentions for i in range(m.first, m.end)}
        for sentence in self.doc.sentences:
            for token in sentence.tokens:
                kinds = self.lexicon.descriptions.get(token.lemma)
                # "the group", and "his agency" (a possessive pronoun: whose it is, coreference says)
                if kinds is None or not token.noun or (sentence.index, token.i) in taken \
                        or not any(a.label == "det" and sentence.tokens[a.dep].lemma == "the"
                                   or a.label == "nmod:poss" and sentence.tokens[a.dep].pos == "PRP$"
                                   for a in sentence.child_arcs(token.i)):
                    continue
                before = [m for m in self.mentions if self.proposals[m.proposal].kind in kinds
                          and (sentence.index - _DESCRIPTION_REACH <= m.sentence < sentence.index
                               or m.sentence == sentence.index and m.end <= token.i)]
                if before:
                    last = max(before, key=lambda m: (m.sentence, m.first))
                    self.mentions.append(Mention(sentence.index, token.i, token.i + 1, last.proposal, "reference"))

    def seats(self) -> None:
        """"the Kremlin", "the White House" (``seats`` of the lexicon): a body its name makes a state's
        is that state's (a denial it makes answers a claim about the state's bodies)."""
        fallback = self.lexicon.fallback_kind
        for proposal in self.proposals.values():
            entry = self.lexicon.seats.get(name_key(proposal.name))
            if entry is None or proposal.kind not in self.lexicon.body_kinds | {fallback}:
                continue
            if proposal.guessed or proposal.kind == fallback:
                proposal.kind, proposal.guessed = self.lexicon.seat_kind, False
            proposal.state = entry

    def titles(self) -> None:
        """"the crown prince", "the president": the person last named with that title before their
        name ("Crown Prince Mohammed bin Salman"), when coreference left it unlinked or linked it to
        a person never given that title ("the journalist Omar Haddad, a former adviser to Crown Prince
        Faisal bin Turki" … "the crown prince": Haddad, by the head of the whole phrase). A title with
        words of its own ("the Russian president", "the former president") is left alone."""
        at = {(m.sentence, i): m for m in self.mentions for i in range(m.first, m.end)}
        titled: list[tuple[int, int, str, str]] = []  # (sentence, token, title, person) in text order
        for mention in sorted(self.mentions, key=lambda m: (m.sentence, m.first)):
            sentence = self.doc.sentences[mention.sentence]
            first = mention.first
            while first > 0 and sentence.tokens[first - 1].ner == "TITLE":
                first -= 1
            if first < mention.first and self.proposals[mention.proposal].kind == "Person":
                titled.append((mention.sentence, first, _title(sentence.tokens[first:mention.first]),
                               mention.proposal))
        for sentence in self.doc.sentences:
            for token in sentence.tokens:
                if token.ner != "TITLE" or not token.noun:
                    continue
                words = sentence.children(token.i)
                first = min([d for d in words if sentence.tokens[d].ner == "TITLE"] + [token.i])
                if [sentence.tokens[d].lemma for d in words if d < first] != ["the"] \
                        or any(sentence.tokens[k].ner != "TITLE" for k in range(first, token.i)) \
                        or sentence.children(token.i, "nmod") \
                        or token.i + 1 < len(sentence.tokens) and sentence.tokens[token.i + 1].ner == "PERSON":
                    continue  # "the Russian president", "the president of Russia", "the president Joe Biden"
                title = _title(sentence.tokens[first:token.i + 1])
                before = [person for s, i, t, person in titled if t == title and (s, i) < (sentence.index, first)]
                linked = at.get((sentence.index, token.i))
                if not before or linked is not None and (
                        linked.how != "reference" or self.proposals[linked.proposal].kind != "Person"
                        or any(person == linked.proposal for _, _, t, person in titled if t == title)):
                    continue
                if linked is not None:
                    self.mentions.remove(linked)
                self.mentions.append(Mention(sentence.index, first, token.i + 1, before[-1], "reference"))

    def merge_same_ids(self) -> None:
        """Two proposals that became one graph node ("FSB" and "Federal Security Service") are one."""
        owner: dict[str, str] = {}
        for key, proposal in list(self.proposals.items()):
            first = owner.setdefault(proposal.id, key)
            if first != key:
                self._merge(key, into=first)

    def merge_other_names(self) -> None:
        """Two new proposals of one kind that are one name in two forms are one: a spelling of the
        variant table ("Federal Security Service" and "FSB"), or an acronym of the other's initials,
        whichever the text tells first ("The FBI sent agents … the Federal Bureau of Investigation";
        an acronym after its name in brackets is read as it comes, by ``_named_before``). People and
        events are left apart: a surname or a head noun says more of them than a spelling can."""
        seen: dict[tuple[str, str], str] = {}  # (kind, name key) -> the proposal first mentioned with it
        for key, proposal in sorted(self.proposals.items(), key=lambda item: item[1].first):
            if proposal.first < 0 or proposal.known is not None or proposal.kind in ("Person", "Event"):
                continue
            # (by its name alone: an alias may be a guess, as "Isis" for "Isis-Khorasan" is)
            keys = self.lexicon.variant_keys(name_key(proposal.name))
            if len(proposal.name.split()) > 1 and _acronym(initials := _initials(proposal.name)):
                keys.add(name_key(initials))
            into = next((seen[(proposal.kind, k)] for k in sorted(keys) if (proposal.kind, k) in seen), None)
            if into is not None:  # (never one merged away: those are not kept in `seen`)
                self._merge(key, into=into)
                continue
            seen.update({(proposal.kind, k): key for k in keys})

    def _merge(self, key: str, *, into: str) -> None:
        """The proposal ``key`` is ``into``: its names become aliases, its mentions ``into``'s."""
        kept, proposal = self.proposals[into], self.proposals[key]
        for name in (proposal.name, *proposal.aliases):
            kept.add_alias(name)
        if proposal.first >= 0 and (kept.first < 0 or proposal.first < kept.first):
            kept.first = proposal.first
        del self.proposals[key]
        self.merged[key] = into
        self.merged.update({k: into for k, v in self.merged.items() if v == key})
        self.mentions = [Mention(m.sentence, m.first, m.end, into, m.how) if m.proposal == key else m
                         for m in self.mentions]
        self.event_mentions = [(i, into if k == key else k) for i, k in self.event_mentions]
        self.capitals = {c: into if s == key else s for c, s in self.capitals.items() if c != key}

    def _known_as(self, sentence: Sentence) -> None:
        """"Islamic State Khorasan Province, known as ISIS-K", "the Internal Security Service, known by
        its Estonian initials KAPO": the name after "known as/by" is another name of the one before.
        A name whose kind was only guessed takes the other's; two names of different kinds stay two."""
        for token in sentence.tokens:
            if token.lemma != "know" or token.pos != "VBN":
                continue
            heads = [a.head for a in sentence.head_arcs(token.i) if a.label == "acl" and a.head >= 0]
            # the name right before ", known as" when the parser hung it elsewhere: on the title the
            # name is in apposition to, or on the verb ("the group's leader, Mohamed Hamdan Dagalo,
            # known as Hemedti")
            before = [token.i - 2] if token.i > 1 and sentence.tokens[token.i - 1].text == "," else []
            named = [k for i in [*heads, *before] if (k := self._proposal_at(sentence, i)) is not None]
            other = [a.dep for a in sentence.child_arcs(token.i) if a.label in ("obl:as", "obl:by")]
            if not (heads or before) or not other:
                continue
            into, key = (named[0] if named else None), self._proposal_at(sentence, other[0])
            if into is not None and key is None:  # a name the NLP server did not tag: "initials KAPO"
                first = other[0]
                while first > 0 and (sentence.tokens[first - 1].text[:1].isupper()
                                     or sentence.tokens[first - 1].text in ("-", "–")) \
                        and any(a.head == other[0] for a in sentence.head_arcs(first - 1)):
                    first -= 1
                if sentence.tokens[first].text[:1].isupper() and self._free(sentence, first, other[0] + 1):
                    self.proposals[into].add_alias(self._surface(sentence, first, other[0] + 1))
                    self._mention(sentence, first, other[0] + 1, into, "name")
                continue
            if into is None or key is None or into == key or key not in self.proposals:
                continue
            named_first, named_second = self.proposals[into], self.proposals[key]
            if named_first.kind != named_second.kind and not named_second.guessed:
                continue
            self._merge(key, into=into)

    def _named_bodies(self, sentence: Sentence) -> None:
        """"Sweden's security service, Sapo", "Sapo, Sweden's security service", "The GUR is
        Ukraine's military intelligence agency": a state's body and a name in apposition to it, or
        the subject a copula says it is, are one entity, under the name and of the body's kind
        (CoreNLP tags such a name a person, or a guess), unless the graph gives the name another kind.
        So is a body the NLP server named ("Sweden's Security Service, Säpo"), with a name it took
        for a person's or whose kind was a guess (never two names: "the CIA, the FBI")."""
        for mention in [m for m in self.mentions if m.sentence == sentence.index and m.how in ("body", "name")]:
            body = mention.proposal
            if body not in self.proposals or self.proposals[body].kind in NOT_ORGANISATIONS \
                    or mention.how == "name" and self.proposals[body].kind not in self.lexicon.body_kinds:
                continue
            head = mention.first if mention.how == "body" else sentence.head_of(mention.first, mention.end)
            subjects = sentence.children(head, "nsubj") if sentence.children(head, "cop") else []
            for i in [*sentence.appositives(head), *subjects]:
                key = self._proposal_at(sentence, i)
                if key is None or key == body or key not in self.proposals \
                        or not (sentence.tokens[i].pos.startswith("NNP") or _acronym(sentence.tokens[i].text)):
                    continue
                named, described = self.proposals[key], self.proposals[body]
                misread = named.guessed or named.kind == "Person" and " " not in named.name.strip()
                if mention.how == "name" and not misread:
                    continue  # "Sweden's Security Service, Säpo" (a person to CoreNLP), never "the CIA, the FBI"
                if named.kind != described.kind and (named.known is not None or not misread):
                    continue
                if named.known is None:
                    named.kind, named.guessed, named.state = described.kind, False, described.state
                    named.how += f"; {described.name}, in apposition"
                self._merge(body, into=key)
                break

    def resolve_new(self) -> None:
        """Give ids: a new proposal whose name (or a variant) the graph knows becomes that node;
        other new ones get an id of their own that no other node has."""
        new = [p for p in self.proposals.values() if p.known is None and not p.candidates]
        keys: set[str] = set()
        for proposal in new:
            for name in (proposal.name, *proposal.aliases):
                keys |= self.lexicon.variant_keys(name_key(name))
        missing = keys - set(self.known)
        found = self.gazetteer.lookup(missing) if missing else {}
        found.update({k: v for k, v in self.known.items() if k in keys})
        for proposal in new:
            hits: dict[str, Known] = {}
            for name in (proposal.name, *proposal.aliases):
                for key in self.lexicon.variant_keys(name_key(name)):
                    for hit in found.get(key, []):
                        if hit.kind == proposal.kind:
                            hits[hit.id] = hit
            if len(hits) == 1:
                (hit,) = hits.values()
                proposal.known = hit
                proposal.how += f"; the graph has it as {hit.label()}"
                proposal.confidence = max(proposal.confidence, 0.8)
            elif len(hits) > 1:
                proposal.candidates = sorted(hits.values(), key=lambda h: h.id)
                proposal.how += "; its names match several entities in the graph: " + "; ".join(
                    h.label() for h in proposal.candidates) + "; never merged: set the id to one of them"
                proposal.confidence = min(proposal.confidence, 0.3)
        wanted = {}
        for proposal in self.proposals.values():
            if proposal.known is not None:
                proposal.id = proposal.known.id
                if name_key(proposal.name) != name_key(proposal.known.name):
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
