"""graph/cypher.py and every file in cypher/: headers, parameters, and EXPLAIN on the real Neo4j.

Like SpecterOps' query-library tests, these are parametrised over every statement, so a bad
file fails its own test by name. The house rule that Cypher lives in cypher/ is checked here too.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph.cypher import PARAM_TYPES, Statement, get_registry, load_registry
from graph.errors import CypherRegistryError
from graph.ontology import get_ontology
from graph.store import Store

ROOT = Path(__file__).resolve().parent.parent.parent
CYPHER = ROOT / "cypher"
FILES = sorted(CYPHER.rglob("*.cypher"))
ALL_NAMES = [path.relative_to(CYPHER).with_suffix("").as_posix() for path in FILES]
NAMES = [name for name in ALL_NAMES if not name.startswith("fragments/")]
FRAGMENTS = [name for name in ALL_NAMES if name.startswith("fragments/")]

# Placeholders, found independently of graph/cypher.py: `$name`, outside strings and comments.
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|//[^\n]*")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
# Values of each declared type, for EXPLAIN (which plans but never runs the statement).
_SAMPLE = {"string": "x", "entity": "x", "integer": 1, "number": 1.0, "boolean": True, "list": [], "map": {}}
# Statements that cannot run inside a managed transaction: schema commands, CALL ... IN TRANSACTIONS.
_AUTO_COMMIT = ("schema/", "admin/delete_all")


def _statement(name: str) -> Statement:
    """The statement as the registry reads it, failing this test only on this file's problems."""
    try:
        return get_registry().get(name)
    except CypherRegistryError as exc:
        mine = [str(p) for p in exc.problems if p.file == str(CYPHER / f"{name}.cypher")]
        pytest.fail("\n".join(mine) if mine else f"the registry does not load: {exc}")


def _text(statement: Statement) -> str:
    if statement.type_slot is None:
        return statement.text
    ontology = get_ontology()
    return statement.for_relation_type(ontology.relation_names[0], ontology.relations)


def test_registry_loads() -> None:
    registry = get_registry()
    assert sorted(registry.statements) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_header(name: str) -> None:
    statement = _statement(name)
    assert statement.description
    assert statement.mode in ("read", "write")
    assert all(param.type in PARAM_TYPES for param in statement.params.values())
    if name.startswith("queries/"):
        assert statement.title, "saved queries need a title"
        assert statement.mode == "read", "saved queries are read-only"
    if statement.type_slot is not None:
        assert f"`{statement.type_slot}`" in statement.text


@pytest.mark.parametrize("name", NAMES)
def test_params_are_the_placeholders(name: str) -> None:
    statement = _statement(name)
    used = set(_PLACEHOLDER.findall(_STRINGS_AND_COMMENTS.sub("", statement.text)))
    assert set(statement.params) == used


@pytest.mark.parametrize("name", [n for n in NAMES if "type_slot:" in (CYPHER / f"{n}.cypher").read_text()])
def test_type_slot_takes_only_ontology_types(name: str) -> None:
    statement = _statement(name)
    assert statement.type_slot is not None
    relations = get_ontology().relations
    for relation_type in relations:
        assert f"`{relation_type}`" in statement.for_relation_type(relation_type, relations)
    with pytest.raises(ValueError, match="not a relation type of the ontology"):
        statement.for_relation_type("NOT_IN_ONTOLOGY", relations)
    for bad in ("ACCUSED`]->() DETACH DELETE s //", "accused", "ACCUSED "):
        with pytest.raises(ValueError):  # not a name, even if a caller's list allowed it
            statement.for_relation_type(bad, list(relations) + [bad])


