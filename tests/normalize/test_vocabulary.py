"""The vocabulary: data files, extension with --vocabulary FILE, speed (normalize/vocabulary.py)."""
from __future__ import annotations

import re
import time

import pytest

from followup.normalize.responsibles import parse_responsible, units_named
from followup.normalize.status import status_from_text
from followup.normalize.vocabulary import DATA_DIR, VocabularyError, load_vocabulary, match_key

# Prose naming each hospital once, in the way a region's roll-out page does.
HOSPITALS_PAGE = """Ordningsföljd och tidpunkter:
  • Oktober 2021: Lasarettet i Ystad
  • November 2021: Skånes universitetssjukhus i Malmö och Lund
  • Februari 2022: Lasarettet i Landskrona, Lasarettet Trelleborg
  • Mars 2022: Helsingborgs lasarett, Hässleholms sjukhus, Centralsjukhuset Kristianstad, Ängelholms sjukhus
  • Oktober 2021–december 2022: privata vårdgivare (inklusive Närsjukhuset Simrishamn)
"""
README = DATA_DIR / "README.md"


def test_the_builtin_vocabulary_is_loaded_once():
    assert load_vocabulary() is load_vocabulary()


def test_loading_is_fast(tmp_path):
    empty = tmp_path / "empty.toml"
    empty.write_text("", encoding="utf-8")
    started = time.perf_counter()
    load_vocabulary([empty])  # with an extra file nothing is cached: every file is read and built again
    assert time.perf_counter() - started < 0.1


def _unit(vocabulary, name):
    """The unit with this canonical name, or None."""
    return next((unit for unit in vocabulary.units if unit.name == name), None)


def test_every_hospital_of_the_regions_page_is_a_unit():
    vocabulary = load_vocabulary()
    hospitals = ["Lasarettet i Ystad", "Skånes universitetssjukhus", "Lasarettet i Landskrona", "Lasarettet Trelleborg",
                 "Helsingborgs lasarett", "Hässleholms sjukhus", "Centralsjukhuset Kristianstad", "Ängelholms sjukhus",
                 "Närsjukhuset Simrishamn"]
    page = HOSPITALS_PAGE
    for hospital in hospitals:
        assert _unit(vocabulary, hospital).kind == "hospital"
        assert units_named([page], vocabulary).count(hospital) == 1


def test_every_clinic_of_report_format_is_a_unit():
    vocabulary = load_vocabulary()
    for clinic in ["Hudmottagningen", "Ögonmottagningen", "Hjärtmottagningen", "Medicinmottagningen",
                   "Kirurgi- och urologimottagningen", "Gynmottagningen", "Logopedmottagningen",
                   "Överviktsmottagningen", "Diabetesmottagningen", "Akutmottagningen"]:
        assert _unit(vocabulary, clinic).kind == "clinic"


@pytest.mark.parametrize("short", ["LiL", "RS", "SUS", "SDV", "SV", "ÖV", "VO", "VC", "SC", "ssk", "MSI", "TIK"])
def test_the_abbreviations_of_report_format_are_known(short):
    assert any(a.short == short and a.long for a in load_vocabulary().abbreviations)


def test_match_key_ignores_case_spaces_hyphens_and_dots():
    assert match_key("Verksamhets- chef") == match_key("verksamhetschef") == "verksamhetschef"
    assert match_key("vårdadm. enheten") == "vårdadmenheten"


def test_an_extra_file_extends_the_builtin_lists(tmp_path):
    extra = tmp_path / "extra.toml"
    extra.write_text('''
[[unit]]
name = "Neurologmottagningen"
kind = "clinic"
aliases = ["neurologmott"]

[[unit]]
name = "Hudmottagningen"
aliases = ["dermatologen"]

[[role]]
name = "Kvalitetsansvarig"

[[label]]
text = "Vilande"
status = "delayed"
''', encoding="utf-8")
    vocabulary = load_vocabulary([extra])
    assert units_named(["neurologmott och dermatologen, ögonmott"], vocabulary) == [
        "Neurologmottagningen", "Hudmottagningen", "Ögonmottagningen"]
    responsible, unmatched = parse_responsible("Kvalitetsansvarig Neurologmottagningen", vocabulary)
    assert [(r.role, r.unit) for r in responsible.roles] == [("Kvalitetsansvarig", "Neurologmottagningen")]
    assert unmatched == []
    assert status_from_text("Vilande.", vocabulary) == "delayed"
    assert _unit(load_vocabulary(), "Neurologmottagningen") is None  # the built-in one is untouched


def test_an_extra_file_can_replace_a_section(tmp_path):
    extra = tmp_path / "only.toml"
    extra.write_text('replace = ["unit"]\n[[unit]]\nname = "Avdelning Norr"\nkind = "ward"\n', encoding="utf-8")
    vocabulary = load_vocabulary([extra])
    assert [unit.name for unit in vocabulary.units] == ["Avdelning Norr"]
    assert vocabulary.roles == load_vocabulary().roles


@pytest.mark.parametrize("content, complaint", [
    ("[[unit\n", "not valid TOML"),
    ('[[unit]]\nname = "X"\nkind = "planet"\n', "kind"),
    ('[[label]]\ntext = "X"\nstatus = "maybe"\n', "status"),
    ('[[relation]]\nphrase = "x"\nrelation = "boss"\n', "relation"),
    ('[[unit]]\nkind = "ward"\n', "no name"),
    ('replace = ["units"]\n', "unknown sections"),
])
def test_a_broken_file_is_rejected_with_a_reason(tmp_path, content, complaint):
    extra = tmp_path / "broken.toml"
    extra.write_text(content, encoding="utf-8")
    with pytest.raises(VocabularyError, match=complaint):
        load_vocabulary([extra])


def test_the_readme_example_is_a_valid_vocabulary_file(tmp_path):
    example = re.search(r"```toml\n(.*?)```", README.read_text(encoding="utf-8"), re.DOTALL).group(1)
    extra = tmp_path / "example.toml"
    extra.write_text(example, encoding="utf-8")
    vocabulary = load_vocabulary([extra])
    assert len(vocabulary.units) > len(load_vocabulary().units)
