"""The tag after a person's name, read once by the mention layer (framing/corpus/name_tags.py)."""

from __future__ import annotations

import pytest

from framing.corpus.name_tags import party_tag_at


def _person(parse, text: str, name: str):
    doc = parse(text)
    return next(x for x in doc.mentions if x.kind == "person" and x.text.endswith(name)), doc.text


# sentence | name | tag | the words from the name's end to the tag's end
TAGGED = """
Sen. Jane Roe (D-Conn.) said the bill would pass. | Jane Roe | D-Conn. | (D-Conn.)
Rep. Tom Hale, R-Ky., voted no. | Tom Hale | R-Ky. | , R-Ky.
Senator Ann Lee, Republican of Arizona, spoke first. | Ann Lee | Republican of Arizona | , Republican of Arizona
Rep. Ann Lee (Calif.), the ranking member, objected. | Ann Lee | Calif. | (Calif.)
"""


@pytest.mark.parametrize(("text", "name", "tag", "through"),
                         [[cell.strip() for cell in line.split("|")] for line in TAGGED.strip().splitlines()])
def test_name_tags_a_party_state_tag_is_on_the_mention(parse, text: str, name: str, tag: str, through: str) -> None:
    mention, doc_text = _person(parse, text, name)
    assert mention.tag == tag
    assert doc_text[mention.end:mention.tag_end].strip() == through.strip()
    assert party_tag_at(doc_text, mention.end) == (tag, mention.tag_end)


def test_name_tags_of_a_place_ends_the_name_but_is_no_party_tag(parse) -> None:
    mention, doc_text = _person(parse, "Sen. Ann Lee of Maine said the vote would be close.", "Ann Lee")
    assert mention.tag == "" and doc_text[mention.end:mention.tag_end] == " of Maine"


def test_name_tags_a_name_without_a_tag_has_none(parse) -> None:
    mention, doc_text = _person(parse, "Sen. Ann Lee said the vote (on Monday) would be close.", "Ann Lee")
    assert (mention.tag, mention.tag_end) == ("", 0)
    assert party_tag_at(doc_text, mention.end) == ("", mention.end)
