"""The layout shows the architecture: the stages never import the application layer (CLI, batch, rendering)."""
import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STAGES = ("extract", "normalize", "schemas", "compare")


def _imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _is_application(module: str) -> bool:
    """followup.* other than the stages themselves (installed as followup.extract, …)."""
    parts = module.split(".")
    return parts[0] == "followup" and (len(parts) == 1 or parts[1] not in STAGES)


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_nothing_of_the_application_layer(stage: str) -> None:
    offending = {
        f"{path.relative_to(ROOT)}: {module}"
        for path in sorted((ROOT / stage).rglob("*.py"))
        for module in _imported_modules(path)
        if _is_application(module)
    }
    assert not offending


def test_an_analysts_own_modules_named_like_the_stages_shadow_nothing(tmp_path: Path) -> None:
    import subprocess
    import sys

    for stage in STAGES:
        (tmp_path / f"{stage}.py").write_text(f"raise SystemExit('the analyst\'s own {stage}.py was imported')\n")
    sample = ROOT / "samples" / "pdf"
    probe = ("import followup\n"
             f"changes = followup.diff({str(sample / 'ystad-2024-03.pdf')!r}, {str(sample / 'ystad-2024-09.pdf')!r})\n"
             "print(changes.summary.changed)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 0
