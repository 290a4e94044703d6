"""Render the evaluation prose in narrow columns and derive the line-break cases from it.

    python -m eval.linebreaks.generate                 # render every set's PDFs, then derive its cases
    python -m eval.linebreaks.generate --cases         # only derive the cases from the committed PDFs
    python -m eval.linebreaks.generate --set heldout   # one set only (original, new, heldout, fresh)

There are three sets of prose, each with its PDFs and cases: `original` (source.txt, the first
evaluation), `new` (source-new.txt, written for issue 15: hyphens the author chose inside compounds,
abbreviations before a hyphen, long compounds, URLs and e-mail addresses) and `heldout`
(source-heldout.txt, written at the same time in the same register and kept out of development)
and `fresh` (source-fresh.txt, written after the repair was final and measured once).
Each rendering lays a set's source out in one narrow column, with Swedish automatic hyphenation:
LibreOffice (headless) from a DOCX made with python-docx (language sv-SE, autoHyphenation on,
Debian's hyphen-sv patterns) and WeasyPrint (`hyphens: auto`, `lang="sv"`, pyphen's patterns), at
several column widths so that different words fall at line ends. The gold comes from the source
text: aligning each PDF line with it tells whether a hyphen at a line end is in the source (real)
or was added by hyphenation, and whether a space follows. Each case also carries the room extract
measures at its line end (`fits`, as RawCell.line_ends gives it to normalize; the page's column is
read as a table column).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tempfile
import unicodedata
from dataclasses import asdict, dataclass, replace
from pathlib import Path

HERE = Path(__file__).parent


@dataclass(frozen=True)
class EvaluationSet:
    """One body of prose, where its renderings go, and the column widths it is rendered at."""

    name: str
    source: Path
    pdf_dir: Path
    cases: Path
    # (text width in millimetres, font size in points) per renderer.
    libreoffice_columns: tuple[tuple[int, int], ...]
    weasyprint_columns: tuple[tuple[int, int], ...]


# The newer sets are shorter, so they are rendered at more widths (more words fall at line ends).
_NARROW_LIBREOFFICE = (
    (34, 10), (36, 10), (39, 10), (41, 10), (44, 10), (46, 10), (52, 10), (58, 11), (66, 11)
)
_NARROW_WEASYPRINT = ((32, 9), (34, 9), (37, 9), (39, 9), (42, 10), (44, 10), (50, 10), (56, 10), (63, 11))
SETS: dict[str, EvaluationSet] = {
    "original": EvaluationSet(
        "original", HERE / "source.txt", HERE / "pdf", HERE / "cases.jsonl",
        ((38, 10), (45, 10), (52, 10), (60, 11), (70, 11)),
        ((36, 9), (42, 9), (50, 10), (58, 10), (66, 11)),
    ),
    "new": EvaluationSet(
        "new", HERE / "source-new.txt", HERE / "pdf-new", HERE / "cases-new.jsonl",
        _NARROW_LIBREOFFICE, _NARROW_WEASYPRINT,
    ),
    "heldout": EvaluationSet(
        "heldout", HERE / "source-heldout.txt", HERE / "pdf-heldout", HERE / "cases-heldout.jsonl",
        _NARROW_LIBREOFFICE, _NARROW_WEASYPRINT,
    ),
    "fresh": EvaluationSet(
        "fresh", HERE / "source-fresh.txt", HERE / "pdf-fresh", HERE / "cases-fresh.jsonl",
        _NARROW_LIBREOFFICE, _NARROW_WEASYPRINT,
    ),
}


@dataclass(frozen=True)
class LineBreakCase:
    """One line end of a rendering: the two lines, what the break is, and the joined gold text."""

    rendering: str
    before: str
    after: str
    kind: str  # join | keep | suspended | space | nospace
    gold: str
    # How many characters of `after` would still have fitted after `before` on the page, as extract
    # measures it for a cell (RawCell.line_ends); None where there was no room (or no hyphen).
    fits: int | None = None
    # How the page drew the line-end hyphen (LineEnd.drawn): "apart" from its word by a text
    # operator of its own, or "with_word"; None without a hyphen after a letter or digit.
    drawn: str | None = None
    # The line-end hyphen printed as U+2010 or U+00AD, the mark some producers give their own
    # hyphens (WeasyPrint); `before` and `after` carry a plain "-" either way.
    marked: bool = False


def source_paragraphs(source: Path) -> list[str]:
    """The prose, one paragraph per blank-line-separated block."""
    text = source.read_text(encoding="utf-8")
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def render_libreoffice(paragraphs: list[str], width_mm: int, size_pt: int, out: Path) -> None:
    """A DOCX with a narrow page, sv-SE and automatic hyphenation, converted by LibreOffice."""
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Mm, Pt

    document = Document()
    section = document.sections[0]
    margin = 8
    section.page_width = Mm(width_mm + 2 * margin)
    section.page_height = Mm(260)
    section.left_margin = section.right_margin = Mm(margin)
    section.top_margin = section.bottom_margin = Mm(10)
    style = document.styles["Normal"]
    style.font.name = "Liberation Serif"
    style.font.size = Pt(size_pt)
    run_properties = style.element.get_or_add_rPr()
    language = OxmlElement("w:lang")
    language.set(qn("w:val"), "sv-SE")
    run_properties.append(language)
    settings = document.settings.element
    hyphenation = OxmlElement("w:autoHyphenation")
    hyphenation.set(qn("w:val"), "true")
    settings.append(hyphenation)
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    with tempfile.TemporaryDirectory() as scratch:
        docx_path = Path(scratch) / f"{out.stem}.docx"
        document.save(docx_path)
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", scratch, str(docx_path)],
            check=True,
            capture_output=True,
            timeout=180,
        )
        out.write_bytes((Path(scratch) / f"{out.stem}.pdf").read_bytes())


def render_weasyprint(paragraphs: list[str], width_mm: int, size_pt: int, out: Path) -> None:
    """An HTML page one narrow column wide, hyphenated by WeasyPrint for lang="sv"."""
    from html import escape

    import weasyprint

    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    css = (
        f"@page {{ size: {width_mm + 16}mm 260mm; margin: 10mm 8mm; }}"
        f"body {{ font-family: 'DejaVu Sans', sans-serif; font-size: {size_pt}pt; }}"
        "p { hyphens: auto; text-align: left; margin: 0 0 0.6em 0; }"
    )
    html = f'<html lang="sv"><head><style>{css}</style></head><body>{body}</body></html>'
    weasyprint.HTML(string=html).write_pdf(out)


def pdf_lines(pdf_path: Path) -> list[str]:
    """The PDF's text lines in reading order, whitespace collapsed."""
    import pdfplumber

    lines: list[str] = []
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            # WeasyPrint prints its hyphenation hyphens as U+2010 and real ones as "-": both
            # become "-", so that the text carries no hint the repair could use.
            text = unicodedata.normalize("NFKC", page.extract_text() or "").replace("\u2010", "-")
            lines.extend(" ".join(line.split()) for line in text.split("\n") if line.strip())
    return lines


