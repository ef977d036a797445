# The one door for people: `make help` lists what is here.
# On a fresh machine with Python 3.11 and make, `make html` and `make test`
# set everything up themselves (.venv and the pinned requirements).

PYTHON    ?= python3
VENV      ?= .venv
BIN       := $(VENV)/bin
SEEDDIR   ?= seeds
INPUTDIR  ?= content
OUTPUTDIR ?= output
CONFFILE  ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT      ?= 8000
PYTEST_ARGS ?=

PELICAN   := $(BIN)/pelican
RUNTIME   := $(VENV)/.runtime-installed
TESTDEPS  := $(VENV)/.test-installed
NODEDEPS  := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help venv content html serve devserver publish test clean

help: ## Show this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-z_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The venv is rebuilt when a requirements file changes (the stamps are newer than them).
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip==25.3

$(RUNTIME): requirements.txt | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

$(TESTDEPS): requirements-test.txt $(RUNTIME)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

$(NODEDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

venv: $(RUNTIME) ## Create .venv with the pinned runtime requirements

content: $(RUNTIME) ## Convert seeds/*.txt into content/articles/*.md
	$(BIN)/python -m seed_converter --seeds "$(SEEDDIR)" --content "$(INPUTDIR)/articles"

html: content ## Convert, then build output/ with pelicanconf.py
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --delete-output-directory

serve: html ## Build, then serve on http://127.0.0.1:$(PORT)
	$(PELICAN) --listen --bind 127.0.0.1 --port $(PORT) -o "$(OUTPUTDIR)" -s "$(CONFFILE)"

devserver: content ## Rebuild on change and serve on http://127.0.0.1:$(PORT)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --autoreload --listen --bind 127.0.0.1 --port $(PORT)

publish: content ## Build output/ for the web with publishconf.py (SITEURL from the environment)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" --delete-output-directory

test: $(TESTDEPS) $(NODEDEPS) ## Set up, then run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean: ## Remove output/ and caches (keeps .venv, content and seeds)
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache .hypothesis bench/work
	find . -name __pycache__ -type d -prune -not -path "./$(VENV)/*" -exec rm -rf {} +
