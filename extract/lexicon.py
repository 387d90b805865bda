"""The draft extractor's data: ``lexicon.yaml`` (kind words, titles, groups, state bodies, states),
``variants.yaml`` (spelling variants of names) and ``leaders.yaml`` (who has led each state), read
and checked once.

A problem in any of them is an :class:`~graph.errors.InvalidInput` naming ``file:line: field``.

>>> lexicon = get_lexicon()
>>> lexicon.kind_of_words(["Amaq", "news", "agency"])
'MediaOutlet'
>>> sorted(lexicon.variant_keys("kiev region"))
['kiev region', 'kyiv region']
>>> lexicon.states["tajik"].name
'Tajikistan'
>>> lexicon.leader(["Biden"], {"president"}).state.name
'United States'
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import product
from pathlib import Path
from typing import Any

from graph import yamlsource
from graph.errors import InvalidInput, Problem
from graph.names import name_key
from graph.ontology import get_ontology

__all__ = ["Leader", "Lexicon", "StateEntry", "get_lexicon", "load_lexicon", "LEADERS_PATH", "LEXICON_PATH",
           "VARIANTS_PATH"]

LEXICON_PATH = Path(__file__).with_name("lexicon.yaml")
VARIANTS_PATH = Path(__file__).with_name("variants.yaml")
LEADERS_PATH = Path(__file__).with_name("leaders.yaml")
#: Last words of a name that are no surname ("Ferdinand Marcos Jr.", "Abdullah II")
_NOT_SURNAMES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "vi"})


@dataclass(frozen=True)
class StateEntry:
    """A state or bloc of the lexicon's small world gazetteer."""

    name: str
    kind: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    wikidata: str | None
    capital: str | None = None     # the city "the Russian capital" means

    def is_demonym(self, word: str) -> bool:
        """Whether a word is one of this state's demonyms ("Kazakhs" of Kazakhstan), as names compare."""
        return name_key(word) in {name_key(d) for d in self.demonyms}

    def is_capital(self, word: str) -> bool:
        """Whether a word is this state's capital ("Kyiv" of Ukraine), as names compare."""
        return self.capital is not None and name_key(self.capital) == name_key(word)


@dataclass(frozen=True)
class Leader:
    """Someone who has led a state (``leaders.yaml``): the titles are each a set of words."""

    name: str
    state: StateEntry
    titles: tuple[frozenset[str], ...]

    def titled(self, words: set[str]) -> bool:
        """Whether a title's words name an office this person held ("supreme leader ayatollah")."""
        return any(title <= words for title in self.titles)


