"""Colour helpers: hex → RGB → HSV/Lab, nearest colour, status hue (normalize/colours.py)."""
from __future__ import annotations

import pytest

from followup.normalize.colours import distance, is_neutral, nearest, parse_hex, status_from_hue, to_hsv


def test_hex_colours_parse_with_or_without_hash_and_in_short_form():
    assert parse_hex("#92D050") == (146, 208, 80)
    assert parse_hex("92d050") == (146, 208, 80)
    assert parse_hex("#F00") == (255, 0, 0)


@pytest.mark.parametrize("text", [None, "", "red", "#12345", "#GGGGGG"])
def test_anything_else_is_no_colour(text):
    assert parse_hex(text) is None


def test_hsv_hue_is_in_degrees():
    hue, saturation, value = to_hsv((255, 0, 0))
    assert (hue, saturation, value) == (0, 1, 1)
    assert round(to_hsv((146, 208, 80))[0]) == 89


def test_distance_follows_perception():
    assert distance((146, 208, 80), (146, 208, 80)) == 0
    # two greens are closer to each other than a green to amber
    assert distance((146, 208, 80), (0, 176, 80)) < distance((146, 208, 80), (255, 192, 0))


def test_nearest_returns_the_closest_candidate_only_within_the_limit():
    candidates = [((146, 208, 80), "green"), ((255, 192, 0), "amber")]
    assert nearest((150, 210, 85), candidates) == "green"
    assert nearest((0, 0, 255), candidates) is None
    assert nearest((150, 210, 85), []) is None


@pytest.mark.parametrize("hex_colour, status", [
    ("#92D050", "done"), ("#00B050", "done"), ("#C6EFCE", "done"), ("#006100", "done"), ("#00FF00", "done"),
    ("#FFC000", "in_progress"), ("#FFFF00", "in_progress"), ("#FFEB9C", "in_progress"), ("#FF9900", "in_progress"),
    ("#C00000", "delayed"), ("#FF0000", "delayed"), ("#FFC7CE", "delayed"), ("#800000", "delayed"),
    ("#FF3333", "delayed"),
])
def test_status_hues_and_their_lighter_and_darker_shades(hex_colour, status):
    assert status_from_hue(parse_hex(hex_colour)) == status


@pytest.mark.parametrize("hex_colour", ["#FFFFFF", "#F2F2F2", "#D9D9D9", "#808080", "#000000", "#0D0D0D"])
def test_white_grey_and_black_are_neutral_and_show_no_status(hex_colour):
    assert is_neutral(parse_hex(hex_colour))
    assert status_from_hue(parse_hex(hex_colour)) is None


@pytest.mark.parametrize("hex_colour", ["#0000FF", "#7030A0", "#00B0F0"])
def test_hues_that_are_no_status_colour_show_none(hex_colour):
    assert status_from_hue(parse_hex(hex_colour)) is None
