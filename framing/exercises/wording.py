"""The words around the material: titles, instructions by grade, prompts, and the teacher's guide.

Nothing here names a story: every sentence students read comes from the articles
(:mod:`.kinds_text`, :mod:`.kinds_compare`); this is the fixed frame of a lesson.
Instructions come in three registers, because a 6th grader needs short sentences
and everyday words (``simple``), a 10th grader can take the terms (``standard``),
and a college class can take the method (``college``). Student-facing text never
says "answer": the worksheet must not hint that a key exists or what it holds.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

KINDS = ("hedge_hunt", "who_speaks", "name_that_label", "same_fact", "numbers_gaps", "headline_check",
         "rewrite_neutrally", "spot_the_frame")
# Kinds built only when asked for (--kinds ...); the key of a default lesson says why each is left out and how to ask.
# "Spot the frame" keys one frame per passage from counts of frame words, which a strict teacher found wrong where a
# passage on charges scored "politics". "Same fact" was wrong or weak in nearly every blind reading: its sentences
# shared a topic or a side-clause figure but stated different claims, and no check of ours tells the two apart.
# "Rewrite neutrally" was judged weak in four of five blind readings of fresh stories: its key flags the words the
# loaded-language lexicon knows, and readers found other loaded words left in the model rewrite (that lexicon finds
# a fraction of what a careful reader marks) or a word that was accurate in its sentence.
ON_REQUEST = {"rewrite_neutrally": "not in the default lesson: its key flags only the loaded words framing's lexicons "
                                   "know, which are a fraction of those a careful reader marks, so its model rewrite "
                                   "may keep other loaded words; ask for it with --kinds rewrite-neutrally (listing "
                                   "the other kinds you want too) and check the rewrite",
              "same_fact": "not in the default lesson: framing's pairs of sentences that state the same fact are not "
                           "sure enough to print unchecked (they may share only a topic or a figure); ask for it "
                           "with --kinds same-fact (listing the other kinds you want too) and check its pairs",
              "spot_the_frame": "not in the default lesson: its key names one frame per passage from counts of frame "
                                "words, which a careful reader often disputes; ask for it with --kinds "
                                "spot-the-frame (listing the other kinds you want too)"}
DEFAULT_KINDS = tuple(kind for kind in KINDS if kind not in ON_REQUEST)

TITLES = {
    "hedge_hunt": "Hedge hunt",
    "who_speaks": "Who is speaking?",
    "name_that_label": "Name that label",
    "same_fact": "Same fact, different words",
    "numbers_gaps": "Numbers and gaps",
    "headline_check": "Headline check",
    "rewrite_neutrally": "Rewrite neutrally",
    "spot_the_frame": "Spot the frame",
}

MINUTES = {"hedge_hunt": 8, "who_speaks": 10, "name_that_label": 8, "same_fact": 8, "numbers_gaps": 8,
           "headline_check": 6, "rewrite_neutrally": 8, "spot_the_frame": 8}

INSTRUCTIONS: dict[str, dict[str, str]] = {
    # {n}: how many hedges the item asks for (at least; its key lists the ones the tool is sure of).
    "hedge_hunt": {
        "simple": "Read the sentences. Some words show that the writer or a speaker is not sure, like “may”, "
                  "“about” or “reportedly”. Find at least {n} words like that and underline them.",
        "standard": "Read the numbered sentences and find at least {n} hedges: words or phrases that mark a claim "
                    "as uncertain, approximate or second-hand (may, could, appears, about, reportedly, if). "
                    "Underline them.",
        "college": "Find at least {n} hedges (epistemic modal, hedging verb, approximator, evidential, conditional) "
                   "in the numbered sentences, and note what kind of uncertainty each one signals.",
    },
    # Each sentence names its own speaker (kinds_speakers.py): students read who, the words that say so, and how.
    "who_speaks": {
        "simple": "News stories tell us who said things. For each numbered sentence, write who says it, the word "
                  "that tells you someone is speaking (like “said”), and whether the sentence gives the speaker’s "
                  "exact words (in quotation marks) or tells them in the writer’s own words.",
        "standard": "For each numbered sentence, write who says it, the words that tell you someone is speaking, "
                    "and whether the sentence gives the speaker’s exact words (inside quotation marks) or retells "
                    "them in the writer’s words.",
        "college": "For each numbered sentence, identify the speaker, the attribution cue, and whether the claim is "
                   "quoted directly or paraphrased; then consider what the choice of reporting verb does.",
    },
    "name_that_label": {
        "simple": "Each sentence talks about the same person or thing, but uses different words for it. "
                  "The words are missing. Pick the word from the list that fits each gap.",
        "standard": "Each outlet names the same entity differently, and the name has been blanked out. Match the "
                    "labels to the blanks, then rank the labels by how positive or negative they sound.",
        "college": "Match each outlet’s label for the shared entity to its blank, rank the labels by connotation, "
                   "and propose the most neutral wording you can defend.",
    },
    "same_fact": {
        "simple": "These sentences tell the same fact. Each source says it a little differently. Find what "
                  "changes.",
        "standard": "Each outlet reports the same fact. Compare how sure each version sounds, who it says the "
                    "information came from, and which words only that version uses.",
        "college": "Compare the outlets’ versions of one aligned fact for hedging, attribution and word choice, "
                   "and say which differences change what a reader would believe.",
    },
    "numbers_gaps": {
        "simple": "Sources do not always give the same number for the same thing. Find the number in each "
                  "sentence and who gives it.",
        "standard": "Compare the numbers the outlets give for the same thing: who gives each one, and why might "
                    "they differ?",
        "college": "Compare the figures the outlets report for one quantity, who each is attributed to, and what "
                   "could explain the difference.",
    },
    "headline_check": {
        "simple": "A headline is the title of a story. Does the headline sound more sure than the story? "
                  "Read both and decide.",
        "standard": "Compare the headline with the article’s sentence that makes the same claim. Does the headline "
                    "state as certain what the article only says may be true?",
        "college": "Assess whether the headline asserts what the body hedges, or frames the claim differently "
                   "from the body.",
    },
    # {words}: the loaded words the key names; students are not asked to find every word that takes sides, which
    # no word list can promise (a strict teacher found keys that missed some), but to judge the rest.
    "rewrite_neutrally": {
        "simple": "The word list marks {words} in this sentence as taking sides. Write the sentence again with "
                  "calmer words. Keep the facts and who said them.",
        "standard": "The word list marks {words} in this sentence as loaded. Rewrite the sentence so it reports the "
                    "same facts without taking sides. Keep every fact, every hedge and every attribution.",
        "college": "The lexicon flags {words} as loaded. Rewrite the sentence in neutral register, keeping its "
                   "propositional content, its hedges and its attributions.",
    },
}

INSTRUCTIONS["spot_the_frame"] = {
    "simple": "Two sources tell the same story but point at different sides of it: money, the law, safety, "
              "politics. Read each passage and pick the side it puts first.",
    "standard": "Each passage puts forward one frame: the aspect of the story it makes most important. Choose "
                "each passage's frame from the frames defined at the top of the worksheet.",
    "college": "Identify the policy frame (Boydstun et al.'s codebook) each passage makes salient, and the "
               "words that carry it.",
}

PROMPTS: dict[str, list[dict[str, Any]]] = {
    "hedge_hunt": [
        {"prompt": "Write each hedge you found and the number of its sentence.", "space": "lines", "lines": 3},
        {"prompt": "Pick one sentence. Read it without the hedge. How does its meaning change?",
         "space": "lines", "lines": 2},
    ],
    "who_speaks": [
        {"prompt": "Fill in the table for each sentence.", "space": "table",
         "columns": ["Who says it?", "Words that tell you", "Exact words or retold?"]},
        {"prompt": "Pick one sentence. Would another verb (claimed, admitted, insisted) change how you see the "
                   "speaker or what they said? How?", "space": "lines", "lines": 2},
    ],
    "name_that_label": [
        {"prompt": "Write the letter of the label that fits each gap.", "space": "table"},
        {"prompt": "Rank the labels from the most neutral to the most negative, and write the most neutral way "
                   "to name it.", "space": "lines", "lines": 3},
    ],
    "same_fact": [
        {"prompt": "Fill in the table for each version.", "space": "table",
         "columns": ["How sure does it sound? (words)", "Who says so?", "Words only this one uses"]},
        {"prompt": "Which version would you trust most? Why?", "space": "lines", "lines": 2},
    ],
    "numbers_gaps": [
        {"prompt": "Write the number each sentence gives, and who gives it (the writer or someone quoted).",
         "space": "table"},
        {"prompt": "Why might the numbers differ? How could a reader find out which is right?", "space": "lines",
         "lines": 3},
    ],
    "headline_check": [
        {"prompt": "Which words in the sentence show doubt, or say the claim is someone else's (may, likely, "
                   "claims, accuses)? Which words in the headline do?", "space": "lines", "lines": 2},
        {"prompt": "Does the headline sound more sure than the sentence? Circle one and explain: "
                   "more sure · the same · less sure", "space": "lines", "lines": 2},
    ],
    "rewrite_neutrally": [
        {"prompt": "Does any other word of the sentence take sides? Circle it and say why (or say why not).",
         "space": "lines", "lines": 1},
        {"prompt": "Write your neutral version.", "space": "lines", "lines": 3},
    ],
    "spot_the_frame": [
        {"prompt": "Write each passage's frame and the words that show it.", "space": "table",
         "columns": ["Frame", "Words that show it"]},
        {"prompt": "What does each frame leave out?", "space": "lines", "lines": 2},
    ],
}

# Points for each item, and what earns them: the key's one-page rubric.
POINTS = {"hedge_hunt": 6, "who_speaks": 6, "name_that_label": 5, "same_fact": 6, "numbers_gaps": 5,
          "headline_check": 4, "rewrite_neutrally": 5, "spot_the_frame": 4}

RUBRIC: dict[str, dict[str, str]] = {
    "hedge_hunt": {"full": "finds at least the number of hedges asked, each with its sentence number, and explains "
                           "how one changes the meaning",
                   "partial": "finds fewer hedges than asked, or finds them without explaining",
                   "none": "marks words that only sound negative or important"},
    "who_speaks": {"full": "names the speaker, the words that tell you and exact-or-retold for every sentence, and "
                           "explains what a different verb would change",
                   "partial": "gets most sentences right, or explains the verb weakly",
                   "none": "names people who do not speak in the sentence"},
    "name_that_label": {"full": "fills each gap, ranks the labels and gives a neutral name",
                        "partial": "fills the gaps but ranks or names weakly",
                        "none": "guesses without reading the sentences"},
    "same_fact": {"full": "names the hedges, sources and distinct words of each version, and defends a choice",
                  "partial": "fills part of the table, or chooses without a reason",
                  "none": "copies the sentences"},
    "numbers_gaps": {"full": "gives each number with who gives it, and two reasons numbers can differ",
                     "partial": "gives the numbers with one reason",
                     "none": "gives the numbers only"},
    "headline_check": {"full": "finds the doubt words on both sides and explains the verdict",
                       "partial": "gives the verdict with some of the words",
                       "none": "gives a verdict with no words from the text"},
    "rewrite_neutrally": {"full": "replaces the marked words, keeps every fact, hedge and source, and judges the "
                                  "other words with a reason",
                          "partial": "replaces the marked words but loses a fact, or judges no other word",
                          "none": "copies the sentence or changes its facts"},
    "spot_the_frame": {"full": "names a defensible frame for each passage with words from it, and what it leaves out",
                       "partial": "names the frames without words from the passages",
                       "none": "names a topic, not a frame"},
}

DISCUSSION = {
    "hedge_hunt": ["Is a hedged sentence less trustworthy, or more careful? When is hedging the honest choice?",
                   "Which hedges say who is unsure (reportedly, according to) and which say how unsure (may, about)?"],
    "who_speaks": ["Why might a writer quote someone's exact words in one place and retell them in another?",
                   "Why might an outlet rely on anonymous or vague sources (officials say, experts argue)?"],
    "name_that_label": ["What does each label make a reader feel about the entity before any fact is given?",
                        "Is there a fully neutral name? Who gets to decide?"],
    "same_fact": ["Which differences would change what a reader believes, and which are just style?"],
    "numbers_gaps": ["When numbers differ, how can a reader find out which is right, or why both could be?"],
    "headline_check": ["Why might a headline drop the hedges its article keeps? Who writes headlines?"],
    "rewrite_neutrally": ["Did your rewrite lose any fact? Can a sentence be neutral and still vivid?"],
    "spot_the_frame": ["What does each frame leave out? How would the story read if one source used the other's "
                       "frame?"],
}

# One learning goal per kind, so the guide promises only what the lesson's items teach (a blind teacher found
# goals about loaded words and comparing outlets above a lesson of two hedge hunts).
GOALS = {
    "hedge_hunt": "Notice words that signal uncertainty, and tell careful hedging from vagueness.",
    "who_speaks": "Track who is speaking in a story, and whether we read their own words or the writer's summary.",
    "name_that_label": "See how the label a source gives a person or group frames them.",
    "headline_check": "Check whether a headline states as certain what the article only reports or hedges.",
    "same_fact": "Compare how sources word the same fact, and what each version adds or leaves out.",
    "numbers_gaps": "Compare the numbers sources give for the same thing, and ask why they differ.",
    "rewrite_neutrally": "See how loaded words take sides, and rewrite a sentence in neutral words.",
    "spot_the_frame": "Name the aspect of a story (its frame) each source puts forward, and what it leaves out.",
}


def guide(kinds: Sequence[str]) -> dict[str, list[str]]:
    """The teacher's guide for a lesson of these kinds of item: their goals, in order, and the steps."""
    return {"goals": [GOALS[kind] for kind in dict.fromkeys(kinds)], "steps": GUIDE["steps"]}


