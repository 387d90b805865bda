"""The draft extractor: an article's text in, a facts file of candidates out (docs/extraction.md).

:func:`extract.assemble.write_draft` is the entry point; ``intelgraph draft`` calls it.
"""
