"""A tailoring report as Markdown, or as one self-contained HTML page (inline CSS and SVG, no script).

Every string that comes from a resume or a job is escaped: HTML-escaped in the page, and in Markdown both
HTML-escaped and stripped of the characters that would start Markdown markup. The page loads nothing from
anywhere (no external stylesheet, font, image or script) and prints cleanly (``@media print``).
"""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING

from matching.report import REASON_WORDS, Evidence, Gap, RequirementMatch, SkillCheck, Suggestion, TailoringReport

if TYPE_CHECKING:
    from matching.interview import InterviewPrep
    from matching.learning import AdjacentSkill, LearningPlan
    from matching.letters import CoverLetterReview

__all__ = ["render_html", "render_markdown"]

_REASON_WORDS: dict[str, str] = {str(k): v for k, v in REASON_WORDS.items()}
_STATUS_WORDS = {"met": "Met", "partly_met": "Partly met", "missing": "Missing"}
_LOCATION_WORDS = {
    "bullet": "experience bullet",
    "project": "project",
    "role_header": "role heading",
    "summary": "summary",
    "headline": "headline",
    "skills_list": "skills list",
    "education": "education",
    "certification": "certification",
    "other": "resume text",
}
_MATCH_WORDS = {
    "exact": "same words",
    "alias": "another name for it",
    "variant": "a spelling variant",
    "fuzzy": "a near spelling",
    "implied": "implied by a framework that uses it",
    "related": "a related skill",
    "keyword": "matching wording",
}


def _e(value: object) -> str:
    return html.escape("" if value is None else str(value), quote=True)


def _score_colour(score: float) -> str:
    if score >= 70:
        return "#1f7a4d"
    if score >= 50:
        return "#b7791f"
    return "#b83232"


def _gauge(score: float, confidence: str | None) -> str:
    """A half-circle gauge: a grey track and a coloured arc up to the score."""
    r, cx, cy = 80.0, 100.0, 100.0
    frac = max(0.0, min(1.0, score / 100.0))
    angle = math.pi * (1.0 - frac)
    x, y = cx + r * math.cos(angle), cy - r * math.sin(angle)
    colour = _score_colour(score)
    arc = ""
    if frac > 0:
        arc = (
            f'<path d="M {cx - r:.1f} {cy:.1f} A {r:.1f} {r:.1f} 0 0 1 {x:.2f} {y:.2f}" '
            f'fill="none" stroke="{colour}" stroke-width="16" stroke-linecap="round"/>'
        )
    return (
        '<svg class="gauge" viewBox="0 0 200 120" width="220" height="132" role="img" '
        f'aria-label="Score {_e(score)} of 100">'
        f'<path d="M {cx - r:.1f} {cy:.1f} A {r:.1f} {r:.1f} 0 0 1 {cx + r:.1f} {cy:.1f}" fill="none" '
        'stroke="#e3e6ea" stroke-width="16" stroke-linecap="round"/>'
        f"{arc}"
        f'<text x="100" y="92" text-anchor="middle" class="gauge-score" fill="{colour}">{_e(f"{score:g}")}</text>'
        '<text x="100" y="112" text-anchor="middle" class="gauge-sub">of 100'
        f"{f' · {_e(confidence)} confidence' if confidence else ''}</text></svg>"
    )


def _bar(fraction: float, label: str) -> str:
    pct = max(0.0, min(100.0, fraction * 100.0))
    colour = "#1f7a4d" if pct >= 80 else "#b7791f" if pct >= 25 else "#b83232"
    return (
        f'<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
        '<rect x="0" y="0" width="100" height="8" rx="4" fill="#e3e6ea"/>'
        f'<rect x="0" y="0" width="{pct:.1f}" height="8" rx="4" fill="{colour}"/></svg>'
    )


def _match_words(ev: Evidence) -> str:
    if ev.match == "implied" and ev.skill_name:
        return f"shown through {ev.skill_name}"
    return _MATCH_WORDS.get(ev.match, ev.match)


