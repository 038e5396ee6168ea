"""Document parsing speed over the real corpus: PDF ms/page and DOCX ms/document (median, p95), peak RSS.

Each file is parsed through ``parse_document`` (format sniffing, extraction, layout analysis, normalisation)
once to warm up, then ``REPEATS`` times; a file's figure is its fastest run (per page for PDFs), the least
disturbed by other work on a shared machine (medians of runs move by 20% with the machine's load). The corpus
figures are the median and 95th percentile over files.

PDF time is split into PDFium's own work (open the document, load each page and its text page, close them:
the least any PDFium-based reader pays, timed the same way) and ours (the rest: word boxes, fonts, layout,
clean-up). pdfplumber's ``extract_text`` is timed once per PDF as a reference. Target (issue): PDF <= 5
ms/page median, aiming for 3.
"""

from __future__ import annotations

import logging
import resource
import statistics
import sys
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from parsers.document import parse_document
from parsers.pdfium_calls import (
    CLOSE_DOCUMENT,
    CLOSE_PAGE,
    CLOSE_TEXT_PAGE,
    COUNT_CHARS,
    LOAD_DOCUMENT,
    LOAD_PAGE,
    LOAD_TEXT_PAGE,
    PAGE_COUNT,
)

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus"
REPEATS = 7


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _best_time(work: Callable[[], object]) -> float:
    """Fastest of REPEATS runs of ``work`` in seconds, after one run to warm up."""
    work()
    runs = []
    for _ in range(REPEATS):
        began = time.perf_counter()
        work()
        runs.append(time.perf_counter() - began)
    return min(runs)


def _time(data: bytes, name: str) -> tuple[float, int]:
    """Fastest parse time in seconds, and the page count."""
    return _best_time(lambda: parse_document(data, name)), parse_document(data, name).page_count


def _pdfium_floor(data: bytes) -> None:
    """What PDFium itself costs: open, load every page and its text page (it analyses the text), close."""
    document = LOAD_DOCUMENT(data, len(data), None)
    try:
        for index in range(PAGE_COUNT(document)):
            page = LOAD_PAGE(document, index)
            textpage = LOAD_TEXT_PAGE(page)
            COUNT_CHARS(textpage)
            CLOSE_TEXT_PAGE(textpage)
            CLOSE_PAGE(page)
    finally:
        CLOSE_DOCUMENT(document)


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
    pdfium_ms: list[float] = []
    pages = 0
    for path in pdfs:
        data = path.read_bytes()
        seconds, count = _time(data, path.name)
        pdf_ms.append(1000 * seconds / count)
        pdfium_ms.append(1000 * _best_time(partial(_pdfium_floor, data)) / count)
        pages += count
    ours_ms = [total - floor for total, floor in zip(pdf_ms, pdfium_ms, strict=True)]
    docx_ms = [1000 * _time(path.read_bytes(), path.name)[0] for path in docxs]
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    peak_mb = peak_kb / (1024 * 1024) if sys.platform == "darwin" else peak_kb / 1024
    results = {
        "pdf_files": float(len(pdfs)),
        "pdf_pages": float(pages),
        "pdf_ms_per_page_median": statistics.median(pdf_ms),
        "pdf_ms_per_page_p95": _p95(pdf_ms),
        "pdf_pdfium_ms_per_page_median": statistics.median(pdfium_ms),
        "pdf_pdfium_ms_per_page_p95": _p95(pdfium_ms),
        "pdf_ours_ms_per_page_median": statistics.median(ours_ms),
        "pdf_ours_ms_per_page_p95": _p95(ours_ms),
        "docx_files": float(len(docxs)),
        "docx_ms_per_doc_median": statistics.median(docx_ms),
        "docx_ms_per_doc_p95": _p95(docx_ms),
        "peak_rss_mb": peak_mb,
    }
    reference = _pdfplumber_ms_per_page(pdfs)
    print(
        f"   PDF  {len(pdfs)} files, {pages} pages: {results['pdf_ms_per_page_median']:.2f} ms/page median, "
        f"{results['pdf_ms_per_page_p95']:.2f} p95 (fastest of {REPEATS} runs per file)"
    )
    print(
        f"        split: PDFium's own loading {results['pdf_pdfium_ms_per_page_median']:.2f} ms/page median, "
        f"{results['pdf_pdfium_ms_per_page_p95']:.2f} p95; ours (boxes, fonts, layout, clean-up) "
        f"{results['pdf_ours_ms_per_page_median']:.2f} median, {results['pdf_ours_ms_per_page_p95']:.2f} p95"
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
