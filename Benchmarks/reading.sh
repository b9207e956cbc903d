#!/bin/sh
# Times `cpd extract` (text, facts and all) against the command-line tools run the way a user
# runs them, with hyperfine, on the development corpus. Usage, from anywhere:
#   Benchmarks/reading.sh [SHARED]        SHARED defaults to ../shared beside the package
# Needs a release build (swift build -c release --product cpd), hyperfine, poppler-utils and
# tesseract with the kaz, rus and eng models. Results: Benchmarks/results/reading-*.md.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$(cd "${1:-$root/../shared}" && pwd)
cpd="$root/.build/release/cpd"
baselines="$root/Benchmarks/baselines"
results="$root/Benchmarks/results"
[ -x "$cpd" ] || { echo "no release build: swift build -c release --product cpd" >&2; exit 1; }
command -v hyperfine > /dev/null || { echo "hyperfine is missing: apt-get install hyperfine" >&2; exit 1; }
mkdir -p "$results"
lists=$(mktemp -d)
trap 'rm -rf "$lists"' EXIT

# The corpus's files by how they are read (truth.json's "source"): pdf-text, pdf-ocr, image-ocr.
python3 - "$shared/corpus" "$lists" <<'PYTHON'
import json, os, sys
corpus, lists = sys.argv[1], sys.argv[2]
files = {}
for worker in json.load(open(os.path.join(corpus, "truth.json")))["workers"]:
    for document in worker["documents"]:
        files.setdefault(document["source"], []).append(os.path.join(corpus, document["file"]))
for source, paths in files.items():
    with open(os.path.join(lists, source + ".txt"), "w") as out:
        out.write("".join(path + "\n" for path in paths))
PYTHON

text="$lists/pdf-text.txt"
one=$(head -n 1 "$text")
echo "text PDFs: $(wc -l < "$text") files; one file: $one"

# Every text PDF: one cpd process for all, against one pdftotext process per file.
hyperfine --warmup 2 --runs 10 --export-markdown "$results/reading-text-pdfs.md" \
  -n "cpd extract, all text PDFs" "$cpd extract --format json $(tr '\n' ' ' < "$text") > /dev/null" \
  -n "pdftotext, one process per file" "$baselines/pdftotext-each.sh $text"

# One text PDF: what a start costs.
hyperfine -N --warmup 5 --runs 50 --export-markdown "$results/reading-one-pdf.md" \
  -n "cpd extract, one text PDF" "$cpd extract $one" \
  -n "pdftotext, one text PDF" "pdftotext $one -"

# Scans and photos: our two engines against the CLI one file at a time, and two at a time.
for source in pdf-ocr image-ocr; do
  list="$lists/$source.txt"
  echo "$source: $(wc -l < "$list") files"
  hyperfine --warmup 1 --runs 3 --export-markdown "$results/reading-$source.md" \
    -n "cpd extract --jobs 2" "$cpd extract --jobs 2 --format json $(tr '\n' ' ' < "$list") > /dev/null" \
    -n "tesseract CLI, one at a time" "$baselines/ocr-each.sh $list 1" \
    -n "tesseract CLI, two at a time" "$baselines/ocr-each.sh $list 2"
done
