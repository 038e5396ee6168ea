"""Build ``matching/data/taxonomy.json.gz`` from ESCO, O*NET, GitHub Linguist and the curated file.

Usage (from the repository root)::

    .venv/bin/python -m scripts.build_taxonomy [--sources ../shared/data/taxonomy]
        [--train ../shared/data/eval/skills/skillspan/train.json] [--out matching/data/taxonomy.json.gz]

The output is deterministic: the same inputs give byte-identical output (sorted JSON, gzip without a
timestamp). What the build decides:

* One skill, one id. ESCO "Python (computer programming)", Linguist "Python" and O*NET "Python" are merged
  because they share a primary name (an ESCO preferred label without its bracketed qualifier, a Linguist
  language name, an O*NET example with its vendor, "software" suffix or acronym taken apart). The ESCO URI
  and preferred label are kept on the merged skill. A curated entry's ``same_as`` names the ESCO concept it
  is ("Microsoft Excel" is "use spreadsheets software"): that ESCO entry is absorbed, so a URI has one skill.
* What is matchable: each skill's names and aliases become normalised keys (see ``matching.normalize``).
  Dropped: single words on the curated ``generic`` list; vendors alone ("Microsoft"); ESCO alternative labels
  that are one common English word ("cooperate") or three letters at most ("HR"); one-word ESCO fields that
  are common words ("politics"); keys that start with a stopword or hold punctuation; labels longer than
  seven words; O*NET acronyms of products ("EDS") rather than technologies ("XML"); ESCO alternative labels
  and Linguist aliases that name something else ("Mocha" and "node" for JavaScript, ``drop_foreign_aliases``).
  Added: "use X" -> "X", gerunds of ESCO verb phrases ("develop software" -> "developing software"), bracketed
  qualifiers removed, dotted names split and joined ("Node.js" -> "node js", "nodejs").
* Flags per key: ambiguous (common English words among tool and language names, e.g. O*NET "Slack", and the
  curated ``[[context]]`` aliases: extraction wants evidence), case (a common word the source writes in
  capitals, "SOAP", or capitalised), weak (curated ``[[weak]]`` domain words). Common English words are the
  lower-case entries of Webster's 2nd (public domain, via the ``english-words`` package) and words written
  mostly in lower case in O*NET occupation descriptions, ESCO labels and SkillSpan's training sentences.
* A data-driven stoplist: a key that occurs at least ``STOP_MIN_COUNT`` times in SkillSpan ``train.json`` and
  lies inside an annotated skill or knowledge span less than ``STOP_MAX_GOLD_RATIO`` of the time
  (``CURATED_STOP_MAX_GOLD_RATIO`` for curated keys) is dropped (e.g. "flexible", "email", "job
  description"). Only the training split is read; the development split stays unseen. The curated file's
  weak domain words were chosen by the same measure (inside a span at least 60% of the time in train).
* The requirement-phrase tagger (``matching.phrases``): logistic-regression weights learnt from the tokens of
  SkillSpan ``train.json`` that the compiled taxonomy leaves uncovered (``train_phrase_model``). What is covered
  is what ``matching.extract`` finds, so a change to extraction's rules calls for a rebuild (the build test
  says when the committed file is stale).
* ESCO verb phrases (``matching.verbs``): verb-led labels of ESCO skills, the object's words as stems.
* Fuzzy targets: the distinctive words (not common English) of curated, hot or Linguist technical skills,
  the only words a misspelling is corrected to.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import json
import re
import sys
import tomllib
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from matching.normalize import normalize, scan, tokenize  # noqa: E402

__all__ = ["build", "main", "write_compiled"]

FORMAT_VERSION = 3
MAX_KEY_TOKENS = 7
MAX_DISPLAY_ALIASES = 24
RELATED_CAP = 8
STOP_MIN_COUNT = 4
STOP_MAX_GOLD_RATIO = 0.25
CURATED_STOP_MAX_GOLD_RATIO = 0.08
COMMON_WORD_MIN_COUNT = 3
# The requirement-phrase tagger (matching.phrases): features seen fewer times in train are left out, weights
# averaged over all steps and rounded to two decimals, a token is marked from this probability on. The threshold
# was chosen by 3-fold cross-validation on train.json (0.45-0.65 by 0.05): the one at which the smaller of recall
# and precision is highest (0.55: 0.69 / 0.68).
PHRASE_MIN_FEATURE_COUNT = 3
PHRASE_EPOCHS = 6
PHRASE_LEARNING_RATE = 0.2
PHRASE_L2 = 1e-4
PHRASE_THRESHOLD = 0.55
VERB_MIN_LABELS = 5  # a verb opens at least this many ESCO skill labels (matching.verbs)

# Key priority when two skills claim the same key: lower wins.
P_CURATED, P_PRIMARY, P_SOURCE_ALIAS, P_ESCO_ALT, P_VARIANT = 0, 1, 2, 3, 4
# Match kinds stored with a key, and flags: stored together as match * 8 + flags.
M_EXACT, M_ALIAS, M_VARIANT = 0, 1, 2
F_AMBIGUOUS, F_UPPER, F_TITLE, F_WEAK = 1, 2, 4, 8
# ESCO verbs after which the rest of the label names the skill itself ("use Python").
ALLOW_FIELDS = False  # single common-word ESCO fields ("physics") measured: worse on resumes, no gain on job ads
USE_VERBS = frozenset({"use", "utilise", "utilize", "apply", "operate", "employ", "master"})

ATTRIBUTION = (
    "This service uses the ESCO classification of the European Commission (ESCO v1.1.1). "
    "Includes information from the O*NET 29.2 Database by the U.S. Department of Labor, Employment and "
    "Training Administration (USDOL/ETA), used under the CC BY 4.0 license; O*NET® is a trademark of "
    "USDOL/ETA; modified by Tailor (merged with other sources). "
    "Programming-language names and aliases from GitHub Linguist (MIT licence)."
)

_STOPWORDS = frozenset(
    {
        "a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "with", "by", "at", "as", "from", "into",
        "about", "your", "our", "their", "its", "his", "her", "this", "that", "these", "those", "all", "any",
        "some", "other", "such", "be", "is", "are", "new",
    }
)  # fmt: skip
_SLUG_RE = re.compile(r"[^a-z0-9]+")
_PAREN_RE = re.compile(r"\s*\([^)]*\)\s*")


@dataclass
class Rec:
    """A skill while it is being built."""

    order: int
    name: str
    kind: str
    esco_uri: str | None = None
    esco_label: str | None = None
    group: str | None = None
    hot: bool = False
    # (display string, priority, origin: esco_pref, esco_alt, esco_strip, linguist, linguist_alias, onet,
    # onet_form, onet_vendor, curated)
    labels: list[tuple[str, int, str]] = field(default_factory=list)
    notable: bool = False
    sources: set[str] = field(default_factory=set)
    curated: bool = False
    id: str = ""
    merged_into: int | None = None


# ------------------------------------------------------------------------------------------------ sources
def read_esco(folder: Path) -> tuple[list[dict[str, Any]], dict[str, str]]:
    """ESCO skills (sorted by URI) and the group code -> name mapper."""
    with gzip.open(folder / "esco_skills_aliases.jsonl.gz", "rt", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh if line.strip()]
    rows.sort(key=lambda r: str(r["uri"]))
    mapper = json.loads((folder / "esco_v_1_1_1_hier_mapper.json").read_text(encoding="utf-8"))
    return rows, mapper


def esco_kind(hierarchy: Sequence[Sequence[str | None]]) -> str:
    """Language, soft (attitudes, values, thinking/self-management/social transversal skills) or knowledge."""
    codes = {c for path in hierarchy for c in path if c}
    tops = {c[0] for c in codes}
    if "L" in tops:
        return "language"
    if "A" in tops or any(c.startswith(("T2", "T3", "T4")) for c in codes):
        return "soft"
    return "knowledge"


def esco_group(hierarchy: Sequence[Sequence[str | None]], mapper: dict[str, str]) -> str | None:
    """Name of the deepest named group on the first hierarchy path (knowledge paths first)."""
    paths = sorted(hierarchy, key=lambda p: (0 if p and p[0] == "K" else 1, [c or "" for c in p]))
    for path in paths:
        for code in reversed([c for c in path if c]):
            if code in mapper:
                return mapper[code]
    return None


def read_onet(folder: Path) -> list[tuple[str, str, bool]]:
    """Distinct O*NET tools: (name, commodity title most often given, hot or in demand), sorted by name."""
    titles: dict[str, Counter[str]] = defaultdict(Counter)
    hot: dict[str, bool] = defaultdict(bool)
    with (folder / "Technology Skills.txt").open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            name = row["Example"].strip()
            titles[name][row["Commodity Title"].strip()] += 1
            hot[name] |= row["Hot Technology"] == "Y" or row["In Demand"] == "Y"
    out = []
    for name in sorted(titles):
        title = sorted(titles[name].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        out.append((name, title, hot[name]))
    return out


def read_onet_prose(folder: Path) -> Iterator[str]:
    """Occupation descriptions: ordinary English prose, used to learn which words are common."""
    with (folder / "Occupation Data.txt").open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            yield row.get("Description", "")


def read_linguist(folder: Path) -> list[tuple[str, list[str]]]:
    """Programming languages and their aliases, sorted by name."""
    data = json.loads((folder / "languages.json").read_text(encoding="utf-8"))
    return sorted(
        (name, list(entry.get("aliases") or [])) for name, entry in data.items() if entry.get("type") == "programming"
    )


def read_skillspan(path: Path) -> list[tuple[list[str], list[bool]]]:
    """Training sentences: tokens and a per-token flag "inside a SKILL or KNOWLEDGE span"."""
    if not path.exists():
        return []
    text = path.read_text(encoding="utf-8")
    rows = json.loads(text) if text.lstrip().startswith("[") else [json.loads(x) for x in text.splitlines() if x]
    out = []
    for row in rows:
        gold = [s != "O" or k != "O" for s, k in zip(row["tags_skill"], row["tags_knowledge"], strict=True)]
        out.append((list(row["tokens"]), gold))
    return out


# ------------------------------------------------------------------------------------------------ helpers
def slugify(name: str) -> str:
    s = name.lower().replace("c++", "cpp").replace("c#", "csharp").replace("f#", "fsharp")
    s = re.sub(r"(^|\s)\.net", r"\1dotnet", s).replace("+", "plus").replace("#", "sharp")
    return _SLUG_RE.sub("-", s).strip("-") or "skill"


def strip_parens(label: str) -> str:
    return _PAREN_RE.sub(" ", label).strip()


def common_words(texts: Iterable[str], min_count: int = COMMON_WORD_MIN_COUNT) -> set[str]:
    """Ordinary English words: lower-case entries of Webster's 2nd (public domain, via the english-words
    package) and words written in lower case at least ``min_count`` times, and more often than capitalised,
    in the given prose (product names are capitalised: "Python", "Jenkins")."""
    from english_words import get_english_words_set

    words = {w for w in get_english_words_set(["web2"], lower=False, alpha=True) if w.islower()}
    lower: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for text in texts:
        for word in re.findall(r"[A-Za-z][A-Za-z]+", text):
            low = word.lower()
            total[low] += 1
            lower[low] += word.islower()
    return words | {w for w, n in lower.items() if n >= min_count and 2 * n >= total[w]}


def corpus_vocab(texts: Iterable[str], min_count: int = 2) -> set[str]:
    """Lower-cased words seen at least ``min_count`` times in the given prose (known words, not typos)."""
    counts = Counter(w.lower() for text in texts for w in re.findall(r"[A-Za-z][A-Za-z]+", text))
    return {w for w, n in counts.items() if n >= min_count}


def gerund(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return verb[:-1] + "ing"
    if (
        len(verb) <= 4
        and len(verb) >= 3
        and verb[-1] not in "aeiouwxy"
        and verb[-2] in "aeiou"
        and verb[-3] not in "aeiou"
    ):
        return verb + verb[-1] + "ing"
    return verb + "ing"


def onet_forms(
    name: str,
    vendors: Sequence[str],
    common: set[str],
    lower_phrases: set[str],
    hot: bool = False,
) -> list[tuple[str, str]]:
    """Names under which an O*NET tool is written, each with its origin: the name itself ("onet"); without
    "software" or with its acronym taken apart ("onet_form": "Structured query language SQL" -> "SQL",
    "Structured query language"); without the vendor ("onet_vendor": "Microsoft PowerPoint" -> "PowerPoint",
    but not "Amazon Web Services" -> "Web Services", a phrase written in lower case in ordinary prose)."""
    forms = [(name, "onet")]
    base = name
    paren = re.fullmatch(r"(.+?)\s*\(([A-Z][A-Z0-9/.-]{1,9})\)", name)
    if paren:  # "Microsoft Internet Information Services (IIS)"
        base = paren.group(1)
        forms += [(base, "onet_form"), (paren.group(2), "onet_form")]

    if base.endswith(" software") and any(t not in common for t in normalize(base[: -len(" software")]).split()):
        base = base[: -len(" software")]
        forms.append((base, "onet_form"))
    words = base.split()
    last = words[-1] if words else ""
    if len(words) >= 3 and last.isupper() and 2 <= len(last) <= 8 and any(c.isalpha() for c in last):
        # "Extensible markup language XML" names a technology; "Estimates Delivery System EDS" a product whose
        # acronym alone means other things: keep the acronym of the first kind (lower-case words) or hot tools.
        expansion = words[1:-1]
        spelled = " ".join(words[:-1]).lower()
        if _is_subsequence(last.lower(), spelled):  # the last word is the acronym of the others
            if hot or (len(last) >= 3 and sum(w.islower() for w in expansion) * 2 >= len(expansion)):
                forms.append((last, "onet_form"))
            forms.append((" ".join(words[:-1]), "onet_form"))
    for form, _origin in list(forms):
        for vendor in vendors:
            if not form.startswith(vendor + " "):
                continue
            rest = form[len(vendor) + 1 :]
            key = normalize(rest)
            # "Microsoft PowerPoint" -> "PowerPoint"; not "SAP software" -> "software", "Oracle Reports" ->
            # "Reports" (one ordinary word) nor "Amazon Web Services" -> "Web Services" (an ordinary phrase).
            single = len(key.split()) == 1
            if key and ((single and key not in common) or (not single and key not in lower_phrases)):
                forms.append((rest, "onet_vendor"))
            break
    seen: set[str] = set()
    out = []
    for form, origin in forms:
        if form not in seen:
            seen.add(form)
            out.append((form, origin))
    return out


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def lowercase_phrases(texts: Iterable[str]) -> set[str]:
    """Normalised two- and three-word phrases written in lower case in ordinary prose."""
    out: set[str] = set()
    for text in texts:
        words = re.findall(r"[A-Za-z][\w.+#-]*|[^\w\s]", text)
        for n in (2, 3):
            for i in range(len(words) - n + 1):
                chunk = words[i : i + n]
                if all(w.islower() and w[0].isalpha() for w in chunk):
                    out.add(normalize(" ".join(chunk)))
    return out


def key_variants(key: str) -> list[str]:
    """Spelling variants of a normalised key: dotted names split and joined, two short words joined."""
    out: list[str] = []
    toks = key.split()
    if any("." in t.strip(".") for t in toks):
        out.append(normalize(key.replace(".", " ")))
        out.append(" ".join(t if t.startswith(".") else t.replace(".", "") for t in toks))
    if len(toks) == 2 and min(len(toks[0]), len(toks[1])) <= 3 and all(t.isalnum() for t in toks):
        out.append(toks[0] + toks[1])
    return [v for v in dict.fromkeys(out) if v and v != key]


# ------------------------------------------------------------------------------------------------ build
@dataclass
class Builder:
    vendors: list[str]
    generic: set[str]
    common: set[str]
    vocab: set[str]
    lower_phrases: set[str]
    esco_verbs: set[str] = field(default_factory=set)
    weak: set[str] = field(default_factory=set)
    not_skills: set[str] = field(default_factory=set)
    generic_phrases: set[str] = field(default_factory=set)
    recs: list[Rec] = field(default_factory=list)
    primary: dict[str, Rec] = field(default_factory=dict)
    foreign_aliases: int = 0

    def new(self, name: str, kind: str, source: str) -> Rec:
        rec = Rec(order=len(self.recs), name=name, kind=kind)
        rec.sources.add(source)
        self.recs.append(rec)
        return rec

    def register(self, rec: Rec, *names: str) -> None:
        for name in names:
            key = normalize(name)
            if key and key not in self.primary:
                self.primary[key] = rec

    def absorb(self, rec: Rec, other: Rec) -> None:
        """Merge ``other`` into ``rec``: its labels, ESCO link and primary names move over."""
        rec.labels += other.labels
        rec.sources |= other.sources
        rec.hot |= other.hot
        if rec.esco_uri is None:
            rec.esco_uri, rec.esco_label = other.esco_uri, other.esco_label
        rec.group = rec.group or other.group
        other.merged_into = rec.order
        for key, owner in self.primary.items():
            if owner is other:
                self.primary[key] = rec

    def find(self, *names: str) -> Rec | None:
        for name in names:
            rec = self.primary.get(normalize(name))
            if rec is not None:
                return rec
        return None


_NAME_ORIGINS = frozenset({"esco_pref", "esco_strip", "linguist", "onet", "onet_form", "onet_vendor", "curated"})
_FOREIGN_ORIGINS = frozenset({"esco_alt", "linguist_alias"})
_LANGUAGE_SUFFIXES = ("language", "lang", "script", "programming")


def _squash(text: str) -> str:
    """Lower case, letters and digits only, with the signs that make names spelt out: "C++" -> "cpp", "F#" ->
    "fsharp", "F*" -> "fstar"."""
    text = text.lower().replace("+", "p").replace("#", "sharp").replace("*", "star")
    return re.sub(r"[^a-z0-9]", "", text)


def _written_from(alias: str, names: Sequence[str]) -> bool:
    """Whether ``alias`` is written from one of a named technology's ``names``: it holds a word of the name
    ("Client-side JavaScript", "Python3", "jruby"), is the name with a language suffix ("Dlang", "Rscript"),
    abbreviates it (letters in order, same first letter: "JS" for JavaScript, "elisp" for Emacs Lisp), is spelt
    around it (the name's letters in order, same first and last letter: "iPhone OS" for iOS) or spells it out
    ("GNU Image Manipulation Program" for GIMP)."""
    squashed = _squash(alias)
    if not squashed:
        return True
    bare = squashed
    for suffix in _LANGUAGE_SUFFIXES:
        if bare.endswith(suffix) and len(bare) > len(suffix):
            bare = bare[: -len(suffix)]
            break
    initials = "".join(_squash(w)[:1] for w in re.split(r"[\s/-]+", strip_parens(alias)))
    for name in names:
        whole = _squash(strip_parens(name))
        words = [w for w in (_squash(t) for t in re.split(r"[\s/-]+", strip_parens(name))) if w]
        if any(len(w) >= 2 and w in squashed for w in words) or bare in words or bare == whole:
            return True
        if whole and squashed[0] == whole[0] and _is_subsequence(squashed, whole):
            return True
        around = len(whole) >= 3 and squashed[0] == whole[0] and squashed[-1] == whole[-1]
        if around and _is_subsequence(whole, squashed):
            return True  # "iPhone OS" for iOS
        if len(initials) >= 2 and initials == whole:
            return True
    return False


def drop_foreign_aliases(b: Builder, not_aliases: set[str]) -> int:
    """Remove the ESCO alternative labels and Linguist aliases that name something else from the skill that
    lists them; return how many. A label goes when it is a primary name of another skill (Linguist "node" for
    JavaScript is Node.js; ESCO "lisp" for Common Lisp is Lisp), when it is on the curated ``not_aliases`` list
    (other products no source names: "Java Posse" for Java, "Perl golf" for Perl), or when the skill is a named
    technology (a tool or programming language with a proper name) and the label is not written from its names
    (``_written_from``: ESCO "Mocha" and "Live script" for JavaScript, Linguist "rake" for Ruby, "octave" for
    MATLAB, "terraform" for HCL)."""
    dropped = 0
    for rec in b.recs:
        if rec.merged_into is not None:
            continue
        names = [label for label, _prio, origin in rec.labels if origin in _NAME_ORIGINS]
        named_technology = rec.kind in ("tool", "programming_language") and (
            "linguist" in rec.sources or any(ch.isupper() for ch in rec.name)
        )
        kept = []
        for label, prio, origin in rec.labels:
            if origin in _FOREIGN_ORIGINS:
                key = normalize(label)
                owner = b.primary.get(key)
                while owner is not None and owner.merged_into is not None:
                    owner = b.recs[owner.merged_into]
                if (
                    (owner is not None and owner is not rec)
                    or key in not_aliases
                    or (named_technology and not _written_from(label, names))
                ):
                    dropped += 1
                    continue
            kept.append((label, prio, origin))
        rec.labels = kept
    b.foreign_aliases = dropped
    return dropped


def _is_ict(hierarchy: Sequence[Sequence[str | None]]) -> bool:
    codes = {c for path in hierarchy for c in path if c}
    return any(c.startswith(("K06", "S5")) for c in codes)


def build(sources: Path, curated_path: Path, train_path: Path | None) -> dict[str, object]:
    """Compile the taxonomy; returns the JSON-serialisable document written by ``write_compiled``."""
    curated = tomllib.loads(curated_path.read_text(encoding="utf-8"))
    esco_rows, mapper = read_esco(sources / "esco")
    onet = read_onet(sources / "onet")
    linguist = read_linguist(sources / "linguist")
    train = read_skillspan(train_path) if train_path else []

    # Public sources' prose gives the shipped vocabulary; the training sentences only help decide which words
    # are common (nothing of them is shipped).
    prose = list(read_onet_prose(sources / "onet"))
    prose += [str(r["preferredLabel"]) for r in esco_rows]
    prose += [str(a) for r in esco_rows for a in r.get("altLabels") or []]
    common = common_words([*prose, *(" ".join(tokens) for tokens, _ in train)])
    b = Builder(
        vendors=sorted(curated["vendors"], key=len, reverse=True),
        generic=set(curated["generic"]),
        common=common,
        vocab=corpus_vocab(prose),
        lower_phrases=lowercase_phrases([*prose, *(" ".join(tokens) for tokens, _ in train)]),
    )

    # ESCO first: it has the URIs. A label whose bracket is removed is also a primary name.
    esco_by_uri: dict[str, Rec] = {}
    ict: set[int] = set()
    for row in esco_rows:
        label = str(row["preferredLabel"])
        hierarchy = row.get("hierarchy") or []
        rec = b.new(label, esco_kind(hierarchy), "esco")
        rec.esco_uri, rec.esco_label = str(row["uri"]), label
        rec.group = esco_group(hierarchy, mapper)
        rec.labels.append((label, P_PRIMARY, "esco_pref"))
        rec.labels += [(str(alt), P_ESCO_ALT, "esco_alt") for alt in row.get("altLabels") or []]
        esco_by_uri[rec.esco_uri] = rec
        if _is_ict(hierarchy):
            ict.add(rec.order)
            qualifier = re.search(r"\(([^)]*)\)", label)
            if qualifier:  # "Android (mobile operating systems)", "Ruby (computer programming)": named technology
                rec.kind = "programming_language" if "programming" in qualifier.group(1) else "tool"
                rec.name = strip_parens(label)  # displayed as "Android"; the ESCO label keeps the qualifier
    for rec in list(b.recs):
        b.register(rec, rec.esco_label or rec.name)
    for rec in list(b.recs):
        label = rec.esco_label or rec.name
        stripped = strip_parens(label)
        if stripped != label and b.primary.get(normalize(stripped), rec) is rec:
            b.register(rec, stripped)
            rec.labels.append((stripped, P_PRIMARY, "esco_strip"))

    # Linguist: merge with an ESCO ICT skill of the same name, else a new programming language.
    for name, aliases in linguist:
        found = b.find(name)
        if found is not None and found.order in ict:
            rec = found
            rec.name = name
        else:
            rec = b.new(name, "programming_language", "linguist")
        rec.kind = "programming_language"
        rec.sources.add("linguist")
        rec.labels.append((name, P_PRIMARY, "linguist"))
        rec.labels += [(a, P_SOURCE_ALIAS, "linguist_alias") for a in aliases]
        rec.group = rec.group or "programming languages"
        b.register(rec, name)

    # O*NET: merge with a skill one of whose primary names is one of the tool's forms.
    b.not_skills = {normalize(v) for v in curated.get("vendors_not_skills", [])}
    for name, title, hot in onet:
        tagged = onet_forms(name, b.vendors, b.common, b.lower_phrases, hot)
        forms = [f for f, _ in tagged]
        found = None
        for form in forms:
            cand = b.primary.get(normalize(form))
            # An ESCO-only skill is merged only when it is an ICT one ("Java", not the island).
            if cand is not None and (cand.order in ict or cand.sources != {"esco"}):
                found = cand
                break
        bare = name[: -len(" software")] if name.endswith(" software") else None
        display = bare if bare is not None and bare in forms else name
        if found is None:
            rec = b.new(display, "tool", "onet")
        else:
            rec = found
            if rec.kind == "knowledge" and "linguist" not in rec.sources:
                rec.kind = "tool"
            if rec.sources == {"onet"} and len(display) < len(rec.name):
                rec.name = display  # of "Point of sale POS" and "Focus point of sale POS", the general one
        rec.sources.add("onet")
        rec.hot |= hot
        rec.notable = True
        if rec.group is None or ("esco" in rec.sources and "linguist" not in rec.sources):
            rec.group = title
        rec.labels.append((name, P_PRIMARY, "onet"))
        rec.labels += [(f, P_SOURCE_ALIAS, origin) for f, origin in tagged[1:]]
        b.register(rec, *forms)

    # Curated: new skills, aliases, kinds, links to ESCO.
    for entry in curated.get("skill", []):
        name = entry["name"]
        named = b.find(name)
        linked = b.find(entry["same_as"]) if entry.get("same_as") else None
        if named is None and linked is None:
            rec = b.new(name, entry.get("kind", "knowledge"), "curated")
        elif named is None or linked is None or named is linked:
            rec = named or linked  # type: ignore[assignment]
        elif named.esco_uri is not None and linked.esco_uri is not None:
            rec = named  # both are ESCO concepts already: keep both, one URI per skill
        else:
            # "Microsoft Excel" (O*NET) is ESCO's "use spreadsheets software": one skill, both names.
            rec = named
            b.absorb(rec, linked)
        rec.sources.add("curated")
        rec.name = name
        rec.kind = entry.get("kind", rec.kind)
        rec.curated = rec.notable = True
        rec.labels.append((name, P_CURATED, "curated"))
        rec.labels += [(a, P_CURATED, "curated") for a in entry.get("aliases", [])]
        b.register(rec, name, *entry.get("aliases", []))

    for rec in b.recs:
        if "linguist" in rec.sources and len(rec.sources) > 1:
            rec.notable = True
    drop_foreign_aliases(b, {normalize(a) for a in curated.get("not_aliases", [])})

    contexts = _contexts(curated)
    b.weak = {normalize(a) for entry in curated.get("weak", []) for a in entry["aliases"]}
    b.generic_phrases = {normalize(p) for p in curated.get("generic_phrases", [])}
    b.esco_verbs = _esco_verbs(b.recs)
    keys = _keys(b, contexts, ict)
    stop = _stoplist(keys, train, b.recs)
    for key in stop:
        keys.pop(key, None)
    _assign_ids(b.recs)
    used = [r.order for r in b.recs if r.merged_into is None]
    document = _document(b, keys, contexts, used, stop)
    document["verb_phrases"] = verb_labels(esco_rows, esco_by_uri, b.recs, used)
    if train:
        document["phrases"] = train_phrase_model(train, document)
        listed = document["sources"]
        assert isinstance(listed, dict)
        listed["phrases"] = "requirement-phrase tagger learnt from SkillSpan train.json"
    return document


def verb_labels(
    esco_rows: Sequence[dict[str, Any]], esco_by_uri: dict[str, Rec], recs: Sequence[Rec], used: Sequence[int]
) -> str:
    """Verb-led labels of ESCO skills (see ``matching.verbs``): ``"<skill index>\t<1 if preferred>\t<verb>\t
    <object stems>"`` lines, sorted. A verb is a first word of at least ``VERB_MIN_LABELS`` skill labels that leads
    knowledge labels at most a third as often and whose gerund some ESCO label holds ("manage", "develop"; not
    "computer", "team"), other than "be", "have", "do"."""
    from matching.verbs import MAX_LABEL_STEMS, stem, verb_forms

    def tops(row: dict[str, Any]) -> set[str]:
        return {path[0] for path in row.get("hierarchy") or [] if path and path[0]}

    def labels(row: dict[str, Any]) -> list[tuple[str, bool]]:
        return [(str(row["preferredLabel"]), True), *((str(a), False) for a in row.get("altLabels") or [])]

    skill_first: Counter[str] = Counter()
    knowledge_first: Counter[str] = Counter()
    for row in esco_rows:
        counter = knowledge_first if "K" in tops(row) else skill_first
        for label, _ in labels(row):
            toks = normalize(label).split()
            if len(toks) > 1 and toks[0].isalpha():
                counter[toks[0]] += 1
    label_words = {t for row in esco_rows for label, _ in labels(row) for t in normalize(label).split()}
    verbs = {
        w
        for w, count in skill_first.items()
        if count >= VERB_MIN_LABELS
        and count >= 3 * knowledge_first[w]
        and w not in ("be", "have", "do")
        and verb_forms(w)[2] in label_words  # its gerund is written somewhere: a verb, not "team", "computer"
    }
    position = {order: i for i, order in enumerate(used)}
    lines: set[str] = set()
    for row in esco_rows:
        if not tops(row) - {"K"}:
            continue
        rec = esco_by_uri[str(row["uri"])]
        while rec.merged_into is not None:
            rec = recs[rec.merged_into]
        if rec.order not in position:
            continue
        for label, preferred in labels(row):
            toks = normalize(label).split()
            if len(toks) < 2 or toks[0] not in verbs:
                continue
            stems = [stem(t) for t in toks[1:] if t not in _STOPWORDS and t[:1].isalnum()]
            if 1 <= len(stems) < MAX_LABEL_STEMS:
                lines.add(f"{position[rec.order]}\t{int(preferred)}\t{toks[0]}\t{' '.join(stems)}")
    return "\n".join(sorted(lines))


def train_phrase_model(train: list[tuple[list[str], list[bool]]], document: dict[str, object]) -> dict[str, object]:
    """The requirement-phrase tagger (see ``matching.phrases``): logistic regression by stochastic gradient
    descent over the training tokens that the compiled taxonomy leaves uncovered; label = the token lies inside
    an annotated SKILL or KNOWLEDGE span. Deterministic: fixed shuffles, weights averaged over the steps, rounded."""
    import math
    import random

    from matching.extract import extract_skills
    from matching.phrases import token_features
    from matching.taxonomy import Taxonomy

    tax = Taxonomy.from_json(document)
    examples: list[tuple[tuple[str, ...], bool]] = []
    counts: Counter[str] = Counter()
    for tokens, gold in train:
        text = " ".join(tokens)
        gold_spans, pos = [], 0
        for tok, g in zip(tokens, gold, strict=True):
            if g:
                gold_spans.append((pos, pos + len(tok)))
            pos += len(tok) + 1
        words, starts, ends = scan(text)
        covered = bytearray(len(words))
        for m in extract_skills(text, taxonomy=tax):
            for k in range(len(words)):
                if m.start <= starts[k] < m.end:
                    covered[k] = 1
        for k, feats in enumerate(token_features(words)):
            if covered[k] or not words[k][:1].isalnum():
                continue
            keys = ("b", *(f"{i}:{f}" for i, f in enumerate(feats)))
            counts.update(keys)
            examples.append((keys, any(s < ends[k] and starts[k] < e for s, e in gold_spans)))
    examples = [(tuple(k for k in keys if counts[k] >= PHRASE_MIN_FEATURE_COUNT), y) for keys, y in examples]
    # Averaged SGD: the weights returned are the mean of the weights after every step (kept as the sum of
    # step * update, "lazily"), not the last ones: the last depend on which examples the final shuffle put last
    # (shuffle seeds moved SkillSpan dev recall between 0.65 and 0.72), the mean hardly does.
    current: dict[str, float] = defaultdict(float)
    weighted: dict[str, float] = defaultdict(float)
    rng = random.Random(0)
    t = 1
    for epoch in range(PHRASE_EPOCHS):
        rng.shuffle(examples)
        rate = PHRASE_LEARNING_RATE / (1 + epoch)
        for keys, y in examples:
            z = max(-30.0, min(30.0, sum(current[f] for f in keys)))
            step = 1.0 / (1.0 + math.exp(-z)) - y
            for feature in keys:
                delta = -rate * (step + PHRASE_L2 * current[feature])
                current[feature] += delta
                weighted[feature] += t * delta
            t += 1
    weights = {f: current[f] - weighted[f] / t for f in current}
    tables: list[list[str]] = [[] for _ in range(6)]
    for key in sorted(weights):
        value = round(weights[key], 2)
        if key != "b" and value:
            table, _, feature = key.partition(":")
            tables[int(table)].append(f"{feature}\t{value:g}")
    names = ("word", "prev", "next", "prev_pair", "next_pair", "suffix")
    return {
        "bias": round(weights["b"], 2),
        "threshold": PHRASE_THRESHOLD,
        "weights": {name: "\n".join(rows) for name, rows in zip(names, tables, strict=True)},
    }


def _contexts(curated: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    out: dict[str, dict[str, list[str]]] = {}
    for entry in curated.get("context", []):
        aliases = entry.get("aliases") or [entry["alias"]]
        for alias in aliases:
            out[normalize(alias)] = {
                "veto_after": sorted({normalize(w) for w in entry.get("veto_after", [])}),
                "veto_before": sorted({normalize(w) for w in entry.get("veto_before", [])}),
            }
    return out


def _keys(b: Builder, contexts: dict[str, dict[str, list[str]]], ict: set[int]) -> dict[str, list[int]]:
    """key -> [rec order, match kind, flags (F_*), priority]."""
    best: dict[str, tuple[int, int, int, int]] = {}
    vendors = b.not_skills

    def offer(key: str, rec: Rec, match: int, prio: int, flags: int) -> None:
        old = best.get(key)
        cand = (prio, rec.order, match, flags)
        if old is None or cand < old:
            best[key] = cand

    for rec in b.recs:
        if rec.merged_into is not None:
            continue
        name_key = normalize(rec.name)
        for label, prio, origin in rec.labels:
            key = normalize(label)
            toks = key.split()
            if not toks or len(toks) > MAX_KEY_TOKENS:
                continue
            match = M_EXACT if key == name_key else M_ALIAS
            forms: list[tuple[str, str, int, int, str]] = [(key, label, match, prio, origin)]
            if origin in ("esco_pref", "esco_alt") and len(toks) > 1 and toks[0] in USE_VERBS:
                # "use spreadsheets software" -> "spreadsheets software"; other verbs name the skill.
                rest = toks[1:]
                while rest and rest[0] in _STOPWORDS:
                    rest = rest[1:]
                if len(rest) > 1 or (rest and rest[0] not in b.common):
                    forms.append((" ".join(rest), " ".join(rest), M_VARIANT, P_VARIANT, "variant"))
            if origin in ("esco_pref", "esco_alt") and len(toks) > 2 and _is_verb(toks[0], b):
                ger = " ".join([gerund(toks[0]), *toks[1:]])
                forms.append((ger, ger, M_VARIANT, P_VARIANT, "variant"))
            forms += [(v, v, M_VARIANT, max(prio, P_VARIANT - 1), "variant") for v in key_variants(key)]
            for form, display, m, p, o in forms:
                flags = _matchable(form, display, rec, o, b, contexts, vendors, rec.order in ict)
                if flags is not None:
                    offer(form, rec, m, p, flags)
    return {k: [v[1], v[2], v[3], v[0]] for k, v in best.items()}


def _is_verb(word: str, b: Builder) -> bool:
    return word in b.esco_verbs


def _matchable(
    key: str,
    display: str,
    rec: Rec,
    origin: str,
    b: Builder,
    contexts: dict[str, dict[str, list[str]]],
    vendors: set[str],
    ict: bool,
) -> int | None:
    """None when the key must not be matched; else its flags: F_AMBIGUOUS (needs evidence), F_UPPER /
    F_TITLE (the text must be written in capitals / with a capital, as the source writes it)."""
    toks = key.split()
    if not toks or all(t.isdigit() for t in toks) or not any(ch.isalpha() for ch in key):
        return None
    if all(t in _STOPWORDS for t in toks):
        return None
    if key in b.generic_phrases:
        return None
    if key in b.weak:
        return F_WEAK
    if key in contexts:
        return F_AMBIGUOUS
    if len(toks) > 1:
        if toks[0] in _STOPWORDS or any(not any(ch.isalnum() for ch in t) for t in toks):
            return None  # "the arts", "db2 for linux , unix": never matched whole, they only slow the index
        return 0
    if origin == "curated":
        capitals = sum(c.isupper() for c in display)
        if capitals >= 2 and len(key) <= 4 and (len(key) <= 2 or toks[0] in b.common):
            return F_UPPER  # "BI", "QA", "SAFe", "MEAN": not "bi-weekly", "safe", "mean"
        return 0
    word = toks[0]
    if word in b.generic or len(word) < 2 or key in vendors:
        return None
    common = word in b.common or word in _STOPWORDS
    letters = [c for c in display if c.isalpha()]
    case = F_UPPER if len(letters) > 1 and all(c.isupper() for c in letters) else F_TITLE
    if origin in ("esco_alt", "variant"):
        return None if common or len(word) <= 3 else 0  # not "HR", "PR", "cooperate"
    if origin == "linguist_alias":
        return None if common or len(word) <= 3 else 0
    if origin == "esco_pref":
        if not common:
            return 0
        if rec.kind == "language":
            return F_TITLE  # "German", "English": languages, written with a capital
        return case if ict else 0 if ALLOW_FIELDS else None  # "LESS" (a CSS language) yes, "politics" no
    if origin == "onet_vendor" and common:
        return None  # "Adobe Director" -> "Director", "Oracle Reports" -> "Reports": a word, not the tool
    if origin == "linguist" and not rec.notable:
        return F_AMBIGUOUS | F_TITLE  # obscure languages ("Julia", "Pony") need evidence
    if not common:
        return 0 if len(word) > 2 else F_AMBIGUOUS | case
    if case == F_UPPER:
        return F_UPPER  # "SOAP", "LESS", "BASIC"
    return F_AMBIGUOUS | F_TITLE  # "Slack", "Tomcat", "Source"


def _esco_verbs(recs: Sequence[Rec]) -> set[str]:
    """First words of ESCO skill labels that start many labels: the verbs ("use", "manage", "develop")."""
    counts: Counter[str] = Counter()
    for rec in recs:
        if "esco" in rec.sources and rec.esco_label:
            first = normalize(rec.esco_label).split()[:1]
            if first:
                counts[first[0]] += 1
    return {w for w, n in counts.items() if n >= 5 and w.isalpha() and not w.endswith(("ing", "ics", "ion", "ity"))}


def _stoplist(keys: dict[str, list[int]], train: list[tuple[list[str], list[bool]]], recs: list[Rec]) -> list[str]:
    """Keys that occur often in SkillSpan train but rarely inside an annotated span."""
    if not train:
        return []
    prefixes: set[str] = set()
    for key in keys:
        toks = key.split()
        for i in range(1, len(toks)):
            prefixes.add(" ".join(toks[:i]))
    seen: Counter[str] = Counter()
    gold_hits: Counter[str] = Counter()
    for tokens, gold in train:
        # Re-tokenise each training token with our normaliser, keeping the gold flag per piece.
        norm: list[str] = []
        flags: list[bool] = []
        for tok, g in zip(tokens, gold, strict=True):
            for piece in tokenize(tok):
                norm.append(piece.text)
                flags.append(g)
        n = len(norm)
        for i in range(n):
            key = norm[i]
            j = i + 1
            while True:
                if key in keys:
                    seen[key] += 1
                    gold_hits[key] += any(flags[i:j])
                if j >= n or key not in prefixes:
                    break
                key = key + " " + norm[j]
                j += 1
    stop = []
    for key, count in seen.items():
        if count < STOP_MIN_COUNT or keys[key][2] & (F_AMBIGUOUS | F_WEAK):  # they have their own evidence rules
            continue
        ratio = gold_hits[key] / count
        limit = CURATED_STOP_MAX_GOLD_RATIO if keys[key][3] == P_CURATED else STOP_MAX_GOLD_RATIO
        if ratio < limit:
            stop.append(key)
    return sorted(stop)


def _assign_ids(recs: list[Rec]) -> None:
    taken: set[str] = set()
    ordered = sorted(
        (r for r in recs if r.merged_into is None), key=lambda r: (0 if r.sources - {"esco"} else 1, r.order)
    )
    for rec in ordered:
        base = slugify(rec.name)
        cand = base
        if cand in taken:
            suffix = rec.esco_uri.rsplit("/", 1)[-1][:8] if rec.esco_uri else str(rec.order)
            cand = f"{base}-{suffix}"
        n = 2
        while cand in taken:
            cand = f"{base}-{n}"
            n += 1
        rec.id = cand
        taken.add(cand)


def _related(recs: list[Rec], used: list[int]) -> dict[int, list[int]]:
    by_group: dict[str, list[Rec]] = defaultdict(list)
    for i in used:
        rec = recs[i]
        if rec.group:
            by_group[rec.group].append(rec)
    out: dict[int, list[int]] = {}
    for members in by_group.values():
        members.sort(key=lambda r: (not r.hot, not r.notable, r.name.lower(), r.order))
        for rec in members:
            same = [m.order for m in members if m.order != rec.order and m.kind == rec.kind][:RELATED_CAP]
            if len(same) < RELATED_CAP:
                same += [m.order for m in members if m.order != rec.order and m.order not in same][
                    : RELATED_CAP - len(same)
                ]
            out[rec.order] = same
    return out


def _document(
    b: Builder,
    keys: dict[str, list[int]],
    contexts: dict[str, dict[str, list[str]]],
    used: list[int],
    stop: list[str],
) -> dict[str, object]:
    index = {order: i for i, order in enumerate(used)}
    related = _related(b.recs, used)
    skills = []
    for order in used:
        rec = b.recs[order]
        display = []
        seen = {normalize(rec.name)}
        for label, _prio, _origin in sorted(rec.labels, key=lambda lp: lp[1]):
            k = normalize(label)
            if k and k not in seen:
                seen.add(k)
                display.append(label)
        skills.append(
            [
                rec.id,
                rec.name,
                rec.kind,
                display[:MAX_DISPLAY_ALIASES],
                rec.esco_uri,
                rec.esco_label,
                rec.group,
                int(rec.hot),
                [b.recs[o].id for o in related.get(order, []) if o in index],
            ]
        )
    ordered = sorted(keys)
    prefixes = {k[:i] for k in ordered for i, ch in enumerate(k) if ch == " "}
    vocab = sorted(b.vocab | {t for k in ordered for t in k.split() if t.isalpha()})
    # One lookup table for keys and key prefixes (fast to load, one dict lookup per token when matching):
    # each entry's code packs bit 0 "a longer key starts with this", bit 1 "this is a key", bits 2-5 the F_*
    # flags, bits 6-7 the match kind, the rest the skill's index.
    codes: dict[str, int] = {p: 1 for p in prefixes}
    for k in ordered:
        order, match, flags, _prio = keys[k]
        codes[k] = (index[order] << 8) | (match << 6) | (flags << 2) | 2 | (1 if k in prefixes else 0)
    table = sorted(codes)
    # Words a misspelling may be corrected to: distinctive words of well-known technical skills only.
    fuzzy = sorted(
        {
            t
            for k in ordered
            if not keys[k][2]
            and b.recs[keys[k][0]].kind in ("tool", "programming_language", "certification")
            and (b.recs[keys[k][0]].curated or b.recs[keys[k][0]].hot or "linguist" in b.recs[keys[k][0]].sources)
            for t in k.split()
            if len(t) >= 6 and t.isalpha() and t not in b.common
        }
    )
    # Soft-skill phrases matched with words inserted: 3-5 words, led by a verb ("work in teams") or curated.
    gapped = sorted(
        k
        for k in ordered
        if not keys[k][2]
        and b.recs[keys[k][0]].kind == "soft"
        and 3 <= len(k.split()) <= 5
        and (k.split()[0] in b.esco_verbs or keys[k][3] == P_CURATED)
    )
    return {
        "format": FORMAT_VERSION,
        "attribution": ATTRIBUTION,
        "sources": {
            "esco": "ESCO v1.1.1 skills pillar",
            "onet": "O*NET 29.2 Technology Skills",
            "linguist": "GitHub Linguist languages.json (linguist-languages 9.5.0)",
            "curated": "matching/data/curated.toml",
            "stoplist": f"{len(stop)} keys learnt from SkillSpan train.json",
            "foreign_aliases": f"{b.foreign_aliases} alternative labels dropped: they name another skill or product",
        },
        "skills": skills,
        "index": "\n".join(table),
        "codes": [codes[k] for k in table],
        "contexts": contexts,
        "vocab": "\n".join(vocab),
        "fuzzy_targets": "\n".join(fuzzy),
        "gapped": "\n".join(gapped),
    }


def write_compiled(document: dict[str, object], out: Path) -> None:
    """Write ``document`` as deterministic gzip-compressed JSON (no timestamp, sorted keys)."""
    raw = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(buf.getvalue())


def main(argv: Sequence[str] | None = None) -> int:
    data = ROOT.parent / "shared" / "data"
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sources", type=Path, default=data / "taxonomy")
    parser.add_argument("--train", type=Path, default=data / "eval" / "skills" / "skillspan" / "train.json")
    parser.add_argument("--curated", type=Path, default=ROOT / "matching" / "data" / "curated.toml")
    parser.add_argument("--out", type=Path, default=ROOT / "matching" / "data" / "taxonomy.json.gz")
    args = parser.parse_args(argv)
    if not args.sources.is_dir():
        parser.error(f"sources folder not found: {args.sources}")
    doc = build(args.sources, args.curated, args.train if args.train.exists() else None)
    write_compiled(doc, args.out)
    skills, codes = doc["skills"], doc["codes"]
    assert isinstance(skills, list) and isinstance(codes, list)
    print(f"wrote {args.out}: {len(skills)} skills, {sum(1 for c in codes if c & 2)} keys")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
