"""Candidate relations: the predicate lexicon matched against each sentence's dependency parse.

A word whose lemma ``extract/predicates.yaml`` lists (a verb, a noun, or an entity of a listed
kind) is a predicate; its subject and object are the entities found along the entry's paths
(``nsubj``, ``obl:agent``, ``^appos``, …), each conjunct of a coordination counting on its own.
A candidate is kept only when the ontology allows the kinds of its ends, the two ends differ and
the predicate is not negated ("did not attack"; such a candidate is kept only as a denial by the
party that says it, see :mod:`extract.attribution`). A capital where the type needs an actor is
taken as its state ("Moscow accused Kyiv"), as news writes it.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from extract.entities import NOT_ORGANISATIONS, Mention, Proposal, Recognition, acted_for
from extract.lexicon import Leader, Lexicon, StateEntry, get_lexicon
from extract.nlp.document import Annotated, Sentence, Token
from extract.predicates import Entry, Predicates, Route, parse_step
from graph.names import name_key
from graph.ontology import Ontology

__all__ = ["Candidate", "accusing_verbs", "find_relations", "follow", "sides_of"]

# Words of a title that say nothing of the office ("Secretary of State"), and those of a deputy's
_TITLE_FILLERS = frozenset({"of", "the", "for", "and", "'s"})
_NOT_HEAD = frozenset({"deputy", "vice", "assistant", "under", "former", "acting", "junior", "shadow"})


#: The NLP server's tags for a word that names a city or a region, not a state.
_CITY_NER = frozenset({"CITY", "STATE_OR_PROVINCE", "LOCATION"})


@dataclass
class Candidate:
    """A relation the draft proposes."""

    subject: str          # proposal keys
    type: str
    object: str
    sentence: int
    start: int            # the quote: a span of the text
    end: int
    predicate: int        # the predicate's token index in its sentence
    how: str
    confidence: float
    status: str = "reported"
    asserted_by: str | None = None
    denies: Candidate | None = None
    date: str | None = None
    negated: bool = False   # "did not attack": kept only as a denial by whoever says it
    through_event: str | None = None  # said of this event, so of those who carried it out
    by_name: bool = False   # what a name says ("Russian intelligence" is Russia's): the text's, said by no one
    notes: list[str] = field(default_factory=list)
    # What this relation tells of its ends, made true only if it is kept (settle_ends): the kind an
    # end whose kind was guessed must have ("Meta, which owns Facebook": a company), and the name
    # of a capital that stood for its state ("Kiev said").
    retype: tuple[str, str] | None = None   # (proposal key, kind)
    aliases: tuple[tuple[str, str], ...] = ()  # (proposal key, name)

    @property
    def triple(self) -> tuple[str, str, str]:
        return self.subject, self.type, self.object


#: An allowed pair: subject, object, the kind an end must take (or None), the names its ends gain.
_Allowed = tuple[str, str, tuple[str, str] | None, tuple[tuple[str, str], ...]]


def sides_of(candidates: Iterable[Candidate], predicates: Predicates) -> dict[str, set[str]]:
    """Each party that ``candidates`` make another's own (``own_parties``: part of it, working for
    it, leading it …), with itself and those it belongs to: one side of anything said.

    >>> c = Candidate("police", "PART_OF", "italy", 0, 0, 0, 0, "", 1.0)
    >>> sorted(sides_of([c], Predicates(own_parties=frozenset({"PART_OF"})))["police"])
    ['italy', 'police']
    """
    sides: dict[str, set[str]] = {}
    for c in candidates:
        if c.type in predicates.own_parties:
            sides.setdefault(c.subject, {c.subject}).add(c.object)
    return sides


def settle_ends(candidates: list[Candidate], proposals: dict[str, Proposal], ontology: Ontology) -> list[Candidate]:
    """The kept candidates, in order, with what each tells of its ends applied: a guessed kind takes
    the kind the first relation needs ("Meta, which owns Facebook": a company); a later relation
    that needs another kind of it is dropped. Run once the candidates that cannot stand are gone,
    so that a dropped one ("did not own") changes nothing."""
    out = []
    for candidate in candidates:
        if candidate.retype is not None:
            key, kind = candidate.retype
            proposal = proposals[key]
            if proposal.guessed:
                proposal.kind, proposal.guessed = kind, False
                proposal.how += f"; a {kind}, as “{candidate.type}” needs"
            elif not ontology.allows(candidate.type, proposals[candidate.subject].kind,
                                     proposals[candidate.object].kind):
                continue
        for key, name in candidate.aliases:
            proposals[key].add_alias(name)
        out.append(candidate)
    return out


def follow(sentence: Sentence, start: int, route: Route) -> list[int]:
    """The tokens a path leads to from ``start``.

    >>> from extract.nlp.document import Arc, Token
    >>> words = "Bortnikov , head of FSB".split()
    >>> tokens = [Token(i, w, w.lower(), "NN", "O", 0, 0) for i, w in enumerate(words)]
    >>> arcs = [Arc(0, 2, "appos"), Arc(2, 4, "nmod:of")]
    >>> s = Sentence(0, tokens, arcs, arcs, [])
    >>> follow(s, 2, ("^appos",)), follow(s, 2, ("nmod:of",)), follow(s, 2, (".",))
    ([0], [4], [2])
    >>> follow(s, 2, ("nmod:of(fsb)",)), follow(s, 2, ("nmod:of(cia|nsa)",))
    ([4], [])
    """
    here = [start]
    for step in route:
        if step == ".":
            continue
        step, lemmas = parse_step(step)
        if step.startswith("^"):
            here = [_appos_head(sentence, h, t) if step == "^appos" else h
                    for t in here for h in sentence.heads(t, step[1:])]
        else:
            here = [d for t in here for d in sentence.children(t, step)]
        if lemmas is not None:
            here = [t for t in here if sentence.tokens[t].lemma in lemmas]
    return here


def accusing_verbs(sentence: Sentence, predicates: Predicates, deed: int) -> list[int]:
    """The verbs that take an accusing noun (``accusing_nouns``) the ``deed`` is "of": "arrested two
    men on suspicion of spying", "detained X on charges of plotting attacks" (the gerund an
    ``advcl:of``). Their object is who is suspected of the deed, their subject who suspects them."""
    nouns = [a.head for a in sentence.head_arcs(deed) if a.label in ("nmod:of", "advcl:of") and a.head >= 0
             and sentence.tokens[a.head].lemma in predicates.accusing_nouns and sentence.tokens[a.head].noun]
    return [a.head for noun in nouns for a in sentence.head_arcs(noun)
            if a.head >= 0 and a.label.startswith("obl") and sentence.tokens[a.head].verb]


def _appos_head(sentence: Sentence, head: int, appositive: int) -> int:
    """What an apposition describes: the parser hangs "the chief of C" in "A and B, the chief of
    C," on A, the first conjunct; it is B's, the conjunct just before it."""
    return max([c for c in sentence.children(head, "conj") if head < c < appositive], default=head)


