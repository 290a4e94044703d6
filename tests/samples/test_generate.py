"""`make samples`: a producer failing halfway leaves every committed PDF as it was."""
from pathlib import Path

import pytest

from samples import generate


def test_a_failed_render_moves_no_pdf_into_place(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = tmp_path / "pdf"
    committed.mkdir()
    (committed / "ystad-2024-03.pdf").write_bytes(b"committed")
    names = sorted(generate.load_all())[:2]

    def render(report, folder: Path) -> Path:
        if report.name == names[1]:
            raise RuntimeError("the producer crashed")
        target = folder / report.pdf_name
        target.write_bytes(b"new")
        return target

    monkeypatch.setattr(generate, "PDF", committed)
    monkeypatch.setattr(generate, "SAMPLES", tmp_path)
    monkeypatch.setattr(generate, "render", render)
    monkeypatch.setattr(generate, "write_expected", lambda reports: pytest.fail("expected files written"))
    with pytest.raises(RuntimeError):
        generate.main(names)
    assert sorted(p.name for p in committed.iterdir()) == ["ystad-2024-03.pdf"]
    assert (committed / "ystad-2024-03.pdf").read_bytes() == b"committed"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".rendering")] == []


def test_a_successful_render_replaces_the_pdfs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    committed = tmp_path / "pdf"
    names = sorted(generate.load_all())[:2]

    def render(report, folder: Path) -> Path:
        target = folder / report.pdf_name
        target.write_bytes(report.name.encode())
        return target

    written: list[int] = []
    monkeypatch.setattr(generate, "PDF", committed)
    monkeypatch.setattr(generate, "SAMPLES", tmp_path)
    monkeypatch.setattr(generate, "render", render)
    monkeypatch.setattr(generate, "write_expected", lambda reports: written.append(len(reports)))
    assert generate.main(names) == 0
    reports = generate.load_all()
    assert {p.name: p.read_bytes() for p in committed.iterdir()} == {
        reports[name].pdf_name: name.encode() for name in names}
    assert written
