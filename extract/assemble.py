"""Put a draft together: the document's metadata, the proposed entities and relations, each marked
``review: {candidate: true, ...}`` with its reason and confidence, written as a facts file.

The draft always validates (``intelgraph validate``): quotes are slices of the text, kinds and
types come from the ontology and were checked against each other, and anything the validator
still refuses is left out, with a comment in the file saying so.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from extract.attribution import attribute
from extract.entities import Proposal, recognise, slug
from extract.gazetteer import Gazetteer
from extract.ids import relation_id
from extract.lexicon import Lexicon, get_lexicon
from extract.nlp.corenlp import annotate
from extract.nlp.document import Annotated
from extract.predicates import get_predicates
from extract.relations import Candidate, find_relations, settle_ends
from extract.timing import date_candidates
from extract.writer import dump_facts, write_atomically
from graph.errors import InvalidInput, Problem
from graph.facts import Facts, parse_facts
from graph.names import name_key
from graph.ontology import Ontology, get_ontology
from graph.settings import Settings, get_settings

__all__ = ["DocumentInfo", "GUESSABLE", "MAX_TEXT_BYTES", "default_document_id", "detect_language", "draft_facts",
           "read_article", "slug", "write_draft"]

#: The document fields a draft guesses when the command line does not give them; a guess is
#: never accepted silently (extract/review.py): a person has to set each one.
GUESSABLE = ("title", "publisher", "published")
#: One article, not a book: 300 kB is about 50,000 words, some 40 long news articles. Drafting
#: time grows with the text (here: 39 kB in 14 s, 155 kB in 33 s with --no-graph), so a longer
#: text would take minutes and give a draft no person can review in one sitting.
MAX_TEXT_BYTES = 300_000
#: Fewer letters than this and the language is not guessed (langdetect is unreliable on a line).
_LANGUAGE_MIN_LETTERS = 120

_HEADER = """Draft written by `intelgraph draft` on {today} from {text}.
Every entity and relation marked `review: {{candidate: true}}` is a proposal: accept, edit or reject
each one (`intelgraph review {output}`, or by hand) before `intelgraph load` will take the file."""


@dataclass(frozen=True)
class DocumentInfo:
    """What the command line says about the article; anything missing is guessed and marked."""

    title: str | None = None
    publisher: str | None = None
    published: dt.date | None = None
    id: str | None = None
    language: str | None = None  # None: not stated; English, checked by read_article
    url: str | None = None
    #: other documents with the same text (extract/duplicates.py), said on the document's card
    same_text: tuple[str, ...] = ()


#: Reads an article: its text and publication date in, the NLP foundation's reading out.
Reader = Callable[[str, "dt.date | None"], Annotated]


def corenlp_reader(settings: Settings | None = None) -> Reader:
    """Read with the CoreNLP server the settings name (``intelgraph nlp start`` runs one)."""
    chosen = settings or get_settings()
    return lambda text, published: annotate(text, published=published, settings=chosen)


def draft_facts(text: str, *, text_name: str, sha256: str, info: DocumentInfo, gazetteer: Gazetteer,
                ontology: Ontology | None = None, lexicon: Lexicon | None = None,
                reader: Reader | None = None, extractor: str = "linguistic") -> dict[str, Any]:
    """The draft's data (as a facts file holds it) for an article's text; ``extractor`` ``llm`` or
    ``both`` asks a model too (extract/llm/), and adds ``notes`` for the file's header."""
    if extractor != "linguistic":
        from extract.llm.drafting import draft_with_llm

        return draft_with_llm(extractor, text, document=_document(text, text_name, sha256, info),
                              gazetteer=gazetteer, ontology=ontology, linguistic=lambda: draft_facts(
                                  text, text_name=text_name, sha256=sha256, info=info, gazetteer=gazetteer,
                                  ontology=ontology, lexicon=lexicon, reader=reader))
    ontology = ontology or get_ontology()
    lexicon = lexicon or get_lexicon()
    predicates = get_predicates()
    doc = (reader or corenlp_reader())(text, info.published)
    recognition = recognise(doc, gazetteer, lexicon, predicates, published=info.published)
    candidates = find_relations(doc, recognition, predicates, ontology, lexicon)
    candidates = settle_ends(attribute(doc, recognition, candidates, predicates), recognition.proposals, ontology)
    structural = frozenset(name for name, rel in ontology.relations.items() if rel.category == "structure")
    date_candidates(doc, candidates, info.published, undated_types=structural,
                    saying=predicates.reporting_verbs | predicates.denial_verbs)
    proposals = recognition.proposals
    for candidate in candidates:  # a state named only through its capital ("Kyiv said")
        for key in (candidate.subject, candidate.object, candidate.asserted_by):
            if key is not None and proposals[key].first < 0:
                proposals[key].first = candidate.start
    entities = [p for p in sorted(proposals.values(), key=lambda p: (p.first, p.id))
                if p.first >= 0 and not _only_its_state(p, recognition.capitals, proposals, candidates)]
    return {
        "document": _document(text, text_name, sha256, info),
        "entities": _entities(entities),
        "relations": _relations(text, candidates, proposals),
    }


