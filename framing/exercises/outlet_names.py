"""How outlets are named in a text: every variant of an outlet's name, and its programmes, for blind mode.

Kept apart from :mod:`.material` so the lesson's shared state stays small; the
variants come from ``media_names.tsv`` (a row's ``kind`` says whether it is the
outlet's name, masked by its Source letter, or a programme of it, masked whole).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence

from ..lexicons import Lexicons

PROGRAMME_HIDDEN = "[programme name hidden]"
# A headline's trailing " | Outlet: section" or " - Outlet" (a page title's suffix, not part of the headline).
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—]\s+")


def programme_span(text: str, start: int, end: int) -> tuple[int, int, str]:
    """A programme's name with the quote marks around it (“Fox and Friends.”), and the mark inside them to keep."""
    closing = re.match(r"([.,!?]?)[”\"’']", text[end:end + 2])
    if start > 0 and text[start - 1] in "“\"‘'" and closing is not None:
        return start - 1, end + closing.end(), closing.group(1)
    return start, end, ""


_SHOW_WORD = re.compile(r"(?<!\w)(?:program|programme|show|podcast|series|segment|newscast)\s*$", re.IGNORECASE)


def titled_show(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A quoted title around an outlet's name after a show word ("the program “Fox Business Tonight.”"): a show
    ``media_names.tsv`` does not list is hidden whole too. Its span with the quotes, and the mark to keep."""
    opening = max(text.rfind("“", max(0, start - 60), start), text.rfind('"', max(0, start - 60), start))
    closings = [i for i in (text.find("”", end, end + 80), text.find('"', end, end + 80)) if i >= 0]
    if opening < 0 or not closings or any(q in text[opening + 1:start] for q in '”"'):
        return None
    if not _SHOW_WORD.search(text[max(0, opening - 30):opening]):
        return None
    inner_end = min(closings) - (1 if text[min(closings) - 1] in ".,!?" else 0)
    return programme_span(text, opening + 1, inner_end)


_POSSESSIVE_TITLE = re.compile(r"(?:['’]s?)?\s+[“\"‘']([^“”\"]{2,80}?)([.,!?]?)[”\"’'](?!\w)")


def possessive_show(text: str, end: int) -> tuple[int, str] | None:
    """An outlet's possessive before a quoted title ("Fox News' ‘On the Record with …’"): its show. Where the
    title's closing quote ends, and the mark inside it to keep; None when no quoted title follows."""
    match = _POSSESSIVE_TITLE.match(text, end)
    if match is None or not text[end:end + 2].strip().startswith(("'", "’")):
        return None
    return match.end(), match.group(2)


def name_variants(outlet: str, media_names: Iterable[str] = (),
                  groups: Mapping[str, Sequence[str]] | None = None) -> list[str]:
    """Ways an outlet's name shows up in a text: as written, without "The", squashed (a domain), and
    the media names in the lexicons that spell it out.

    A corpus often names an outlet by a short id ("fox", "nyt") while its articles say "Fox
    News" or "The New York Times": masking only the id turned "Fox News obtained a letter"
    into "Source A News obtained…". A media name (``source_kinds.tsv``, kind ``media``) is
    a variant when it starts with the outlet's name ("fox news" for "fox") or its initials
    are the outlet's squashed name ("new york times" for "nyt"); a name that merely contains
    it ("the new york times" for an outlet called "times") is another outlet and is left alone.
    """
    variants = {outlet.strip(), *group_of(outlet, groups or {})}
    bare = outlet.strip().lower().removeprefix("the ").strip()
    if outlet.lower().startswith("the "):
        variants.add(outlet[4:].strip())
    squashed = re.sub(r"[^0-9a-z]", "", outlet.lower())
    if len(squashed) >= 3:
        variants.add(squashed)
    for name in media_names:
        words = name.lower().removeprefix("the ").split()
        initials = "".join(word[0] for word in words if word not in ("of", "and", "&"))
        spelled = " ".join(words)
        first_word = len(words) == 1 and bare.startswith(spelled + " ")  # "Fox" for "Fox News"
        if bare and (spelled == bare or spelled.startswith(bare + " ") or (len(words) > 1 and initials == squashed)
                     or first_word
                     or (len(words) > 1 and len(squashed) >= 5 and squashed_from_prefixes(squashed, words))):
            variants.update({name, spelled})
    return sorted((v for v in variants if len(v) >= 2), key=len, reverse=True)


def media_names(lexicons: Lexicons) -> list[str]:
    """Every outlet name the lexicons know (source kinds and voice roles of kind ``media``, story packs included)."""
    names = {entry.key for entry in lexicons["source_kinds"] if entry["kind"] == "media"}
    names |= {entry.key for entry in lexicons["voice_roles"] if entry["role"] == "media" and not entry["rule"]}
    return sorted(names)


def outlet_groups(lexicons: Lexicons) -> dict[str, list[str]]:
    """Each ``media_names.tsv`` variant (lower case) with every name of its outlet, the display name first.

    A corpus names outlets by codes ("hpo") that no spelling rule links to "The Huffington
    Post"; this table does, so blind mode masks every variant of the outlet.
    """
    by_outlet: dict[str, list[str]] = {}
    for entry in lexicons["media_names"]:
        by_outlet.setdefault(entry["outlet"], [entry["outlet"]]).append(entry.key)
    return {name.lower(): names for names in by_outlet.values() for name in names}


def group_of(outlet: str, groups: Mapping[str, Sequence[str]]) -> list[str]:
    """Every name of ``outlet``'s group in ``media_names.tsv`` (by its name, its bare name or its squashed form)."""
    lower = outlet.strip().lower()
    for key in (lower, lower.removeprefix("the ").strip(), re.sub(r"[^0-9a-z.]", "", lower)):
        if key in groups:
            return list(groups[key])
    return []


def display_name(outlet: str, groups: Mapping[str, Sequence[str]]) -> str:
    """What the teacher reads for an outlet: its display name in ``media_names.tsv`` ("HuffPost" for "hpo")."""
    names = group_of(outlet, groups)
    return names[0] if names else outlet


def squashed_from_prefixes(squashed: str, words: Sequence[str]) -> bool:
    """Whether ``squashed`` is a prefix of each word in turn ("huffpost" from "huffington post")."""
    if not words:
        return not squashed
    first, rest = words[0], words[1:]
    return any(squashed.startswith(first[:n]) and squashed_from_prefixes(squashed[n:], rest)
               for n in range(1, len(first) + 1)) if squashed else False


def title_without_outlet(title: str, names: Iterable[str]) -> str:
    """``title`` without a trailing " | Outlet: section" or " - Outlet" that names an outlet in ``names`` (lower case
    names: the lexicons' and the lesson's own). A page title's suffix is no part of the headline, and in blind mode
    it named the outlet ("Senate passes bill | Some Post: news")."""
    for separator in _TITLE_SEPARATOR.finditer(title or ""):
        written = title[separator.end():].strip()
        tail = written.lower().removeprefix("the ").strip()
        if not written or not (written[:1].isupper() or written[:1].isdigit() or "." in written.split()[0]):
            continue  # an outlet's name is written capitalized ("| Some Post: news") or as a domain
        for name in names:
            bare = name.lower().removeprefix("the ").strip()
            if bare and tail.startswith(bare) and not tail[len(bare):len(bare) + 1].isalnum():
                return title[:separator.start()].rstrip()
    return title
