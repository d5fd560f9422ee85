"""Closed word classes of English that several layers read: grammar, not vocabulary.

Lexicons (``lexicons/*.tsv``) hold open vocabularies with a source and a note per row;
these sets are the small, fixed function-word classes that rules need to read a
sentence's shape (an auxiliary before a verb, a determiner before a noun, a quotation
mark around words). They live in one place so that attribution, hedging, quotation and
the comparison agree on them; a module that needs a narrower or wider class composes it
from these with ``|`` and ``-`` and says why next to it.

All words are token norms: lower case, straight apostrophes (see
:func:`framing.corpus.segmentation.token_norm`).
"""

from __future__ import annotations

# --- determiners ---------------------------------------------------------------------
ARTICLES = frozenset(["the", "a", "an"])
# "that" is left out: it is as often a complementizer or a relative pronoun.
DEMONSTRATIVES = frozenset(["this", "these", "those"])
THIRD_PERSON_POSSESSIVES = frozenset(["its", "their", "his", "her"])
POSSESSIVE_DETERMINERS = THIRD_PERSON_POSSESSIVES | frozenset(["our", "my", "your"])
# Numerals and quantifiers that open a noun phrase ("two officials", "several experts").
QUANTIFIERS = frozenset(
    ["one", "two", "three", "several", "many", "some", "most", "other", "both", "all", "few", "numerous", "various",
     "any"]
)
DETERMINERS = ARTICLES | DEMONSTRATIVES | THIRD_PERSON_POSSESSIVES | QUANTIFIERS

# --- verbs ---------------------------------------------------------------------------
BE_FORMS = frozenset(["is", "was", "were", "are", "be", "been", "being"])
HAVE_FORMS = frozenset(["has", "have", "had"])
DO_FORMS = frozenset(["do", "does", "did"])
MODALS = frozenset(["will", "would", "could", "can", "may", "might", "should", "must", "shall"])
AUXILIARY_VERBS = BE_FORMS | HAVE_FORMS | DO_FORMS | MODALS
NEGATIONS = frozenset(["not", "n't", "never"])
# Nouns after which a quoted word is mentioned, not used ("the word “cuts”", "the term “amnesty”"): metalanguage.
MENTION_NOUNS = frozenset(["word", "words", "term", "terms", "phrase", "phrases", "expression", "label", "slogan",
                           "hashtag", "headline"])
