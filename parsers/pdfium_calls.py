"""Direct ctypes prototypes for the PDFium functions ``parsers.pdf`` calls, from opening a document to reading
each word, line and page object.

pypdfium2's bindings declare pointer types for every argument, and each call converts its arguments through
them; these prototypes take plain integer addresses instead, which makes a call several times cheaper (about
0.2 µs against 1 µs), and the quick ones keep the GIL. Handles are plain ints and out-parameters buffer
addresses; no pypdfium2 wrapper object is made (``PdfDocument`` costs about 40 µs to make and close, and a
finalizer). pypdfium2 itself is still what loads and initialises the library.

Only functions whose signature is stable across PDFium releases are bound here. Callers hold
``parsers.pdf.PDFIUM_LOCK``: PDFium is not thread-safe.
"""

from __future__ import annotations

import ctypes
from array import array
from typing import Any

import pypdfium2.raw as pdfium_c

__all__ = [
    "CHAR_ORIGIN",
    "CLOSE_DOCUMENT",
    "CLOSE_PAGE",
    "CLOSE_TEXT_PAGE",
    "COUNT_CHARS",
    "COUNT_OBJECTS",
    "FONT_INFO",
    "FONT_SIZE",
    "FONT_WEIGHT",
    "GET_MATRIX",
    "GET_META_TEXT",
    "GET_OBJECT",
    "GET_TEXT",
    "LAST_ERROR",
    "LOAD_DOCUMENT",
    "LOAD_PAGE",
    "LOAD_TEXT_PAGE",
    "LOOSE_CHAR_BOX",
    "OBJECT_BOUNDS",
    "OBJECT_TYPE",
    "PAGE_COUNT",
    "PAGE_HEIGHT",
    "PAGE_WIDTH",
    "PATH_DRAW_MODE",
    "UNICODE_MAP_ERROR",
    "address",
]

_P = ctypes.c_void_p
_I = ctypes.c_int
_BYTES = ctypes.c_char_p  # a bytes object, passed without a copy


def _bind(function: Any, restype: Any, *argtypes: Any, quick: bool = True) -> Any:
    """A prototype for ``function``. ``quick`` calls (microseconds) keep the GIL: releasing and taking it back
    costs more than the call (15-20% of a char-box or page-object call); the page loads release it."""
    address = ctypes.cast(function, ctypes.c_void_p).value
    if not address:
        raise ImportError("PDFium function not found")
    prototype = ctypes.PYFUNCTYPE if quick else ctypes.CFUNCTYPE
    return prototype(restype, *argtypes)(address)


def address(buffer: array[Any]) -> int:
    """Where an array's items start in memory, to pass as an out-parameter (valid while the array lives and is
    not resized)."""
    return buffer.buffer_info()[0]


# documents: the bytes a document is loaded from must outlive it
LOAD_DOCUMENT = _bind(pdfium_c.FPDF_LoadMemDocument64, _P, _BYTES, ctypes.c_size_t, ctypes.c_char_p, quick=False)
CLOSE_DOCUMENT = _bind(pdfium_c.FPDF_CloseDocument, None, _P, quick=False)
LAST_ERROR = _bind(pdfium_c.FPDF_GetLastError, ctypes.c_ulong)
PAGE_COUNT = _bind(pdfium_c.FPDF_GetPageCount, _I, _P)
GET_META_TEXT = _bind(pdfium_c.FPDF_GetMetaText, ctypes.c_ulong, _P, _BYTES, _P, ctypes.c_ulong)

# pages and text pages
LOAD_PAGE = _bind(pdfium_c.FPDF_LoadPage, _P, _P, _I, quick=False)
CLOSE_PAGE = _bind(pdfium_c.FPDF_ClosePage, None, _P, quick=False)
PAGE_WIDTH = _bind(pdfium_c.FPDF_GetPageWidthF, ctypes.c_float, _P)
PAGE_HEIGHT = _bind(pdfium_c.FPDF_GetPageHeightF, ctypes.c_float, _P)
LOAD_TEXT_PAGE = _bind(pdfium_c.FPDFText_LoadPage, _P, _P, quick=False)
CLOSE_TEXT_PAGE = _bind(pdfium_c.FPDFText_ClosePage, None, _P, quick=False)

# characters
COUNT_CHARS = _bind(pdfium_c.FPDFText_CountChars, _I, _P)
GET_TEXT = _bind(pdfium_c.FPDFText_GetText, _I, _P, _I, _I, _P)
LOOSE_CHAR_BOX = _bind(pdfium_c.FPDFText_GetLooseCharBox, _I, _P, _I, _P)  # FS_RECTF: left, top, right, bottom
CHAR_ORIGIN = _bind(pdfium_c.FPDFText_GetCharOrigin, _I, _P, _I, _P, _P)  # two doubles
UNICODE_MAP_ERROR = _bind(pdfium_c.FPDFText_HasUnicodeMapError, _I, _P, _I)

# fonts of characters
FONT_SIZE = _bind(pdfium_c.FPDFText_GetFontSize, ctypes.c_double, _P, _I)
GET_MATRIX = _bind(pdfium_c.FPDFText_GetMatrix, _I, _P, _I, _P)  # FS_MATRIX: a, b, c, d, e, f (floats)
FONT_INFO = _bind(pdfium_c.FPDFText_GetFontInfo, ctypes.c_ulong, _P, _I, _P, ctypes.c_ulong, _P)
FONT_WEIGHT = _bind(pdfium_c.FPDFText_GetFontWeight, _I, _P, _I)

# page objects
COUNT_OBJECTS = _bind(pdfium_c.FPDFPage_CountObjects, _I, _P)
GET_OBJECT = _bind(pdfium_c.FPDFPage_GetObject, _P, _P, _I)
OBJECT_TYPE = _bind(pdfium_c.FPDFPageObj_GetType, _I, _P)
OBJECT_BOUNDS = _bind(pdfium_c.FPDFPageObj_GetBounds, _I, _P, _P, _P, _P, _P)  # left, bottom, right, top
PATH_DRAW_MODE = _bind(pdfium_c.FPDFPath_GetDrawMode, _I, _P, _P, _P)  # fill mode, stroke
