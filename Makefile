# intelgraph — the two commands a fresh machine needs:
#   make run    set up .venv, fetch and start Neo4j and the NLP server, load the corpus, serve the API
#   make test   the same set-up, then the linter and the type checker, then the whole test suite against a real Neo4j
# Everything the tests need is installed from here (Python packages, Neo4j's and CoreNLP's jars, Chromium).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
WEB    := api/static/app.js

.PHONY: run test setup browser neo4j nlp load serve stop bench bench-draft clean

run: load nlp serve

setup: $(STAMP) $(WEB)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet 'uv>=0.5'
	$(BIN)/uv pip install --quiet --python $(BIN)/python -e '.[test]'
	touch $(STAMP)

# The analysts' page: npm ci brings Cytoscape.js, esbuild and playwright-core; esbuild bundles
# web/src/ into api/static/ (git-ignored), which the API serves at /.
$(WEB): web/package.json web/package-lock.json web/build.mjs $(wildcard web/src/*)
	cd web && npm ci --no-audit --no-fund && npm run build

# What the tests drive besides Python, from Debian's packages (no tool may download a browser
# here): chromium for the page's end-to-end tests (tests/web), tmux for the interactive commands.
TEST_TOOLS := /usr/bin/chromium /usr/bin/tmux
browser: $(WEB)
	@missing="$$(for tool in $(TEST_TOOLS); do test -x $$tool || basename $$tool; done)"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y $$missing; \
	  else echo "the tests need: $$missing; install as root (apt-get install -y $$missing)" >&2; exit 1; fi; fi

neo4j: setup
	$(BIN)/intelgraph db start

# The NLP server `intelgraph draft` reads articles with (Stanford CoreNLP from Maven Central, 474 MB
# fetched once into .cache/corenlp; about 4 GiB of heap). The tests start their own on port 19000.
nlp: setup
	$(BIN)/intelgraph nlp start

load: neo4j
	$(BIN)/intelgraph load corpus

serve: setup
	$(BIN)/intelgraph serve

stop:
	-$(BIN)/intelgraph db stop
	-$(BIN)/intelgraph nlp stop

# The linter and the type checker first (settings in pyproject.toml): any finding fails the target
# before the suite starts. The suite runs on TEST_WORKERS pytest-xdist workers, each with a Neo4j
# of its own (tests/conftest.py); most tests wait on servers, so two share two cores well. The
# tests marked `alone` time a server under many clients: they run afterwards, with the cores to
# themselves; only the files that mark some are collected for that part (collecting every file
# takes 10 s). Both parts always run; the target fails if either does. The slowest tests are listed
# (--durations): `make test` must stay under 15 minutes, and the list says where to look.
TEST_WORKERS ?= 2
ALONE_FILES = $(shell grep -rl --include='test_*.py' 'mark.alone' tests)
test: setup browser
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadfile --no-loadscope-reorder -m "not alone" --durations=15; parallel=$$?; \
	$(BIN)/python -m pytest -m alone $(ALONE_FILES); alone=$$?; \
	test $$parallel -eq 0 && test $$alone -eq 0

bench: setup
	$(BIN)/python bench/run.py --size S

# drafting speed and memory against the NLP server's own reading (docs/extraction.md)
bench-draft: setup
	$(BIN)/python bench/drafting.py

clean: stop
	rm -rf $(VENV) .neo4j .corenlp build *.egg-info api/static web/node_modules
