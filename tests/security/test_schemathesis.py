"""Schemathesis fuzzes every endpoint from the API's own OpenAPI document, against a real server.

A bounded number of examples per operation; the requirement is zero 5xx and every answer
matching the schema the endpoint declares. (Schemathesis' own pytest plugin does not run under
pytest 9, so each operation's strategy is driven by Hypothesis here.)
"""
from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import response_schema_conformance

from tests.conftest import running_api

pytestmark = pytest.mark.neo4j

EXAMPLES_PER_OPERATION = 30


@pytest.fixture(scope="module")
def api_schema(loaded):
    # A generous rate limit: the fuzzer sends far more /cypher calls than an analyst would.
    with running_api({"CYPHER_RATE_PER_MINUTE": "100000"}) as base:
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