def _covered_words(check: SkillCheck, report: TailoringReport | None) -> str:
    """'one gap with Git, asked on another line' for a check whose gap stands under another line's ask."""
    if not check.covered_by:
        return ""
    key = check.covered_by.split(":", 1)[-1]
    label = None
    if report is not None:
        label = next((g.label for g in report.gaps if g.id == check.covered_by), None)
        label = label or next((c.name for m in report.requirements for c in m.skills if c.key == key), None)
    return f"one gap with {label or key}, asked on another line"


def _quote_html(ev: Evidence) -> str:
    a = max(0, ev.match_start - ev.start)
    b = max(a, min(len(ev.quote), ev.match_end - ev.start))
    if ev.match == "keyword" or (a == 0 and b == len(ev.quote)):
        body = _e(ev.quote)
    else:
        body = f"{_e(ev.quote[:a])}<mark>{_e(ev.quote[a:b])}</mark>{_e(ev.quote[b:])}"
    where = _LOCATION_WORDS.get(ev.location, ev.location)
    meta = [where]
    if ev.role:
        meta.append(ev.role)
    if ev.role_end:
        meta.append("until " + ev.role_end if ev.role_end != "present" else "current")
    meta.append(_match_words(ev))
    return (
        f'<blockquote class="quote">{body}<footer>{_e(" · ".join(meta))} · '
        f"strength {round(ev.confidence * 100)}%</footer></blockquote>"
    )


def _chip(status: str) -> str:
    return f'<span class="chip {_e(status)}">{_e(_STATUS_WORDS.get(status, status))}</span>'


def _skill_html(check: SkillCheck, report: TailoringReport | None = None) -> str:
    reason = f' <span class="reason">({_e(_REASON_WORDS.get(check.reason or "", ""))})</span>' if check.reason else ""
    covered = _covered_words(check, report)
    if covered:
        reason += f' <span class="reason">({_e(covered)})</span>'
    years = f' <span class="reason">{_e(check.years_found)} yrs</span>' if check.years_found else ""
    quotes = "".join(_quote_html(ev) for ev in check.evidence[:2])
    return f"<li>{_chip(check.status)} <strong>{_e(check.name)}</strong>{reason}{years}{quotes}</li>"


def _requirement_html(m: RequirementMatch, report: TailoringReport | None = None) -> str:
    skills = "".join(_skill_html(c, report) for c in m.skills)
    wording = "".join(_quote_html(ev) for ev in m.evidence)
    kind = "Required" if m.kind == "required" else "Preferred" if m.kind == "preferred" else "Other"
    return (
        f'<article class="req {_e(m.status)}"><header>{_chip(m.status)} <span class="kind">{_e(kind)}</span>'
        f"{_bar(m.credit, f'{round(m.credit * 100)}% shown')}</header>"
        f'<p class="req-text">{_e(m.text)}</p><p class="muted">{_e(m.explanation)}</p>'
        f"{'<ul class=skills>' + skills + '</ul>' if skills else ''}{wording}</article>"
    )


def _gap_html(g: Gap) -> str:
    gain = f"+{g.gain:g} → {g.what_if_score:g}" if g.gain > 0 else "no change"
    why = f'<p class="muted">{_e(g.importance_note)}</p>' if g.importance_note else ""
    return (
        f'<li class="gap"><div class="gap-head"><strong>{_e(g.label)}</strong> '
        f'<span class="kind">{_e(g.kind)}</span> <span class="reason">{_e(_REASON_WORDS.get(g.reason, g.reason))}'
        f'</span><span class="gain">{_e(gain)}</span></div>{why}<p>{_e(g.advice)}</p></li>'
    )


_GAP_ORDER = (
    "Required before preferred; named technical skills, years and education first, then broad areas (the ad's "
    "wording), then soft skills and wording lines; then by importance (what the ad stresses: its title, several "
    "places); ties go to the bigger gain."
)


