"""Direct quotes and their speakers (framing.features.quotes)."""

from __future__ import annotations

import pytest

from framing.features import quotes

SPEAKERS = [
    # (text, quote as written, speaker, speaker kind, speaker mention as written)
    pytest.param(
        "Eight days prior, coinciding with the arrival of the aircraft carrier Gerald Ford in the region, he "
        "stated, “It is possible that we are going to talk. We will see how it turns out.”",
        "“It is possible that we are going to talk. We will see how it turns out.”", "", "named_person", "he",
        id="pronoun-unresolved-without-antecedent",
    ),
    pytest.param(
        "Despite the build-up, President Donald Trump has publicly acknowledged the possibility of talks. "
        "Eight days prior, coinciding with the arrival of the aircraft carrier Gerald Ford in the region, he "
        "stated, “It is possible that we are going to talk. We will see how it turns out.”",
        "“It is possible that we are going to talk. We will see how it turns out.”", "Donald Trump", "named_person",
        "he", id="pronoun-skips-object-name-to-subject",
    ),
    pytest.param(
        "Jorge Rodriguez, the head of the legislature, met families. He refrained from commenting on the "
        "potential Trump-Maduro dialogue. “Given that no war has been declared, it can only be murder,” he asserted.",
        "“Given that no war has been declared, it can only be murder,”", "Jorge Rodriguez", "named_person", "he",
        id="pronoun-chain-and-hyphenated-names-ignored",
    ),
    pytest.param(
        "Maria Lopez met the governor. “We expect a deal soon,” she said.",
        "“We expect a deal soon,”", "Maria Lopez", "named_person", "she", id="she-resolves",
    ),
    pytest.param(
        "“We’ll look into it, but no, I wouldn’t have wanted that,” Trump clarified to reporters.",
        "“We’ll look into it, but no, I wouldn’t have wanted that,”", "Trump", "named_person", "Trump",
        id="tag-after-quote",
    ),
    pytest.param(
        '"It will be first-order business," said Mr. Podesta.',
        '"It will be first-order business,"', "Podesta", "named_person", "Mr. Podesta", id="inverted-said",
    ),
    pytest.param(
        "“Donald Trump hasn’t said it directly, but he wants a legacy,” an advisor told Axios.",
        "“Donald Trump hasn’t said it directly, but he wants a legacy,”", "an advisor", "anonymous", "an advisor",
        id="anonymous-told-outlet-and-cue-inside-quote-ignored",
    ),
    pytest.param(
        "As one senior official stated, “No one plans to go and shoot him – for now.”",
        "“No one plans to go and shoot him – for now.”", "one senior official", "anonymous", "one senior official",
        id="as-official-stated",
    ),
    pytest.param(
        "According to a Trump advisor quoted by Axios, a diplomatic solution is “quite likely,” driven by drugs.",
        "“quite likely,”", "a Trump advisor", "anonymous", "a Trump advisor", id="speaker-not-the-relaying-outlet",
    ),
    pytest.param(
        "The White House said in a statement: “The talks are over.”",
        "“The talks are over.”", "The White House", "institution", "The White House", id="institution",
    ),
    pytest.param(
        "Critics, including rights groups, have argued that “the strikes are illegal under any reading.”",
        "“the strikes are illegal under any reading.”", "Critics", "vague", "Critics", id="vague-group-appositive",
    ),
    pytest.param(
        "Cruz called Trump a “pathological liar” who is “utterly amoral.”",
        "“pathological liar”", "Cruz", "named_person", "Cruz", id="sentence-subject-fallback",
    ),
    pytest.param(
        "Bernie Sanders spoke in Iowa. “Why should a gun dealer be sued?” Sanders asked.",
        "“Why should a gun dealer be sued?”", "Bernie Sanders", "named_person", "Sanders",
        id="question-mark-ends-sentence-before-tag",
    ),
    pytest.param(
        "Republican nominee Donald Trump issued the following statement:\n\n“Our prayers are with all those affected.”",
        "“Our prayers are with all those affected.”", "Donald Trump", "named_person",
        "Republican nominee Donald Trump", id="colon-paragraph-before",
    ),
    pytest.param(
        "Pat Bryne went on to say, “From the bottom of my soul, I know this to be true.”",
        "“From the bottom of my soul, I know this to be true.”", "Pat Bryne", "named_person", "Pat Bryne",
        id="went-on-to-say",
    ),
    pytest.param(
        "“He represents everything the country is not, and I am ashamed.” ― Carla Sanchez",
        "“He represents everything the country is not, and I am ashamed.”", "Carla Sanchez", "named_person",
        "Carla Sanchez", id="dash-signature",
    ),
    pytest.param(
        "“One of the things that is misunderstood is where she stands,” John Bolton continued.",
        "“One of the things that is misunderstood is where she stands,”", "John Bolton", "named_person",
        "John Bolton", id="tag-with-unlisted-verb",
    ),
    pytest.param(
        "Senator Ann Lee has said that she knows the bill would be “a disaster for farmers across the state.”",
        "“a disaster for farmers across the state.”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="outer-report-frames-inner-cue-of-same-speaker",
    ),
    pytest.param(
        "Donald Trump, who called the deal “the worst in the history of trade,” spoke on Friday.",
        "“the worst in the history of trade,”", "Donald Trump", "named_person", "Donald Trump, who",
        id="relative-pronoun-in-speaker-span",
    ),
    pytest.param(
        "Senator Ann Lee: “We will not back down on this bill.”",
        "“We will not back down on this bill.”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="colon-after-speaker",
    ),
    pytest.param(
        "“Imagine the two of them on the same stage,” mused radio host Tom Hale.",
        "“Imagine the two of them on the same stage,”", "Tom Hale", "named_person", "Tom Hale",
        id="inverted-unlisted-verb",
    ),
    pytest.param(
        "Senator Ann Lee on Tuesday called the plan “a gift to the largest banks in the country.”",
        "“a gift to the largest banks in the country.”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="time-adverbial-before-called",
    ),
    pytest.param(
        "Donald Trump said the war was “a terrible mistake for the country,” although he supports the troops.",
        "“a terrible mistake for the country,”", "Donald Trump", "named_person", "Donald Trump",
        id="conjunction-after-quote-is-no-tag",
    ),
    # Mention layer: places, offices, initials, roles before a name (issue 16).
    pytest.param(
        "“The plan will not pass this year,” said Sen. Pat Doe of Texas.",
        "“The plan will not pass this year,”", "Pat Doe", "named_person", "Sen. Pat Doe",
        id="state-after-name-is-no-speaker",
    ),
    pytest.param(
        "Sen. Pat Doe of Texas, who leads the panel, told reporters, “We will not vote on it this week.”",
        "“We will not vote on it this week.”", "Pat Doe", "named_person", "Sen. Pat Doe",
        id="state-before-relative-clause-is-no-speaker",
    ),
    pytest.param(
        "“The review found serious errors,” the inspector general said.",
        "“The review found serious errors,”", "the inspector general", "named_person", "the inspector general",
        id="inspector-general-is-the-office",
    ),
    pytest.param(
        "“We will win this race easily,” said Vice President Joseph R. Biden.",
        "“We will win this race easily,”", "Joseph R. Biden", "named_person", "Vice President Joseph R. Biden",
        id="name-with-initial-is-whole",
    ),
    pytest.param(
        "“They lost the debate tonight, clearly,” said Acme campaign manager Jim Doe.",
        "“They lost the debate tonight, clearly,”", "Jim Doe", "named_person", "Acme campaign manager Jim Doe",
        id="person-after-organisation-and-role",
    ),
    # A report named inside what someone stated is part of the statement, not its speaker.
    pytest.param(
        "Later in the show, Tom Hale stated of the scandal that the agency’s report “was not good at all, frankly.”",
        "“was not good at all, frankly.”", "Tom Hale", "named_person", "Tom Hale",
        id="that-clause-after-a-phrase-is-framed",
    ),
    pytest.param(
        "When Ann Lee noted that Tom Hale paid no tax ― as his returns showed ― Tom Hale boasted, "
        "“That makes me smart.”",
        "“That makes me smart.”", "Tom Hale", "named_person", "Tom Hale", id="aside-in-dashes-ends-the-framing",
    ),
    # One organisation however written: F.B.I., FBI and "the bureau" name the same speaker.
    pytest.param(
        "The F.B.I. opened a case. “We found nothing of note in the files,” the bureau said.",
        "“We found nothing of note in the files,”", "Federal Bureau of Investigation", "institution", "the bureau",
        id="organisation-alias-names-the-organisation",
    ),
    pytest.param(
        "“We will close the case very soon,” the FBI said.",
        "“We will close the case very soon,”", "Federal Bureau of Investigation", "institution", "the FBI",
        id="acronym-names-the-organisation",
    ),
    # A lawyer's words are the lawyer's: "He" is the subject, not the client in the possessive.
    pytest.param(
        "Mr. Cole's lawyer, Dan Fisk, said the case was weak. He added, “A long inquiry found nothing at all.”",
        "“A long inquiry found nothing at all.”", "Dan Fisk", "named_person", "He", id="lawyer-not-client",
    ),
    # Questions belong to who asks them, not to the one asked.
    pytest.param(
        "The host asked Mr. Lee, “Is that picture really you at the beach?” Mr. Lee laughed.",
        "“Is that picture really you at the beach?”", "The host", "anonymous", "The host",
        id="question-introduced-by-asker",
    ),
    pytest.param(
        "“Is that picture really you at the beach?” the interviewer asked Mr. Lee.",
        "“Is that picture really you at the beach?”", "the interviewer", "anonymous", "the interviewer",
        id="question-tagged-by-asker",
    ),
    pytest.param(
        "Mr. Lee sat down with the host. “Is that picture really you?” he was asked.",
        "“Is that picture really you?”", "", "unknown", "", id="question-put-to-him-is-not-his",
    ),
    pytest.param(
        "Mr. Lee was asked, “Is that picture really you at the beach?”",
        "“Is that picture really you at the beach?”", "", "unknown", "", id="asked-passive-subject-is-not-asker",
    ),
    # A quote left open at its paragraph's end ends there; signed on the next line, it is the signer's.
    pytest.param(
        "“We will enter the next slump without a plan for growth.\nJosh Doe, Acme Policy Institute.”",
        "“We will enter the next slump without a plan for growth.", "Josh Doe", "named_person", "Josh Doe",
        id="unclosed-quote-signed-below",
    ),
    # A nested quote the outer speaker credits to someone named.
    pytest.param(
        "“Mr. Jones told me, ‘I will resign before the vote,’ and he did,” Ms. Smith said.",
        "‘I will resign before the vote,’", "Jones", "named_person", "Mr. Jones", id="nested-quote-inner-speaker",
    ),
    pytest.param(
        "“Mr. Jones told me, ‘I will resign before the vote,’ and he did,” Ms. Smith said.",
        "“Mr. Jones told me, ‘I will resign before the vote,’ and he did,”", "Smith", "named_person", "Ms. Smith",
        id="nested-quote-outer-speaker",
    ),
    # Mismatched marks pair as one family, so the tag stays outside both quotes.
    pytest.param(
        'Mayor Jane Doe spoke on Sunday. “Our roads are crumbling," she said. "Our airports are a mess.”',
        '“Our roads are crumbling,"', "Jane Doe", "named_person", "she", id="mismatched-marks-tag-after",
    ),
    pytest.param(
        'Mayor Jane Doe spoke on Sunday. “Our roads are crumbling," she said. "Our airports are a mess.”',
        '"Our airports are a mess.”', "Jane Doe", "named_person", "she", id="mismatched-marks-after-tag",
    ),
    pytest.param(
        "Mayor Jane Doe took questions. “Do you want a new bridge or not?“ she asked the crowd.",
        "“Do you want a new bridge or not?“", "Jane Doe", "named_person", "she", id="opening-mark-as-closer-tag",
    ),
    # Pronoun gender: a title shows a person's gender; a pronoun passes over the other gender.
    pytest.param(
        "Mrs. Ann Lee met Mr. Tom Hale on Monday. He said, “We will build the bridge next year.”",
        "“We will build the bridge next year.”", "Tom Hale", "named_person", "He", id="pronoun-gender-he-skips-mrs",
    ),
    pytest.param(
        "Mr. Tom Hale met Mrs. Ann Lee at the hall. “We will not wait for the council,” she said.",
        "“We will not wait for the council,”", "Ann Lee", "named_person", "she", id="pronoun-gender-she-skips-mr",
    ),
    pytest.param(
        "Mrs. Ann Lee spoke on Friday. “We will not wait for the council,” he said.",
        "“We will not wait for the council,”", "he", "named_person", "he", id="pronoun-gender-no-match-unresolved",
    ),
    pytest.param(
        "Mrs. Ann Lee met Mr. Tom Hale. She said the plan was ready. He said, “It will pass in the spring.”",
        "“It will pass in the spring.”", "Tom Hale", "named_person", "He", id="pronoun-gender-carried-by-pronoun",
    ),
    pytest.param(
        "Cruz spokeswoman Amy Frazier met Mr. Tom Hale. “We will not wait for the council,” she said.",
        "“We will not wait for the council,”", "Amy Frazier", "named_person", "she", id="pronoun-gender-from-noun",
    ),
    pytest.param(
        "The show opened late. “Promise me you will keep your hands in sight,” Blige sings to the crowd.",
        "“Promise me you will keep your hands in sight,”", "Blige", "named_person", "Blige",
        id="tag-unlisted-single-name",
    ),
    pytest.param(
        "Senator Ann Lee downplayed the mayor’s comments, saying they were “not a big deal.”",
        "“not a big deal.”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="participle-continues-first-report-of-sentence",
    ),
    pytest.param(
        "Mayor Jane Doe said the budget was balanced.\n\n“We cut waste in every department.”",
        "“We cut waste in every department.”", "Jane Doe", "named_person", "Mayor Jane Doe",
        id="quote-continues-report-just-before",
    ),
    pytest.param(
        "Senator Ann Lee added, “Will it pass?”\n\nFollow Jane Doe on Twitter for updates.",
        "“Will it pass?”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="no-tag-across-paragraph-break",
    ),
    pytest.param(
        "The agency made a “serious mistake” in the check, Director Ann Lee has said.",
        "“serious mistake”", "Director Ann Lee", "named_person", "Director Ann Lee",
        id="report-closing-the-sentence-beats-subject",
    ),
    pytest.param(
        "Senator Ann Lee said that the mayor wants “a new stadium for the team.”",
        "“a new stadium for the team.”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="report-inside-that-clause-is-framed",
    ),
    pytest.param(
        "Senator Ann Lee said “it makes me angry” every time the mayor thinks about it.",
        "“it makes me angry”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="later-clause-without-comma-is-no-tag",
    ),
    pytest.param(
        "Senator Ann Lee complained that officials tried to “protect” Mayor Jane Doe by delaying the vote.",
        "“protect”", "Ann Lee", "named_person", "Senator Ann Lee",
        id="name-after-quote-without-comma-is-no-tag",
    ),
    pytest.param(
        "Immediately after the vote, Hale issued a statement, “Our town was let down by its council.”",
        "“Our town was let down by its council.”", "Hale", "named_person", "Hale",
        id="verb-and-its-document-before-quote",
    ),
    pytest.param(
        "When the mayor spoke, Hale fired back forcefully: “If they sue us, they will lose.”",
        "“If they sue us, they will lose.”", "Hale", "named_person", "Hale",
        id="phrasal-verb-and-adverb-before-quote",
    ),
    pytest.param(
        "“The council represents everything this town is not.”\xa0― Karen Bobadilla",
        "“The council represents everything this town is not.”", "Karen Bobadilla", "named_person",
        "Karen Bobadilla", id="dash-signature-after-no-break-space",
    ),
    pytest.param(
        "Tom Hale apologized on Monday. He said he “respects” Ann Lee and praised the town. “I have great respect "
        "for every farmer in this county,” he said.",
        "“I have great respect for every farmer in this county,”", "Tom Hale", "named_person", "he",
        id="name-after-a-quoted-word-is-no-antecedent",
    ),
    pytest.param(
        "Asked about each of his rivals, Mayor Tom Hale played along.\n\nGovernor Ann Lee? “Strong and steady "
        "on the budget,” he said.",
        "“Strong and steady on the budget,”", "Tom Hale", "named_person", "he",
        id="name-asked-about-is-not-who-answers",
    ),
    pytest.param(
        "Mayor Jane Doe faced a backlash -- including a call from Senator Ann Lee to resign -- as she hit back, "
        "calling the charge “a smear by people who never read the report.”",
        "“a smear by people who never read the report.”", "Jane Doe", "named_person", "Mayor Jane Doe",
        id="participle-continues-the-clause-not-a-noun-report",
    ),
    pytest.param(
        "“She may have gone a little too far this time,” Senate Minority Whip Ann Lee, D-Ill., told the outlet.",
        "“She may have gone a little too far this time,”", "Ann Lee", "named_person",
        "Senate Minority Whip Ann Lee", id="whip-is-a-title",
    ),
    pytest.param(
        "The weather was fine. “Nothing will change in this country,” the crowd heard.",
        "“Nothing will change in this country,”", "", "unknown", "", id="no-speaker-is-unknown",
    ),
    # A printed Q&A: the prompts name whom the answers are about, the answers stay the interviewee's.
    pytest.param(
        "Asked about each rival, Mayor Ann Stone obliged. Governor Bell? “Steady,” she said. "
        "Senator Park? “A hard worker with good ideas.”",
        "“A hard worker with good ideas.”", "Ann Stone", "named_person", "she", id="answer-in-a-run-of-questions",
    ),
    pytest.param(
        "Asked about each rival, Mayor Ann Stone obliged. Governor Bell? “Steady and calm, every time,” she said.",
        "“Steady and calm, every time,”", "Ann Stone", "named_person", "she", id="bare-question-names-no-antecedent",
    ),
    # Staff introduced without a name, then met again by another role word.
    pytest.param(
        "A spokesperson for Senator Ray Oak replied on Monday. “The senator has always backed farm families,” "
        "the aide said.",
        "“The senator has always backed farm families,”", "A spokesperson for Senator Ray Oak", "anonymous",
        "the aide", id="the-aide-is-the-spokesperson",
    ),
    # A title with modifiers and no holder yet: the one person named in the sentence before.
    pytest.param(
        "The praise came from Sen. Lee Rowe of Utah. The Democratic presidential candidate said "
        "“the record is quite clear on this point.”",
        "“the record is quite clear on this point.”", "Lee Rowe", "named_person", "candidate",
        id="modified-title-is-the-person-just-named",
    ),
    pytest.param(
        "Gov. Dana Wells answered on Tuesday. “It is a disgrace. I could not believe it when I saw it,” "
        "the presumptive Republican nominee said.",
        "“It is a disgrace. I could not believe it when I saw it,”", "Dana Wells", "named_person",
        "Republican nominee", id="modified-title-looks-back-past-the-quote",
    ),
    pytest.param(
        "Gov. Dana Wells answered on Tuesday. The inspector general said “the audit is late and incomplete.”",
        "“the audit is late and incomplete.”", "The inspector general", "named_person", "The inspector general",
        id="a-compound-title-is-not-the-person-before",
    ),
    pytest.param(
        "It was a speech in which Mayor Ann Cole criticized allies, but argued that Bo Dean was a menace. "
        "“I know a con artist when I see one,” he said.",
        "“I know a con artist when I see one,”", "Ann Cole", "named_person", "he",
        id="relative-clause-subject-outranks-complement-subject",
    ),
    pytest.param(
        "Judge Ann Fox faced a backlash -- including a call from Senator Bo Lee to resign -- as she held firm, "
        "calling him “a fraud who cannot be trusted with anything.”",
        "“a fraud who cannot be trusted with anything.”", "Ann Fox", "named_person", "Judge Ann Fox",
        id="a-report-inside-a-dash-aside-is-not-the-quote-s",
    ),
    pytest.param(
        "Mayor Tom Hale spoke next. He raised Governor Ray Dunn’s remarks at a dinner in which he talked "
        "about taxes, claiming that he could “never win over voters who pay nothing at all.”",
        "“never win over voters who pay nothing at all.”", "Ray Dunn", "named_person", "he",
        id="relative-clause-on-a-possessed-noun-is-the-possessor-s",
    ),
    # A surname that is also an outlet's name is the person when the text names that person.
    pytest.param(
        "Michael Bloomberg spoke on Monday. “I know a con when I see one, and so do you,” Bloomberg said.",
        "“I know a con when I see one, and so do you,”", "Michael Bloomberg", "named_person", "Bloomberg",
        id="a-named-person-is-not-the-outlet-of-the-same-name",
    ),
    pytest.param(
        "Dan Roe, an adviser, noted the change of tone. Indeed, even Mayor Bo Kent himself declared in May that "
        "the war was necessary, far from the remarks he made on Friday, in which he said: "
        "“This is not our war to win.”",
        "“This is not our war to win.”", "Bo Kent", "named_person", "he", id="even-before-a-subject-keeps-it-a-subject",
    ),
    pytest.param(
        "“The court should stay out of politics,” The Washington Post’s editorial board said on Tuesday.",
        "“The court should stay out of politics,”", "The Washington Post’s editorial board", "media",
        "The Washington Post’s editorial board",
        id="possessive-dropped-from-the-speaker-s-name",
    ),
    pytest.param(
        "Mayor Lena Ortiz spoke in Dayton. “We must fix the roads before winter comes,” the 52-year-old said.",
        "“We must fix the roads before winter comes,”", "Lena Ortiz", "named_person", "the 52-year-old",
        id="an-age-description-is-the-person-just-named",
    ),
    pytest.param(
        "Sen. Jo Marsh, R-TX, who heads the panel, said Tuesday, “I think the vote will have to wait.”",
        "“I think the vote will have to wait.”", "Jo Marsh", "named_person", "Sen. Jo Marsh",
        id="a-party-state-tag-is-not-the-speaker",
    ),
    pytest.param(
        "Mr. Lin said his group would evaluate any proposed changes “to make sure they are fair to all.”",
        "“to make sure they are fair to all.”", "Lin", "named_person", "Mr. Lin",
        id="a-quantifier-heads-no-source-phrase",
    ),
    pytest.param(
        "Former prosecutor Joseph diGenova spoke first. “This was a show for the cameras and nothing else,” "
        "diGenova, an adviser to the mayor, told Fox News.",
        "“This was a show for the cameras and nothing else,”", "Joseph diGenova", "named_person", "diGenova",
        id="the-listener-after-told-is-not-the-speaker",
    ),
    pytest.param(
        "“Protecting the privacy of our users is our top priority,” the company's chief security officer "
        "Joe Sullivan said in a statement.",
        "“Protecting the privacy of our users is our top priority,”", "Joe Sullivan", "named_person", "Joe Sullivan",
        id="a-long-tag-still-tags-the-quote",
    ),
    pytest.param(
        "“We stand with our allies and always will,” the coalition's executive director, Matt Brooks, said.",
        "“We stand with our allies and always will,”", "Matt Brooks", "named_person", "Matt Brooks",
        id="the-name-in-the-aside-holds-the-role",
    ),
    pytest.param(
        "The panel noted the Code of Ethics for city councils says that a “member should not vote on her own pay.”",
        "“member should not vote on her own pay.”", "the Code of Ethics for city councils", "document",
        "the Code of Ethics for city councils", id="a-text-inside-a-report-is-the-quote-s-source",
    ),
]


