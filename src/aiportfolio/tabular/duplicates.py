"""Near-duplicate texts among imported rows and the register (titles, problems): texts
indexed by their rarest words and word pairs (prefix filtering), candidate pairs compared
with rapidfuzz (docs/decisions/0006-rapidfuzz.md), so the scan stays near-linear."""

from __future__ import annotations

import math
import re
import unicodedata
import zlib
from collections import Counter
from collections.abc import Callable
from itertools import pairwise

from aiportfolio.tabular.read import PROGRESS_EVERY


def normalised(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return " ".join(re.findall(r"[a-z0-9]+", folded.lower()))


def _tokens(text: str) -> set[int]:
    """Words (cut to 6 letters, so plurals and endings match) and pairs of consecutive
    words of a normalised text, as CRC-32 numbers (small, and the same in every run)."""
    words = [w[:6] for w in text.split()]
    found = set(words)
    found.update(map(" ".join, pairwise(words)))
    return set(map(zlib.crc32, map(str.encode, found)))


def _prefix_size(count: int) -> int:
    """How many of a text's rarest tokens are indexed. Two texts are compared when they
    share at least half of their tokens (short texts: a title with one word changed) or
    three quarters (long texts, where a 10 % edit leaves most word pairs intact): with
    every text indexed by its ``count - needed + 1`` rarest tokens, such a pair always
    shares an indexed token (prefix filtering)."""
    needed = math.ceil(count * (0.5 if count <= 40 else 0.75))
    return count - needed + 1


BRUTE_FORCE_ROWS = 16
"""Up to this many new rows, each is compared with every earlier text (exact, and cheaper
than indexing a large register for a few rows)."""


def find_duplicates(
    candidates: list[tuple[str, str]],
    ratio: float,
    start: int = 0,
    tick: Callable[[int], None] | None = None,
) -> list[tuple[int, int, float]]:
    """Pairs ``(i, j, similarity)`` (i > j, i >= ``start``) of near-identical normalised
    texts: for each text from ``start`` on, the most similar earlier one whose similarity
    (rapidfuzz's normalised Indel similarity: 2 x common characters / total length)
    reaches ``ratio``. Exact duplicates always match (similarity 1).

    Near-linear: unless there are only a few new texts, texts are indexed by their
    rarest tokens (``_tokens``, ``_prefix_size``) and compared only with the texts they
    share an indexed token with. ``tick(n)`` is called as new texts are compared (``n``
    done so far)."""
    from rapidfuzz import process
    from rapidfuzz.distance import Indel

    texts = [normalised(text) for _, text in candidates]
    first: dict[str, int] = {}
    pairs: list[tuple[int, int, float]] = []
    if len(texts) - start <= BRUTE_FORCE_ROWS:
        for i, text in enumerate(texts):
            if tick is not None and i >= start:
                tick(i - start)
            if text and i >= start:
                if text in first:
                    pairs.append((i, first[text], 1.0))
                else:
                    found = process.extractOne(
                        text, texts[:i], scorer=Indel.normalized_similarity, score_cutoff=ratio
                    )
                    if found is not None:
                        pairs.append((i, found[2], found[1]))
            first.setdefault(text, i)
        return pairs
    # Two passes over the tokens (counted, then indexed) rather than all of them in
    # memory at once: a large inventory has millions.
    frequency: Counter[int] = Counter()
    for text in texts:
        frequency.update(_tokens(text))
    # Tokens found in one text only come first in the rarest-first order but can match
    # nothing: only the others are numbered, rarest first (ties by value: the same
    # prefixes in every run), from 1.
    shared = sorted((c, token) for token, c in frequency.items() if c > 1)
    del frequency
    rank = {token: r for r, (_, token) in enumerate(shared, start=1)}
    del shared
    postings: dict[int, list[int]] = {}
    # Indel similarity s <= 2 min / (a + b), so shorter / longer >= s / (2 - s).
    floor = ratio / (2 - ratio) if ratio < 1 else 1.0
    for i, text in enumerate(texts):
        if tick is not None and i >= start and (i - start) % PROGRESS_EVERY == 0:
            tick(i - start)
        if not text:
            continue
        own = _tokens(text)
        numbers = sorted(filter(None, map(rank.get, own)))
        unique = len(own) - len(numbers)
        prefix = numbers[: max(0, _prefix_size(len(own)) - unique)]
        if i >= start:
            if text in first:
                pairs.append((i, first[text], 1.0))
            else:
                others: set[int] = set()
                for token in prefix:
                    others.update(postings.get(token, ()))
                best: tuple[float, int] | None = None
                for j in sorted(others):
                    other = texts[j]
                    if min(len(text), len(other)) < floor * max(len(text), len(other)):
                        continue
                    score = Indel.normalized_similarity(text, other, score_cutoff=ratio)
                    if score >= ratio and (best is None or score > best[0]):
                        best = (score, j)
                if best is not None:
                    pairs.append((i, best[1], best[0]))
        first.setdefault(text, i)
        for token in prefix:
            postings.setdefault(token, []).append(i)
    return pairs