@dataclass
class Lexicon:
    kind_words: list[tuple[str, frozenset[str]]]
    titles: frozenset[str]
    group_nouns: frozenset[str]
    state_bodies: dict[tuple[str, ...], str]
    #: "the Kremlin", "the White House": bodies whose name makes them a state's (by name key)
    seats: dict[str, StateEntry] = field(default_factory=dict)
    seat_kind: str = ""
    #: "the group", "the movement": the kinds of the organisation such a description can stand for
    descriptions: dict[str, frozenset[str]] = field(default_factory=dict)
    body_kinds: frozenset[str] = frozenset()
    #: prepositions of place: a capital they govern is the city ("towards Moscow")
    place_prepositions: frozenset[str] = frozenset()
    #: nouns that call a capital a city ("the capital Sanaa")
    city_nouns: frozenset[str] = frozenset()
    #: adjectives that give a group described as an organisation a kind ("a militant group": armed)
    describing_adjectives: dict[str, str] = field(default_factory=dict)
    #: nouns that with a state name its capital ("the French capital")
    capital_nouns: frozenset[str] = frozenset()
    #: plural nouns of kin that after a name make a group of people ("the Kouachi brothers")
    kin_nouns: frozenset[str] = frozenset()
    #: nouns that a state's "-led" makes a coalition it leads ("the Saudi-led coalition")
    coalition_nouns: frozenset[str] = frozenset()
    #: nouns of a building or a site that "in" a named place makes a place ("the synagogue in Halle")
    venue_nouns: frozenset[str] = frozenset()
    #: kinds a person's name followed by nouns of the kind names ("the Abaaoud cell")
    person_named_kinds: frozenset[str] = frozenset()
    #: bodies a state has in several places, named with the place ("the US embassy in Kabul")
    located_bodies: frozenset[str] = frozenset()
    #: kinds besides a state's bodies that a demonym and a noun of the kind name ("the Belgian cell")
    demonym_kinds: frozenset[str] = frozenset()
    #: kinds that a name and nouns of the kind after it name ("the Basmanny district court")
    noun_named_kinds: frozenset[str] = frozenset()
    #: kinds a description in apposition gives a name over the kind its words give ("the Special
    #: Deterrence Force, a militia")
    described_over_named: frozenset[str] = frozenset()
    fallback_kind: str = ""
    #: every name, alias and demonym of a state or bloc, as a key, to its entry
    states: dict[str, StateEntry] = field(default_factory=dict)
    #: demonym keys only ("tajik", "tajiks")
    demonyms: dict[str, StateEntry] = field(default_factory=dict)
    #: a name's first word that decides its kind before any other word ("Operation Prosperity Guardian")
    first_words: dict[str, str] = field(default_factory=dict)
    #: "such as", "including": a phrase between the nouns that describe a name and the name
    instance_phrases: tuple[tuple[str, ...], ...] = ()
    word_variants: dict[str, frozenset[str]] = field(default_factory=dict)
    name_variants: dict[str, frozenset[str]] = field(default_factory=dict)
    #: "ministry", "department": a body's noun its name may put first ("Department of State") or last
    inverted_bodies: frozenset[str] = frozenset()
    #: nouns that head a body's name, in which "and" joins words ("Ministry of Intelligence and Security")
    body_heads: frozenset[str] = frozenset()
    #: a state's name and its abbreviations, as keys, to all of them ("us" -> united states, us, usa)
    state_forms: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: kind words never in a person's or a place's name (``never_a_person``): "Jama'at", "Kataib", "Ansar"
    not_person_words: frozenset[str] = frozenset()
    #: groups of those harmed and of those suspected: a counted group is not one named before of the other
    harmed_groups: frozenset[str] = frozenset()
    suspected_groups: frozenset[str] = frozenset()
    #: nouns that name a state by its leader ("the Biden administration")
    leader_governments: frozenset[str] = frozenset()
    #: names of lists and legal categories, as keys ("foreign terrorist organization"): no party's
    category_names: frozenset[str] = frozenset()
    #: articles a surname may drop ("al" of "al-Zawahiri")
    surname_articles: frozenset[str] = frozenset()
    #: a leader's name, alias or surname, as a key, to every leader it may name
    leaders: dict[str, tuple[Leader, ...]] = field(default_factory=dict)
    #: the same for those who held a state's main security offices under its leaders (a foreign,
    #: defence, interior or justice minister): ``leaders.yaml``'s ``officials``
    officials: dict[str, tuple[Leader, ...]] = field(default_factory=dict)

    def leader(self, names: Iterable[str], title: set[str] | None = None) -> Leader | None:
        """The one leader whom these names and a title before them (any title, if None) name, or
        None (none, or several).

        >>> get_lexicon().leader(["Ali Khamenei"], {"supreme", "leader", "ayatollah"}).state.name
        'Iran'
        >>> get_lexicon().leader(["Sharif"], {"prime", "minister"}) is None  # Nawaz or Shehbaz
        True
        >>> get_lexicon().leader(["Benjamin Netanyahu"], {"president"}) is None
        True
        >>> get_lexicon().leader(["Netanyahu"]).state.name
        'Israel'
        """
        return _one(self.leaders, names, title)

    def official(self, names: Iterable[str], title: set[str]) -> Leader | None:
        """The one official (``officials`` in ``leaders.yaml``) whom these names and the title before
        them name, or None.

        >>> get_lexicon().official(["Sergei Lavrov"], {"foreign", "minister"}).state.name
        'Russia'
        >>> get_lexicon().official(["Sergei Lavrov"], {"defence", "minister"}) is None
        True
        """
        return _one(self.officials, names, title)

    def surnames(self, name: str) -> set[str]:
        """The keys a person's surname alone may be written as.

        >>> sorted(get_lexicon().surnames("Ayman al-Zawahiri"))
        ['al-zawahiri', 'zawahiri']
        """
        last = name_key(name.split()[-1]) if name.split() else ""
        article, dash, rest = last.partition("-")
        return {last, rest} if dash and rest and article in self.surname_articles else {last}

    def same_people(self, one: str, other: str) -> bool:
        """Whether two plural nouns of groups may name the same people: not those harmed and those
        suspected.

        >>> lexicon = get_lexicon()
        >>> lexicon.same_people("men", "suspects"), lexicon.same_people("victims", "suspects")
        (True, False)
        """
        sides = [{side for side, nouns in (("harmed", self.harmed_groups), ("suspected", self.suspected_groups))
                  if word.casefold() in nouns} for word in (one, other)]
        return not sides[0] or not sides[1] or bool(sides[0] & sides[1])

    def kind_of_words(self, words: list[str]) -> str | None:
        """The kind the words of a name suggest, or None.

        >>> get_lexicon().kind_of_words(["Islamic", "Revolutionary", "Guard", "Corps"])
        'SecurityService'
        """
        lowered = {w.casefold() for w in words}
        for kind, markers in self.kind_words:
            if lowered & markers:
                return kind
        return None

    def state(self, name: str) -> StateEntry | None:
        """The state or bloc a name, an alias or a demonym names, in any case or spelling of its key.

        >>> lexicon = get_lexicon()
        >>> lexicon.state("U.S.").name, lexicon.state("Iranians").name, lexicon.state("Atlantis")
        ('United States', 'Iran', None)
        """
        return self.states.get(name_key(name))

    def states_in(self, words: list[str]) -> list[tuple[int, int, StateEntry]]:
        """The states or blocs a name's words name, as (first word, end, entry): "US" in "US State
        Department", "United States" in "United States Department of State".

        >>> [(i, j, s.name) for i, j, s in get_lexicon().states_in("United States Department of State".split())]
        [(0, 2, 'United States')]
        """
        out, i = [], 0
        while i < len(words):
            for j in range(min(len(words), i + 3), i, -1):
                entry = self.state(" ".join(words[i:j]))
                if entry is not None:
                    out.append((i, j, entry))
                    i = j
                    break
            else:
                i += 1
        return out

    def kind_of_name(self, words: list[str]) -> str | None:
        """The kind a name's words suggest, less the words of a state's name inside it: "United
        States Department of State" is a department, not a coalition of states.

        >>> get_lexicon().kind_of_name("United States Department of State".split())
        'GovernmentBody'
        >>> get_lexicon().kind_of_name("Operation Prosperity Guardian".split())
        'Event'
        """
        if words and (kind := self.first_words.get(words[0].casefold())) is not None:
            return kind  # "Operation Prosperity Guardian" is an operation, not a newspaper
        inside = {k for i, j, _ in self.states_in(words) for k in range(i, j)}
        return self.kind_of_words([w for k, w in enumerate(words) if k not in inside])

    def variant_keys(self, key: str) -> set[str]:
        """``key`` and every spelling the variant table allows for it (whole names, then word by
        word), and the other forms of a body's name (:meth:`body_forms`)."""
        keys = {key} | set(self.name_variants.get(key, ())) | self.body_forms(key)
        words = key.split(" ")
        options = [sorted(self.word_variants.get(w, {w})) for w in words]
        if len(words) <= 6 and any(len(o) > 1 for o in options):
            for combo in product(*options):
                keys.add(" ".join(combo))
        return keys

    def body_forms(self, key: str) -> set[str]:
        """The forms of a body's name that name the same body: its noun first or last, its state by
        name or by abbreviation.

        >>> sorted(get_lexicon().body_forms("united states department of state"))[:3]
        ['u.s. department of state', 'u.s. state department', 'united states department of state']
        >>> "interior ministry" in get_lexicon().body_forms("ministry of interior")
        True
        >>> sorted(get_lexicon().body_forms("russian defence ministry"))
        ['russian defence ministry', 'russian ministry of defence']
        """
        words = key.split(" ")
        if not self.inverted_bodies.intersection(words):
            return set()
        prefixes, rest = [""], words
        for j in range(min(3, len(words) - 1), 0, -1):
            head = " ".join(words[:j])
            forms = self.state_forms.get(head) or ((head,) if head in self.demonyms else None)
            if forms is not None:
                prefixes, rest = [f + " " for f in forms], words[j:]
                break
        bodies = {" ".join(rest)}
        if len(rest) >= 3 and rest[1] == "of" and rest[0] in self.inverted_bodies and "of" not in rest[2:]:
            bodies.add(" ".join([*rest[2:], rest[0]]))  # "department of state": "state department"
        elif 2 <= len(rest) <= 4 and rest[-1] in self.inverted_bodies and "of" not in rest:
            bodies.add(" ".join([rest[-1], "of", *rest[:-1]]))  # "defence ministry": "ministry of defence"
        return {prefix + body for prefix in prefixes for body in bodies}


