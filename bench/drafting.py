"""How fast ``intelgraph draft`` reads an article, against the NLP server it stands on:
``python bench/drafting.py [--words 1500] [--repeat 3] [--smoke]``.

The text is the corpus's articles, paragraph by paragraph, up to ``--words`` words (whole
paragraphs: a few words more). It is drafted against the corpus's entities, as a new article is
against the graph. After one draft to warm the server, each figure is the best of ``--repeat``:

- ``read_s``: the CoreNLP server's answer for the text, every annotator the draft asks for (the
  floor: no draft can be faster than the reading it is built on);
- ``read_no_coref_s``: the same without coreference, to show what coreference costs;
- ``rules_s``: the draft with the answer in hand (the answer turned into sentences and mended,
  then entities, relations, attribution and the facts file written): the extractor's own share;
- ``draft_s``: the whole draft, reading included, nothing kept from an earlier read.

It prints one ``name value`` line per figure (``#`` lines say what they are), the ratios
``draft_over_read`` (the draft's time over the reading's) and ``coref_share_of_read``, the
memory of the server (its resident set and peak, when it runs on this machine) and of this
process, then a table with the issue's target (a 1,500-word article in 3 s). The machine is
shared and noisy: the ratios are measured against the floor in the same run, the four timings
taken in turn round after round. ``--smoke`` drafts
about 150 words once (tests/extract/test_drafting_bench.py checks that the figures come out).

The server is the one the settings name (``CORENLP_URL``, or the local one on ``CORENLP_PORT``),
started here if it is local and not running, and then stopped again at the end.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make the repository importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from extract.assemble import DocumentInfo, Reader, write_draft
from extract.gazetteer import FactsGazetteer
from extract.nlp import server
from extract.nlp.corenlp import read_json, request
from extract.nlp.datelines import dateline_apart
from graph.facts import read_facts
from graph.settings import PROJECT_ROOT, Settings, get_settings

CORPUS = PROJECT_ROOT / "corpus"
#: The issue's target: a 1,500-word article drafted in 3 s once the server is loaded.
TARGET_WORDS, TARGET_S = 1500, 3.0


def corpus_text(words: int, corpus: Path = CORPUS) -> tuple[str, DocumentInfo]:
    """The corpus's paragraphs (its texts' lines), article after article, up to ``words`` words
    (whole paragraphs), dated as the first article (tests/extract/test_drafting_bench.py)."""
    paragraphs: list[str] = []
    counted = 0
    first = None
    for facts_path in sorted(corpus.glob("*.facts.yaml")):
        document = read_facts(facts_path).document
        first = first or document
        for line in (facts_path.parent / document.text).read_text(encoding="utf-8").splitlines():
            if line.strip() and counted < words:
                paragraphs.append(line.strip())
                counted += len(line.split())
    if first is None:
        raise SystemExit(f"no facts files in {corpus}")
    return "\n\n".join(paragraphs) + "\n", DocumentInfo(title="Benchmark text", publisher=first.publisher,
                                                        published=first.published, id="bench-drafting")


def uncached_reader(settings: Settings) -> Reader:
    """A reader that asks the server every time (the draft's own reader keeps its answers)."""
    return lambda text, published: read_json(text, request(dateline_apart(text), published=published,
                                                            settings=settings))


def best_of(repeat: int, runs: dict[str, Callable[[], Any]]) -> dict[str, float]:
    """The fastest of ``repeat`` runs of each, in seconds, the runs taken in turn round after round
    and each round begun one further along (so that a server still warming up, a garbage collection
    after the run before, or a neighbour's load weighs on all of them alike).

    >>> sorted(best_of(2, {"a": lambda: None, "b": lambda: None}))
    ['a', 'b']
    """
    times: dict[str, list[float]] = {name: [] for name in runs}
    names = list(runs)
    for round_ in range(repeat):
        shift = round_ % len(names)
        for name in names[shift:] + names[:shift]:
            run = runs[name]
            start = time.perf_counter()
            run()
            times[name].append(time.perf_counter() - start)
    return {name: min(taken) for name, taken in times.items()}


def _memory_mib(pid: int) -> tuple[float, float] | None:
    """A process's resident set and its peak, in MiB (from /proc; None when it cannot be read)."""
    try:
        fields = dict(line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines())
    except OSError:
        return None
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


def measure(words: int, repeat: int, settings: Settings) -> dict[str, float]:
    """Every figure of the module's list, for a text of about ``words`` words."""
    text, info = corpus_text(words)
    gazetteer = FactsGazetteer.from_paths([CORPUS])
    sent = dateline_apart(text)
    without_coref = settings.model_copy(update={"corenlp_coref": False})
    with tempfile.TemporaryDirectory(prefix="intelgraph-bench-draft-") as folder:
        text_path = Path(folder) / "article.txt"
        text_path.write_text(text, encoding="utf-8")
        output = Path(folder) / "article.facts.yaml"

        def draft(reader: Reader) -> None:
            output.unlink(missing_ok=True)
            write_draft(text_path, output, info=info, gazetteer=gazetteer, reader=reader)

        reading = uncached_reader(settings)
        draft(reading)  # the server builds its annotators on the first reads
        request(sent, published=info.published, settings=without_coref)
        answer = request(sent, published=info.published, settings=settings)
        figures = {"words": float(len(text.split()))}
        figures.update(best_of(repeat, {
            "read_s": lambda: request(sent, published=info.published, settings=settings),
            "read_no_coref_s": lambda: request(sent, published=info.published, settings=without_coref),
            "rules_s": lambda: draft(lambda t, _published: read_json(t, answer)),
            "draft_s": lambda: draft(reading),
        }))
    figures["draft_over_read"] = figures["draft_s"] / figures["read_s"]
    figures["coref_share_of_read"] = 1 - figures["read_no_coref_s"] / figures["read_s"]
    figures["draft_s_per_1000_words"] = figures["draft_s"] / figures["words"] * 1000
    pid = server.status(settings).pid
    memory = _memory_mib(pid) if pid is not None else None
    if memory is not None:
        figures["server_rss_mib"], figures["server_peak_rss_mib"] = memory
    figures["python_peak_rss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return figures


def _at_least_one(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=_at_least_one, default=TARGET_WORDS, help="the text's length (default 1500)")
    parser.add_argument("--repeat", type=_at_least_one, default=3, help="runs per figure, the best kept (default 3)")
    parser.add_argument("--smoke", action="store_true", help="about 150 words, once (for the tests)")
    args = parser.parse_args(argv)
    words, repeat = (150, 1) if args.smoke else (args.words, args.repeat)
    settings = get_settings().model_copy(update={"corenlp_answers_dir": None})
    started = settings.manages_corenlp and not server.status(settings).ready
    server.start(settings)
    try:
        figures = measure(words, repeat, settings)
    finally:
        if started:
            server.stop(settings)
    print(f"# a {figures['words']:.0f}-word text (corpus paragraphs), best of {repeat} after a warm-up draft; "
          f"server {settings.corenlp_base_url}")
    for name, value in figures.items():
        print(f"{name} {value:.3f}")
    if "server_rss_mib" not in figures:
        print("# the server's memory is not measured: it does not run on this machine under this home")
    expected_s = figures["draft_s_per_1000_words"] * TARGET_WORDS / 1000
    print(f"\n| figure | measured | target |\n|---|---:|---:|\n"
          f"| draft of {TARGET_WORDS:,} words (scaled from {figures['words']:.0f}) | {expected_s:.1f} s | "
          f"{TARGET_S:.0f} s ({'met' if expected_s <= TARGET_S else 'not met'}) |\n"
          f"| draft over the server's reading | {figures['draft_over_read']:.2f} | |\n"
          f"| coreference's share of the reading | {figures['coref_share_of_read']:.2f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
