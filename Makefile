# Interview Rebound. The two commands a newcomer needs:
#   make serve   - install what the site needs, then serve it at http://127.0.0.1:8000/interview-rebound/
#   make test    - install what the tests need, then run the whole test suite
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# The engine that builds the site: mkdocs (the default), or zensical, Material's successor, which
# reads the same mkdocs.yml and gets an environment of its own (requirements-zensical.txt).
ENGINE ?= mkdocs
ZENSICAL_VENV := .venv-zensical
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1
# The browser tests drive Debian's chromium-headless-shell: Debian's Chromium without the parts a window
# needs, so each page opens several times faster. Lighthouse (make bench) measures in the full browser,
# Debian's chromium. make installs the one it needs: root directly, others through sudo. Elsewhere, name
# your own: make test CHROMIUM=/path/to/chromium (tests/support/browser.py reads it).
CHROMIUM ?= /usr/bin/chromium-headless-shell
LIGHTHOUSE_CHROMIUM ?= /usr/bin/chromium
export CHROMIUM LIGHTHOUSE_CHROMIUM
# make test and make test-fast run the test files side by side, one per core (pytest-xdist); a file's
# tests stay together, so what they share (a build, the sweep of every page) is made once.
# Plain pytest runs them one after another, which is easier to follow when you debug one test.
PYTEST := $(BIN)/pytest --numprocesses auto --dist loadfile
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help serve build check test clean

help:  ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/'

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-installed: requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.test-installed: requirements-test.txt requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.site-installed

$(ZENSICAL_VENV)/.installed: requirements-zensical.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/pip install --quiet -r requirements-zensical.txt
	touch $@

$(VENV)/.lint-installed: requirements-lint.txt requirements.txt | $(BIN)/activate
	$(BIN)/pip install --quiet -r requirements-lint.txt
	touch $@ $(VENV)/.site-installed

serve: $(VENV)/.site-installed  ## Serve the site with live reload at http://127.0.0.1:8000/interview-rebound/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

ifeq ($(ENGINE),mkdocs)
build: $(VENV)/.site-installed  ## Build the site into site/, stopping on any warning (ENGINE=zensical: with Zensical)
	$(BIN)/mkdocs build --strict --site-dir site
else ifeq ($(ENGINE),zensical)
# Zensical runs no MkDocs hooks, so the post-build pass (CSP, open data) runs after it, and it builds from
# .zensical.yml: mkdocs.yml with the addresses of this build (SITE_URL, GITHUB_REPOSITORY; macros/settings.py).
# The data check runs first, because Zensical reports a data error with a traceback around it.
# --clean: no stale cache.
build: $(ZENSICAL_VENV)/.installed
	$(ZENSICAL_VENV)/bin/python -m macros.commands.check
	rm -rf site
	$(ZENSICAL_VENV)/bin/python -m macros.commands.zensical_config --output .zensical.yml
	$(ZENSICAL_VENV)/bin/zensical build --strict --clean --config-file .zensical.yml
	$(ZENSICAL_VENV)/bin/python -m macros.postbuild site
else
$(error ENGINE is mkdocs or zensical, not "$(ENGINE)")
endif

check: $(VENV)/.site-installed  ## Check the data in data/ (fast; no build)
	$(BIN)/python -m macros.commands.check

# Values go through the environment, so quotes or apostrophes in a title cannot break the command.
.PHONY: new-tip
new-tip: export NEW_TIP_TITLE = $(value TITLE)
new-tip: export NEW_TIP_THEME = $(value THEME)
new-tip: export NEW_TIP_STAGE = $(value STAGE)
new-tip: $(VENV)/.site-installed  ## Start a tip: make new-tip TITLE="..." THEME=... STAGE=... (or it asks)
	$(BIN)/python -m macros.commands.new_tip --title "$$NEW_TIP_TITLE" --theme "$$NEW_TIP_THEME" --stage "$$NEW_TIP_STAGE"

