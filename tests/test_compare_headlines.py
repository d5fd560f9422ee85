"""Headlines against their bodies (hedges, loaded words) and against each other (elements that differ)."""

from __future__ import annotations

import pytest

from framing.analysis import ArticleAnalysis, analyze_document
from framing.compare.common import WordFolder
from framing.compare.headlines import build_headlines
from framing.corpus import parse_text
from framing.document import Span

BODY = "Maduro reportedly offered to step down within two years. The United States rejected the offer."


def spans_on(text: str, words: dict[str, tuple[str, str]]) -> tuple[Span, ...]:
    found = []
    for word, (span_type, category) in words.items():
        at = text.find(word)
        if at >= 0:
            found.append(Span(span_type, at, at + len(word), word, word, category=category))
    return tuple(found)


def headline_row(lexicons, title: str, body: str, body_spans: dict, title_spans: dict | None = None):
    doc = parse_text(body, lexicons, id="a", outlet="A", title=title)
    analysis = ArticleAnalysis(doc, {}, spans_on(body, body_spans))

    def analyze_title(text: str) -> ArticleAnalysis:
        return ArticleAnalysis(parse_text(text, lexicons), {}, spans_on(text, title_spans or {}))

    return build_headlines([analysis], lexicons, WordFolder(lexicons.stop_words), analyze_title).iloc[0]


def test_headlines_asserting_what_the_body_hedges_is_flagged(lexicons):
    row = headline_row(lexicons, "Maduro offers to step down", BODY, {"reportedly": ("hedge", "evidential")})
    assert row.asserts_what_body_hedges
    assert row.body_hedges == ["reportedly"]
    assert "reportedly" in row.reason


def test_headlines_that_hedges_too_is_not_flagged(lexicons):
    row = headline_row(lexicons, "Maduro reportedly offers to step down", BODY,
                       {"reportedly": ("hedge", "evidential")}, {"reportedly": ("hedge", "evidential")})
    assert not row.asserts_what_body_hedges


def test_headlines_question_headline_is_not_an_assertion(lexicons):
    row = headline_row(lexicons, "Will Maduro step down?", BODY, {"reportedly": ("hedge", "evidential")})
    assert row.headline_question and not row.asserts_what_body_hedges


def test_headlines_with_a_loaded_frame_the_body_lacks_differs(lexicons):
    row = headline_row(lexicons, "Regime offers to step down", BODY, {}, {"Regime": ("loaded", "pejorative_label")})
    assert row.frame_differs
    assert row.headline_categories == ["pejorative_label"]


def test_headlines_about_something_else_differs(lexicons):
    row = headline_row(lexicons, "Oil prices soar across Asian markets", BODY, {})
    assert row.frame_differs and row.coverage == 0


def test_headlines_article_without_a_title_has_no_row(lexicons):
    doc = parse_text(BODY, lexicons, id="a", outlet="A")
    assert build_headlines([ArticleAnalysis(doc, {}, ())], lexicons, WordFolder(lexicons.stop_words)).empty


# --- headlines against each other: three invented headlines on an invented mayor ----------

MAYOR_BODY = (
    "Mayor Tom Vexley of Brackton resigned on Monday. Vexley, a Republican, had faced allegations "
    "of fraud for months. Prosecutors say the city paid $2 million to settle a contract dispute. "
    "Council member Ann Lorrimer said the council would meet on Friday to choose a successor."
)
MAYOR_HEADLINES = {
    "Daily": "Mayor Tom Vexley resigns in Brackton",
    "Herald": "GOP Mayor Vexley Resigns After Fraud Allegations",
    "Courier": "Brackton Mayor Vexley Quits Amid Fraud Allegations Over $2 Million Payout",
}


def mayor_rows(lexicons, headlines: dict[str, str] = MAYOR_HEADLINES, body: str = MAYOR_BODY):
    analyses = [
        analyze_document(parse_text(body, lexicons, id=outlet.lower(), outlet=outlet, title=title), lexicons)
        for outlet, title in headlines.items()
    ]
    frame = build_headlines(analyses, lexicons, WordFolder(lexicons.stop_words))
    return {row.outlet: row for row in frame.itertuples()}