def _only_its_state(place: Proposal, capitals: dict[str, str], proposals: dict[str, Proposal],
                    candidates: list[Candidate]) -> bool:
    """Whether a capital stood only for its state: its name became the state's alias ("New Delhi
    accused Ottawa"), no relation is the city's own, and it is never where something is ("the
    men were arrested in Moscow"). It is then no entity of its own: a second
    "Ottawa (Place)" beside Canada, alias "Ottawa", would be one more thing to reject."""
    state = capitals.get(place.key)
    if state is None or place.placed or name_key(place.name) not in {name_key(a) for a in proposals[state].aliases}:
        return False
    return not any(place.key in (c.subject, c.object, c.asserted_by) for c in candidates)


def write_draft(text_path: Path, output: Path, *, info: DocumentInfo, gazetteer: Gazetteer,
                ontology: Ontology | None = None, reader: Reader | None = None,
                extractor: str = "linguistic") -> Facts:
    """Draft the facts of the article in ``text_path`` into ``output``; return them, validated."""
    text, raw = read_article(Path(text_path), language=info.language)
    output = Path(output)
    text_name = _text_name(Path(text_path), output)
    data = draft_facts(text, text_name=text_name, sha256=hashlib.sha256(raw).hexdigest(), info=info,
                       gazetteer=gazetteer, ontology=ontology, reader=reader, extractor=extractor)
    if not data["entities"]:  # the facts format needs one; say so of the article, not of the file not written
        raise InvalidInput([Problem(str(text_path), None, "", "the draft found no entity (no party, place or event "
                                    "the extractor knows how to name): nothing to propose; write its facts by hand "
                                    "if it has any")])
    header = _HEADER.format(today=dt.date.today().isoformat(), text=Path(text_path).name, output=output)
    dropped: list[str] = data.pop("notes", [])
    last: InvalidInput | None = None
    for _ in range(5):
        source = dump_facts(data, header="\n".join([header, *dropped]))
        try:
            facts = parse_facts(source, output, ontology=ontology)
        except InvalidInput as exc:
            if not _drop_refused(data, exc, dropped):
                raise
            last = exc
            continue
        write_atomically(output, source)
        return facts
    raise InvalidInput(last.problems if last else [])


def default_document_id(text_path: Path, output: Path) -> str:
    """The id a draft gives its document when ``--id`` does not: from the text file's name.

    >>> default_document_id(Path("news/Latvia arrests.txt"), Path("news/latvia.facts.yaml"))
    'latvia-arrests'
    """
    return slug(Path(_text_name(Path(text_path), Path(output))).stem)


def _text_name(text_path: Path, output: Path) -> str:
    return os.path.relpath(text_path.resolve(), output.resolve().parent)


