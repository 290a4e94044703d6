"""Render the fixture of tests/extract/test_extract_line_end_room.py: a Word report, exported to PDF
by LibreOffice with Swedish automatic hyphenation (as real reports are made), whose comment column
shows both kinds of line-end hyphen (needs LibreOffice and hyphen-sv).

    python tests/extract/data/render_line_end_room.py

- line-end-room-word.pdf: the first comment breaks after the author's "Ambulans-" (of
  "Ambulans-personalen") with room left for "per" (a hyphenation point of "ambulanspersonalen"),
  and LibreOffice hyphenates "informations-" + "överföring" itself two lines further down.

The wording was chosen so that LibreOffice breaks the lines there; the tests check that it did.
"""
from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parents[2]))

from samples.model import Activity, Report  # noqa: E402
from samples.word_report import render_word  # noqa: E402

EPOCH = 1_700_000_000

REPORT = Report(
    name="line-end-room-word",
    producer="word",
    title="Handlingsplan för akutflöden 2024",
    period="2024-05",
    period_line="Uppföljning maj 2024",
    running_header="Region Exempel – Akutmottagningen",
    intro="Uppföljning av handlingsplanen för akutflöden.",
    active=(
        Activity(
            key="overrapportering", area="Akutflöden", goal="Säker överrapportering från ambulans",
            action="Gemensam utbildning i strukturerad överrapportering", deadline="2024-12-31",
            responsible="Verksamhetschef", status="in_progress",
            follow_up="I april deltar nu sjuksköterskor på akuten och Ambulans-personalen i den regionala "
                      "utbildningen om informationsöverföring vid överrapportering.",
        ),
        Activity(
            key="triage", area="Akutflöden", goal="Kortare tid till första bedömning",
            action="Triage vid ankomst dygnet runt", deadline="2024-09-30",
            responsible="Enhetschef akutmottagningen", status="done",
            follow_up="Triage görs nu vid ankomst under hela dygnet, och väntetiden till första bedömning "
                      "har minskat från 52 till 31 minuter i median sedan januari.",
        ),
        Activity(
            key="vardplatser", area="Vårdplatser", goal="Färre patienter som väntar på vårdplats på akuten",
            action="Daglig vårdplatskoordinering", deadline="2024-10-31",
            responsible="Vårdplatskoordinator", status="delayed",
            follow_up="Vårdplatskoordinatorn går igenom läget tre gånger om dagen tillsammans med "
                      "avdelningarnas samordnare. Under sommaren saknades ändå vårdplatser flera dagar i "
                      "veckan, och patienter fick vänta på akuten i upp till ett dygn. Frågan har lyfts till "
                      "sjukhusledningen, som ser över hur vårdplatserna ska fördelas mellan klinikerna inför "
                      "hösten och vintern.",
        ),
    ),
)


def main() -> None:
    render_word(REPORT, HERE / f"{REPORT.name}.pdf", EPOCH)


if __name__ == "__main__":
    main()