def kinds(cells) -> set[str]:
    return {cell["kind"] for cell in cells}


def test_headlines_omitted_allegation_is_named_with_the_outlets_that_carry_it(lexicons):
    daily = mayor_rows(lexicons)["Daily"]
    omitted = [cell for cell in daily.omits_vs_others if cell["kind"] == "allegation"]
    assert {cell["outlet"] for cell in omitted} == {"Herald", "Courier"}
    assert daily.frame_differs
    assert "Fraud Allegations" in daily.reason and "leaves out" in daily.reason
    assert all(cell["body_start"] is not None for cell in omitted)  # its own body does report them


def test_headlines_allegation_most_others_share_is_not_an_addition(lexicons):
    herald = mayor_rows(lexicons)["Herald"]
    assert "allegation" not in kinds(herald.adds_vs_others)


def test_headlines_party_label_only_one_headline_has_is_added(lexicons):
    herald = mayor_rows(lexicons)["Herald"]
    party = [cell for cell in herald.adds_vs_others if cell["kind"] == "party"]
    assert [cell["text"] for cell in party] == ["GOP"]
    assert party[0]["keys"] == ["Republican"]
    assert "the party label 'GOP' (Republican)" in herald.reason
    # "a Republican" in the body carries the label GOP names
    assert "party" not in kinds(herald.adds_vs_body)
    assert herald.headline[party[0]["start"]:party[0]["end"]] == "GOP"
    assert MAYOR_BODY[party[0]["body_start"]:party[0]["body_end"]] == "Republican"


def test_headlines_number_only_one_headline_has_is_added_with_its_value(lexicons):
    courier = mayor_rows(lexicons)["Courier"]
    numbers = [cell for cell in courier.adds_vs_others if cell["kind"] == "number"]
    assert [(cell["text"], cell["keys"]) for cell in numbers] == [("$2 Million", ["2e+06"])]
    assert MAYOR_BODY[numbers[0]["body_start"]:numbers[0]["body_end"]] == "$2 million"
    assert "the number '$2 Million'" in courier.reason


def test_headlines_surname_and_full_name_are_one_actor(lexicons):
    rows = mayor_rows(lexicons)
    actors = {outlet: [c["keys"][0] for c in row.elements if c["kind"] == "actor"] for outlet, row in rows.items()}
    assert "vexley" in actors["Daily"] and "vexley" in actors["Herald"]
    assert all("vexley" not in [c["keys"][0] for c in row.adds_vs_others] for row in rows.values())
    full = next(c for c in rows["Daily"].elements if c["kind"] == "actor" and c["keys"] == ["vexley"])
    assert full["text"] == "Tom Vexley"  # the title "Mayor" is stripped


def test_headlines_actor_most_others_name_is_omitted(lexicons):
    headlines = {**MAYOR_HEADLINES, "Daily": "Mayor Tom Vexley resigns"}
    assert "actor" not in kinds(mayor_rows(lexicons, headlines)["Daily"].omits_vs_others)  # Brackton: 1 of 2
    headlines["Herald"] = "Brackton GOP Mayor Vexley Resigns After Fraud Allegations"
    daily = mayor_rows(lexicons, headlines)["Daily"]
    omitted = {cell["missing"] for cell in daily.omits_vs_others if cell["kind"] == "actor"}
    assert omitted == {"brackton"}
    assert "leaves out Brackton and " in daily.reason and "which the Courier and Herald headlines name" in daily.reason


def test_headlines_title_case_words_the_body_writes_in_lower_case_are_not_actors(lexicons):
    courier = mayor_rows(lexicons)["Courier"]
    actors = {c["text"] for c in courier.elements if c["kind"] == "actor"}
    assert actors == {"Brackton", "Vexley"}  # not "Quits", "Amid" or "Payout"


def test_headlines_that_agree_do_not_differ(lexicons):
    headlines = {"Daily": "Mayor Tom Vexley resigns", "Herald": "Vexley Resigns", "Courier": "Mayor Vexley quits"}
    rows = mayor_rows(lexicons, headlines)
    assert not any(row.frame_differs for row in rows.values())
    assert all(row.reason.startswith("no element") for row in rows.values())
    assert all(row.confidence < 0.7 for row in rows.values())  # wording outside the element kinds is not compared


