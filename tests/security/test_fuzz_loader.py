"""The facts loader fuzzed with Hypothesis: mutated facts files give clear errors, never a traceback,
and a load that fails writes nothing."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from graph import yamlsource
from graph.errors import InvalidInput
from graph.facts import _DAY_OR_TEXT, FactsFile, read_facts
from loaders.facts_loader import load_document
from tests.conftest import TEST_CORPUS, counts

ALPHA = (TEST_CORPUS / "alpha.facts.yaml").read_text()
LINES = ALPHA.splitlines(keepends=True)
WHERE = re.compile(r"^.+\.facts\.yaml(:\d+)?: ")

# Values that often break parsers and type checks.
NASTY = st.sampled_from(["", "~", "null", "[]", "{}", "- a", "'", '"', ":", "&a", "*a", "!!binary x", "2024-13-45",
                         "-1", "1e309", "true", "\t", "\u2028", "\x00", "{{", "]]", "? x", "%TAG", "a: b: c",
                         "RELATES_TO", "State", "unknown-entity", "9" * 400, "é" * 100, "\U0001F600"])


@st.composite
def mutated(draw) -> str:
    """alpha.facts.yaml with one to three edits: lines dropped, duplicated, swapped or cut, values replaced."""
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 3))):
        index = draw(st.integers(0, len(lines) - 1))
        edit = draw(st.sampled_from(["drop", "duplicate", "swap", "value", "cut", "insert", "indent"]))
        if edit == "drop":
            del lines[index]
        elif edit == "duplicate":
            lines.insert(index, lines[index])
        elif edit == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif edit == "value" and ":" in lines[index]:
            key = lines[index].split(":", 1)[0]
            replacement = draw(st.one_of(NASTY, st.text(max_size=40)))
            lines[index] = f"{key}: {replacement}\n"
        elif edit == "cut":
            lines[index] = lines[index][: draw(st.integers(0, len(lines[index])))]
        elif edit == "insert":
            lines.insert(index, draw(st.one_of(NASTY, st.text(max_size=40))) + "\n")
        elif edit == "indent":
            lines[index] = draw(st.sampled_from(["  ", "\t", " "])) + lines[index]
        if not lines:
            lines = [""]
    return "".join(lines)


# Scalars YAML 1.1 (PyYAML) and 1.2 (yaml_rs) type differently, for values written plain or quoted.
TYPED = st.sampled_from(["2024-03-22", "2024-02-30", "2024", "2024-03", "yes", "No", "on", "017", "0o17", "0x1f",
                         "1:20", "1e3", "1_000", ".5", "+1", "~", "null", "", "true", "2024-03-22 10:00", "<<", "="])


@st.composite
def requoted(draw) -> str:
    """A mutated file (:func:`mutated`) whose values are replaced by typed scalars, plain or quoted."""
    lines = draw(mutated()).splitlines(keepends=True)
    for _ in range(draw(st.integers(0, 4)) if lines else 0):
        index = draw(st.integers(0, len(lines) - 1))
        if ": " in lines[index]:
            key = lines[index].split(": ", 1)[0]
            quote = draw(st.sampled_from(["", "'", '"']))
            lines[index] = f"{key}: {quote}{draw(TYPED)}{quote}\n"
    return "".join(lines)


def _write(folder: Path, text: str) -> Path:
    shutil.copy(TEST_CORPUS / "alpha.txt", folder / "alpha.txt")
    path = folder / "alpha.facts.yaml"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _check_errors(exc: InvalidInput) -> None:
    assert exc.problems
    for problem in exc.problems:
        assert WHERE.match(str(problem)), str(problem)
        assert problem.message.strip()


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated())
def test_mutated_files_give_located_errors_never_a_traceback(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    try:
        read_facts(_write(folder, text))
    except InvalidInput as exc:
        _check_errors(exc)


def _validated(doc: yamlsource.Located) -> object:
    """What the facts model makes of a reader's data: the model, or its errors by path and message."""
    try:
        return FactsFile.model_validate(doc.data)
    except ValidationError as exc:
        return [(error["loc"], error["msg"]) for error in exc.errors()]


@settings(max_examples=400, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(text=requoted())
def test_the_fast_reader_validates_as_the_locating_reader(text):
    """read_facts reads with yamlsource.read (yaml_rs's data where it is PyYAML's): on the same
    mutated file it gives the facts model what yamlsource.loads gives it, or the same error."""
    try:
        expected = yamlsource.loads(text, "alpha.facts.yaml")
    except InvalidInput as exc:
        with pytest.raises(InvalidInput) as caught:
            yamlsource.read(text, "alpha.facts.yaml", either_way=_DAY_OR_TEXT)
        assert caught.value.problems == exc.problems
        event("both refuse the YAML")
        return
    fast = yamlsource.read(text, "alpha.facts.yaml", either_way=_DAY_OR_TEXT)
    event("yaml_rs's data" if fast.source is not None else "declined: PyYAML's data")
    assert _validated(fast) == _validated(expected)


@pytest.mark.neo4j
@settings(max_examples=40, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(text=mutated())
def test_a_failed_load_writes_nothing(tmp_path_factory, loaded, text):
    """Against a graph that already holds alpha (and more), a mutated alpha either loads or changes nothing."""
    folder = tmp_path_factory.mktemp("fuzzdb")
    before = counts(loaded)
    try:
        facts = read_facts(_write(folder, text))
    except InvalidInput as exc:
        _check_errors(exc)
        assert counts(loaded) == before
        return
    try:
        load_document(loaded, facts)
    except InvalidInput as exc:  # e.g. an entity that resolves to a node of another kind
        _check_errors(exc)
        assert counts(loaded) == before
    finally:
        load_document(loaded, read_facts(TEST_CORPUS / "alpha.facts.yaml"), force=True)  # restore alpha
