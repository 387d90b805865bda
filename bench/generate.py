"""A seeded, deterministic synthetic corpus in intelgraph's own facts format.

Each document is the pair the loader reads (``docs/facts-format.md``): ``<id>.txt``, the article,
and ``<id>.facts.yaml``, its entities and relations. The corpus looks like reporting does:

- entities of every kind of the ontology, each with a unique name and aliases that all contain
  one made-up word of its own (so no two entities share a name key and nothing resolves by
  accident), some with a Wikidata id;
- a heavy-tailed degree distribution: a few states and security services (the hubs) are in
  nearly every article, other entities are mentioned by popularity (Zipf), and most people
  appear in the one article that introduces them, often many to an article;
- relation types drawn from the ontology, always with a subject and object of kinds the type
  allows;
- claims (with who asserts them, sometimes who disputes them) and denials of earlier relations
  in the same article, in proportions like those of the seed corpus (about 78 % reported,
  16 % claimed, 6 % denied);
- document texts in which every quote occurs verbatim.

Everything comes from ``random.Random`` seeded with text (the seed, the size and a document
number), so the same seed gives the same bytes on every machine and run. Documents are written
one at a time: generating L (1M relations) holds only the entity table in memory.

Sizes (entities, relations, documents): ``S`` 1k/10k/40, ``M`` 10k/100k/400, ``L`` 100k/1M/4000.

    python bench/generate.py --size S --out .cache/bench/corpus-S
"""
from __future__ import annotations

import argparse
import bisect
import hashlib
import itertools
import json
import os
import random
import shutil
import sys
import time
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from graph.ontology import Ontology, get_ontology

__all__ = ["Size", "SIZES", "GENERATOR_VERSION", "generate", "corpus_dir", "word"]

#: Bumped whenever the output for a given seed changes; cached corpora of another version are redone.
GENERATOR_VERSION = 1


@dataclass(frozen=True)
class Size:
    """How big a corpus is: distinct entities, relations (facts, not merged edges), documents."""

    name: str
    entities: int
    relations: int
    documents: int


SIZES = {
    "XS": Size("XS", 150, 900, 6),  # for the tests
    "S": Size("S", 1_000, 10_000, 40),
    "M": Size("M", 10_000, 100_000, 400),
    "L": Size("L", 100_000, 1_000_000, 4_000),
}

# Share of each kind among entities; states are capped (there are only so many).
_KIND_SHARE = {
    "Person": 0.44, "PersonGroup": 0.05, "Place": 0.09, "Event": 0.08, "Organisation": 0.07,
    "Company": 0.05, "GovernmentBody": 0.06, "ArmedGroup": 0.045, "SecurityService": 0.025,
    "MediaOutlet": 0.03, "AcademicInstitution": 0.02, "ReligiousOrganisation": 0.01,
    "Coalition": 0.005, "State": 0.02,
}
_MAX_STATES = 200
# How often each relation type is reported, roughly as in the seed corpus; others weigh 2.
_TYPE_WEIGHT = {
    "ACCUSED": 9, "WARNED": 5, "WARNED_OF": 4, "CRITICISED": 5, "SPOKE_TO": 4, "OFFERED_COOPERATION": 3,
    "SHARED_INTELLIGENCE": 3, "REJECTED_COOPERATION": 2, "COOPERATED_WITH": 4, "CLAIMED_RESPONSIBILITY": 2,
    "CARRIED_OUT": 3, "SUPPORTED": 4, "ARRESTED": 4, "TORTURED": 1, "KILLED": 2, "FOILED": 1,
    "AT_WAR_WITH": 1, "IN_CONFLICT_WITH": 3, "THREATENED": 3, "OCCURRED_IN": 3, "BASED_IN": 4, "LEADS": 3,
    "WORKS_FOR": 5, "MEMBER_OF": 4, "NATIONAL_OF": 3, "PART_OF": 2,
}
_STATUS_P = (0.78, 0.16)  # reported, claimed; the rest are denials (of a relation earlier in the file)
_DISPUTED_P = 0.3         # of claims, how many name someone who rejects them
_DATED_P = 0.6

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 70, two letters each: uniquely decodable
_WORD_SPACE = len(_SYLLABLES) ** 3                           # 343,000 three-syllable words
_SCRAMBLE = 100_003                                          # coprime to 70**3: a bijection

