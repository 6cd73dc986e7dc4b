"""The Vietnamese vocabulary of cchc-parse, keyed by concept: one data file per concept under
``cchc_parse/data`` (document types, agencies, places, acronyms, signatures, section cues by role, table
columns by role, deadline words, …), each validated when loaded by its model in :mod:`.schema`, and the
canonical tone placement in :mod:`.tones`.

Code reads a file through :func:`load_json` (or :func:`string_list` / :func:`string_map`), which
validates it against its model in :data:`.schema.SCHEMAS` the first time it is loaded.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from cchc_parse.lexicon.schema import SCHEMAS


class DataFileError(RuntimeError):
    """A packaged data file is malformed: a bug in the package, not bad input."""


LOADED: list[str] = []  # the data files loaded so far, in order (the reader contract test reads it)


@cache
def load_json(name: str) -> dict[str, Any]:
    """Parse ``cchc_parse/data/<name>``, validated by its model (:data:`.schema.SCHEMAS`)."""
    LOADED.append(name)
    if name not in SCHEMAS:
        raise DataFileError(f"{name}: no such data file in lexicon.schema.SCHEMAS")
    text = resources.files("cchc_parse").joinpath("data").joinpath(name).read_text(encoding="utf-8")
    data = json.loads(text)
    if not isinstance(data, dict):
        raise DataFileError(f"{name}: top level must be a JSON object")
    schema = SCHEMAS[name]
    if schema is not None:
        try:
            schema.model_validate(data)
        except ValidationError as exc:
            first = exc.errors()[0]
            parts = [str(part) for part in first["loc"] if "[" not in str(part)]  # not pydantic's own
            where = ".".join(parts) or "top level"
            raise DataFileError(f"{name}: {where}: {first['msg']}") from None
    return data


def string_list(name: str, key: str) -> tuple[str, ...]:
    """``data[key]`` of a data file, checked to be a non-empty list of non-empty strings."""
    value = load_json(name).get(key)
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataFileError(f"{name}: '{key}' must be a non-empty list of non-empty strings")
    return tuple(value)


def string(name: str, key: str) -> str:
    """``data[key]`` of a data file, checked to be a non-empty string."""
    value = load_json(name).get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{name}: '{key}' must be a non-empty string")
    return value


def string_map(name: str, key: str) -> dict[str, str]:
    """``data[key]`` of a data file, checked to be an object of string to string."""
    value = load_json(name).get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    ):
        raise DataFileError(f"{name}: '{key}' must be an object mapping strings to strings")
    return dict(value)


def proper_names() -> list[str]:
    """The proper names known as wholes (the diacritic repair's gazetteer): the places, the departments
    and the few other names the repair keeps (``repair.json``: proper_names)."""
    return [
        *string_list("places.json", "provinces"),
        *string_list("places.json", "local_places"),
        *string_list("agencies.json", "department_names"),
        *string_list("repair.json", "proper_names"),
    ]
