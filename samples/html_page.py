"""What the two web-page producers (WeasyPrint, Chromium) share beyond the table: the status marker
a layout asks for, the legend's markers, the page size and the stylesheet a layout adds."""
from __future__ import annotations

from html import escape

from samples.layout import (
    FONTS,
    GROUP_FILL,
    HEADER_TEXT_COLOUR,
    STATUS_ORDER,
    ZEBRA_FILL,
    Layout,
    Palette,
    contrast_text,
)
from samples.status_icons import icon_data_uri, icon_shape

# Added to a producer's stylesheet only when a layout departs from the producer's own look.
LAYOUT_STYLE = """
.swatch { display: inline-block; width: 4.5mm; height: 3mm; vertical-align: middle; }
.dot { display: inline-block; width: 3.2mm; height: 3.2mm; border-radius: 50%%; margin-top: 0.3mm; }
.dot.empty { box-sizing: border-box; border: 0.6pt solid #808080; }
.glyph { font-size: 13pt; line-height: 1; }
img.icon { width: 3.4mm; height: 3.4mm; vertical-align: middle; }
.label { display: inline-block; padding: 0.3mm 1.2mm; border-radius: 1mm; font-size: 0.92em; }
tr.zebra:not(.highlighted) td { background: #%(zebra)s; }
h3.area { font-size: 9pt; font-weight: bold; margin: 3.5mm 0 1.2mm 0; }
tr.head { break-inside: avoid; break-after: avoid; }
tr.group td { background: #%(group)s; font-weight: bold; padding-top: 1.2mm; padding-bottom: 1.2mm; }
%(header)s
%(row_break)s
%(table_layout)s
%(rules)s
%(font)s
%(rotated)s
%(grid)s
"""
DARK_HEADER = "table.activities th { background: #%s; color: #%s; padding-left: 1mm; }"
# A header cell whose text runs bottom to top: a tall cell, the text turned a quarter about the
# start of its zero-width box, so it rises from the cell's foot (a table's <th> or a grid's header <div>).
ROTATED_HEADER = ("table.activities th.rotated { height: 26mm; vertical-align: bottom; } "
                  "table.activities th.rotated div { width: 0; white-space: nowrap; "
                  "transform: translate(1.2em, 0) rotate(-90deg); transform-origin: 0 100%; } "
                  ".activities-grid .grid-head > div.rotated { height: 26mm; display: flex; "
                  "align-items: flex-end; } "
                  ".activities-grid .grid-head > div.rotated div { width: 0; white-space: nowrap; "
                  "transform: translate(1.2em, 0) rotate(-90deg); transform-origin: 0 100%; }")
# A planning system's grid of <div>s: each header cell filled, a gap between them, a rule under each row,
# the status as a pill; rows as highlighted or striped as the table's. The header row is kept whole
# and with the first row under it, as a table's header row is; its words break as the rows' do, so a
# long heading in a narrow column does not run into the next one.
GRID_STYLE = (
    ".activities-grid .grid-head, .activities-grid .grid-row { display: grid; column-gap: 0.8mm; } "
    ".activities-grid .grid-head { break-inside: avoid; break-after: avoid; } "
    ".activities-grid .grid-head > div { background: #DDE4EE; font-weight: bold; padding: 1.2mm 1mm; "
    "hyphens: auto; overflow-wrap: anywhere; } "
    ".activities-grid .grid-row { border-bottom: 0.6pt solid #C5CCD6; } "
    ".activities-grid .grid-row > div { padding: 1.2mm 1mm; hyphens: auto; overflow-wrap: anywhere; } "
    ".activities-grid .grid-row.highlighted { background: #FFF2A8; } "
    ".activities-grid .grid-row.zebra:not(.highlighted) { background: #%(zebra)s; } "
    ".activities-grid .grid-group { background: #%(group)s; font-weight: bold; padding: 1.2mm 1mm; "
    "margin-top: 1mm; } "
    ".activities-grid .label { border-radius: 2mm; padding: 0.3mm 1.8mm; }")