def test_headlines_asserting_what_the_body_calls_unclear_are_flagged(lexicons):
    body = ("Mayor Tom Vexley resigned on Monday. It is unclear whether the bribery probe caused the mayor "
            "to resign, officials said.")
    rows = mayor_rows(lexicons, {"Daily": "Bribery probe forces Mayor Vexley to resign",
                                 "Herald": "Will the bribery probe make Mayor Vexley resign?"}, body)
    assert rows["Daily"].asserts_what_body_calls_unclear
    assert "unclear" in rows["Daily"].reason and rows["Daily"].confidence >= 0.7
    assert not rows["Herald"].asserts_what_body_calls_unclear  # a question asserts nothing


def test_headlines_single_article_is_compared_with_its_body(lexicons):
    body = "Mayor Tom Vexley of Brackton resigned on Monday. He had led the city for two terms."
    rows = mayor_rows(lexicons, {"Daily": "Republican Mayor Vexley Resigns Amid Bribery Probe"}, body)
    daily = rows["Daily"]
    assert daily.adds_vs_others == [] and daily.omits_vs_others == []
    assert kinds(daily.adds_vs_body) == {"party", "allegation"}
    assert daily.frame_differs
    assert "its body never mentions" in daily.reason and "'Bribery Probe'" in daily.reason


def test_headlines_party_initial_in_the_body_carries_the_party(lexicons):
    body = "Mayor Tom Vexley (R-Brackton) resigned on Monday after a long dispute with the council."
    daily = mayor_rows(lexicons, {"Daily": "Republican mayor Tom Vexley resigns"}, body)["Daily"]
    assert daily.adds_vs_body == []


def test_headlines_offsets_index_the_headline_and_the_body(lexicons):
    headlines = {**MAYOR_HEADLINES, "Daily": "  Mayor Tom Vexley resigns in Brackton"}  # leading spaces kept
    rows = mayor_rows(lexicons, headlines)
    for outlet, row in rows.items():
        title = headlines[outlet]
        assert row.elements
        for cell in row.elements + row.adds_vs_others + row.adds_vs_body:
            assert title[cell["start"]:cell["end"]] == cell["text"]
            if cell["body_start"] is not None:
                assert MAYOR_BODY[cell["body_start"]:cell["body_end"]]
        for cell in row.omits_vs_others:
            assert headlines[cell["outlet"]][cell["start"]:cell["end"]] == cell["text"]


def test_headlines_number_words_and_digits_agree(lexicons):
    headlines = {"Daily": "Vexley Quits After Second Term", "Herald": "Vexley quits after 2nd term",
                 "Courier": "Vexley quits after his second term"}
    rows = mayor_rows(lexicons, headlines)
    assert all("number" not in kinds(row.adds_vs_others + row.omits_vs_others) for row in rows.values())


def test_headlines_quoted_phrase_is_not_an_actor(lexicons):
    rows = mayor_rows(lexicons, {"Daily": "Vexley Says His ‘Brackton Forward' Plan Failed"})
    assert [c["text"] for c in rows["Daily"].elements if c["kind"] == "actor"] == ["Vexley"]


def test_headlines_acronym_is_found_where_the_body_spells_it_out(lexicons):
    body = "Tom Vexley resigned from the Brackton Port Authority on Monday, its board said."
    headlines = {"Daily": "BPA Chief Vexley Quits", "Herald": "Vexley quits port board"}
    daily = mayor_rows(lexicons, headlines, body)["Daily"]
    assert [c["text"] for c in daily.elements if c["kind"] == "actor"] == ["BPA", "Vexley"]
    assert daily.adds_vs_body == []
    assert "adds BPA, which the Herald headline lacks" in daily.reason



def test_headlines_a_hedge_inside_a_quote_is_the_speakers_not_the_body_hedging(lexicons):
    """The body hedges the claim only in the writer's voice: a quoted "could" is the speaker's."""
    body = "“Maduro could step down within two years,” an aide said. The United States rejected the offer."
    row = headline_row(lexicons, "Maduro offers to step down", body, {"could": ("hedge", "modal")})
    assert not row.asserts_what_body_hedges
    assert row.body_hedges == []


