"""The report's charts as inline SVG, drawn by matplotlib (no script, no network, prints sharp).

Every bar carries an id ("bar-…") so that a test, or a reader's tool, can count the marks; every
bar also has a pattern and a printed number, so nothing is told by colour alone.
"""
from __future__ import annotations

import io
import re
import textwrap
from collections.abc import Mapping, Sequence
from html import escape
from typing import TYPE_CHECKING, Any

import matplotlib

matplotlib.use("svg")  # no display, no GUI toolkit: the report is made on servers too

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402
from matplotlib.ticker import MaxNLocator  # noqa: E402

from followup.meeting_report.content import Delayed, ResponsibleMoves  # noqa: E402

if TYPE_CHECKING:
    from matplotlib.typing import RcKeyType
from followup.meeting_report.labels import StatusStyle  # noqa: E402

# Inches: an A4 page minus margins is about 7 inches wide; per-period and per-row sizes keep bars readable.
PAGE_WIDTH_IN = 7.0
BAR_ROW_HEIGHT_IN = 0.32
MIN_CHART_HEIGHT_IN = 1.6
# Labels of horizontal bars are wrapped at this many characters, and cut after two lines.
LABEL_WRAP = 46
FONT_SIZE = 8.5

_STYLE: dict[RcKeyType, Any] = {
    "svg.fonttype": "none",  # text stays text: selectable, searchable, read by screen readers
    "svg.hashsalt": "followup",  # deterministic ids: the same data gives the same SVG
    "font.size": FONT_SIZE,
    "font.family": "sans-serif",
    "hatch.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
}


def _svg(figure: plt.Figure, title: str) -> str:
    """The figure as an <svg> element with an accessible name (no XML prologue)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None}, bbox_inches="tight")
    plt.close(figure)
    svg = buffer.getvalue()
    svg = svg[svg.index("<svg"):]
    # The RDF metadata block names a creator and licence vocabularies; the report needs neither.
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.DOTALL)
    return re.sub(r"<svg\b([^>]*)>", lambda m: f'<svg role="img" aria-label="{escape(title)}"{m.group(1)}>'
                  f"<title>{escape(title)}</title>", svg, count=1)


def _wrapped(label: str) -> str:
    lines = textwrap.wrap(label, LABEL_WRAP) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: LABEL_WRAP - 1] + "…"]
    return "\n".join(lines)


def status_chart(counts: Sequence[Mapping[str, Any]], styles: dict[str, StatusStyle], title: str) -> str:
    """Stacked bars: activities per status, one bar per period, the count printed in each segment."""
    periods = [str(c["period"]) for c in counts]
    with plt.rc_context(_STYLE):
        width = min(PAGE_WIDTH_IN, max(3.0, 1.0 + 0.55 * len(periods)))
        figure, axes = plt.subplots(figsize=(width, 2.8))
        bottoms = [0] * len(periods)
        shown = [s for s in styles if s != "unknown" or any(c["unknown"] for c in counts)]
        for status in shown:
            style = styles[status]
            for index, count in enumerate(counts):
                value = int(count[status])
                if value == 0:
                    continue
                bar = axes.bar(index, value, bottom=bottoms[index], width=0.7, color=style.colour,
                               hatch=style.hatch, edgecolor="#333333", linewidth=0.5)[0]
                bar.set_gid(f"bar-{status}-{periods[index]}")
                axes.text(index, bottoms[index] + value / 2, str(value), ha="center", va="center",
                          color=style.text_colour, fontsize=FONT_SIZE - 0.5,
                          bbox={"boxstyle": "round,pad=0.15", "facecolor": style.colour, "edgecolor": "none"})
                bottoms[index] += value
        axes.set_xticks(range(len(periods)), periods, rotation=45 if len(periods) > 8 else 0,
                        ha="right" if len(periods) > 8 else "center")
        axes.set_ylabel("aktiviteter")
        axes.legend(handles=[Patch(facecolor=styles[s].colour, hatch=styles[s].hatch, edgecolor="#333333",
                                   label=styles[s].label) for s in shown],
                    loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
        return _svg(figure, title)


def delayed_chart(delayed: Sequence[Delayed], styles: dict[str, StatusStyle], title: str) -> str:
    """Horizontal bars: days past the first deadline, longest on top, the number printed at the end."""
    with plt.rc_context(_STYLE):
        height = max(MIN_CHART_HEIGHT_IN, BAR_ROW_HEIGHT_IN * 1.6 * len(delayed) + 0.6)
        figure, axes = plt.subplots(figsize=(PAGE_WIDTH_IN, height))
        for row, item in enumerate(delayed):
            style = styles[item.activity.status or "unknown"]
            bar = axes.barh(row, item.days, color=style.colour, hatch=style.hatch, edgecolor="#333333",
                            linewidth=0.5, height=0.6)[0]
            bar.set_gid(f"bar-delayed-{row}")
            axes.text(item.days, row, f" {item.days} d", va="center", ha="left")
        axes.set_yticks(range(len(delayed)), [_wrapped(d.activity.label) for d in delayed])
        axes.invert_yaxis()
        axes.set_xlabel("dagar efter första tidsgränsen")
        axes.margins(x=0.12)
        return _svg(figure, title)


def moves_chart(responsibles: Sequence[ResponsibleMoves], title: str) -> str:
    """Horizontal bars: how many times each responsible's deadlines moved."""
    with plt.rc_context(_STYLE):
        height = max(MIN_CHART_HEIGHT_IN, BAR_ROW_HEIGHT_IN * 1.3 * len(responsibles) + 0.6)
        figure, axes = plt.subplots(figsize=(PAGE_WIDTH_IN, height))
        for row, item in enumerate(responsibles):
            bar = axes.barh(row, item.moves, color="#90a4ae", edgecolor="#333333", linewidth=0.5, height=0.6)[0]
            bar.set_gid(f"bar-moves-{row}")
            axes.text(item.moves, row, f" {item.moves} ({item.total_days:+d} d)", va="center", ha="left")
        axes.set_yticks(range(len(responsibles)), [_wrapped(r.responsible) for r in responsibles])
        axes.invert_yaxis()
        axes.set_xlabel("flyttade tidsgränser")
        locator = axes.xaxis.get_major_locator()
        if isinstance(locator, MaxNLocator):  # the default AutoLocator is one
            locator.set_params(integer=True)
        axes.margins(x=0.2)
        return _svg(figure, title)