@pytest.mark.neo4j
@pytest.mark.parametrize("name", NAMES)
def test_explain(store: Store, name: str) -> None:
    """Neo4j parses and plans every statement; read statements plan as read-only (``r``)."""
    statement = _statement(name)
    text = "EXPLAIN " + _text(statement)
    params = {pname: _SAMPLE[param.type] for pname, param in statement.params.items()}
    access = neo4j.READ_ACCESS if statement.mode == "read" else neo4j.WRITE_ACCESS
    with store.driver.session(database=store.settings.neo4j_database, default_access_mode=access) as session:
        if name.startswith(_AUTO_COMMIT):
            summary = session.run(text, params).consume()
        else:
            def work(tx: Any) -> Any:
                return tx.run(text, params).consume()
            run = session.execute_read if statement.mode == "read" else session.execute_write
            summary = run(work)
    assert summary.plan is not None
    if statement.mode == "read":
        assert summary.query_type == "r", f"declared read, but Neo4j plans it as {summary.query_type!r}"
    else:
        assert summary.query_type in ("w", "rw", "s"), "declared write, but it only reads"


# --- bad registries ------------------------------------------------------------------------------

GOOD = """\
// description: Entities by id.
// mode: read
// params:
//   id: {type: string, description: an entity id}
// returns: node
MATCH (e:Entity {id: $id}) RETURN e AS node
"""

BAD_CASES = {
    "undeclared placeholder": (GOOD.replace("{id: $id}", "{id: $id, kind: $kind}"), 3, "params",
                               "$kind is used but not declared"),
    "unused parameter": (GOOD.replace("//   id: {type: string", "//   limit: {type: integer}\n//   id: {type: string"),
                         4, "params.limit", "declared but never used"),
    "bad parameter type": (GOOD.replace("type: string", "type: text"), 4, "params.id.type", "expected one of"),
    "bad mode": (GOOD.replace("mode: read", "mode: readonly"), 2, "mode", "expected read or write"),
    "no description": (GOOD.replace("// description: Entities by id.\n", ""), 1, "description",
                       "a description is required"),
    "unknown header field": (GOOD.replace("// returns: node", "// returns: node\n// author: me"), 6, "author",
                             "unknown header field"),
    "malformed header YAML": (GOOD.replace("Entities by id.", "Entities: by id."), 1, "YAML syntax",
                              "mapping values are not allowed"),
    "no statement": (GOOD.split("MATCH")[0], 5, "", "no statement after the header"),
    "type slot not in the text": (GOOD.replace("// mode: read", "// mode: read\n// type_slot: TYPE"), 3,
                                  "type_slot", "does not contain `TYPE`"),
    "placeholder only in a comment": (GOOD.replace("{id: $id}", "{id: 'x'} // $id"), 4, "params.id",
                                      "declared but never used"),
}


@pytest.mark.parametrize(("text", "line", "field", "message"), BAD_CASES.values(), ids=BAD_CASES.keys())
def test_bad_statement_names_file_line_and_field(tmp_path: Path, text: str, line: int, field: str,
                                                 message: str) -> None:
    path = tmp_path / "entity.cypher"
    path.write_text(text)
    with pytest.raises(CypherRegistryError) as caught:
        load_registry(tmp_path)
    matching = [p for p in caught.value.problems if p.field == field and message in p.message]
    assert matching, str(caught.value)
    assert (matching[0].file, matching[0].line) == (str(path), line)


def test_saved_query_needs_a_title(tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "queries" / "q.cypher").write_text(GOOD)
    with pytest.raises(CypherRegistryError, match=r"q.cypher:1: title: saved queries need a title"):
        load_registry(tmp_path)


def test_problems_of_every_file_are_reported_together(tmp_path: Path) -> None:
    (tmp_path / "a.cypher").write_text(GOOD.replace("mode: read", "mode: maybe"))
    (tmp_path / "b.cypher").write_text(GOOD.replace("Entities by id.", "Entities: by id."))
    (tmp_path / "c.cypher").write_text(GOOD)
    with pytest.raises(CypherRegistryError) as caught:
        load_registry(tmp_path)
    assert [(Path(p.file).name, p.field) for p in caught.value.problems] == [("a.cypher", "mode"),
                                                                            ("b.cypher", "YAML syntax")]


