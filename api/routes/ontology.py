"""GET /ontology: the node kinds (with colour and shape) and relation types, as data for clients."""
from __future__ import annotations

from fastapi import APIRouter

from api.schemas import Ontology
from graph.ontology import get_ontology

router = APIRouter(tags=["ontology"])


@router.get("/ontology", response_model=Ontology)
def ontology() -> dict:
    """Every kind and relation type of ``graph/ontology.yaml``, so that no client hard-codes them.

    Kinds carry the colour and Cytoscape.js shape they are drawn with; relation types their
    category (for grouped filters), CAMEO code and whether they are symmetric.
    """
    onto = get_ontology()
    return {
        "kinds": [{"name": kind.name, "description": kind.description, "color": kind.color, "shape": kind.shape}
                  for kind in onto.kinds.values()],
        "relations": [{"name": rel.name, "description": rel.description, "category": rel.category,
                       "cameo": rel.cameo, "symmetric": rel.symmetric}
                      for rel in onto.relations.values()],
    }
