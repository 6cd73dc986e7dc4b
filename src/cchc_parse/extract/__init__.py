"""Extraction of metadata, tasks, indicators, deadlines, agencies and reform areas."""
