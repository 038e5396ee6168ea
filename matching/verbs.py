"""ESCO verb phrases: "develop beautiful campaigns" is ESCO's "develop campaigns", "leading a team" its "lead a
team", though no key of the taxonomy is written that way.

ESCO states most skills as a verb and its object ("manage budgets", "liaise with colleagues"). The build keeps,
for each ESCO skill (not knowledge), the labels that open with a verb and hold two to ``MAX_LABEL_STEMS``
content words: the verb, and the object's words as stems (``stem``: "budgets", "budgeting" -> "budget";
"organisation", "organization" -> "organis"). A clause matches a label when it holds a form of the verb
(``verb_forms``: "lead", "leads", "leading"; not a noun made of it, "leadership") on an uncovered token, then the
object's stems in order, each within ``MAX_GAP`` tokens of the one before ("develop *beautiful* campaigns"),
without crossing a clause end or a skill found already; the object does not start right after "and", "or" or
"to" ("design and build": a second verb). Of the labels a verb matches, the one with the most
stems wins, then a preferred label, then the tightest match.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import compress

from matching.normalize import WordCache

__all__ = ["MAX_GAP", "MAX_LABEL_STEMS", "VerbPhrases", "stem", "verb_forms"]

MAX_GAP = 3  # words that may stand between two stems of a label
MAX_LABEL_STEMS = 5
_COORDINATORS = frozenset({"and", "or", "to", "nor"})
_CLAUSE_ENDS = frozenset({".", ";", ":", "!", "?", "(", ")", "|", "•", ","})
_STEMS: WordCache[str] = WordCache()  # word -> stem, for ``VerbPhrases.find``
_SUFFIXES = (
    ("isations", "is"), ("isation", "is"), ("ational", "at"), ("ations", ""), ("ation", ""),
    ("ytical", "y"), ("ytics", "y"), ("ysis", "y"), ("yses", "y"), ("ysed", "y"), ("ysing", "y"), ("yse", "y"),
    ("iveness", ""), ("fulness", ""), ("ments", ""), ("ment", ""), ("ities", ""), ("ity", ""),
    ("ising", "is"), ("ised", "is"), ("ises", "is"), ("ise", "is"),
    ("ings", ""), ("ing", ""), ("ions", ""), ("ion", ""), ("ates", ""), ("ated", ""), ("ate", ""),
    ("ers", ""), ("er", ""), ("ies", "y"), ("ied", "y"), ("ed", ""), ("es", ""), ("ly", ""), ("s", ""),
)  # fmt: skip
_SUFFIXES_BY_LAST: dict[str, tuple[tuple[str, str], ...]] = {
    last: tuple(pair for pair in _SUFFIXES if pair[0][-1] == last) for last in {suffix[-1] for suffix, _ in _SUFFIXES}
}  # in ``_SUFFIXES`` order: only those ending with a word's last letter can match it


def stem(word: str) -> str:
    """A crude stem of a lower-case word, the same for its inflections and most derivations ("manage",
    "managing", "management" -> "manag"); words of three letters or fewer and non-words are kept."""
    if len(word) <= 3 or not word.isalpha():
        return word
    w = word.replace("iz", "is").replace("yz", "ys")  # American spellings as British: one stem for both
    for suffix, replacement in _SUFFIXES_BY_LAST.get(w[-1], ()):
        if suffix == "s" and w.endswith(("ss", "us", "is")):
            break
        if suffix == "es" and not w.endswith(("sses", "xes", "zes", "ches", "shes")):
            continue
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: -len(suffix)] + replacement
            break
    if w.endswith("e") and len(w) > 3:
        w = w[:-1]
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
        w = w[:-1]
    return w


def verb_forms(verb: str) -> tuple[str, ...]:
    """The base form, third person, gerund and past of a regular verb ("manage": "manages", "managing",
    "managed"); irregular pasts ("led", "built") are not guessed."""
    if verb.endswith(("s", "x", "z", "ch", "sh")):
        third = verb + "es"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        third = verb[:-1] + "ies"
    else:
        third = verb + "s"
    short = 3 <= len(verb) <= 4 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou"
    if verb.endswith("ie"):
        ing = verb[:-2] + "ying"
    elif verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        ing = verb[:-1] + "ing"
    elif short:
        ing = verb + verb[-1] + "ing"
    else:
        ing = verb + "ing"
    if verb.endswith("e"):
        past = verb + "d"
    elif verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        past = verb[:-1] + "ied"
    elif short:
        past = verb + verb[-1] + "ed"
    else:
        past = verb + "ed"
    return tuple(dict.fromkeys((verb, third, ing, past)))


def _parse(text: str) -> Iterator[tuple[str, tuple[str, ...], int, bool]]:
    start = 0
    while start < len(text):
        end = text.find("\n", start)
        if end == -1:
            end = len(text)
        skill, preferred, verb, stems = text[start:end].split("\t")
        yield verb, tuple(stems.split(" ")), int(skill), preferred == "1"
        start = end + 1


class VerbPhrases:
    """Verb-led ESCO labels, by each form of their verb and the first stem of their object:
    ``(the object's other stems, skill index, is the preferred label)``."""

    __slots__ = ("by_verb",)

    def __init__(self, labels: Iterable[tuple[str, tuple[str, ...], int, bool]]) -> None:
        by_base: dict[str, dict[str, list[tuple[tuple[str, ...], int, bool]]]] = {}
        intern = sys.intern
        for verb, stems, skill, preferred in labels:
            if 1 <= len(stems) < MAX_LABEL_STEMS:
                rest = tuple(intern(x) for x in stems[1:]) if len(stems) > 1 else ()
                by_base.setdefault(verb, {}).setdefault(intern(stems[0]), []).append((rest, skill, preferred))
        by_verb: dict[str, Mapping[str, tuple[tuple[tuple[str, ...], int, bool], ...]]] = {}
        for verb in sorted(by_base):
            table = {first: tuple(sorted(rest)) for first, rest in by_base[verb].items()}
            for form in verb_forms(verb):  # the forms share one table
                by_verb.setdefault(form, table)
        self.by_verb: Mapping[str, Mapping[str, tuple[tuple[tuple[str, ...], int, bool], ...]]] = by_verb

    @classmethod
    def from_text(cls, text: str) -> VerbPhrases:
        """From the compiled form: one ``"<skill index>\t<1 if preferred>\t<verb>\t<stem> <stem>..."`` line per
        label."""
        return cls(_parse(text))

    def find(self, words: Sequence[str], covered: Sequence[int] | bytearray) -> list[tuple[int, int, int]]:
        """``(first, last exclusive, skill index)`` of the labels matched in ``words`` (see the module
        docstring), not overlapping each other nor a covered token."""
        by_verb = self.by_verb
        n = len(words)
        out: list[tuple[int, int, int]] = []
        verbs = [i for i in compress(range(n), map(by_verb.__contains__, words)) if not covered[i]]
        if not verbs:
            return out
        # Stems of the tokens a match may use; None where it cannot go (covered, a clause end), and at the end.
        # Each distinct word is stemmed once and kept for later calls (a plain dict is looked up faster than a
        # function's cache) for a while (:class:`matching.normalize.WordCache`).
        stem_of = _STEMS.current()
        for word in set(words).difference(stem_of):
            stem_of[word] = stem(word)
        stems: list[str | None] = list(map(stem_of.__getitem__, words))
        for k in compress(range(n), map(_CLAUSE_ENDS.__contains__, words)):
            stems[k] = None
        for k in compress(range(n), covered):
            stems[k] = None
        stems += [None] * (2 + MAX_GAP)
        free = 0  # the first token a new match may use
        for i in verbs:
            if i < free:
                continue
            by_first = by_verb[words[i]]
            if by_first.keys().isdisjoint(stems[i + 1 : i + 2 + MAX_GAP]):
                continue  # no object of this verb starts within reach (most verbs)
            best: tuple[int, bool, int, int, int] | None = None  # stems, preferred, -span, -skill, last
            for k in range(i + 1, i + 2 + MAX_GAP):
                first = stems[k]
                if first is None:
                    break
                if k > i + 1 and words[k - 1] in _COORDINATORS:
                    continue  # "design and build": a second verb, not the object
                for rest, skill, preferred in by_first.get(first, ()):
                    j = k
                    for want in rest:
                        found = -1
                        for m in range(j + 1, j + 2 + MAX_GAP):
                            got = stems[m]
                            if got is None:
                                break
                            if got == want:
                                found = m
                                break
                        if found < 0:
                            break
                        j = found
                    else:
                        cand = (len(rest) + 2, preferred, i - j, -skill, j)
                        if best is None or cand[:4] > best[:4]:
                            best = cand
            if best is not None:
                out.append((i, best[4] + 1, -best[3]))
                free = best[4] + 1
        return out
