"""The version goes up with each change of behaviour, and CHANGELOG.md says what changed in it."""
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_changelog_has_an_entry_for_the_current_version() -> None:
    version = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    headings = [line for line in (ROOT / "CHANGELOG.md").read_text("utf-8").splitlines() if line.startswith("## ")]
    assert headings, "CHANGELOG.md has no version headings"
    assert headings[0].split()[1] == version, f"the newest CHANGELOG entry is {headings[0]!r}, the version {version}"
