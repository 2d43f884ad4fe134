#!/usr/bin/env bash
# Usage: bench/draft_cache_compare.sh REFERENCE_BINARY BINARY WORKDIR [BASE...]
# For each fact base (default: facts/ and every tests/cases/*, run from the checkout's root)
# and each of its fact files as the draft, runs `check --draft FILE` with REFERENCE_BINARY,
# then twice with BINARY (the second run takes the rest from the cache the first wrote),
# and compares the second run's reports, terminal output and exit status with the
# reference's. Prints one line per difference and a count; exits 1 when any differ.
set -u
ref=$1; bin=$2; work=$3; shift 3
bases=("$@")
if [ ${#bases[@]} -eq 0 ]; then
  bases=(facts)
  for d in tests/cases/*/; do d=${d%/}; [ -d "$d/facts" ] && d=$d/facts; bases+=("$d"); done
fi
rm -rf "$work"; mkdir -p "$work"
runs=0; bad=0
for base in "${bases[@]}"; do
  for file in "$base"/*.yaml; do
    [ "$(basename "$file")" = vocabulary.yaml ] && continue
    name=$(echo "$file" | tr / _)
    a=$work/ref/$name; b=$work/new/$name
    mkdir -p "$a" "$b"
    "$ref" check "$base" --draft "$file" --format json,md,sarif,html --out "$a/out" >"$a/stdout" 2>"$a/stderr"; echo "rc=$?" >>"$a/stdout"
    "$bin" check "$base" --draft "$file" --format json,md,sarif,html --out "$b/out" >/dev/null 2>&1
    "$bin" check "$base" --draft "$file" --format json,md,sarif,html --out "$b/out" >"$b/stdout" 2>"$b/stderr"; echo "rc=$?" >>"$b/stdout"
    runs=$((runs + 1))
    sed -i "s#$work/ref/$name#OUT#g" "$a/stdout" "$a/stderr"
    sed -i "s#$work/new/$name#OUT#g" "$b/stdout" "$b/stderr"
    if ! diff -r "$a/out" "$b/out" >/dev/null || ! cmp -s "$a/stdout" "$b/stdout" || ! cmp -s "$a/stderr" "$b/stderr"; then
      echo "differs: $file"; bad=$((bad + 1))
    fi
  done
done
echo "$runs draft runs, $bad differ"
[ "$bad" -eq 0 ]
