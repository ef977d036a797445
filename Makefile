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

# Publishing (see README "Publishing"). DRY_RUN=1 makes an upload target list what it would change.
SITEURL   ?= https://news-digest.example.org
VNU_JAR   ?= node_modules/vnu-jar/build/dist/vnu.jar
DRY_RUN   ?=
GITHUB_REMOTE ?= origin
GITHUB_BRANCH ?= gh-pages
SSH_HOST  ?= localhost
SSH_PORT  ?= 22
SSH_USER  ?= www-data
SSH_TARGET_DIR ?= /var/www/news-digest
RSYNC_TARGET ?= $(SSH_USER)@$(SSH_HOST):$(SSH_TARGET_DIR)
S3_BUCKET ?=
S3_PREFIX ?=
S3_ENDPOINT_URL ?=
ARTICLE_LANG ?= de
# Extra pelican options for html, devserver and publish (e.g. --extra-settings ...).
PELICANOPTS ?=

PELICAN   := $(BIN)/pelican
RUNTIME   := $(VENV)/.runtime-installed
TESTDEPS  := $(VENV)/.test-installed
NODEDEPS  := node_modules/.installed

.DEFAULT_GOAL := help
.PHONY: help venv content html serve devserver publish test clean check github rsync_upload s3_upload new lighthouse

help: ## Show this list
	@awk 'BEGIN {FS = ":.*## "} /^[a-z0-9_-]+:.*## / {printf "  make %-10s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

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
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --delete-output-directory $(PELICANOPTS)

serve: html ## Build, then serve on http://127.0.0.1:$(PORT)
	$(PELICAN) --listen --bind 127.0.0.1 --port $(PORT) -o "$(OUTPUTDIR)" -s "$(CONFFILE)"

devserver: content ## Rebuild on change and serve on http://127.0.0.1:$(PORT)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --autoreload --listen --bind 127.0.0.1 --port $(PORT) $(PELICANOPTS)

publish: content $(NODEDEPS) ## Build output/ for the web with publishconf.py, check it, precompress it
	SITEURL="$(SITEURL)" $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" --delete-output-directory $(PELICANOPTS)
	$(MAKE) --no-print-directory check
	$(BIN)/python -m publishing precompress "$(OUTPUTDIR)"

check: $(RUNTIME) $(NODEDEPS) ## Check content/ and the site built in output/; non-zero on any problem
	$(BIN)/python -m site_check --content "$(INPUTDIR)/articles" --seeds "$(SEEDDIR)" \
		--site "$(OUTPUTDIR)" --site-url "$(SITEURL)" --vnu "$(VNU_JAR)"

github: publish ## Publish, then push output/ to the gh-pages branch with ghp-import (DRY_RUN=1: list changes)
ifdef DRY_RUN
	$(BIN)/python -m publishing github-plan "$(OUTPUTDIR)" --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_BRANCH)"
else
	-git fetch --quiet "$(GITHUB_REMOTE)" "$(GITHUB_BRANCH)"
	$(BIN)/ghp-import --no-jekyll --push --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_BRANCH)" \
		--message "Publish $(SITEURL)" "$(OUTPUTDIR)"
endif

rsync_upload: publish ## Publish, then rsync --delete output/ to RSYNC_TARGET over ssh (DRY_RUN=1: list changes)
	rsync -e "ssh -p $(SSH_PORT)" --recursive --links --compress --checksum --delete --itemize-changes \
		$(if $(DRY_RUN),--dry-run) "$(OUTPUTDIR)/" "$(RSYNC_TARGET)"

s3_upload: publish ## Publish, then mirror output/ into S3_BUCKET (S3_ENDPOINT_URL for non-AWS; DRY_RUN=1)
	@test -n "$(S3_BUCKET)" || { echo "make s3_upload: set S3_BUCKET (and S3_ENDPOINT_URL for a non-AWS server)" >&2; exit 2; }
	$(BIN)/python -m publishing s3 "$(OUTPUTDIR)" --bucket "$(S3_BUCKET)" --prefix "$(S3_PREFIX)" \
		--endpoint-url "$(S3_ENDPOINT_URL)" $(if $(DRY_RUN),--dry-run)

new: $(RUNTIME) ## Scaffold content/articles/<slug>.md: make new TITLE="..." [SOURCE=... SUMMARY=...]
	$(BIN)/python -m scaffold --title "$$TITLE" --content "$(INPUTDIR)/articles" --lang "$(ARTICLE_LANG)" \
		--source "$$SOURCE" --summary "$$SUMMARY"

test: $(TESTDEPS) $(NODEDEPS) ## Set up, then run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lighthouse: $(TESTDEPS) $(NODEDEPS) ## Lighthouse reports (home, article, tag) into bench/work/lighthouse
	$(BIN)/python bench/theme_bench.py --runs 1 --lighthouse bench/work/lighthouse

clean: ## Remove output/ and caches (keeps .venv, content and seeds)
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache .hypothesis bench/work
	find . -name __pycache__ -type d -prune -not -path "./$(VENV)/*" -exec rm -rf {} +
