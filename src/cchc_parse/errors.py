"""Our exceptions, and the exit codes the command line gives for them.

A :class:`CchcParseError` is bad input or an output that cannot be written: the CLI prints one line
``error: <path>: <reason>`` and exits with :data:`EXIT_BAD_INPUT`. Anything else escaping the library is a
bug (:data:`EXIT_INTERNAL`).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_BAD_INPUT = 1  # also an output that cannot be written, and validate's "errors found"
EXIT_USAGE = 2  # unknown command or option, bad option value (argparse's own code)
EXIT_INTERNAL = 3  # a bug in cchc-parse
EXIT_TIMEOUT = 124  # a time limit, as timeout(1)
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report Ctrl-C
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of standard output went away (`| head`)


class CchcParseError(Exception):
    """Base class: the input cannot be turned into a plan document, or an output cannot be written.

    The CLI prints ``error: <path>: <reason>`` and exits with code 1.
    """

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class InputError(CchcParseError):
    """The file is missing, empty, a directory, unreadable, binary or not decodable."""


class UnsupportedFormatError(CchcParseError):
    """The file's type is not one cchc-parse reads."""


class OutputError(CchcParseError):
    """An output file or folder cannot be written (no permission, no such folder, a read-only place)."""


def describe(exc: BaseException) -> str:
    """A bug in one line: the exception's type and the first line of its text."""
    text = str(exc).strip()
    return f"{type(exc).__name__}: {text.splitlines()[0]}" if text else type(exc).__name__
