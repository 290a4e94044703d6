"""The report's own legend in the output document: each entry with the status its label names."""
from followup.normalize.document import legend_colour
from followup.normalize.vocabulary import load_vocabulary
from followup.schemas import LegendEntry


def test_legend_labels_name_their_status_whatever_the_palette():
    vocabulary = load_vocabulary()
    theme = [("Genomförd", "#4472C4", "done"), ("Pågår enligt plan", "#70AD47", "in_progress"),
             ("Avvikelse från plan", "#ED7D31", "delayed"), ("Ej påbörjad", "#D9D9D9", None),
             ("ARBETE\nPÅGÅR", "#FFC000", "in_progress"), ("Risk för försening", "#F4B183", "delayed")]
    for label, colour, status in theme:
        entry = legend_colour(LegendEntry(label=label, colour=colour), vocabulary)
        assert (entry.colour, entry.status) == (colour, status), label
        assert "\n" not in entry.label


def test_a_label_naming_no_status_is_kept_without_one():
    entry = legend_colour(LegendEntry(label="Planerad", colour="#AAAAAA"), load_vocabulary())
    assert (entry.label, entry.status) == ("Planerad", None)
