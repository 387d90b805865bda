"""GET /ontology: kinds with colour and shape, relation types with category: the page's legend and filters."""
from __future__ import annotations

import pytest

from graph.ontology import get_ontology

pytestmark = pytest.mark.neo4j


@pytest.fixture(scope="module")
def answer(client):
    response = client.get("/ontology")
    assert response.status_code == 200, response.text
    return response.json()


def test_every_kind_comes_with_its_colour_and_shape(answer):
    ontology = get_ontology()
    assert [k["name"] for k in answer["kinds"]] == list(ontology.kinds)
    for kind in answer["kinds"]:
        assert set(kind) == {"name", "description", "color", "shape"}
        assert kind["color"] == ontology.kinds[kind["name"]].color
        assert kind["shape"] == ontology.kinds[kind["name"]].shape
    security = next(k for k in answer["kinds"] if k["name"] == "SecurityService")
    assert (security["color"], security["shape"]) == ("#d62728", "diamond")


def test_every_relation_type_comes_with_category_cameo_and_symmetry(answer):
    ontology = get_ontology()
    assert [r["name"] for r in answer["relations"]] == list(ontology.relations)
    for relation in answer["relations"]:
        assert set(relation) == {"name", "description", "category", "cameo", "symmetric"}
        expected = ontology.relations[relation["name"]]
        assert (relation["category"], relation["cameo"], relation["symmetric"]) == (
            expected.category, expected.cameo, expected.symmetric)
    accused = next(r for r in answer["relations"] if r["name"] == "ACCUSED")
    assert accused["cameo"] == "112" and accused["symmetric"] is False


def test_the_ontology_is_in_the_openapi_document(client):
    spec = client.get("/openapi.json").json()
    assert "/ontology" in spec["paths"] and "/documents" in spec["paths"]
    assert spec["components"]["schemas"]["Ontology"]["examples"]
