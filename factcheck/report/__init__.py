"""Output formats: one module per format, each a plain function of claims and findings."""