def _suggestion_html(s: Suggestion) -> str:
    source = "from the ad" if s.source == "job" else "from your resume"
    job = f'<p class="muted">The ad says: “{_e(s.job_quote)}”</p>' if s.job_quote else ""
    return (
        f'<li class="sugg p{_e(s.priority)}"><p>{_e(s.message)}</p>'
        f'<blockquote class="quote">{_e(s.quote)}<footer>{_e(source)}</footer></blockquote>{job}</li>'
    )


_CSS = """
:root{--ink:#1d2430;--muted:#5b6573;--line:#e3e6ea;--ok:#1f7a4d;--mid:#b7791f;--bad:#b83232;--bg:#f7f8fa}
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
color:var(--ink);background:var(--bg)}main{max-width:960px;margin:0 auto;padding:24px}
h1{font-size:1.5rem;margin:0 0 4px}h2{font-size:1.15rem;margin:28px 0 10px;border-bottom:1px solid var(--line);
padding-bottom:4px}.muted{color:var(--muted);font-size:.9rem;margin:4px 0}
.top{display:flex;gap:24px;align-items:center;flex-wrap:wrap;background:#fff;border:1px solid var(--line);
border-radius:10px;padding:16px 20px}.gauge-score{font-size:40px;font-weight:700}.gauge-sub{font-size:11px;
fill:var(--muted)}.summary{flex:1;min-width:260px}
table{width:100%;border-collapse:collapse;background:#fff}td,th{padding:8px;border-bottom:1px solid var(--line);
vertical-align:top;text-align:left}th{font-size:.85rem;color:var(--muted);font-weight:600}
.bar{width:140px;height:8px;display:inline-block;vertical-align:middle;margin-left:8px}
.req{background:#fff;border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:8px;
padding:10px 14px;margin:10px 0;break-inside:avoid}.req.met{border-left-color:var(--ok)}
.req.partly_met{border-left-color:var(--mid)}.req header{display:flex;align-items:center;gap:8px}
.req-text{margin:6px 0 2px;font-weight:500}h3{font-size:1rem;margin:18px 0 8px}
.skills{list-style:none;padding:0;margin:6px 0}.skills li{margin:6px 0}
.chip{display:inline-block;font-size:.75rem;font-weight:600;border-radius:10px;padding:1px 8px;color:#fff;
background:var(--bad)}.chip.met{background:var(--ok)}.chip.partly_met{background:var(--mid)}
.kind{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.reason{color:var(--muted);font-size:.85rem}.quote{margin:6px 0 6px 4px;padding:6px 10px;background:var(--bg);
border-left:3px solid var(--line);font-size:.92rem;white-space:pre-wrap}.quote footer{color:var(--muted);
font-size:.78rem;margin-top:2px}mark{background:#fff1b8;padding:0 1px}
ul.plain{list-style:none;padding:0}.gap,.sugg{background:#fff;border:1px solid var(--line);border-radius:8px;
padding:8px 14px;margin:8px 0;break-inside:avoid}.gap-head{display:flex;gap:8px;align-items:baseline;
flex-wrap:wrap}.gain{margin-left:auto;font-weight:700;color:var(--ok)}.sugg.p1{border-left:4px solid var(--ok)}
.ats li{margin:4px 0}.pass{color:var(--ok);font-weight:700}.fail{color:var(--bad);font-weight:700}
.warn{color:var(--mid);font-weight:700}.kw{display:inline-block;margin:2px 4px 2px 0;padding:1px 8px;
border-radius:10px;border:1px solid var(--line);background:#fff;font-size:.85rem}.kw.met{border-color:var(--ok)}
.kw.missing{color:var(--muted);border-style:dashed}.notes{background:#fff8e6;border:1px solid #f0d9a0;
border-radius:8px;padding:8px 14px}
@media print{body{background:#fff;font-size:11pt}main{max-width:none;padding:0}.top,.req,.gap,.sugg,table{
border-color:#999}.quote{background:none}a{color:inherit;text-decoration:none}h2{break-after:avoid}
.req,.gap,.sugg,tr{break-inside:avoid}.extra{break-before:page}}
"""


