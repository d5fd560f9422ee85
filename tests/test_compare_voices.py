"""Voices: who each outlet quotes or cites, in which general role, and why (hand-made spans, own texts)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from framing.analysis import ArticleAnalysis, corpus_lexicons
from framing.compare import build_comparison
from framing.compare.common import WordFolder
from framing.compare.voices import build_voices
from framing.corpus import parse_text
from framing.document import Span
from framing.errors import FramingInputError
from framing.lexicons import bundled_lexicon_dir, load_lexicons

ROLE_HEADER = (
    "# allowed_role: executive_officials, legislators, parties_campaigns, military_police, courts_prosecutors, "
    "foreign_governments, international_organisations, experts_academics, advocacy_rights_groups, business, "
    "citizens_witnesses_victims, media, anonymous, documents, other\n"
    "# allowed_rule: (empty), generic, home, speaks_for, masthead\n"
    "term\trole\trule\tsource\tnote\n"
)
# Names of the bundled sample story's actors and places: they belong in seeds/lexicons/, never in lexicons/.
SAMPLE_STORY_WORDS = ("maduro", "venezuel", "trump", "hegseth", "caracas", "chavista", "cartel de los soles",
                      "suns cartel", "cartel of the suns", "southern command", "cabello")
SAMPLE_STORY_PLACES = ("venezuel", "caracas")
_QUOTED_WORDS = re.compile(r"'([^']*)' at (\d+)-(\d+)")


def source(text: str, words: str, kind: str = "named_person", name: str = "", nth: int = 0) -> Span:
    at = -1
    for _ in range(nth + 1):
        at = text.find(words, at + 1)
    assert at >= 0, words
    return Span("source", at, at + len(words), words, "rule", category=kind,
                attrs={"verb": "said", "stance": "neutral", "name": name or words})


def voices(lexicons, text: str, spans):
    doc = parse_text(text, lexicons, id="a", outlet="A")
    return build_voices([ArticleAnalysis(doc, {}, tuple(spans))], lexicons, WordFolder(lexicons.stop_words))


def role_of(lexicons, text: str, words: str, kind: str = "named_person", **options) -> tuple[str, str]:
    frame = voices(lexicons, text, [source(text, words, kind, **options)])
    assert len(frame) == 1
    return frame.iloc[0].role, frame.iloc[0].role_reason


@pytest.mark.parametrize(
    ("text", "words", "kind", "role"),
    [
        ("Sen. Jane Roe said the bill would pass.", "Jane Roe", "named_person", "legislators"),
        ("Gov. Jane Roe said the roads were closed.", "Jane Roe", "named_person", "executive_officials"),
        ("Sheriff Jane Roe said two men were held.", "Jane Roe", "named_person", "military_police"),
        ("District Attorney Jane Roe said charges would follow.", "Jane Roe", "named_person", "courts_prosecutors"),
        ("Republican presidential nominee Jane Roe said she would win.", "Jane Roe", "named_person",
         "parties_campaigns"),
        ("Canadian Prime Minister Jane Roe said talks went well.", "Jane Roe", "named_person", "foreign_governments"),
        ("Jane Roe (R-Texas) said the vote was close.", "Jane Roe", "named_person", "legislators"),
        ("Republican Party officials said the count was wrong.", "Republican Party officials", "vague",
         "parties_campaigns"),
        ("The city's police said the road was closed.", "The city's police", "institution", "military_police"),
        ("Analysts argue that the evidence is thin.", "Analysts", "vague", "experts_academics"),
        ("Human rights advocates condemned the plan.", "Human rights advocates", "vague", "advocacy_rights_groups"),
        ("The Springfield Post reported that the mill closed.", "The Springfield Post", "media", "media"),
        ("The statement said the mill would close.", "The statement", "document", "documents"),
        ("A city official told reporters a deal was likely.", "A city official", "anonymous", "anonymous"),
        ("Residents said the water smelled of oil.", "Residents", "vague", "citizens_witnesses_victims"),
        ("Maria Lopez said the plan would fail.", "Maria Lopez", "named_person", "other"),
    ],
)
def test_voices_take_general_roles(general_lexicons, text, words, kind, role):
    assert role_of(general_lexicons, text, words, kind)[0] == role


def test_voices_read_an_appositive(general_lexicons):
    text = "Jane Roe, a professor at the state university, said the data were thin."
    role, reason = role_of(general_lexicons, text, "Jane Roe")
    assert role == "experts_academics"
    assert reason.startswith("appositive 'a professor' at 10-21: row 'professor'")


def test_voices_keep_the_role_of_an_earlier_mention(general_lexicons):
    text = "Rep. Blake Farenthold resigned on Friday. Farenthold said he was sorry."
    role, reason = role_of(general_lexicons, text, "Farenthold", nth=1)
    assert role == "legislators"
    assert reason.startswith("another mention 'Rep. Blake Farenthold' at 0-21")  # the label layer's whole name
    assert "'Rep." in reason.split(": ", 1)[1]


def test_voices_resolve_a_possessive_description_as_the_person(general_lexicons):
    text = "Rep. Blake Farenthold resigned on Friday. The congressman's lawyers said he was sorry."
    role, reason = role_of(general_lexicons, text, "The congressman's lawyers", kind="vague")
    assert role == "legislators"
    assert "congressman" in reason


def test_voices_give_a_lawyer_the_role_of_the_client(general_lexicons):
    text = "Sen. Jane Roe was charged on Friday. Her lawyer said the charges were false."
    role, reason = role_of(general_lexicons, text, "Her lawyer", kind="vague")
    assert (role, reason.split(" ")[0]) == ("legislators", "possessive")
    text = "A spokeswoman for the company said the plant was safe."
    assert role_of(general_lexicons, text, "A spokeswoman for the company", kind="vague")[0] == "business"


def test_voices_give_a_pronoun_the_named_speakers_role(general_lexicons):
    text = "Sen. Jane Roe spoke on Sunday. Later she said the vote was fine."
    frame = voices(general_lexicons, text, [source(text, "she", name="Jane Roe")])
    assert list(zip(frame.voice, frame.role, strict=True)) == [("Jane Roe", "legislators")]


def test_voices_take_a_story_actors_role_from_other_outlets(general_lexicons):
    texts = {"A": "Sen. Jane Roe voted no on Friday.", "B": "Jane Roe said the vote was rushed."}
    analyses = []
    for outlet, text in texts.items():
        doc = parse_text(text, general_lexicons, id=outlet.lower(), outlet=outlet)
        spans = (source(text, "Jane Roe"),) if outlet == "B" else ()
        analyses.append(ArticleAnalysis(doc, {}, spans))
    frame = build_voices(analyses, general_lexicons, WordFolder(general_lexicons.stop_words))
    assert frame.iloc[0].role == "legislators"
    assert frame.iloc[0].role_reason.startswith("story actor 'Sen. Jane Roe'")  # the label layer's whole name
    assert "e.g. in a: name 'Sen. Jane Roe' at 0-13: row 'sen.'" in frame.iloc[0].role_reason


def test_voices_reasons_quote_words_at_their_offsets(general_lexicons):
    text = ("Sen. Jane Roe said the bill was dead. Roe, a Democrat, added that talks would go on. "
            "Prof. Max Poe, an economist at the state university, said costs would rise.")
    spans = [source(text, "Jane Roe"), source(text, "Roe", nth=1), source(text, "Max Poe")]
    frame = voices(general_lexicons, text, spans)
    assert list(frame.role) == ["legislators", "legislators", "experts_academics"]
    for reason in frame.role_reason:
        cited = _QUOTED_WORDS.findall(reason)
        assert cited, reason
        for words, start, end in cited:
            assert text[int(start):int(end)] == words


def test_voices_pin_story_actors_from_a_pack(tmp_path, general_lexicons):
    text = "Jane Roe said the mill would close."
    assert role_of(general_lexicons, text, "Jane Roe")[0] == "other"
    pack = tmp_path / "story" / "lexicons"
    pack.mkdir(parents=True)
    (pack / "voice_roles.tsv").write_text(ROLE_HEADER + "roe\tbusiness\t\ttest\tthe mill's owner\n", encoding="utf-8")
    (tmp_path / "story" / "manifest.csv").write_text("file,id,outlet\n", encoding="utf-8")
    pinned = corpus_lexicons([tmp_path / "story"])
    role, reason = role_of(pinned, text, "Jane Roe")
    assert role == "business"
    assert reason == "own words 'Jane Roe' at 0-8: story pack row 'roe' (story/lexicons/voice_roles.tsv:4)"


def test_voices_story_pack_needs_a_manifest_beside_it(tmp_path):
    (tmp_path / "lexicons").mkdir()
    (tmp_path / "lexicons" / "voice_roles.tsv").write_text(ROLE_HEADER + "roe\tbusiness\t\ttest\towner\n",
                                                           encoding="utf-8")
    lexicons = corpus_lexicons([tmp_path])
    assert "roe" not in {entry.key for entry in lexicons["voice_roles"]}


def test_voices_unknown_role_in_a_pack_is_a_lexicon_error(tmp_path):
    pack = tmp_path / "lexicons"
    pack.mkdir()
    (pack / "voice_roles.tsv").write_text(ROLE_HEADER.replace("other\n", "other, us_government\n")
                                          + "roe\tus_government\t\ttest\ta role the bundled file lacks\n",
                                          encoding="utf-8")
    with pytest.raises(FramingInputError) as error:
        load_lexicons(packs=[pack])
    message = str(error.value)
    assert f"{pack / 'voice_roles.tsv'}:4" in message
    assert "'us_government' is not one of" in message
    assert "bundled file's header" in message
    assert "\n" not in message


def test_voices_seeds_use_their_story_pack(seed_analyses, lexicons):
    frame = build_comparison(list(seed_analyses.values()), lexicons=lexicons)["voices"]
    maduro = frame[frame.voice.str.contains("Maduro")]
    assert not maduro.empty
    assert set(maduro.role) == {"foreign_governments"}
    assert any("story pack row 'maduro' (seeds/lexicons/voice_roles.tsv:" in r for r in maduro.role_reason)
    assert (frame.role == "other").mean() < 0.25


def test_voices_general_lexicons_name_no_actor_of_the_sample_story():
    for path in sorted(Path(bundled_lexicon_dir()).glob("*.tsv")):
        text = path.read_text(encoding="utf-8").lower()
        # The gazetteer lists every country and many capitals: general geography, not the story's actors.
        words = [w for w in SAMPLE_STORY_WORDS if w not in SAMPLE_STORY_PLACES] if path.name == "places.tsv" \
            else SAMPLE_STORY_WORDS
        # Whole words: "trumpet" (a loaded verb) names nobody.
        named = [word for word in words if re.search(rf"\b{re.escape(word)}\b", text)]
        assert not named, f"{path.name} names {named}: move those rows to seeds/lexicons/"


def test_voices_type_a_staff_word_by_whom_an_earlier_use_works_for(general_lexicons):
    text = ("A spokesperson for Sen. Jane Roe fired back on Tuesday. "
            "The spokesperson also said the plan would fail.")
    role, reason = role_of(general_lexicons, text, "The spokesperson", "institution")
    assert role == "legislators" and reason.startswith("staff owner:"), reason
    assert "'Sen. Jane Roe" in reason


def test_voices_a_staff_word_nobody_owns_is_only_a_guess(general_lexicons):
    text = "The spokesperson said the plan would fail."
    frame = voices(general_lexicons, text, [source(text, "The spokesperson", "institution")])
    assert frame.iloc[0].confidence < 0.7 and "without whose staff" in frame.iloc[0].role_reason


@pytest.mark.parametrize(("text", "words", "role", "rule"), [
    ("“It failed,” said Jim Moe, an adviser to Sen. Jane Roe.", "Jim Moe", "legislators", "speaks for"),
    ("“No,” said Ann Lee, the president of the Ohio State Senate.", "Ann Lee", "legislators", "the body of the job"),
    ("Sen. Jane Roe spoke. “It failed,” said Roe adviser Jim Moe.", "Jim Moe", "legislators", "staff of"),
    ("Republican National Committee spokesman Tim Kay called it bad.", "Tim Kay", "parties_campaigns", "national"),
])
def test_voices_type_staff_by_the_body_or_person_they_work_for(general_lexicons, text, words, role, rule):
    found, reason = role_of(general_lexicons, text, words)
    assert found == role and rule in reason, reason


def test_voices_a_job_at_a_body_no_row_types_is_a_guess(general_lexicons):
    text = "“Yes,” said Pat Doe, the Washington director of Ohio Forward."
    frame = voices(general_lexicons, text, [source(text, "Pat Doe")])
    assert "untyped" in frame.iloc[0].role_reason and frame.iloc[0].confidence < 0.7


def test_voices_a_name_made_of_a_phrase_is_typed_by_what_the_text_calls_it(general_lexicons):
    text = "Mend the Court, a group that pushes for reform, found that judges step aside."
    role, reason = role_of(general_lexicons, text, "Mend the Court", "institution")
    assert role == "advocacy_rights_groups" and reason.startswith("appositive 'a group'"), reason


def test_voices_a_given_name_is_no_document(general_lexicons):
    text = "Bill Moe said the plan was fine."
    role, reason = role_of(general_lexicons, text, "Bill Moe")
    assert role != "documents", reason


def test_voices_a_staff_owner_is_the_name_after_for_not_later_capitals(general_lexicons):
    text = ("Sen. Jane Roe spoke on Monday. A spokesperson for Roe fired back Tuesday, telling reporters it was wrong. "
            "The spokesperson also said Roe would vote no.")
    role, reason = role_of(general_lexicons, text, "The spokesperson", "institution")
    assert role == "legislators" and reason.startswith("staff owner:"), reason


def test_voices_a_later_mention_of_a_phrase_name_finds_its_first_by_the_whole_name(general_lexicons):
    text = ("The Supreme Court ruled. A study by Mend the Court, a group that pushes for reform, came out. "
            "Mend the Court found that judges step aside.")
    role, reason = role_of(general_lexicons, text, "Mend the Court", "institution", nth=1)
    assert role == "advocacy_rights_groups" and "'Supreme Court" not in reason, reason