GUIDE = {
    "steps": [
        "Before class: print a handout (the articles) and a worksheet per student, and this key for you; read "
        "“Before class” below.",
        "Warm-up: read a headline aloud and ask what the story will say. Introduce the words the worksheet "
        "defines with the examples in the first item. Students keep the handout beside the worksheet: the worksheet's "
        "sentence numbers are the handout's.",
        "Work (pairs or alone): the items in order. Each stands alone, so you can skip or reorder them.",
        "Check: go through the key with the discussion prompts. Where students disagree with the tool, "
        "ask them to argue from the words: it works from word lists and can be wrong. End by asking each student "
        "for one habit they will use when reading the news.",
    ],
}


NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six")


def instructions(kind: str, level: str, asked: int | None = None, words: str = "") -> str:
    """The instructions for ``kind`` in the register for ``level`` (simple, standard or college); ``asked`` fills
    in how many answers the item asks for, in words, and ``words`` the words the item names."""
    text = INSTRUCTIONS[kind].get(level) or INSTRUCTIONS[kind]["standard"]
    text = text.replace("{words}", words or "some words")
    if asked is None:
        return text.replace("at least {n}", "some")
    return text.replace("{n}", NUMBER_WORDS[asked] if 0 <= asked < len(NUMBER_WORDS) else str(asked))


def prompts(kind: str, **overrides: dict[str, Any]) -> list[dict[str, Any]]:
    """The writing tasks of ``kind`` (copies, so a builder may fill in a table)."""
    return [{**task, **overrides.get(task.get("part", ""), {})} for task in PROMPTS[kind]]
