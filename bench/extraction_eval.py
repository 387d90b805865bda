"""Measure the draft extractor on articles whose facts were reviewed by hand (docs/extraction.md).

    .venv/bin/python bench/extraction_eval.py                 # every set: the tables of docs/extraction.md
    .venv/bin/python bench/extraction_eval.py --set dev       # one set
    .venv/bin/python bench/extraction_eval.py --json          # the same figures as JSON
    .venv/bin/python bench/extraction_eval.py --names-only    # entities matched by name alone

The sets:

- ``seed``: the corpus's first article and the two articles written for the first extractor;
- ``dev``: six articles written and annotated before the NLP extractor, to develop it on; once
  reviewed they joined ``corpus/`` (every corpus article but the seed one);
- ``heldout``: six more, written and annotated at the same time, whose scores are read only to
  report them, never to tune the extractor.

Each article is drafted the way a new article would be: against a gazetteer of what the graph
would already hold (the corpus's and its own set's other reviewed facts, never its own), and once
more against an empty graph. The draft is scored against the article's reviewed facts
(extract/evaluate.py). The NLP server must be running (``intelgraph nlp start``); no database is
needed: the gazetteer is read from the facts files, as tests/extract/test_graph_drafting.py
checks the graph's gazetteer answers.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from extract.assemble import DocumentInfo, Reader, corenlp_reader, write_draft  # noqa: E402
from extract.evaluate import Score, evaluate, scored  # noqa: E402
from extract.gazetteer import EmptyGazetteer, FactsGazetteer  # noqa: E402
from extract.nlp.document import Annotated  # noqa: E402
from graph.errors import InvalidInput  # noqa: E402
from graph.facts import Facts, read_facts  # noqa: E402
from graph.settings import get_settings  # noqa: E402

EXTRACTION = ROOT / "tests" / "fixtures" / "extraction"
SEED_ARTICLE = ROOT / "corpus" / "crocus-city-hall-ft-2024.facts.yaml"
SETS: dict[str, list[Path]] = {
    "seed": [SEED_ARTICLE,
             EXTRACTION / "fsb-account-crocus-evaldesk-2024.facts.yaml",
             EXTRACTION / "latvia-recruiter-arrest-2024.facts.yaml"],
    "dev": sorted(p for p in (ROOT / "corpus").glob("*.facts.yaml") if p != SEED_ARTICLE),
    "heldout": sorted((EXTRACTION / "heldout").glob("*.facts.yaml")),
}
GRAPHS = ("the graph", "empty")


def _graph_files(article: Path, set_files: list[Path]) -> list[Path]:
    """What the graph holds when ``article`` arrives: the corpus and its set, less itself."""
    corpus = sorted((ROOT / "corpus").glob("*.facts.yaml"))
    return [p for p in dict.fromkeys([*corpus, *set_files]) if p.resolve() != article.resolve()]


def _once(reader: Reader) -> Reader:
    """Each article is read once, though drafted twice (against the graph and against nothing)."""
    seen: dict[tuple[str, dt.date | None], Annotated] = {}

    def read(text: str, published: dt.date | None) -> Annotated:
        if (text, published) not in seen:
            seen[(text, published)] = reader(text, published)
        return seen[(text, published)]
    return read


def run(sets: dict[str, list[Path]], reader: Reader | None = None, *, align: bool = True,
        jobs: int = 1) -> list[dict]:
    """Draft and score every article of ``sets``, each against the graph and against nothing.

    ``jobs`` articles at a time: the NLP server reads several at once (the drafts are scored in
    the order given, whatever the order they finish in).
    """
    reader = _once(reader or corenlp_reader())
    tasks = [(set_name, gold_path, articles) for set_name, articles in sets.items() for gold_path in articles]
    with tempfile.TemporaryDirectory() as folder, ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        drafted = pool.map(lambda task: _article(*task, reader=reader, folder=Path(folder), align=align), tasks)
        return [row for rows in drafted for row in rows]


def _article(set_name: str, gold_path: Path, articles: list[Path], *, reader: Reader, folder: Path,
             align: bool) -> list[dict]:
    """One article's rows: its draft against the graph, and against nothing."""
    gold = read_facts(gold_path)
    meta = gold.document
    info = DocumentInfo(title=meta.title, publisher=meta.publisher, published=meta.published, id=meta.id)
    rows = []
    for graph in GRAPHS:
        gazetteer = (FactsGazetteer.from_paths(_graph_files(gold_path, articles))
                     if graph == "the graph" else EmptyGazetteer())
        output = folder / f"{set_name}.{gold_path.stem}.{len(rows)}.facts.yaml"
        began = time.perf_counter()
        error = None
        try:
            score = evaluate(write_draft(gold_path.parent / meta.text, output, info=info,
                                         gazetteer=gazetteer, reader=reader), gold, align=align)
        except InvalidInput as exc:  # a draft that fails is scored as no draft at all
            score, error = _nothing_found(gold), str(exc).splitlines()[0]
        rows.append({"set": set_name, "article": gold_path.name.removesuffix(".facts.yaml"),
                     "graph": graph, "score": score, "error": error, "seconds": time.perf_counter() - began})
    return rows


