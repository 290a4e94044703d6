"""The layout-variation corpus: the same kind of reports printed by every producer in many layouts.

`variants.toml` lists each variant (content, producer, layout family, layout options);
`generate.py` renders them into pdf/ and writes their gold outputs into expected/.
"""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path

from samples.layout import Layout, layout_from_dict
from samples.model import PRODUCERS, Report, load_report

CORPUS = Path(__file__).resolve().parent
CONTENT_DIRS = (CORPUS / "content", CORPUS.parent / "content")
VARIANTS = CORPUS / "variants.toml"
PDF = CORPUS / "pdf"
EXPECTED = CORPUS / "expected"


@dataclass(frozen=True)
class Variant:
    """One rendering of one content file by one producer in one layout."""

    name: str
    content: str
    producer: str
    family: str
    layout: Layout
    # Options only a spreadsheet has (`[variant.sheet]`, samples/sheet_report.py: SheetOptions).
    sheet: tuple[tuple[str, str], ...] = ()
    # Options only the fpdf2 export has (`[variant.fpdf]`, samples/planner_report.py: PlannerOptions).
    fpdf: tuple[tuple[str, str], ...] = ()
    # Options only the planning system's ReportLab export has (`[variant.pdflib]`,
    # samples/pdf_library_report.py: PdfLibOptions).
    pdflib: tuple[tuple[str, object], ...] = ()

    @property
    def pdf(self) -> Path:
        return PDF / f"{self.name}.pdf"

    @property
    def expected(self) -> Path:
        return EXPECTED / f"{self.name}.json"


@dataclass(frozen=True)
class DiffPair:
    """Two variants that are two periods of one report in one layout."""

    old: str
    new: str


def content_path(name: str) -> Path:
    """The content file of a name: the corpus's own first, then the original samples'."""
    for folder in CONTENT_DIRS:
        path = folder / f"{name}.toml"
        if path.is_file():
            return path
    raise FileNotFoundError(f"no content named {name!r}")


def load_variants(path: Path = VARIANTS) -> list[Variant]:
    """Every variant, in the file's order; names are unique."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    variants = [Variant(name=v["name"], content=v["content"], producer=v["producer"],
                        family=v["family"], layout=layout_from_dict(v.get("layout", {})),
                        sheet=tuple(sorted(v.get("sheet", {}).items())),
                        fpdf=tuple(sorted(v.get("fpdf", {}).items())),
                        pdflib=tuple(sorted(v.get("pdflib", {}).items())))
                for v in raw["variant"]]
    names = [v.name for v in variants]
    if len(set(names)) != len(names):
        raise ValueError("duplicate variant names")
    for variant in variants:
        if variant.producer not in PRODUCERS:
            raise ValueError(f"{variant.name}: unknown producer {variant.producer!r}")
        if variant.sheet and variant.producer != "sheet":
            raise ValueError(f"{variant.name}: only a sheet has [variant.sheet] options")
        if variant.fpdf and variant.producer != "fpdf":
            raise ValueError(f"{variant.name}: only an fpdf2 export has [variant.fpdf] options")
        if variant.pdflib and variant.producer != "pdflib":
            raise ValueError(f"{variant.name}: only a pdflib variant has [variant.pdflib] options")
    return variants


def load_diff_pairs(path: Path = VARIANTS) -> list[DiffPair]:
    """The variant pairs whose expected diff is written."""
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    return [DiffPair(old=d["old"], new=d["new"]) for d in raw.get("diff", ())]


def variant_report(variant: Variant) -> Report:
    """The variant's content as a report named after the variant, for its producer."""
    report = load_report(content_path(variant.content), producer=variant.producer)
    return replace(report, name=variant.name)
