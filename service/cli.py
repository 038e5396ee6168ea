"""The ``tailor`` command: the same engine as the API, on local files.

tailor report RESUME JOB [--format json|md|html] [--out FILE] [--as-of YYYY-MM-DD]
tailor rank RESUME JOB [JOB ...]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import parsers
from matching.drafting import DraftOptions, draft_cover_letter
from matching.interview import interview_prep
from matching.letter_docx import draft_to_docx
from matching.letter_render import render_draft_markdown, render_prep_markdown, render_review_markdown
from matching.letters import review_cover_letter
from matching.rank import rank
from matching.render import render_html, render_markdown
from matching.tailor import TailorOptions, prepare_resume, tailor

__all__ = ["main"]


def _read_job(path: str) -> parsers.JobPosting:
    return parsers.parse_job(Path(path).read_bytes(), Path(path).name)


def _read_resume(path: str) -> parsers.Resume:
    return parsers.parse_resume(Path(path).read_bytes(), Path(path).name)


def _write(text: str, out: str | None) -> None:
    if out:
        Path(out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _options(args: argparse.Namespace) -> TailorOptions:
    return TailorOptions(as_of=args.as_of)


def _report(args: argparse.Namespace) -> None:
    report = tailor(_read_resume(args.resume), _read_job(args.job), options=_options(args))
    if args.format == "html":
        _write(render_html(report), args.out)
    elif args.format == "md":
        _write(render_markdown(report), args.out)
    else:
        _write(json.dumps(report.to_dict(), indent=2, ensure_ascii=False), args.out)


def _rank(args: argparse.Namespace) -> None:
    jobs = [_read_job(p) for p in args.jobs]
    rows = [
        f"{r.score:5.1f}  {args.jobs[r.index]}  ({r.title or 'untitled'})"
        for r in rank(_read_resume(args.resume), jobs, options=_options(args))
    ]
    _write("\n".join(["score  job", *rows]), args.out)


def _draft(args: argparse.Namespace) -> None:
    if args.format is None:  # from the output file's suffix, else Markdown
        args.format = "docx" if args.out and args.out.lower().endswith(".docx") else "md"
    choices = DraftOptions(
        company=args.company, hiring_manager=args.hiring_manager, tone=args.tone, mention_gap=args.mention_gap
    )
    draft = draft_cover_letter(_read_resume(args.resume), _read_job(args.job), draft=choices, options=_options(args))
    if args.format == "docx":
        if not args.out:
            raise SystemExit("tailor: --format docx needs --out FILE")
        Path(args.out).write_bytes(draft_to_docx(draft))
    elif args.format == "json":
        _write(json.dumps(draft.to_dict(), indent=2, ensure_ascii=False), args.out)
    else:
        _write(render_draft_markdown(draft), args.out)


def _review(args: argparse.Namespace) -> None:
    letter = parsers.parse_document(Path(args.letter).read_bytes(), Path(args.letter).name)
    review = review_cover_letter(letter, _read_resume(args.resume), _read_job(args.job), options=_options(args))
    if args.format == "json":
        _write(json.dumps(review.to_dict(), indent=2, ensure_ascii=False), args.out)
    else:
        _write(render_review_markdown(review), args.out)


def _prep(args: argparse.Namespace) -> None:
    resume, job, options = _read_resume(args.resume), _read_job(args.job), _options(args)
    analysis = prepare_resume(resume, options=options)
    report = tailor(resume, job, options=options, analysis=analysis)
    prep = interview_prep(report, resume, job, options=options, analysis=analysis)
    if args.format == "json":
        _write(json.dumps(prep.to_dict(), indent=2, ensure_ascii=False), args.out)
    else:
        _write(render_prep_markdown(prep), args.out)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="tailor", description="Tailor a resume to a job, offline.")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--out", help="write to this file instead of standard output")
    common.add_argument("--as-of", type=date.fromisoformat, help="date taken as today (YYYY-MM-DD)")
    sub = parser.add_subparsers(dest="command", required=True)

    report = sub.add_parser("report", parents=[common], help="the tailoring report for one resume and one job")
    report.add_argument("resume")
    report.add_argument("job")
    report.add_argument("--format", choices=["json", "md", "html"], default="md")
    report.set_defaults(run=_report)

    ranking = sub.add_parser("rank", parents=[common], help="rank jobs for one resume")
    ranking.add_argument("resume")
    ranking.add_argument("jobs", nargs="+")
    ranking.set_defaults(run=_rank)

    letter = sub.add_parser("cover-letter", help="draft or review a cover letter").add_subparsers(
        dest="action", required=True
    )
    draft = letter.add_parser("draft", parents=[common], help="a draft built only from the resume's facts")
    draft.add_argument("resume")
    draft.add_argument("job")
    draft.add_argument("--tone", choices=["formal", "warm", "concise"], default="formal")
    draft.add_argument("--company")
    draft.add_argument("--hiring-manager")
    draft.add_argument("--mention-gap", action="store_true", help="add one honest line on the main gap")
    draft.add_argument("--format", choices=["md", "json", "docx"], help="default: docx for --out *.docx, else md")
    draft.set_defaults(run=_draft)
    review = letter.add_parser("review", parents=[common], help="check a letter against the job and the resume")
    review.add_argument("resume")
    review.add_argument("job")
    review.add_argument("letter")
    review.add_argument("--format", choices=["md", "json"], default="md")
    review.set_defaults(run=_review)

    prep = sub.add_parser("prep", parents=[common], help="interview preparation and a learning plan")
    prep.add_argument("resume")
    prep.add_argument("job")
    prep.add_argument("--format", choices=["md", "json"], default="md")
    prep.set_defaults(run=_prep)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        args.run(args)
    except parsers.ParserError as exc:
        print(f"tailor: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"tailor: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