def _plain_quote(ev: Evidence) -> str:
    where = " · ".join(x for x in (_LOCATION_WORDS.get(ev.location, ev.location), ev.role) if x)
    return f'<blockquote class="quote">{_e(ev.quote)}<footer>{_e(where)}</footer></blockquote>'


def _mini_table(rows: list[tuple[str, float, float, str]]) -> str:
    cells = "".join(
        f"<tr><th>{_e(label)}</th><td>{_e(f'{points:g}')} / {_e(f'{top:g}')} "
        f"{_bar(points / top if top else 0.0, f'{points:g} of {top:g}')}</td><td>{_e(why)}</td></tr>"
        for label, points, top, why in rows
    )
    return f"<table><tr><th>Part</th><th>Points</th><th>Why</th></tr>{cells}</table>"


def _review_html(review: CoverLetterReview) -> str:
    """The cover-letter review: score, breakdown, unsupported claims, coverage, checks, phrases, suggestions."""
    from matching.letter_render import CLAIM_KIND_WORDS, GREETING_WORDS  # here: letter_render imports the engine

    out = [
        "<h2>Cover letter review</h2>",
        f'<section class="top">{_gauge(review.score, None)}<div class="summary"><p>{_e(review.summary)}</p>'
        f'<p class="muted">{_e(review.word_count)} words</p></div></section>',
        _mini_table([(p.label, p.points, p.max, p.explanation) for p in review.breakdown]),
    ]
    if review.unsupported_claims:
        items = []
        for c in review.unsupported_claims:
            related = "".join(
                f'<p class="muted">What the resume does show:</p>{_plain_quote(ev)}' for ev in c.related[:1]
            )
            items.append(
                f'<li class="gap"><div class="gap-head"><strong>{_e(c.text)}</strong> '
                f'<span class="kind">{_e(CLAIM_KIND_WORDS.get(c.kind, c.kind))}</span></div>'
                f'<blockquote class="quote">{_e(c.sentence)}<footer>your letter</footer></blockquote>'
                f"<p>{_e(c.explanation)}</p>{related}</li>"
            )
        out.append(
            "<h3>Claims your resume does not back</h3><p class=muted>An interviewer will ask about each of these. "
            "Add the proof to your resume if it is true; if not, take it out.</p>"
            f"<ul class=plain>{''.join(items)}</ul>"
        )
    coverage = []
    for cov in review.coverage:
        status = "met" if cov.addressed else "missing"
        said = (
            f'<blockquote class="quote">{_e(cov.sentence)}<footer>your letter</footer></blockquote>'
            if cov.addressed and cov.sentence
            else ""
        )
        offer = ""
        if not cov.addressed and cov.resume_evidence and cov.resume_status != "missing":
            offer = f'<p class="muted">Your resume has:</p>{_plain_quote(cov.resume_evidence[0])}'
        chip = f'<span class="chip {status}">{"Addressed" if cov.addressed else "Not addressed"}</span>'
        coverage.append(
            f'<article class="req {status}"><header>{chip} <span class="kind">{_e(cov.kind)}</span></header>'
            f'<p class="req-text">{_e(cov.requirement)}</p>{said}{offer}</article>'
        )
    out.append("<h3>The job's top requirements</h3>")
    out.append("".join(coverage) or '<p class="muted">The job lists no requirements to address.</p>')
    checks = [
        ("Company named", _named_html(review.company.named, review.company.expected)),
        ("Role named", _named_html(review.role.named, review.role.expected)),
        (
            "Greeting",
            GREETING_WORDS.get(review.greeting.kind, review.greeting.kind)
            + (f" — “{review.greeting.quote}”" if review.greeting.quote else ""),
        ),
        ("Length", f"{review.length.message} ({review.length.paragraphs} body paragraphs)"),
        ("Structure", review.structure.message),
    ]
    out.append(
        '<h3>Checks</h3><ul class="plain ats">'
        + "".join(f"<li><strong>{_e(k)}:</strong> {_e(v)}</li>" for k, v in checks)
        + "</ul>"
    )
    if review.phrases:
        out.append(
            "<h3>Generic or hedging phrases</h3><ul class=plain>"
            + "".join(f'<li class="sugg"><p>“{_e(f.phrase)}”: {_e(f.message)}</p></li>' for f in review.phrases)
            + "</ul>"
        )
    if review.claims:
        backed = "".join(
            f"<li><strong>{_e(c.text)}</strong> <span class=kind>{_e(CLAIM_KIND_WORDS.get(c.kind, c.kind))}</span>"
            + (f' <span class="reason">— “{_e(c.evidence[0].quote)}”</span>' if c.evidence else "")
            + "</li>"
            for c in review.claims
        )
        out.append(f'<h3>Claims your resume backs</h3><ul class="plain ats">{backed}</ul>')
    if review.suggestions:
        suggestions = "".join(
            f'<li class="sugg p{_e(s.priority)}"><p>{_e(s.message)}</p>'
            f'<blockquote class="quote">{_e(s.quote)}<footer>your letter</footer></blockquote>'
            + (f'<p class="muted">From your resume: “{_e(s.resume_quote)}”</p>' if s.resume_quote else "")
            + "</li>"
            for s in review.suggestions
        )
        out.append(f"<h3>Suggestions for the letter</h3><ul class=plain>{suggestions}</ul>")
    return '<section class="extra">' + "".join(out) + "</section>"


