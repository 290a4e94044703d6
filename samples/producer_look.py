"""What each producer prints above and around its tables by itself: column wording, its own status
colours with their legend labels, headings. Plain data, so the corpus statistics and tests can
know every producer's wording without the rendering libraries (python-docx, WeasyPrint)."""
from __future__ import annotations

from samples.layout import Palette

# Word through LibreOffice: the reference layout of REPORT-FORMAT.md, Word's standard shades.
WORD_COLUMNS = ("Område", "Mål", "Åtgärd", "Tid", "Ansvarig", "Status", "Uppföljning", "Ny tid")
WORD_PALETTE = Palette(
    colours=(("done", "00B050"), ("in_progress", "FFC000"), ("delayed", "FF0000")),
    labels=(("done", "KLART"), ("in_progress", "ARBETE PÅGÅR"), ("delayed", "FÖRSENAT")))

# The web system printed by WeasyPrint: its own shades; its legend shows the same ones.
WEB_COLUMNS = ("Område", "Mål", "Aktivitet", "Tidplan", "Ansvarig", "Status", "Kommentar",
               "Ny tidplan")
WEB_PALETTE = Palette(
    colours=(("done", "92D050"), ("in_progress", "FFC000"), ("delayed", "C00000")),
    labels=(("done", "KLART"), ("in_progress", "ARBETE PÅGÅR"), ("delayed", "FÖRSENAT")))

# The intranet page printed by Chromium.
BROWSER_COLUMNS = ("Insatsområde", "Mål", "Åtgärder", "Klart senast", "Ansvar", "Status",
                   "Kommentar", "Nytt datum")
BROWSER_PALETTE = Palette(
    colours=(("done", "00A651"), ("in_progress", "F7B500"), ("delayed", "E03C31")),
    labels=(("done", "KLART"), ("in_progress", "PÅGÅR"), ("delayed", "FÖRSENAT")))
# The activity list kept in a spreadsheet and exported to PDF by LibreOffice Calc: Excel's standard
# colours (its "Yellow" is the same as a highlighted row's).
SHEET_COLUMNS = ("Område", "Mål", "Aktivitet", "Klart datum", "Ansvarig", "Status",
                 "Kommentar / uppföljning", "Ny tid")
SHEET_PALETTE = Palette(
    colours=(("done", "00B050"), ("in_progress", "FFFF00"), ("delayed", "FF0000")),
    labels=(("done", "Klart"), ("in_progress", "Pågår"), ("delayed", "Försenat")))

# A web planning system that writes its PDF export itself with fpdf2: Bootstrap's state colours.
PLANNER_COLUMNS = ("Område", "Mål", "Aktivitet", "Slutdatum", "Ansvarig", "Status",
                   "Lägesbeskrivning", "Nytt slutdatum")
PLANNER_PALETTE = Palette(
    colours=(("done", "5CB85C"), ("in_progress", "F0AD4E"), ("delayed", "D9534F")),
    labels=(("done", "Klar"), ("in_progress", "Pågår"), ("delayed", "Försenad")))

BROWSER_ACTIVE_HEADING = "Aktiviteter"
BROWSER_DONE_HEADING = "Avslutade aktiviteter"

# A server-side planning system writing its PDF with ReportLab: its own wording ("Lägesrapport"
# for the follow-up), its own pale status colours, and its own section headings.
PDFLIB_COLUMNS = ("Område", "Mål", "Aktivitet", "Slutdatum", "Ansvarig", "Status", "Lägesrapport",
                  "Nytt slutdatum")
PDFLIB_PALETTE = Palette(
    colours=(("done", "5CB85C"), ("in_progress", "F0AD4E"), ("delayed", "D9534F")),
    labels=(("done", "Genomförd"), ("in_progress", "Pågår"), ("delayed", "Försenad")))
PDFLIB_ACTIVE_HEADING = "Pågående aktiviteter"
PDFLIB_DONE_HEADING = "Avslutade aktiviteter"

# A report typeset with Typst: the team's own wording and Word's traffic-light colours.
TYPST_COLUMNS = ("Område", "Mål", "Åtgärd", "Tidplan", "Ansvarig", "Status", "Uppföljning",
                 "Ny tidplan")
