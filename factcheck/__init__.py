"""factcheck: find numeric claims in documents and cross-check them."""

__version__ = "0.2.0"
