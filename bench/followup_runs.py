"""What followup itself is timed doing, and the floor it is measured against."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bench.timing import Timing, command_seconds, command_times, in_fresh_process, median_seconds
from followup.schemas import Document

FOLLOWUP = Path(sys.executable).with_name("followup")
# followup's own packages, as `pip install -e .` maps them (pyproject's [tool.setuptools.package-dir]).
SOURCE_PACKAGES = ("followup", "extract", "normalize", "schemas", "compare")


def compile_bytecode(root: Path) -> None:
    """Write the bytecode of followup's own modules, as pip does when it installs a package.

    An editable install leaves the sources uncompiled, and with PYTHONDONTWRITEBYTECODE set (as on
    this machine) every command would compile some fifty modules again: about 0.15 s that no
    installed followup spends. compileall writes the files whatever that variable says.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", *SOURCE_PACKAGES], cwd=root, check=True,
                   stdout=subprocess.DEVNULL)


def followup_extract(pdf: Path, reader: str | None = None) -> Document:
    """followup's whole extraction of one report, in process (as the batch workers run it); `reader`: the page reader."""
    from followup.pipeline import extract_document

    return extract_document(pdf, reader=reader)


def bare_parse(pdf: Path) -> int:
    """The floor: pdfplumber opening every page and reading its chars, rects, lines and curves.

    Nothing else is done with them; no tool built on pdfplumber can read a page faster.
    """
    import pdfplumber

    objects = 0
    with pdfplumber.open(pdf) as document:
        for page in document.pages:
            objects += len(page.chars) + len(page.rects) + len(page.lines) + len(page.curves)
            page.close()
    return objects


def startup_seconds(root: Path, runs: int = 3) -> Timing:
    """What `followup extract` spends before it reads the PDF: imports and the vocabulary load.

    Each run is a fresh interpreter; the interpreter's own start is not counted.
    """
    compile_bytecode(root)
    code = ("import followup.cli, followup.pipeline, followup.extract.document, followup.normalize.document\n"
            "from followup.normalize.vocabulary import load_vocabulary\nload_vocabulary()")
    seconds = [in_fresh_process(code, root)["seconds"] for _ in range(runs)]
    return Timing(sorted(seconds)[len(seconds) // 2], seconds)


def command_startup(one_page_pdf: Path, workdir: Path, root: Path, runs: int = 3) -> dict[str, Timing]:
    """Whole commands in fresh processes, start-up included: `followup --help` and a one-page `followup extract`.

    Timed as an installed followup runs them: its bytecode written first (compile_bytecode).
    """
    compile_bytecode(root)
    return {"help": command_times([str(FOLLOWUP), "--help"], runs=runs),
            "extract_one_page": command_times([str(FOLLOWUP), "extract", str(one_page_pdf), "-o",
                                               str(workdir / "one-page.json")], runs=runs)}


def peak_memory(pdf: Path, root: Path) -> dict[str, float]:
    """Peak resident memory (MB) and wall time of extracting one report in a fresh process."""
    code = f"from pathlib import Path\nfrom followup.pipeline import extract_document\nextract_document(Path({str(pdf)!r}))"
    return in_fresh_process(code, root)


def batch_seconds(folder: Path, outdir: Path, jobs: int, runs: int = 3) -> Timing:
    """Wall time of `followup batch` over a folder, every input extracted anew."""
    command = [str(FOLLOWUP), "batch", str(folder), "-o", str(outdir), "--jobs", str(jobs), "--force", "--quiet"]
    return command_seconds(command, runs=runs, before=lambda: shutil.rmtree(outdir, ignore_errors=True))


def diff_seconds(old: Document, new: Document, workdir: Path, runs: int = 3) -> dict[str, object]:
    """`compare.diff_documents` in process, and the `followup diff` command on the two JSON files."""
    from followup.compare.api import diff_documents

    in_process = median_seconds(lambda: diff_documents(old, new, old_file="old.json", new_file="new.json"),
                                runs=runs, warmups=1)
    old_json, new_json = workdir / "old.json", workdir / "new.json"
    old_json.write_text(old.model_dump_json(), encoding="utf-8")
    new_json.write_text(new.model_dump_json(), encoding="utf-8")
    command = command_seconds([str(FOLLOWUP), "diff", str(old_json), str(new_json), "-o", str(workdir / "diff.json")],
                              runs=runs)
    summary = diff_documents(old, new, old_file="old.json", new_file="new.json").summary
    return {"in_process": in_process, "command": command, "summary": summary.model_dump()}


def followup_version() -> str:
    return subprocess.run([str(FOLLOWUP), "--version"], capture_output=True, text=True).stdout.strip()
