"""cchc-parse: Vietnamese government plan documents to validated structured data.

>>> from cchc_parse import parse_file
>>> doc = parse_file("plan.txt")  # doctest: +SKIP
>>> [t.lead for t in doc.tasks]  # doctest: +SKIP

The names below load on first use, so that ``cchc_parse.repair`` (say) does not import the output models.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from cchc_parse._version import __version__

if TYPE_CHECKING:
    from cchc_parse.api import parse_file, parse_text
    from cchc_parse.errors import CchcParseError, InputError, UnsupportedFormatError
    from cchc_parse.models import SCHEMA_VERSION, PlanDocument

__all__ = [
    "SCHEMA_VERSION",
    "CchcParseError",
    "InputError",
    "PlanDocument",
    "UnsupportedFormatError",
    "__version__",
    "parse_file",
    "parse_text",
]

_HOMES = {
    "parse_file": "cchc_parse.api",
    "parse_text": "cchc_parse.api",
    "CchcParseError": "cchc_parse.errors",
    "InputError": "cchc_parse.errors",
    "UnsupportedFormatError": "cchc_parse.errors",
    "SCHEMA_VERSION": "cchc_parse.models",
    "PlanDocument": "cchc_parse.models",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'cchc_parse' has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
