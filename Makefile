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

# The long fuzz campaign (tests/fuzz_campaign.py): FUZZ_COUNT seeded inputs from FUZZ_START
# (two shells can share a campaign: FUZZ_START=0 and FUZZ_START=500000 with FUZZ_COUNT=500000);
# failures, progress and the tally in fuzz-log.txt. FUZZ_ENGINE=atheris: coverage-guided.
FUZZ_COUNT ?= 1000000
FUZZ_START ?= 0
FUZZ_ENGINE ?= seeded
fuzz: $(STAMP)
	if [ "$(FUZZ_ENGINE)" = atheris ]; then $(BIN)/pip install --quiet -e '.[fuzz]'; fi
	$(BIN)/python tests/fuzz_campaign.py --engine $(FUZZ_ENGINE) --count $(FUZZ_COUNT) \
		--start $(FUZZ_START) --log fuzz-log.txt

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .hypothesis .factcheck-cache bench-data
