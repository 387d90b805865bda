"""Exports of the graph, or of a selection of it, in the formats other tools read.

Every format builds on one streaming read (:class:`~graph.exports.source.GraphSource`), and
every writer is a generator of byte chunks, so neither the API nor the CLI holds a whole
document in memory.
"""
