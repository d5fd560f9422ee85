"""The people a corpus names, and the role their mentions give them.

A person introduced once keeps that role: "Rep. Blake Farenthold resigned … Farenthold
said" is a legislator both times, because the later mention finds the earlier one. The
mentions are the comparison's entity mentions (:func:`..labels.collect_label_uses`, the same
capitalized names and pinned entities the labeling matrix uses), grouped by a person's
key, the folded last word of the name (Hunter, Rubio). Two lookups:

- **another mention in the same article**: the first mention, in text order, whose own
  words, title, party-state tag or appositive give a role;
- **a story actor**: an entity that most outlets name (as in the labeling matrix: at least
  two outlets, or every outlet of a one-outlet corpus); its role is the one most of its
  decided mentions give, across all articles, so an outlet that never titles a person
  still gets the role the others give.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache

from ...analysis import ArticleAnalysis
from ...document import Document, Token
from ..common import fold, outlet_of
from ..labels import LabelUse
from .rules import RoleDecision, RoleRules, phrase_name, quoted

PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})


def person_key(name: str) -> str:
    """The folded last word of a name, without a possessive: "Rep. Duncan Hunter's" → "hunter"."""
    words = [word for word in name.replace("’", "'").split() if word[:1].isalpha()]
    if not words:
        return ""
    last = words[-1]
    if last.lower().endswith("'s"):
        last = last[:-2]
    return fold(last.strip(".,;:()\"'"))


class People:
    """Who the corpus names and what role each of them has, with the words that say so.

    A class because its caches are real state, owned by one comparison run: each mention
    is judged once, however many voices point to it.
    """

    def __init__(self, analyses: Sequence[ArticleAnalysis], mentions: Sequence[LabelUse], rules: RoleRules) -> None:
        self.rules = rules
        self.docs: dict[str, Document] = {a.document.id: a.document for a in analyses}
        n_outlets = len({outlet_of(a) for a in analyses})
        by_key: dict[str, list[LabelUse]] = defaultdict(list)
        outlets: dict[str, set[str]] = defaultdict(set)
        for mention in mentions:
            key = person_key(mention.entity) if mention.source == "pinned" else mention.entity
            if key:
                by_key[key].append(mention)
                outlets[key].add(mention.outlet)
        self.by_key = {key: sorted(found, key=lambda m: (m.article_id, m.start_char)) for key, found in by_key.items()}
        self.actors = frozenset(key for key, seen in outlets.items() if len(seen) >= min(2, n_outlets))
        self.by_article: dict[str, list[LabelUse]] = defaultdict(list)
        for found in self.by_key.values():
            for mention in found:
                self.by_article[mention.article_id].append(mention)
        for found in self.by_article.values():
            found.sort(key=lambda m: m.start_char)
        self.judge = lru_cache(maxsize=None)(self._judge)

    def _judge(self, mention: LabelUse) -> RoleDecision | None:
        """The role one mention's own words, title, tag or appositive give (rules in :mod:`.rules`)."""
        doc, rules = self.docs[mention.article_id], self.rules
        label = doc.tokens[mention.first:mention.end]
        return (
            (None if phrase_name(label) else rules.decide(doc, label, "name", nearest_last=True))
            or rules.decide(doc, rules.title_window(doc, mention.first), "title", nearest_last=True)
            or rules.party_state_tag(doc, mention.end)
            or rules.appositive(doc, mention.end)
        )

    def lookup(self, article_id: str, key: str) -> RoleDecision | None:
        """The role of the person ``key`` from another mention in the article, else as a story actor."""
        found = self.by_key.get(key, ())
        for mention in found:
            if mention.article_id == article_id and (decision := self.judge(mention)) is not None:
                where = quoted(self.docs[article_id], self.docs[article_id].tokens[mention.first:mention.end])
                return RoleDecision(decision.role, f"another mention {where}: {decision.reason}")
        if key not in self.actors:
            return None
        decided = [(mention, d) for mention in found if (d := self.judge(mention)) is not None]
        if not decided:
            return None
        roles = Counter(d.role for _, d in decided)
        role, count = roles.most_common(1)[0]
        mention, decision = next((m, d) for m, d in decided if d.role == role)
        name = mention.text
        return RoleDecision(role, f"story actor '{name}' ({count} of {len(decided)} mentions that give a role), "
                              f"e.g. in {mention.article_id}: {decision.reason}")

    def key_at(self, article_id: str, start: int | None, end: int | None) -> str:
        """The key of the label mention that covers ``[start, end)`` in the article, or ""."""
        if start is None or end is None:
            return ""
        for mention in self.by_article.get(article_id, ()):
            if mention.start_char < end and start < mention.end_char:
                return person_key(mention.entity) if mention.source == "pinned" else mention.entity
        return ""

    def previous_person(self, article_id: str, before: int) -> tuple[LabelUse, RoleDecision] | None:
        """The last person named before offset ``before`` who has a role (for "his lawyer", "he")."""
        for mention in reversed(self.by_article.get(article_id, ())):
            if mention.start_char >= before:
                continue
            key = person_key(mention.entity) if mention.source == "pinned" else mention.entity
            decision = self.lookup(article_id, key)
            if decision is not None:
                return mention, decision
        return None

    def resolve(self, doc: Document, tokens: Sequence[Token]) -> RoleDecision | None:
        """The role of a name or a personal pronoun that a possessive or ``speaks_for`` row points to."""
        if not tokens:
            return None
        if len(tokens) == 1 and tokens[0].norm in PERSON_PRONOUNS:
            found = self.previous_person(doc.id, tokens[0].start)
            if found is None:
                return None
            mention, decision = found
            return RoleDecision(decision.role, f"{quoted(doc, tokens)} is {mention.text!r} at "
                                           f"{mention.start_char}-{mention.end_char}: {decision.reason}")
        capitalized = [t for t in tokens if t.is_word and t.text[0].isupper()]
        if not capitalized:
            return None
        return self.lookup(doc.id, person_key(capitalized[-1].text))
