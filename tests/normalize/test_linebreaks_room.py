"""The room at a line end, measured on the page, is the first evidence at a hyphen (issue 15).

A hyphenator breaks at the last hyphenation point that fits: where the joined word has a later
point whose piece would still have fitted on the line, the hyphen was typed.
"""
from followup.normalize.linebreaks import repair_text, resolve_line_end_hyphen


def test_room_for_a_later_hyphenation_point_keeps_the_authors_hyphen() -> None:
    # "tand-vårds-en-he-ten": with room for "vård" a hyphenator would have broken after it.
    assert resolve_line_end_hyphen("något. Tand-", "vårdsenheten har", fits=4) == "keep"


def test_without_room_for_a_later_point_the_words_decide() -> None:
    # Swedish writes "tandvårdsenheten" too, so the lexicon joins; three letters are no later point.
    assert resolve_line_end_hyphen("något. Tand-", "vårdsenheten har", fits=3) == "join"
    assert resolve_line_end_hyphen("något. Tand-", "vårdsenheten har") == "join"


def test_room_short_of_the_next_point_says_nothing() -> None:
    # "rönt-gen": no point after the break, however much room; "patien-ter-na": "ter" did not fit.
    assert resolve_line_end_hyphen("en rönt-", "gen i dag", fits=10) == "join"
    assert resolve_line_end_hyphen("patien-", "terna", fits=2) == "join"


def test_a_typed_hyphen_before_a_conjunction_is_suspended() -> None:
    assert resolve_line_end_hyphen("hälso-", "och sjukvård", fits=3) == "suspended"


def test_repair_text_takes_the_room_per_pair_of_lines() -> None:
    text = "Arbetet leds av Ambulans-\npersonalen och patien-\nterna."
    rooms = {("Arbetet leds av Ambulans-", "personalen och patien-"): 3, ("personalen och patien-", "terna."): 2}
    assert repair_text(text, line_ends=rooms) == "Arbetet leds av Ambulans-personalen och patienterna."
    # Text without the page's geometry (plain strings, JSON input) is repaired as before.
    assert repair_text(text) == "Arbetet leds av Ambulanspersonalen och patienterna."


def test_room_inside_a_web_address_keeps_the_hyphen() -> None:
    text = "Läs mer på https://vardgivare.region-\nexempel.se/riktlinjer/"
    rooms = {("Läs mer på https://vardgivare.region-", "exempel.se/riktlinjer/"): 2}
    assert repair_text(text, line_ends=rooms) == "Läs mer på https://vardgivare.region-exempel.se/riktlinjer/"