# Adverbs that negate all but a sliver ("could barely stand", "can hardly wait"): near-negations (Quirk et al.
# 1985, 10.64 "broad negatives"); after an ability modal they deny the ability instead of weighing a possibility.
BROAD_NEGATIVES = frozenset(["barely", "hardly", "scarcely"])
# Irregular past forms common in news: past forms are verbs whatever their subject ("Trump took", "she went").
IRREGULAR_PAST = frozenset(
    ["made", "took", "went", "came", "gave", "saw", "spoke", "began", "told", "said", "got", "put", "set", "led",
     "ran", "won", "lost", "left", "kept", "held", "brought", "thought", "sought", "fought", "knew", "felt", "met",
     "stood", "sent", "spent", "built", "paid", "sat", "wrote", "chose", "drew", "threw", "broke", "rose", "fell",
     "struck", "hit", "cut", "let", "quit", "became", "did", "had", "found", "meant", "dealt", "heard", "read"]
)
# Irregular verbs by base form, with their past and past participle: a listed verb idiom ("tear into",
# "throw under the bus") matches with its verb in any form ("tore into", "thrown under the bus";
# framing/features/loaded_terms.py). Regular forms are built by rule; only these need a table.
IRREGULAR_VERB_FORMS: dict[str, tuple[str, str]] = {
    "beat": ("beat", "beaten"), "bite": ("bit", "bitten"), "blow": ("blew", "blown"), "break": ("broke", "broken"),
    "bring": ("brought", "brought"), "catch": ("caught", "caught"), "come": ("came", "come"),
    "deal": ("dealt", "dealt"), "dig": ("dug", "dug"), "draw": ("drew", "drawn"), "drive": ("drove", "driven"),
    "eat": ("ate", "eaten"), "fall": ("fell", "fallen"), "feed": ("fed", "fed"), "fight": ("fought", "fought"),
    "fly": ("flew", "flown"), "get": ("got", "gotten"), "give": ("gave", "given"), "go": ("went", "gone"),
    "grind": ("ground", "ground"), "hang": ("hung", "hung"), "hit": ("hit", "hit"), "hold": ("held", "held"),
    "keep": ("kept", "kept"), "lay": ("laid", "laid"), "lead": ("led", "led"), "let": ("let", "let"),
    "light": ("lit", "lit"), "lose": ("lost", "lost"), "make": ("made", "made"), "put": ("put", "put"),
    "ride": ("rode", "ridden"), "ring": ("rang", "rung"), "rise": ("rose", "risen"), "run": ("ran", "run"),
    "see": ("saw", "seen"), "send": ("sent", "sent"), "set": ("set", "set"), "shake": ("shook", "shaken"),
    "shoot": ("shot", "shot"), "sink": ("sank", "sunk"), "sling": ("slung", "slung"), "spin": ("spun", "spun"),
    "spring": ("sprang", "sprung"), "stand": ("stood", "stood"), "stick": ("stuck", "stuck"),
    "sting": ("stung", "stung"), "strike": ("struck", "struck"), "sweep": ("swept", "swept"),
    "swing": ("swung", "swung"), "take": ("took", "taken"), "tear": ("tore", "torn"), "throw": ("threw", "thrown"),
    "wear": ("wore", "worn"), "win": ("won", "won"), "wring": ("wrung", "wrung"),
}
# Support verbs that make a statement noun their act ("issued an apology", "made the claim that",
# "repeated his warning"): the verb's subject is the noun's speaker.
SUPPORT_VERBS = frozenset(
    ["issue", "issues", "issued", "issuing", "make", "makes", "made", "making", "offer", "offers", "offered",
     "offering", "give", "gives", "gave", "given", "giving", "deliver", "delivers", "delivered", "delivering",
     "repeat", "repeats", "repeated", "repeating", "renew", "renews", "renewed", "renewing", "reiterate",
     "reiterates", "reiterated", "reiterating", "send", "sends", "sent", "sending", "extend", "extends", "extended",
     "extending", "post", "posts", "posted", "posting"]
)
# Negated ability modals written as one token ("can't believe", "cannot say").
NEGATED_ABILITY = frozenset(["can't", "cannot", "couldn't", "cant", "couldnt"])
# Verbs that deny what follows ("denied it was a cover-up"): a loaded word after them is the denier's.
# Verbs whose object is others' reaction ("attracted ridicule", "drew criticism"): a loaded noun there reports
# what people did, so rewriting it changes the fact, not the writer's tone.
REACTION_VERBS = frozenset(["attract", "attracts", "attracted", "draw", "draws", "drew", "drawn", "face", "faces",
                            "faced", "spark", "sparks", "sparked", "provoke", "provokes", "provoked", "earn", "earns",
                            "earned", "prompt", "prompts", "prompted", "trigger", "triggers", "triggered",
                            "met", "greeted"])  # "was met with expressions of outrage", "greeted with jeers"
DENIAL_VERBS = frozenset(["deny", "denies", "denied", "denying", "reject", "rejected", "rejects", "rejecting",
                          "dismiss", "dismissed", "dismisses", "dismissing"])
# Verbs after which "according to" means "in proportion to" ("calculated according to a worker's pay"): no source.
ACCORDANCE_VERBS = frozenset(["calculated", "computed", "determined", "adjusted", "ranked", "sorted", "grouped",
                              "paid", "divided", "measured", "allocated", "distributed", "assigned", "weighted",
                              "scaled", "priced", "classified", "arranged", "varies", "vary"])
# -ing words that are no verb ("suggests nothing", "suggested something"): not a gerund after a verb.
# Verbs of how a thing strikes one ("as it may seem"), and the words that open a concession after an adjective
# ("absurd as it may sound", "strange though it might seem"): hedging's ``concessive_as`` veto reads them.
APPEARANCE_VERBS = frozenset(["seem", "seems", "seemed", "sound", "sounds", "sounded", "appear", "appears", "appeared",
                              "look", "looks", "looked"])
CONCESSIVE_MARKERS = frozenset(["as", "though"])
NOT_GERUNDS = frozenset(["nothing", "something", "anything", "everything", "during", "thing", "things"])
# "-ever" words opening a free relative ("wherever it may lead", "whatever the cost may be"): a modal inside one
# grants any outcome, it does not make a claim uncertain.
EVER_WORDS = frozenset(["wherever", "whatever", "however", "whoever", "whichever", "whenever"])

# --- pronouns ------------------------------------------------------------------------
RELATIVE_PRONOUNS = frozenset(["who", "which", "that"])
# Words that open a question or a free relative ("whatever we think about the war": no belief is hedged).
WH_WORDS = frozenset(["what", "whatever", "how", "however", "why", "when", "where", "who", "whoever", "which"])
SUBJECT_PRONOUNS = frozenset(["i", "you", "he", "she", "it", "we", "they"])
OBJECT_PRONOUNS = frozenset(["me", "you", "him", "her", "it", "us", "them"])
REFLEXIVE_PRONOUNS = frozenset(["myself", "himself", "herself", "itself", "ourselves", "themselves"])

