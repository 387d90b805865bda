"""The NLP foundation under the extractor: the CoreNLP server, its client, and the document model it fills."""