def _most_specific(sentence: Sentence, found: list[tuple[int, Entry, Candidate]]) -> Iterable[Candidate]:
    """The sentence's candidates (each with the token that said it), less those an entry that needs a
    dependent says better about the same two ends, on its word or, for a noun, on that dependent:
    "prime minister" (LEADS) rather than "minister" (WORKS_FOR); "Secretary-General" (LEADS) rather
    than "Secretary" (WORKS_FOR) when the parser makes "General" the head. (A verb's dependent is a
    word of its own: "passed the warning to Moscow" shares intelligence, and warns.)"""
    specific: dict[int, set[tuple[str, str]]] = {}
    for i, entry, candidate in found:
        if entry.with_:
            words = {i} if entry.verb else {i} | {a.dep for a in sentence.child_arcs(i)
                                                  if sentence.tokens[a.dep].lemma in entry.with_}
            for word in words:
                specific.setdefault(word, set()).add((candidate.subject, candidate.object))
    for i, entry, candidate in found:
        if entry.with_ or (candidate.subject, candidate.object) not in specific.get(i, set()):
            yield candidate


def find_relations(doc: Annotated, recognition: Recognition, predicates: Predicates,
                   ontology: Ontology, lexicon: Lexicon | None = None) -> list[Candidate]:
    """Every candidate relation of the article, in text order."""
    finder = _Finder(doc, recognition, predicates, ontology, lexicon or get_lexicon())
    out: list[Candidate] = []
    for sentence in doc.sentences:
        out.extend(finder.sentence(sentence))
    return _through_events(doc, out, recognition, predicates, ontology)


def _through_events(doc: Annotated, found: list[Candidate], recognition: Recognition, predicates: Predicates,
                    ontology: Ontology) -> list[Candidate]:
    """A relation said of an event is said of those who carried it out ("condemned the strikes"
    criticises who struck), as the draft found them anywhere in the text, never by a denial ("X
    denied any involvement in the attacks. The United States condemned the attacks" criticises no
    X); with none, it is dropped."""
    actors: dict[str, list[str]] = {}
    for c in found:
        sentence = doc.sentences[c.sentence]
        if c.type == predicates.event_actor and not c.negated and c.through_event is None \
                and not any(sentence.tokens[h].lemma in predicates.denial_verbs for h in sentence.heads(c.predicate)):
            actors.setdefault(c.object, []).append(c.subject)
    out = []
    for c in found:
        if c.through_event is None:
            out.append(c)
            continue
        for actor in dict.fromkeys(actors.get(c.object, [])):
            if actor != c.subject and ontology.allows(c.type, recognition.proposals[c.subject].kind,
                                                      recognition.proposals[actor].kind):
                event = recognition.proposals[c.object].name
                out.append(replace(c, object=actor, through_event=c.object,
                                   how=f"{c.how}; said of {event}, which {recognition.proposals[actor].name} "
                                       f"carried out", confidence=c.confidence - 0.1))
    return out