# The rules a layout asks for, over the producer's own.
RULE_STYLES = {
    "grid": "table.activities th, table.activities td { border: 0.5pt solid #7f7f7f; "
            "padding-left: 1mm; }",
    "horizontal": "table.activities th, table.activities td { border: none; "
                  "border-bottom: 0.5pt solid #9aa5b1; padding-left: 1mm; }",
    "none": "table.activities th, table.activities td { border: none; }",
}
FONT_STYLE = 'body { font-family: "%s", serif; }'
AVOID_BREAK = "table.activities tr { break-inside: avoid; }"
# Columns at least as wide as their longest word: what a browser does when it cannot hyphenate.
AUTO_TABLE = "table.activities { table-layout: auto; }"


def page_size(layout: Layout, default: str) -> str:
    """The CSS @page size: the layout's own page, its orientation on A4, or the producer's."""
    if layout.page_mm is not None:
        width, height = layout.page_mm
        return f"{width:g}mm {height:g}mm"
    if layout.orientation is not None:
        return "A4 portrait" if layout.orientation == "portrait" else "A4 landscape"
    return default


def page_margin(layout: Layout, default: str) -> str:
    """The CSS @page margin (top right bottom left)."""
    if layout.margins_mm is None:
        return default
    return " ".join(f"{m:g}mm" for m in layout.margins_mm)


def layout_style(layout: Layout, *, hyphenates: bool = True) -> str:
    """The stylesheet a layout adds to the producer's ('' for the producer's own layout).

    A producer that cannot hyphenate sizes the columns by their content, so no long word runs
    into the next column.
    """
    if layout.is_default:
        return ""
    header = DARK_HEADER % (layout.header_fill, HEADER_TEXT_COLOUR) if layout.header_fill else ""
    return LAYOUT_STYLE % {"zebra": ZEBRA_FILL, "group": GROUP_FILL, "header": header,
                           "row_break": AVOID_BREAK if layout.row_break == "avoid" else "",
                           "table_layout": "" if hyphenates else AUTO_TABLE,
                           "rules": RULE_STYLES[layout.rules] if layout.rules else "",
                           "font": FONT_STYLE % FONTS[layout.font] if layout.font else "",
                           "rotated": ROTATED_HEADER if layout.rotated_headers else "",
                           "grid": GRID_STYLE % {"zebra": ZEBRA_FILL, "group": GROUP_FILL}
                           if layout.markup == "grid" else ""}


def marker_html(style: str, colour: str | None, word: str, status: str = "", icon_set: str = "symbols") -> str:
    """What a status looks like in a cell or in the legend, for every style but cell shading (an icon is
    the status's shape in its colour, an <img> of a PNG)."""
    if style == "icon":
        if colour is None:
            return ""
        return f'<img class="icon" alt="" src="{icon_data_uri(icon_shape(status, icon_set), colour)}">'
    if style == "dot":
        if colour is None:
            return '<span class="dot empty"></span>'
        return f'<span class="dot" style="background: #{colour}"></span>'
    if style == "glyph":
        return f'<span class="glyph" style="color: #{colour}">\u25cf</span>' if colour else ""
    if style == "label":
        if colour is None:
            return f'<span class="label">{escape(word)}</span>'
        return (f'<span class="label" style="background: #{colour}; color: #{contrast_text(colour)}">'
                f"{escape(word)}</span>")
    if style == "fill":
        return f'<span class="swatch" style="background: #{colour}"></span>' if colour else ""
    return escape(word)


def status_cell_html(layout: Layout, style: str, colours: Palette, status: str) -> str:
    """The whole status cell of one row."""
    colour = colours.colour(status)
    if style == "fill":
        shade = f' style="background: #{colour}"' if colour else ""
        return f'<td class="status"{shade}></td>'
    return f'<td class="status">{marker_html(style, colour, layout.status_word(status), status, layout.icons)}</td>'


def legend_entries(layout: Layout, style: str, colours: Palette) -> list[tuple[str, str]]:
    """(marker HTML, label) for each status the legend explains; none when there is no legend."""
    if not layout.legend or style == "words":
        return []
    entries = []
    for status in STATUS_ORDER:
        if status not in dict(colours.labels):
            continue
        if status == "not_started" and colours.colour(status) is None:
            continue
        # A legend explains a label's colour with a swatch; repeating the word beside it says nothing.
        marker_style = "fill" if style == "label" else style
        word = layout.status_word(status)
        entries.append((marker_html(marker_style, colours.colour(status), word, status, layout.icons),
                        colours.label(status)))
    return entries
