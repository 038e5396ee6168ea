"""Document parsing speed over the real corpus: PDF ms/page and DOCX ms/document (median, p95), peak RSS.

Each file is parsed through ``parse_document`` (format sniffing, extraction, layout analysis, normalisation)
once to warm up, then ``REPEATS`` times; a file's figure is its fastest run (per page for PDFs), the least
disturbed by other work on a shared machine. The corpus figures are the median and 95th percentile over files.
pdfplumber's ``extract_text`` is timed once per PDF as a reference. Target (issue): PDF <= 5 ms/page median.
"""

from __future__ import annotations

import logging
import resource
import statistics
import sys
import time
from pathlib import Path

from parsers.document import parse_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
REPEATS = 5


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _time(data: bytes, name: str) -> tuple[float, int]:
    """Fastest of REPEATS parses in seconds, and the page count."""
    doc = parse_document(data, name)
    runs = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        parse_document(data, name)
        runs.append(time.perf_counter() - began)
    return min(runs), doc.page_count


def _pdfplumber_ms_per_page(paths: list[Path]) -> float | None:
    try:
        import pdfplumber
    except ImportError:
        return None
    logging.getLogger("pdfminer").setLevel(logging.ERROR)  # it warns about every font without a bounding box
    per_page = []
    for path in paths:
        began = time.perf_counter()
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
            pages = len(pdf.pages)
        per_page.append(1000 * (time.perf_counter() - began) / pages)
    return statistics.median(per_page)


def run() -> dict[str, float]:
    if not CORPUS.is_dir():
        print(f"   corpus not found at {CORPUS}: nothing to measure")
        return {}
    pdfs = sorted(CORPUS.glob("**/*.pdf"))
    docxs = sorted(CORPUS.glob("**/*.docx"))
    pdf_ms: list[float] = []
    pages = 0
    for path in pdfs:
        seconds, count = _time(path.read_bytes(), path.name)
        pdf_ms.append(1000 * seconds / count)
        pages += count
    docx_ms = [1000 * _time(path.read_bytes(), path.name)[0] for path in docxs]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak_kb / (1024 * 1024) if sys.platform == "darwin" else peak_kb / 1024
    results = {
        "pdf_files": float(len(pdfs)),
        "pdf_pages": float(pages),
        "pdf_ms_per_page_median": statistics.median(pdf_ms),
        "pdf_ms_per_page_p95": _p95(pdf_ms),
        "docx_files": float(len(docxs)),
        "docx_ms_per_doc_median": statistics.median(docx_ms),
        "docx_ms_per_doc_p95": _p95(docx_ms),
        "peak_rss_mb": peak_mb,
    }
    reference = _pdfplumber_ms_per_page(pdfs)
    print(
        f"   PDF  {len(pdfs)} files, {pages} pages: {results['pdf_ms_per_page_median']:.2f} ms/page median, "
        f"{results['pdf_ms_per_page_p95']:.2f} p95 (best of {REPEATS} runs per file)"
    )
    print(
        f"   DOCX {len(docxs)} files: {results['docx_ms_per_doc_median']:.2f} ms/doc median, "
        f"{results['docx_ms_per_doc_p95']:.2f} p95"
    )
    if reference is not None:
        results["pdfplumber_ms_per_page_median"] = reference
        print(f"   reference: pdfplumber extract_text {reference:.1f} ms/page median (one run per file)")
    print(f"   peak RSS {peak_mb:.0f} MB (whole process)")
    return results


if __name__ == "__main__":
    run()