# --- prepositions and clause openers -------------------------------------------------
PREPOSITIONS = frozenset(
    ["in", "inside", "of", "from", "at", "on", "for", "by", "to", "against", "within", "about", "over", "near",
     "toward", "towards", "into", "under", "among", "between", "than", "like", "during", "after", "before"]
)
# Forms of "tell": the noun right after one is the one told ("telling CNN"), not the one who speaks.
TELL_FORMS = frozenset(["tell", "tells", "told", "telling"])
# Prepositions that make a place the setting of what happens ("mocks X in Iowa"), not a doer.
LOCATIVE_PREPOSITIONS = frozenset(["in", "inside", "at", "from", "across", "near", "throughout", "outside", "within"])
# Conjunctions and subordinators that start a clause (and "with" of "with critics warning").
CLAUSE_OPENERS = frozenset(
    ["and", "but", "while", "as", "that", "when", "after", "before", "since", "because", "although", "though",
     "if", "whether", "so", "yet", "where", "who", "whom", "which", "once", "until", "unless", "with", "however"]
)
# Adverbs that may stand before a clause's subject without taking its place ("even Steele declared").
FOCUS_ADVERBS = frozenset(["even", "only", "also", "just", "indeed", "still", "now", "then", "too"])

# Adverbs of judgement or certainty ("falsely claimed", "absolutely no evidence", "clearly possible"): the writer
# rules on the words they modify, so a strict teacher reads the phrase as certainty, not as a hedge.
JUDGEMENT_ADVERBS = frozenset(["incorrectly", "falsely", "wrongly", "erroneously", "mistakenly", "baselessly",
                               "dishonestly", "rightly", "correctly", "truthfully", "accurately", "absolutely",
                               "clearly", "definitely", "certainly", "undoubtedly", "obviously", "plainly",
                               "unquestionably", "indisputably", "categorically", "emphatically", "flatly",
                               "completely", "entirely", "totally", "utterly"])

# Capitalized words that, after a period that may end an abbreviation ("the U.S.", "Acme Inc.",
# "in Oct."), show that a new sentence starts: determiners, pronouns, clause openers and the
# question words and adverbs that open news sentences. A name ("the U.S. Government") is not one.
SENTENCE_OPENERS = (
    ARTICLES | DEMONSTRATIVES | POSSESSIVE_DETERMINERS | SUBJECT_PRONOUNS | CLAUSE_OPENERS | DO_FORMS
    | frozenset(["on", "in", "at", "for", "during", "despite", "there", "meanwhile", "moreover", "still", "now",
                 "then", "how", "what", "why", "which"])
)

# --- time ----------------------------------------------------------------------------
WEEKDAYS = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])
MONTHS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"]
)
# Abbreviated months as news style writes them before a day ("Jan. 5", "Sept. 12").
MONTH_ABBREVIATIONS = frozenset(["jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"])

# --- names ---------------------------------------------------------------------------
# Adverbs that open a news sentence and are never part of a name, however capitalized ("Again Fox News
# reported": the speaker is Fox News, not "Again Fox News").
SENTENCE_ADVERBS = (FOCUS_ADVERBS - {"just"}) | frozenset(
    ["again", "meanwhile", "moreover", "instead", "later", "earlier", "afterward", "afterwards", "furthermore",
     "nonetheless", "nevertheless", "thus", "hence"]
)
# Words never part of a name, however capitalized ("No Deal" in a slogan is no one's name): one set for the
# mention layer and the attribution reader's names.
NOT_NAME_WORDS = DETERMINERS | POSSESSIVE_DETERMINERS | PREPOSITIONS | CLAUSE_OPENERS | SENTENCE_ADVERBS | frozenset(
    ["he", "she", "they", "i", "we", "it", "no", "not", "yes", "every", "each"]
)
# Lower-case particles of Spanish and Portuguese names ("Cartel de los Soles"), kept in capitalized names.
ROMANCE_NAME_PARTICLES = frozenset(["de", "del", "la", "las", "los"])
# Generational suffixes after a surname ("Joseph R. Biden Jr."): part of the name, never the surname.
# Small words a name may hold in lower case ("Voice of America", "Le Monde" as "le Monde").
NAME_JOINERS = ROMANCE_NAME_PARTICLES | frozenset(["of", "and", "&", "du", "le", "el"])
NAME_SUFFIXES = frozenset(["jr", "sr", "ii", "iii", "iv"])
# Lower-case particles inside people's surnames ("Kevin de León", "Ursula von der Leyen", "Vincent van Gogh").
SURNAME_PARTICLES = ROMANCE_NAME_PARTICLES | frozenset(["van", "von", "der", "den", "da", "di", "du", "dos", "das"])