# The text you read goes through the environment, so any file name works. No article text is kept.
.PHONY: fingerprint
fingerprint: export FINGERPRINT_SOURCE = $(value SOURCE)
fingerprint: export FINGERPRINT_TEXT = $(value TEXT)
fingerprint: $(VENV)/.site-installed  ## Record a source's fingerprint for the copied-words check: make fingerprint SOURCE=id TEXT=file
	$(BIN)/python -m macros.commands.fingerprint "$$FINGERPRINT_SOURCE" "$$FINGERPRINT_TEXT"

.PHONY: links
links: $(VENV)/.site-installed  ## Check that every source article's and help service's address still answers (needs the internet)
	$(BIN)/python scripts/check_links.py

# Without apt-get (macOS, Windows, other Linux), say what the tests need instead of failing in apt-get.
# Debian's package is named like the program: /usr/bin/chromium-headless-shell is chromium-headless-shell.
$(CHROMIUM) $(LIGHTHOUSE_CHROMIUM):
	@if ! command -v apt-get >/dev/null 2>&1; then \
	  echo "make: the browser tests and make bench need Chromium, and there is none at $@." >&2; \
	  echo "This machine has no apt-get, so make cannot install Debian's Chromium for you. Instead:" >&2; \
	  echo "  - run the tests that need no browser:  make test-fast" >&2; \
	  echo "  - or install Chromium yourself and name it, for example on macOS (brew install --cask chromium):" >&2; \
	  echo "      make test CHROMIUM=/Applications/Chromium.app/Contents/MacOS/Chromium" >&2; \
	  echo "  - on Windows, run make test inside WSL with Debian or Ubuntu." >&2; \
	  echo "A pull request runs every test in Debian for you, so make test-fast is enough to send a change." >&2; \
	  exit 1; \
	fi
	$(SUDO) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $(notdir $@)

test: lint $(VENV)/.test-installed $(ZENSICAL_VENV)/.installed $(CHROMIUM)  ## Lint, then install what the tests need and run them all
	$(PYTEST)

.PHONY: test-fast
test-fast: $(VENV)/.test-installed  ## Run every test that needs no browser (no Chromium needed; under a minute)
	$(PYTEST) -m "not browser"

# The JavaScript and CSS linters come from the npm registry, pinned in tools/lint/package-lock.json;
# npm ci installs exactly those versions into tools/lint/node_modules (needs Node.js 20.19 or later).
LINT_TOOLS := tools/lint
$(LINT_TOOLS)/node_modules/.installed: $(LINT_TOOLS)/package.json $(LINT_TOOLS)/package-lock.json
	cd $(LINT_TOOLS) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

.PHONY: lint
lint: $(VENV)/.lint-installed $(LINT_TOOLS)/node_modules/.installed  ## Lint and type-check the code, the scripts, the styles, the workflows and the data
	$(LINT_TOOLS)/node_modules/.bin/eslint --config $(LINT_TOOLS)/eslint.config.mjs docs/assets/js
	$(LINT_TOOLS)/node_modules/.bin/stylelint --config $(LINT_TOOLS)/stylelint.config.mjs "docs/assets/**/*.css"
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/yamllint --strict .github data
	$(BIN)/zizmor --offline --no-progress .github

clean:  ## Remove the built site and caches (keeps .venv and .venv-zensical)
	rm -rf site .zensical.yml .pytest_cache .cache .ruff_cache .mypy_cache

.PHONY: bench
bench: $(VENV)/.site-installed $(ZENSICAL_VENV)/.installed $(LIGHTHOUSE_CHROMIUM)  ## Measure build time, memory, page weight and Lighthouse scores into bench-results/ (slow)
	$(BIN)/python scripts/bench.py

.PHONY: bench-guide
bench-guide: $(VENV)/.site-installed  ## Only the guide's first-load weight with the real tips and 1,000 and 5,000 bench tips (minutes, not an hour)
	$(BIN)/python scripts/bench.py --guide-only --sizes 1000,5000
