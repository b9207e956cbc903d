#!/usr/bin/env bash
# Times the review workspace (`cpd serve`, release build) under load, on loopback only: the
# signed-in list of all workers over a register of 5,000, and the page of a worker with 60
# documents. wrk, 2 threads, 4 connections, 10 s each after a 2 s warm-up (a request may take up
# to 30 s before wrk counts it as a timeout); the medians land in Benchmarks/results/review.txt.
# PROFILE=1 also records each page's load with perf (Benchmarks/results/review-*.perf.txt).
# Usage: Benchmarks/review.sh [--skip-build]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

workers=${WORKERS:-5000}
documents=${DOCUMENTS:-60}
duration=${DURATION:-10s}
port=${PORT:-18091}
worker=850314410007          # the sample worker (Samples/register.json) who gets the documents

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
command -v curl >/dev/null || { echo "curl is missing: apt-get install curl" >&2; exit 1; }

if [ "${1:-}" != "--skip-build" ]; then
  swift build -c release --static-swift-stdlib --product cpd >&2
fi
cpd="$root/.build/release/cpd"

work=$(mktemp -d /tmp/cpd-review-bench.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
db="$work/cpd.sqlite"

# 1. The register: the three sample workers and generated ones up to $workers, each with an IIN
#    whose check digit is right (shared/regulations/iin-checksum.md: weights 1..11, then 3..11,1,2).
awk -v count="$workers" -v samples="$root/Samples/register.json" '
  function check(digits,    i, sum) {
    sum = 0; for (i = 1; i <= 11; i++) sum += substr(digits, i, 1) * i
    if (sum % 11 != 10) return sum % 11
    sum = 0; for (i = 1; i <= 11; i++) sum += substr(digits, i, 1) * ((i + 1) % 11 + 1)
    return sum % 11 == 10 ? -1 : sum % 11
  }
  BEGIN {
    split("Абенов Серикбаев Жумабеков Иванов Ким Нурланов Оспанов Петров Сагындыков Тулегенов Ахметов Бекова", surnames, " ")
    split("Айдар Ерлан Нурлан Данияр Арман Сергей Тимур Асхат", men, " ")
    split("Айгерим Динара Жанар Гульнара Мадина Ольга Салтанат Алия", women, " ")
    split("Серикович Ерланович Маратович Болатович Андреевич", fathersMen, " ")
    split("Сериковна Ерлановна Маратовна Болатовна Андреевна", fathersWomen, " ")
    split("second first highest", categories, " ")
    # The sample records as they are, less the closing bracket.
    while ((getline line < samples) > 0) { if (line != "]") print line; }
    made = 3; serial = 0
    while (made < count) {
      serial++
      year = 60 + serial % 40; month = 1 + serial % 12; day = 1 + serial % 28
      female = serial % 2; century = female ? 4 : 3
      first11 = sprintf("%02d%02d%02d%d%04d", year, month, day, century, serial % 10000)
      digit = check(first11)
      if (digit < 0) continue
      made++
      surname = surnames[1 + serial % 12]
      if (female) { sub(/ов$/, "ова", surname); sub(/ев$/, "ева", surname) }
      name = surname " " (female ? women[1 + serial % 8] " " fathersWomen[1 + serial % 5] : men[1 + serial % 8] " " fathersMen[1 + serial % 5])
      printf ",\n  {\"iin\": \"%s%d\", \"fullName\": \"%s\", \"dateOfBirth\": \"19%02d-%02d-%02d\", \"gender\": \"%s\", \"targetCategory\": \"%s\", \"placeOfWork\": \"Городская поликлиника № %d\", \"position\": \"врач\"}", \
        first11, digit, name, year, month, day, female ? "female" : "male", categories[1 + serial % 3], 1 + serial % 30
    }
    print "\n]"
  }' > "$work/register.json"
"$cpd" register import "$work/register.json" --db "$db" >&2
printf 'benchmark password\n' | "$cpd" user add bench --role officer --db "$db" --password-stdin >&2

# 2. One worker with $documents documents: the sample worker's text PDFs, each copy made unique
#    by a comment after its end (so each is read, none saved by content), read by the watch.
inbox="$work/inbox/$worker"
mkdir -p "$inbox"
mapfile -t pdfs < <(ls "$root/Samples/inbox/$worker/"*.pdf)
for ((i = 0; i < documents; i++)); do
  source=${pdfs[i % ${#pdfs[@]}]}
  target=$(printf '%s/%02d-%s' "$inbox" "$i" "$(basename "$source")")
  cp "$source" "$target"
  printf '\n%% copy %d\n' "$i" >> "$target"
done
"$cpd" watch "$work/inbox" --out "$work/out" --db "$db" --journals Samples/journals.csv \
  --recommended-journals Samples/recommended-journals.csv --as-of 2026-11-22 --settle 0.2 --rescan 1 2> "$work/watch.log" &
watch=$!
pids+=("$watch")
settled=""
for _ in $(seq 1 300); do
  sleep 1
  state=$("$cpd" status --db "$db" --format json 2>/dev/null | tr -d ' \n' || true)
  case $state in
    *"\"files\":$documents,"*"\"pending\":0,"*"\"upToDate\":true"*) settled=yes; break ;;
  esac
done
kill "$watch"; wait "$watch" 2>/dev/null || true
[ -n "$settled" ] || { echo "the watch did not read the $documents documents within 300 s" >&2; tail "$work/watch.log" >&2; exit 1; }
files=$documents
echo "watch: $files files of $worker read" >&2

# 3. The workspace, signed in once with curl; wrk carries the session cookie.
"$cpd" serve --db "$db" --out "$work/out" --as-of 2026-11-22 --listen "127.0.0.1:$port" 2> "$work/serve.log" &
serve=$!
pids+=("$serve")
base="http://127.0.0.1:$port"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$base/login" && break; sleep 0.1; done
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" -b "$jar" "$base/login" | grep -o 'name="csrf" value="[^"]*"' | cut -d'"' -f4)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data-urlencode "csrf=$csrf" --data-urlencode "name=bench" \
  --data-urlencode "password=benchmark password" "$base/login"
session=$(awk '$6 == "cpd_session" { print $7 }' "$jar")
[ -n "$session" ] || { echo "signing in failed" >&2; tail "$work/serve.log" >&2; exit 1; }
cookie="Cookie: cpd_session=$session"

# The pages must be the real ones, not a redirect to the sign-in page. Their first views are
# timed too: nothing rendered or decoded yet is kept.
list_cold=$(curl -fs -o "$work/list.html" -w '%{time_total}' -H "$cookie" "$base/?show=all")
worker_cold=$(curl -fs -o "$work/worker.html" -w '%{time_total}' -H "$cookie" "$base/workers/$worker")
shown=$(grep -o 'href="/workers/[0-9]\{12\}"' "$work/list.html" | wc -l)
listed=$(grep -o "<td class=\"file\"><a href=\"/workers/$worker/documents/" "$work/worker.html" | wc -l)
echo "list: $shown workers linked; worker page: $listed documents linked to their pages" >&2

mkdir -p Benchmarks/results
report=Benchmarks/results/review.txt
{
  echo "cpd serve (release), $(nproc) cores, $(date -u +%Y-%m-%d); wrk -t2 -c4 -d$duration --timeout 30s --latency"
  echo "register: $workers workers; worker $worker: $files documents"
  printf '%-44s %10s %10s %10s %12s\n' page median p90 p99 requests/s
} > "$report"
measure() {
  local label=$1 path=$2 name=$3
  wrk -t2 -c4 -d2s --timeout 30s -H "$cookie" "$base$path" > /dev/null
  local out profiler=""
  if [ -n "${PROFILE:-}" ]; then
    perf record -F 499 -g -p "$serve" -o "$work/$name.perf.data" -- sleep 8 2> /dev/null &
    profiler=$!
  fi
  out=$(wrk -t2 -c4 -d"$duration" --timeout 30s --latency -H "$cookie" "$base$path")
  echo "$out" >&2
  if [ -n "$profiler" ]; then
    wait "$profiler" || true
    # Inclusive time (a function with what it calls), names demangled: where the time goes.
    demangle=cat
    command -v swift-demangle > /dev/null && demangle="swift-demangle --simplified"
    perf report -i "$work/$name.perf.data" --children --sort symbol -g none --percent-limit 2 --stdio 2> /dev/null \
      | grep '%' | $demangle | cut -c1-220 | head -80 > "Benchmarks/results/review-$name.perf.txt" || true
  fi
  if echo "$out" | grep -q "Non-2xx"; then echo "$label: answers other than 2xx" >&2; exit 1; fi
  printf '%-44s %10s %10s %10s %12s\n' "$label" \
    "$(echo "$out" | awk '$1 == "50%" { print $2 }')" "$(echo "$out" | awk '$1 == "90%" { print $2 }')" \
    "$(echo "$out" | awk '$1 == "99%" { print $2 }')" "$(echo "$out" | awk '$1 == "Requests/sec:" { print $2 }')" >> "$report"
  # One request at a time: the page's own time, without queueing behind the others.
  out=$(wrk -t1 -c1 -d"$duration" --timeout 30s --latency -H "$cookie" "$base$path")
  printf '%-44s %10s %10s %10s %12s\n' "  one connection" \
    "$(echo "$out" | awk '$1 == "50%" { print $2 }')" "$(echo "$out" | awk '$1 == "90%" { print $2 }')" \
    "$(echo "$out" | awk '$1 == "99%" { print $2 }')" "$(echo "$out" | awk '$1 == "Requests/sec:" { print $2 }')" >> "$report"
}
measure "/?show=all ($shown workers)" "/?show=all" list
measure "/workers/$worker ($files files)" "/workers/$worker" worker
awk -v list="$list_cold" -v worker="$worker_cold" \
  'BEGIN { printf "first views (one request each, nothing kept yet): list %.0f ms, worker page %.0f ms\n", list * 1000, worker * 1000 }' >> "$report"
cat "$report"
