"""Finding lexicon terms in a document's token norms: :class:`TermMatcher`, one per term lexicon.

Split from :mod:`framing.lexicons` (which builds one matcher per term lexicon at load time and
re-exports both names); the mention layer builds its own for titles, places and organisations.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from itertools import compress
from typing import TYPE_CHECKING

from .corpus.segmentation import token_norm, tokenize

if TYPE_CHECKING:
    from .lexicon_files import Entry


class TermMatcher:
    """Finds lexicon terms in a token sequence by lookup, not regex alternation.

    Terms are indexed by their first normalized token, then grouped by length, longest
    first, each group a dict from the whole token tuple to its entry. At a position
    only one dict lookup per distinct length is needed (not one comparison per
    candidate: "the" starts fifteen source terms), so matching stays linear in the
    text whatever the lexicon's size. When two entries tokenize alike, the first
    listed wins, as it would in a scan of the candidates in file order.
    """

    def __init__(self, entries: tuple[Entry, ...],
                 variants: Callable[[tuple[str, ...]], Iterable[tuple[str, ...]]] | None = None) -> None:
        """``variants``: other spellings of a term's tokens that match it too (inflected, hyphenated); every
        term as listed is indexed before any variant, so a variant never shadows another row's own term."""
        grouped: dict[str, dict[int, dict[tuple[str, ...], Entry]]] = {}
        listed = [(term_tokens(entry.key), entry) for entry in entries]
        forms = listed + [(form, entry) for words, entry in listed if words and variants
                          for form in variants(words)]
        for words, entry in forms:
            if words:
                grouped.setdefault(words[0], {}).setdefault(len(words), {}).setdefault(words, entry)
        self._index: dict[str, tuple[tuple[tuple[int, dict[tuple[str, ...], Entry]], ...], Entry | None]] = {}
        for first, by_length in grouped.items():
            longer = tuple(sorted(((n, terms) for n, terms in by_length.items() if n > 1), reverse=True))
            single = by_length.get(1, {}).get((first,))
            self._index[first] = (longer, single)

    @property
    def first_tokens(self) -> AbstractSet[str]:
        """The normalized tokens some term starts with: only where one stands can a match begin."""
        return self._index.keys()

    def match(self, norms: Sequence[str], starts: Iterable[int] | None = None) -> Iterator[tuple[int, int, Entry]]:
        """``(first_token, end_token, entry)`` for each longest, non-overlapping match.

        ``starts``: the positions of the tokens in :attr:`first_tokens`, in order, when the caller found them already
        in a lookup of its own over the same norms (the learned frame model's); else they are found here.
        """
        index = self._index
        resume = 0
        # Only positions whose token starts some term are examined (found at C speed).
        if starts is None:
            starts = list(compress(range(len(norms)), map(index.__contains__, norms)))
        for position in starts:
            if position < resume:
                continue
            longer, single = index[norms[position]]
            for length, terms in longer:
                entry = terms.get(tuple(norms[position : position + length]))
                if entry is not None:
                    yield position, position + length, entry
                    resume = position + length
                    break
            else:
                if single is not None:
                    yield position, position + 1, single
                    resume = position + 1


# Lower-case ASCII words with single spaces: tokenized and normalized, such a term is its own words (checked on
# every bundled term), so building a matcher of thousands of rows skips the tokenizer for nine in ten.
_PLAIN_TERM = re.compile(r"[a-z]+(?: [a-z]+)*")


def term_tokens(term: str) -> tuple[str, ...]:
    """A term as the tokenizer would see it in running text."""
    if _PLAIN_TERM.fullmatch(term):
        return tuple(term.split(" "))
    return tuple(token_norm(text) for _, _, text in tokenize(term))
