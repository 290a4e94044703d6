"""The area named by a group row: label dropped, line breaks repaired, an Område column wins."""
from pathlib import Path

from followup.normalize.document import build_document
from followup.normalize.groups import area_of_group
from followup.normalize.vocabulary import load_vocabulary
from followup.schemas import RawCell, RawDocument, RawRow, RawTable


def test_the_label_before_the_name_is_dropped():
    vocabulary = load_vocabulary()
    assert area_of_group("Område: Tillgänglighet", vocabulary) == "Tillgänglighet"
    assert area_of_group("OMRÅDE – Patientsäkerhet", vocabulary) == "Patientsäkerhet"
    assert area_of_group("Insatsområde 2: Psykisk hälsa", vocabulary) == "Psykisk hälsa"
    assert area_of_group("Kompetensförsörjning", vocabulary) == "Kompetensförsörjning"


def test_a_word_that_merely_starts_like_a_label_is_kept():
    assert area_of_group("Områdesplanering", load_vocabulary()) == "Områdesplanering"


def test_line_breaks_in_the_group_name_are_repaired():
    vocabulary = load_vocabulary()
    assert area_of_group("Område: Tillgänglighet och vänte-\ntider", vocabulary) == "Tillgänglighet och väntetider"
    assert area_of_group("Område: Hälso-\noch sjukvård", vocabulary) == "Hälso- och sjukvård"


def test_no_group_row_gives_no_area():
    assert area_of_group(None, load_vocabulary()) is None


def test_labels_are_user_extendable(tmp_path: Path):
    extra = tmp_path / "mine.toml"
    extra.write_text('[[group_label]]\ntext = "Satsning"\n', encoding="utf-8")
    vocabulary = load_vocabulary([extra])
    assert area_of_group("Satsning: Digital vård", vocabulary) == "Digital vård"
    assert area_of_group("Område: Digital vård", vocabulary) == "Digital vård"


def _document(rows: list[RawRow], columns: list[str]) -> RawDocument:
    table = RawTable(section="active", columns=columns, rows=rows)
    return RawDocument(file="r.pdf", sha256="0" * 64, pages=1, tables=[table])


def test_activities_take_the_area_of_their_group_and_an_area_column_wins():
    cells = {"goal": RawCell(text="Kortare köer"), "action": RawCell(text="Fler tider")}
    rows = [
        RawRow(cells={**cells, "area": RawCell(text="")}, pages=[1], group="Område: Tillgänglighet"),
        RawRow(cells={**cells, "area": RawCell(text="Akuten")}, pages=[1], group="Område: Tillgänglighet"),
        RawRow(cells={**cells, "area": RawCell(text="")}, pages=[1]),
    ]
    document = build_document(_document(rows, ["area", "goal", "action"]), load_vocabulary())
    assert [a.area for a in document.activities] == ["Tillgänglighet", "Akuten", None]
