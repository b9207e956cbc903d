// Every Tesseract and Leptonica function the toolkit calls, defined here under its own name: the
// first call looks the function up in the library (opened on demand) and keeps the address.
// The compiler checks each definition against the library's header, so a signature cannot drift.
#include "CTesseract.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

enum library { leptonica, tesseract };

// Debian 12 names first; later releases renamed Leptonica's library.
static const char *const sonames[][4] = {
    [leptonica] = {"liblept.so.5", "libleptonica.so.6", "liblept.so", "libleptonica.so"},
    [tesseract] = {"libtesseract.so.5", "libtesseract.so", NULL, NULL},
};
static void *handles[2];
static const char *load_error;
static pthread_mutex_t load_lock = PTHREAD_MUTEX_INITIALIZER;

static void *open_library(enum library library) {
    for (int index = 0; index < 4 && sonames[library][index]; index++) {
        void *handle = dlopen(sonames[library][index], RTLD_NOW | RTLD_LOCAL);
        if (handle) return handle;
        load_error = dlerror();
    }
    return NULL;
}

int cpd_load_ocr_libraries(int with_tesseract, const char **error) {
    pthread_mutex_lock(&load_lock);
    int ok = 1;
    if (!__atomic_load_n(&handles[leptonica], __ATOMIC_ACQUIRE)) {
        void *handle = open_library(leptonica);
        if (handle) __atomic_store_n(&handles[leptonica], handle, __ATOMIC_RELEASE); else ok = 0;
    }
    if (ok && with_tesseract && !__atomic_load_n(&handles[tesseract], __ATOMIC_ACQUIRE)) {
        void *handle = open_library(tesseract);
        if (handle) __atomic_store_n(&handles[tesseract], handle, __ATOMIC_RELEASE); else ok = 0;
    }
    if (!ok && error) *error = load_error;
    pthread_mutex_unlock(&load_lock);
    return ok ? 0 : -1;
}

void *cpd_tesseract_symbol(const char *name) {
    void *handle = __atomic_load_n(&handles[tesseract], __ATOMIC_ACQUIRE);
    return handle ? dlsym(handle, name) : NULL;
}

static void *symbol(enum library library, const char *name) {
    void *handle = __atomic_load_n(&handles[library], __ATOMIC_ACQUIRE);
    void *address = handle ? dlsym(handle, name) : NULL;
    if (!address) {
        fprintf(stderr, "cpd: %s is not available (%s)\n", name,
                handle ? dlerror() : "its library was not loaded: cpd_load_ocr_libraries first");
        abort();
    }
    return address;
}

// The function's address, looked up the first time and kept in `slot`.
static void *cached(void **slot, enum library library, const char *name) {
    void *address = __atomic_load_n(slot, __ATOMIC_ACQUIRE);
    if (!address) {
        address = symbol(library, name);
        __atomic_store_n(slot, address, __ATOMIC_RELEASE);
    }
    return address;
}

