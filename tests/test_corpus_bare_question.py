"""``bare_question`` tells a sentence that is only a name and a question mark from any other, read from the
last "?" without copying the sentence: the same answer as stripping the stretch and reading its end."""

from __future__ import annotations

from framing.corpus.descriptions import BARE_QUESTION_WORDS, QUESTION_LINKS, bare_question


def stripped_reading(text: str, sentence: tuple[int, int]) -> bool:
    words = text[sentence[0] : sentence[1]].rstrip()
    if not words.endswith("?"):
        return False
    parts = words.split()
    return len(parts) <= BARE_QUESTION_WORDS and all(
        word[:1].isupper() or word.lower().strip("?,") in QUESTION_LINKS for word in parts)


def test_bare_question_reads_as_the_stripped_stretch() -> None:
    text = "And Mr. Gingrich?  Why did he go? Senator Lee? \n What? Was it late?x And Ms. Park ?\t"
    spans = [(start, end) for start in range(len(text)) for end in range(start + 1, len(text) + 1)]
    assert [bare_question(text, span) for span in spans] == [stripped_reading(text, span) for span in spans]
    assert bare_question(text, (0, 19)) and not bare_question(text, (19, 34))