def _one(people: dict[str, tuple[Leader, ...]], names: Iterable[str], title: set[str] | None) -> Leader | None:
    found = {person for name in names for person in people.get(name_key(name), ())
             if title is None or person.titled(title)}
    return found.pop() if len(found) == 1 else None


def load_lexicon(path: Path = LEXICON_PATH, variants_path: Path = VARIANTS_PATH,
                 leaders_path: Path = LEADERS_PATH) -> Lexicon:
    """Read and check the three files; raise :class:`InvalidInput` listing every problem."""
    problems: list[Problem] = []
    doc = yamlsource.load(path)
    data = doc.data if isinstance(doc.data, dict) else {}
    if not isinstance(doc.data, dict):
        raise InvalidInput([doc.problem((), "the lexicon must be a mapping")])
    kinds = get_ontology().kinds

    def words(key: str) -> frozenset[str]:
        raw = data.get(key)
        if not isinstance(raw, list) or not all(isinstance(w, str) for w in raw):
            problems.append(doc.problem((key,), "expected a list of words"))
            return frozenset()
        return frozenset(w.casefold() for w in raw)

    kind_words = []
    not_person: set[str] = set()
    for index, entry in enumerate(data.get("kind_words") or []):
        if not isinstance(entry, dict) or entry.get("kind") not in kinds:
            problems.append(doc.problem(("kind_words", index, "kind"), "expected a kind of graph/ontology.yaml"))
            continue
        kind_words.append((entry["kind"], frozenset(str(w).casefold() for w in entry.get("words") or [])))
        if entry.get("never_a_person"):
            not_person |= kind_words[-1][1]
    bodies: dict[tuple[str, ...], str] = {}
    for phrase, kind in (data.get("state_bodies") or {}).items():
        if kind != "itself" and kind not in kinds:
            problems.append(doc.problem(("state_bodies", phrase), f"unknown kind {kind!r}"))
        bodies[tuple(str(phrase).casefold().split())] = kind
    lexicon = Lexicon(kind_words=kind_words, titles=words("titles"), group_nouns=words("group_nouns"),
                      surname_articles=words("surname_articles"), leader_governments=words("leader_governments"),
                      category_names=frozenset(name_key(w) for w in words("category_names")),
                      harmed_groups=words("harmed_groups"), suspected_groups=words("suspected_groups"),
                      inverted_bodies=words("inverted_bodies"), body_heads=words("body_heads"),
                      located_bodies=words("located_bodies"), place_prepositions=words("place_prepositions"),
                      city_nouns=words("city_nouns"), capital_nouns=words("capital_nouns"),
                      kin_nouns=words("kin_nouns"), coalition_nouns=words("coalition_nouns"),
                      venue_nouns=words("venue_nouns"),
                      state_bodies=bodies, body_kinds=frozenset(data.get("body_kinds") or []),
                      fallback_kind=str(data.get("fallback_kind", "")), not_person_words=frozenset(not_person))
    for kind, adjectives in (data.get("describing_adjectives") or {}).items():
        if kind not in kinds:
            problems.append(doc.problem(("describing_adjectives", kind), f"unknown kind {kind!r}"))
        lexicon.describing_adjectives.update({str(a).casefold(): kind for a in adjectives or []})
    for word, kind in (data.get("first_words") or {}).items():
        if kind not in kinds:
            problems.append(doc.problem(("first_words", word), f"unknown kind {kind!r}"))
        lexicon.first_words[str(word).casefold()] = kind
    phrases = data.get("instance_phrases") or []
    if not isinstance(phrases, list) or not all(isinstance(p, str) and p.strip() for p in phrases):
        problems.append(doc.problem(("instance_phrases",), "expected a list of phrases"))
    else:
        lexicon.instance_phrases = tuple(tuple(p.casefold().split()) for p in phrases)
    for noun, allowed in (data.get("descriptions") or {}).items():
        if not isinstance(allowed, list) or not all(k in kinds for k in allowed):
            problems.append(doc.problem(("descriptions", noun), "expected a list of kinds of graph/ontology.yaml"))
            continue
        lexicon.descriptions[str(noun).casefold()] = frozenset(allowed)
    lexicon.noun_named_kinds = frozenset(data.get("noun_named_kinds") or [])
    lexicon.demonym_kinds = frozenset(data.get("demonym_kinds") or [])
    lexicon.described_over_named = frozenset(data.get("described_over_named") or [])
    lexicon.person_named_kinds = frozenset(data.get("person_named_kinds") or [])
    for section, listed in (("body_kinds", lexicon.body_kinds), ("noun_named_kinds", lexicon.noun_named_kinds),
                            ("demonym_kinds", lexicon.demonym_kinds),
                            ("described_over_named", lexicon.described_over_named),
                            ("person_named_kinds", lexicon.person_named_kinds)):
        for index, kind in enumerate(sorted(listed)):
            if kind not in kinds:
                problems.append(doc.problem((section, index), f"unknown kind {kind!r}"))
    if lexicon.fallback_kind not in kinds:
        problems.append(doc.problem(("fallback_kind",), "expected a kind of graph/ontology.yaml"))
    for section, kind in (("states", "State"), ("blocs", "Coalition")):
        for index, entry in enumerate(data.get(section) or []):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                problems.append(doc.problem((section, index), "expected {name, capital, aliases, demonyms, wikidata}"))
                continue
            state = StateEntry(entry["name"], kind, tuple(entry.get("aliases") or ()),
                               tuple(entry.get("demonyms") or ()), entry.get("wikidata"), entry.get("capital"))
            for name in (state.name, *state.aliases, *state.demonyms):
                lexicon.states.setdefault(name_key(name), state)
            for name in state.demonyms:
                lexicon.demonyms.setdefault(name_key(name), state)
            forms = tuple(name_key(n) for n in (state.name, *state.aliases) if n == state.name or n.isupper()
                          or "." in n)
            for form in forms:
                lexicon.state_forms.setdefault(form, forms)
    for seat, state_name in (data.get("seats") or {}).items():
        entry = lexicon.state(str(state_name))
        if entry is None or entry.kind != "State":
            problems.append(doc.problem(("seats", seat), f"{state_name!r} is no state of the lexicon's states"))
            continue
        lexicon.seats[name_key(str(seat))] = entry
    lexicon.seat_kind = str(data.get("seat_kind", ""))
    if lexicon.seats and lexicon.seat_kind not in kinds:
        problems.append(doc.problem(("seat_kind",), "expected a kind of graph/ontology.yaml"))
    _read_variants(variants_path, lexicon, problems)
    _read_leaders(leaders_path, lexicon, problems)
    if problems:
        raise InvalidInput(problems)
    return lexicon