#define FORWARD(library, result, name, parameters, arguments)                                      \
    result name parameters {                                                                       \
        static void *real;                                                                         \
        return ((result(*) parameters)cached(&real, library, #name)) arguments;                   \
    }

// C lets no `return` carry a void call, hence a macro of its own.
#define FORWARD_VOID(library, name, parameters, arguments)                                         \
    void name parameters {                                                                         \
        static void *real;                                                                         \
        ((void(*) parameters)cached(&real, library, #name)) arguments;                            \
    }

// Tesseract
FORWARD_VOID(tesseract, TessBaseAPIClear, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, TessBaseAPI *, TessBaseAPICreate, (void), ())
FORWARD_VOID(tesseract, TessBaseAPIDelete, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, BOOL, TessBaseAPIDetectOrientationScript, (TessBaseAPI *handle, int *orient_deg, float *orient_conf, const char **script_name, float *script_conf), (handle, orient_deg, orient_conf, script_name, script_conf))
FORWARD_VOID(tesseract, TessBaseAPIEnd, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, TessResultIterator *, TessBaseAPIGetIterator, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, char *, TessBaseAPIGetUTF8Text, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, int, TessBaseAPIInit3, (TessBaseAPI *handle, const char *datapath, const char *language), (handle, datapath, language))
FORWARD(tesseract, int, TessBaseAPIMeanTextConf, (TessBaseAPI *handle), (handle))
FORWARD(tesseract, int, TessBaseAPIRecognize, (TessBaseAPI *handle, ETEXT_DESC *monitor), (handle, monitor))
FORWARD_VOID(tesseract, TessBaseAPISetImage2, (TessBaseAPI *handle, struct Pix *pix), (handle, pix))
FORWARD_VOID(tesseract, TessBaseAPISetPageSegMode, (TessBaseAPI *handle, TessPageSegMode mode), (handle, mode))
FORWARD_VOID(tesseract, TessBaseAPISetSourceResolution, (TessBaseAPI *handle, int ppi), (handle, ppi))
FORWARD(tesseract, BOOL, TessBaseAPISetVariable, (TessBaseAPI *handle, const char *name, const char *value), (handle, name, value))
FORWARD_VOID(tesseract, TessDeleteText, (const char *text), (text))
FORWARD(tesseract, ETEXT_DESC *, TessMonitorCreate, (void), ())
FORWARD_VOID(tesseract, TessMonitorDelete, (ETEXT_DESC *monitor), (monitor))
FORWARD_VOID(tesseract, TessMonitorSetDeadlineMSecs, (ETEXT_DESC *monitor, int deadline), (monitor, deadline))
FORWARD(tesseract, BOOL, TessPageIteratorBoundingBox, (const TessPageIterator *handle, TessPageIteratorLevel level, int *left, int *top, int *right, int *bottom), (handle, level, left, top, right, bottom))
FORWARD(tesseract, float, TessResultIteratorConfidence, (const TessResultIterator *handle, TessPageIteratorLevel level), (handle, level))
FORWARD_VOID(tesseract, TessResultIteratorDelete, (TessResultIterator *handle), (handle))
FORWARD(tesseract, const TessPageIterator *, TessResultIteratorGetPageIteratorConst, (const TessResultIterator *handle), (handle))
FORWARD(tesseract, char *, TessResultIteratorGetUTF8Text, (const TessResultIterator *handle, TessPageIteratorLevel level), (handle, level))
FORWARD(tesseract, BOOL, TessResultIteratorNext, (TessResultIterator *handle, TessPageIteratorLevel level), (handle, level))
FORWARD(tesseract, const char *, TessVersion, (void), ())

// Leptonica
FORWARD(leptonica, l_ok, findFileFormat, (const char *filename, l_int32 *pformat), (filename, pformat))
FORWARD(leptonica, FILE *, fopenReadStream, (const char *filename), (filename))
FORWARD(leptonica, char *, getLeptonicaVersion, (void), ())
FORWARD_VOID(leptonica, lept_free, (void *ptr), (ptr))
FORWARD_VOID(leptonica, pixaDestroy, (PIXA **ppixa), (ppixa))
FORWARD(leptonica, l_int32, pixaGetCount, (PIXA *pixa), (pixa))
FORWARD(leptonica, PIX *, pixaGetPix, (PIXA *pixa, l_int32 index, l_int32 accesstype), (pixa, index, accesstype))
FORWARD(leptonica, PIX *, pixAlphaBlendUniform, (PIX *pixs, l_uint32 color), (pixs, color))
FORWARD(leptonica, PIXA *, pixaReadMultipageTiff, (const char *filename), (filename))
FORWARD(leptonica, PIX *, pixConvertTo1, (PIX *pixs, l_int32 threshold), (pixs, threshold))
FORWARD(leptonica, PIX *, pixConvertTo8, (PIX *pixs, l_int32 cmapflag), (pixs, cmapflag))
FORWARD(leptonica, PIX *, pixCreate, (l_int32 width, l_int32 height, l_int32 depth), (width, height, depth))
FORWARD(leptonica, PIX *, pixDeskewGeneral, (PIX *pixs, l_int32 redsweep, l_float32 sweeprange, l_float32 sweepdelta, l_int32 redsearch, l_int32 thresh, l_float32 *pangle, l_float32 *pconf), (pixs, redsweep, sweeprange, sweepdelta, redsearch, thresh, pangle, pconf))
FORWARD_VOID(leptonica, pixDestroy, (PIX **ppix), (ppix))
FORWARD(leptonica, l_ok, pixEndianByteSwap, (PIX *pixs), (pixs))
FORWARD(leptonica, PIX *, pixEndianByteSwapNew, (PIX *pixs), (pixs))
FORWARD(leptonica, l_uint32 *, pixGetData, (PIX *pix), (pix))
FORWARD(leptonica, l_int32, pixGetHeight, (const PIX *pix), (pix))
FORWARD(leptonica, l_int32, pixGetSpp, (const PIX *pix), (pix))
FORWARD(leptonica, l_int32, pixGetWidth, (const PIX *pix), (pix))
FORWARD(leptonica, l_int32, pixGetWpl, (const PIX *pix), (pix))
FORWARD(leptonica, l_int32, pixGetXRes, (const PIX *pix), (pix))
FORWARD(leptonica, PIX *, pixRead, (const char *filename), (filename))
FORWARD(leptonica, l_ok, pixReadHeader, (const char *filename, l_int32 *pformat, l_int32 *pw, l_int32 *ph, l_int32 *pbps, l_int32 *pspp, l_int32 *piscmap), (filename, pformat, pw, ph, pbps, pspp, piscmap))
FORWARD(leptonica, PIX *, pixRotate, (PIX *pixs, l_float32 angle, l_int32 type, l_int32 incolor, l_int32 width, l_int32 height), (pixs, angle, type, incolor, width, height))
FORWARD(leptonica, PIX *, pixRotateOrth, (PIX *pixs, l_int32 quads), (pixs, quads))
FORWARD(leptonica, PIX *, pixScaleAreaMap2, (PIX *pix), (pix))
FORWARD(leptonica, l_ok, pixSetResolution, (PIX *pix, l_int32 xres, l_int32 yres), (pix, xres, yres))
FORWARD(leptonica, l_ok, pixWrite, (const char *fname, PIX *pix, l_int32 format), (fname, pix, format))
FORWARD(leptonica, l_ok, pixWriteJpeg, (const char *filename, PIX *pix, l_int32 quality, l_int32 progressive), (filename, pix, quality, progressive))
FORWARD(leptonica, l_ok, pixWriteTiff, (const char *filename, PIX *pix, l_int32 comptype, const char *modestr), (filename, pix, comptype, modestr))
FORWARD(leptonica, l_ok, readHeaderTiff, (const char *filename, l_int32 n, l_int32 *pw, l_int32 *ph, l_int32 *pbps, l_int32 *pspp, l_int32 *pres, l_int32 *pcmap, l_int32 *pformat), (filename, n, pw, ph, pbps, pspp, pres, pcmap, pformat))
FORWARD(leptonica, l_int32, setMsgSeverity, (l_int32 newsev), (newsev))
FORWARD(leptonica, l_ok, tiffGetCount, (FILE *fp, l_int32 *pn), (fp, pn))
