"""The LLM extractor: a language model's candidates for a draft, checked as a facts file is.

``intelgraph draft ARTICLE --extractor llm`` (or ``both``, merged with the linguistic extractor's)
sends the article in overlapping chunks (:mod:`extract.llm.chunks`) to an OpenAI-compatible
endpoint (:mod:`extract.llm.client`) with the ontology as a JSON Schema
(:mod:`extract.llm.prompt`); every answer is validated, each relation's quote placed in the
article by the project (:mod:`extract.llm.validate`), the entities resolved against the gazetteer
and the result written as the same facts-level dict as the linguistic draft
(:mod:`extract.llm.drafting`); :mod:`extract.llm.merge` merges two drafts.
"""