def _named_html(named: bool | None, expected: str | None) -> str:
    if named is None:
        return "not checked (the job does not say)"
    return f"yes ({expected})" if named else f"no — the job says “{expected}”"


def _adjacent_html(items: tuple[AdjacentSkill, ...]) -> str:
    return "".join(f"<li>{_e(a.name)}{_plain_quote(a.evidence[0]) if a.evidence else ''}</li>" for a in items)


def _plan_html(plan: LearningPlan) -> str:
    out = [f"<h3>Learning plan</h3><p>{_e(plan.summary)}</p>"]
    for i, item in enumerate(plan.items, 1):
        gain = f" · +{item.gain:g} points if closed" if item.gain > 0 else ""
        parts = [
            f'<li class="gap"><div class="gap-head"><strong>{i}. {_e(item.skill)}</strong> '
            f'<span class="kind">{_e(item.kind)}{_e(gain)}</span></div>'
        ]
        if item.also_covers:
            parts.append(f'<p class="muted">Also covers: {_e(", ".join(item.also_covers))}.</p>')
        if item.have_related:
            parts.append(f"<p>You already have:</p><ul>{_adjacent_html(item.have_related)}</ul>")
        resources = "".join(
            f"<li>{_e(r.kind)}: {_e(r.name)}"
            + (f" ({_e(r.provider)})" if r.provider else "")
            + (f" — {_e(r.note)}" if r.note else "")
            + "</li>"
            for r in item.resources
        )
        parts.append(f"<p>What closes it:</p><ul>{resources}<li>project: {_e(item.project)}</li></ul>")
        parts.append(f"<p><strong>First step:</strong> {_e(item.first_step)}</p></li>")
        out.append("".join(parts))
    return out[0] + "<ul class=plain>" + "".join(out[1:]) + "</ul>"


