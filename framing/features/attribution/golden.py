"""Golden tables: the examples each attribution rule owns, pySBD-style, one row per sentence.

A row is (text, cue as written, source as written, source kind): the rule must make that
cue with that source. Source None means the cue counts without a source; kind
:data:`~.model.REJECTED` means the rule turns the cue down. A row of a source rule whose
cue is accepted without a source is made by ``sourceless_report`` after the rule found
none, which the test allows. Every sentence is made up for the table; none comes from an
evaluation corpus. ``tests/test_attribution_rules.py`` runs every row as
``test_attribution_<rule>_golden``.

A new rule adds its rows here; a change that breaks a row changes what the rule means.
"""

from __future__ import annotations

from .model import DOUBTED, REJECTED, GoldenRow

R = GoldenRow

CUE_GOLDEN: dict[str, tuple[GoldenRow, ...]] = {
    "capitalized_in_name": (
        R("The United States has intensified its pressure.", "States", None, REJECTED),
        R("The Lee Question: A Bold Plan?", "Question", None, REJECTED),
        R("A Senator Says the Plan Is Dead", "Says", "A Senator", "named_person"),
    ),
    "aim_needs_infinitive": (
        R("Senator Ann Lee announced that she would not seek re-election.", "seek", None, REJECTED),
        R("He would seek re-election to the Senate.", "seek", None, REJECTED),
        R("The donor pledged $5 million to the campaign.", "pledged", None, REJECTED),
        R("Rebels threatened the town with attacks.", "threatened", None, REJECTED),
        R("The group plans a rally on Sunday.", "plans", None, REJECTED),
        R("The president threatened to veto the bill.", "threatened", "The president", "named_person"),
        R("Clinton sought on Wednesday to ease fears about the plan.", "sought", "Clinton", "named_person"),
        R("The senator pledged to vote against the bill.", "pledged", "The senator", "named_person"),
    ),
    "sourceless_report": (
        R("Maduro was accused of leading the cartel.", "accused", None, None),
        R("Most of them said the plan would fail.", "said", None, None),
        R("Comey indicated that no charges would follow.", "indicated", None, None),
        R("The crowd grew, chanting slogans.", "chanting", None, None),
        R("The senator is widely expected to resign next week.", "expected", None, None),
        R("The bill is said to include a tax cut.", "said", None, None),
        R("Their warning that the dam would fail came too late.", "warning", None, None),
        R("The claim that prices rose was false.", "claim", None, None),
        R("“We stand with the farmers,” tweeted the Chicago, Ill., chapter of the union.", "tweeted", None, None),
    ),
    "as_source_put_it": (
        R("The clerk put it on the table.", "put it", None, REJECTED),
        R("They put it to a vote.", "put it", None, REJECTED),
        R("As the mayor put it, the city is broke.", "put it", "the mayor", "named_person"),
        R("The tax is, as one farmer put it, a punishment for working.", "put it", "one farmer", "anonymous"),
    ),
    "predicate_needs_content": (
        R("The mayor endorsed Ann Lee on Wednesday.", "endorsed", None, REJECTED),
        R("The senator also appeared twice on the show.", "appeared", None, REJECTED),
        R("The mayor seemed focused on the budget.", "seemed", None, REJECTED),
        R("The governor underscored the need for reform.", "underscored", None, REJECTED),
        R("The senator agreed that the vote should wait.", "agreed", "The senator", "named_person"),
        R("The mayor agreed to support the bill.", "agreed", "The mayor", "named_person"),
        R("The governor underscored that the budget was tight.", "underscored", "The governor", "named_person"),
        R("Many observers view it as a strategic effort.", "view", "Many observers", "vague"),
        R("The poll found wide support for the plan.", "found", "The poll", "document"),
        R("The speech seemed designed to anger the mayor.", "seemed", None, REJECTED),
    ),
    "inside_reported_clause": (
        R("The mayor insisted that he wanted a new budget.", "wanted", None, REJECTED),
        R("Ann Lee said she believed the plan would fail.", "believed", None, REJECTED),
        R("The mayor insisted that he wanted a new budget.", "insisted", "The mayor", "named_person"),
        R("The mayor said the governor had claimed the budget was tight.", "claimed", "the governor",
          "named_person"),
        R("Tom Hale said the budget cut the 300 jobs he and Ann Lee say the plant needs.", "say", "he and Ann Lee",
          "named_person"),
    ),
}

