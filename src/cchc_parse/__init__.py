"""cchc-parse: Vietnamese government plan documents to validated structured data.

>>> from cchc_parse import parse_file
>>> doc = parse_file("plan.txt")  # doctest: +SKIP
>>> [t.lead for t in doc.tasks]  # doctest: +SKIP
"""

from cchc_parse._version import __version__
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
