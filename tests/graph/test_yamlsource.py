"""graph/yamlsource.py: YAML that remembers the line of every key and list item."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from graph import yamlsource
from graph.errors import InvalidInput, Problem

NESTED = """\
document:
  id: x
  published: 2024-05-03
entities:
  - id: a
    aliases: [A, Aa]
  - id: b
    aliases:
      - B
      - Bb
"""


@pytest.fixture
def nested() -> yamlsource.Located:
    return yamlsource.loads(NESTED, "f.yaml")


def test_data_is_plain_python(nested: yamlsource.Located) -> None:
    assert nested.data["document"] == {"id": "x", "published": dt.date(2024, 5, 3)}
    assert nested.data["entities"][1]["aliases"] == ["B", "Bb"]


@pytest.mark.parametrize(("path", "line"), [
    (("document",), 1),
    (("document", "published"), 3),
    (("entities",), 4),
    (("entities", 0), 5),
    (("entities", 0, "aliases"), 6),
    (("entities", 0, "aliases", 1), 6),       # a flow list sits on its key's line
    (("entities", 1), 7),
    (("entities", 1, "aliases", 1), 10),
    (("entities", 1, "missing", "deeper"), 7),  # nearest ancestor that has a line
    (("nowhere",), 1),
    ((), 1),
])
def test_line_of_every_path(nested: yamlsource.Located, path: tuple, line: int) -> None:
    assert nested.line(path) == line


def test_problem_names_file_line_and_field(nested: yamlsource.Located) -> None:
    problem = nested.problem(("entities", 1, "aliases", 0), "bad alias")
    assert problem == Problem("f.yaml", 9, "entities[1].aliases[0]", "bad alias")
    assert str(problem) == "f.yaml:9: entities[1].aliases[0]: bad alias"


@pytest.mark.parametrize(("path", "name"), [
    ((), ""),
    (("a",), "a"),
    (("relations", 3, "quote"), "relations[3].quote"),
    (("a", 0, 1, "b"), "a[0][1].b"),
])
def test_field_name(path: tuple, name: str) -> None:
    assert yamlsource.field_name(path) == name


@pytest.mark.parametrize(("text", "line", "field", "message"), [
    ("a: 1\nb: [1, 2\n", 3, "YAML syntax", "did not find expected"),
    ("a: 1\n  b: 2\n", 2, "YAML syntax", "mapping values are not allowed"),
    ("a: 1\nb: 2\na: 3\n", 3, "a", "duplicate key"),
    ("top:\n  x: 1\n  y: 2\n  x: 3\n", 4, "top.x", "duplicate key"),
    ("a: 1\n? [x, y]\n: 2\n", 2, "", "mapping keys must be plain scalars"),
    ("a: 1\nb: !custom 3\n", 2, "b", "unsupported YAML tag !custom"),
    ("a:\n  - 1\n  - !!python/object:os.system x\n", 3, "a[1]", "could not determine a constructor"),
    ("a: 1\nb: !!int x\n", 2, "b", "x"),
    ("a: 1\nb:\n  <<: {c: 1}\n", 3, "b", "could not determine a constructor for the tag 'tag:yaml.org,2002:merge'"),
    # A date that YAML recognises but the calendar does not: an input error, not a crash.
    ("document:\n  published: 2024-02-30\n", 2, "document.published", "day is out of range"),
    ("a: !!float abc\n", 1, "a", "abc"),
])
@pytest.mark.parametrize("reader", [yamlsource.loads, yamlsource.read])
def test_bad_yaml_names_file_line_and_field(reader, text: str, line: int, field: str, message: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        reader(text, "bad.yaml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == ("bad.yaml", line, field)
    assert message in problem.message


def test_empty_document_is_none() -> None:
    assert yamlsource.loads("# only a comment\n", "e.yaml").data is None


def test_load_reads_a_file(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("name: Jehovah’s Witnesses\n", encoding="utf-8")
    doc = yamlsource.load(path)
    assert doc.data == {"name": "Jehovah’s Witnesses"}
    assert doc.file == str(path)


def test_load_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "missing.yaml"
    with pytest.raises(InvalidInput) as caught:
        yamlsource.load(missing)
    assert str(caught.value) == f"{missing}: file not found"


def test_load_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("name: caf\u00e9\n".encode("latin-1"))
    with pytest.raises(InvalidInput, match="not UTF-8 text"):
        yamlsource.load(path)


@pytest.mark.parametrize(("path", "line"), [
    (("entities", "0"), 4),          # a list is indexed by numbers: the list's own line
    (("document", 0), 1),            # a mapping by keys
    (("entities", 5), 4),            # past the end of the list
    (("entities", -1), 4),
    (("entities", True), 4),
])
def test_line_of_a_path_the_data_does_not_have(nested: yamlsource.Located, path: tuple, line: int) -> None:
    assert nested.line(path) == line


def test_aliases_tags_and_keys_that_are_not_strings() -> None:
    doc = yamlsource.loads("a: &x {b: 1}\nc: *x\n1: !!str 2\nnull: [x, 2024-05-03]\n", "t.yaml")
    assert doc.data == {"a": {"b": 1}, "c": {"b": 1}, "1": "2", "None": ["x", dt.date(2024, 5, 3)]}
    assert (doc.line(("c", "b")), doc.line(("1",)), doc.line(("None", 1))) == (1, 3, 4)


def test_repeated_values_keep_their_tags() -> None:
    # Plain scalars' tags are remembered by text: a quoted "12" is still a string.
    doc = yamlsource.loads("a: 12\nb: '12'\nc: 12\nd: yes\ne: 'yes'\n", "t.yaml")
    assert doc.data == {"a": 12, "b": "12", "c": 12, "d": True, "e": "yes"}


# What YAML 1.1 (PyYAML) and 1.2 (yaml_rs) read differently, or yaml_rs reads without complaint.
TRICKY = ["a: yes", "a: 'yes'", "a: Off", "a: 0o17", "a: '0o17'", "a: 017", "a: 0x1F", "a: 1e3", "a: '1e3'", "a: 1_000",
          "a: 1:20", "a: 12:30:00", "a: .5", "a: -.inf", "a: ~", "a: ''", "a: 'true'", "a: '2015'", "a: =", "a: '='",
          "a: 2015-06-11", "a: '2015-06-11'", "a: 2015-6-11", "a: 2024-03-22T10:00:00Z", "a: |-\n  2015-06-11\n",
          "a: !!str 2", "a: !!binary aGk=", "a: !!set {x, y}", "<<: {b: 1}", "1: x", "yes: 1", "'yes': 1", "null: x",
          "a: &x [q]\nb: *x", "a: &x 1\nb: &x 2\nc: *x\n", "a: b\n---\nc: d\n", "--- \na: 1\n...\n", "- a\n- b\n",
          "just text", "",
          "a: >-\n  x\n  y\n", 'a: "x\\ty"', "a: 'it''s'", 'a: "\\u00e9\\x41\\N\\_"', "a: x\u2028b: c",
          "\ufeffa: 1", "a:\tb", "%YAML 1.1\n---\na: 1\n", "a: 'x' # note!\n", "a: \"x\x85y\""]


@pytest.mark.parametrize("text", TRICKY)
def test_read_gives_what_loads_gives(text: str) -> None:
    """read() takes yaml_rs's data only where it is loads()'s: the same values, of the same types, or the same error."""
    try:
        expected = yamlsource.loads(text, "t.yaml")
    except InvalidInput as exc:
        with pytest.raises(InvalidInput) as caught:
            yamlsource.read(text, "t.yaml")
        assert caught.value.problems == exc.problems
        return
    doc = yamlsource.read(text, "t.yaml")
    assert repr(doc.data) == repr(expected.data)  # repr: True is not 1, a date not its text
    assert doc.line(()) == 1 and doc.source is None  # lines found when asked


@pytest.mark.parametrize(("text", "fast"), [
    ("a: [x, 'y']\nb: 'yes'\nc: '12'\nd: ~\ne: true\n", False),  # 'yes' quoted or not? yaml_rs does not say
    ("a: [x, 'y']\nc: '12'\nd: ~\ne: true\nf: 2015-6\n", True),
    ("a: 12\n", False),                                            # any number: 017 is 17 in YAML 1.2, 15 in 1.1
    ("published: 2024-03-22\n", False),                            # a date, unless the caller takes its text alike
])
def test_read_takes_yaml_rs_data_only_where_it_is_the_same(text: str, fast: bool) -> None:
    assert (yamlsource.read(text, "t.yaml").source is not None) is fast


def test_a_day_comes_as_text_where_the_caller_takes_either() -> None:
    text = "published: 2024-03-22\nrelations:\n  - date: '2024-03-21'\n  - date: 2024-03-20\n    note: 2024-03-19\n"
    either_way = [("published",), ("relations", None, "date")]
    assert yamlsource.read(text, "t.yaml").data["published"] == dt.date(2024, 3, 22)  # not named: loads()'s date
    assert yamlsource.read(text.replace("note: 2024-03-19", "note: x"), "t.yaml", either_way=either_way).data == {
        "published": "2024-03-22", "relations": [{"date": "2024-03-21"}, {"date": "2024-03-20", "note": "x"}]}
    # A day anywhere else is loads()'s date; one the calendar does not have is loads()'s error, at its line.
    assert yamlsource.read(text, "t.yaml", either_way=either_way).data["relations"][1]["note"] == dt.date(2024, 3, 19)
    with pytest.raises(InvalidInput, match="t.yaml:1: published: invalid timestamp"):
        yamlsource.read("published: 2024-02-30\n", "t.yaml", either_way=either_way)


def test_lines_are_found_only_when_asked() -> None:
    doc = yamlsource.read(NESTED, "f.yaml", either_way=[("document", "published")])
    assert doc.source is not None and doc.lines is None
    assert doc.problem(("entities", 1, "aliases", 0), "bad alias") == Problem("f.yaml", 9, "entities[1].aliases[0]",
                                                                               "bad alias")
    assert doc.source is None and doc.line(("document", "published")) == 3