TYPST_PALETTE = Palette(
    colours=(("done", "00B050"), ("in_progress", "FFC000"), ("delayed", "FF0000")),
    labels=(("done", "KLART"), ("in_progress", "PÅGÅR"), ("delayed", "FÖRSENAT")))

# A web planning system exporting with pdfmake (JavaScript): its own wording, its badge colours
# (a word on a coloured cell) and its own section headings.
PDFMAKE_COLUMNS = ("Område", "Mål", "Aktivitet", "Deadline", "Ansvarig", "Status", "Kommentar",
                   "Ny deadline")
PDFMAKE_PALETTE = Palette(
    colours=(("done", "16A34A"), ("in_progress", "F59E0B"), ("delayed", "DC2626")),
    labels=(("done", "Klar"), ("in_progress", "Pågår"), ("delayed", "Försenad")))
PDFMAKE_ACTIVE_HEADING = "Pågående aktiviteter"
PDFMAKE_DONE_HEADING = "Genomförda aktiviteter"

# A Java hospital planning system writing its PDF with iText 2.1.7: its own wording, Material
# Design's status colours and its own section headings.
ITEXT_COLUMNS = ("Område", "Mål", "Åtgärd", "Klart senast", "Ansvarig", "Status", "Kommentar",
                 "Ny tidplan")
ITEXT_PALETTE = Palette(
    colours=(("done", "66BB6A"), ("in_progress", "FFCA28"), ("delayed", "EF5350")),
    labels=(("done", "Klar"), ("in_progress", "Pågår"), ("delayed", "Försenad")))
ITEXT_ACTIVE_HEADING = "Handlingsplan"
ITEXT_DONE_HEADING = "Genomförda aktiviteter"

# A web app exporting its activity table with jsPDF + jspdf-autotable: its own wording, Tailwind's
# status colours (a word on a coloured cell) and its own section headings.
JSPDF_COLUMNS = ("Område", "Mål", "Insats", "Klart senast", "Ansvarig", "Status", "Kommentar",
                 "Nytt datum")
JSPDF_PALETTE = Palette(
    colours=(("done", "22C55E"), ("in_progress", "FACC15"), ("delayed", "EF4444")),
    labels=(("done", "Klar"), ("in_progress", "Pågår"), ("delayed", "Försenad")))
JSPDF_ACTIVE_HEADING = "Handlingsplan"
JSPDF_DONE_HEADING = "Avslutade aktiviteter"

# Column widths, per cent of the table: the producer's own columns, then the completed table's
# (which drops the last). A report laid out by a PDF library or a typesetter (ReportLab, Typst,
# iText), and a web planning system's export (fpdf2, pdfmake), whose status labels need more room.
LIBRARY_WIDTHS = ((11, 13, 14, 8, 12, 6, 27, 9), (12, 15, 15, 9, 13, 6, 30))
PLANNER_WIDTHS = ((10, 12, 13, 8, 11, 8, 28, 10), (11, 13, 14, 8, 12, 8, 34))

# Headings the producers print over the two tables and the legend.
HEADINGS = ("Aktiviteter", "Klara aktiviteter", BROWSER_DONE_HEADING, "STATUS",
            PDFLIB_ACTIVE_HEADING, PDFLIB_DONE_HEADING, PDFMAKE_ACTIVE_HEADING, PDFMAKE_DONE_HEADING,
            ITEXT_ACTIVE_HEADING)
ALL_COLUMNS = (WORD_COLUMNS + WEB_COLUMNS + BROWSER_COLUMNS + SHEET_COLUMNS + PLANNER_COLUMNS + PDFLIB_COLUMNS
               + TYPST_COLUMNS + PDFMAKE_COLUMNS + ITEXT_COLUMNS + JSPDF_COLUMNS)
ALL_PALETTES = (WORD_PALETTE, WEB_PALETTE, BROWSER_PALETTE, SHEET_PALETTE, PLANNER_PALETTE, PDFLIB_PALETTE,
                TYPST_PALETTE, PDFMAKE_PALETTE, ITEXT_PALETTE, JSPDF_PALETTE)

