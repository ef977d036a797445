# The one door for people: `make help` lists what is here.
# `make doctor` names every missing tool with the command that installs it;
# html, test, check and publish run the same check first, then set up .venv
# from the hashed locks (requirements*.lock) and node_modules themselves.

PYTHON    ?= python3
VENV      ?= .venv
BIN       := $(VENV)/bin
SEEDDIR   ?= seeds
# MAX_SEED_MIB=N: the converter and make check read seeds up to N MiB (default 1; larger ones are refused).
MAX_SEED_MIB ?=
SEEDLIMIT := $(if $(MAX_SEED_MIB),--max-seed-mib "$(MAX_SEED_MIB)")
INPUTDIR  ?= content
OUTPUTDIR ?= output
CONFFILE  ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
PORT      ?= 8000
PYTEST_ARGS ?=

# Publishing (see README "Publishing"). DRY_RUN=1 makes an upload target list what it would change.
# publish and the uploads refuse the placeholder: give SITEURL on the command line or in the environment.
SITEURL_PLACEHOLDER := https://news-digest.example.org
SITEURL   ?= $(SITEURL_PLACEHOLDER)
# PRECOMPRESS= (empty) leaves out the .gz/.br copies (GitHub Pages compresses by itself).
PRECOMPRESS ?= yes
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
, := ,

