#ifndef CPD_CTESSERACT_H
#define CPD_CTESSERACT_H

// Tesseract's and Leptonica's C interfaces, as their headers declare them. The libraries are
// not linked: `libraries.c` opens them the first time a page is recognised or an image decoded,
// so a run that reads only text PDFs and XML never loads them (nor the network and crypto
// libraries tesseract brings along): a start costs about a third less.
#include <tesseract/capi.h>
#include <leptonica/allheaders.h>

/// Opens Leptonica, and Tesseract too when `with_tesseract` is non-zero. Returns 0 when they are
/// loaded (now or before); otherwise -1, with `error` set to the loader's message. Call it before
/// any other function of these headers: one called without it stops the program with that message.
int cpd_load_ocr_libraries(int with_tesseract, const char **error);

/// The address of `name` in Tesseract or the libraries it was opened with (libgomp among them),
/// or NULL when Tesseract is not open or has no such symbol.
void *cpd_tesseract_symbol(const char *name);

#endif