_GIVEN = ["Anna", "Boris", "Carmen", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jamal",
          "Katya", "Leon", "Maria", "Nikolai", "Olga", "Pavel", "Rania", "Sergei", "Tamara", "Umar",
          "Vera", "Walid", "Yulia", "Zaur", "Amir", "Bianca", "Chen", "Dana", "Emil", "Fatima"]
_TITLES = ["General", "Colonel", "Minister", "Director", "Dr", "Sheikh", "Judge", "Major"]
_PUBLISHERS = ["The Ledger", "Evening Courier", "Northern Post", "Daily Dispatch", "World Wire",
               "The Observer Review", "Capital Times", "Frontline Weekly"]
_DEPARTMENTS = ["Interior", "Foreign Affairs", "Defence", "Justice", "Security", "Finance"]
_SOURCES = ["officials said", "according to people familiar with the matter", "a spokesperson said",
            "court papers show", "diplomats said", "analysts said", "the report said", "witnesses said"]
_FILLER = ["The events drew wide attention across the region.",
           "Neither side responded to requests for comment.",
           "The situation remained unclear late on Tuesday.",
           "Officials spoke on condition of anonymity because they were not authorised to speak publicly.",
           "Security was tightened around government buildings.",
           "The claims could not be independently verified.",
           "Observers said the developments marked a shift in policy.",
           "Several people were detained in the days that followed."]
_VERBS = {
    "OFFERED_COOPERATION": "offered to cooperate with", "SHARED_INTELLIGENCE": "shared intelligence with",
    "REJECTED_COOPERATION": "turned down an offer of help from", "COOPERATED_WITH": "worked together with",
    "WARNED": "warned", "WARNED_OF": "warned of", "ACCUSED": "accused", "CRITICISED": "criticised",
    "CLAIMED_RESPONSIBILITY": "claimed responsibility for", "SPOKE_TO": "spoke to",
    "CARRIED_OUT": "carried out", "ASSISTED": "helped with", "PREPARED": "prepared", "SUPPORTED": "backed",
    "ARRESTED": "arrested", "TORTURED": "tortured", "KILLED": "killed", "FOILED": "foiled",
    "AT_WAR_WITH": "is at war with", "IN_CONFLICT_WITH": "is locked in a dispute with",
    "THREATENED": "threatened", "POSED_THREAT_TO": "posed a threat to", "REPRESSED": "cracked down on",
    "DESIGNATED_EXTREMIST": "banned as extremist", "TARGETED": "targeted", "OCCURRED_IN": "took place in",
    "LOCATED_IN": "lies in", "BASED_IN": "is based in", "LEADS": "leads", "DIRECTS": "directs",
    "SPOKESPERSON_FOR": "speaks for", "WORKS_FOR": "works for", "AFFILIATED_WITH": "is affiliated with",
    "MEMBER_OF": "is a member of", "BRANCH_OF": "is a branch of", "PART_OF": "is part of", "OWNS": "owns",
    "NATIONAL_OF": "is a national of", "RECRUITED": "recruited", "STUDIES": "studies",
}


def word(index: int) -> str:
    """The made-up word of entity ``index``: three syllables, different for every index.

    >>> word(0), word(1), word(0) == word(0)
    ('Dupobe', 'Sibeki', True)
    >>> len({word(i) for i in range(5000)})
    5000
    """
    n = (index * _SCRAMBLE + 7919) % _WORD_SPACE
    parts = []
    for _ in range(3):
        n, digit = divmod(n, len(_SYLLABLES))
        parts.append(_SYLLABLES[digit])
    return "".join(parts).capitalize()


@dataclass(frozen=True, eq=False)
class _Entity:
    index: int
    id: str
    kind: str
    name: str
    aliases: tuple[str, ...]
    wikidata: str | None
    popularity: float