# A doubt rule's rows: kind DOUBTED, the cue is kept but marked possible; any other kind, it stays sure.
DOUBT_GOLDEN: dict[str, tuple[GoldenRow, ...]] = {
    "aim_not_claim": (
        R("The mayor plans to run for governor.", "plans", None, DOUBTED),
        R("Senator Ann Lee refused to release her tax returns.", "refused", None, DOUBTED),
        R("The governor appears to have been generous.", "appears", None, DOUBTED),
        R("The senator is expected to resign next week.", "expected", None, None),
        R("The mayor appeared to suggest that the vote was rigged.", "appeared", "The mayor", "named_person"),
        R("Two aides declined to say on Tuesday whether she would run.", "declined", "Two aides", "vague"),
        R("The senator sought to explain these comments.", "sought", None, DOUBTED),
    ),
    "act_without_content": (
        R("Senator Ann Lee announced her candidacy on Monday.", "announced", None, DOUBTED),
        R("The mayor opposed the measure in 2010.", "opposed", None, DOUBTED),
        R("The governor did not respond to the letter.", "respond", None, DOUBTED),
        R("Voters who want a fresh start should look elsewhere.", "want", None, DOUBTED),
        R("Mayor Ann Lee wanted that line removed from the bill.", "wanted", None, DOUBTED),
        R("The mayor announced that the bridge would close.", "announced", "The mayor", "named_person"),
        R("“We will not wait,” the governor responded.", "responded", "the governor", "named_person"),
        R("“We will not wait,” Tom Hale said, referring to the governor.", "referring to", "Tom Hale", DOUBTED),
        R("“The plant will close in May,” the latest internal company budget memo reads.", "reads", "memo",
          "document"),
        R("The mayor responded to the charge: “It is false.”", "responded", "The mayor", "named_person"),
        R("The senator criticized the plan on Monday.", "criticized", "The senator", "named_person"),
        R("Asked later in the day whether the tax was fair, the mayor said yes.", "Asked", "the mayor", "named_person"),
    ),
    "quoted_word_not_claim": (
        R("The aide said the mayor showed “passion” on Monday.", "showed", None, DOUBTED),
        R("The senator agreed “in principle” on Monday.", "agreed", None, DOUBTED),
        R("The senator agreed, “We will hold the vote on Friday.”", "agreed", "The senator", "named_person"),
    ),
    "call_names_one_object": (
        R("Workers often called Pioneers, who farm the hills, voted on Monday.", "called", None, DOUBTED),
        R("The mayor called Tom Hale on Monday.", "called", None, DOUBTED),
        R("The mayor called Tom Hale a liar.", "called", "The mayor", "named_person"),
        R("The senator called Hale “reckless.”", "called", "The senator", "named_person"),
    ),
}

NOUN_GOLDEN: dict[str, tuple[GoldenRow, ...]] = {
    "statement_noun": (
        R("Trump issued a stark warning that the airspace was closed.", "warning", "Trump", "named_person"),
        R("The senator issued an apology on Friday.", "apology", "The senator", "named_person"),
        R("Ann Lee repeated her earlier guarantee that taxes would not rise.", "guarantee", "her", "named_person"),
        R("The mayor's recommendation that the plant close was ignored.", "recommendation", "The mayor's",
          "named_person"),
        R("The claim by Senator Ann Lee was false.", "claim", "Senator Ann Lee", "named_person"),
        R("Tom Hale paused, then finished his thought.", "thought", None, REJECTED),
    ),
}

