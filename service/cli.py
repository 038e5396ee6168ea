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
from matching.rank import rank
from matching.render import render_html, render_markdown
from matching.tailor import TailorOptions, tailor

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
