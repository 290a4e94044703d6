"""Areas given by group rows: a full-width row ("Område: Tillgänglighet") above the activities of
one area, instead of an Område column.

extract/ hands each row the raw text of the group row above it (RawRow.group); here the label
before the name is dropped (the labels are data: normalize/data/groups.toml, extended by a user's
vocabulary file) and the name's line breaks are repaired the Swedish way.
"""
from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from followup.normalize.linebreaks import DocumentWords, repair_text
from followup.normalize.vocabulary import Vocabulary

# After the label: an optional number ("Område 2"), then a colon or a dash before the name.
_AFTER_LABEL = r"(?:\s+\d+[.)]?)?\s*[:：–—-]\s*"


def area_of_group(group: str | None, vocabulary: Vocabulary, *, marked_hyphenation: bool = False,
                  words: DocumentWords | None = None) -> str | None:
    """The area named by a group row, without its label; None when there is no group row.

    >>> from followup.normalize.vocabulary import load_vocabulary
    >>> area_of_group("Område: Tillgänglighet och vänte-\\ntider", load_vocabulary())
    'Tillgänglighet och väntetider'
    >>> area_of_group("Kompetensförsörjning", load_vocabulary())
    'Kompetensförsörjning'
    """
    if group is None:
        return None
    text = _label_pattern(vocabulary.group_labels).sub("", group.strip(), count=1)
    name = " ".join(repair_text(text, marked_hyphenation=marked_hyphenation, document=words).split())
    return name or None


@functools.lru_cache(maxsize=8)
def _label_pattern(labels: Sequence[str]) -> re.Pattern[str]:
    """The labels as one pattern anchored at the start, longest first ("Insatsområde" before "Område")."""
    if not labels:
        return re.compile(r"(?!x)x")
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives}){_AFTER_LABEL}", re.IGNORECASE)
