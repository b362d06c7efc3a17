"""No test fails for taking long on a loaded machine: timings belong in benchmarks/run.py."""

from __future__ import annotations

import hypothesis


def test_property_tests_have_no_deadline():
    # Hypothesis fails an example that takes over 200 ms unless told otherwise; every
    # property test, decorated with its own settings or not, runs without that limit.
    assert hypothesis.settings().deadline is None
