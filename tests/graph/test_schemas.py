"""schemas/*.schema.json: the shipped facts schema is the generated one, and the files fit it.

Regenerate ``schemas/facts.schema.json`` after changing the models in ``graph/facts.py``::

    .venv/bin/python -c "import json, graph.facts as f; \\
        open('schemas/facts.schema.json', 'w').write(json.dumps(f.json_schema(), indent=2, ensure_ascii=False) + '\\n')"
"""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from graph.facts import json_schema

ROOT = Path(__file__).resolve().parent.parent.parent
FACTS_SCHEMA = ROOT / "schemas" / "facts.schema.json"
EXPORT_SCHEMA = ROOT / "schemas" / "export.schema.json"
FACTS_FILES = sorted((ROOT / "corpus").glob("*.facts.yaml")) + sorted(
    (ROOT / "tests" / "fixtures" / "corpus").glob("*.facts.yaml"))


def _as_json(value: Any) -> Any:
    """YAML data as a JSON reader sees it: dates become their ISO text."""
    if isinstance(value, dict):
        return {key: _as_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_as_json(item) for item in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def facts_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(FACTS_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


def test_shipped_facts_schema_is_generated() -> None:
    text = FACTS_SCHEMA.read_text(encoding="utf-8")
    assert json.loads(text) == json_schema(), "regenerate schemas/facts.schema.json (see this module)"
    assert text == json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def test_seed_corpus_is_there() -> None:
    assert ROOT / "corpus" / "crocus-city-hall-ft-2024.facts.yaml" in FACTS_FILES


@pytest.mark.parametrize("path", FACTS_FILES, ids=lambda p: p.name)
def test_facts_files_fit_the_schema(facts_validator: jsonschema.Draft202012Validator, path: Path) -> None:
    data = _as_json(yaml.safe_load(path.read_text(encoding="utf-8")))
    errors = [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in facts_validator.iter_errors(data)]
    assert not errors, "\n".join(errors)


@pytest.mark.parametrize(("change", "where"), [
    (lambda d: d["document"].update(editor="x"), "document"),
    (lambda d: d["relations"][0].update(status="rumoured"), "relations/0/status"),
    (lambda d: d["entities"][0].update(id="Not An Id"), "entities/0/id"),
    (lambda d: d["document"].pop("sha256"), "document"),
])
def test_facts_schema_rejects_bad_files(facts_validator: jsonschema.Draft202012Validator,
                                        change: Any, where: str) -> None:
    data = _as_json(yaml.safe_load((ROOT / "tests" / "fixtures" / "corpus" / "alpha.facts.yaml").read_text()))
    change(data)
    errors = list(facts_validator.iter_errors(data))
    assert [("/".join(map(str, e.absolute_path))) for e in errors] == [where]


def test_export_schema_is_valid_draft_2020_12() -> None:
    schema = json.loads(EXPORT_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