def _entity(index: int, kind: str, rng: random.Random, popularity: float) -> _Entity:
    w = word(index)
    slug = w.lower()
    if kind == "Person":
        given = rng.choice(_GIVEN)
        name, aliases = f"{given} {w}", [w]
        if rng.random() < 0.3:
            aliases.append(f"{rng.choice(_TITLES)} {w}")
    elif kind == "State":
        name, aliases = f"Republic of {w}", [w, f"the {w} government"]
    elif kind == "GovernmentBody":
        name, aliases = f"{w} Ministry of {rng.choice(_DEPARTMENTS)}", [f"the {w} ministry"]
    elif kind == "SecurityService":
        name, aliases = f"{w} Security Service", [f"{w.upper()}S", f"the {w} service"]
    elif kind == "ArmedGroup":
        name, aliases = f"{w} Brigade", [f"{w} fighters"]
    elif kind == "PersonGroup":
        name, aliases = f"{w} suspects", []
    elif kind == "Coalition":
        name, aliases = f"{w} Alliance", [f"the {w} bloc"]
    elif kind == "Company":
        name, aliases = f"{w} Holdings", [w + " Ltd"]
    elif kind == "Organisation":
        name, aliases = f"{w} Foundation", []
    elif kind == "ReligiousOrganisation":
        name, aliases = f"Church of {w}", [f"{w}’s followers"]  # a curly apostrophe, as in real text
    elif kind == "AcademicInstitution":
        name, aliases = f"{w} Institute", [f"University of {w}"]
    elif kind == "MediaOutlet":
        name, aliases = f"{w} Tribune", [f"the {w} paper"]
    elif kind == "Event":
        name, aliases = f"{w} bombing", [f"the attack in {w}"]
    elif kind == "Place":
        name, aliases = f"{w} City", [f"{w} district"]
    else:  # a kind added to the ontology later
        name, aliases = f"{w} {kind}", []
    wikidata = f"Q{1_000_000 + index}" if kind != "Person" and rng.random() < 0.25 else None
    return _Entity(index, f"{kind.lower()}-{slug}", kind, name, tuple(aliases), wikidata, popularity)


def _allocate(total: int, weights: list[float], minimum: int) -> list[int]:
    """Split ``total`` into integers proportional to ``weights``, each at least ``minimum``."""
    spare = total - minimum * len(weights)
    if spare < 0:
        raise ValueError(f"cannot split {total} into {len(weights)} parts of at least {minimum}")
    scale = sum(weights)
    exact = [spare * w / scale for w in weights]
    counts = [int(x) for x in exact]
    order = sorted(range(len(weights)), key=lambda i: (counts[i] - exact[i], i))
    for i in order[:spare - sum(counts)]:
        counts[i] += 1
    return [minimum + c for c in counts]


