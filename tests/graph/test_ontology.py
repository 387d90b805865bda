"""graph/ontology.py: the real ontology loads; a bad one gives file:line:field errors."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph.errors import OntologyError, Problem
from graph.ontology import DEFAULT_PATH, RESERVED_LABELS, Ontology, get_ontology, load_ontology

# A small valid ontology; each bad case below edits one line of it.
GOOD = """\
kinds:
  State:
    description: A state.
    color: "#1f77b4"
    shape: hexagon
    stix: {type: location}
  Person:
    description: A person.
    stix: {type: identity}
  Event:
    description: An event.
    stix: {type: report-subject}
groups:
  Actor: [State, Person]
relations:
  LEADS:
    description: Heads a state.
    subject: [Person]
    object: [State]
  ACCUSED:
    description: Accused a party.
    subject: [Actor]
    object: [Actor]
    cameo: "112"
  AT_WAR_WITH:
    description: Is at war with.
    subject: [State]
    object: [State]
    symmetric: true
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "ontology.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _line_of(text: str, fragment: str, occurrence: int = 1) -> int:
    """The 1-based line of the ``occurrence``-th line containing ``fragment``."""
    hits = [number for number, line in enumerate(text.splitlines(), 1) if fragment in line]
    return hits[occurrence - 1]


def _edit(old: str, new: str) -> str:
    assert GOOD.count(old) == 1, old
    return GOOD.replace(old, new)


# --- the real ontology ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def ontology() -> Ontology:
    return load_ontology(DEFAULT_PATH)


def test_real_ontology_loads(ontology: Ontology) -> None:
    assert {"State", "SecurityService", "ArmedGroup", "Person", "Event"} <= set(ontology.kinds)
    assert {"ACCUSED", "OFFERED_COOPERATION", "CARRIED_OUT", "LEADS"} <= set(ontology.relations)
    assert not set(ontology.kinds) & RESERVED_LABELS
    assert get_ontology() == ontology


def test_real_ontology_groups_are_expanded(ontology: Ontology) -> None:
    kinds = set(ontology.kinds)
    for relation in ontology.relations.values():
        assert relation.subject_kinds and relation.subject_kinds <= kinds, relation.name
        assert relation.object_kinds and relation.object_kinds <= kinds, relation.name
        if relation.symmetric:
            assert relation.subject_kinds == relation.object_kinds, relation.name
    assert "SecurityService" in ontology.relations["ACCUSED"].subject_kinds  # via the Actor group
    assert "Event" not in ontology.relations["ACCUSED"].subject_kinds


def test_real_ontology_allows(ontology: Ontology) -> None:
    assert ontology.allows("CARRIED_OUT", "ArmedGroup", "Event")
    assert not ontology.allows("CARRIED_OUT", "Event", "ArmedGroup")
    assert not ontology.allows("NO_SUCH_TYPE", "State", "State")


def test_stix_rules_are_read_with_their_kinds(tmp_path: Path) -> None:
    text = _edit('    cameo: "112"\n',
                 '    cameo: "112"\n    stix:\n      - {type: targets, object: [Person], reverse: true}\n')
    rule, = load_ontology(_write(tmp_path, text)).relations["ACCUSED"].stix
    assert (rule.type, rule.reverse) == ("targets", True)
    assert rule.applies("State", "Person") and not rule.applies("State", "State")


def test_good_ontology_loads(tmp_path: Path) -> None:
    ontology = load_ontology(_write(tmp_path, GOOD))
    assert ontology.kind_names == ["Event", "Person", "State"]
    assert ontology.relations["ACCUSED"].subject_kinds == {"State", "Person"}
    assert ontology.relations["ACCUSED"].cameo == "112"
    assert ontology.relations["AT_WAR_WITH"].symmetric
    assert ontology.kinds["Person"].shape == "ellipse"  # the default


# --- bad ontologies -----------------------------------------------------------------------------

