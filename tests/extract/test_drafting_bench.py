"""bench/drafting.py runs on the real NLP server (a smoke test: it checks that the figures come
out and agree with each other, never their values: the machine is shared)."""
from __future__ import annotations

import re

import pytest

from bench import drafting

FIGURES = ["words", "read_s", "read_no_coref_s", "rules_s", "draft_s", "draft_over_read", "coref_share_of_read",
           "draft_s_per_1000_words", "server_rss_mib", "server_peak_rss_mib", "python_peak_rss_mib"]
_FIGURE = re.compile(r"^([a-z0-9_]+) (-?[0-9.]+)$")


def test_the_drafting_benchmark_prints_every_figure_against_the_servers_reading(
        capsys: pytest.CaptureFixture[str]) -> None:
    assert drafting.main(["--smoke"]) == 0
    out = capsys.readouterr().out
    figures = {m[1]: float(m[2]) for m in map(_FIGURE.match, out.splitlines()) if m}
    assert list(figures) == FIGURES
    assert 150 <= figures["words"] < 400  # whole paragraphs, from the first
    assert all(figures[name] > 0 for name in ("read_s", "read_no_coref_s", "rules_s", "draft_s"))
    # (the figures are printed rounded: compared within what rounding moves)
    assert figures["draft_over_read"] == pytest.approx(figures["draft_s"] / figures["read_s"], rel=0.02)
    assert figures["server_peak_rss_mib"] >= figures["server_rss_mib"] > 100  # a JVM with its models
    row = re.search(r"\| draft of 1,500 words \(scaled from (\d+)\) \| ([0-9.]+) s \| 3 s \((met|not met)\) \|", out)
    assert row is not None, out
    assert int(row[1]) == figures["words"]
    assert float(row[2]) == pytest.approx(figures["draft_s_per_1000_words"] * 1.5, abs=0.06)
    if abs(float(row[2]) - drafting.TARGET_S) > 0.05:  # (right at the target, rounding decides)
        assert row[3] == ("met" if float(row[2]) <= drafting.TARGET_S else "not met")


@pytest.mark.parametrize("argv", [["--repeat", "0"], ["--words", "-5"], ["--size", "S"]])
def test_bad_arguments_are_refused_by_name(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        drafting.main(argv)
    assert exit_.value.code == 2
    assert argv[0] in capsys.readouterr().err


def test_the_text_is_whole_paragraphs_of_the_corpus() -> None:
    text, info = drafting.corpus_text(300)
    corpus_lines = {line.strip() for path in drafting.CORPUS.glob("*.txt")
                    for line in path.read_text(encoding="utf-8").splitlines()}
    paragraphs = text.strip().split("\n\n")
    assert all(p in corpus_lines for p in paragraphs)
    assert sum(len(p.split()) for p in paragraphs[:-1]) < 300 <= len(text.split())
    assert info.published is not None
