# intelgraph — the two commands a fresh machine needs:
#   make run    set up .venv, fetch and start Neo4j, load the corpus, serve the API
#   make test   the same set-up, then the whole test suite against a real Neo4j
# Everything the tests need is installed from here (Python packages, Neo4j's jars, Chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: run test setup neo4j load serve stop bench lint clean

run: load serve

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

neo4j: setup
	$(BIN)/intelgraph db start

load: neo4j
	$(BIN)/intelgraph load corpus

serve: setup
	$(BIN)/intelgraph serve

stop:
	-$(BIN)/intelgraph db stop

test: setup
	$(BIN)/python -m pytest

bench: setup
	$(BIN)/python bench/run.py --size S

clean:
	rm -rf $(VENV) .neo4j build *.egg-info
