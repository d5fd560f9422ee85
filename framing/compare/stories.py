"""Group a corpus's articles into stories, so that outlets are compared only on the same story.

Fact alignment compares every sentence with every other, which is right within a story
(a few dozen articles) and hopeless across months of coverage: 2,000 articles made a
47 GiB similarity matrix. So a corpus is first cut into stories, and every
story-level table (facts, omissions, disagreements, labels, voices, headlines) is built
within one story at a time.

Where the stories come from (``mode``):

- ``column``: the input's ``story`` column (``RawArticle.story``), as given;
- ``cluster``: by content and date. Each article is a TF-IDF vector of its content-word
  stems (the title counted twice). Candidate neighbours are found through an inverted
  index of each article's ``TOP_TERMS`` heaviest terms, leaving out terms more than
  ``MAX_POSTINGS`` articles share (too common to mark a story), so the work grows with
  the number of articles times a bounded number of candidates, never with all pairs.
  Candidates whose dates lie more than ``window_days`` apart are dropped. Pairs at
  ``LINK_THRESHOLD`` or more cosine are merged most-similar first, and two groups merge
  only while the average similarity of all their cross pairs stays at ``GROUP_THRESHOLD``
  or more (average linkage, computed exactly from the groups' summed unit vectors), so
  one loose link cannot chain two stories together;
- ``one``: the whole corpus is one story (how ``framing compare`` has always read a folder).

``auto`` takes the column when every article has a story, else one story for a corpus
of up to ``ONE_STORY_MAX`` articles, else clustering.

``stories`` table (one row per article, in input order): story, article_id, outlet,
date, title, method (column | cluster | one), story_articles, story_outlets, similarity
(cosine to the story's centroid; clustering only).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

import numpy as np
import pandas as pd
from scipy import sparse

from ..corpus import RawArticle
from ..errors import FramingParameterError
from .common import WordFolder
from .tfidf import tfidf_counts

MODES = ("auto", "column", "cluster", "one")
ONE_STORY_MAX = 50
TOP_TERMS = 10
MAX_POSTINGS = 300
LINK_THRESHOLD = 0.3
GROUP_THRESHOLD = 0.2
WINDOW_DAYS = 7
COLUMNS = ["story", "article_id", "outlet", "date", "title", "method", "story_articles", "story_outlets",
           "similarity"]
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def group_stories(
    articles: Sequence[RawArticle], folder: WordFolder, *, mode: str = "auto", window_days: int = WINDOW_DAYS
) -> pd.DataFrame:
    """The ``stories`` table: which story each article belongs to (see the module docstring)."""
    if mode not in MODES:
        raise FramingParameterError("stories", f"unknown mode {mode!r}", f"Use one of: {', '.join(MODES)}")
    if mode == "auto":
        if articles and all(a.story for a in articles):
            mode = "column"
        else:
            mode = "one" if len(articles) <= ONE_STORY_MAX else "cluster"
    if mode == "column":
        missing = next((a for a in articles if not a.story), None)
        if missing is not None:
            raise FramingParameterError("stories", "has no story", "Give every row a 'story', or use",
                                        example="cluster", path=missing.path)
        labels = [a.story for a in articles]
        similarity = [None] * len(articles)
    elif mode == "one":
        labels = ["S0001"] * len(articles)
        similarity = [None] * len(articles)
    else:
        labels, similarity = _cluster(articles, folder, window_days)
    return _table(articles, labels, similarity, mode)


def _table(articles: Sequence[RawArticle], labels: list[str], similarity: list, method: str) -> pd.DataFrame:
    sizes: dict[str, int] = defaultdict(int)
    outlets: dict[str, set[str]] = defaultdict(set)
    for article, label in zip(articles, labels, strict=True):
        sizes[label] += 1
        outlets[label].add(article.outlet or article.id)
    rows = [
        {"story": label, "article_id": a.id, "outlet": a.outlet or a.id, "date": a.date, "title": a.title,
         "method": method, "story_articles": sizes[label], "story_outlets": len(outlets[label]),
         "similarity": value}
        for a, label, value in zip(articles, labels, similarity, strict=True)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def article_terms(article: RawArticle, folder: WordFolder) -> Counter[str]:
    """Content-word stems of an article, its title's counted twice (a title names the story)."""
    tally = Counter(_WORD.findall(article.title.lower().replace("’", "'")))
    for word in tally:
        tally[word] *= 2
    tally.update(_WORD.findall(article.text.lower().replace("’", "'")))  # counted at C speed; stemmed once each
    stop_words = folder.stop_words
    terms: Counter[str] = Counter()
    for word, count in tally.items():
        if len(word) > 2 and word not in stop_words:
            terms[folder.stem(word)] += count
    return terms


def _scored_pairs(matrix: sparse.csr_matrix, firsts: np.ndarray, seconds: np.ndarray,
                  block: int = 20_000) -> list[tuple[float, int, int]]:
    """The candidate pairs whose cosine reaches ``LINK_THRESHOLD``, scored a block of pairs at a time."""
    edges = []
    for start in range(0, len(firsts), block):
        i, j = firsts[start:start + block], seconds[start:start + block]
        scores = np.asarray(matrix[i].multiply(matrix[j]).sum(axis=1)).ravel()
        keep = scores >= LINK_THRESHOLD
        edges += zip(scores[keep].tolist(), i[keep].tolist(), j[keep].tolist(), strict=True)
    return edges