SOURCE_GOLDEN: dict[str, tuple[GoldenRow, ...]] = {
    "cue_holds_source": (
        R("Reports indicate at least 21 vessels have been attacked.", "Reports indicate", "Reports", "vague"),
        R("Reports suggest the mayor will resign.", "Reports suggest", "Reports", "vague"),
        R("Local reports say the bridge is closed.", "reports say", "Local reports", "vague"),
        R("News reports claim the vote was rigged.", "reports claim", "News reports", "vague"),
    ),
    "prepositional_source": (
        R("According to Axios, the talks are planned.", "According to", "Axios", "media"),
        R("According to Zogby, the race is tied.", "According to", "Zogby", "institution"),
        R("The videos were shown on Thursday, according to their attorneys.", "according to", "their attorneys",
          "vague"),
        R("A deal is likely, according to a Trump advisor quoted by Reuters.", "quoted by", "Reuters", "media"),
        R("Analysts expect a cut, according to a Reuters survey.", "according to", "a Reuters survey", "document"),
    ),
    "passive_agent": (
        R("The dialogue, reported by The Wall Street Journal, surprised many.", "reported",
          "The Wall Street Journal", "media"),
        R("As reported by the BBC, the talks collapsed.", "reported", "the BBC", "media"),
        R("The plan was criticized by experts at the university.", "criticized", "experts", "vague"),
        R("The claim was denied by the ministry on Friday.", "denied", "the ministry", "institution"),
    ),
    "stance_adjective_needs_copula": (
        R("Make sure that the doors are locked.", "sure that", None, REJECTED),
        R("Confident that the bill will pass, the mayor left early.", "Confident that", None, REJECTED),
        R("Sure that the vote was lost, the senator went home.", "Sure that", None, REJECTED),
    ),
    "opening_participle": (
        R("Asked about the deal, the minister said it was fair.", "Asked", "the minister", "named_person"),
        R("When asked about the deal, Senator Ann Lee declined to comment.", "asked", "Senator Ann Lee",
          "named_person"),
        R("Writing in the journal, two economists argued that the tax failed.", "Writing", "two economists",
          "vague"),
    ),
    "asked_passive": (
        R("The minister was asked whether the talks would resume.", "asked", "The minister", "named_person"),
        R("Mayor Ann Lee was asked about the strike on Monday.", "asked", "Mayor Ann Lee", "named_person"),
    ),
    "agentless_passive": (
        R("The city was warned that the dam could fail.", "warned", None, REJECTED),
        R("The boats were attacked on Monday.", "attacked", None, REJECTED),
        R("The plan was endorsed by the Chamber of Commerce.", "endorsed", None, REJECTED),
        R("The senator has been criticized for the vote.", "criticized", None, None),
    ),
    "participle_continues_report": (
        R("Trump has hinted at strikes on land, stating that they will start soon.", "stating", "Trump",
          "named_person"),
        R("Walsh downplayed the report, saying the vote would pass.", "saying", "Walsh", "named_person"),
        R("The mayor defended the budget, arguing that taxes must rise.", "arguing", "The mayor", "named_person"),
        R("The union rejected the offer, calling it an insult.", "calling", "The union", "anonymous"),
        R("Protesters gathered, chanting slogans.", "chanting", "Protesters", "vague"),
        R("Prices rose, indicating that demand is strong.", "indicating", None, REJECTED),
        R("Judge Ann Fox faced a backlash -- including a call from Bo Lee to resign -- as she held firm, "
          "calling him a fraud.", "calling", "Judge Ann Fox", "named_person"),
        R("Mayor Tom Hale faced a backlash -- including a call from Senator Ann Lee to resign -- as he hit back, "
          "calling it a smear.", "calling", "Mayor Tom Hale", "named_person"),
    ),
    "appositive_subject": (
        R("Critics, including human rights advocates and academic experts, have condemned the strikes.",
          "condemned", "Critics", "vague"),
        R("The mayor, a former teacher, argued that schools need money.", "argued", "The mayor", "named_person"),
        R("Senator Ann Lee, the chair of the committee, said the vote would wait.", "said", "Senator Ann Lee",
          "named_person"),
        R("The minister - a veteran of three cabinets - denied the claim.", "denied", "The minister",
          "named_person"),
        R("The poll, which was conducted online, found wide support.", "found", "The poll", "document"),
        R("Sen. Jo Marsh, R-TX, who heads the panel, said the vote would wait.", "said", "Sen. Jo Marsh",
          "named_person"),
        R("The group's executive director, Matt Brooks, said the ads would run.", "said", "Matt Brooks",
          "named_person"),
        R("Critics, including Jane Roe, said the plan would fail.", "said", "Critics", "vague"),
        R("FairVote.org, one of the largest groups in Ohio, similarly panned the plan.", "panned", "FairVote.org",
          "institution"),
        R("Farm groups, which are angry about the water rights, slammed the plan.", "slammed", "Farm groups", "vague"),
        R("Many farmers, who have long doubted whether the state will keep its word on water rights for the "
          "small growers in the valley, angrily slammed the plan.", "slammed", "Many farmers", "vague"),
    ),
    "inverted_subject": (
        R("“It will fail,” said the senator.", "said", "the senator", "named_person"),
        R("“We will win,” said Mr. Podesta.", "said", "Mr. Podesta", "named_person"),
        R("The plan is dead, said the governor.", "said", "the governor", "named_person"),
        R("“The roads are safe,” insisted the governor.", "insisted", "the governor", "named_person"),
        R("The vote will fail, predicted Senator Ann Lee.", "predicted", "Senator Ann Lee", "named_person"),
        R("“Why not?” asked the moderator.", "asked", "the moderator", "anonymous"),
    ),
    "infinitive": (
        R("He travelled to Caracas to comment on the talks.", "comment", None, REJECTED),
        R("They asked him to speak and he refused to comment.", "comment", None, REJECTED),
        R("Bryne went on to say, “We are not done with this fight.”", "say", "Bryne", "named_person"),
    ),
    "by_gerund": (
        R("Dean began by saying that the party would win.", "saying", "Dean", "named_person"),
        R("The mayor ended by thanking the volunteers.", "thanking", "The mayor", "named_person"),
    ),
    "relative_subject": (
        R("This designation has faced skepticism from analysts, who argue that evidence is thin.", "argue",
          "analysts, who", "vague"),
        R("Business leaders who say the tax is fair are few.", "say", "Business leaders who", "vague"),
        R("Senator Ann Lee, who said the plan was unfair, voted no.", "said", "Senator Ann Lee, who",
          "named_person"),
        R("The mayor cited a study that found rising crime.", "found", "a study that", "document"),
        R("Farmers that claim losses will be paid.", "claim", None, REJECTED),
    ),
    "coordinated_verb": (
        R("Jorge Rodriguez met the families and remarked that the killings were crimes.", "remarked",
          "Jorge Rodriguez", "named_person"),
        R("The governor signed the bill but said more work was needed.", "said", "The governor", "named_person"),
        R("The mayor arrived late and told reporters the meeting was over.", "told", "The mayor", "named_person"),
        R("It was a speech in which Ann Lee praised the mayor, but argued that taxes must rise.", "argued",
          "Ann Lee", "named_person"),
    ),
    "unclosed_parenthesis": (
        R("The mayor) argued that taxes must rise.", "argued", None, REJECTED),
        R("The mayor) said it.", "said", None, None),
    ),
    "subject_before_verb": (
        R("The Pentagon has claimed that the boats carried drugs.", "claimed", "The Pentagon", "institution"),
        R("Senator Ann Lee on Tuesday criticized the plan.", "criticized", "Senator Ann Lee", "named_person"),
        R("Jason Chaffetz (R-Utah) said the report was late.", "said", "Jason Chaffetz", "named_person"),
        R("Officials say the bridge will reopen.", "say", "Officials", "institution"),
        R("The data shows a sharp rise in prices.", "shows", "The data", "document"),
        R("A poll of likely voters showed the mayor ahead.", "showed", "A poll of likely voters", "document"),
        R("Our critics think the plan is doomed.", "think", "Our critics", "vague"),
        R("Officials have long argued that wages are too low.", "argued", "Officials", "institution"),
        R("The mayor is confident that the bill will pass.", "confident that", "The mayor", "named_person"),
    ),
    "thing_subject": (
        R("The term refers to a tax on imports.", "refers to", None, REJECTED),
        R("This move suggests a shift in the administration’s approach.", "suggests", None, REJECTED),
        R("The crisis highlights the need for reform.", "highlights", None, REJECTED),
    ),
    "reduced_relative_subject": (
        R("Two pastors supporting the senator spoke at the rally.", "supporting", "Two pastors", "vague"),
        R("Three unions backing the strike met on Monday.", "backing", "Three unions", "vague"),
        R("A warning siren sounded at noon.", "warning", None, REJECTED),
        R("The warning came too late.", "warning", None, REJECTED),
    ),
    "participial_adjective": (
        R("The vessels accused of smuggling were seized.", "accused", None, REJECTED),
        R("Two men accused of fraud were freed.", "accused", None, REJECTED),
        R("The guards, the unit charged with protecting the mayor, left early.", "charged", None, REJECTED),
        R("Two gangs, the groups ultimately criticized for the riot, fled.", "criticized", None, REJECTED),
    ),
    "unlisted_subject": (
        R("The rights group says the detention is arbitrary.", "says", "The rights group", "anonymous"),
        R("Local donors could not support the mayor this year.", "support", "Local donors", "vague"),
        R("The lawyers argue that the law is void.", "argue", "The lawyers", "vague"),
        R("These claims are part of a fabricated narrative.", "claims", None, REJECTED),
        R("The critical questions about the plan remain.", "questions", None, REJECTED),
        R("Ann Lee apologized for her original post, writing that she was wrong.", "post", None, REJECTED),
        R("Voters from the rural states that border Canada want a vote.", "states", None, REJECTED),
        R("In a report that set off a storm, the network named the aide.", "report", None, REJECTED),
        R("The spokesman for the city councils says that a vote needs a quorum.", "says",
          "The spokesman for the city councils", "institution"),
    ),
}