# --- punctuation ---------------------------------------------------------------------
# Every quotation mark, as written: straight and curly, single and double, and guillemets.
QUOTE_MARKS = frozenset("\"'“”‘’«»")
# Double marks of any shape: one family when pairing quotes.
DOUBLE_QUOTE_MARKS = frozenset("“”\"«»")
# Token norms that open a quotation (curly single marks normalize to "'", so "‘" is only a text).
OPENING_QUOTE_MARKS = frozenset(["“", '"', "‘"])
# Token norms of a closing quotation mark.
CLOSING_QUOTE_NORMS = frozenset(["”", '"', "'"])
DASHES = frozenset(["―", "—", "–"])

# Adjectives that stand before a title in a description of someone already named ("the former
# senator", "the longtime aide"); other modifiers qualify by their adjective ending (see below).
DESCRIPTION_ADJECTIVES = frozenset(["former", "top", "senior", "veteran", "longtime", "then", "new", "embattled"])
# Adjective endings: "presidential", "Democratic", "presumptive", "famous", "Republican".
ADJECTIVE_ENDINGS = ("al", "ic", "ive", "ous", "an", "ent", "ant")
# -ly adverbs of time, frequency or order ("currently", "repeatedly"): they describe when, not how the writer
# judges, so a list of a version's telling words leaves them out.
TIME_ADVERBS = frozenset(["currently", "recently", "repeatedly", "consistently", "usually", "previously", "finally",
                          "initially", "eventually", "immediately", "formerly", "originally", "lately", "shortly",
                          "early", "only", "daily", "weekly", "yearly", "nearly", "briefly", "subsequently"])

# Written before a number, these make it a bound, not a value: "more than 80" is met by 83.
LOWER_BOUND_PHRASES = frozenset(["more than", "over", "above", "at least", "upwards of", "in excess of",
                                 "no fewer than", "no less than"])
UPPER_BOUND_PHRASES = frozenset(["less than", "fewer than", "under", "below", "up to", "at most", "no more than",
                                 "nearly", "almost"])
# Any of them: a bound agrees with every value on its side, so two outlets' numbers are no disagreement
# when one is a bound the other meets (the comparison and the exercises both read this).
NUMBER_BOUNDS = LOWER_BOUND_PHRASES | UPPER_BOUND_PHRASES
# Verbs that only say someone spoke or reported (every form): they tell who said it, not what happened.
SPEECH_VERBS = frozenset(
    f"{stem}{ending}" for stem, endings in (
        ("say", ("", "s", "ing")), ("said", ("",)), ("tell", ("", "s", "ing")), ("told", ("",)),
        ("add", ("", "s", "ed", "ing")), ("note", ("", "s", "d")), ("noting", ("",)),
        ("report", ("", "s", "ed", "ing")), ("indicate", ("", "s", "d")), ("indicating", ("",)),
        ("state", ("s", "d")), ("stating", ("",)), ("write", ("", "s")), ("wrote", ("",)), ("writing", ("",)),
        ("according", ("",)),
    ) for ending in endings
)

# Words before a title that change the office it names ("Deputy Attorney General", "Acting Director"): part of
# the person's title, so a label shows the office the article gives.
TITLE_MODIFIERS = frozenset(["deputy", "acting", "assistant", "associate", "interim", "principal"])
# Lower-case words that run into a title and belong to what the article calls someone ("former Sen.",
# "independent Sen.", "outgoing White House economic adviser"): a label keeps them.
TITLE_DESCRIBERS = TITLE_MODIFIERS | frozenset(["former", "independent", "outgoing", "incoming", "retired", "then",
                                                "then-", "late", "longtime", "veteran", "freshman", "senior"])

# --- side clauses ----------------------------------------------------------------------
# Words that open a clause or phrase standing beside the sentence's main statement: a condition ("if the
# talks fail"), a concession ("although", "despite the designation"), a time frame ("when", "while") or a
# relative clause ("who argue", "which"). A frame word there is background to what the sentence says, so a
# frame's evidence sentence must carry the frame in its main clause (Quirk et al. 1985, ch. 15: adverbial and
# relative clauses). "that" is left out: it as often opens the reported content that is the sentence's point.
SIDE_CLAUSE_OPENERS = frozenset(["if", "unless", "although", "though", "whereas", "whether", "while", "when",
                                 "whenever", "who", "whom", "whose", "which", "despite", "regardless",
                                 "given that", "provided that", "as long as", "even as"])