class _Finder:
    def __init__(self, doc: Annotated, recognition: Recognition, predicates: Predicates, ontology: Ontology,
                 lexicon: Lexicon):
        self.doc = doc
        self.lexicon = lexicon
        self.rec = recognition
        self.predicates = predicates
        self.ontology = ontology
        self.capitals = recognition.capitals
        self.led: dict[str, str] = {}  # a person's proposal key -> the state a leader's title says they lead
        self.last: dict[str, Candidate] = {}  # the last candidate of each type, as found
        # the lexicon's state each State proposal is (new, or the graph's node by its name)
        self.states_by_entry: dict[StateEntry, list[str]] = {}
        for key, proposal in recognition.proposals.items():
            if proposal.kind == "State" and (
                    state := proposal.state or lexicon.state(proposal.name)) is not None:
                self.states_by_entry.setdefault(state, []).append(key)
        self.mentions_in: dict[int, list[Mention]] = {}  # each sentence's mentions
        for mention in recognition.mentions:
            self.mentions_in.setdefault(mention.sentence, []).append(mention)
        self.offers: list[Candidate] = []  # what the text told offered or passed on, in text order
        self.owned: list[Candidate] = []  # who is part of, works for, leads … whom (own_parties), as found

    def sentence(self, sentence: Sentence) -> Iterable[Candidate]:
        kinds_at: dict[int, str] = {}
        for (index, position), key in self.rec.tokens.items():
            if index == sentence.index:
                kinds_at.setdefault(position, key)
        offices = list(self._titled_offices(sentence))
        held = {(c.subject, c.object) for c in offices}  # "Energy Secretary X" leads it, not only works for it
        found = []
        for token in sentence.tokens:
            for entry, how in self._entries(sentence, token, kinds_at):
                for candidate in self._match(sentence, token, entry, how):
                    found.append((token.i, entry, candidate))
                    if not candidate.negated:
                        self.last[candidate.type] = candidate
                    if candidate.type in self.predicates.offering_types:
                        self.offers.append(candidate)
                    if candidate.type in self.predicates.own_parties:
                        self.owned.append(candidate)
        yield from (c for c in _most_specific(sentence, found) if (c.subject, c.object) not in held)
        yield from offices
        yield from self._set_off_places(sentence)
        yield from self._named_nationals(sentence)

    def _named_nationals(self, sentence: Sentence) -> Iterable[Candidate]:
        """"two Kazakhs", "all Americans": people named by their nationality are the state's
        nationals, by their name (``named_nationality``)."""
        type_name = self.predicates.named_nationality
        for mention in self.mentions_in.get(sentence.index, ()):
            group = self.rec.proposals[mention.proposal]
            last = sentence.tokens[mention.end - 1]
            if group.kind != "PersonGroup" or group.state is None \
                    or not group.state.is_demonym(last.text):
                continue
            state = self._state_proposal(group.state)
            if state is not None and self.ontology.allows(type_name, group.kind, "State"):
                yield Candidate(mention.proposal, type_name, state, sentence.index, sentence.start, sentence.end,
                                mention.end - 1, f"people named “{last.text}” in sentence {sentence.index + 1}",
                                0.6, by_name=True)

    def _set_off_places(self, sentence: Sentence) -> Iterable[Candidate]:
        """"Kaluga, in western Russia", "struck the Stade de France in Saint-Denis": a place that
        "in" another place follows, with or without a comma, lies in it, wherever the parser hangs
        the "in" (``set_off_place``)."""
        tokens = sentence.tokens
        for mention in self.mentions_in.get(sentence.index, ()):
            end = mention.end
            comma = end < len(tokens) and tokens[end].text == ","
            if end + comma + 1 >= len(tokens) \
                    or tokens[end + comma].lemma != "in":
                continue
            after = end + comma + 1
            while after < len(tokens) and tokens[after].pos.startswith("JJ"):
                after += 1  # "western", "south-eastern"
            outer = self.rec.at(sentence.index, after) if after < len(tokens) else None
            inner = mention.proposal
            if outer is None or outer == inner or self.rec.proposals[inner].kind != "Place":
                continue
            type_name = self.predicates.set_off_place
            if self.ontology.allows(type_name, "Place", self.rec.proposals[outer].kind):
                yield Candidate(inner, type_name, outer, sentence.index, sentence.start, sentence.end, end + comma,
                                f"“{tokens[mention.first].text}{',' * comma} in …” in sentence {sentence.index + 1}",
                                0.6)

    def _titled_offices(self, sentence: Sentence) -> Iterable[Candidate]:
        """"Defence Minister Sergei Shoigu" where the text names the Ministry of Defence: the title's
        words name the body whose office the person holds (``titled_offices``). "President Joe
        Biden" where the text names the United States: a leader's title before the name of someone
        who held it there (``leaders.yaml``) says they lead it."""
        for mention in self.mentions_in.get(sentence.index, ()):
            if self.rec.proposals[mention.proposal].kind != "Person":
                continue
            appositive = list(self._leader_in_apposition(sentence, mention))
            if appositive:
                yield from appositive
                continue
            # on the head, or on a word of the name ("Supreme Leader" on "Ayatollah Ali Khamenei")
            titles = [d for i in range(mention.first, mention.end) for d in sentence.children(i, "compound")
                      if d < mention.first]
            if not titles:
                continue
            first = min(sentence.subtree(d).start for d in titles)
            words = {t.text.casefold() for t in sentence.tokens[first:mention.first]} - _TITLE_FILLERS
            if words & _NOT_HEAD:
                continue
            title = self.doc.text[sentence.tokens[first].start:sentence.tokens[mention.first - 1].end]
            if (led := self._titled_leader(sentence, mention, words, f"the title “{title}”", mention.first)):
                yield led
                continue
            held = False
            for office in self.predicates.titled_offices:
                rest = words - office.roles
                if rest == words or not rest:
                    continue
                bodies = [key for key, p in self.rec.proposals.items()
                          if p.kind not in NOT_ORGANISATIONS and p.first >= 0
                          and any(rest <= (names := set(name_key(n).split())) and names & office.bodies
                                  for n in (p.name, *p.aliases))]
                if len(bodies) == 1 and self.ontology.allows(office.type, "Person", self.rec.proposals[bodies[0]].kind):
                    held = True
                    yield Candidate(mention.proposal, office.type, bodies[0], sentence.index, sentence.start,
                                    sentence.end, mention.first, f"the title “{title}” in sentence "
                                    f"{sentence.index + 1} names {self.rec.proposals[bodies[0]].name}", 0.6)
            # "Foreign Minister Sergei Lavrov" where the text names no foreign ministry: the state
            if not held and (served := self._titled_official(sentence, mention, words, f"the title “{title}”",
                                                             mention.first)):
                yield served

    def _leader_in_apposition(self, sentence: Sentence, mention: Mention) -> Iterable[Candidate]:
        """"The Prime Minister, Theresa May, told Parliament", "Binali Yildirim, the prime minister at
        the time": a leader's title in apposition, as before the name (``leaders.yaml``)."""
        head = sentence.head_of(mention.first, mention.end)
        for d in [*sentence.children(head, "appos"), *sentence.heads(head, "appos")]:
            if self.rec.at(sentence.index, d) not in (None, mention.proposal):
                continue  # another name, not a title
            words = {sentence.tokens[t].text.casefold()
                     for t in [d, *sentence.children(d, "compound"), *sentence.children(d, "amod")]}
            said = f"the title “{sentence.tokens[d].text}” in apposition"
            if not words & _NOT_HEAD and (led := self._titled_leader(sentence, mention, words, said, d)
                                          or self._titled_official(sentence, mention, words, said, d)):
                yield led
                return

    def _titled_leader(self, sentence: Sentence, mention: Mention, title: set[str], said: str,
                       predicate: int) -> Candidate | None:
        """The person of ``mention`` leads the state the text names, if a title with these words is
        one they held there (``leaders.yaml``); they then stand for it (``led``)."""
        led = self._state_led(mention.proposal, title)
        if led is None or not self.ontology.allows(self.predicates.titled_leader, "Person", "State"):
            return None
        leader, state = led
        self.led[mention.proposal] = state
        return Candidate(mention.proposal, self.predicates.titled_leader, state, sentence.index, sentence.start,
                         sentence.end, predicate, f"{said} in sentence {sentence.index + 1}, which {leader.name} "
                         f"held in {leader.state.name} (leaders.yaml)", 0.6)

    def _titled_official(self, sentence: Sentence, mention: Mention, title: set[str], said: str,
                         predicate: int) -> Candidate | None:
        """The person of ``mention`` works for the state the text names, if a title with these words
        is one of its offices they held (``officials`` in ``leaders.yaml``)."""
        proposal = self.rec.proposals[mention.proposal]
        official = self.lexicon.official([proposal.name, *proposal.aliases], title)
        state = self._state_proposal(official.state) if official is not None else None
        if official is None or state is None \
                or not self.ontology.allows(self.predicates.titled_official, "Person", "State"):
            return None
        return Candidate(mention.proposal, self.predicates.titled_official, state, sentence.index, sentence.start,
                         sentence.end, predicate, f"{said} in sentence {sentence.index + 1}, which {official.name} "
                         f"held in {official.state.name} (leaders.yaml)", 0.6)

    def _done_by_event_in_view(self, sentence: Sentence, token: Token) -> bool:
        """Whether a verb whose doer the text does not name may be the event's in view ("three teams
        struck the stadium", "the pipelines were ruptured"). Not when a party's own do it ("its air
        defences destroyed 18 drones"), in a sentence dated a year or more back ("X was hit in
        January 2020" is another event), for an -ing form, whose doer is its clause's ("a jet
        crashed, damaging houses"), for an infinitive ("called for X to be destroyed"), nor where
        its subject is a pronoun left unresolved ("they struck two villages": theirs)."""
        subjects = sentence.children(token.i, "nsubj")
        return sentence.index not in self.rec.recalled and token.pos != "VBG" \
            and not any(sentence.tokens[d].lemma == "to" for d in sentence.children(token.i, "mark")) \
            and not any(sentence.tokens[d].pos == "PRP" for d in subjects) \
            and not any(sentence.children(d, "nmod:poss") for d in subjects)

    def _state_led(self, person: str, title: set[str] | None = None) -> tuple[Leader, str] | None:
        """The leader (``leaders.yaml``) a person's proposal is, with a title they held if given, and
        the proposal of the state they led, where the text names it."""
        proposal = self.rec.proposals[person]
        if proposal.kind != "Person":
            return None
        leader = self.lexicon.leader([proposal.name, *proposal.aliases], title)
        if leader is None:
            return None
        state = self._state_proposal(leader.state)
        return (leader, state) if state is not None else None

    def _state_proposal(self, entry: StateEntry) -> str | None:
        """The proposal of the lexicon's state ``entry`` (new, or the graph's node), if the draft has one."""
        states = self.states_by_entry.get(entry, [])
        return states[0] if len(states) == 1 else None

    def _entries(self, sentence: Sentence, token: Token, kinds_at: dict[int, str]) -> Iterable[tuple[Entry, str]]:
        lemma = token.lemma
        if token.verb or token.pos.startswith("JJ"):
            for entry in self.predicates.for_word(lemma, verb=True):
                yield entry, entry.describe(lemma)
        if token.noun or token.pos.startswith("JJ"):  # "SBU chief Vasyl Maliuk": "chief" tagged an adjective
            for entry in self.predicates.for_word(lemma, verb=False):
                yield entry, entry.describe(lemma)
        if token.noun:
            key = kinds_at.get(token.i)
            if key is not None and self._is_head(sentence, token.i, key):
                kind = self.rec.proposals[key].kind
                for entry in self.predicates.by_kind.get(kind, []):
                    yield entry, f"a {kind} and its modifiers"

    def _is_head(self, sentence: Sentence, i: int, key: str) -> bool:
        """The mention's syntactic head, where its modifiers hang: "Ministry" of "Iran's Ministry of
        Intelligence", not its last word."""
        first, end = i, i + 1
        while first > 0 and self.rec.at(sentence.index, first - 1) == key:
            first -= 1
        while self.rec.at(sentence.index, end) == key:
            end += 1
        return i == sentence.head_of(first, end)

    def _match(self, sentence: Sentence, token: Token, entry: Entry, how: str) -> Iterable[Candidate]:
        children = sentence.child_arcs(token.i)
        if entry.with_ and not any(sentence.tokens[a.dep].lemma in entry.with_ for a in children):
            return
        if entry.unless and any(a.label in entry.unless for a in children):
            return
        if entry.unless_modified_by and any(a.label in ("amod", "compound") and sentence.tokens[a.dep].lemma
                                            in entry.unless_modified_by for a in children):
            return
        if entry.particle and not any(a.label == "compound:prt" and sentence.tokens[a.dep].lemma == entry.particle
                                      for a in children):
            return
        negated = self._negated(sentence, token.i)
        # a verb with a subject of its own takes none from the words above it ("…, which killed all 298
        # people", a relative clause the parser hung on "convicted" as dep, is not "convicted X, killing")
        own = token.verb and bool(sentence.children(token.i, "nsubj"))
        routes = tuple(r for r in entry.subject if not (own and r[0].startswith("^")))
        subjects = self._ends(sentence, token.i, routes) or self._accused(sentence, token.i) \
            or self._governing_subject(sentence, token)
        objects = self._ends(sentence, token.i, entry.object)
        # where it happened is no one who did it: "Haniyeh was killed in Tehran", "the assassination of
        # Haniyeh in Tehran" are not Iran's killing ("killed in a drone strike" is the strike's)
        placed = {k for a in sentence.child_arcs(token.i)
                  if a.label.startswith(("obl:", "nmod:")) and a.label.partition(":")[2] in self.predicates.whereabouts
                  for k in [self.rec.at(sentence.index, a.dep)]
                  if k is not None and (self.rec.proposals[k].kind in ("Place", "State") or k in self.capitals)}
        # (unless its subject names it too: "authorities killed two men in Kaluga, in western Russia")
        direct = set(self._ends(sentence, token.i, (("nsubj",),))) if placed and token.verb else set()
        subjects = [s for s in subjects if s not in placed or s in direct]
        subjects = [s for s in subjects if s not in self._done_to_before(sentence, token)]
        if token.pos == "VBG" and any(a.label.split(":")[0] in ("advcl", "dep") for a in sentence.head_arcs(token.i)) \
                and any(self.rec.proposals[s].kind == "Event" for s in subjects):
            # "A suicide attack destroyed the embassy, killing 29 people": the attack the clause tells
            # did it, not what it destroyed (nor who launched it: "launched an attack, killing seven")
            subjects = [s for s in subjects if self.rec.proposals[s].kind == "Event"]
        if token.verb and (agents := self._ends(sentence, token.i, (("obl:agent",),))):
            # a passive's doer is its agent: "nsubj" also reaches "nsubj:pass", who was done to
            # ("Berlin had been warned by Washington about an attack" is no warning of Berlin's)
            done_to = set(self._ends(sentence, token.i, (("nsubj:pass",), ("nsubj:pass:xsubj",)))) - set(agents)
            subjects = [s for s in subjects if s not in done_to]
        if entry.verb and (role := self._participle(sentence, token)) is not None:
            # the noun is reached from the participle, so that a name in apposition to it counts
            # ("Gazprom, the Russian state-controlled energy group")
            if role == "object" and not objects:
                objects = self._ends(sentence, token.i, (("^acl",), ("^amod",)))
                subjects = subjects or self._ends(sentence, token.i, (("obl:by",),)) \
                    or self._hyphened_agent(sentence, token)
            elif role == "subject" and not subjects:
                subjects = self._ends(sentence, token.i, (("^acl",),))
        if entry.implied_subject == "court" and set(subjects) <= set(objects):  # "nsubj" also follows "nsubj:pass"
            court = self.rec.named_before(sentence.index, self.predicates.courts)
            subjects = [court] if court is not None else []
        implied = False
        # "Police arrested 25 people. X was also arrested.": who did it last (in the passive only:
        # "Police officers detained X" is the officers', whoever they are)
        if entry.implied_subject == "last" and objects and set(subjects) <= set(objects) \
                and sentence.children(token.i, "aux:pass") \
                and (last := self.last.get(entry.type)) is not None and sentence.index - 2 <= last.sentence \
                and last.subject not in objects:
            subjects, implied = [last.subject], True
        if entry.implied_subject == "event" and objects and set(subjects) <= set(objects) \
                and self._done_by_event_in_view(sentence, token):
            event = self.rec.event_before(sentence.index)
            if event is not None:
                subjects, implied = [event], True
        if not objects and entry.implied_object == "event" and not self._told(sentence, token.i, entry):
            event = self.rec.event_before(sentence.index)
            if event is not None:
                objects, implied = [event], True
        if not objects and entry.implied_object == "offer":
            objects = self._offerers(sentence, subjects)
        if entry.implied_object == "event of the verb":
            nouns = self.predicates.verb_events.get(token.lemma, frozenset())
            event = self.rec.event_named_before(sentence.index, nouns)
            objects, implied = ([event], True) if event is not None else ([], False)
        type_name = entry.type
        if entry.indefinite and any(a.label == "det" and sentence.tokens[a.dep].lemma in ("a", "an")
                                    or a.label in ("amod", "compound")
                                    and sentence.tokens[a.dep].lemma in self.predicates.subordinates for a in children):
            type_name = entry.indefinite  # "a Hamas commander" is one of its commanders, not its leader
        if not entry.verb and not entry.kinds:  # "the Kabul attack" was in Kabul, not by Afghanistan
            compounds = sentence.children(token.i, "compound")
            places = {self.rec.at(sentence.index, d) for d in compounds}
            # (also a word the NLP server tags a city, a state's capital read as the state itself, or a
            # state's own name: "the 2011 Norway attacks" were in Norway; "a US drone strike", an
            # acronym, and "Russian strikes", a demonym, stay the doers)
            cities = {self.rec.at(sentence.index, d) for d in compounds
                      if sentence.tokens[d].ner in _CITY_NER or self._names_where(sentence.tokens[d].text)}
            subjects = [s for s in subjects if not (s in places and s in self.capitals) and s not in cities]
        objects = self._without_whereabouts(sentence, token, entry, objects)
        objects = self._without_actor_before_event(sentence, token, entry, objects)
        nationals = self._nationality_beside(entry, objects)
        if token.noun and any(sentence.tokens[m].lemma in self.predicates.intentions
                              for m in sentence.children(token.i, "amod")):
            # "the attempted murder of X": an event all the same, whose victim was its target
            type_name = self.predicates.intended.get(type_name, type_name)
        elif self._meant(sentence, token):  # "a plot to assassinate X": no killing, X was its target
            type_name = self.predicates.intended.get(type_name, "")
            if not type_name or implied:
                return
        pairs = [(subject, obj) for subject in subjects for obj in objects]
        if len(objects) > 1 and set(subjects) == set(objects) and not implied:
            pairs = []  # "X and Y were killed": both reached as subject and object, neither killed the other
        if not objects and token.lemma in self.predicates.reciprocal:
            # "Russia and Iran agreed to exchange intelligence", "Moscow and Tehran have deepened
            # their cooperation": each with the other
            symmetric = self.ontology.relations[type_name].symmetric if type_name else False
            pairs = [(a, b) for a in subjects for b in subjects if a != b and (not symmetric or a < b)]
        for subject, obj in pairs:
            chosen = self.predicates.demonym_beside_organisation if obj in nationals else type_name
            if entry.kinds and self._possessed_by(sentence, obj, subject):
                continue  # "the Department of the Treasury's Office": the office is the department's
            allowed = self._allowed(chosen, subject, obj)
            if allowed is None:
                if chosen in self.predicates.event_actors and self.rec.proposals[obj].kind == "Event" \
                        and subject != obj:  # resolved once the whole text is read (_through_events)
                    yield Candidate(subject, chosen, obj, sentence.index, sentence.start, sentence.end, token.i,
                                    f"{how} in sentence {sentence.index + 1}", 0.6, negated=negated,
                                    through_event=obj)
                continue
            s, o, retype, aliases = allowed
            if entry.object_kinds and (retype[1] if retype and retype[0] == o
                                       else self.rec.proposals[o].kind) not in entry.object_kinds:
                continue  # "a Moscow correspondent", "an American reporter": no outlet
            confidence = (0.7 if entry.verb else 0.6) - (0.15 if implied else 0.0)
            reason = f"{how} in sentence {sentence.index + 1}"
            if implied:
                reason += ("; its subject is who did it last" if entry.implied_subject == "last"
                           else "; its object is the event the text last spoke of")
            # a predicate that is a word of an end's own name ("two Estonian citizens") states it by the name;
            # not an event's ("Ukraine's attack" is what a party may claim)
            inside = self.rec.at(sentence.index, token.i)
            by_name = bool(entry.kinds) or inside in (s, o) and self.rec.proposals[inside].kind != "Event"
            yield Candidate(s, chosen, o, sentence.index, sentence.start, sentence.end, token.i,
                            reason, confidence, negated=negated, by_name=by_name, retype=retype, aliases=aliases)

    def _possessed_by(self, sentence: Sentence, key: str, owner: str) -> bool:
        """Whether a mention of ``key`` in the sentence has a possessive that is ``owner``'s."""
        return any(self.rec.at(sentence.index, arc.dep) == owner
                   for token in sentence.tokens if self.rec.at(sentence.index, token.i) == key
                   for arc in sentence.child_arcs(token.i) if arc.label == "nmod:poss")

    def _without_whereabouts(self, sentence: Sentence, token: Token, entry: Entry, objects: list[str]) -> list[str]:
        """A role's objects less a state or place it is "in" when an organisation is among them too:
        "three Hezbollah operatives in Cyprus" are in Cyprus, neither its agents nor its nationals."""
        if entry.verb or entry.kinds:
            return objects
        kinds = {key: self.rec.proposals[key].kind for key in objects}
        if not any(kind not in NOT_ORGANISATIONS for kind in kinds.values()):
            return objects
        located = {self.rec.at(sentence.index, d) for d in sentence.children(token.i, "nmod:in")}
        return [key for key in objects if not (key in located and kinds[key] in ("State", "Place"))]

    def _without_actor_before_event(self, sentence: Sentence, token: Token, entry: Entry,
                                    objects: list[str]) -> list[str]:
        """An event's ends less a state named before its noun when the text says elsewhere where it
        was: in "a US raid in Syria" the United States raided, and the raid was in Syria only; nor
        anywhere else when the noun takes its actor from the words before it ("a US drone strike"
        was the United States', not in it; "the Ukraine war" was in Ukraine)."""
        event = self.rec.at(sentence.index, token.i)
        if not entry.kinds or event is None or self.rec.proposals[event].kind != "Event":
            return objects
        actor_before = any(("compound",) in e.subject and (".",) in e.object
                           for e in self.predicates.for_word(token.lemma, verb=False))
        if len(objects) < 2 and not actor_before:
            return objects
        before = {self.rec.at(sentence.index, d) for d in sentence.children(token.i, "compound")}
        kept = [key for key in objects if not (key in before and self.rec.proposals[key].kind == "State")]
        return kept if actor_before else kept or objects

    def _nationality_beside(self, entry: Entry, objects: list[str]) -> set[str]:
        """A role's states when an organisation is among its ends too: in "a Belgian Islamic State
        commander" the state is the person's nationality, the group the role's object."""
        if entry.verb or entry.kinds:
            return set()
        kinds = {key: self.rec.proposals[key].kind for key in objects}
        states = {key for key, kind in kinds.items() if kind == "State"}
        if states and any(kind not in NOT_ORGANISATIONS for kind in kinds.values()):
            return states
        return set()

    def _participle(self, sentence: Sentence, token: Token) -> str | None:
        """What the noun a verb modifies is to it, "object" or "subject": "the mutiny staged by
        the group" and "the men arrested on Friday" (the noun is its object; the parser sometimes
        tags such a participle as a past tense), "the Iran-backed Houthis" (a participle before the
        noun), "gunmen firing on the crowd" (its subject)."""
        for arc in sentence.head_arcs(token.i):
            if arc.label in ("acl", "amod") and arc.head >= 0 and sentence.tokens[arc.head].noun:
                if token.pos == "VBG" and arc.label == "acl":
                    return "subject"
                if token.pos in ("VBN", "VBD") and (arc.label == "acl" or arc.head > token.i):
                    return "object"
        return None

    def _meant(self, sentence: Sentence, token: Token) -> bool:
        """Whether the word is the verb of a "to" clause that says what a plot, an attempt or a
        wish was for (``intentions``): "a plot to assassinate", "tried to kill"."""
        if not token.verb or not any(sentence.tokens[m].lemma == "to" for m in sentence.children(token.i, "mark")):
            return False
        intentions = self.predicates.intentions
        # the word it hangs on, or its controller: "foiled a plot to assassinate X" is parsed with
        # "plot" as the controlled subject of "assassinate", which hangs on "foiled"
        return any(arc.head >= 0 and arc.label in ("xcomp", "acl:to", "acl", "advcl:to")
                   and sentence.tokens[arc.head].lemma in intentions for arc in sentence.head_arcs(token.i)) \
            or any(sentence.tokens[c].lemma in intentions for c in sentence.children(token.i, "nsubj:xsubj"))

    def _hyphened_agent(self, sentence: Sentence, token: Token) -> list[str]:
        """"the Iran-backed Houthis", "a US-led coalition": the party joined to a participle by a
        hyphen did what it says (the parser hangs it on the participle as "obl", "dep" or "compound")."""
        i = token.i
        if i < 2 or sentence.tokens[i - 1].pos != "HYPH":
            return []
        joined = [d for d in sentence.children(i) if d < i - 1 and sentence.subtree(d).stop == i - 1]
        keys = [key for d in joined if (key := self.rec.at(sentence.index, d)) is not None]
        if keys or not any(sentence.tokens[d].lemma in self.predicates.state_words for d in joined):
            return keys
        # "the Russian state-controlled energy group": "state" is the state the noun's modifiers name
        nouns = [a.head for a in sentence.head_arcs(i) if a.label == "amod" and a.head >= 0]
        return [key for noun in nouns for m in sentence.children(noun) if m != i
                and (key := self.rec.at(sentence.index, m)) is not None and self.rec.proposals[key].kind == "State"]

    def _accused(self, sentence: Sentence, i: int) -> list[str]:
        """"X accused Y of sheltering Z": Y is the subject of "sheltering"; so is the noun an
        accusing participle modifies ("two men suspected of spying for Ukraine"), and the object of
        a verb that takes an accusing noun ("arrested two men on suspicion of spying")."""
        for arc in sentence.head_arcs(i):
            if arc.head >= 0 and sentence.tokens[arc.head].lemma in self.predicates.accusing_verbs \
                    and arc.label.split(":")[0] in ("advcl", "obl", "acl", "xcomp"):
                # the noun the participle follows (the parser's acl, or amod: "two men suspected of")
                return self._ends(sentence, arc.head, (("obj",), ("nsubj:pass",))) \
                    or self._ends(sentence, arc.head, (("^acl",), ("^amod",)))
        # "arrested two men on suspicion of spying": the men, whom the verb the noun hangs on took
        return [end for verb in accusing_verbs(sentence, self.predicates, i)
                for end in self._ends(sentence, verb, (("obj",), ("nsubj:pass",)))]

    def _offerers(self, sentence: Sentence, takers: list[str]) -> list[str]:
        """Who made the offer (or passed on the warning) the text told last to one of ``takers``, in
        this sentence or the two before: "Turkey offered to help Iran …, but Iranian officials
        declined the offer" declines Turkey's."""
        takers = [*takers, *(self.capitals[t] for t in takers if t in self.capitals)]  # "Islamabad turned it down"
        # a leader takes what was offered to the state led ("Putin dismissed the warnings")
        takers += [led[1] for t in takers if (led := self._state_led(t)) is not None]
        # an offer to a party's own body is the party's to take ("passed a warning to Iranian
        # intelligence … Iran rejected the warning")
        sides = sides_of(self.owned, self.predicates)
        told = [c for c in self.offers if sentence.index - 2 <= c.sentence <= sentence.index
                and sides.get(c.object, {c.object}).intersection(takers)]
        return [told[-1].subject] if told else []

    def _told(self, sentence: Sentence, i: int, entry: Entry) -> bool:
        """Whether a path to the object reaches a clause ("involved in planning X" says in what), or
        a common noun that names no entity and no event ("bore responsibility for the failure" is
        not for the attack in view; "guilty of murder" is)."""
        return any(sentence.tokens[t].verb or self._something_else(sentence, t)
                   for route in entry.object for t in follow(sentence, i, route))

    def _something_else(self, sentence: Sentence, t: int) -> bool:
        """A definite common noun that names no entity, no event and no deed ("the failure"; not
        "the crime", nor "in any way")."""
        token = sentence.tokens[t]
        return token.pos in ("NN", "NNS") and self.rec.at(sentence.index, t) is None \
            and token.lemma not in self.predicates.event_nouns | self.predicates.deed_nouns \
            and any(a.label == "nmod:poss" or a.label == "det"
                    and sentence.tokens[a.dep].lemma in ("the", "this", "that") for a in sentence.child_arcs(t))

    def _done_to_before(self, sentence: Sentence, token: Token) -> set[str]:
        """Those an event noun names before it who were its target, not its doer: the persons a
        victim noun with no "of" names before it or as its owner ("the Khashoggi murder",
        "Skripal's poisoning"), and a company before any event noun ("the Medibank cyber attack")."""
        if not token.noun or token.lemma not in self.predicates.event_nouns:
            return set()
        before = sentence.children(token.i, "compound")
        out = {k for d in before if (k := self.rec.at(sentence.index, d)) is not None
               and self.rec.proposals[k].kind in self.predicates.target_kinds}
        if token.lemma in self.predicates.victim_nouns and not sentence.children(token.i, "nmod:of"):
            out |= {k for d in (*before, *sentence.children(token.i, "nmod:poss"))
                    if (k := self.rec.at(sentence.index, d)) is not None
                    and self.rec.proposals[k].kind in self.predicates.victim_kinds}
        return out

    def _governing_subject(self, sentence: Sentence, token: Token) -> list[str]:
        """"Iran had been involved in planning the attacks": a gerund with no subject of its own,
        governed through "in" or "by", is done by the subject of the verb that governs it (not
        through "for": "opened a case against him for organising a mutiny" is his); so is a
        gerund complement of a verb of owning to or denying something ("Islamic State admitted
        carrying out the bombing", "denied carrying out"). An infinitive whose verb has no subject
        either is done by whoever does that verb: "accused Israel of plotting to kill Fakhrizadeh"."""
        for arc in sentence.head_arcs(token.i):
            if arc.label == "xcomp" and arc.head >= 0 and sentence.tokens[arc.head].pos == "VBG" \
                    and not sentence.children(arc.head, "nsubj"):
                governor = sentence.tokens[arc.head]
                return self._accused(sentence, governor.i) or self._governing_subject(sentence, governor)
        if token.pos != "VBG":
            return []
        owning = self.predicates.owning_verbs | self.predicates.denial_verbs
        for arc in sentence.head_arcs(token.i):
            if arc.head < 0 or not sentence.tokens[arc.head].verb:
                continue
            if arc.label in ("obl:in", "advcl:in", "obl:by", "advcl:by") \
                    or arc.label == "xcomp" and sentence.tokens[arc.head].lemma in owning:
                return self._ends(sentence, arc.head, (("nsubj",), ("nsubj:xsubj",)))
        return []

    def _negated(self, sentence: Sentence, i: int) -> bool:
        """"did not attack", "never shared"; for a noun also its determiner: "no involvement"; for a
        verb also its object: "had nothing to do with", "gave no support"."""
        negations = self.predicates.negations
        labels = ("advmod", "neg", "det") if sentence.tokens[i].noun else ("advmod", "neg")
        if any(sentence.tokens[a.dep].lemma in negations and a.label in labels for a in sentence.child_arcs(i)):
            return True
        if sentence.tokens[i].noun and any(  # "had not taken part in": the verb the noun completes
                sentence.tokens[a.dep].lemma in negations and a.label in ("advmod", "neg")
                for verb in sentence.heads(i, "obj") for a in sentence.child_arcs(verb)):
            return True
        return not sentence.tokens[i].noun and any(
            sentence.tokens[o].lemma in negations or any(sentence.tokens[d].lemma in negations
                                                         for d in sentence.children(o, "det"))
            for o in sentence.children(i, "obj"))

    def _ends(self, sentence: Sentence, start: int, routes: tuple[Route, ...]) -> list[str]:
        keys: list[str] = []
        reached: set[Route] = set()  # routes that found an end
        for route in routes:
            if any(route[:k] in reached for k in range(1, len(route))):
                continue  # "the commander of the Guards' Quds Force": the Quds Force, not on to the Guards
            before = len(keys)
            # (the word itself, "." , is not also its conjuncts: "Britain's MI5 and the FBI" are each
            # the predicate of their own kind entry, with their own possessor or none)
            conjoined = route != (".",)
            for token in follow(sentence, start, route):
                for t in (token, *(sentence.children(token, "conj") if conjoined else ())):
                    if self._set_aside(sentence, t):
                        continue
                    key = self.rec.at(sentence.index, t)
                    found = [key] if key is not None else []
                    if key is not None and self.rec.proposals[key].kind == "State":
                        found += self._hyphened_state(sentence, t, key)
                    if (key is None or self.rec.proposals[key].kind == "PersonGroup") and t != start:
                        # "Abdeslam's older brother, Brahim, blew himself up": Brahim; "Meta Platforms,
                        # the company that owns Instagram": Meta Platforms; "two co-conspirators, Carlos
                        # Ruiz and Ivan Lenz": both; "the four men, A, B, C and D, are officers of the
                        # GRU": the group and each of the four
                        named = sentence.appositives(t)
                        named += [c for d in sentence.children(t, "appos") for c in sentence.children(d, "conj")]
                        found += list(dict.fromkeys(k for d in named if not self._set_aside(sentence, d)
                                                    and (k := self.rec.at(sentence.index, d)) is not None
                                                    and (key is None or self.rec.proposals[k].kind == "Person")
                                                    and k not in found))
                    if t != start:
                        found += [k for k in self._listed(sentence, start, t) if k not in found]
                    if not found and t != start and sentence.tokens[t].lemma in self.predicates.agents:
                        found = acted_for(sentence, t, lambda d: self.rec.at(sentence.index, d))
                    if not found and t != start and sentence.tokens[t].lemma in self.lexicon.leader_governments:
                        found = self._governed(sentence, t)
                    if not found and t != start and self.lexicon.kind_of_words([sentence.tokens[t].text]) == "Place":
                        found = self._place_of(sentence, t)  # "the village of Koh-e-Sabz": Koh-e-Sabz
                    keys.extend(k for k in found if k not in keys)
            if len(keys) > before:
                reached.add(route)
        return keys

    def _hyphened_state(self, sentence: Sentence, t: int, key: str) -> list[str]:
        """"a dual US-Canadian citizen", "a Pakistani-American": the other state hyphened before the
        state ``t`` names."""
        return [k for d in sentence.children(t) if d == t - 2 and sentence.tokens[t - 1].pos == "HYPH"
                and (k := self.rec.at(sentence.index, d)) is not None and k != key
                and self.rec.proposals[k].kind == "State"]

    def _listed(self, sentence: Sentence, start: int, t: int) -> list[str]:
        """Those a plural noun ``t`` lists by an ``instance_phrases`` phrase: "killed seven officers,
        including General Zahedi", "such as", "among them X" (of a plural only: "controls much of
        Yemen including the capital Sanaa" controls no Sanaa)."""
        if sentence.tokens[t].pos not in ("NNS", "NNPS"):
            return []
        # enhanced++ names the arc by the phrase: nmod:including, nmod:such_as
        listed = [d for phrase in self.lexicon.instance_phrases
                  for d in sentence.children(t, "nmod:" + "_".join(phrase))]
        if t in sentence.children(start, "obj"):  # the parser hangs "among them" on the verb
            listed += [d for them in sentence.children(start, "obl:among") if sentence.tokens[them].lemma == "they"
                       for d in [*sentence.children(them, "dep"), *sentence.children(them, "appos")]]
        return [k for d in listed
                if not self._set_aside(sentence, d) and (k := self.rec.at(sentence.index, d)) is not None]

    def _names_where(self, word: str) -> bool:
        """Whether a word before an attack's noun says where, not who: a state's capital
        ("Stockholm"), or its own name written out ("Norway"; not "US", not "Russian")."""
        entry = self.lexicon.state(word)
        return entry is not None and (entry.is_capital(word)
                                      or not word.isupper() and name_key(entry.name) == name_key(word))

    def _place_of(self, sentence: Sentence, i: int) -> list[str]:
        """"the village of Koh-e-Sabz", "the town of Levice": the place a noun for a place names by
        its "of"."""
        return [k for d in sentence.children(i, "nmod:of")
                if (k := self.rec.at(sentence.index, d)) is not None and self.rec.proposals[k].kind == "Place"]

    def _governed(self, sentence: Sentence, i: int) -> list[str]:
        """"the government of Prime Minister Jose Maria Aznar", "the Biden administration": the state
        its leader leads (``leader_governments``, ``leaders.yaml``)."""
        people = [k for d in [*sentence.children(i, "nmod:of"), *sentence.children(i, "nmod:poss"),
                              *sentence.children(i, "compound")]
                  if (k := self.rec.at(sentence.index, d)) is not None]
        return [led[1] for k in people if (led := self._state_led(k)) is not None][:1]

    def _set_aside(self, sentence: Sentence, i: int) -> bool:
        """Whether a negation sets the word aside: "struck the Hamas leadership, not Lebanon"."""
        return any(a.label in ("advmod", "cc") and sentence.tokens[a.dep].lemma in self.predicates.negations
                   for a in sentence.child_arcs(i))

    def _allowed(self, type_name: str, subject: str, obj: str) -> _Allowed | None:
        """The pair with a capital read as its state where the type needs it, or with a guessed kind
        told by the type; None if not allowed. Nothing is changed here: the candidate carries what it
        tells of its ends, and :func:`settle_ends` applies it to those kept."""
        proposals = self.rec.proposals
        for s in dict.fromkeys([subject, self.capitals.get(subject, subject)]):
            # a leader stands for the state led where a person cannot be the object ("an adviser to
            # President Volodymyr Zelensky" works for Ukraine)
            for o in dict.fromkeys([obj, self.capitals.get(obj, obj), self.led.get(obj, obj)]):
                if s != o and self.ontology.allows(type_name, proposals[s].kind, proposals[o].kind):
                    # "Kiev" standing for Ukraine: a name of the state
                    aliases = tuple((used, proposals[end].name) for end, used in ((subject, s), (obj, o))
                                    if end != used and end in self.capitals)
                    return s, o, None, aliases
        return self._told_kind(type_name, subject, obj)

    def _told_kind(self, type_name: str, subject: str, obj: str) -> _Allowed | None:
        """"Meta, which owns Facebook": an organisation whose kind was only guessed takes the kind of
        organisation the relation needs (a company), and the pair is allowed."""
        relation = self.ontology.relations[type_name]
        for end, other, kinds in ((obj, subject, relation.object_kinds), (subject, obj, relation.subject_kinds)):
            if not self.rec.proposals[end].guessed or end == other:
                continue
            fits = [k for k in sorted(kinds) if k not in NOT_ORGANISATIONS and (
                self.ontology.allows(type_name, self.rec.proposals[other].kind, k) if end == obj
                else self.ontology.allows(type_name, k, self.rec.proposals[other].kind))]
            if fits:  # the first of several in name order (a company before a media outlet): a guess still
                return subject, obj, (end, fits[0]), ()
        return None

