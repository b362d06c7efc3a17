"""`python -m factcheck`: the same command line as the `factcheck` script."""

import sys

from factcheck.cli import main

sys.exit(main())
