"""The first load of a whole corpus, through ``neo4j-admin database import`` (``intelgraph bulk-load``).

The transactional loader (:mod:`loaders.facts_loader`) writes one document per transaction, which
is what a growing graph needs. Filling an empty database with a large corpus is faster another
way: write the graph the loader *would* produce as CSV files, and let Neo4j's offline importer
(from the same release as the server, :func:`graph.localserver.admin_command`) build the store
files directly. :func:`bulk_load` does that:

1. refuses unless the server is the local one intelgraph manages (``NEO4J_URI`` unset) and its
   database is empty (:class:`BulkLoadRefused`, saying why);
2. validates every file with :func:`graph.facts.read_facts`, in parallel, exactly as the loader
   does (and refuses two files with one document id); nothing is written if anything fails;
3. replays the loader's decisions in file order, in memory, with the rules both loaders share
   (:mod:`loaders.rules`): entity resolution by id, then by external id, then by name or alias
   within the same kind (the same errors for an ambiguous name or a clash of kinds), the rows
   of documents, entities, mentions, edges and evidence, and each edge's and entity's summary
   with the rules of :mod:`graph.summaries`, which the loader's refresh uses too;
4. writes the CSV files, stops the server, imports them (replacing the empty database), starts
   the server and creates the constraints and indexes (:meth:`graph.store.Store.ensure_schema`).

The graph is the transactional loader's, node for node and property for property: the same
labels, ids, properties and relationship types, and a ``GraphMeta`` version of one per document.
Only ``loaded_at`` and ``updated_at`` differ: they are the import's time. A list with no items
is no property in both (:mod:`graph.noitems`): the importer cannot write an empty list. Lists keep one order
in both (mentions by document id, evidence by document and place in the text: the summary
rules order them).

The package follows those jobs: :mod:`loaders.bulk.plan` (validate and plan),
:mod:`loaders.bulk.csv_files` (write the CSV) and :mod:`loaders.bulk.importer` (check the
target, import, finish); this module re-exports their public names.
"""
from __future__ import annotations

from loaders.bulk.csv_files import ARRAY_DELIMITER, PART_BYTES, CsvFile, CsvSet, write_csv
from loaders.bulk.importer import BulkLoadRefused, BulkReport, bulk_load, check_target, import_csv
from loaders.bulk.plan import BulkPlan, plan

__all__ = ["BulkLoadRefused", "BulkReport", "BulkPlan", "CsvFile", "CsvSet", "bulk_load", "plan", "write_csv",
           "import_csv", "check_target", "ARRAY_DELIMITER", "PART_BYTES"]
