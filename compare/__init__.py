"""Comparing two periods of one report: pairing activities, field changes, summaries, renderings."""
from compare.api import diff_documents
from compare.report import diff_csv, diff_json, diff_markdown

__all__ = ["diff_csv", "diff_json", "diff_markdown", "diff_documents"]
