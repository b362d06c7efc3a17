"""Writing extracted claims: JSON Lines, JSON, CSV (through pandas) and YAML."""

from __future__ import annotations

import json
from typing import TextIO

import yaml

from ..model import CLAIM_FIELDS, Claim

CLAIM_FORMATS = ("jsonl", "json", "csv", "yaml")


def write_claims(claims: list[Claim], fmt: str, out: TextIO) -> None:
    """Write claims in one of CLAIM_FORMATS."""
    rows = [claim.to_dict() for claim in claims]
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False, allow_nan=False) + "\n")
    elif fmt == "json":
        json.dump(rows, out, ensure_ascii=False, indent=2, allow_nan=False)
        out.write("\n")
    elif fmt == "yaml":
        yaml.safe_dump(rows, out, allow_unicode=True, sort_keys=False)
    elif fmt == "csv":
        import pandas as pd  # imported here: pandas costs a third of a second to load

        flat = [claim.to_row() for claim in claims]
        pd.DataFrame(flat, columns=CLAIM_FIELDS).to_csv(out, index=False, lineterminator="\n")
    else:
        raise ValueError(f"unknown claim format {fmt!r}")
