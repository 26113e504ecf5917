# Thin bootstrap: create or refresh the virtualenv, then hand over to invoke (tasks.py).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
NODE_TOOLS := node_modules/.installed

.PHONY: serve test build publish clean check new-event new-milestone

# The authors' commands (docs/rediger.md), typed as printed, once `make serve`
# or any of them has set the environment up. A value is handed to the task
# through the environment, never pasted into the command line: a title with
# quotes, `$` or backquotes reaches it as written (`$(value …)`: make does
# not expand a `$` the author typed).
AUTHOR_VALUES := TITLE START END VENUE LOCATION ADDRESS ONLINE RECURRENCE \
	ACCESSIBILITY AGE DATE
$(foreach name,$(AUTHOR_VALUES),$(eval override $(name) := $$(value $(name))))
export $(AUTHOR_VALUES)

serve: $(VENV)/.installed
	@$(BIN)/invoke serve

build: $(VENV)/.installed
	@$(BIN)/invoke build

publish: $(VENV)/.installed
	@$(BIN)/invoke publish

check: $(VENV)/.installed
	@$(BIN)/invoke check

new-event: $(VENV)/.installed
	@test -n "$$TITLE" -a -n "$$START" || { \
		echo 'Il faut au moins un titre et un début, par exemple :'; \
		echo '  make new-event TITLE="Atelier vélo" START="2020-03-20 19:00"'; \
		exit 2; }
	@$(BIN)/invoke new-event --title "$$TITLE" --start "$$START" --end "$$END" \
		--venue "$$VENUE" --location "$$LOCATION" --address "$$ADDRESS" \
		--online "$$ONLINE" --recurrence "$$RECURRENCE" \
		--accessibility "$$ACCESSIBILITY" --age "$$AGE"

new-milestone: $(VENV)/.installed
	@test -n "$$TITLE" -a -n "$$DATE" || { \
		echo 'Il faut un titre et une date, par exemple :'; \
		echo '  make new-milestone TITLE="Ouverture du lieu" DATE="2020-03"'; \
		exit 2; }
	@$(BIN)/invoke new-milestone --title "$$TITLE" --date "$$DATE"

.PHONY: gh-pages
gh-pages: $(VENV)/.installed
	@$(BIN)/invoke gh-pages

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
	rm -rf output output-preview cache

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
