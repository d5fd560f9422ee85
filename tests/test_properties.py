"""Property tests: for any Unicode text, extraction holds its contract and the report adds no markup.

Texts mix English news words (so the extractors have something to find) with arbitrary characters:
every script, control and format characters, lone surrogates (which Python strings allow), quote
marks and markup, and now and then a long repetition. ``HYPOTHESIS_PROFILE=long`` runs 2,000
examples per property; the default profile (``ci``, in conftest.py) runs 50.
"""

from __future__ import annotations

import json

import lxml.html
from hypothesis import example, given
from hypothesis import strategies as st
from test_hostile_text import TEMPLATE_SHAPE

from framing.analysis import analyze_document
from framing.corpus import RawArticle, parse_document, parse_text
from framing.fileio import write_atomically
from framing.lexicons import Lexicons

WORDS = ["Officials", "said", "the", "talks", "may", "might", "resume", "according", "to", "a", "statement",
         "regime", "slammed", "about", "80", "reportedly", "if", "whether", "“", "”", '"', "'", "‘", "’", "(", ")",
         ".", ",", ":", "—", "\n", "\n\n", " ", "May", "5", "<script>", "{{ 7*7 }}", "&amp;", "Dr.", "U.S.", "«", "»"]
ANY_CHAR = st.characters(exclude_categories=())  # every category, lone surrogates (Cs) included
PIECE = st.one_of(st.sampled_from(WORDS), st.text(ANY_CHAR, max_size=8))
TEXTS = st.one_of(
    st.lists(PIECE, max_size=60).map(" ".join),
    st.text(ANY_CHAR, max_size=200),
    st.tuples(st.lists(PIECE, min_size=1, max_size=12).map(" ".join), st.integers(50, 2000)).map(lambda p: p[0] * p[1]),
)


def _check_spans(text: str, record: dict) -> None:
    for span in record["spans"]:
        assert 0 <= span["start"] <= span["end"] <= len(text), span
        assert text[span["start"]:span["end"]] == span["text"], span
    for quote in record["quotes"]:
        assert 0 <= quote["start"] <= quote["end"] <= len(text)
        assert text[quote["start"]:quote["end"]] == quote["text"]


@given(text=TEXTS)
def test_property_extraction_never_crashes_and_spans_index_the_text(lexicons: Lexicons, text: str) -> None:
    record = analyze_document(parse_text(text, lexicons), lexicons).to_record()
    assert record["text"] == text
    _check_spans(text, record)
    json.dumps(record, ensure_ascii=False)  # the output contract is JSON


@given(text=TEXTS, html=st.booleans())
def test_property_cleaned_text_holds_the_contract_too(lexicons: Lexicons, text: str, html: bool) -> None:
    """Through cleaning (and HTML extraction): offsets index the cleaned text, whatever the input."""
    from framing.errors import FramingInputError

    article = RawArticle(id="p", text=text, path="p.txt", is_html=html)
    try:
        doc = parse_document(article, lexicons)
    except FramingInputError:  # HTML with no extractable text: the one-line error, never a crash
        assert html
        return
    _check_spans(doc.text, analyze_document(doc, lexicons).to_record())


@given(text=TEXTS)
def test_property_extraction_is_deterministic(lexicons: Lexicons, text: str) -> None:
    first = analyze_document(parse_text(text, lexicons), lexicons).to_record()
    second = analyze_document(parse_text(text, lexicons), lexicons).to_record()
    assert json.dumps(first, sort_keys=True) == json.dumps(second, sort_keys=True)


def _shape(page: str) -> set[str]:
    root = lxml.html.document_fromstring(page.encode("utf-8", "surrogatepass"))
    shape: set[str] = set()
    for element in root.iter():
        if not isinstance(element.tag, str):  # comments, processing instructions
            continue
        shape.add(element.tag.lower())
        shape.update(f"{element.tag.lower()}@{name.lower()}" for name in element.attrib)
    return shape


@given(text=TEXTS, outlet=st.text(ANY_CHAR, max_size=30), title=st.text(ANY_CHAR, max_size=30))
@example(text="\ud800", outlet="", title="")  # found by the long profile: the input checksum crashed
def test_property_report_html_holds_only_the_templates_markup(
    lexicons: Lexicons, tmp_path_factory, text: str, outlet: str, title: str
) -> None:
    """The article section of the report (text, highlights, notes, quotes, ledger) for any text."""
    from framing.report.html import render_html
    from framing.report.model import build_report_model

    analysis = analyze_document(parse_text(text, lexicons, id="p", outlet=outlet or "p", title=title), lexicons)
    page = render_html(build_report_model([analysis], lexicons, title=title), [])
    extra = _shape(page) - TEMPLATE_SHAPE
    assert not extra, extra
    write_atomically(tmp_path_factory.mktemp("page") / "report.html", page)  # lone surrogates become U+FFFD