def _day(text: str) -> int | None:
    try:
        return date.fromisoformat(text[:10]).toordinal()
    except (ValueError, TypeError):
        return None


def _cluster(articles: Sequence[RawArticle], folder: WordFolder, window_days: int) -> tuple[list[str], list[float]]:
    """Story labels (``S0001``… in order of each story's first article) and each article's similarity to its story."""
    if not articles:
        return [], []
    matrix, _ = tfidf_counts([article_terms(a, folder) for a in articles])
    matrix = matrix.tocsr()
    firsts, seconds = _candidate_pairs(matrix, [_day(a.date) for a in articles], window_days)
    edges = _scored_pairs(matrix, firsts, seconds)
    edges.sort(key=lambda edge: (-edge[0], edge[1], edge[2]))
    return _story_labels(matrix, _merge_groups(matrix, edges))


def _candidate_pairs(
    matrix: sparse.csr_matrix, days: Sequence[int | None], window_days: int
) -> tuple[np.ndarray, np.ndarray]:
    """Article pairs ``(i < j)`` that share one of their ``TOP_TERMS`` heaviest terms and lie within the window.

    Terms held by more than ``MAX_POSTINGS`` articles are too common to mark a story and are
    left out of the index, which bounds the candidates of each article.
    """
    count = matrix.shape[0]
    heaviest = []
    postings: dict[int, list[int]] = defaultdict(list)
    for row in range(count):
        start, end = matrix.indptr[row], matrix.indptr[row + 1]
        top = matrix.indices[start:end][np.argsort(-matrix.data[start:end], kind="stable")[:TOP_TERMS]]
        heaviest.append(top)
        for column in top:
            postings[int(column)].append(row)
    arrays = {column: np.array(rows, dtype=np.int64) for column, rows in postings.items() if len(rows) <= MAX_POSTINGS}
    firsts, seconds = [], []
    for row in range(count):
        found = [arrays[int(column)] for column in heaviest[row] if int(column) in arrays]
        if not found:
            continue
        others = np.unique(np.concatenate(found))
        others = others[others > row]
        if days[row] is not None:
            others = np.array([c for c in others if days[c] is None or abs(days[c] - days[row]) <= window_days],
                              dtype=np.int64)
        firsts.append(np.full(len(others), row, dtype=np.int64))
        seconds.append(others)
    return (np.concatenate(firsts or [np.zeros(0, np.int64)]),
            np.concatenate(seconds or [np.zeros(0, np.int64)]))


def _merge_groups(matrix: sparse.csr_matrix, edges: Sequence[tuple[float, int, int]]) -> list[list[int]]:
    """Articles merged along ``edges`` (surest first) while each merge keeps average linkage at ``GROUP_THRESHOLD``.

    Each group keeps the sum of its unit vectors: its dot product with another group's is
    the sum of the cosines of all their cross pairs, so the average is exact without
    visiting the pairs.
    """
    count = matrix.shape[0]
    group_of = list(range(count))
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    sums: dict[int, dict[int, float]] = {}

    def summed(group: int) -> dict[int, float]:
        """The group's summed unit vectors as {column: weight} (a single article's row, the first time)."""
        if group not in sums:
            (row,) = members[group]
            start, end = matrix.indptr[row], matrix.indptr[row + 1]
            sums[group] = dict(zip(matrix.indices[start:end].tolist(), matrix.data[start:end].tolist(), strict=True))
        return sums[group]

    for _score, i, j in edges:
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        left, right = summed(a), summed(b)
        small, large = (left, right) if len(left) < len(right) else (right, left)
        dot = sum(weight * large.get(column, 0.0) for column, weight in small.items())
        if dot / (len(members[a]) * len(members[b])) < GROUP_THRESHOLD:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        merged, smaller = sorted((sums.pop(a), sums.pop(b)), key=len, reverse=True)
        for column, weight in smaller.items():  # the smaller into the larger: near-linear overall
            merged[column] = merged.get(column, 0.0) + weight
        sums[a] = merged
        for k in members[b]:
            group_of[k] = a
        members[a] += members.pop(b)
    return list(members.values())


def _story_labels(matrix: sparse.csr_matrix, groups: Sequence[list[int]]) -> tuple[list[str], list[float]]:
    """Each article's story label, numbered by the story's first article, and its cosine to the story's centroid."""
    labels: list[str] = [""] * matrix.shape[0]
    similarity: list[float] = [0.0] * matrix.shape[0]
    for number, group in enumerate(sorted(groups, key=min), start=1):
        rows = matrix[group]
        centroid = sparse.csr_matrix(rows.sum(axis=0))
        length = float(np.sqrt(centroid.multiply(centroid).sum())) or 1.0
        scores = (rows @ centroid.T).toarray().ravel() / length
        for k, score in zip(group, scores, strict=True):
            labels[k] = f"S{number:04d}"
            similarity[k] = round(float(score), 3)
    return labels, similarity
