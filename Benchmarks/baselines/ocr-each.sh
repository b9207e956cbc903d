#!/bin/sh
# Baseline for scans and photos: the files listed in $1 recognised with the tesseract CLI in
# Kazakh, Russian and English, $2 files at a time (default 1). A PDF's pages are first rendered
# at 300 dpi with pdftoppm (gray PGM, as PNG compression would time zlib rather than OCR).
jobs=${2:-1}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export work
xargs -P "$jobs" -I {} sh -c '
  file=$1
  case "$file" in
    *.pdf)
      pages=$(mktemp -d "$work/pages.XXXXXX")
      pdftoppm -r 300 -gray "$file" "$pages/page"
      for page in "$pages"/page*; do OMP_THREAD_LIMIT=1 tesseract "$page" - -l kaz+rus+eng > /dev/null 2>&1; done
      rm -rf "$pages" ;;
    *) OMP_THREAD_LIMIT=1 tesseract "$file" - -l kaz+rus+eng > /dev/null 2>&1 ;;
  esac
' sh {} < "$1"
