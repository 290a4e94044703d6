"""The benchmark's table as printed (Markdown, so the README can show it as is) and results.json."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

README_HEAD = """# Benchmark (`make bench`)

followup against the floor (bare pdfplumber parsing of the same pages) and against generic table
extractors, on the same PDFs in one run; each page reader (`--reader`) against the floor of the
parser it runs on (bench/floors.py: pdfplumber's `page.objects`, pdfminer.six into a null device,
pypdfium2 reading character boxes and colours and path bounds and colours). `make bench` installs the alternatives into the venv
(the `bench` extra) and writes `bench/results.json`; this file is rewritten by each run.

How it measures: seconds per page are medians of repeated runs (after a warm-up, so imports and
the vocabulary load count once, in start-up); peak memory is the resident set of a fresh process
extracting the report. Cell accuracy: every text cell of every gold activity (area, goal, action,
deadline, responsible, follow-up, new deadline; status is a colour, so no generic extractor gives
it and followup's status is counted apart), each gold activity against the tool's row that gets
most of its cells right; a generic extractor's columns are mapped to ours by the best assignment
against the gold. "exact" compares with whitespace collapsed; "lenient" with all whitespace and
hyphens removed, so line breaks and hyphenation left in place by a tool are not held against it.
The long report is the samples and the shared example concatenated (whole reports, in turn).
Readers and floors are timed in turns (a warm-up each, then every one once per round), so that
the machine's drift falls on all alike; "× today's time" is against the pdfplumber reader, what
followup read pages with before the lean readers.
"""


def _f(value: float, digits: int = 3) -> str:
    return f"{value:.{digits}f}"


def _pct(value: float) -> str:
    return f"{100 * value:.1f} %"


def render(results: dict[str, Any]) -> str:
    """The Markdown tables of one benchmark run."""
    m = results["machine"]
    corpus = results["corpus"]
    out = [f"Machine: {m['cores']} cores, {m['cpu']}, {m['ram_gb']} GB RAM, {m['os']}, Python {m['python']}; "
           f"{results['followup_version']}; {results['date']}.", ""]

    out += [f"**Same PDFs, all tools** — {corpus['sample_reports']} reports, {corpus['sample_pages']} pages, "
            f"{results['accuracy_cells']} gold cells:", "",
            "| tool | s/page | × followup's time | cells exact | cells lenient |", "|---|---:|---:|---:|---:|"]
    base = results["tools"][0]["s_per_page"]
    for tool in results["tools"]:
        if tool.get("unavailable"):
            out.append(f"| {tool['name']} | not available: {tool['unavailable']} | | | |")
            continue
        exact = _pct(tool["exact"]) if "exact" in tool else "—"
        lenient = _pct(tool["lenient"]) if "lenient" in tool else "—"
        out.append(f"| {tool['name']} | {_f(tool['s_per_page'])} | {tool['s_per_page'] / base:.2f} | {exact} | {lenient} |")
    status = results["followup_status"]
    out += ["", f"followup's status (from colour): {status['correct']}/{status['total']} right.", ""]

    long, memory = results["long_report"], results["memory"]
    identical = results["identical_json"]
    out += [f"**Page readers** (`--reader`; default `{long['default_reader']}`) against the floors of their "
            f"parsers, in turns — long report, {long['reports']} reports, {long['pages']} pages:", ""]
    out += _reader_table(long["readers"], identical)
    out += [f"Peak memory, followup extract of a {memory['pages']}-page report in a fresh process "
            f"({long['default_reader']} reader): {memory['peak_rss_mb']:.0f} MB "
            f"({_f(memory['seconds'] / memory['pages'])} s/page).", "",
            f"The same on the samples ({corpus['sample_reports']} reports, {corpus['sample_pages']} pages):", ""]
    out += _reader_table(results["sample_readers"], identical)

    batch = results["batch"]
    out += [f"**`followup batch`** — {batch['files']} files, {batch['pages']} pages:", "",
            "| jobs | seconds | pages/s | speed-up |", "|---|---:|---:|---:|"]
    for run in batch["runs"]:
        out.append(f"| {run['jobs']} | {_f(run['seconds'], 2)} | {run['pages_per_s']:.1f} | {run['speedup']:.2f}× |")
    out += ["", f"The machine's own ceiling: {batch['machine_ceiling']:.2f}× for {m['cores']} CPU-bound Python processes "
            "over one (the most any batch can reach here)."]

    diff = results["diff"]
    out += ["", f"**`followup diff`** of two {diff['activities']}-activity documents ({diff['summary_text']}): "
            f"{_f(diff['in_process_s'])} s in process, {_f(diff['command_s'])} s as a command (start-up included).",
            "", f"**Start-up** of `followup extract` (imports and vocabulary load, fresh interpreter): "
            f"{_f(results['startup_s'])} s. Whole commands in fresh processes (medians; CPU = user + system):", "",
            "| command | CPU s | wall s |", "|---|---:|---:|"]
    for name, label in (("help", "`followup --help`"), ("extract_one_page", "`followup extract` of a one-page report")):
        figures = results["commands"][name]
        out.append(f"| {label} | {_f(figures['cpu_s'])} | {_f(figures['wall_s'])} |")
    out += ["", "**`followup diff` scaling** (`bench/diff_scaling.py`, each case in a fresh process):", "",
            diff_scaling_table(results["diff_scaling"]), ""]

    out += ["**Targets:**", "", "| target | measured | met |", "|---|---:|:---:|"]
    for target in results["targets"]:
        out.append(f"| {target['target']} | {target['measured']} | {'yes' if target['met'] else '**no**'} |")

    out += ["", f"**Profile** of followup extract ({results['profile_pages']} pages, cProfile, cumulative):", "",
            "| function | calls | own s | cumulative s | share |", "|---|---:|---:|---:|---:|"]
    for row in results["profile"]:
        out.append(f"| `{row['function']}` | {row['calls']} | {_f(row['own_s'])} | {_f(row['cumulative_s'])} | "
                   f"{_pct(row['share'])} |")
    return "\n".join(out) + "\n"


def _reader_table(rows: list[dict[str, Any]], identical: dict[str, bool]) -> list[str]:
    """One row per reader and per floor: s/page (wall and CPU), × today's time (pdfplumber reader), × its parser's floor."""
    out = ["| | s/page | CPU s/page | pages/s | × today's time | × its floor | JSON as pdfplumber's |",
           "|---|---:|---:|---:|---:|---:|:---:|"]
    for row in rows:
        floor = f"{row['x_floor']:.2f}" if "x_floor" in row else ""
        same = ("byte-identical" if identical[row["reader"]] else "**differs**") if "reader" in row else ""
        out.append(f"| {row['name']} | {_f(row['s_per_page'])} | {_f(row.get('cpu_s_per_page', float('nan')))} | "
                   f"{1 / row['s_per_page']:.1f} | {row['x_today']:.2f} | {floor} | {same} |")
    return out + [""]


def diff_scaling_table(rows: list[dict[str, Any]]) -> str:
    """bench/diff_scaling.py's table: seconds and peak memory per size and case."""
    from bench.diff_scaling import render as render_scaling

    return render_scaling(rows)


def write_results(results: dict[str, Any], table: str, folder: Path) -> None:
    """bench/results.json (every figure and run) and bench/README.md (the printed table)."""
    (folder / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=2, default=str) + "\n",
                                         encoding="utf-8")
    (folder / "README.md").write_text(README_HEAD + "\n" + table, encoding="utf-8")
