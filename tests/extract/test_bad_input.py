"""``intelgraph draft`` on bad input: a clear error naming the file, never a traceback, and
nothing written; or, for another language stated with --language, a draft."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest
import yaml

from extract.assemble import MAX_TEXT_BYTES, read_article
from extract.writer import write_atomically
from graph.errors import InvalidInput
from graph.facts import read_facts
from tests.conftest import ROOT

INTELGRAPH = ROOT / ".venv" / "bin" / "intelgraph"
GERMAN = ("Der russische Inlandsgeheimdienst FSB hat am Freitag vier Männer festgenommen, die den Anschlag auf "
          "die Konzerthalle verübt haben sollen. Die Regierung in Kiew wies jede Beteiligung zurück und sprach "
          "von einer Provokation des Kremls.\n")
ENGLISH = ("The Federal Security Service said on Friday that it had detained four men suspected of the attack on "
           "the concert hall. The government in Kyiv denied any involvement and called the claim a provocation.\n")

BAD = {
    "empty": (b"", "the file is empty (nothing but white space): nothing to draft"),
    "white space": (b" \n\t\n", "the file is empty (nothing but white space): nothing to draft"),
    "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "a binary file, not a text (a NUL byte at offset 8)"),
    "utf-16": (ENGLISH.encode("utf-16"), "UTF-16 text: save it as UTF-8 and draft again"),
    "latin-1": ("Caf\u00e9 society\nThe FSB said caf\u00e9 owners\n".encode("latin-1"),
                ":1: not UTF-8 text: byte 0xe9 at offset 3 cannot be read (save the file as UTF-8)"),
    "byte-order mark": ("\ufeff" + ENGLISH).encode("utf-8"),
    "no letters": (b"12345 67890\n--- 2024 ---\n", "the file has no words (not a letter in it): nothing to draft"),
    "another language": (GERMAN.encode("utf-8"), "the text looks like German (de), and the extractor reads English "
                                                 "only; to draft it anyway, give --language de"),
    "5 MB": ((ENGLISH * 30_000).encode("utf-8")[:5_000_000], "5,000,000 bytes is more than one article (the "
                                                             "limit is 300,000 bytes, about 50,000 words): split it"),
}
BAD["byte-order mark"] = (BAD["byte-order mark"], ":1: the text starts with a byte-order mark (U+FEFF)")


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(INTELGRAPH), *args], capture_output=True, text=True, timeout=120, cwd=ROOT,
                          stdin=subprocess.DEVNULL, env=os.environ | {"COLUMNS": "400"})


@pytest.mark.parametrize("case", sorted(BAD))
def test_bad_input_is_a_clear_error_and_nothing_is_written(case: str, tmp_path: Path) -> None:
    raw, message = BAD[case]
    article = tmp_path / "article.txt"
    article.write_bytes(raw)
    output = tmp_path / "article.facts.yaml"
    result = run("draft", str(article), "-o", str(output), "--no-graph")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first = result.stderr.splitlines()[0]
    assert first.startswith(f"error: {article}") and message in first, first
    assert "nothing was written" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article.txt"]  # no draft, no partial file


def test_bad_input_leaves_an_existing_draft_as_it_was(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    output = tmp_path / "article.facts.yaml"
    assert run("draft", str(article), "-o", str(output), "--no-graph").returncode == 0
    before = output.read_text(encoding="utf-8")
    article.write_bytes(b"")
    result = run("draft", str(article), "-o", str(output), "--no-graph", "--force")
    assert result.returncode == 1 and output.read_text(encoding="utf-8") == before


def test_a_text_in_another_language_is_drafted_when_the_language_is_given(tmp_path: Path) -> None:
    article = tmp_path / "artikel.txt"
    article.write_text(GERMAN, encoding="utf-8")
    output = tmp_path / "artikel.facts.yaml"
    result = run("draft", str(article), "-o", str(output), "--no-graph", "--language", "de", "--title", "T",
                 "--publisher", "P", "--date", "2024-03-24")
    assert result.returncode == 0, result.stderr
    facts = read_facts(output)
    assert facts.document.language == "de" and facts.text == GERMAN
    bad = run("draft", str(article), "-o", str(tmp_path / "x.facts.yaml"), "--no-graph", "--language", "German")
    assert bad.returncode == 1
    assert bad.stderr.startswith("error: language: expected a two-letter ISO 639-1 code (en, de, ru), not 'German'")


def test_a_short_or_english_text_is_drafted(tmp_path: Path) -> None:
    for name, text in (("short.txt", "Ukraine denied it.\n"), ("english.txt", ENGLISH)):
        article = tmp_path / name
        article.write_text(text, encoding="utf-8")
        result = run("draft", str(article), "--no-graph")
        assert result.returncode == 0, result.stderr
        document = yaml.safe_load(article.with_suffix(".facts.yaml").read_text(encoding="utf-8"))["document"]
        assert document["language"] == "en"



def test_a_text_with_nothing_to_propose_is_a_clear_error_naming_the_article(tmp_path: Path) -> None:
    """The facts format needs an entity: a draft without one names the article, not a file it never wrote."""
    article = tmp_path / "weather.txt"
    article.write_text("The weather was fine all week, and the trains ran on time.\n", encoding="utf-8")
    result = run("draft", str(article), "--no-graph")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"{article}: the draft found no entity" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr and not article.with_suffix(".facts.yaml").exists()

def test_the_output_cannot_be_the_article(tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(ENGLISH, encoding="utf-8")
    result = run("draft", str(article), "-o", str(article), "--force", "--no-graph")
    assert result.returncode == 1 and "error: output: is the article itself" in result.stderr
    assert article.read_text(encoding="utf-8") == ENGLISH


def test_the_limit_is_on_bytes_and_a_text_at_the_limit_is_read(tmp_path: Path) -> None:
    article = tmp_path / "long.txt"
    article.write_bytes((ENGLISH * 2000).encode("utf-8")[:MAX_TEXT_BYTES])
    text, raw = read_article(article)
    assert len(raw) == MAX_TEXT_BYTES and text.startswith("The Federal Security Service")
    article.write_bytes(raw + b"x")
    with pytest.raises(InvalidInput, match="300,001 bytes is more than one article"):
        read_article(article)


def test_an_atomic_write_that_fails_leaves_the_old_file_and_no_partial_one(tmp_path: Path) -> None:
    target = tmp_path / "a.facts.yaml"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomically(target, "new \ud800 text")  # a lone surrogate cannot be written as UTF-8
    assert target.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["a.facts.yaml"]