@pytest.mark.parametrize(("text", "quoted", "speaker", "kind", "mention"), SPEAKERS)
def test_quotes_speaker(parse, lexicons, text: str, quoted: str, speaker: str, kind: str, mention: str) -> None:
    doc = parse(text)
    spans = [s for s in quotes.extract(doc, lexicons).spans if s.text == quoted]
    assert spans, [s.text for s in quotes.extract(doc, lexicons).spans]
    span = spans[0]
    assert doc.text[span.start : span.end] == span.text == quoted
    attrs = span.attrs
    assert attrs["speaker_kind"] == kind
    assert attrs["speaker_mention"] == mention
    if speaker:
        assert attrs["speaker"] == speaker
    if mention:
        assert doc.text[attrs["speaker_start"] : attrs["speaker_end"]] == mention
    else:
        assert attrs["speaker_start"] is None and attrs["speaker_end"] is None


def test_quotes_pronoun_without_antecedent_keeps_mention(parse, lexicons) -> None:
    doc = parse("“We will see,” he said.")
    attrs = quotes.extract(doc, lexicons).spans[0].attrs
    assert attrs["speaker"] == "he" and attrs["speaker_kind"] == "named_person"


@pytest.mark.parametrize("text", [
    "“We will win the state,” Ms. Roe told “Today.”",
    "“We will win the state,” Ms. Roe said on “Meet the Press.”",
])
def test_quotes_show_titles_are_not_quotes(parse, lexicons, text: str) -> None:
    spans = quotes.extract(parse(text), lexicons).spans
    assert [s.text for s in spans] == ["“We will win the state,”"]
    assert spans[0].attrs["speaker"] == "Roe"


