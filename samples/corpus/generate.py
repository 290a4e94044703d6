"""Render the corpus: `python -m samples.corpus.generate [NAME ...]` from the repository root.

`--expected` rewrites only the expected files (no rendering).

Renders the named variants (all when none are named) into a temporary folder, moves the PDFs into
samples/corpus/pdf/ only when every one succeeded, then rewrites every expected file from the
content: expected/NAME.json and, for each diff pair, expected/OLD__NEW.diff.json.
"""
from __future__ import annotations

import json
import shutil
import sys
import tempfile
from pathlib import Path

from samples.corpus import EXPECTED, PDF, Variant, load_diff_pairs, load_variants, variant_report
from samples.expected import expected_diff, expected_document
from samples.generate import source_date_epoch


def render(variant: Variant, target: Path) -> None:
    """Write one variant's PDF with its producer and layout."""
    report = variant_report(variant)
    epoch = source_date_epoch(report)
    if variant.producer == "word":
        from samples.word_report import render_word
        render_word(report, target, epoch, variant.layout)
    elif variant.producer == "sheet":
        from samples.sheet_report import SheetOptions, render_sheet
        render_sheet(report, target, epoch, variant.layout, SheetOptions(**dict(variant.sheet)))
    elif variant.producer == "fpdf":
        from samples.planner_report import PlannerOptions, render_planner
        render_planner(report, target, epoch, variant.layout, PlannerOptions(**dict(variant.fpdf)))
    elif variant.producer == "pdflib":
        from samples.pdf_library_report import PdfLibOptions, render_pdflib
        render_pdflib(report, target, epoch, variant.layout, PdfLibOptions(**dict(variant.pdflib)))
    elif variant.producer == "typst":
        from samples.typst_report import render_typst
        render_typst(report, target, epoch, variant.layout)
    elif variant.producer == "pdfmake":
        from samples.pdfmake_report import render_pdfmake
        render_pdfmake(report, target, epoch, variant.layout)
    elif variant.producer == "itext":
        from samples.itext_report import render_itext
        render_itext(report, target, epoch, variant.layout)
    elif variant.producer == "wkhtml":
        from samples.wkhtml_report import render_wkhtml
        render_wkhtml(report, target, epoch, variant.layout)
    elif variant.producer == "jspdf":
        from samples.jspdf_report import render_jspdf
        render_jspdf(report, target, epoch, variant.layout)
    elif variant.producer == "browser":
        from samples.browser_report import render_browser
        render_browser(report, target, epoch, variant.layout)
    else:
        from samples.web_report import render_web
        render_web(report, target, epoch, variant.layout)


def _write_json(path: Path, value: dict) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")


def write_expected(variants: list[Variant]) -> None:
    """Every variant's gold document and every pair's gold diff, from the content."""
    EXPECTED.mkdir(exist_ok=True)
    by_name = {v.name: v for v in variants}
    for variant in variants:
        _write_json(variant.expected, expected_document(variant_report(variant), variant.layout))
    for pair in load_diff_pairs():
        old, new = by_name[pair.old], by_name[pair.new]
        diff = expected_diff(variant_report(old), variant_report(new), old.layout, new.layout)
        _write_json(EXPECTED / f"{old.name}__{new.name}.diff.json", diff)


def main(argv: list[str]) -> int:
    """Render the named variants (all when none are named) and rewrite every expected file."""
    variants = load_variants()
    if argv == ["--expected"]:
        write_expected(variants)
        print(f"wrote {len(variants)} expected document(s)")
        return 0
    by_name = {v.name: v for v in variants}
    unknown = [name for name in argv if name not in by_name]
    if unknown:
        print(f"unknown variant(s): {', '.join(unknown)}", file=sys.stderr)
        return 2
    chosen = [by_name[name] for name in argv] if argv else variants
    PDF.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="followup-corpus-") as work:
        for variant in chosen:
            render(variant, Path(work) / variant.pdf.name)
            print(f"rendered {variant.name}", flush=True)
        for variant in chosen:
            shutil.move(Path(work) / variant.pdf.name, variant.pdf)
    write_expected(variants)
    print(f"wrote {len(chosen)} PDF(s) and {len(variants)} expected document(s)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
