"""`followup extract`, `schema` and `repair-text` as a user calls them."""
import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner

from followup.cli import main
from followup.output import CSV_COLUMNS

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "samples" / "pdf" / "ystad-2024-03.pdf"


def run(*arguments: str, stdin: str | None = None):
    return CliRunner().invoke(main, list(arguments), input=stdin)


def test_extract_writes_the_output_document_to_a_file(tmp_path):
    out = tmp_path / "ystad.json"
    result = run("extract", str(SAMPLE), "-o", str(out))
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    document = json.loads(out.read_text("utf-8"))
    # The report's warnings are counted on stderr, in one line.
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith(f"warning: {SAMPLE}: {len(document['warnings'])} warnings (")
    assert document["schema_version"] == "1"
    assert document["source"]["file"] == "ystad-2024-03.pdf" and document["source"]["pages"] == 4
    assert document["period"] == "2024-03"
    assert {a["section"] for a in document["activities"]} == {"active", "done"}


def test_period_option_overrides_the_document_and_is_checked():
    assert json.loads(run("extract", str(SAMPLE), "--period", "2024-04").stdout)["period"] == "2024-04"
    assert run("extract", str(SAMPLE), "--period", "april").exit_code == 2


def test_csv_has_one_row_per_activity_with_the_flattened_columns():
    result = run("extract", str(SAMPLE), "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    document = json.loads(run("extract", str(SAMPLE)).stdout)
    assert list(rows[0]) == CSV_COLUMNS
    assert len(rows) == len(document["activities"])
    first = document["activities"][0]
    assert rows[0]["area"] == first["area"]
    assert rows[0]["deadline_date"] == (first["deadline"]["date"] or "")
    assert rows[0]["units"] == "; ".join(first["units"])


def test_schema_is_the_json_schema_of_the_document():
    schema = json.loads(run("schema").output)
    assert schema["title"] == "Document"
    assert {"schema_version", "source", "activities", "warnings"} <= set(schema["properties"])


def test_schema_of_the_diff_and_of_the_run_report():
    diff = json.loads(run("schema", "diff").output)
    assert diff["title"] == "Diff" and {"old", "new", "activities", "summary"} <= set(diff["properties"])
    report = json.loads(run("schema", "run-report").output)
    assert report["title"] == "RunReport" and {"settings", "summary", "inputs", "stale"} <= set(report["properties"])
    assert run("schema", "history").exit_code == 2


def test_a_real_run_report_is_an_instance_of_its_schema(tmp_path):
    from followup.schemas.run_report import RunReport

    empty = tmp_path / "tom.pdf"
    empty.write_bytes(b"")
    result = run("batch", str(SAMPLE), str(empty), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert result.exit_code == 1
    report = RunReport.model_validate_json((tmp_path / "out" / "report.json").read_text("utf-8"))
    assert [entry.status for entry in report.inputs] == ["ok", "failed"]
    assert report.inputs[1].code == "empty"


def test_repair_text_joins_lines_the_swedish_way_and_keeps_paragraphs_apart():
    result = run("repair-text", stdin="Utbildning för patien-\nterna och SKALL-\nkrav\n\nhälso-\noch sjukvård\n")
    assert result.output.split("\n\n") == ["Utbildning för patienterna och SKALL-krav", "hälso- och sjukvård\n"]


def test_a_missing_file_is_a_rejected_input():
    result = run("extract", "finns-inte.pdf")
    assert result.exit_code == 3
    assert "error: finns-inte.pdf: file not found" in result.output
