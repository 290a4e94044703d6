"""Comparing two periods of one report: pairing activities, field changes, summaries (no rendering:
the diff's JSON, CSV, Markdown and workbook are written by followup/diff_output.py and its kin)."""
from followup.compare.api import diff_documents

__all__ = ["diff_documents"]
