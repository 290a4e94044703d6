"""followup as a library: read_report, read_reports, diff, the DataFrames and the typed errors."""
from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd
import pikepdf
import pytest

import followup
from followup.errors import (
    EmptyFile,
    EncryptedPDF,
    InvalidSetting,
    NotADocument,
    NotAPDF,
    ReportNotFound,
    ReportRejected,
)
from followup.output import document_json
from followup.schemas import Diff, Document

ROOT = Path(__file__).resolve().parents[2]
YSTAD = ROOT / "samples" / "pdf" / "ystad-2024-03.pdf"


def test_import_followup_gives_the_api():
    for name in ("read_report", "read_reports", "diff", "Document", "Diff", "ReportRejected", "FollowupError"):
        assert name in followup.__all__ and getattr(followup, name) is not None
    with pytest.raises(AttributeError):
        followup.no_such_thing  # noqa: B018


def test_read_report_gives_the_document_extract_gives(sample_documents):
    document = followup.read_report(YSTAD)
    assert isinstance(document, Document)
    assert document_json(document) == document_json(sample_documents["ystad-2024-03"])


def test_read_report_from_bytes_a_stream_or_extracted_json(sample_documents, sample_json_dir):
    expected = sample_documents["ystad-2024-03"]
    for source in (YSTAD.read_bytes(), io.BytesIO(YSTAD.read_bytes())):
        document = followup.read_report(source)
        assert document.source.file == "-" and document.activities == expected.activities
    from_json = followup.read_report(sample_json_dir / "ystad-2024-03.json", period="2024-04")
    assert from_json.activities == expected.activities and from_json.period == "2024-04"


def test_errors_are_typed_and_name_no_command_line_option(tmp_path):
    empty, text, bad_json = tmp_path / "tom.pdf", tmp_path / "text.pdf", tmp_path / "x.json"
    empty.write_bytes(b"")
    text.write_text("anteckningar")
    bad_json.write_text('{"activities": 3}')
    encrypted = tmp_path / "krypterad.pdf"
    with pikepdf.open(YSTAD) as pdf:
        pdf.save(encrypted, encryption=pikepdf.Encryption(user="hemligt", owner="ägare", R=6))
    cases = [(empty, EmptyFile, "empty"), (text, NotAPDF, "not_pdf"), (bad_json, NotADocument, "not_document"),
             (tmp_path / "saknas.pdf", ReportNotFound, "not_found"), (encrypted, EncryptedPDF, "encrypted")]
    for path, kind, code in cases:
        with pytest.raises(kind) as caught:
            followup.read_report(path)
        error = caught.value
        assert isinstance(error, ReportRejected) and error.code == code and error.path == path
        assert "--" not in str(error) and str(error).startswith(f"{path}: ")
    with pytest.raises(EncryptedPDF) as caught:
        followup.read_report(encrypted)
    assert caught.value.setting == "password"
    assert followup.read_report(encrypted, password="hemligt").activities
    with pytest.raises(InvalidSetting):
        followup.read_report(YSTAD, period="mars 2024")
    with pytest.raises(ValueError):  # InvalidSetting is a ValueError too
        followup.read_report(YSTAD, vocabulary=[empty.with_suffix(".toml")])


def test_to_dataframe_has_a_typed_row_per_activity(sample_documents):
    document = sample_documents["ystad-2024-03"]
    frame = document.to_dataframe()
    assert len(frame) == len(document.activities)
    assert list(frame["id"]) == [a.id for a in document.activities]
    assert frame["status"].dtype == "category" and set(frame["status"].cat.categories) == {"done", "in_progress", "delayed"}
    assert frame["goal"].dtype == "string" and frame["highlighted"].dtype == bool
    assert pd.api.types.is_datetime64_any_dtype(frame["deadline_first_day"])
    for row, activity in zip(frame.itertuples(), document.activities, strict=True):
        value = activity.new_deadline
        if value is not None and value.span is not None:
            assert row.new_deadline_first_day.date() == value.first_day
            assert row.new_deadline_last_day.date() == value.last_day
    # "2024-" is the whole of 2024
    whole_year = frame[frame["new_deadline"] == "2024-"]
    assert not whole_year.empty
    assert (whole_year["new_deadline_last_day"] - whole_year["new_deadline_first_day"]).dt.days.eq(365).all()


def test_roles_dataframe_is_a_long_table_of_roles_and_units(sample_documents):
    document = sample_documents["ystad-2024-03"]
    roles = document.roles_dataframe()
    assert list(roles.columns) == ["activity_id", "role", "unit", "relation"]
    expected_roles = sum(len(a.responsible.roles) for a in document.activities if a.responsible)
    assert roles["role"].notna().sum() == expected_roles
    for activity in document.activities:
        assert set(activity.units) <= set(roles.loc[roles["activity_id"] == activity.id, "unit"].dropna())


def test_read_reports_yields_every_input_in_order_with_failures_as_values(tmp_path, sample_documents):
    broken = tmp_path / "trasig.pdf"
    broken.write_text("inte en pdf")
    paths = [ROOT / "samples" / "pdf" / "ystad-2024-09.pdf", broken, YSTAD]
    for jobs in (1, 2):
        results = list(followup.read_reports(paths, jobs=jobs))
        assert [r.path for r in results] == paths
        assert [r.ok for r in results] == [True, False, True]
        assert isinstance(results[1].error, NotAPDF) and results[1].document is None
        assert results[2].document.activities == sample_documents["ystad-2024-03"].activities


def test_diff_of_two_paths_or_documents(sample_documents, sample_json_dir):
    old, new = sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"]
    result = followup.diff(sample_json_dir / "ystad-2024-09.json", old)
    assert isinstance(result, Diff) and result.old.period == "2024-03" and result.new.file == "ystad-2024-09.json"
    frame = result.to_dataframe()
    assert len(frame) == len(result.activities)
    assert list(frame["change"].astype(str)) == [c.change for c in result.activities]
    paired = frame[frame["change"].isin(["changed", "unchanged"])]
    assert paired["old_id"].notna().all() and paired["new_id"].notna().all()
    assert frame["slip_days"].dtype == "Int64"
    assert followup.diff(old, new).summary == result.summary


def test_diff_warns_when_the_reports_share_almost_no_activities(sample_documents):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        followup.diff(sample_documents["ystad-2024-03"], sample_documents["medicin-web-2024-05"])
        followup.diff(sample_documents["ystad-2024-03"], sample_documents["ystad-2024-09"])
    assert [w.category for w in caught] == [followup.UnrelatedReportsWarning]
    assert "may be different reports" in str(caught[0].message)
