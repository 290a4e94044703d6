"""Render the fixture of tests/extract/test_extract_cut_words_shaded_header.py (needs fpdf2).

cut-words-shaded-header.pdf is a planning system's fpdf2 export: a `pdf.table()` with a rule under
its header only (borders_layout SINGLE_TOP_LINE), every heading cell shaded on its own, the header
printed on the first page only (repeat_headings=0). fpdf2 never hyphenates: in the narrow Område
and Status columns it cuts "Kompetensförsörjning" and "Försenad" where the line is full. Twenty
numbered rows run over two pages.

    python tests/extract/data/render_cut_words_shaded_header.py
"""
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from fpdf import FPDF
from fpdf.fonts import FontFace

HERE = Path(__file__).parent
ROWS = 20


def _font(style: str) -> str:
    return subprocess.run(["fc-match", "-f", "%{file}", f"DejaVu Sans:style={style}"], check=True,
                          capture_output=True, text=True).stdout.strip()


def main() -> None:
    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_creation_date(datetime(2025, 3, 1, tzinfo=UTC))
    pdf.add_font("DejaVu", "", _font("Book"))
    pdf.add_font("DejaVu", "B", _font("Bold"))
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.cell(0, 8, "Handlingsplan kompetensförsörjning 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(0, 6, "Älvstads länssjukhus – uppföljning mars 2025", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(4)
    pdf.set_font("DejaVu", "", 8)
    heading = FontFace(emphasis="BOLD", fill_color=(221, 228, 238))
    with pdf.table(col_widths=(9, 14, 16, 8, 12, 4.5, 35), borders_layout="SINGLE_TOP_LINE",
                   headings_style=heading, line_height=3.6, text_align="LEFT", v_align="TOP",
                   padding=1, repeat_headings=0) as table:
        table.row(["Område", "Mål", "Aktivitet", "Tid", "Ansvarig", "Status", "Kommentar"])
        for number in range(1, ROWS + 1):
            table.row([f"Kompetensförsörjning {number}", "Säkrad bemanning av sjuksköterskor",
                       "Introduktionsprogram för nyanställda.", "2025-12-31", "Verksamhetschef",
                       "Försenad", "Rekryteringen pågår. Fyra av sex tjänster är tillsatta och "
                       "introduktionen är reviderad."])
    pdf.output(str(HERE / "cut-words-shaded-header.pdf"))


if __name__ == "__main__":
    main()
