"""Measure the draft extractor on articles whose facts were reviewed by hand (docs/extraction.md).

    .venv/bin/python bench/extraction_eval.py            # the tables of docs/extraction.md
    .venv/bin/python bench/extraction_eval.py --json     # the same figures as JSON

Each article is drafted the way a new article would be: against a gazetteer of what the graph
would already hold, which is the *other* articles' reviewed facts (never its own), and once more
against an empty graph. The draft is then scored against the article's reviewed facts
(extract/evaluate.py). No database is needed: the gazetteer is read from the facts files,
and tests/extraction/test_gazetteer.py checks that it answers as the graph does.
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.facts import read_facts  # noqa: E402
from extract.assemble import DocumentInfo, write_draft  # noqa: E402
from extract.evaluate import Score, evaluate  # noqa: E402
from extract.gazetteer import EmptyGazetteer, FactsGazetteer  # noqa: E402

ARTICLES = [
    ROOT / "corpus" / "crocus-city-hall-ft-2024.facts.yaml",
    ROOT / "tests" / "fixtures" / "extraction" / "fsb-account-crocus-evaldesk-2024.facts.yaml",
    ROOT / "tests" / "fixtures" / "extraction" / "latvia-recruiter-arrest-2024.facts.yaml",
]


def run(articles: list[Path]) -> list[dict]:
    results = []
    with tempfile.TemporaryDirectory() as folder:
        for gold_path in articles:
            gold = read_facts(gold_path)
            others = [p for p in articles if p != gold_path]
            meta = gold.document
            info = DocumentInfo(title=meta.title, publisher=meta.publisher, published=meta.published, id=meta.id)
            for graph_name, gazetteer in (("the other articles", FactsGazetteer.from_paths(others)),
                                          ("empty", EmptyGazetteer())):
                output = Path(folder) / f"{gold_path.stem}.{len(results)}.facts.yaml"
                draft = write_draft(gold_path.parent / meta.text, output, info=info, gazetteer=gazetteer)
                results.append({"article": gold_path.name, "graph": graph_name,
                                "score": evaluate(draft, gold)})
    return results


def _pr(part: dict) -> str:
    return f"{part['precision']:.2f} / {part['recall']:.2f} ({part['tp']} of {part['predicted']} / {part['expected']})"


def markdown(results: list[dict]) -> str:
    lines = ["| article | graph holds | entities P / R | relations P / R | status right | strict P / R |",
             "|---|---|---|---|---|---|"]
    for r in results:
        s: Score = r["score"]
        lines.append(f"| {r['article']} | {r['graph']} | {_pr(s.entities)} | {_pr(s.relations)} | "
                     f"{s.status_accuracy:.2f} of {s.status_compared} | {_pr(s.strict)} |")
    lines += ["", "| article | graph holds | entities kept / changed / rejected / added | "
                  "relations kept / changed / rejected / added | reviewer edits |", "|---|---|---|---|---|"]
    for r in results:
        s = r["score"]
        e, x = s.entity_edits, s.relation_edits
        lines.append(f"| {r['article']} | {r['graph']} | {e['accepted']} / {e['changed']} / {e['rejected']} / "
                     f"{e['added']} | {x['accepted']} / {x['changed']} / {x['rejected']} / {x['added']} | {s.edits} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print JSON instead of Markdown tables")
    parser.add_argument("articles", nargs="*", type=Path, help="reviewed facts files (default: the two articles)")
    args = parser.parse_args()
    results = run(args.articles or ARTICLES)
    if args.json:
        print(json.dumps([{"article": r["article"], "graph": r["graph"], **vars(r["score"]),
                           "edits": r["score"].edits} for r in results], indent=2))
    else:
        print(markdown(results))


if __name__ == "__main__":
    main()