class _Corpus:
    """The entity table and the plan of every document, before any document is written."""

    def __init__(self, size: Size, seed: int, ontology: Ontology):
        self.size, self.seed, self.ontology = size, seed, ontology
        rng = random.Random(f"intelgraph-bench:{seed}:{size.name}:entities")
        kinds = [k for k in _KIND_SHARE if k in ontology.kinds] + sorted(set(ontology.kinds) - set(_KIND_SHARE))
        shares = [_KIND_SHARE.get(k, 0.01) for k in kinds]
        counts = _allocate(size.entities, shares, 1)
        if "State" in kinds:  # few states; the surplus goes to people
            i = kinds.index("State")
            surplus = max(0, counts[i] - _MAX_STATES)
            counts[i] -= surplus
            counts[kinds.index("Person") if "Person" in kinds else 0] += surplus
        kind_of = [k for k, c in zip(kinds, counts, strict=True) for _ in range(c)]
        rng.shuffle(kind_of)
        # Popularity: Zipf over a random order; people mostly stay in their one article.
        ranks = list(range(1, size.entities + 1))
        rng.shuffle(ranks)
        self.entities: list[_Entity] = []
        for index, kind in enumerate(kind_of):
            popularity = 1.0 / ranks[index] ** 1.1
            if kind in ("Person", "PersonGroup", "Event"):
                popularity *= 0.15
            self.entities.append(_entity(index, kind, rng, popularity))
        # The hubs: the first states and services, in (nearly) every article.
        states = [e for e in self.entities if e.kind == "State"]
        services = [e for e in self.entities if e.kind == "SecurityService"]
        n_hubs = max(2, round(size.entities ** 0.25))  # S: 6, M: 10, L: 18
        self.hubs = (states[: (n_hubs + 1) // 2] + services[: n_hubs // 2])[:n_hubs]
        hub_ids = {e.index for e in self.hubs}
        self.guests = [e for e in self.entities if e.index not in hub_ids]
        self.guest_cum = list(itertools.accumulate(e.popularity for e in self.guests))

        # Documents: relations per article are heavy-tailed too (a few long investigations).
        doc_weights = [rng.lognormvariate(0.0, 0.7) for _ in range(size.documents)]
        self.relations_per_doc = _allocate(size.relations, doc_weights, 5)
        # Each entity is introduced by one article (so every entity is in the graph), in
        # proportion to the article's length; the hubs are everywhere anyway.
        others = [e.index for e in self.guests]
        rng.shuffle(others)
        per_doc = _allocate(len(others), [float(r) for r in self.relations_per_doc], 0)
        self.home: list[list[int]] = []
        start = 0
        for count in per_doc:
            self.home.append(others[start:start + count])
            start += count

    def document_id(self, number: int) -> str:
        return f"bench-{self.size.name.lower()}-{number:05d}"


def _doc_entities(corpus: _Corpus, number: int, rng: random.Random) -> list[_Entity]:
    entities = corpus.entities
    chosen: dict[int, _Entity] = {}
    for rank, hub in enumerate(corpus.hubs):
        if rng.random() < 0.92 - 0.04 * rank:
            chosen[hub.index] = hub
    for index in corpus.home[number]:
        chosen[index] = entities[index]
    n_relations = corpus.relations_per_doc[number]
    wanted = len(chosen) + max(3, n_relations // 12)
    total = corpus.guest_cum[-1]
    attempts = 0
    while len(chosen) < wanted and attempts < wanted * 4:
        attempts += 1
        guest = corpus.guests[bisect.bisect_left(corpus.guest_cum, rng.random() * total)]
        chosen.setdefault(guest.index, guest)
    return list(chosen.values())


def _date_near(published: str, rng: random.Random) -> str:
    year = int(published[:4]) - rng.choice((0, 0, 0, 1, 2))
    r = rng.random()
    if r < 0.3:
        return str(year)
    month = rng.randint(1, 12)
    if r < 0.6:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's string syntax is valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _document(corpus: _Corpus, number: int) -> tuple[str, str, int]:
    """One article: (facts YAML without its sha256 line filled, text, relations)."""
    rng = random.Random(f"intelgraph-bench:{corpus.seed}:{corpus.size.name}:doc:{number}")
    ontology = corpus.ontology
    doc_id = corpus.document_id(number)
    year = 2015 + number * 10 // max(1, corpus.size.documents)
    published = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    entities = _doc_entities(corpus, number, rng)
    by_kind: dict[str, list[_Entity]] = {}
    for e in entities:
        by_kind.setdefault(e.kind, []).append(e)
    # How often each entity is an end of a relation in this article: hubs and the article's own
    # main characters most, bit players once or twice.
    hubs = {e.index for e in corpus.hubs}
    weight_of = {e.index: (6.0 if e.index in hubs else 1.0) * rng.paretovariate(1.5) for e in entities}
    cum = list(itertools.accumulate(weight_of[e.index] for e in entities))
    by_id = {e.id: e for e in entities}
    types = list(ontology.relations.values())
    type_weights = [_TYPE_WEIGHT.get(t.name, 2) for t in types]
    actors = [e for e in entities if e.kind not in ("Event", "Place")] or entities
    is_actor = {e.index for e in actors}
    objects_of: dict[str, list[_Entity]] = {}

    def mention(e: _Entity) -> str:
        names = (e.name, *e.aliases)
        return names[rng.randrange(len(names))]

    def objects(type_name: str, object_kinds: frozenset[str]) -> list[_Entity]:
        found = objects_of.get(type_name)
        if found is None:
            found = objects_of[type_name] = [o for k in sorted(object_kinds) for o in by_kind.get(k, ())]
        return found

    def pick_object(candidates: list[_Entity], subject: _Entity) -> _Entity | None:
        # The better-weighted of two draws: skews towards each article's main characters.
        drawn = [o for o in (candidates[rng.randrange(len(candidates))] for _ in range(2)) if o is not subject]
        if not drawn:
            others = [o for o in candidates if o is not subject]
            return rng.choice(others) if others else None
        return max(drawn, key=lambda o: weight_of[o.index])

    def pick_type(subject: _Entity) -> tuple[str, _Entity] | None:
        for _ in range(12):
            t = rng.choices(types, cum_weights=type_cum)[0]
            if subject.kind in t.subject_kinds:
                obj = pick_object(objects(t.name, t.object_kinds), subject) if objects(t.name, t.object_kinds) else None
                if obj is not None:
                    return t.name, obj
        for t in rng.sample(types, len(types)):
            if subject.kind in t.subject_kinds and objects(t.name, t.object_kinds):
                obj = pick_object(objects(t.name, t.object_kinds), subject)
                if obj is not None:
                    return t.name, obj
        return None

    type_cum = list(itertools.accumulate(type_weights))
    relations: list[dict[str, object]] = []
    sentences: list[str] = []
    n_relations = corpus.relations_per_doc[number]
    # Every entity introduced here takes part in a relation; the rest follow the weights.
    queue = [corpus.entities[i] for i in corpus.home[number]]
    guard = 0
    while len(relations) < n_relations and guard < n_relations * 20:
        guard += 1
        subject = queue.pop() if queue else entities[bisect.bisect_left(cum, rng.random() * cum[-1])]
        status_roll = rng.random()
        denial_target = None
        if status_roll >= sum(_STATUS_P) and relations:
            recent = [r for r in relations[-20:] if r["status"] != "denied"]
            denial_target = rng.choice(recent) if recent else None
        if denial_target is not None:
            subj, obj = by_id[str(denial_target["subject"])], by_id[str(denial_target["object"])]
            rel_type = str(denial_target["type"])
            denier = subj if subj.index in is_actor else rng.choice(actors)
            rel = {"id": f"r{len(relations) + 1}", "subject": subj.id, "type": rel_type, "object": obj.id,
                   "status": "denied", "asserted_by": denier.id, "denies": denial_target["id"]}
            quote = (f"{mention(denier)} denied that {mention(subj)} {_VERBS.get(rel_type, 'was linked to')} "
                     f"{mention(obj)}")
        else:
            picked = pick_type(subject)
            if picked is None:
                continue
            rel_type, obj = picked
            verb = _VERBS.get(rel_type, rel_type.lower().replace("_", " "))
            rel = {"id": f"r{len(relations) + 1}", "subject": subject.id, "type": rel_type, "object": obj.id}
            if status_roll < _STATUS_P[0] or status_roll >= sum(_STATUS_P):
                rel["status"] = "reported"
                quote = f"{mention(subject)} {verb} {mention(obj)}"
            else:
                asserter = rng.choice(actors)
                rel["status"] = "claimed"
                rel["asserted_by"] = asserter.id
                if rng.random() < _DISPUTED_P:
                    disputer = subject if subject.index in is_actor and subject is not asserter else rng.choice(actors)
                    rel["disputed_by"] = [disputer.id]
                quote = f"{mention(asserter)} said {mention(subject)} {verb} {mention(obj)}"
        if rng.random() < _DATED_P:
            rel["date"] = _date_near(published, rng)
            quote += f" in {str(rel['date'])[:4]}"
        rel["quote"] = quote
        relations.append(rel)
        sentences.append(f"{quote}, {rng.choice(_SOURCES)}.")
        if rng.random() < 0.15:
            sentences.append(rng.choice(_FILLER))

    title = f"{mention(entities[0])} and {mention(entities[-1])}: report {number + 1}"
    paragraphs = [" ".join(sentences[i:i + 6]) for i in range(0, len(sentences), 6)]
    text = title + "\n\n" + "\n\n".join(paragraphs) + "\n"

    lines = ["document:", f"  id: {doc_id}", f"  title: {_q(title)}",
             f"  publisher: {_q(_PUBLISHERS[number % len(_PUBLISHERS)])}", f"  published: {published}",
             "  language: en", f"  text: {doc_id}.txt",
             f"  sha256: {hashlib.sha256(text.encode()).hexdigest()}"]
    if number % 3 == 0:
        lines.append(f"  authors: [{_q(rng.choice(_GIVEN) + ' ' + word(corpus.size.entities + number))}]")
    if number % 2 == 0:
        lines.append(f"  url: https://news.example/{doc_id}")
    lines.append("entities:")
    for e in entities:
        lines.append(f"  - id: {e.id}")
        lines.append(f"    name: {_q(e.name)}")
        lines.append(f"    kind: {e.kind}")
        if e.aliases:
            lines.append(f"    aliases: [{', '.join(_q(a) for a in e.aliases)}]")
        if e.wikidata:
            lines.append(f"    external_ids: {{wikidata: {e.wikidata}}}")
    lines.append("relations:")
    for rel in relations:
        lines.append(f"  - id: {rel['id']}")
        for key in ("subject", "type", "object", "status", "asserted_by"):
            if key in rel:
                lines.append(f"    {key}: {rel[key]}")
        if "disputed_by" in rel:
            lines.append(f"    disputed_by: [{', '.join(rel['disputed_by'])}]")  # type: ignore[arg-type]
        if "denies" in rel:
            lines.append(f"    denies: {rel['denies']}")
        if "date" in rel:
            lines.append(f"    date: {_q(str(rel['date']))}")
        lines.append(f"    quote: {_q(str(rel['quote']))}")
    return "\n".join(lines) + "\n", text, len(relations)


def corpus_dir(root: Path, size: str, seed: int) -> Path:
    """Where a corpus of ``size`` and ``seed`` lives under ``root`` (e.g. ``.cache/bench``)."""
    return Path(root) / f"corpus-{size}-seed{seed}"


def _manifest(size: Size, seed: int) -> dict[str, object]:
    return {"generator": GENERATOR_VERSION, "size": size.name, "seed": seed, "entities": size.entities,
            "relations": size.relations, "documents": size.documents}


def generate(out: Path, size: Size | str, *, seed: int = 0, ontology: Ontology | None = None,
             reuse: bool = True) -> dict[str, object]:
    """Write the corpus into ``out`` (replaced), or keep it if a complete one of the same
    size, seed and generator version is there; returns its manifest.

    The manifest (``manifest.json``) is written last, so an interrupted run is redone.
    """
    size = SIZES[size] if isinstance(size, str) else size
    out = Path(out)
    wanted = _manifest(size, seed)
    manifest_path = out / "manifest.json"
    if reuse and manifest_path.exists():
        existing = json.loads(manifest_path.read_text())
        if all(existing.get(k) == v for k, v in wanted.items()):
            return existing
    started = time.perf_counter()
    corpus = _Corpus(size, seed, ontology or get_ontology())
    partial = out.with_name(out.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir(parents=True)
    relations = 0
    written = 0
    for number in range(size.documents):
        facts, text, count = _document(corpus, number)
        doc_id = corpus.document_id(number)
        (partial / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        (partial / f"{doc_id}.facts.yaml").write_text(facts, encoding="utf-8")
        relations += count
        written += len(facts.encode()) + len(text.encode())
    if relations != size.relations:
        raise AssertionError(f"generated {relations} relations, expected {size.relations}")
    manifest = {**wanted, "bytes": written, "generate_s": round(time.perf_counter() - started, 2)}
    (partial / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n")
    shutil.rmtree(out, ignore_errors=True)
    os.replace(partial, out)
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Generate a synthetic facts corpus.")
    parser.add_argument("--size", choices=sorted(SIZES), default="S")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", type=Path, default=None, help="default: .cache/bench/corpus-SIZE-seedN")
    args = parser.parse_args(argv)
    out = args.out or corpus_dir(Path(__file__).resolve().parent.parent / ".cache" / "bench", args.size, args.seed)
    manifest = generate(out, args.size, seed=args.seed, reuse=False)
    print(f"wrote {out}: {json.dumps(manifest)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
