"""Settings for the whole suite."""

from __future__ import annotations

import hypothesis

# No wall-clock limit on a property test's example (hypothesis's default is 200 ms): the
# machine the suite runs on may be shared and loaded. Timings live in benchmarks/run.py.
hypothesis.settings.register_profile("factcheck", deadline=None)
hypothesis.settings.load_profile("factcheck")
