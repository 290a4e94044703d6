"""Render the fixtures of tests/extract/test_extract_unrepeated_header.py (needs WeasyPrint).

unrepeated-header.html is a web report whose table header is an ordinary first row, so it is not
repeated on later pages; its two data rows are written out 25 times, numbered. The table is rendered
without rules and, a second time, with a full grid.

    python tests/extract/data/render_unrepeated_header.py
"""
import re
from pathlib import Path

import weasyprint

HERE = Path(__file__).parent
COPIES = 25


def numbered_rows(html: str) -> str:
    rows = re.findall(r"<tr><td>Digitala.*?</tr>|<tr><td>Suicid.*?</tr>", html, flags=re.S)
    many = "".join(row.replace("Digitala vårdbesök", f"Digitala vårdbesök {i}")
                   .replace("Suicidprevention", f"Suicidprevention {i}") for i in range(COPIES) for row in rows)
    return html[: html.index(rows[0])] + many + html[html.index("</table>"):]


def main() -> None:
    html = numbered_rows((HERE / "unrepeated-header.html").read_text("utf-8"))
    weasyprint.HTML(string=html, base_url=str(HERE)).write_pdf(HERE / "unrepeated-header.pdf")
    grid = html.replace("td, th { padding:", "td, th { border: 0.5pt solid #444; padding:")
    weasyprint.HTML(string=grid, base_url=str(HERE)).write_pdf(HERE / "unrepeated-header-grid.pdf")


if __name__ == "__main__":
    main()