def _read_variants(path: Path, lexicon: Lexicon, problems: list[Problem]) -> None:
    doc = yamlsource.load(path)
    data: Any = doc.data if isinstance(doc.data, dict) else {}
    for section, table in (("words", lexicon.word_variants), ("names", lexicon.name_variants)):
        for index, group in enumerate(data.get(section) or []):
            if not isinstance(group, list) or len(group) < 2:
                problems.append(doc.problem((section, index), "expected a list of two or more spellings"))
                continue
            keys = frozenset(name_key(str(g)) for g in group)
            for key in keys:
                table[key] = table.get(key, frozenset()) | keys


def _read_leaders(path: Path, lexicon: Lexicon, problems: list[Problem]) -> None:
    doc = yamlsource.load(path)
    data: Any = doc.data if isinstance(doc.data, dict) else {}
    for section in ("leaders", "officials"):
        by_key: dict[str, list[Leader]] = {}
        for index, entry in enumerate(data.get(section) or []):
            if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
                problems.append(doc.problem((section, index), "expected {name, aliases, state, titles}"))
                continue
            state = lexicon.state(str(entry.get("state", "")))
            if state is None or state.kind != "State" or state.name != entry.get("state"):
                problems.append(doc.problem((section, index, "state"), f"{entry.get('state')!r} is no state of "
                                                                      "the lexicon's states (by its name)"))
                continue
            titles = entry.get("titles")
            if not isinstance(titles, list) or not titles or not all(isinstance(t, str) and t.strip() for t in titles):
                problems.append(doc.problem((section, index, "titles"), "expected a list of titles"))
                continue
            aliases = entry.get("aliases") or []
            if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
                problems.append(doc.problem((section, index, "aliases"), "expected a list of names"))
                continue
            person = Leader(entry["name"], state, tuple(frozenset(t.casefold().split()) for t in titles))
            keys = {name_key(n) for n in (person.name, *aliases)}
            if len(person.name.split()) > 1 and person.name.split()[-1].casefold() not in _NOT_SURNAMES:
                keys |= lexicon.surnames(person.name)  # "Assad" of "Bashar al-Assad"
            for key in keys:
                by_key.setdefault(key, []).append(person)
        setattr(lexicon, section, {key: tuple(found) for key, found in by_key.items()})


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    return load_lexicon()
