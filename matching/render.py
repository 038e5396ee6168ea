"""A tailoring report as Markdown, or as one self-contained HTML page (inline CSS and SVG, no script).

Every string that comes from a resume or a job is escaped: HTML-escaped in the page, and in Markdown both
HTML-escaped and stripped of the characters that would start Markdown markup. The page loads nothing from
anywhere (no external stylesheet, font, image or script) and prints cleanly (``@media print``).
"""

from __future__ import annotations

import html
import math
import re

from matching.report import REASON_WORDS, Evidence, Gap, RequirementMatch, SkillCheck, Suggestion, TailoringReport

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


def _gauge(score: float, confidence: str) -> str:
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
        '<text x="100" y="112" text-anchor="middle" class="gauge-sub">of 100 · '
        f"{_e(confidence)} confidence</text></svg>"
    )


def _bar(fraction: float, label: str) -> str:
    pct = max(0.0, min(100.0, fraction * 100.0))
    colour = "#1f7a4d" if pct >= 80 else "#b7791f" if pct >= 25 else "#b83232"
    return (
        f'<svg class="bar" viewBox="0 0 100 8" preserveAspectRatio="none" role="img" aria-label="{_e(label)}">'
        '<rect x="0" y="0" width="100" height="8" rx="4" fill="#e3e6ea"/>'
        f'<rect x="0" y="0" width="{pct:.1f}" height="8" rx="4" fill="{colour}"/></svg>'
    )


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
    meta.append(_MATCH_WORDS.get(ev.match, ev.match))
    return (
        f'<blockquote class="quote">{body}<footer>{_e(" · ".join(meta))} · '
        f"strength {round(ev.confidence * 100)}%</footer></blockquote>"
    )


def _chip(status: str) -> str:
    return f'<span class="chip {_e(status)}">{_e(_STATUS_WORDS.get(status, status))}</span>'


def _skill_html(check: SkillCheck) -> str:
    reason = f' <span class="reason">({_e(_REASON_WORDS.get(check.reason or "", ""))})</span>' if check.reason else ""
    years = f' <span class="reason">{_e(check.years_found)} yrs</span>' if check.years_found else ""
    quotes = "".join(_quote_html(ev) for ev in check.evidence[:2])
    return f"<li>{_chip(check.status)} <strong>{_e(check.name)}</strong>{reason}{years}{quotes}</li>"


def _requirement_html(m: RequirementMatch) -> str:
    skills = "".join(_skill_html(c) for c in m.skills)
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
    "Required before preferred, technical skills, years and education before soft skills and wording, then by "
    "importance (what the ad stresses: its title, several places; a named tool over a broad area); ties go to "
    "the bigger gain."
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
.req-text{margin:6px 0 2px;font-weight:500}.skills{list-style:none;padding:0;margin:6px 0}.skills li{margin:6px 0}
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
.req,.gap,.sugg,tr{break-inside:avoid}}
"""


def render_html(report: TailoringReport) -> str:
    """One self-contained HTML page for a person to read (and print)."""
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
    reqs = "".join(_requirement_html(m) for m in report.requirements) or '<p class="muted">No requirements found.</p>'
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
