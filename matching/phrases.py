"""Requirement phrases: skills a job ad asks for in its own words, which no taxonomy key names.

"communicate efficiently with people", "troubleshoot hosted websites", "proactive", "building a meaningful
engineering culture": job ads state most skills as verb phrases and qualities, where a dictionary finds little.
A token tagger marks the tokens that lie inside such a phrase; runs of marked tokens that no taxonomy mention
covers become *phrase mentions*, a second, lower-confidence tier of ``matching.extract.extract_skills``.

The tagger is a logistic regression over six features of a token: the word, the word before and after, the two
words before and the two after (as pairs), and the word's last three letters. ``scripts/build_taxonomy.py``
learns its weights from SkillSpan ``train.json`` (job-ad sentences with SKILL and KNOWLEDGE spans; the
development split stays unseen) on the tokens that the taxonomy leaves uncovered, and ships them in the
compiled taxonomy (``PhraseModel``). A token is marked when its probability reaches the model's threshold;
two runs joined by one connective ("and", "of", a comma...) are one phrase.

Resumes are left alone (``looks_like_resume``): there verb phrases are achievements ("Led the migration of..."),
and a skill is what the taxonomy names. A text reads like a resume when at least two of these hold and it
hardly addresses a reader: few second-person or "we" pronouns (a job ad talks to the candidate), two or more
years written out, an e-mail address, a date range ("2016 - 2019", "2019 to Present").
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import compress, islice, repeat
from operator import add
from typing import Literal

__all__ = [
    "CONNECTIVES",
    "FEATURES",
    "PHRASE_MAX_CONFIDENCE",
    "PhraseMode",
    "PhraseModel",
    "looks_like_resume",
    "phrase_runs",
    "token_features",
]

PhraseMode = Literal["off", "auto", "on"]

PHRASE_MAX_CONFIDENCE = 0.55  # phrase mentions stay below 0.6: callers keep taxonomy mentions with ``>= 0.6``
CONNECTIVES = frozenset({"and", "or", "of", "in", "for", "with", "to", "the", "a", "an", ","})
_EDGE_WORDS = CONNECTIVES | {"your", "our", "their", "its", "as", "at", "on", "by", "from", "into", "be"}
_READER_WORDS = frozenset(
    {"you", "your", "you'll", "you're", "you've", "yourself", "we", "our", "we're", "we've", "us", "ours"}
)
_RESUME_READER_RATE = 0.01  # below this share of reader pronouns the text does not address anyone
_JOB_READER_RATE = 0.02  # from this share on the text addresses a reader: a job ad, whatever else it holds
_YEAR_RE = re.compile(r"\b(?:19|20)\d\d\b")
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+\.\w")
_RANGE_RE = re.compile(
    r"\b(?:19|20)\d\d\s*(?:-|–|—|to|till|until)\s*(?:(?:[A-Za-z]{3,9}\.?\s+)?(?:19|20)\d\d|present|current|now|date"
    r"|today)\b",
    re.IGNORECASE,
)
FEATURES = ("word", "prev", "next", "prev_pair", "next_pair", "suffix")
_UNIGRAM_CACHE_SIZE = 100_000
_START, _END = "<s>", "</s>"  # no token of ``matching.normalize.scan`` looks like these


class PhraseModel:
    """The tagger's weights: one table per feature (``FEATURES``; pairs keyed ``"w1 w2"``), a bias, and the
    probability a token needs. Immutable once built; its word cache is safe to share between threads."""

    __slots__ = ("_next_pair", "_prev_pair", "_unigram", "bias", "tables", "threshold")

    def __init__(self, bias: float, threshold: float, tables: Mapping[str, Mapping[str, float]]) -> None:
        unknown = set(tables) - set(FEATURES)
        if unknown:
            raise ValueError(f"unknown feature tables: {sorted(unknown)}")
        self.bias, self.threshold = bias, threshold
        self.tables: Mapping[str, Mapping[str, float]] = {name: dict(tables.get(name, {})) for name in FEATURES}
        # Pairs keyed by word tuples (what zip yields), word and suffix weights summed per word on first sight.
        self._prev_pair = {tuple(k.split(" ")): v for k, v in self.tables["prev_pair"].items()}
        self._next_pair = {tuple(k.split(" ")): v for k, v in self.tables["next_pair"].items()}
        self._unigram: dict[str, float] = {}

    @classmethod
    def from_json(cls, document: Mapping[str, object]) -> PhraseModel:
        """From the ``phrases`` entry of the compiled taxonomy: tables as ``"key<TAB>weight"`` lines."""
        tables: dict[str, dict[str, float]] = {}
        raw = document.get("weights")
        assert isinstance(raw, Mapping)
        for name in FEATURES:
            text = raw.get(name) or ""
            assert isinstance(text, str)
            table: dict[str, float] = {}
            for line in text.split("\n") if text else ():
                key, _, value = line.rpartition("\t")
                table[key] = float(value)
            tables[name] = table
        bias, threshold = document.get("bias", 0.0), document.get("threshold", 0.5)
        assert isinstance(bias, int | float) and isinstance(threshold, int | float)
        return cls(float(bias), float(threshold), tables)

    def scores(self, words: Sequence[str]) -> list[float]:
        """The log-odds that each token lies inside a skill phrase (the table lookups run as C loops)."""
        if not words:
            return []
        unigram = self._unigram
        if len(unigram) > _UNIGRAM_CACHE_SIZE:
            unigram.clear()
        word_w, suffix_w = self.tables["word"].get, self.tables["suffix"].get
        for w in set(words).difference(unigram):
            unigram[w] = word_w(w, 0.0) + suffix_w(w[-3:], 0.0)
        padded = [_START, _START, *words, _END, _END]
        zero = repeat(0.0)
        terms = (
            map(self.tables["prev"].get, islice(padded, 1, None), zero),
            map(self.tables["next"].get, islice(padded, 3, None), zero),
            map(self._prev_pair.get, zip(padded, islice(padded, 1, None), strict=False), zero),
            map(self._next_pair.get, zip(islice(padded, 3, None), islice(padded, 4, None), strict=False), zero),
        )
        total: Iterable[float] = map(add, repeat(self.bias), map(unigram.__getitem__, words))
        for term in terms:
            total = map(add, total, term)
        return list(total)


def token_features(words: Sequence[str]) -> list[tuple[str, str, str, str, str, str]]:
    """Each token's keys into the six tables, in ``FEATURES`` order (word, prev, next, prev_pair, next_pair,
    suffix): what the build learns from; ``PhraseModel.scores`` sums the same lookups faster."""
    padded = [_START, _START, *words, _END, _END]
    return [
        (w, padded[i + 1], padded[i + 3], padded[i] + " " + padded[i + 1], padded[i + 3] + " " + padded[i + 4], w[-3:])
        for i, w in enumerate(words)
    ]


def _logit(p: float) -> float:
    return math.log(p / (1.0 - p))


def phrase_runs(
    words: Sequence[str], covered: Sequence[bool] | bytearray, model: PhraseModel
) -> list[tuple[int, int, float]]:
    """``(first, last exclusive, mean probability)`` of each phrase: runs of uncovered tokens the tagger marks,
    joined across one connective, without connectives at either end."""
    scores = model.scores(words)
    cut = _logit(model.threshold)
    n = len(words)
    marked = [i for i in compress(range(n), map(cut.__le__, scores)) if not covered[i] and words[i][:1].isalnum()]
    runs: list[tuple[int, int, float]] = []
    k = 0
    while k < len(marked):
        first = last = marked[k]
        k += 1
        while k < len(marked) and (
            marked[k] == last + 1
            or (marked[k] == last + 2 and words[last + 1] in CONNECTIVES and not covered[last + 1])
        ):
            last = marked[k]
            k += 1
        run_first, run_last = first, last + 1
        while run_first < run_last and words[run_first] in _EDGE_WORDS:
            run_first += 1
        while run_last > run_first and words[run_last - 1] in _EDGE_WORDS:
            run_last -= 1
        if run_first < run_last:
            probs = [
                1.0 / (1.0 + math.exp(-scores[i]))
                for i in range(run_first, run_last)
                if scores[i] >= cut and not covered[i] and words[i][:1].isalnum()
            ]
            runs.append((run_first, run_last, sum(probs) / len(probs)))
    return runs


def looks_like_resume(text: str, words: Sequence[str]) -> bool:
    """Whether ``text`` reads like a resume rather than a job ad (see the module docstring)."""
    if not words:
        return False
    reader = sum(map(_READER_WORDS.__contains__, words)) / len(words)
    if reader >= _JOB_READER_RATE:
        return False
    signals = int(reader < _RESUME_READER_RATE) + int(len(_YEAR_RE.findall(text)) >= 2)
    if signals < 2 and "@" in text:
        signals += _EMAIL_RE.search(text) is not None
    if signals < 2:
        signals += _RANGE_RE.search(text) is not None
    return signals >= 2
