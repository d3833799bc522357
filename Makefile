# `make book` and `make test` are all a newcomer needs; both set up .venv first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Reinstall whenever the pinned packages or the helpers' metadata change.
STAMP := $(VENV)/.installed-stamp
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))

.PHONY: book test lab notebooks lint bench clean

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -e .
	touch $@

## Build the HTML book into _build/html, warnings as errors.
book: $(STAMP)
	$(BIN)/jupyter-book build --warningiserror --keep-going .
	@echo "Open file://$(CURDIR)/_build/html/index.html"

## Run every test: helpers, strict nbval over book/, the book build.
test: $(STAMP)
	$(BIN)/python -m pytest

## JupyterLab on the book, with live sliders.
lab: $(STAMP)
	$(BIN)/jupyter lab book/

## Re-execute every chapter in place, top to bottom, in a fresh kernel.
notebooks: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/python scripts/refresh_notebooks.py $(NOTEBOOKS)

## Performance figures: explorer latency, helpers overhead, build and nbval time, page weight.
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## Style: ruff's checks over helpers, tests, scripts and the notebooks (as tests/test_style.py).
lint: $(STAMP)
	$(BIN)/ruff check .

clean:
	rm -rf _build
