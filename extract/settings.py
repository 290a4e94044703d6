"""Every geometric and textual tolerance of extract/ in one frozen, validated object.

Distances are in points (pt) unless a field says "line heights" or "font sizes"; shares are of the
thing the description names. The defaults are what followup reads reports with; a caller may pass
other settings to `read_raw_document` (to measure a tolerance, or for an odd producer). Words that
name things (header wording, page-number patterns) are vocabulary and live in `extract/data/`.
"""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


def _tolerance(default: float, why: str, *, le: float | None = None) -> float:
    """A positive tolerance (a distance, a share or a multiple)."""
    return Field(default, gt=0, le=le, description=why)


def _count(default: int, why: str) -> int:
    """A positive whole number (lines, words, entries)."""
    return Field(default, ge=1, description=why)


def _for(default: float, why: str) -> float:
    """Evidence that a row runs on over a page break (a positive weight)."""
    return Field(default, gt=0, description=why)


def _against(default: float, why: str) -> float:
    """Evidence that a row does not run on over a page break (a negative weight)."""
    return Field(default, lt=0, description=why)


class ExtractSettings(BaseModel):
    """The tolerances of extract/, like pdfplumber's TableSettings: frozen, each validated and explained."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    # ---------------------------------------------------------------- shapes (page_content.py, every reader)
    ruling_max_thickness: float = _tolerance(
        2.0, "A ruling is at most this thick (pt); a thicker filled rectangle is shading, not a line.")
    min_rect_ruling_length: float = _tolerance(
        4.0, "A rectangle at most `ruling_max_thickness` thin is a ruling when longer than this (pt): word "
             "processors draw cell borders as hairline rectangles; shorter ones are specks, neither rule nor fill.")
    min_segment_length: float = _tolerance(
        2.0, "A line segment at most `ruling_max_thickness` thin is a ruling when longer than this (pt); a "
             "shorter one is a dot.")
    blank_min_channel: int = Field(
        245, ge=0, le=255, description="A fill whose red, green and blue are all at least this (0–255) is white or near "
                                       "white: the page's background, no shading.")

    # ---------------------------------------------------------------- pictures (readers/pictures.py, every reader)
    picture_max_side: float = _tolerance(
        48.0, "An image drawn at most this wide and high (pt) is read as a picture (a status icon, a legend "
              "swatch); a larger one (a logo, a photo, a scanned page) is left undecoded.")
    picture_max_pixels: int = _count(
        65536, "An image of at most this many pixels (width × height as stored) is decoded; a larger one is left "
               "undecoded, however small it is drawn.")
    picture_min_alpha: int = Field(
        128, ge=1, le=255, description="A pixel of an image at least this opaque (0–255, its soft mask or alpha) counts "
                                       "towards the picture's colour: the transparent ground and the antialiased rim "
                                       "around an icon do not.")
    picture_min_share: float = _tolerance(
        0.02, "A picture has a colour when at least this share of its pixels is opaque, not near white "
              "(`blank_min_channel`) and not grey (`neutral_max_spread`); its colour is their mean.", le=1)

    # ---------------------------------------------------------------- lines and words (text_lines.py)
    line_tolerance: float = _tolerance(
        0.45, "A character whose vertical centre lies within this many font sizes of a line's first character "
              "is on that line: a glyph of another size or a little raised stays on it, the next line (a whole "
              "line height down) does not.")
    word_gap: float = _tolerance(
        0.22, "A gap between two glyphs wider than this many font sizes is a word space, also where no space "
              "character is printed (producers set words apart by position); letter spacing stays below it.")
    paragraph_gap: float = _tolerance(
        0.55, "Lines of a cell further apart than this many line heights (the leading aside) are paragraphs: a "
              "blank line in the cell's text.")

    # ---------------------------------------------------------------- rulings (grid.py, nested.py)
    snap: float = _tolerance(2.0, "Rulings this close (pt) are one line: borders of neighbouring cells are drawn twice.")
    column_coverage: float = _tolerance(
        0.5, "A horizontal rule closes a column when its segments cover this share of it.", le=1)
    ruled_edges_share: float = _tolerance(
        0.5, "A table is ruled there when at least this share of its inner column edges has a vertical rule.", le=1)

    # ---------------------------------------------------------------- cell colours (fills.py)
    neutral_max_spread: int = Field(
        40, ge=0, le=255, description="A glyph whose red, green and blue differ by less than this (0–255) is black, grey or "
                                      "white, the colour of ordinary text: no status marker.")
    shading_share: float = _tolerance(0.4, "A fill covering this share of a cell shades the cell.", le=1)
    marker_share: float = _tolerance(
        0.6, "A filled shape smaller than this share of its cell is a marker (a dot), not shading.", le=1)
    marker_inside: float = _tolerance(
        0.6, "A marker has this share of its area in the cell (a dot on the baseline may stick out).", le=1)

    # ---------------------------------------------------------------- headers (headers.py, page_furniture.py)
    column_gap: float = _tolerance(
        0.9, "Words of one header cell sit closer than this many font sizes; a wider gap is the next column.")
    word_space: float = _tolerance(
        0.45, "Words naming no column join the header cell before them within this many font sizes (a word space).")
    band_gap: float = _tolerance(
        0.5, "A header's wrapped line starts closer than this many line heights to the line before it.")
    turned_header_reach: float = _tolerance(
        12.0, "A line of header text turned a quarter (laid flat at its cell's foot) is the header row's own within "
              "this many line heights below the header's lines set at the cell's top: the length of a long turned header.")
    size_tolerance: float = _tolerance(0.6, "Lines of one wrapped header differ in type size by at most this (pt).")
    max_header_lines: int = _count(3, "A header cell wraps over at most this many lines (\"Sta-\" / \"tus\").")
    header_size_slack: float = _tolerance(
        0.1, "A wrapped header line is at most this much (pt) larger than the header's own type.")
    header_wrap_gap: float = _tolerance(
        0.5, "Lines of a header wrapped upwards stand closer than this many line heights above it.")
    caption_gap: float = _tolerance(
        2.5, "A heading set right above a table's header (bold or larger) stands closer than this many of its line heights.")
    furniture_shift: float = _tolerance(
        2.0, "A page number stands at the same height on every page, give or take this (pt).")

    # ---------------------------------------------------------------- table edges (tables.py)
    ruled_edges_reach: float = _tolerance(
        40.0, "Vertical rules this far (pt) left of a header's first word still bound the table's first column.")
    min_ruled_edges: int = _count(3, "A table is ruled when this many vertical rules cross its header (two borders, one inner).")
    rules_above_header: float = _tolerance(
        30.0, "Horizontal rules are looked for from this far (pt) above a header's text (its top rule).")
    header_pad: float = _tolerance(
        0.4, "Without rules a column starts this many font sizes left of its header's text (the cell's padding).")
    header_rule_reach: float = _tolerance(
        3.0, "Rules within this many font sizes of a header show how far right the table reaches.")
    min_page_margin: float = _tolerance(
        10.0, "Without rules under the header the right margin mirrors the left one, but is at least this (pt).")
    row_rule_share: float = _tolerance(
        0.5, "A horizontal rule across this share of the columns ends a row (a shorter one a merged cell's part).", le=1)
    rule_above_header_lines: float = _tolerance(
        3.0, "A rule less than this many line heights above a header is the header row's top rule.")
    rule_into_header_lines: float = _tolerance(
        0.5, "A word processor sets a header's glyphs up to this many line heights above its top rule.")
    touching_slack: float = _tolerance(
        0.5, "A line whose bottom reaches this far (pt) into the line below still stands above it.")
    limit_clearance: float = _tolerance(
        1.0, "A table stops this far (pt) above the header, heading or text that ends it.")
    rule_clearance: float = _tolerance(
        1.0, "A rule within this distance (pt) of where a header or body starts is that start, not a row's end.")
    cut_margin: float = _tolerance(
        0.5, "Rows are cut this far (pt) outside the text they bound; thinner slivers are no rows.")
    min_row_height: float = _tolerance(2.0, "Two rules closer than this (pt) bound no row (a double border).")
    band_slack: float = _tolerance(1.0, "A line reaching this far (pt) below a band's bottom rule is still inside the band.")
    table_edge_slack: float = _tolerance(
        2.0, "A line keeps to the table when it stays within this (pt) of the table's outer edges.")
    edge_straddle: float = _tolerance(
        1.0, "A word crosses a column edge when it reaches more than this (pt) over both of its sides.")
    glyph_slack: float = _tolerance(0.1, "A glyph belongs to a word when it lies within this (pt) of the word's box.")
    seam_reach: float = _tolerance(
        1.0, "The right part of two touching cells' texts starts within this many font sizes of the edge.")
    min_line_height: float = _tolerance(
        1.0, "Line heights below this (pt) are taken as this, so gaps measured in lines stay finite.")
    min_font_size: float = _tolerance(1.0, "Type sizes below this (pt) are taken as this, so gaps measured in ems stay finite.")

    # ---------------------------------------------------------------- line ends (text_lines.py)
    hyphen_room_slack: float = _tolerance(
        0.01, "A piece of the next line fits at the end of a hyphenated line only with this many font sizes to spare "
        "(producers round glyph widths; the eval PDFs' hyphenation hyphens leave at most 0.006 em short).")

    full_line_cluster: float = _tolerance(
        0.6, "In a table without vertical rules, a column's text edge is a line end with another line ending within "
        "this many font sizes of it (full lines gather at the edge; cut_words.py).")
    cut_word_slack: float = _tolerance(
        0.05, "A line of a ruled cell is full (a word too long for the cell cut at its edge, cut_words.py) when the room "
        "left is less than the next line's first character plus this many font sizes.")

    # ---------------------------------------------------------------- rows and group rows (tables.py)
    headerless_pages: int = _count(
        3, "At most this many pages in a row with a ruled table but no header (a row taller than a page) wait for a "
        "later page's header whose columns share their rules (document.py).")
    trailing_gap_lines: float = _tolerance(
        2.5, "Below the last rule, text closer than this many line heights still belongs to the row (its rule cut off).")
    block_gap: float = _tolerance(
        0.35, "Without rules, a gap wider than this share of a line (beyond the leading) starts a new block in a column.")
    unruled_alignment: float = _tolerance(2.5, "Without rules, blocks starting within this (pt) of each other are level: a row.")
    unruled_table_gap: float = _tolerance(4.0, "Without rules, a gap of this many line heights ends the table.")
    unruled_lone_line_gap: float = _tolerance(
        2.0, "Without rules, a lone or short line further down than this many lines is a footer or note, no cell.")
    short_line_share: float = _tolerance(
        1 / 3, "A line narrower than this share of the table is short (a row's first line spans most of it).", le=1)
    group_max_lines: int = _count(3, "A group row holds a name, not a paragraph: at most this many lines.")
    group_top_pad_lines: float = _tolerance(
        1.5, "A group row's name starts within this many line heights of its band's top rule.")
    group_centring: float = _tolerance(
        0.05, "A line whose middle is within this share of the table's width from its middle is centred.", le=1)
    group_fill_share: float = _tolerance(0.9, "A fill over this share of the table's width shades the whole row.", le=1)
    nested_overhang: float = _tolerance(
        0.5, "Text of a table drawn inside a cell may reach this many line heights past its right rule.")
    nested_edge_rows: int = _count(
        2, "A table drawn inside a cell without vertical rules shows a column edge where this many of its "
        "rows' rule segments or shadings end and the next begin (nested.drawn_cell_edges).")
    aligned_column_gap: float = _tolerance(
        1.0, "In a cell, a word after a gap of at least this many font sizes may start a column of a small "
        "table drawn without rules (nested.aligned_table_text).")
    aligned_gap_ratio: float = _tolerance(
        2.0, "Such a gap is also this many times the line's narrowest word gap: justified text widens all alike.")
    aligned_table_rows: int = _count(
        3, "Lines of a cell with a word starting at the same place after such a gap make a small table without rules.")
    touch_gap: float = _tolerance(
        0.06, "Two cells' texts that touch leave a sliver of this many font sizes; one word's glyphs none.")
    phrase_gap: float = _tolerance(
        0.5, "Words of one text are set at most this many font sizes apart; cells further, by their padding.")
    leading_overlap: float = _tolerance(
        1.0, "Lines overlapping by more than this (pt) are side by side, not a paragraph's lines (for the leading).")
    row_columns: int = _count(
        2, "Text level in this many columns is a row (a row's first line); in one column alone, a paragraph or note.")
    row_fill_share: float = _tolerance(
        0.75, "A colour behind this share of a row's cells (the status cell aside) is the row's own shading.", le=1)

    # ---------------------------------------------------------------- page breaks (stitching.py)
    word_left_open: float = _for(3.0, "A word left open at the break: \"Informationssä-\" | \"kerhet\".")
    lowercase_continues: float = _for(2.0, "Text on the new page starting in lower case: \"ses över inför\" | \"årsskiftet\".")
    sentence_closed: float = _against(-1.5, "A sentence closed before and a capital after: \"i september.\" | \"Nästa\".")
    capital_after_open: float = _against(
        -0.5, "A capital after an open line: usually a new cell, weakly as names are capitalised too.")
    text_ended_early: float = _against(
        -3.0, "A column that had room left on the previous page, yet goes on: a new cell.")
    new_text_in_empty_cell: float = _against(
        -1.0, "Text in a cell empty before the break: cells are top-aligned (weak: orphan control moves paragraphs).")
    identity_missing_area: float = _for(
        0.5, "An Område printed before the break and empty after it (weak: a merged cell leaves new rows empty too).")
    identity_missing_goal: float = _for(1.5, "A goal printed before the break and empty after it: a new row prints its own.")
    identity_missing_action: float = _for(
        1.5, "An action printed before the break and empty after it: a new row prints its own.")
    deadline_on_new_page: float = _against(-2.0, "A deadline printed on the new page: a row's date stands on its first line.")
    deadline_only_before: float = _for(1.0, "A deadline printed only before the break.")
    no_rule_below: float = _for(2.0, "A ruled table's last row on the page without its closing rule was cut.")
    marker_on_new_page: float = _against(
        -2.0, "A status dot, glyph or word on the new page: it is printed once, at the top of its cell.")
    marker_only_before: float = _for(1.0, "A status dot, glyph or word printed only before the break.")
    early_end_lines: float = _tolerance(
        2.5, "A column whose text ends more than this many line heights above its row's bottom had room left.")
    room_left_lines: float = _tolerance(
        0.75, "A column whose text ends this many line heights above the fullest column's had room left: its "
        "closed sentence before a page break says nothing (orphan control moves a paragraph whole).")

    # ---------------------------------------------------------------- legend (legend.py)
    max_marker_width: float = _tolerance(40.0, "A legend marker (swatch or dot) is at most this wide (pt).")
    max_marker_height: float = _tolerance(30.0, "A legend marker or label cell is at most this high (pt).")
    min_marker_size: float = _tolerance(2.0, "A legend marker is at least this wide and high (pt); thinner shapes are rules.")
    max_label_distance: float = _tolerance(80.0, "A marker's label starts at most this far (pt) to its right.")
    adjacent_label_distance: float = _tolerance(
        6.0, "An empty shaded cell wider than a marker is a legend swatch when its label starts within this (pt) of "
        "its right edge (the next cell of a spreadsheet's legend block).")
    max_label_cell_width: float = _tolerance(
        160.0, "A legend drawn as shaded cells with the label inside: a cell at most this wide (pt).")
    max_label_words: int = _count(4, "A label inside a legend cell has at most this many words (longer text is a note).")
    label_gap: float = _tolerance(2.0, "A gap wider than this many font sizes ends a legend label (the next entry follows).")
    label_slack: float = _tolerance(1.0, "A label's words may reach this far (pt) over its legend cell or marker.")
    label_level: float = _tolerance(2.0, "A label's middle lies within this (pt) of its marker's height.")

    # ---------------------------------------------------------------- milestones (milestones.py)
    milestone_min_width: float = _tolerance(40.0, "Boxes narrower than this (pt) are legend markers or dots, not milestones.")
    milestone_min_height: float = _tolerance(15.0, "Boxes lower than this (pt) are legend markers or dots, not milestones.")
    milestone_max_page_share: float = _tolerance(
        0.2, "A box covering more than this share of the page is a background, not a milestone.", le=1)
    milestone_row: float = _tolerance(10.0, "Milestones whose tops are this close (pt) are read as one row, left to right.")

    # ---------------------------------------------------------------- the document (document.py)
    preamble_lines: int = _count(15, "Lines of the first page kept as preamble (the period line is printed there).")
    min_legend_entries: int = _count(2, "A status legend names at least this many statuses; fewer do not end the search.")
    table_region_pad: float = _tolerance(
        2.0, "A table's region reaches this far (pt) past its header and bottom: what is inside is no legend or heading.")
    region_share: float = _tolerance(0.5, "A shape with more than this share in a table's region belongs to the table.", le=1)
    title_size_tolerance: float = _tolerance(0.5, "Title lines are within this (pt) of the largest type above the first table.")


DEFAULT_SETTINGS = ExtractSettings()
