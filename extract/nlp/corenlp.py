"""Read an article with the CoreNLP server: its JSON answer becomes :class:`Annotated`.

The publication date goes with the request, so SUTime resolves "on Friday" or "last week"
against the day the article appeared, not the day it is drafted.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
import os
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from extract.nlp.datelines import dateline_apart
from extract.nlp.document import Annotated, Arc, CorefMention, NamedEntity, Sentence, Token
from extract.nlp.mending import mend
from extract.nlp.server import ANNOTATORS, CORENLP_VERSION, credentials
from graph.errors import NlpUnavailable, ServerError
from graph.settings import Settings

__all__ = ["annotate", "request", "read_json"]


def annotate(text: str, *, published: dt.date | None, settings: Settings) -> Annotated:
    """Annotate ``text`` on the server named by the settings (see :func:`request`).

    The last few answers are kept in memory, and every answer in ``CORENLP_ANSWERS_DIR`` when it
    is set: drafting one text again (against another gazetteer, after a reviewer's redraft, in
    another process) does not read it again. An answer is kept under the digest of everything it
    depends on: CoreNLP's version, the properties sent (annotators, coreference, the date) and
    the text.
    """
    properties = _properties(published, settings)
    sent = dateline_apart(text)
    key = hashlib.sha256(json.dumps([CORENLP_VERSION, properties, sent], sort_keys=True).encode()).hexdigest()
    if key not in _recent:
        if len(_recent) >= _RECENT:
            _recent.pop(next(iter(_recent)))
        _recent[key] = _kept(key, settings) or _keep(key, request(sent, published=published, settings=settings),
                                                     settings)
    return read_json(text, _recent[key])


_RECENT = 16
_recent: dict[str, dict[str, Any]] = {}


def _kept(key: str, settings: Settings) -> dict[str, Any] | None:
    if settings.corenlp_answers_dir is None:
        return None
    try:
        return json.loads((settings.corenlp_answers_dir / f"{key}.json").read_bytes())
    except (FileNotFoundError, ValueError):  # not kept yet, or cut short by a crash: read it again
        return None


def _keep(key: str, answer: dict[str, Any], settings: Settings) -> dict[str, Any]:
    folder = settings.corenlp_answers_dir
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
        partial = folder / f".{key}.{os.getpid()}.json"
        partial.write_text(json.dumps(answer))
        partial.replace(folder / f"{key}.json")  # whole or not at all, for readers in other processes
    return answer


def _properties(published: dt.date | None, settings: Settings) -> dict[str, str]:
    properties = {
        "annotators": ANNOTATORS if settings.corenlp_coref else ANNOTATORS.removesuffix(",coref"),
        "outputFormat": "json",
        # a blank line ends a sentence: a headline without a full stop is not glued to the lead
        "ssplit.newlineIsSentenceBreak": "two",
        "coref.algorithm": "statistical",
    }
    if published is not None:
        properties["date"] = f"{published.isoformat()}T12:00:00"
    return properties


def request(text: str, *, published: dt.date | None, settings: Settings) -> dict[str, Any]:
    """The server's JSON answer for ``text``.

    Raises
    ------
    NlpUnavailable
        When the server does not answer (a ServerError: the API answers 503).
    ServerError
        When the server answers with an error (with its words).
    """
    properties = _properties(published, settings)
    url = settings.corenlp_base_url + "/?" + urllib.parse.urlencode({"properties": json.dumps(properties)})
    headers = {"Content-Type": "text/plain; charset=utf-8"}
    user = credentials(settings)
    if user is not None:
        headers["Authorization"] = "Basic " + base64.b64encode(":".join(user).encode()).decode("ascii")
    request = urllib.request.Request(url, data=text.encode("utf-8"), method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=settings.corenlp_timeout_s + 5) as answer:
            return json.loads(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as exc:
        if exc.code == 401:
            raise ServerError(f"the CoreNLP server at {settings.corenlp_base_url} wants a password that was not "
                              "given or is wrong: set CORENLP_USERNAME and CORENLP_PASSWORD for a server at "
                              "CORENLP_URL; a local one started by another home or by hand can be restarted "
                              "with `intelgraph nlp stop` and `intelgraph nlp start`") from None
        detail = exc.read().decode("utf-8", errors="replace")[:500]
        raise ServerError(f"the CoreNLP server at {settings.corenlp_base_url} refused the article "
                          f"(HTTP {exc.code}): {detail}") from None
    except (urllib.error.URLError, OSError) as exc:
        raise NlpUnavailable(f"the CoreNLP server at {settings.corenlp_base_url} does not answer ({exc}); "
                          "start it with `intelgraph nlp start` or set CORENLP_URL") from None


def read_json(text: str, data: dict[str, Any]) -> Annotated:
    """The server's JSON answer as :class:`Annotated`.

    CoreNLP counts offsets in UTF-16 code units; Python strings count code points. They differ
    only after a character outside the Basic Multilingual Plane (an emoji), so offsets are mapped.
    """
    to_py = _utf16_to_python(text)
    sentences = []
    for s in data.get("sentences", []):
        tokens = [Token(i=t["index"] - 1, text=t.get("originalText", t["word"]), lemma=t["lemma"].lower(),
                        pos=t["pos"], ner=t.get("ner", "O"),
                        start=to_py(t["characterOffsetBegin"]), end=to_py(t["characterOffsetEnd"]),
                        normalized=t.get("normalizedNER"))
                  for t in s["tokens"]]
        arcs = [Arc(a["governor"] - 1, a["dependent"] - 1, a["dep"]) for a in s.get("enhancedPlusPlusDependencies", [])]
        basic = [Arc(a["governor"] - 1, a["dependent"] - 1, a["dep"]) for a in s.get("basicDependencies", [])]
        entities = [NamedEntity(m["tokenBegin"], m["tokenEnd"], m["ner"], m["text"], m.get("normalizedNER"))
                    for m in s.get("entitymentions", [])]
        tokens, arcs, basic = mend(tokens, arcs, basic)
        sentences.append(Sentence(index=s["index"], tokens=tokens, arcs=arcs, basic=basic, entities=entities))
    chains = []
    for chain in data.get("corefs", {}).values():
        chains.append([CorefMention(sentence=m["sentNum"] - 1, first=m["startIndex"] - 1, end=m["endIndex"] - 1,
                                    head=m["headIndex"] - 1, text=m["text"], type=m["type"],
                                    representative=m["isRepresentativeMention"]) for m in chain])
    return Annotated(text=text, sentences=[s for s in sentences if s.tokens], chains=chains)


def _utf16_to_python(text: str):
    if all(ord(c) < 0x10000 for c in text):
        return lambda offset: offset
    table: list[int] = []
    for index, char in enumerate(text):
        table.extend([index] * (2 if ord(char) >= 0x10000 else 1))
    table.append(len(text))
    return lambda offset: table[offset] if offset < len(table) else len(text)
