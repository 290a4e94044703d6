"""Where the CLI tests find things, and running followup as a user does: in a process of its own."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The report the CLI tests hand over as a user would: a committed sample (the repository stands alone).
EXAMPLE_PDF = ROOT / "samples" / "pdf" / "ystad-2024-03.pdf"


def run_followup(*arguments: object, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    """The followup command in a process of its own; text output."""
    return subprocess.run([sys.executable, "-m", "followup.cli", *map(str, arguments)], cwd=cwd,
                          capture_output=True, text=True, timeout=300)
