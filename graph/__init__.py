"""intelgraph's core: the ontology, the facts model, the Neo4j store and the analytics.

Nothing in ``graph`` imports ``api``, ``loaders`` or ``cli``; they import it.
"""
