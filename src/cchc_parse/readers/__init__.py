"""Readers: one per input format, each producing a :class:`cchc_parse.document.Document`."""