BAD_CASES = {
    "unknown kind in a relation's subject": (
        "    subject: [Person]\n", "    subject: [Persn]\n",
        "subject: [Persn]", "relations.LEADS.subject[0]", "unknown kind or group 'Persn'"),
    "unknown kind in a block list": (
        "    object: [Actor]\n    cameo", "    object:\n      - Actor\n      - Planet\n    cameo",
        "- Planet", "relations.ACCUSED.object[1]", "unknown kind or group 'Planet'"),
    "duplicate relation name": (
        "  AT_WAR_WITH:\n", "  LEADS:\n",
        "LEADS:", "relations.LEADS", "duplicate key"),
    "cameo code not quoted": (
        'cameo: "112"', "cameo: 112",
        "cameo: 112", "relations.ACCUSED.cameo", "expected a quoted CAMEO code"),
    "cameo code not digits": (
        'cameo: "112"', 'cameo: "11a"',
        "cameo:", "relations.ACCUSED.cameo", "expected a quoted CAMEO code"),
    "bad relation name": (
        "  ACCUSED:\n", "  Accused:\n",
        "Accused:", "relations.Accused", "UPPER_SNAKE"),
    "bad kind name": (
        "  Event:\n", "  event:\n",
        "event:", "kinds.event", "PascalCase"),
    "reserved kind name": (
        "  Event:\n", "  Evidence:\n",
        "Evidence:", "kinds.Evidence", "reserved"),
    "symmetric with different ends": (
        "    object: [State]\n    symmetric: true", "    object: [Person]\n    symmetric: true",
        "symmetric: true", "relations.AT_WAR_WITH.symmetric", "same subject and object kinds"),
    "unknown field in a relation": (
        "    description: Heads a state.\n", "    description: Heads a state.\n    directed: true\n",
        "directed: true", "relations.LEADS.directed", "unknown field"),
    "unknown field in a kind": (
        "    description: A person.\n", "    description: A person.\n    colour: \"#ffffff\"\n",
        "colour:", "kinds.Person.colour", "unknown field"),
    "unknown section": (
        "groups:\n", "properties: {}\ngroups:\n",
        "properties:", "properties", "unknown section"),
    "bad colour": (
        'color: "#1f77b4"', 'color: blue',
        "color: blue", "kinds.State.color", "expected a colour"),
    "bad shape": (
        "shape: hexagon", "shape: blob",
        "shape: blob", "kinds.State.shape", "expected one of"),
    "missing description": (
        "    description: Heads a state.\n", "",
        "LEADS:", "relations.LEADS.description", "a description is required"),
    "group of an unknown kind": (
        "Actor: [State, Person]", "Actor: [State, Persona]",
        "Actor:", "groups.Actor[1]", "unknown kind 'Persona'"),
    "STIX rule of a kind the relation does not allow": (
        '    cameo: "112"\n', '    cameo: "112"\n    stix:\n      - {type: targets, subject: [Event]}\n',
        "type: targets", "relations.ACCUSED.stix[0].subject[0]", "not a subject kind the relation allows"),
    "STIX rule with a bad relationship type": (
        '    cameo: "112"\n', '    cameo: "112"\n    stix:\n      - {type: Targets}\n',
        "type: Targets", "relations.ACCUSED.stix[0].type", "expected a STIX relationship type"),
    "STIX rule with an unknown field": (
        '    cameo: "112"\n', '    cameo: "112"\n    stix:\n      - {type: targets, flip: true}\n',
        "flip: true", "relations.ACCUSED.stix[0].flip", "unknown field"),
    "malformed YAML": (
        "    subject: [Person]\n", "    subject: [Person\n",
        "object: [State]", "YAML syntax", "expected ',' or ']'"),
}


@pytest.mark.parametrize(("old", "new", "line_fragment", "field", "message"), BAD_CASES.values(),
                         ids=BAD_CASES.keys())
def test_bad_ontology_names_file_line_and_field(tmp_path: Path, old: str, new: str, line_fragment: str,
                                                field: str, message: str) -> None:
    text = _edit(old, new)
    path = _write(tmp_path, text)
    with pytest.raises(OntologyError) as caught:
        load_ontology(path)
    line = _line_of(text, line_fragment, occurrence=2 if line_fragment == "LEADS:" and "duplicate" in message
                    else 1)
    matching = [p for p in caught.value.problems if p.field == field]
    assert matching, f"no problem for {field}: {caught.value}"
    assert matching[0].file == str(path)
    assert matching[0].line == line, str(caught.value)
    assert message in matching[0].message
    assert f"{path}:{line}: {field}: " in str(caught.value)


def test_several_problems_are_reported_together(tmp_path: Path) -> None:
    text = (GOOD.replace("subject: [Person]", "subject: [Persn]")
                .replace('cameo: "112"', "cameo: 112")
                .replace("    description: A person.\n", "    description: A person.\n    colour: red\n"))
    path = _write(tmp_path, text)
    with pytest.raises(OntologyError) as caught:
        load_ontology(path)
    assert [(p.line, p.field) for p in caught.value.problems] == [
        (_line_of(text, "colour: red"), "kinds.Person.colour"),
        (_line_of(text, "subject: [Persn]"), "relations.LEADS.subject[0]"),
        (_line_of(text, "cameo: 112"), "relations.ACCUSED.cameo"),
    ]


@pytest.mark.parametrize("text", ["", "- a list\n", "kinds: {}\nrelations: {}\n"])
def test_empty_or_wrong_shape(tmp_path: Path, text: str) -> None:
    with pytest.raises(OntologyError) as caught:
        load_ontology(_write(tmp_path, text))
    assert all(isinstance(p, Problem) and p.line is not None for p in caught.value.problems)


def test_missing_ontology_file(tmp_path: Path) -> None:
    with pytest.raises(OntologyError, match="file not found"):
        load_ontology(tmp_path / "nope.yaml")
