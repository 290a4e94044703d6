"""Render the fixtures of tests/extract/test_extract_typst_a5.py: a report typeset with Typst on A5 paper
at 6.5 pt (the corpus's `*-typst-words-zebra-a5` layout: no Område column, status words, zebra rows,
a rule under each row), the way a team writing its follow-up in Typst prints it small.

    python tests/extract/data/render_typst_a5.py

- header-justified-shaded.pdf: Typst justifies every paragraph, table cells too. The narrow Ny
  tidplan column's header breaks "Ny tid-" / "plan", and justification spreads the first line's two
  words to the cell's edges, further apart than two columns stand. The header row is shaded cell by
  cell. The Tidplan column is widened so that its dates fit (the other quirk stays out).
- words-run-past-cell.pdf: a word a cell cannot break runs on past the cell's edge. A date in the
  narrow Tidplan column (Typst breaks no date: no line break between a hyphen and a digit, UAX #14)
  runs through the next cell's padding up to its text ("2024-12-31" touching "Verksam-"); an e-mail
  address in the comment runs on past the table and off the page. The Ny tidplan column is headed
  "Ny tid" here, on one line (the other quirk stays out).

The wording was chosen so that Typst breaks the lines there; the tests check that it did.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

from samples.layout import Layout  # noqa: E402
from samples.model import Activity, Report  # noqa: E402
from samples.typst_report import render_typst  # noqa: E402

EPOCH = 1_700_000_000
COLUMNS = ("goal", "action", "deadline", "responsible", "status", "follow_up", "new_deadline")
A5 = dict(columns=COLUMNS, status_style="words", zebra=True, rules="horizontal", font_pt=6.5, page_mm=(148.0, 210.0))

ACTIVITIES = (
    Activity(
        key="hygien", area="Vårdhygien", goal="Följsamheten till basala hygienrutiner ska vara minst 95 %",
        action="Månatliga egenkontroller på alla vårdavdelningar", deadline="2024-12-31",
        responsible="Verksamhetschef respektive VO", status="in_progress",
        follow_up="Mätningen i mars visar en samlad följsamhet på 88 %. Frågor om mätningen skickas till "
                  "vardhygien.norrmark@regionexempel.se.",
        new_deadline="2025-03-31",
    ),
    Activity(
        key="lakemedel", area="Läkemedel", goal="Alla patienter 75 år och äldre ska få en läkemedelsavstämning",
        action="Farmaceuter stödjer läkarna på medicinklinikens avdelningar", deadline="2024-06-30",
        responsible="Chefläkare i samråd med verksamhetscheferna", status="delayed",
        follow_up="Andelen patienter med dokumenterad läkemedelsavstämning var 54 % i mars.",
        new_deadline="2024-12-31",
    ),
)


def _report(name: str) -> Report:
    return Report(
        name=name, producer="typst", title="Handlingsplan för patientsäkerhet", period="2024-04",
        period_line="Uppföljning april 2024", running_header="Länssjukhuset Norrmark",
        intro="Aktiviteterna redovisas med status och kommentar.", active=ACTIVITIES)


def main() -> None:
    # Tidplan wide enough for a date; the rest in the corpus layout's proportions.
    header = Layout(**A5, widths=(13.0, 13.0, 14.0, 12.0, 10.0, 27.0, 11.0))
    render_typst(_report("header-justified-shaded"), HERE / "header-justified-shaded.pdf", EPOCH, header)
    words = Layout(**A5, headers=(("new_deadline", "Ny tid"),))
    render_typst(_report("words-run-past-cell"), HERE / "words-run-past-cell.pdf", EPOCH, words)


if __name__ == "__main__":
    main()
