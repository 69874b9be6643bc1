# The README's two commands are `make serve` and `make test`; each installs what it needs.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: install serve test lint

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

# GraphiQL's browser bundles come from npm at install time; the app serves them itself.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Apollo Client's real PersistedQueryLink, driven by a test against a live server.
tests/api/http/apollo/node_modules/.installed: tests/api/http/apollo/package.json tests/api/http/apollo/package-lock.json
	npm ci --prefix tests/api/http/apollo --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed node_modules/.installed

serve: install
	$(BIN)/rangex-graphql serve

test: install tests/api/http/apollo/node_modules/.installed
	$(BIN)/pytest

lint: install
	$(BIN)/ruff check rangex_graphql tests $(wildcard benchmarks)
	$(BIN)/ruff format --check rangex_graphql tests $(wildcard benchmarks)
	$(BIN)/mypy rangex_graphql tests $(wildcard benchmarks)
