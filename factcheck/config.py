"""Project configuration, found the way linters find theirs.

From the directory of the files checked, upward, the first directory holding one of

- ``pyproject.toml`` with a ``[tool.factcheck]`` table,
- ``.factcheck.toml``,
- ``factcheck.yaml``,

is the project's root and that file its configuration. A directory holding a ``claims.yaml``
or a ``references/datapackage.json`` is a project root too, without a configuration file. The
search stops at the top of a git work tree; with nothing found, the current directory is
the root (as before configuration files existed).

The keys are the long options of ``factcheck check``: ``catalog``, ``references``,
``fail-on``, ``select``, ``ignore``, ``include``, ``exclude``, ``as-of``. Paths are relative to
the file that names them, and so are ``include``/``exclude`` globs with a folder in them. An option given on the command line wins over the key. Without a
``catalog`` key the project's ``claims.yaml`` is the catalog when there is one, else the shipped
one; likewise ``references/``.
"""

from __future__ import annotations

import datetime
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import ConfigError

FILES = ("pyproject.toml", ".factcheck.toml", "factcheck.yaml")
# Each key, and what its value must be: a path, one of some words, a list of strings, a date.
KEYS: dict[str, str] = {
    "catalog": "path",
    "references": "path",
    "fail-on": "fail-on",
    "select": "list",
    "ignore": "list",
    "include": "list",
    "exclude": "list",
    "as-of": "date",
}
FAIL_ON = ("error", "warning", "never")
ISO_DATE = re.compile(r"\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass
class Project:
    """Where the project is, the configuration file read (if any), and its values by key."""

    root: Path
    file: Path | None = None
    values: dict[str, Any] = field(default_factory=dict)

    def default_catalog(self) -> str | None:
        local = self.root / "claims.yaml"
        return shown(local) if local.is_file() else None

    def default_references(self) -> str | None:
        local = self.root / "references"
        return shown(local) if (local / "datapackage.json").is_file() else None


def shown(path: Path) -> str:
    """A path as the user would write it from the current directory."""
    try:
        return os.path.relpath(path)
    except ValueError:  # another drive
        return str(path)


def find_project(paths: list[str], cwd: Path | None = None) -> Project:
    """The project of the files checked: see the module's description."""
    cwd = (cwd or Path.cwd()).resolve()
    start = _common_folder([p for p in paths if p != "-"], cwd)
    for folder in (start, *start.parents):
        found = _config_in(folder)
        if found is not None:
            return found
        if (folder / "claims.yaml").is_file() or (folder / "references/datapackage.json").is_file():
            return Project(folder)
        if (folder / ".git").exists():
            break
    return _config_in(cwd) or Project(cwd)


def _common_folder(paths: list[str], cwd: Path) -> Path:
    if not paths:
        return cwd
    folders = []
    for p in paths:
        path = (cwd / p).resolve()
        folders.append(path if path.is_dir() else path.parent)
    common = folders[0]
    for folder in folders[1:]:
        while common != folder and common not in folder.parents:
            common = common.parent
    return common


def _config_in(folder: Path) -> Project | None:
    for name in FILES:
        path = folder / name
        if not path.is_file():
            continue
        table = _read(path)
        if table is None:  # a pyproject.toml without [tool.factcheck]
            continue
        return Project(folder, path, _validated(table, path))
    return None


def _read(path: Path) -> dict[str, Any] | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read: {exc}") from None
    if path.suffix == ".toml":
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(f"{path}: invalid TOML: {exc}") from None
        if path.name == "pyproject.toml":
            data = data.get("tool", {}).get("factcheck")
            if data is None:
                return None
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = f":{mark.line + 1}" if mark is not None else ""
            raise ConfigError(f"{path}{line}: invalid YAML: {exc}") from None
        if data is None:
            data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: the configuration must be a table of keys")
    return data


def _validated(table: dict[str, Any], path: Path) -> dict[str, Any]:
    where = f"{path} [tool.factcheck]" if path.name == "pyproject.toml" else str(path)
    values: dict[str, Any] = {}
    for key, value in table.items():
        kind = KEYS.get(str(key).replace("_", "-"))
        if kind is None:
            raise ConfigError(f"{where}: unknown key '{key}' (the keys are {', '.join(KEYS)})")
        key = str(key).replace("_", "-")
        if kind == "path":
            if not isinstance(value, str) or not value:
                raise ConfigError(f"{where}: '{key}' must be a path")
            values[key] = shown(path.parent / value)
        elif kind == "fail-on":
            if value not in FAIL_ON:
                raise ConfigError(f"{where}: 'fail-on' must be one of {', '.join(FAIL_ON)}")
            values[key] = value
        elif kind == "list":
            items = [value] if isinstance(value, str) else value
            if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
                raise ConfigError(f"{where}: '{key}' must be a string or a list of strings")
            if key in ("select", "ignore"):
                from .rules import matching, split_selectors

                for selector in split_selectors(items):
                    try:
                        matching(selector)
                    except ValueError as exc:
                        raise ConfigError(f"{where}: {key}: {exc}") from None
            if key in ("include", "exclude"):
                # As ruff reads its own: a glob naming a folder starts at the configuration's
                # folder, wherever factcheck is run from; a bare name matches at any depth.
                items = [_anchored(glob, path.parent) for glob in items]
            values[key] = tuple(items)
        else:  # a date: TOML and YAML may read an unquoted one as a date object
            if isinstance(value, datetime.date):
                value = value.isoformat()
            if not ISO_DATE.fullmatch(str(value)):
                raise ConfigError(f"{where}: 'as-of' must be a date: YYYY, YYYY-MM or YYYY-MM-DD")
            values[key] = str(value)
    return values


def _anchored(glob: str, folder: Path) -> str:
    """A configured glob with a folder in it, as an absolute one below ``folder``."""
    if "/" not in glob or glob.startswith("/"):
        return glob
    return (folder.resolve() / glob.removeprefix("./")).as_posix()