def read_article(path: Path, *, language: str | None = None) -> tuple[str, bytes]:
    """The text of an article file and its bytes, or :class:`InvalidInput` naming the file and
    what is wrong: empty, binary, not UTF-8, too long for one article, or (unless ``language``
    says which) not in English, the only language the extractor reads.

    ``language`` is the ISO 639-1 code a person stated, and is trusted; ``None`` means "not
    stated": the language is guessed, and anything but English is refused.

    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> (folder / "empty.txt").write_text(" \\n")
    2
    >>> read_article(folder / "empty.txt")
    Traceback (most recent call last):
    ...
    graph.errors.InvalidInput: ...empty.txt: the file is empty (nothing but white space): nothing to draft
    """
    name = str(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InvalidInput([Problem(name, None, "", f"cannot read the article: {exc.strerror}")]) from None
    if len(raw) > MAX_TEXT_BYTES:
        raise InvalidInput([Problem(name, None, "", f"{len(raw):,} bytes is more than one article (the limit "
                                                    f"is {MAX_TEXT_BYTES:,} bytes, about 50,000 words): split it "
                                                    "into its articles and draft each")])
    if not raw.strip():
        raise InvalidInput([Problem(name, None, "", "the file is empty (nothing but white space): nothing to draft")])
    nul = raw.find(b"\x00")
    if nul >= 0:
        utf16 = raw.startswith((b"\xff\xfe", b"\xfe\xff"))
        raise InvalidInput([Problem(name, None, "", "UTF-16 text: save it as UTF-8 and draft again" if utf16 else
                                    f"a binary file, not a text (a NUL byte at offset {nul}): draft the "
                                    "article's text, saved as UTF-8 (a PDF or a Word file must be "
                                    "converted first)")])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[:exc.start].count(b"\n") + 1
        raise InvalidInput([Problem(name, line, "", f"not UTF-8 text: byte 0x{raw[exc.start]:02x} at offset "
                                                    f"{exc.start} cannot be read (save the file as UTF-8)")]) from None
    if text.startswith("\ufeff"):
        raise InvalidInput([Problem(name, 1, "", "the text starts with a byte-order mark (U+FEFF): save it as "
                                                 "UTF-8 without one, so that quotes and spans match")])
    if not any(ch.isalpha() for ch in text):
        raise InvalidInput([Problem(name, None, "", "the file has no words (not a letter in it): nothing to draft")])
    if language is None:
        found = detect_language(text)
        if found is not None and found != "en":
            raise InvalidInput([Problem(name, None, "", f"the text looks like {_language_name(found)} ({found}), "
                                                        "and the extractor reads English only; to draft it "
                                                        f"anyway, give --language {found}")])
    return text, raw


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None if there are too few letters to tell.

    A text in which English function words ("the", "of", "said", …) make a fifth of the words or
    more is English, at once. Any other goes to langdetect (a port of Google's language-detection,
    seeded, so the answer is the same on every run), which names its language; its profiles take
    1.9 s to load, which an English draft does not pay.

    >>> detect_language("The security service said on Friday that it had detained four men."
    ...                 " They were charged with terrorism by a court in Moscow on Sunday evening, and"
    ...                 " the court ordered them held until May. Their lawyers did not comment.")
    'en'
    >>> detect_language("Too short") is None
    True
    """
    if sum(ch.isalpha() for ch in text) < _LANGUAGE_MIN_LETTERS:
        return None
    words = _WORD.findall(text[:20_000].lower())
    if words and sum(word in _ENGLISH_FUNCTION_WORDS for word in words) / len(words) >= 0.2:
        return "en"  # plainly English: langdetect's 1.9 s of loading its profiles is not needed
    from langdetect import DetectorFactory, detect_langs  # type: ignore[import-untyped]
    from langdetect.lang_detect_exception import LangDetectException  # type: ignore[import-untyped]

    DetectorFactory.seed = 0
    try:
        best = detect_langs(text[:20_000])[0]
    except LangDetectException:
        return None
    return str(best.lang).split("-")[0]


_WORD = re.compile(r"[^\W\d_]+")
#: English function words: a third to a half of the words of English prose, a few in % of another
#: language's (German "in", French "a"). langdetect only runs when they are rare, to name the language.
_ENGLISH_FUNCTION_WORDS = frozenset(
    "the a an of to in on at by for from with and or but that which who whom whose this these those it its "
    "is are was were be been has have had not as than they their them he his she her we our you said".split())


def _language_name(code: str) -> str:
    names = {"de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "ru": "Russian", "uk": "Ukrainian",
             "pl": "Polish", "nl": "Dutch", "pt": "Portuguese", "ar": "Arabic", "fa": "Persian", "tr": "Turkish",
             "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "lv": "Latvian", "lt": "Lithuanian",
             "et": "Estonian", "fi": "Finnish", "sv": "Swedish", "no": "Norwegian", "da": "Danish", "cs": "Czech",
             "ro": "Romanian", "hu": "Hungarian", "bg": "Bulgarian", "he": "Hebrew", "el": "Greek"}
    return names.get(code, f"language {code!r}")


def _drop_refused(data: dict[str, Any], exc: InvalidInput, dropped: list[str]) -> bool:
    """Leave out the relations the validator refuses (a safety net: none should be)."""
    bad = set()
    for problem in exc.problems:
        if problem.field.startswith("relations["):
            bad.add(int(problem.field[len("relations["):].split("]")[0]))
    if not bad:
        return False
    for index in sorted(bad, reverse=True):
        relation = data["relations"].pop(index)
        dropped.append(f"left out {relation['id']}: "
                       + "; ".join(p.message for p in exc.problems if p.field.startswith(f"relations[{index}]")))
    return True


def _document(text: str, text_name: str, sha256: str, info: DocumentInfo) -> dict[str, Any]:
    """The document's metadata; what the command line does not give is guessed, and the guesses
    are listed in ``review.guessed`` so that review asks a person for each (never accepts it)."""
    guessed = []
    first_line = text.strip().splitlines()[0].strip() if text.strip() else ""
    title = info.title
    if not title:
        title = first_line if 0 < len(first_line) <= 150 else Path(text_name).stem.replace("-", " ")
        guessed.append("title")
    publisher = info.publisher
    if not publisher:
        publisher = "unknown publisher"
        guessed.append("publisher")
    published = info.published
    if published is None:
        published = dt.date.today()
        guessed.append("published")
    # the id as default_document_id gives it
    document: dict[str, Any] = {"id": info.id or slug(Path(text_name).stem), "title": title, "publisher": publisher,
                                "published": published.isoformat(), "language": info.language or "en",
                                "text": text_name, "sha256": sha256, "url": info.url}
    reasons = []
    if guessed:
        options = {"title": "--title", "publisher": "--publisher", "published": "--date"}
        reasons.append("guessed: " + ", ".join(guessed) + " (a person must set each: intelgraph review asks, or "
                       "give " + ", ".join(options[g] for g in guessed) + " to intelgraph draft)")
    reasons += info.same_text
    if reasons:
        document["review"] = {"candidate": True, "reason": "; ".join(reasons), "confidence": 0.2}
        if guessed:
            document["review"]["guessed"] = guessed
    return document


def _entities(proposals: list[Proposal]) -> list[dict[str, Any]]:
    """One entry per proposal; a name or alias names one entity of a file, so the first proposal
    to use a name keeps it ("Moscow" the state), and a later one is told apart by its kind."""
    owner: dict[str, str] = {}
    out = []
    for proposal in proposals:
        entry = _entity(proposal)
        if owner.get(name_key(entry["name"]), entry["id"]) != entry["id"]:
            entry["name"] = f"{entry['name']} ({entry['kind']})"
            entry["review"]["reason"] += f"; {proposal.name!r} already names another entity of this draft"
        owner.setdefault(name_key(entry["name"]), entry["id"])
        aliases = []
        for alias in entry["aliases"]:
            if owner.setdefault(name_key(alias), entry["id"]) == entry["id"]:
                aliases.append(alias)
        entry["aliases"] = aliases
        out.append(entry)
    return out


def _entity(proposal: Proposal) -> dict[str, Any]:
    review: dict[str, Any] = {"candidate": True, "reason": proposal.how, "confidence": round(proposal.confidence, 2)}
    if proposal.known is not None:
        review["match"] = [proposal.known.id]
    elif proposal.candidates:
        review["match"] = [c.id for c in proposal.candidates]
    return {"id": proposal.id, "name": proposal.name, "kind": proposal.kind,
            "aliases": list(proposal.aliases), "external_ids": dict(proposal.external_ids), "review": review}


def _relations(text: str, candidates: list[Candidate], proposals: dict[str, Proposal]) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    ids: dict[int, str] = {}
    by_fact: dict[tuple, str] = {}
    used: set[str] = set()
    for candidate in candidates:
        subject, obj = proposals[candidate.subject].id, proposals[candidate.object].id
        asserted_by = proposals[candidate.asserted_by].id if candidate.asserted_by else None
        fact: tuple[str | None, ...] = (subject, candidate.type, obj, candidate.status, asserted_by)
        if candidate.denies is not None:
            denied = ids.get(id(candidate.denies))
            if denied is None:
                continue
            fact += (denied,)
        if fact in by_fact:  # the same fact again: one candidate is enough for a reviewer
            ids[id(candidate)] = by_fact[fact]
            continue
        rid = relation_id(subject, candidate.type, obj, status=candidate.status, asserted_by=asserted_by,
                          taken=used.__contains__)
        used.add(rid)
        ids[id(candidate)] = by_fact[fact] = rid
        relation: dict[str, Any] = {"id": rid, "subject": subject, "type": candidate.type, "object": obj,
                                    "status": candidate.status, "asserted_by": asserted_by,
                                    "quote": text[candidate.start:candidate.end].strip()[:2000]}
        if candidate.date is not None:
            relation["date"] = candidate.date
        if candidate.denies is not None:
            relation["denies"] = ids[id(candidate.denies)]
        reason = "; ".join([candidate.how, *candidate.notes])
        relation["review"] = {"candidate": True, "reason": reason,
                              "confidence": max(0.05, min(0.95, round(candidate.confidence, 2)))}
        out.append(relation)
    return out
