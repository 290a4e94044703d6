"""`followup --help` starts fast: the command tree loads without the heavy libraries (pydantic, pandas,
the PDF readers); the commands import them when they run. Measured in `make bench`; held here by
what is imported, not by a clock."""
import subprocess
import sys

from followup_process import ROOT

HEAVY = ("pydantic", "pandas", "pdfplumber", "pdfminer", "pypdfium2", "numpy", "rapidfuzz")


def test_the_help_loads_none_of_the_heavy_libraries() -> None:
    probe = ("import sys, runpy\nsys.argv = ['followup', '--help']\n"
             "try:\n    runpy.run_module('followup.cli', run_name='__main__')\nexcept SystemExit:\n    pass\n"
             f"print(sorted(m for m in {HEAVY!r} if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "Usage: followup" in result.stdout
    assert result.stderr.strip().splitlines()[-1] == "[]"
