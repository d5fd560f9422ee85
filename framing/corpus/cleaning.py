"""Strip web boilerplate and lift out the title and byline, driven by data rules.

The rules live in ``lexicons/cleaning.tsv`` (pattern, action, source, note), so a
teacher can add a site's boilerplate without touching code. Actions:

``drop_line``      a whole line that matches is removed (Leave a Comment)
``cut_from``       the matching line and everything after it is removed (You may also like)
``breadcrumb``     a navigation line (Home » News » …) is removed; its last crumb hints the title
``byline``         a line naming the author; group ``byline`` is kept as the byline
``drop_sentence``  a matching sentence inside a paragraph is removed (Share your thoughts below!)
``insert_space``   a space is inserted at each (empty) match: "America.Approximately"
``unwrap``         each match is replaced by its group ``keep``: markdown emphasis "*Reuters*" → "Reuters"
``second_headline`` the body's first line, when it matches and the title is already known, is the page's
                   other headline (web and print headlines differ): removed, so a handout does not number it

Nothing is lost: what was removed is listed in ``CleanedText.removed`` and the raw
input is kept beside the cleaned text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import FramingInputError

if TYPE_CHECKING:
    from ..lexicons import Lexicon

ACTIONS = ("drop_line", "cut_from", "breadcrumb", "byline", "drop_sentence", "insert_space", "unwrap",
           "second_headline")
_TITLE_MAX_WORDS = 25


@dataclass(frozen=True, slots=True)
class CleaningRule:
    pattern: re.Pattern[str]
    action: str
    note: str


@dataclass(frozen=True, slots=True)
class CleanedText:
    text: str
    title: str
    byline: str
    removed: tuple[str, ...]


def compile_rules(lexicon: Lexicon) -> tuple[CleaningRule, ...]:
    """Compile the cleaning lexicon, naming the file and line of a bad rule."""
    rules = []
    for entry in lexicon:
        where = f"{entry.file}:{entry.line}"
        if entry["action"] not in ACTIONS:
            raise FramingInputError(
                where, f"unknown cleaning action {entry['action']!r}", f"Use one of: {', '.join(ACTIONS)}"
            )
        try:
            pattern = re.compile(entry["pattern"])
        except re.error as error:
            raise FramingInputError(
                where, f"pattern is not a valid regular expression ({error})", "Fix the pattern"
            ) from None
        if entry["action"] == "unwrap" and "keep" not in pattern.groupindex:
            raise FramingInputError(
                where, "an unwrap pattern needs a group named 'keep'", "Write the kept text as (?P<keep>...)"
            )
        rules.append(CleaningRule(pattern, entry["action"], entry["note"]))
    return tuple(rules)


def clean_text(text: str, rules: tuple[CleaningRule, ...], *, title: str = "") -> CleanedText:
    """Apply the rules line by line; return the body text, title, byline and what was removed."""
    by_action: dict[str, list[re.Pattern[str]]] = {action: [] for action in ACTIONS}
    for rule in rules:
        by_action[rule.action].append(rule.pattern)

    removed: list[str] = []
    byline = ""
    crumb_title = ""
    kept: list[str] = []
    lines = text.split("\n")
    for index, line in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            kept.append("")
            continue
        if any(p.fullmatch(stripped) for p in by_action["cut_from"]):
            removed.extend(rest.strip() for rest in lines[index:] if rest.strip())
            break
        if any(p.fullmatch(stripped) for p in by_action["drop_line"]):
            removed.append(stripped)
            continue
        if any(p.fullmatch(stripped) for p in by_action["breadcrumb"]):
            crumb_title = re.split(r"\s*[»›>|/]\s*", stripped)[-1]
            removed.append(stripped)
            continue
        byline_match = next((m for p in by_action["byline"] if (m := p.fullmatch(stripped))), None)
        if byline_match and not byline:
            byline = (byline_match.groupdict().get("byline") or stripped).strip()
            removed.append(stripped)
            continue
        for pattern in by_action["drop_sentence"]:
            for match in pattern.finditer(line):
                removed.append(match.group().strip())
            line = pattern.sub("", line).rstrip()
        kept.append(line)

    body_lines = _drop_blank_edges(kept)
    title, body_lines = _lift_title(body_lines, title or crumb_title)
    if title:
        removed.insert(0, title)
        body_lines, second = _drop_second_headline(body_lines, by_action["second_headline"])
        removed[1:1] = second
    body = "\n".join(_drop_blank_edges(body_lines))
    for pattern in by_action["insert_space"]:
        body = pattern.sub(" ", body)
    body = _unwrap(body, by_action["unwrap"], removed)
    body = re.sub(r"\n{3,}", "\n\n", body)
    # the title too: a handout prints it, and a lost character ("?Pat") shows there as in the body
    return CleanedText(body, _unwrap(title, by_action["unwrap"], removed), byline, tuple(removed))


def _unwrap(text: str, patterns: list[re.Pattern[str]], removed: list[str]) -> str:
    """``text`` with each ``unwrap`` match replaced by its group ``keep``; what each match was goes to ``removed``."""
    for pattern in patterns:
        removed.extend(match.group() for match in pattern.finditer(text))
        text = pattern.sub(lambda match: match.group("keep"), text)
    return text


def _lift_title(lines: list[str], known_title: str) -> tuple[str, list[str]]:
    """The first line is the title when it matches a known title or looks like one.

    It looks like one when it is short, has no final sentence mark and the next line
    is not a continuation of it. Seed 002 starts with a body paragraph, so it has no title.
    """
    if not lines:
        return known_title, lines
    first = lines[0].strip()
    later = lines[1:]
    if known_title and first == known_title.strip():
        return known_title, _drop_blank_edges(later)
    if known_title:
        return known_title, lines
    words = first.split()
    if len(words) <= _TITLE_MAX_WORDS and not re.search(r"[.!?:;,\"”’]$", first) and later:
        return first, _drop_blank_edges(later)
    return "", lines


def _drop_second_headline(lines: list[str], patterns: list[re.Pattern[str]]) -> tuple[list[str], list[str]]:
    """The body without a first line that a ``second_headline`` rule matches (a body must follow it), and what went."""
    first = lines[0].strip() if lines else ""
    if first and len(lines) > 1 and any(p.fullmatch(first) for p in patterns):
        return _drop_blank_edges(lines[1:]), [first]
    return lines, []


def _drop_blank_edges(lines: list[str]) -> list[str]:
    start, end = 0, len(lines)
    while start < end and not lines[start].strip():
        start += 1
    while end > start and not lines[end - 1].strip():
        end -= 1
    return lines[start:end]
