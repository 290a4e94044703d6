"""The renderings of a diff (json, csv, md) and the `followup diff` command."""
import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner
from compare_factory import activity, document

from followup.cli import main
from followup.compare import diff_documents
from followup.diff_output import diff_csv, diff_json, diff_markdown, word_diff

SAMPLE_PDFS = Path(__file__).resolve().parents[2] / "samples" / "pdf"

OLD = [activity("Starta upp funktionen Elab för samtliga enheter", area="Elab", new_deadline="2024-06-01",
                follow_up="Projektsamordnare utsedd. Utbildning pågår."),
       activity("Bredda användandet av digitalt möte", new_deadline="2024-03-30"),
       activity("Snabbare diagnossättning av hudförändringar", area="Diagnos på distans")]
NEW = [activity("Bredda användandet av digitalt möte", new_deadline="2024-06-30", status="delayed"),
       activity("Starta upp funktionen Elab för samtliga enheter", area="Elab", section="done", status="done",
                follow_up="Projektsamordnare utsedd. Utbildning klar. Klart 2023-11-30", highlighted=True),
       activity("Digital hjärtskola för patienter", area="Digital hjärtskola", action="Stöd- och behandlingsplattform")]


def example_diff():
    return diff_documents(document(OLD, period="2023-05"), document(NEW, period="2023-11"),
                          old_file="lil-2023-05.pdf", new_file="lil-2023-11.pdf")


def test_word_diff_shows_what_the_follow_up_added_and_removed():
    assert word_diff("Utbildning pågår.", "Utbildning klar. Klart 2023-11-30") == \
        "Utbildning ~~pågår.~~ **klar. Klart 2023-11-30**"


def test_word_diff_shortens_long_unchanged_stretches():
    old = " ".join(f"ord{i}" for i in range(40))
    rendered = word_diff(old, old + " Nytt.")
    assert rendered.startswith("… ord34") and rendered.endswith("**Nytt.**")


def test_json_is_the_diff_contract():
    data = json.loads(diff_json(example_diff()))
    assert data["schema_version"] == "1"
    assert data["old"] == {"file": "lil-2023-05.pdf", "period": "2023-05"}
    assert [a["change"] for a in data["activities"]] == ["changed", "changed", "added", "removed"]
    assert data["summary"]["status_transitions"] == {"in_progress → delayed": 1, "in_progress → done": 1}


def test_csv_has_one_row_per_activity():
    diff = example_diff()
    rows = list(csv.DictReader(io.StringIO(diff_csv(diff))))
    assert [r["change"] for r in rows] == ["changed", "changed", "added", "removed"]
    assert [(r["old_id"], r["new_id"]) for r in rows] == [
        (c.old.id if c.old else "", c.new.id if c.new else "") for c in diff.activities]
    assert rows[0]["old_new_deadline"] == "2024-03-30" and rows[0]["new_deadline"] == "2024-06-30"
    assert rows[0]["old_deadline"] == rows[0]["deadline"] == "2023-12-31"
    assert rows[2]["old_id"] == "" and rows[3]["new_id"] == "" and rows[3]["old_deadline"] == "2023-12-31"
    assert rows[0]["old_status"] == "in_progress" and rows[0]["new_status"] == "delayed"
    assert rows[0]["fields"] == "status new_deadline" and rows[0]["slip_days"] == "92"
    assert rows[1]["section"] == "done" and rows[2]["score"] == ""


def test_markdown_answers_what_happened_since_last_time_in_swedish_by_default():
    text = diff_markdown(example_diff())
    assert text.startswith("# Vad har hänt: lil-2023-05.pdf (maj 2023) → lil-2023-11.pdf (november 2023)")
    assert "- Tillagda 1, borttagna 1, ändrade 2, oförändrade 0." in text
    for heading in ("## Klara sedan förra uppföljningen (1)", "## Senarelagda eller försenade (1)",
                    "## Statusändringar (2)", "## Tillagda (1)", "## Borttagna (1)", "## Detaljer"):
        assert heading in text
    assert "2024-03-30 → 2024-06-30 (+92 dagar); status Pågår → Försenat" in text
    assert "- Statusändringar: Pågår → Försenat: 1, Pågår → Klart: 1." in text
    assert "(aktiv, Pågår)" in text and "- avsnitt: aktiv → klar" in text
    assert "**klar. Klart 2023-11-30**" in text
    for english in ("What changed", "Slipped", "in_progress", "days", "Added"):
        assert english not in text


def test_markdown_in_english_on_request():
    text = diff_markdown(example_diff(), lang="en")
    assert text.startswith("# What changed: lil-2023-05.pdf (May 2023) → lil-2023-11.pdf (November 2023)")
    for heading in ("## Completed since last time (1)", "## Slipped (1)", "## Status changes (2)",
                    "## Added (1)", "## Removed (1)", "## Details"):
        assert heading in text
    assert "2024-03-30 → 2024-06-30 (+92 days); status in progress → delayed" in text