def test_headlines_a_possible_hedge_does_not_hedge_the_headline(lexicons):
    """A hedge shown only as possible (an accusation) is no hedge of the headline's claim."""
    title = "Maduro accused of offering to step down"
    doc = parse_text(BODY, lexicons, id="a", outlet="A", title=title)
    analysis = ArticleAnalysis(doc, {}, spans_on(BODY, {"reportedly": ("hedge", "evidential")}))
    at = title.find("accused of")
    possible = Span("hedge", at, at + len("accused of"), "accused of", "accused of", category="evidential",
                    attrs={"confidence": "possible", "reason": "an accusation"})

    def analyze_title(text: str) -> ArticleAnalysis:
        return ArticleAnalysis(parse_text(text, lexicons), {}, (possible,) if text == title else ())

    row = build_headlines([analysis], lexicons, WordFolder(lexicons.stop_words), analyze_title).iloc[0]
    assert row.headline_hedges == [] and row.asserts_what_body_hedges


@pytest.mark.parametrize(("body", "headlines", "place"), [
    # A place in another form (N.C., North Carolina) is never added or left out.
    ("Mayor Tom Vexley of Raleigh, North Carolina, resigned on Monday after a long dispute.",
     {"Daily": "N.C. mayor Tom Vexley resigns", "Herald": "North Carolina mayor Vexley resigns",
      "Courier": "Mayor Vexley quits in North Carolina"}, ("Carolina", "N.C.")),
    # A place as the setting ("in Ohio") or before a title ("Ohio Mayor") is no actor.
    ("Mayor Tom Vexley of Ohio resigned on Monday. Vexley had faced allegations of fraud in Ohio for months.",
     {"Daily": "GOP mayor running again in Ohio mocks Vexley", "Herald": "Ohio Mayor Vexley Resigns",
      "Courier": "Vexley quits amid fraud allegations"}, ("Ohio",)),
])
def test_headlines_a_place_as_setting_or_modifier_is_no_actor(lexicons, body, headlines, place):
    for row in mayor_rows(lexicons, headlines, body).values():
        actors = {c["text"] for c in row.elements if c["kind"] == "actor"}
        for words in place:
            assert not any(words in actor for actor in actors), (row.outlet, actors)
            assert words not in row.reason, row.reason


def test_headlines_a_place_that_acts_stays_an_actor(lexicons):
    body = "The state of Ohio sued Mayor Tom Vexley on Monday over a contract."
    rows = mayor_rows(lexicons, {"Daily": "Ohio sues Vexley", "Herald": "Vexley sued over contract"}, body)
    assert "Ohio" in {c["text"] for c in rows["Daily"].elements if c["kind"] == "actor"}


def test_headlines_a_hedge_that_is_a_sources_reporting_verb_is_not_the_body_hedging(lexicons):
    body = "Mayor Tom Vexley resigned on Monday, suggesting that the council owed him an apology."
    at = body.index("suggesting")
    doc = parse_text(body, lexicons, id="a", outlet="A", title="Vexley resigns")
    spans = (Span("hedge", at, at + 10, "suggesting", "suggesting", category="evidential"),
             Span("attribution", at, at + 10, "suggesting", "suggesting",
                  attrs={"source_start": 0, "source_end": 16}))
    analysis = ArticleAnalysis(doc, {}, spans)
    row = build_headlines([analysis], lexicons, WordFolder(lexicons.stop_words),
                          lambda text: ArticleAnalysis(parse_text(text, lexicons), {}, ())).iloc[0]
    assert not row.asserts_what_body_hedges, row.reason


def test_headlines_a_hedge_only_in_a_lede_on_another_claim_is_not_the_claim_hedged(lexicons):
    body = ("It is a lesson mayors never seem to learn. Mayor Tom Vexley resigned on Monday after the fraud "
            "allegations.")
    row = headline_row(lexicons, "Mayor Vexley resigns after fraud allegations", body,
                       {"seem": ("hedge", "evidential")})
    assert not row.asserts_what_body_hedges, row.reason
