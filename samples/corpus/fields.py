"""The fields a corpus gold activity is compared on, read the same way from gold and extraction.

The getters follow /work/shared/checks/score_extract.py (section, area, goal, action, deadline
text and ISO day, responsible text, status, follow-up, new-deadline text, highlighted), plus
`extra`: the columns followup has no field for, printed header → cell text.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher
from typing import Any

# Rows pair up when their area, goal and action text are at least this similar (score_extract.py).
PAIRING_SIMILARITY = 0.5


def norm(value: Any) -> Any:
    """Whitespace collapsed; empty text is None; booleans and mappings compared as they are."""
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, dict):
        return {norm(k): norm(v) or "" for k, v in value.items()}
    text = re.sub(r"\s+", " ", str(value)).strip()
    return text or None


def _text(name: str) -> Callable[[dict], Any]:
    return lambda a: (a.get(name) or {}).get("text")


# (field, getter of the gold activity, getter of the extracted activity)
FIELDS: tuple[tuple[str, Callable[[dict], Any], Callable[[dict], Any]], ...] = (
    ("section", lambda g: g["section"], lambda a: a.get("section")),
    ("area", lambda g: g["area"], lambda a: a.get("area")),
    ("goal", lambda g: g["goal"], lambda a: a.get("goal")),
    ("action", lambda g: g["action"], lambda a: a.get("action")),
    ("deadline_raw", lambda g: g["deadline_raw"], _text("deadline")),
    ("deadline", lambda g: g["deadline"], lambda a: (a.get("deadline") or {}).get("date")),
    ("responsible", lambda g: g["responsible"], _text("responsible")),
    ("status", lambda g: g["status"], lambda a: a.get("status")),
    ("follow_up", lambda g: g["follow_up"], lambda a: a.get("follow_up")),
    ("new_deadline_raw", lambda g: g["new_deadline_raw"], _text("new_deadline")),
    ("highlighted", lambda g: bool(g["highlighted"]), lambda a: bool(a.get("highlighted"))),
    ("extra", lambda g: g.get("extra") or {}, lambda a: a.get("extra") or {}),
)


# Text fields whose line breaks followup repairs the Swedish way (normalize/linebreaks.py). The area
# is repaired too, but every variant reads it exactly, so the corpus holds it to that.
REPAIRED_TEXT_FIELDS = ("goal", "action", "responsible", "follow_up")
_TRIPLE_LETTER = re.compile(r"(\w)\1\1")


def spelled_alike(text: Any) -> Any:
    """Text as compared when only line-end hyphenation may differ: no whitespace, no hyphens, and a
    tripled letter written twice ("stresssyndrom" / "stressyndrom": Swedish allows both)."""
    if not isinstance(text, str):
        return text
    return _TRIPLE_LETTER.sub(r"\1\1", re.sub(r"[\s\-‐]+", "", text))


def differences(gold: dict, extracted: dict, *, hyphenation_aside: bool = False) -> list[tuple[str, Any, Any]]:
    """(field, wanted, got) for every field of one activity that differs.

    With `hyphenation_aside`, the repaired text fields are compared `spelled_alike`: whether a hyphen
    at a line end is the author's or the producer's ("Verksamhets-" + "chef"), and whether a word a
    spreadsheet cut at its cell's edge ("informationssäkerhets" + "klassning") is one word, is the
    line-break repair's question, measured on its own (README, "Line-break repair").
    """
    result = []
    for name, want_of, got_of in FIELDS:
        want, got = norm(want_of(gold)), norm(got_of(extracted))
        if hyphenation_aside and name in REPAIRED_TEXT_FIELDS:
            if spelled_alike(want) != spelled_alike(got):
                result.append((name, want, got))
        elif want != got:
            result.append((name, want, got))
    return result


def _pair_key(activity: dict) -> str:
    parts = (norm(activity.get(name)) for name in ("area", "goal", "action"))
    return " ".join(p for p in parts if p)


def pair(gold: list[dict], extracted: list[dict]) -> dict[int, int]:
    """Greedy one-to-one pairing of gold and extracted rows of the same section by similarity."""
    candidates = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(extracted):
            if g["section"] != p.get("section"):
                continue
            ratio = SequenceMatcher(None, _pair_key(g), _pair_key(p), autojunk=False).ratio()
            if ratio >= PAIRING_SIMILARITY:
                candidates.append((ratio, gi, pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for _, gi, pi in sorted(candidates, reverse=True):
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs
