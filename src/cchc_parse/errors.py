"""Exceptions for bad input. Anything else escaping the library is a bug."""

from __future__ import annotations


class CchcParseError(Exception):
    """Base class: the input cannot be turned into a plan document.

    The CLI prints ``error: <path>: <reason>`` and exits with code 1.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(CchcParseError):
    """The file is missing, empty, a directory, binary or not decodable."""


class UnsupportedFormatError(CchcParseError):
    """The file's type is not one cchc-parse reads."""