def marked_line_ends(pdf_path: Path) -> set[str]:
    """The lines (spaces removed, as `_compact` gives them) that end in U+2010 or U+00AD."""
    import pdfplumber

    marked: set[str] = set()
    with pdfplumber.open(pdf_path) as pdf:
        for page in pdf.pages:
            for line in unicodedata.normalize("NFKC", page.extract_text() or "").split("\n"):
                if line.rstrip().endswith(("\u2010", "\u00ad")):
                    marked.add(_compact(line))
    return marked


def pdf_line_ends(pdf_path: Path) -> dict[tuple[str, str], tuple[int, str | None]]:
    """The room at each hyphenated line end, measured by extract's own code with its default
    settings (extract.text_lines.line_end_room) as for the cells of a table column on a page: the
    page's one column is the table column, its widest line the right edge of its text. Keyed by
    (line, next line), spaces removed; the value: characters of the next line that would still have
    fitted, and how the hyphen was drawn (LineEnd.drawn)."""
    import pdfplumber

    from followup.extract.readers import DEFAULT_READER, page_reader
    from followup.extract.text_lines import line_end_room, text_lines

    rooms: dict[tuple[str, str], tuple[int, str | None]] = {}
    with pdfplumber.open(pdf_path) as pdf:
        for content in page_reader(DEFAULT_READER)(pdf, 0):
            for end in line_end_room(text_lines(content.chars)):
                rooms[_compact(end.line), _compact(end.next)] = (end.fits, end.drawn)
    return rooms


def _compact(line: str) -> str:
    return "".join(unicodedata.normalize("NFKC", line).replace("\u2010", "-").split())


def with_room(cases: list[LineBreakCase], rooms: dict[tuple[str, str], tuple[int, str | None]]) -> list[LineBreakCase]:
    """The cases with the room extract measured at their line ends and how their hyphens were drawn."""
    measured = []
    for case in cases:
        fits, drawn = rooms.get((_compact(case.before), _compact(case.after)), (0, None))
        measured.append(replace(case, fits=fits or None, drawn=drawn))
    return measured