def test_markdown_says_a_coarse_deadline_moved_into_its_period_not_by_days():
    old = [activity("A", new_deadline="2023-12-31"), activity("B", new_deadline="2024-"),
           activity("C", new_deadline="2024-06-30")]
    new = [activity("A", new_deadline="2024-"), activity("B", new_deadline="2025-03-31"),
           activity("C", new_deadline="2024-")]
    result = diff_documents(document(old, period="2023-11"), document(new, period="2024-05"),
                            old_file="a.pdf", new_file="b.pdf")
    text = diff_markdown(result)
    assert "2023-12-31 → 2024- (flyttad till 2024)" in text
    assert "2024- → 2025-03-31 (flyttad till 31 mars 2025)" in text
    assert "dagar" not in text.split("## Klara")[0]
    assert "- Senarelagda eller försenade: 2 (2 flyttade till en senare period)." in text
    assert "2023-12-31 → 2024- (moved into 2024)" in diff_markdown(result, lang="en")


def write_documents(tmp_path):
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text(document(OLD, period="2023-05").model_dump_json())
    new.write_text(document(NEW, period="2023-11").model_dump_json())
    return old, new


def test_cli_diff_of_two_json_documents(tmp_path):
    old, new = write_documents(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(old), str(new)])
    assert result.exit_code == 0
    assert json.loads(result.output)["summary"]["added"] == 1


def test_cli_writes_markdown_to_a_file(tmp_path):
    old, new = write_documents(tmp_path)
    out = tmp_path / "diff.md"
    result = CliRunner().invoke(main, ["diff", str(old), str(new), "--format", "md", "-o", str(out)])
    assert result.exit_code == 0 and result.output == ""
    assert out.read_text(encoding="utf-8").startswith("# Vad har hänt")


def test_cli_rejects_a_json_that_is_not_a_document(tmp_path):
    old, _ = write_documents(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"activities": "none"}')
    result = CliRunner().invoke(main, ["diff", str(old), str(bad)])
    assert result.exit_code == 3
    assert result.stderr.startswith(f"error: {bad}: not a followup document")
    assert "Traceback" not in result.stderr


def test_cli_rejects_a_json_that_is_not_json(tmp_path):
    old, _ = write_documents(tmp_path)
    bad = tmp_path / "bad.json"
    bad.write_text("not json")
    result = CliRunner().invoke(main, ["diff", str(bad), str(old)])
    assert result.exit_code == 3 and result.stderr.startswith(f"error: {bad}: ")


def test_cli_diff_opens_encrypted_reports_with_the_options_extract_has(tmp_path):
    import pikepdf

    sides = []
    for name in ("ystad-2024-03", "ystad-2024-09"):
        target = tmp_path / f"{name}.pdf"
        with pikepdf.open(SAMPLE_PDFS / f"{name}.pdf") as pdf:  # noqa: SIM117 - two contexts, one per line
            pdf.save(target, encryption=pikepdf.Encryption(user="hemligt", owner="ägare", R=6))
        sides.append(str(target))
    only = tmp_path / "only.toml"
    only.write_text('replace = ["unit"]\n[[unit]]\nname = "Avdelning Norr"\nkind = "ward"\n', encoding="utf-8")

    refused = CliRunner().invoke(main, ["diff", *sides])
    assert refused.exit_code == 3
    assert refused.stderr == f"error: {sides[0]}: encrypted: needs a password (use --password)\n"

    plain = CliRunner().invoke(main, ["diff", *sides, "--password", "hemligt"])
    result = CliRunner().invoke(main, ["diff", *sides, "--password", "hemligt", "--vocabulary", str(only),
                                       "--period", "2024-02", "--period", "2024-10"])
    assert plain.exit_code == 0 and result.exit_code == 0, result.output
    data, before = json.loads(result.stdout), json.loads(plain.stdout)
    assert (data["old"]["period"], data["new"]["period"]) == ("2024-02", "2024-10")
    assert (before["old"]["period"], before["new"]["period"]) == ("2024-03", "2024-09")
    def units(diff: dict) -> set[str]:
        return {unit for change in diff["activities"] for side in ("old", "new") if change[side]
                for unit in change[side]["units"]}

    # The vocabulary replaces the built-in units: the clinics the built-in list names are gone.
    assert "Ögonmottagningen" in units(before) and "Ögonmottagningen" not in units(data)


def test_cli_diff_period_is_given_at_most_once_per_side(tmp_path):
    old, new = write_documents(tmp_path)
    result = CliRunner().invoke(main, ["diff", str(old), str(new), *["--period", "2024-01"] * 3])
    assert result.exit_code == 2
    assert CliRunner().invoke(main, ["diff", str(old), str(new), "--period", "maj"]).exit_code == 2


def test_cli_diff_warns_when_two_reports_share_almost_no_activities(sample_json_dir):
    unrelated = CliRunner().invoke(main, ["diff", str(sample_json_dir / "ystad-2024-03.json"),
                                          str(sample_json_dir / "medicin-web-2024-05.json"), "--format", "md"])
    assert unrelated.exit_code == 0
    assert unrelated.stderr.startswith("warning: ystad-2024-03.json and medicin-web-2024-05.json share only 0 of ")
    assert "may be different reports" in unrelated.stderr and unrelated.stdout.startswith("# Vad har hänt")
    related = CliRunner().invoke(main, ["diff", str(sample_json_dir / "ystad-2024-03.json"),
                                        str(sample_json_dir / "ystad-2024-09.json")])
    assert related.exit_code == 0 and related.stderr == ""
