# factcheck: the two commands of the README, and the developer's chores.
# Everything runs in a local virtual environment (.venv) that `make` creates on first use.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# The tool alone (no test tools), for the demo; the full STAMP implies it.
TOOL   := $(VENV)/.installed-tool

.PHONY: demo test lint format bench score score-real clean

# Set up (once, the tool and its dependencies only) and check the project's sample drafts.
demo: $(TOOL)
	$(BIN)/factcheck check examples/ || test $$? -eq 1

# Set up (once) and run the tests.
test: $(STAMP)
	$(BIN)/pytest

$(TOOL): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $(TOOL)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(TOOL) $(STAMP)

lint: $(STAMP)
	$(BIN)/ruff check factcheck tests
	$(BIN)/ruff format --check factcheck tests

format: $(STAMP)
	$(BIN)/ruff format factcheck tests

# Extraction accuracy on the seed corpus against tests/labels/.
score: $(STAMP)
	$(BIN)/python tests/score.py

# Reading, attribution, periods and findings on the real-prose development set
# (../shared/real-prose), per document; --details lists every miss.
score-real: $(STAMP)
	$(BIN)/python tests/score_real.py $(ARGS)

# Throughput and memory benchmarks (not tests: timings never gate CI).
bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# The long fuzz campaign (tests/fuzz_campaign.py): coverage-guided with atheris when it
# installs, else hypothesis; FUZZ_COUNT inputs, failures and the tally in fuzz-log.txt.
FUZZ_COUNT ?= 100000
fuzz: $(STAMP)
	-$(BIN)/pip install --quiet -e '.[fuzz]'
	$(BIN)/python tests/fuzz_campaign.py --count $(FUZZ_COUNT) --log fuzz-log.txt

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .factcheck-cache bench-data
