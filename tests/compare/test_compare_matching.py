"""Pairing the activities of two periods: the same activity is found again, a new one is added."""
from compare_factory import activity, document

from followup.compare import diff_documents
from followup.compare.matching import match_activities

CLINICS = ["Hudmottagningen", "medicinmottagningen", "kirurgi- och urologimottagningen", "hjärtmottagningen",
           "ögonmottagningen", "gynmottagningen", "logopedmottagningen", "överviktsmottagningen",
           "diabetesmottagningen", "akutmottagningen"]


def basutbud(clinic: str, **fields) -> object:
    return activity(f"Aktivering av basutbud för 1177 på {clinic}", area="1177 - basutbud",
                    action="Aktivering och utbildning", **fields)


def pairing(old, new) -> set[tuple[int, int]]:
    return {(p.old_index, p.new_index) for p in match_activities(old, new)}


def test_unchanged_activities_pair_in_place():
    rows = [activity("Bredda användandet av digitalt möte"), activity("Samtliga styrande dokument i Dokumentportalen",
                                                                     area="Dokumentportal")]
    assert pairing(rows, rows) == {(0, 0), (1, 1)}


def test_edited_texts_are_still_paired():
    old = [activity("80% av patienterna av patienterna ska checka in via incheckningsautomater",
                    area="Självincheckning", action="Information till patienten vid besök om möjligheten.")]
    new = [activity("80 % av patienterna ska checka in via incheckningsautomater",
                    area="Självincheckning", action="Information till patienten vid besök om möjligheten samt via 1177.")]
    [pair] = match_activities(old, new)
    assert (pair.old_index, pair.new_index) == (0, 0)
    assert 0.7 < pair.score < 1.0


def test_reordered_rows_are_paired_by_content_not_position():
    old = [activity("Implementering av digitala Gröna Kors", area="Gröna korset"),
           activity("Snabbare diagnossättning av hudförändringar", area="Diagnos på distans"),
           activity("Öka tillgängligheten inom överviktsmottagningen", area="Digitaliseringsprojekt")]
    new = [old[2], old[0], old[1]]
    assert pairing(old, new) == {(2, 0), (0, 1), (1, 2)}


def test_an_activity_moved_to_the_done_table_is_paired_and_its_changes_listed():
    old = [activity("Starta upp funktionen Elab för samtliga enheter", area="Elab", new_deadline="2024-06-01",
                    follow_up="Arbete pågår.")]
    new = [activity("Starta upp funktionen Elab för samtliga enheter", area="Elab", section="done", status="done",
                    new_deadline=None, follow_up="Klart 2023-11-30", highlighted=True)]
    [change] = diff_documents(document(old), document(new), old_file="a", new_file="b").activities
    assert change.change == "changed"
    assert change.fields == ["section", "status", "follow_up", "new_deadline", "highlighted"]


def test_a_new_activity_in_an_existing_area_is_added_not_forced_onto_a_removed_one():
    old = [activity("Alla mottagningar ska identifiera patientflöden för av- och ombokning",
                    area="1177 Webbtidbokning", action="Identifiering av lämpliga patientflöden")]
    new = [activity("Påminnelser via SMS inför besök på samtliga mottagningar",
                    area="1177 Webbtidbokning", action="Upphandling av SMS-tjänst")]
    changes = diff_documents(document(old), document(new), old_file="a", new_file="b").activities
    assert [c.change for c in changes] == ["added", "removed"]


def test_ten_rows_differing_only_in_clinic_are_paired_with_their_own_clinic():
    old = [basutbud(c) for c in CLINICS]
    # The new period reorders the rows, edits two and completes three.
    new_order = [3, 0, 9, 1, 8, 2, 7, 4, 6, 5]
    new = []
    for i in new_order:
        row = basutbud(CLINICS[i], status="done", section="done") if i in (1, 4, 7) else old[i]
        if i in (0, 9):
            row = row.model_copy(update={"goal": row.goal.replace("Aktivering", "Aktivering och lansering"),
                                         "id": "edited-" + row.id})
        new.append(row)
    assert pairing(old, new) == {(i, j) for j, i in enumerate(new_order)}


def test_a_clinic_swapped_for_another_is_a_removal_and_an_addition():
    old = [basutbud(c) for c in CLINICS[:4]]
    new = [basutbud(c) for c in CLINICS[:3]] + [basutbud("gynmottagningen")]
    changes = diff_documents(document(old), document(new), old_file="a", new_file="b").activities
    assert [c.change for c in changes] == ["unchanged"] * 3 + ["added", "removed"]
    assert changes[3].new.goal.endswith("gynmottagningen")
    assert changes[4].old.goal.endswith("hjärtmottagningen")


def test_repeated_identical_rows_pair_in_order():
    row = activity("Implementering av webbtidbok på logopedmottagningen")
    assert pairing([row, row], [row, row]) == {(0, 0), (1, 1)}


def test_empty_sides():
    rows = [activity("Bredda användandet av digitalt möte")]
    assert match_activities([], rows) == [] and match_activities(rows, []) == []


def test_a_sibling_with_words_added_is_still_paired():
    old = [basutbud(c) for c in CLINICS[:4]]
    grown = basutbud(CLINICS[2]).model_copy(update={"goal": basutbud(CLINICS[2]).goal + " samt uppföljning",
                                                    "id": "grown"})
    new = [old[0], old[1], grown, old[3]]
    assert pairing(old, new) == {(0, 0), (1, 1), (2, 2), (3, 3)}
