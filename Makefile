# `make book` and `make test` are all a newcomer needs; both set up .venv first.
# The one Python version the lock is made for and CI tests on.
PYTHON_VERSION := 3.11
PYTHON ?= $(shell command -v python$(PYTHON_VERSION) 2>/dev/null || echo python3)
VENV := .venv
BIN := $(VENV)/bin
# Set up again whenever the lock or the helpers' metadata change.
STAMP := $(VENV)/.installed-stamp
# The lock tool lives in a venv of its own, so the book's stays exactly the lock.
LOCK_VENV := .venv-lock
NOTEBOOKS := $(sort $(wildcard book/*.ipynb))

.PHONY: book test lab notebooks lint bench lock clean

# A venv is made from scratch, so nothing a previous lock installed survives:
# exactly the packages in requirements.txt, each checked against its hash,
# then the helpers package itself, whose dependencies are already among them.
$(STAMP): requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; v = "%d.%d" % sys.version_info[:2]; \
	sys.exit(None if v == "$(PYTHON_VERSION)" else \
	f"The lock is made for and tested on Python $(PYTHON_VERSION); $(PYTHON) is {v}. Run make PYTHON=python$(PYTHON_VERSION) ...")'
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

## Build the HTML book into _build/html, warnings as errors.
book: $(STAMP)
	$(BIN)/jupyter-book build --warningiserror --keep-going .
	@echo "Open file://$(CURDIR)/_build/html/index.html"

## Run every test: helpers, strict nbval over book/, the book build.
test: $(STAMP)
	$(BIN)/python -m pytest

## JupyterLab on the book, with live sliders. Its settings are the project's own,
## in jupyter-config/: the file browser lists the chapters and pages, not tool
## files, and no news pop-up asks for attention. Jupyter refuses to run as root
## unless told it may. LAB_ARGS passes more options (the tests use it).
LAB_AS_ROOT := $(if $(filter 0,$(shell id -u)),--allow-root)
lab: $(STAMP)
	JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config" $(BIN)/jupyter lab $(LAB_AS_ROOT) $(LAB_ARGS) book/

## Re-execute every chapter in place, top to bottom, in a fresh kernel.
notebooks: $(STAMP)
	PYTHONHASHSEED=0 $(BIN)/python scripts/refresh_notebooks.py $(NOTEBOOKS)

## Performance figures: explorer latency, helpers overhead, build and nbval time, page weight.
bench: $(STAMP)
	$(BIN)/python -m scripts.bench

## Style: ruff's checks over helpers, tests, scripts and the notebooks (as tests/test_style.py).
lint: $(STAMP)
	$(BIN)/ruff check .

## Resolve requirements.in into requirements.txt (every package, exact, hashed).
## Versions already locked are kept; to move one on: make lock LOCK_ARGS="--upgrade-package NAME".
LOCK := $(LOCK_VENV)/bin/uv pip compile --universal --python-version $(PYTHON_VERSION) \
	--generate-hashes --custom-compile-command "make lock" --quiet
lock: $(LOCK_VENV)/.installed-stamp
	$(LOCK) $(LOCK_ARGS) requirements-tools.in --output-file requirements-tools.txt
	$(LOCK) $(LOCK_ARGS) requirements.in --output-file requirements.txt

$(LOCK_VENV)/.installed-stamp: requirements-tools.txt
	rm -rf $(LOCK_VENV)
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_VENV)/bin/python -m pip install --quiet --require-hashes -r requirements-tools.txt
	touch $@

clean:
	rm -rf _build