def _prep_html(prep: InterviewPrep) -> str:
    """Interview preparation: STAR prompts from the resume, questions the gaps invite, the learning plan."""
    out = ["<h2>Interview preparation</h2>", f"<p>{_e(prep.summary)}</p>", "<h3>Stories to prepare (STAR)</h3>"]
    if not prep.star:
        out.append(
            '<p class="muted">Your resume has no bullet that shows the top requirements yet; start with the '
            "questions below.</p>"
        )
    for s in prep.star:
        result = f"⚠ no measurable result yet. {s.result_hint or ''}" if s.result_missing else (s.result or "")
        evidence = _plain_quote(s.evidence) if s.evidence is not None else ""
        out.append(
            f'<article class="req met"><p class="req-text">{_e(s.question)}</p>'
            f'<p class="muted">For: “{_e(s.requirement)}”</p><ul>'
            f"<li><strong>Situation:</strong> {_e(s.situation or 'where and when this happened')}</li>"
            f"<li><strong>Task:</strong> {_e(s.task)}</li><li><strong>Action:</strong> {_e(s.action)}</li>"
            f"<li><strong>Result:</strong> {_e(result)}</li></ul>{evidence}</article>"
        )
    out.append("<h3>Questions your gaps invite</h3>")
    if not prep.gap_questions:
        out.append('<p class="muted">No gaps stand out for this job.</p>')
    for g in prep.gap_questions:
        adjacent = (
            f"<p>What you can truthfully point to:</p><ul>{_adjacent_html(g.adjacent)}</ul>" if g.adjacent else ""
        )
        shown = "<p>Where your resume mentions it:</p>" + "".join(_plain_quote(ev) for ev in g.shown) if g.shown else ""
        out.append(
            f'<article class="req missing"><p class="req-text">{_e(g.question)}</p>'
            f'<p class="muted">The ad: “{_e(g.requirement)}”</p><p>{_e(g.answer_hint)}</p>{adjacent}{shown}</article>'
        )
    if prep.learning_plan is not None:
        out.append(_plan_html(prep.learning_plan))
    return '<section class="extra">' + "".join(out) + "</section>"


def render_html(
    report: TailoringReport,
    *,
    review: CoverLetterReview | None = None,
    prep: InterviewPrep | None = None,
) -> str:
    """One self-contained HTML page for a person to read (and print); with ``review`` and ``prep`` (as the
    Markdown and JSON forms carry them), the cover-letter review and the interview preparation follow the
    report, in the same style."""
    title = report.job_title or "this job"
    company = f" at {report.job_company}" if report.job_company else ""
    notes = ""
    if report.confidence_notes or report.notes:
        items = "".join(f"<li>{_e(n)}</li>" for n in (*report.confidence_notes, *report.notes))
        notes = f'<div class="notes"><ul>{items}</ul></div>'
    rows = []
    for part in report.breakdown:
        if part.applies:
            frac = part.points / part.max if part.max else 0.0
            bar = _bar(frac, f"{part.points:g} of {part.max:g}")
            cells = f"<td>{_e(f'{part.points:g}')} / {_e(f'{part.max:g}')} {bar}</td>"
        else:
            cells = "<td>—</td>"
        rows.append(f"<tr><th>{_e(part.label)}</th>{cells}<td>{_e(part.explanation)}</td></tr>")
    breakdown = "<table><tr><th>Part</th><th>Points</th><th>Why</th></tr>" + "".join(rows) + "</table>"
    reqs = (
        "".join(_requirement_html(m, report) for m in report.requirements)
        or '<p class="muted">No requirements found.</p>'
    )
    keywords = "".join(
        f'<span class="kw {_e(c.status)}" title="{_e(_STATUS_WORDS.get(c.status))}">{_e(c.name)}</span>'
        for c in report.keywords
    )
    gaps = "".join(_gap_html(g) for g in report.gaps) or '<p class="muted">No gaps: everything asked is shown.</p>'
    suggestions = "".join(_suggestion_html(s) for s in report.suggestions) or '<p class="muted">None.</p>'
    ats_items = []
    for check in report.ats:
        mark = (
            '<span class="pass">✓</span>'
            if check.passed
            else '<span class="fail">✗</span>'
            if check.severity == "risk"
            else '<span class="warn">!</span>'
        )
        ats_items.append(f"<li>{mark} {_e(check.message)}</li>")
    years = (
        f"<p class=muted>Dated experience: {_e(report.years_of_experience)} years.</p>"
        if report.years_of_experience is not None
        else ""
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Tailoring report: {_e(title)}</title><style>{_CSS}</style></head><body><main>"
        f"<h1>{_e(title)}{_e(company)}</h1>"
        f'<p class="muted">Report as of {_e(report.as_of)} · score version {_e(report.score_version)}</p>'
        f'<section class="top">{_gauge(report.score, report.score_confidence)}'
        f'<div class="summary"><p>{_e(report.summary)}</p>{years}</div></section>{notes}'
        f"<h2>How the score is made</h2>{breakdown}"
        f'<h2>Gaps, most important first</h2><p class="muted">{_e(_GAP_ORDER)}</p><ul class=plain>{gaps}</ul>'
        f"<h2>Suggestions</h2><ul class=plain>{suggestions}</ul>"
        f"<h2>Requirements and your evidence</h2>{reqs}"
        + (f"<h2>Other skills the ad names</h2><p>{keywords}</p>" if keywords else "")
        + f'<h2>Searchability checks</h2><ul class="plain ats">{"".join(ats_items)}</ul>'
        + (_review_html(review) if review is not None else "")
        + (_prep_html(prep) if prep is not None else "")
        + "</main></body></html>"
    )


