#!/bin/sh
# Baseline for text PDFs: the text of each file listed in $1, one pdftotext process per file,
# as a shell loop over a folder does it.
while IFS= read -r file; do
  pdftotext "$file" - > /dev/null
done < "$1"
