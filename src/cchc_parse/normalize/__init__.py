"""Normalisation: decoding and legacy encodings, markup and website chrome, line joining, tables."""