CONSTRUCTION_GOLDEN: dict[str, tuple[GoldenRow, ...]] = {
    "dash_credit": (
        R("“We are tired of waiting for change.” ― Maria Lopez", "―", "Maria Lopez", "named_person"),
        R("“We will rebuild every house on this street.” — Tom Hale", "—", "Tom Hale", "named_person"),
        R("“It was a long night” — the band’s third single — topped the charts.", "—", None, REJECTED),
    ),
    "quote_tag": (
        R("“We will win this race,” she continued.", "continued", "she", "named_person"),
        R("“The vote is over and we lost it,” Mayor Ann Lee sighed.", "sighed", "Mayor Ann Lee", "named_person"),
        R("“That is not what we agreed to at all,” he snapped.", "snapped", "he", "named_person"),
    ),
    "colon_speaker": (
        R("Senator Ann Lee: “We will not back down on this bill.”", ":", "Senator Ann Lee", "named_person"),
        R("Governor Tom Hale: Farmers deserve a fair price for their crops.", ":", "Governor Tom Hale",
          "named_person"),
        R("Senator Ann Lee: 547 votes.", ":", None, REJECTED),
        R("Final tally: 547 votes.", ":", None, REJECTED),
        R("The Lee Question: A Bold Plan?", ":", None, REJECTED),
    ),
    "speaker_verb_before_quote": (
        R("Senator Ann Lee continued, “We will not back down on this bill.”", "continued", "Senator Ann Lee",
          "named_person"),
        R("The debate turned sharp. Hillary fired back, “I could have stayed home.”", "fired back", "Hillary",
          "named_person"),
        R("The council issued a statement, “We regret the delay.”", "issued a statement", "The council",
          "institution"),
        R("Also, “this is a test of our patience and our budget.”", "Also", None, REJECTED),
    ),
    "verb_before_that_clause": (
        R("Senator Ann Lee bragged that the bill would pass.", "bragged", "Senator Ann Lee", "named_person"),
        R("The senator grumbled that the vote was rushed.", "grumbled", "The senator", "named_person"),
        R("The mayor signed that bill into law.", "signed", None, REJECTED),
    ),
    "in_document": (
        R("In a new Gallup poll, 40 percent of voters chose the mayor.", "In", "a new Gallup poll", "document"),
        R("In a study published Monday, most towns lacked shelters.", "In", "a study", "document"),
        R("In a letter to voters, the mayor's office listed the cuts.", "In", "a letter", "document"),
        R("In a study of rural towns, most lacked shelters.", "In", None, REJECTED),
        R("Turnout was high in the poll.", "in", None, REJECTED),
        R("In a statement, the ministry denied the report.", "In", None, REJECTED),
    ),
}
