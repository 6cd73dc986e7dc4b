"""Batch processing: a folder of plan files to one JSON document each, on a pool of worker processes.

>>> from cchc_parse.batch import run_batch
>>> summary = run_batch("plans/", "out/", jobs=2)  # doctest: +SKIP
>>> summary.done, summary.failed, summary.exit_code  # doctest: +SKIP
"""

from cchc_parse.batch.progress import PlainReporter, Reporter, RichReporter, make_reporter
from cchc_parse.batch.runner import DEFAULT_TIMEOUT, ERRORS_FILE, run_batch
from cchc_parse.batch.summary import BatchSummary, FileResult, print_summary

__all__ = [
    "DEFAULT_TIMEOUT",
    "ERRORS_FILE",
    "BatchSummary",
    "FileResult",
    "PlainReporter",
    "Reporter",
    "RichReporter",
    "make_reporter",
    "print_summary",
    "run_batch",
]
