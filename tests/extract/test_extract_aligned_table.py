"""A small table inside a comment cell drawn without rules (a web page whose stylesheet rules
nothing): read row by row when one of its cells wraps, as a ruled nested table is (nested.py)."""
from typewriter import typed_chars

from followup.extract.nested import aligned_table_text
from followup.extract.page_content import Char
from followup.extract.text_lines import text_lines

SIZE = 9.0
GLYPH = 5.0  # every glyph this wide, a space as wide


def _chars(text: str, x: float, top: float) -> list[Char]:
    return typed_chars(text, x, top, glyph=GLYPH, size=SIZE)


def _cell(*lines: tuple[str, str]) -> list:
    """Lines of a cell: (first column's text at x 10, second column's text at x 200), 12 pt apart."""
    chars: list[Char] = []
    for i, (first, second) in enumerate(lines):
        chars += _chars(first, 10, 100 + 12 * i)
        if second:
            chars += _chars(second, 200, 100 + 12 * i)
    return text_lines(chars)


def test_a_wrapped_first_cell_of_a_table_without_rules_stays_with_its_row():
    lines = _cell(("Mottagning", "Andel"), ("Hjärtmottagningen", "71 %"), ("Kirurgi- och", "45 %"),
                  ("urologimottagningen", ""), ("Gynmottagningen", "52 %"))
    text = aligned_table_text(lines)
    assert text is not None
    rows = [" ".join(row.split()) for row in text.split("\n") if row]
    assert "Kirurgi- och urologimottagningen 45 %" in " ".join(rows)
    assert " ".join(text.split()).endswith("Kirurgi- och urologimottagningen 45 % Gynmottagningen 52 %")


def test_a_table_without_rules_whose_cells_do_not_wrap_reads_line_by_line():
    lines = _cell(("Mottagning", "Andel"), ("Hjärtmottagningen", "71 %"), ("Gynmottagningen", "52 %"))
    assert aligned_table_text(lines) is None


def test_prose_is_no_table():
    lines = _cell(("Andelen patienter med", ""), ("en fast läkarkontakt är", ""), ("46 % i mars.", ""))
    assert aligned_table_text(lines) is None


def _placed(*lines: tuple[tuple[str, float], ...]) -> list:
    """Lines of words each at its own x, 12 pt apart."""
    chars: list[Char] = []
    for i, words in enumerate(lines):
        for word, x in words:
            chars += _chars(word, x, 100 + 12 * i)
    return text_lines(chars)


def test_justified_prose_whose_wide_gaps_happen_to_line_up_is_no_table():
    # Typst and Word justify narrow cells: every gap of a line is widened alike, and on a few lines
    # the words after them may start at the same places by chance; the paragraph's last line is not
    # justified; a line of one long word has no gap to widen.
    lines = _placed((("Ingen", 10), ("vänta", 60), ("sådan", 110)),
                    (("dagar", 10), ("besök", 60), ("första", 110)),
                    (("Ortopedmottagningen", 10),),
                    (("på", 10), ("ett", 60), ("till", 110)))
    assert aligned_table_text(lines) is None