def test_good_registry(tmp_path: Path) -> None:
    (tmp_path / "queries").mkdir()
    (tmp_path / "entity.cypher").write_text(GOOD)
    (tmp_path / "queries" / "entity.cypher").write_text("// title: An entity\n" + GOOD)
    registry = load_registry(tmp_path)
    assert sorted(registry.statements) == ["entity", "queries/entity"]
    assert list(registry.saved_queries()) == ["entity"]
    statement = registry.get("entity")
    assert statement.bind({"id": "x"}) == {"id": "x"}
    with pytest.raises(KeyError):
        statement.bind({})
    with pytest.raises(KeyError):
        statement.bind({"id": "x", "other": 1})


FRAGMENT = """// description: Only people.
// mode: fragment
// params:
//   kind: {type: string, description: a kind}
e.kind = $kind
"""


def test_fragments_are_pasted_in_with_their_parameters(tmp_path: Path) -> None:
    (tmp_path / "fragments").mkdir()
    (tmp_path / "fragments" / "of_kind.cypher").write_text(FRAGMENT)
    (tmp_path / "people.cypher").write_text("// description: People.\n// mode: read\n// params:\n"
                                            "//   limit: {type: integer, description: most}\n"
                                            "MATCH (e:Entity) WHERE {{of_kind}} RETURN e LIMIT $limit\n")
    registry = load_registry(tmp_path)
    assert sorted(registry.statements) == ["people"]  # a fragment is not a statement
    statement = registry.get("people")
    assert statement.text == "MATCH (e:Entity) WHERE (e.kind = $kind) RETURN e LIMIT $limit"
    assert sorted(statement.params) == ["kind", "limit"]


def test_unknown_fragment_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "people.cypher").write_text("// description: People.\n// mode: read\n"
                                            "MATCH (e:Entity) WHERE {{nope}} RETURN e\n")
    with pytest.raises(CypherRegistryError, match=r"people.cypher:3: \{\{nope\}\}: no fragment"):
        load_registry(tmp_path)


def test_shared_predicates_are_written_once() -> None:
    """The edge filter, the entities it keeps and the edge's shape live in cypher/fragments/ only."""
    assert FRAGMENTS == ["fragments/edge_allowed", "fragments/edge_map", "fragments/entity_allowed"]
    for path in FILES:
        if "fragments" not in path.parts:
            text = path.read_text(encoding="utf-8")
            assert "$filter.types" not in text and "grade_reason:" not in text, path
            assert "e.first_reported <= $filter.as_of" not in text, path  # fragments/entity_allowed
    assert "$filter.as_of" in get_registry().get("paths/shortest").text
    assert "$filter.publishers" in get_registry().get("export/nodes").text


# --- the house rule: Cypher lives in cypher/, not in Python -------------------------------------

_CYPHER_CLAUSES = ("MATCH (", "MERGE (", "CREATE (")
_CODE_FOLDERS = ("graph", "api", "loaders", "cli")


def _query_text_in(source: str) -> list[tuple[int, str]]:
    """String literals in code (f-strings included) that hold a Cypher clause.

    Docstrings are documentation, not query text: ``graph/cypher.py`` explains the
    relationship-type slot with an example statement, and no docstring reaches Neo4j.
    """
    tree = ast.parse(source)
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
            if any(clause in node.value.upper() for clause in _CYPHER_CLAUSES):
                found.append((node.lineno, node.value))
    return found


def test_finder_finds_query_text() -> None:
    source = '"""Doc: MATCH (n) is fine here."""\nQ = "MATCH (n) RETURN n"\nR = f"merge (a {x})"\nS = "a match"\n'
    assert [line for line, _ in _query_text_in(source)] == [2, 3]


@pytest.mark.parametrize("path", [p for folder in _CODE_FOLDERS for p in sorted((ROOT / folder).rglob("*.py"))],
                         ids=lambda p: str(p.relative_to(ROOT)))
def test_no_cypher_in_python(path: Path) -> None:
    found = _query_text_in(path.read_text(encoding="utf-8"))
    assert not found, f"{path}: Cypher belongs in cypher/*.cypher: " + "; ".join(
        f"line {line}: {text[:60]!r}" for line, text in found)