def _nothing_found(gold: Facts) -> Score:
    """The score of an empty draft: every reviewed entity and relation added by hand."""
    perfect = evaluate(gold, gold)
    parts = {key: scored(0, 0, getattr(perfect, key)["expected"]) for key in ("entities", "relations", "strict")}
    return Score(**parts,
                 status_accuracy=0.0, status_compared=0,
                 entity_edits={"accepted": 0, "changed": 0, "rejected": 0, "added": len(gold.facts.entities)},
                 relation_edits={"accepted": 0, "changed": 0, "rejected": 0, "added": len(gold.facts.relations)})


def totals(results: list[dict]) -> list[dict]:
    """Each set's figures over all its articles (micro-averaged), per graph."""
    out = []
    for set_name in dict.fromkeys(r["set"] for r in results):
        for graph in GRAPHS:
            rows = [r for r in results if r["set"] == set_name and r["graph"] == graph]
            if not rows:
                continue
            scores: list[Score] = [r["score"] for r in rows]
            part = {key: _summed([getattr(s, key) for s in scores]) for key in ("entities", "relations", "strict")}
            compared = sum(s.status_compared for s in scores)
            right = sum(round(s.status_accuracy * s.status_compared) for s in scores)
            found = part["relations"]["tp"]
            out.append({"set": set_name, "graph": graph, "articles": len(rows), **part,
                        "status_right": right, "status_compared": compared,
                        "edits": sum(s.edits for s in scores),
                        "edits_per_relation_found": round(sum(s.edits for s in scores) / found, 2) if found else None})
    return out


def _summed(parts: list[dict]) -> dict:
    return scored(*(sum(p[k] for p in parts) for k in ("tp", "predicted", "expected")))


def _pr(part: dict) -> str:
    return f"{part['precision']:.2f} / {part['recall']:.2f} ({part['tp']} of {part['predicted']} / {part['expected']})"


def markdown(results: list[dict]) -> str:
    lines = ["| set | graph holds | entities P / R | relations P / R | status and asserter right | "
             "reviewer edits | edits per relation found |", "|---|---|---|---|---|---|---|"]
    for t in totals(results):
        status = (f"{t['status_right'] / t['status_compared']:.2f} of {t['status_compared']}"
                  if t["status_compared"] else "–")
        per = f"{t['edits_per_relation_found']:.2f}" if t["edits_per_relation_found"] is not None else "–"
        lines.append(f"| {t['set']} ({t['articles']}) | {t['graph']} | {_pr(t['entities'])} | "
                     f"{_pr(t['relations'])} | {status} | {t['edits']} | {per} |")
    lines += ["", "| set | article | graph holds | entities P / R | relations P / R | status right | "
                  "entities kept / changed / rejected / added | relations kept / changed / rejected / added |",
              "|---|---|---|---|---|---|---|---|"]
    for r in results:
        s: Score = r["score"]
        e, x = s.entity_edits, s.relation_edits
        article = r["article"] + (" (the draft failed)" if r["error"] else "")
        lines.append(f"| {r['set']} | {article} | {r['graph']} | {_pr(s.entities)} | {_pr(s.relations)} | "
                     f"{s.status_accuracy:.2f} of {s.status_compared} | {e['accepted']} / {e['changed']} / "
                     f"{e['rejected']} / {e['added']} | {x['accepted']} / {x['changed']} / {x['rejected']} / "
                     f"{x['added']} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown tables")
    parser.add_argument("--cache", type=Path, metavar="FOLDER",
                        help="keep the NLP server's answers here and reuse them (to rerun the scorer quickly; "
                             "CORENLP_ANSWERS_DIR does the same)")
    parser.add_argument("--set", dest="sets", action="append", choices=sorted(SETS),
                        help="a set to measure (repeatable; default: every set)")
    parser.add_argument("--jobs", type=int, default=2, metavar="N",
                        help="articles read and drafted at a time (default 2: the NLP server reads them side by side)")
    parser.add_argument("--names-only", action="store_true",
                        help="match entities by id, name and alias alone, not also by the quotes their "
                             "relations share (the scorer before 2026-12; the cue extractor's figures)")
    args = parser.parse_args()
    results = run({name: SETS[name] for name in (args.sets or SETS)},
                  reader=corenlp_reader(get_settings().model_copy(update={"corenlp_answers_dir": args.cache}))
                  if args.cache else None, align=not args.names_only, jobs=args.jobs)
    if args.json:
        print(json.dumps({"totals": totals(results),
                          "articles": [{"set": r["set"], "article": r["article"], "graph": r["graph"],
                                        "seconds": round(r["seconds"], 2), "error": r["error"],
                                        **vars(r["score"]),
                                        "edits": r["score"].edits} for r in results]}, indent=2))
    else:
        print(markdown(results))


if __name__ == "__main__":
    main()
