# Thin bootstrap: create or refresh the virtualenv, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_TOOLS := node_modules/.installed

.PHONY: serve test build publish clean

serve: $(VENV)/.installed
	$(BIN)/invoke serve

build: $(VENV)/.installed
	$(BIN)/invoke build

publish: $(VENV)/.installed
	$(BIN)/invoke publish

.PHONY: gh-pages
gh-pages: $(VENV)/.installed
	$(BIN)/invoke gh-pages

test: $(VENV)/.installed-dev $(NODE_TOOLS)
	$(BIN)/invoke test

# Lighthouse and screenshots of the real site (not part of make test: slow).
.PHONY: audit
audit: $(VENV)/.installed-dev
	$(BIN)/invoke audit

.PHONY: bench
bench: $(VENV)/.installed
	$(BIN)/invoke bench

clean:
	rm -rf output cache

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
		|| { echo "Python 3.11 ou plus récent est nécessaire (PYTHON=$(PYTHON))."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# The browser tests' tools from npm (axe-core, vnu-jar), exactly as locked;
# install scripts are skipped (vnu-jar's would download a Java: Debian's is used).
$(NODE_TOOLS): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm est nécessaire (apt-get install npm)."; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $@

$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.installed