PELICAN   := $(BIN)/pelican
RUNTIME   := $(VENV)/.runtime-installed
TESTDEPS  := $(VENV)/.test-installed
NODEDEPS  := node_modules/.installed
# The hashed locks of the whole Python environment, made from requirements*.txt by `make lock`.
LOCK      := requirements.lock
TEST_LOCK := requirements-test.lock
PIP_INSTALL := $(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes
# One version of each package for every Python >= 3.11 and every system (--universal, fewest forks).
UV_COMPILE = $(BIN)/uv pip compile --quiet --universal --fork-strategy fewest --python-version 3.11 \
	--generate-hashes --custom-compile-command "make lock" $(if $(UPGRADE),--upgrade)
# The set-up check: `python3 -m doctor NEED` exits non-zero with one message naming every missing tool.
DOCTOR    = @$(PYTHON) -m doctor

.DEFAULT_GOAL := help
.PHONY: help doctor venv content html serve devserver publish test clean check tags-report lexicon github rsync_upload s3_upload new \
	lighthouse lock check-content need-build need-check need-publish need-test need-lighthouse need-siteurl

help: ## Show this list
	@awk -v port="$(PORT)" 'BEGIN {FS = ":.*## "} /^[a-z0-9_-]+:.*## / {gsub(/\$$\(PORT\)/, port, $$2); \
		name[++n] = $$1; text[n] = $$2; if (length($$1) > w) w = length($$1)} \
		END {for (i = 1; i <= n; i++) printf "  make %-" w "s  %s\n", name[i], text[i]}' $(MAKEFILE_LIST)

doctor: ## Check every tool the targets need; name each missing one with its install command
	$(DOCTOR) all

need-build:
	$(DOCTOR) build
need-check:
	$(DOCTOR) check
need-publish:
	$(DOCTOR) publish
need-test:
	$(DOCTOR) test
need-lighthouse:
	$(DOCTOR) lighthouse

# The venv is reinstalled when a lock changes (the stamps are newer than the locks).
$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(RUNTIME): $(LOCK) | $(VENV)/bin/python
	$(PIP_INSTALL) -r $(LOCK)
	@touch $@

$(TESTDEPS): $(TEST_LOCK) $(RUNTIME)
	$(PIP_INSTALL) -r $(TEST_LOCK)
	@touch $@

lock: $(TESTDEPS) ## Re-pin every Python package with hashes from requirements*.txt (UPGRADE=1: newest)
	$(UV_COMPILE) requirements-test.txt -o $(TEST_LOCK)
	$(UV_COMPILE) requirements.txt --constraint $(TEST_LOCK) -o $(LOCK)
	@echo "make lock: $(LOCK) and $(TEST_LOCK) are up to date; commit them with requirements*.txt"

$(NODEDEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --ignore-scripts
	@touch $@

venv: $(RUNTIME) ## Create .venv with the locked runtime requirements

content: need-build $(RUNTIME) ## Convert seeds/*.txt into content/articles/*.md
	$(BIN)/python -m seed_converter --seeds "$(SEEDDIR)" --content "$(INPUTDIR)/articles" $(SEEDLIMIT)

# FULL=1: render every page again and read every file (see README "Incremental builds").
FULL      ?=

html: need-build content ## Convert, then build output/ with pelicanconf.py, only what changed (FULL=1: everything)
	INCREMENTAL_FULL_BUILD="$(FULL)" $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" $(PELICANOPTS)

serve: html ## Build, then serve on http://127.0.0.1:$(PORT) (missing pages get the site's 404 page)
	$(BIN)/python -m preview "$(OUTPUTDIR)" --port $(PORT)

devserver: content ## Rebuild on change and serve on http://127.0.0.1:$(PORT)
	$(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(CONFFILE)" --autoreload --listen --bind 127.0.0.1 --port $(PORT) $(PELICANOPTS)

# A refusal: one line naming the goal and the problem, exit 2, before anything is built or uploaded.
refuse = { echo 'make $(or $(MAKECMDGOALS),publish): $(1)' >&2; exit 2; }

# SITEURL must be given on the command line or in the environment: the placeholder would put
# example.org into every feed, canonical link and the sitemap.
need-siteurl:
	@$(if $(filter command environment,$(origin SITEURL)),$(if $(strip $(SITEURL)),:,\
		$(call refuse,SITEURL is empty; give the address of the site: SITEURL=https://... Nothing was built.)),\
		$(call refuse,SITEURL is not set (the placeholder $(SITEURL_PLACEHOLDER) would end up in feeds$(,) \
		canonical links and the sitemap); give the address of the site: SITEURL=https://... Nothing was built.))

publish: need-publish need-siteurl content $(NODEDEPS) ## Build output/ for the web with publishconf.py (SITEURL=... required), check it, precompress it
	SITEURL="$(SITEURL)" $(PELICAN) "$(INPUTDIR)" -o "$(OUTPUTDIR)" -s "$(PUBLISHCONF)" --delete-output-directory $(PELICANOPTS)
	$(MAKE) --no-print-directory check
	$(if $(PRECOMPRESS),$(BIN)/python -m publishing precompress "$(OUTPUTDIR)")
	@$(BIN)/python -m site_check.legal "$(OUTPUTDIR)"

tags-report: $(RUNTIME) ## Print the last build's tags by type (with counts), dropped ambiguous surnames, likely aliases
	PYTHONPATH=. $(BIN)/python plugins/autotag/report.py cache/autotag

lexicon: ## Regenerate plugins/autotag/lexicon.json.gz from the lexicons in requirements-lexicon.txt (own venv)
	python3 -m venv .venv-lexicon
	.venv-lexicon/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-lexicon.txt \
		$$(grep -iE '^(hanta|numpy)==' requirements.txt)
	.venv-lexicon/bin/python plugins/autotag/derive_lexicon.py

check: need-check $(RUNTIME) $(NODEDEPS) ## Check content/ and the site built in output/; non-zero on any problem
	$(BIN)/python -m site_check --content "$(INPUTDIR)/articles" --seeds "$(SEEDDIR)" $(SEEDLIMIT) \
		--site "$(OUTPUTDIR)" --site-url "$(SITEURL)" --vnu "$(VNU_JAR)"

check-content: need-build $(RUNTIME) ## Check content/ and that every seed has its current article (no build, no change)
	$(BIN)/python -m site_check --content "$(INPUTDIR)/articles" --seeds "$(SEEDDIR)" $(SEEDLIMIT)

# Each upload target checks its own settings and tools before publish builds anything.
.PHONY: need-github need-rsync need-s3
need-github: need-siteurl
	$(DOCTOR) github
need-rsync: need-siteurl
	$(DOCTOR) rsync_upload
	@$(if $(findstring :,$(RSYNC_TARGET)),command -v ssh >/dev/null || \
		$(call refuse,ssh not found for RSYNC_TARGET=$(RSYNC_TARGET) (Debian/Ubuntu: sudo apt-get install openssh-client). Nothing was built.))
need-s3: need-siteurl
	@test -n "$(S3_BUCKET)" || $(call refuse,set S3_BUCKET (and S3_ENDPOINT_URL for a non-AWS server). Nothing was built.)

github: need-github publish ## Publish, then push output/ to the gh-pages branch with ghp-import (DRY_RUN=1: list changes)
ifdef DRY_RUN
	$(BIN)/python -m publishing github-plan "$(OUTPUTDIR)" --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_BRANCH)"
else
	-git fetch --quiet "$(GITHUB_REMOTE)" "$(GITHUB_BRANCH)"
	$(BIN)/ghp-import --no-jekyll --push --remote "$(GITHUB_REMOTE)" --branch "$(GITHUB_BRANCH)" \
		--message "Publish $(SITEURL)" "$(OUTPUTDIR)"
endif

rsync_upload: need-rsync publish ## Publish, then rsync --delete output/ to RSYNC_TARGET over ssh (DRY_RUN=1: list changes)
	rsync -e "ssh -p $(SSH_PORT)" --recursive --links --compress --checksum --delete --itemize-changes \
		$(if $(DRY_RUN),--dry-run) "$(OUTPUTDIR)/" "$(RSYNC_TARGET)"

s3_upload: need-s3 publish ## Publish, then mirror output/ into S3_BUCKET (S3_ENDPOINT_URL for non-AWS; DRY_RUN=1)
	$(BIN)/python -m publishing s3 "$(OUTPUTDIR)" --bucket "$(S3_BUCKET)" --prefix "$(S3_PREFIX)" \
		--endpoint-url "$(S3_ENDPOINT_URL)" $(if $(DRY_RUN),--dry-run)

# TITLE, SOURCE and SUMMARY reach the file as typed: their raw values ($(value ...), never expanded by
# make) are single-quoted for the shell.
shell_quote = '$(subst ','\'',$(1))'

new: need-build $(RUNTIME) ## Scaffold content/articles/<slug>.md: make new TITLE="..." [SOURCE=... SUMMARY=...]
	$(BIN)/python -m scaffold --title $(call shell_quote,$(value TITLE)) --content "$(INPUTDIR)/articles" \
		--lang "$(ARTICLE_LANG)" --source $(call shell_quote,$(value SOURCE)) --summary $(call shell_quote,$(value SUMMARY))

test: need-test $(TESTDEPS) $(NODEDEPS) ## Set up, then run the whole test suite
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lighthouse: need-lighthouse $(TESTDEPS) $(NODEDEPS) ## Lighthouse reports (home, article, tag) into bench/work/lighthouse
	$(BIN)/python bench/theme_bench.py --runs 1 --lighthouse bench/work/lighthouse

clean: ## Remove output/ and caches (keeps .venv, content and seeds)
	rm -rf "$(OUTPUTDIR)" cache .pytest_cache .hypothesis bench/work
	find . -name __pycache__ -type d -prune -not -path "./$(VENV)/*" -exec rm -rf {} +