def align_cases(rendering: str, lines: list[str], paragraphs: list[str]) -> list[LineBreakCase]:
    """Walk the PDF lines through the source text and classify every line end inside a paragraph."""
    source = "\n".join(paragraphs)
    chars = [(i, c) for i, c in enumerate(source) if not c.isspace()]
    stream = "".join(c for _, c in chars)
    cases: list[LineBreakCase] = []
    position = 0
    pending: tuple[str, str] | None = None  # (line, kind) waiting for the next line
    for line in lines:
        compact = line.replace(" ", "")
        if pending is not None and not _aligns(stream, compact, position):
            if pending[1] == "join" and _aligns(stream, compact[1:], position):
                position -= 1  # the triple consonant restored by hyphenation: "till-" + "låta"
            else:
                raise ValueError(f"{rendering}: cannot align {line!r} at {stream[position:position + 40]!r}")
        if pending is not None:
            before, kind = pending
            cases.append(LineBreakCase(rendering, before, line, kind, _gold(before, line, kind)))
            pending = None
        if stream.startswith(compact, position):
            position += len(compact)
            hyphen_in_source = compact.endswith("-")
        elif compact.endswith("-") and stream.startswith(compact[:-1], position):
            position += len(compact) - 1
            hyphen_in_source = False
        else:
            raise ValueError(f"{rendering}: cannot align {line!r} at {stream[position:position + 40]!r}")
        if position >= len(stream):
            break
        gap = source[chars[position - 1][0] + 1 : chars[position][0]]
        if "\n" in gap:
            continue
        if compact.endswith("-") and not hyphen_in_source:
            kind = "join"
        elif compact.endswith("-"):
            kind = "suspended" if gap else "keep"
        else:
            kind = "space" if gap else "nospace"
        pending = (line, kind)
    return cases


def _aligns(stream: str, compact: str, position: int) -> bool:
    if stream.startswith(compact, position):
        return True
    return compact.endswith("-") and stream.startswith(compact[:-1], position)


def _gold(before: str, after: str, kind: str) -> str:
    if kind == "join":
        return before[:-1] + after  # triple consonants are corrected by _fix_triples
    if kind in ("keep", "nospace"):
        return before + after
    return f"{before} {after}"


def _fix_triples(cases: list[LineBreakCase], paragraphs: list[str]) -> list[LineBreakCase]:
    """Gold for the triple-consonant breaks: the joined word as the source spells it."""
    words = set(" ".join(paragraphs).replace(",", " ").replace(".", " ").split())
    fixed = []
    for case in cases:
        if case.kind == "join":
            head = case.before.split()[-1][:-1]
            tail = case.after.split()[0]
            if head + tail not in words and head + tail[1:] in words:
                case = LineBreakCase(case.rendering, case.before, case.after, case.kind,
                                     case.before[:-1] + case.after[1:])
        fixed.append(case)
    return fixed


def renderings(evaluation_set: EvaluationSet) -> list[tuple[str, str, int, int]]:
    """(name, renderer, width, font size) of every rendering of a set."""
    return [(f"libreoffice-{w}mm", "libreoffice", w, s) for w, s in evaluation_set.libreoffice_columns] + [
        (f"weasyprint-{w}mm", "weasyprint", w, s) for w, s in evaluation_set.weasyprint_columns
    ]


def generate(evaluation_set: EvaluationSet, render: bool) -> None:
    """Render a set (when asked) and write its cases."""
    paragraphs = source_paragraphs(evaluation_set.source)
    evaluation_set.pdf_dir.mkdir(exist_ok=True)
    all_cases: list[LineBreakCase] = []
    for name, renderer, width, size in renderings(evaluation_set):
        pdf = evaluation_set.pdf_dir / f"{name}.pdf"
        if render:
            render_pdf = render_libreoffice if renderer == "libreoffice" else render_weasyprint
            render_pdf(paragraphs, width, size, pdf)
        cases = _fix_triples(align_cases(name, pdf_lines(pdf), paragraphs), paragraphs)
        cases = with_room(cases, pdf_line_ends(pdf))
        marked = marked_line_ends(pdf)
        cases = [replace(case, marked=_compact(case.before) in marked) for case in cases]
        all_cases.extend(cases)
        counts = {k: sum(c.kind == k for c in cases) for k in ("join", "keep", "suspended", "space", "nospace")}
        print(evaluation_set.name, name, counts)
    with evaluation_set.cases.open("w", encoding="utf-8") as out:
        for case in all_cases:
            out.write(json.dumps(asdict(case), ensure_ascii=False) + "\n")
    print(f"{len(all_cases)} cases → {evaluation_set.cases}")


def main() -> None:
    """Render (unless --cases) and write the cases of the chosen sets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", action="store_true", help="only derive cases from the PDFs")
    parser.add_argument("--set", choices=sorted(SETS), action="append", help="the set(s) to make")
    args = parser.parse_args()
    for name in args.set or list(SETS):
        generate(SETS[name], render=not args.cases)


if __name__ == "__main__":
    main()
