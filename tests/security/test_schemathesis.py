"""Schemathesis fuzzes every endpoint from the API's own OpenAPI document, against a real server.

A bounded number of examples per operation; the requirement is zero 5xx and every answer
matching the schema the endpoint declares. (Schemathesis' own pytest plugin does not run under
pytest 9, so each operation's strategy is driven by Hypothesis here.)
"""
from __future__ import annotations

import os
from typing import Any

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.conftest import running_api

pytestmark = pytest.mark.neo4j

#: Examples for each operation: 20 in `make test`, which the suite's 15 minutes bound (the machine is
#: CPU-bound throughout); set INTELGRAPH_FUZZ_EXAMPLES for a deeper run by hand (docs/security.md).
EXAMPLES_PER_OPERATION = int(os.environ.get("INTELGRAPH_FUZZ_EXAMPLES", "20"))
#: What ``listed-by`` rules name (``/sources#publishers``), read from the server under test.
_LISTED: dict[str, set[str]] = {}


@pytest.fixture(scope="module")
def api_schema(loaded, nlp_server):  # POST /drafts reads with the NLP server
    # A generous rate limit: the fuzzer sends far more /cypher calls than an analyst would.
    with running_api({"CYPHER_RATE_PER_MINUTE": "100000"}) as base:
        _LISTED["/sources#publishers"] = set(httpx.get(f"{base}/sources").json()["publishers"])
        assert _LISTED["/sources#publishers"], "no publisher loaded: the publishers filter goes untested"
        yield schemathesis.openapi.from_url(f"{base}/openapi.json")


def test_every_operation(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) >= 10
    failures: list[str] = []
    examples = 0
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES_PER_OPERATION, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: schemathesis.Case) -> None:
            nonlocal examples
            examples += 1
            response = case.call(timeout=60)
            if response.status_code >= 500:
                failures.append(f"{case.method} {case.path} {case.query} {case.body!r:.200}: "
                                f"{response.status_code} {response.text[:300]}")
                return
            try:
                case.validate_response(response, checks=[response_schema_conformance])
            except Exception as exc:  # noqa: BLE001 - collect every mismatch, report them together
                failures.append(f"{case.method} {case.path} {case.query}: {exc}"[:600])

        fuzz()
    print(f"schemathesis: {examples} examples over {len(operations)} operations")
    assert not failures, "\n".join(failures[:20])


READ_EXAMPLES = EXAMPLES_PER_OPERATION


def _ordered(value: object) -> bool:
    first, _, second = str(value).strip().partition("..")
    return not (first and second) or first <= second  # ISO days compare as text


def _parameter_rules(operation: Any) -> list[str]:
    """The ``x-constraints`` of an operation and of its parameters' schemas, as operation rules."""
    rules = list(operation.definition.raw.get("x-constraints", []))
    for param in operation.definition.raw.get("parameters", []):
        for rule in param.get("schema", {}).get("x-constraints", []):
            rules.append(f"ordered:{param['name']}" if rule == "ordered" else f"{rule}:{param['name']}")
    return rules


def _respects(case: schemathesis.Case, rules: list[str]) -> bool:
    """Whether a generated request keeps the rules between parameters that the operation states in
    ``x-constraints`` (api/contract.py): OpenAPI's parameter schemas cannot say them."""
    query = case.query or {}
    present = {name for name, value in query.items() if value not in (None, [], "")}
    for rule in rules:
        kind, _, spec = rule.partition(":")
        if kind == "ordered" and spec in present and not _ordered(query[spec]):
            return False
        if kind == "not-after":
            other, _, name = spec.partition(":")
            if {name, other} <= present and str(query[name]) > str(query[other]):
                return False
        kind, _, spec = rule.partition(":")
        if kind in ("exactly-one", "at-most-one"):
            given_ = len(present & set(spec.split(",")))
            if given_ > 1 or (kind == "exactly-one" and given_ == 0):
                return False
        elif kind == "agrees":  # agrees:OTHER=VALUE:NAME: when OTHER is true, NAME is VALUE
            condition, _, name = spec.rpartition(":")
            other, _, value = condition.partition("=")
            if name in present and str(query.get(other, "")).lower() == "true" and query[name] != value:
                return False
        elif kind == "listed-by":  # listed-by:SOURCE:NAME: every value of NAME is one SOURCE lists
            source, _, name = spec.rpartition(":")
            values = query.get(name) if name in present else []
            if any(value not in _LISTED[source] for value in (values if isinstance(values, list) else [values])):
                return False
        elif kind == "requires":
            name, _, condition = spec.partition(":")
            other, _, value = condition.partition("=")
            if name in present and str(query.get(other, "")) != value:
                return False
    return True


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
def test_read_operations_pass_every_check(api_schema, mode):
    """Every schemathesis check on every GET operation: no 5xx, documented status codes, content
    types and headers, bodies as declared, every request the schema allows accepted
    (positive_data_acceptance), every request it forbids refused (negative_data_rejection), and
    ``Allow`` headers that list the documented methods."""
    operations = [result.ok() for result in api_schema.get_all_operations() if result.ok().method.upper() == "GET"]
    assert len(operations) >= 10
    failures: list[str] = []
    examples = 0
    for operation in operations:
        if mode is GenerationMode.NEGATIVE and not operation.definition.raw.get("parameters"):
            continue  # nothing to get wrong
        # Positive requests keep the rules between parameters; negative ones break a schema anyway.
        rules = _parameter_rules(operation) if mode is GenerationMode.POSITIVE else []

        @given(case=operation.as_strategy(generation_mode=mode).filter(
            lambda case, rules=rules: _respects(case, rules)))
        @settings(max_examples=READ_EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def fuzz(case: schemathesis.Case) -> None:
            nonlocal examples
            examples += 1
            try:
                case.call_and_validate(timeout=60)
            except Exception as exc:  # noqa: BLE001 - collect every failure, report them together
                failures.append(f"{case.method} {case.path} {case.path_parameters} {case.query}: {exc}"[:800])

        fuzz()
    print(f"schemathesis ({mode.value}): {examples} examples over {len(operations)} read operations")
    assert not failures, "\n".join(failures[:20])
