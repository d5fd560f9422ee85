"""TF-IDF rows and cosine similarities, with numpy and scipy only (the fact aligner and the story grouper)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from .common import Sentence


def similarity_matrix(sentences: Sequence[Sentence]) -> np.ndarray:
    """Cosine similarity of the sentences' TF-IDF vectors (dense: a few thousand sentences at most).

    Numbers are not features: in unrelated stories "5%" or "2 million" would make
    sentences look alike, and in one story a disputed number ("about 80" against "at
    least 83") must not keep two versions of a fact apart.
    """
    matrix, _ = tfidf_matrix([s.features for s in sentences])
    return (matrix @ matrix.T).toarray()


def tfidf_matrix(documents: Sequence[Sequence[str]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """TF-IDF rows of feature lists, and each feature's column: scikit-learn's weighting, without scikit-learn.

    The weights are those of ``TfidfVectorizer(sublinear_tf=True, norm="l2")`` with its
    defaults (``smooth_idf=True``), which the aligner used before; importing scikit-learn
    cost about a second of every report's start-up, this needs only numpy and scipy.sparse:

    - tf = 1 + ln(count of the feature in the document) (sublinear: a repeated word adds little);
    - idf = ln((1 + n) / (1 + df)) + 1, for n documents of which df hold the feature (smoothed
      as if one extra document held every feature, so no idf is zero or infinite);
    - each row divided by its Euclidean length, so a row's dot product with another is their cosine.

    The operations, and the order of each row's entries (by the feature's first appearance
    in the corpus) are scikit-learn's, so the cosines equal its own to the last bit
    (tests/test_compare_facts.py checks it). Columns are numbered in order of first
    appearance (scikit-learn numbers them alphabetically, which changes no value).
    """
    return tfidf_counts([Counter(features) for features in documents])


def tfidf_counts(documents: Sequence[Mapping[str, int]]) -> tuple[sparse.csr_matrix, dict[str, int]]:
    """:func:`tfidf_matrix` of documents given as feature counts (the story grouper counts words at C speed)."""
    columns: dict[str, int] = {}
    indices: list[int] = []
    counts: list[int] = []
    indptr = [0]
    for features in documents:
        row = {columns.setdefault(feature, len(columns)): count for feature, count in features.items()}
        for column in sorted(row):
            indices.append(column)
            counts.append(row[column])
        indptr.append(len(indices))
    n_documents = len(indptr) - 1
    column_of = np.array(indices, dtype=np.int32)
    data = np.log(np.array(counts, dtype=np.float64))
    data += 1.0
    document_frequency = np.bincount(column_of, minlength=len(columns)).astype(np.float64) + 1.0
    idf = np.full_like(document_frequency, n_documents + 1) / document_frequency
    np.log(idf, out=idf)
    idf += 1.0
    data *= idf[column_of]
    data /= _row_lengths(data, indptr)
    matrix = sparse.csr_matrix((data, column_of, np.array(indptr, dtype=np.int32)), shape=(n_documents, len(columns)))
    return matrix, columns


def _row_lengths(data: np.ndarray, indptr: Sequence[int]) -> np.ndarray:
    """Euclidean length of each CSR row, repeated for each entry of the row (1 for an empty row).

    The squares are summed left to right within each row, as scikit-learn's ``normalize``
    does (numpy's pairwise ``sum`` along a row would round differently): entry k of every
    row sits in line k of a (longest row × rows) table, and summing over its lines adds
    them in that order.
    """
    bounds = np.asarray(indptr)
    lengths = np.diff(bounds)
    if not len(data):
        return np.ones(0)
    row_of = np.repeat(np.arange(len(lengths)), lengths)
    position = np.arange(len(data)) - bounds[row_of]
    squares = np.zeros((int(lengths.max()), len(lengths)))
    squares[position, row_of] = data * data
    norms = np.sqrt(squares.sum(axis=0))
    norms[norms == 0.0] = 1.0
    return norms[row_of]
