"""Where followup's extraction spends its time: cProfile's top functions by cumulative time."""
from __future__ import annotations

import cProfile
import pstats
from pathlib import Path

# Functions shown from the project's stages only; read_pages' share is the page reader's parse under it.
OWN_CODE = ("/extract/", "/normalize/", "/followup/", "/schemas/", "/compare/")


def top_costs(pdf: Path, limit: int = 15) -> list[dict[str, object]]:
    """The `limit` costliest functions (cumulative seconds, share of the whole extraction)."""
    from followup.pipeline import extract_document

    extract_document(pdf)  # warm: imports and vocabulary are start-up, not extraction
    profiler = cProfile.Profile()
    profiler.enable()
    extract_document(pdf)
    profiler.disable()
    stats = pstats.Stats(profiler)
    total = max(entry[3] for entry in stats.stats.values())  # type: ignore[attr-defined]
    rows = []
    for (file, line, name), (_, calls, own, cumulative, _) in stats.stats.items():  # type: ignore[attr-defined]
        if "site-packages" in file or not any(part in file for part in OWN_CODE):
            continue
        where = file.split("site-packages/")[-1] if "site-packages/" in file else "/".join(Path(file).parts[-2:])
        rows.append({"function": f"{where}:{line}({name})", "calls": calls, "own_s": own, "cumulative_s": cumulative,
                     "share": cumulative / total})
    rows.sort(key=lambda row: row["cumulative_s"], reverse=True)
    return rows[:limit]