def test_quotes_scare_quotes_are_not_direct_quotes(parse, lexicons) -> None:
    doc = parse("The so-called ‘gunboat diplomacy’ of US ‘narcoterrorism’ strikes on the “Suns Cartel” goes on.")
    assert quotes.extract(doc, lexicons).spans == []


@pytest.mark.parametrize(("text", "quoted", "kind"), [
    ("He wrote back at once: “A lost cause.” Then he left.", "“A lost cause.”", "speech"),
    ("The board met. “Frankly, we’re done.” The vote came later.", "“Frankly, we’re done.”", "speech"),
    ("They mocked the so-called “peace plan.” It failed.", "“peace plan.”", "scare"),
    ("The navy began Operation “Northern Gate.” It ran a week.", "“Northern Gate.”", "scare"),
])
def test_quotes_a_short_quoted_sentence_is_speech_not_a_scare_quote(parse, text: str, quoted: str, kind: str) -> None:
    doc = parse(text)
    assert [(text[q.start:q.end], q.kind) for q in doc.quotes] == [(quoted, kind)]


def test_quotes_straight_and_curly_give_the_same_speaker(parse, lexicons) -> None:
    curly = quotes.extract(parse("“We will win this fight,” the minister said."), lexicons).spans
    straight = quotes.extract(parse('"We will win this fight," the minister said.'), lexicons).spans
    assert [s.attrs["speaker"] for s in curly] == [s.attrs["speaker"] for s in straight] == ["the minister"]


def test_quotes_values_count_quotes_and_speakers(parse, lexicons) -> None:
    doc = parse(
        "“One thing,” Ana Ruiz said. “Another thing,” she added. “A third,” Bob Lee said. “Nothing more to add here.”"
    )
    values = quotes.extract(doc, lexicons).values
    assert values["n_direct_quotes"] == 4
    assert values["n_quote_speakers"] == 2
    assert 0 < values["quoted_word_share"] < 1


def test_quotes_seed_quote_spans_match_text(seed_analyses) -> None:
    for analysis in seed_analyses.values():
        text = analysis.document.text
        for span in analysis.spans_of("quote"):
            assert text[span.start : span.end] == span.text
            assert span.label == "direct quote"
            if span.attrs["speaker_start"] is not None:
                assert text[span.attrs["speaker_start"] : span.attrs["speaker_end"]] == span.attrs["speaker_mention"]
