"""Responsible cells → roles with units and relations; units named in a row (normalize/responsibles.py)."""
from __future__ import annotations

import tomllib
from collections import Counter
from pathlib import Path

import pytest

from followup.normalize.responsibles import parse_responsible, units_named
from followup.normalize.vocabulary import load_vocabulary

LABELLED = Path(__file__).parent / "data" / "responsibles.toml"
TARGET = 0.95


@pytest.fixture(scope="module")
def vocabulary():
    return load_vocabulary()


def triples(text, vocabulary):
    responsible, _ = parse_responsible(text, vocabulary)
    return [(r.role, r.unit, r.relation) for r in responsible.roles]


def expected_triples(case):
    found = []
    for written in case["roles"]:
        role, unit, relation = (part.strip() for part in written.split("|"))
        found.append((role, unit or None, relation))
    return found


def labelled_cases():
    with LABELLED.open("rb") as file:
        return tomllib.load(file)["case"]


# --- the example from the issue, part by part ---

def test_lead_consulted_with_unit_and_parenthesised_support(vocabulary):
    text = "Verksamhetschef i samråd med enhetschef Hudmottagningen (med stöd av specialistfunktion)"
    assert triples(text, vocabulary) == [
        ("Verksamhetschef", None, "lead"),
        ("Enhetschef", "Hudmottagningen", "consulted"),
        ("Specialistfunktion", None, "support"),
    ]


def test_text_is_kept_as_printed_with_whitespace_collapsed(vocabulary):
    responsible, _ = parse_responsible("Verksamhets \n chef  i samråd med enhetschef", vocabulary)
    assert responsible.text == "Verksamhets chef i samråd med enhetschef"


@pytest.mark.parametrize("spelling", ["Verksamhets chef", "Verksamhets-chef", "Verksamhets- chef",
                                      "verksamhetschefer", "VC"])
def test_spelling_variants_of_a_role_reach_the_canonical_role(spelling, vocabulary):
    assert triples(spelling, vocabulary) == [("Verksamhetschef", None, "lead")]


@pytest.mark.parametrize("spelling", ["Vårdadm enheten", "vårdadm. enheten", "Vår-dadm enheten",
                                      "Vårdadministrativa enheten", "vårdadminist- rativa enheten"])
def test_spelling_variants_of_a_unit_reach_the_canonical_unit(spelling, vocabulary):
    assert triples(f"Enhetschef {spelling}", vocabulary) == [
        ("Enhetschef", "Vårdadministrativa enheten", "lead")]


def test_tillsammans_med_makes_the_parties_after_it_consulted(vocabulary):
    assert triples("Enhetschef Hudmottagningen tillsammans med projekt i Region Skåne", vocabulary) == [
        ("Enhetschef", "Hudmottagningen", "lead"), ("Projekt", "Region Skåne", "consulted")]


def test_a_suspended_compound_is_one_unit_not_two_parties(vocabulary):
    found = triples("Enhetschef kirurgi- och urologimottagningen", vocabulary)
    assert found == [("Enhetschef", "Kirurgi- och urologimottagningen", "lead")]


def test_a_list_of_units_after_a_role_shares_the_role(vocabulary):
    assert triples("Enhetschef Hudmottagningen och Ögonmottagningen", vocabulary) == [
        ("Enhetschef", "Hudmottagningen", "lead"), ("Enhetschef", "Ögonmottagningen", "lead")]


def test_a_unit_without_a_role_gives_no_role_but_is_a_unit_of_the_row(vocabulary):
    responsible, unmatched = parse_responsible("Hjärtavd. Malmö", vocabulary)
    assert responsible.roles == [] and unmatched == []
    assert units_named(["Hjärtavd. Malmö"], vocabulary) == ["Hjärtavdelningen Malmö"]


def test_an_unknown_unit_is_reported_not_guessed(vocabulary):
    responsible, unmatched = parse_responsible("Enhetschef Neurologmottagningen", vocabulary)
    assert [(r.role, r.unit) for r in responsible.roles] == [("Enhetschef", None)]
    assert unmatched == ["Neurologmottagningen"]


def test_a_cell_naming_nothing_known_is_reported_whole(vocabulary):
    responsible, unmatched = parse_responsible("Kvalitetsansvarig", vocabulary)
    assert responsible.roles == [] and unmatched == ["Kvalitetsansvarig"]


def test_filler_words_after_a_role_are_not_reported(vocabulary):
    _, unmatched = parse_responsible("Respektive ansvarig chef för styrande dokumentet, faktaägare", vocabulary)
    assert unmatched == []


def test_blank_cell_has_no_responsible(vocabulary):
    assert parse_responsible(None, vocabulary) == (None, [])
    assert parse_responsible("  \n ", vocabulary) == (None, [])


# --- units named anywhere in a row ---

def test_units_named_in_first_mention_order_without_duplicates(vocabulary):
    texts = ["Gröna korset", "Enhetschef Hudmottagningen",
             "Avd. 2 har deltagit som pilot. Hudmottagningen och ögonmott. följer, sedan akutmott."]
    assert units_named(texts, vocabulary) == ["Hudmottagningen", "Avd. 2", "Ögonmottagningen", "Akutmottagningen"]


def test_abbreviations_name_units_only_as_whole_case_sensitive_words(vocabulary):
    assert units_named(["LiL ligger på 70%. En förvaltningsgemensam grupp i RS."], vocabulary) == [
        "Lasarettet i Landskrona", "Region Skåne"]
    assert units_named(["rs och lil och versus"], vocabulary) == []


def test_similar_clinic_names_are_not_confused(vocabulary):
    assert units_named(["Hjärtmottagningen"], vocabulary) == ["Hjärtmottagningen"]
    assert units_named(["Hudmottagningen"], vocabulary) == ["Hudmottagningen"]
    assert units_named(["Neurologmottagningen", "Barnkliniken"], vocabulary) == []


def test_the_number_1177_and_ordinary_words_name_no_unit(vocabulary):
    text = "Operation är igång med att meddela operationstider via 1177. Regionala handlingsplanen."
    assert units_named([text], vocabulary) == []


# --- the labelled set ---

def test_labelled_set_is_large_enough_and_mixed():
    cases = labelled_cases()
    assert len(cases) >= 60
    assert {case["source"] for case in cases} == {"gold", "seed", "variant"}


def test_precision_and_recall_over_role_unit_relation_triples(vocabulary, record_property, capsys):
    expected_all, found_all = Counter(), Counter()
    true_positives = 0
    for case in labelled_cases():
        expected, found = Counter(expected_triples(case)), Counter(triples(case["text"], vocabulary))
        true_positives += sum((expected & found).values())
        expected_all.update(expected)
        found_all.update(found)
    precision = true_positives / sum(found_all.values())
    recall = true_positives / sum(expected_all.values())
    record_property("precision", precision)
    record_property("recall", recall)
    with capsys.disabled():
        print(f"\nresponsibles: {len(labelled_cases())} cells, {sum(expected_all.values())} triples, "
              f"precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= TARGET and recall >= TARGET


@pytest.mark.parametrize("case", labelled_cases(), ids=lambda case: case["text"][:50])
def test_labelled_case_units_and_unmatched(case, vocabulary):
    _, unmatched = parse_responsible(case["text"], vocabulary)
    assert unmatched == case.get("unmatched", [])
    if "units" in case:
        assert units_named([case["text"]], vocabulary) == case["units"]
