"""Services: what the API and the CLI ask of the graph, one module per resource.

Routers and commands stay thin over these; these run registry statements through the store
and return plain data.
"""