_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}#|!~])")


def _m(value: object) -> str:
    text = " ".join(("" if value is None else str(value)).split())
    return _MD_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_markdown(report: TailoringReport) -> str:
    """The report as Markdown (user text escaped)."""
    out: list[str] = []
    title = report.job_title or "this job"
    company = f" at {_m(report.job_company)}" if report.job_company else ""
    out.append(f"# Tailoring report: {_m(title)}{company}")
    out.append("")
    out.append(
        f"**Score: {report.score:g} / 100** ({report.score_confidence} confidence, "
        f"version {report.score_version}, as of {report.as_of})"
    )
    out.append("")
    out.append(_m(report.summary))
    for note in (*report.confidence_notes, *report.notes):
        out.append(f"> {_m(note)}")
    out.append("")
    out.append("## How the score is made")
    out.append("")
    out.append("| Part | Points | Why |")
    out.append("|---|---|---|")
    for part in report.breakdown:
        pts = f"{part.points:g} / {part.max:g}" if part.applies else "n/a"
        out.append(f"| {part.label} | {pts} | {_m(part.explanation)} |")
    out.append("")
    out.append("## Gaps, most important first")
    out.append("")
    out.append(_m(_GAP_ORDER))
    out.append("")
    if not report.gaps:
        out.append("No gaps: everything asked is shown.")
    for g in report.gaps:
        gain = f"+{g.gain:g} → {g.what_if_score:g}" if g.gain > 0 else "no change"
        why = f" {_m(g.importance_note)}" if g.importance_note else ""
        out.append(
            f"- **{_m(g.label)}** ({g.kind}, {_REASON_WORDS.get(g.reason, g.reason)}; {gain}):{why} {_m(g.advice)}"
        )
    out.append("")
    out.append("## Suggestions")
    out.append("")
    for s in report.suggestions:
        out.append(f"- {_m(s.message)}")
        out.append(f"  > {_m(s.quote)}")
    if not report.suggestions:
        out.append("None.")
    out.append("")
    out.append("## Requirements and your evidence")
    out.append("")
    for m in report.requirements:
        out.append(f"- **{_STATUS_WORDS.get(m.status, m.status)}** ({m.kind}) {_m(m.text)} — {_m(m.explanation)}")
        for c in m.skills:
            reason = f", {_REASON_WORDS.get(c.reason, c.reason)}" if c.reason else ""
            covered = _covered_words(c, report)
            reason += f" ({_m(covered)})" if covered else ""
            out.append(f"  - {_m(c.name)}: {_STATUS_WORDS.get(c.status, c.status)}{reason}")
            for ev in c.evidence[:2]:
                out.append(f"    > {_m(ev.quote)} ({_LOCATION_WORDS.get(ev.location, ev.location)})")
        for ev in m.evidence:
            out.append(f"  > {_m(ev.quote)} ({_LOCATION_WORDS.get(ev.location, ev.location)})")
    if report.keywords:
        out.append("")
        out.append("## Other skills the ad names")
        out.append("")
        out.append(", ".join(f"{_m(c.name)} ({_STATUS_WORDS.get(c.status, c.status)})" for c in report.keywords))
    out.append("")
    out.append("## Searchability checks")
    out.append("")
    for check in report.ats:
        out.append(f"- [{'x' if check.passed else ' '}] {_m(check.message)}")
    out.append("")
    return "\n".join(out)
