"""pint, imported without numpy.

pint imports numpy whenever it is installed (pandas brings it) to support arrays of
quantities, which factcheck never makes; numpy is then most of pint's import time, which
every pre-commit run pays. Importing pint while ``import numpy`` fails leaves that support
off; numpy still imports normally afterwards (for pandas), and pint takes its scalars
(``numpy.float64``, ``numpy.int64``) as the plain numbers they register as.
"""

from __future__ import annotations

import sys

if "pint" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import pint
    finally:
        del sys.modules["numpy"]

import pint  # noqa: E402

__all__ = ["pint"]
