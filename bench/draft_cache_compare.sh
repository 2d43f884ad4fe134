#!/usr/bin/env bash
# Usage: bench/draft_cache_compare.sh REFERENCE_BINARY BINARY WORKDIR [BASE...]
# For each fact base (default: facts/ and every tests/cases/*, run from the checkout's root)
# and each of its fact files as the draft, runs `check --draft FILE` with REFERENCE_BINARY,
# then twice with BINARY (the second run takes the rest from the cache the first wrote),
# and compares the second run's reports, terminal output and exit status with the
# reference's. Prints one line per difference and a count; exits 1 when any differ.
# With PLAIN_FIRST=1, each draft is a new file instead: in a copy of the fact base without
# it, BINARY checks without a draft (which leaves its ids in the cache), then the file is
# put back and BINARY runs with it as the draft (which must take the rest from that entry:
# a run that does not is counted as differing, unless the check without the file erred),
# against REFERENCE_BINARY's run on the same copy with --no-cache. With AFTER_CHECK=1, each
# draft is a file the fact base holds: BINARY checks the fact base without a draft, then
# runs with the file as the draft (which must take the components that check left, unless
# the fact base errs without the file), against REFERENCE_BINARY's run with --no-cache.
set -u
ref=$1; bin=$2; work=$3; shift 3
bases=("$@")
if [ ${#bases[@]} -eq 0 ]; then
  bases=(facts)
  for d in tests/cases/*/; do d=${d%/}; [ -d "$d/facts" ] && d=$d/facts; bases+=("$d"); done
fi
rm -rf "$work"; mkdir -p "$work"
# The reference's run in $a against BINARY's in $b (the timing lines left out, the out
# folders' paths made alike): the reports, the terminal output and the exit status.
compare() {
  grep -v '^crosscheck: timing: ' "$b/stderr" >"$b/stderr.kept"; mv "$b/stderr.kept" "$b/stderr"
  sed -i "s#$work/ref/$name#OUT#g" "$a/stdout" "$a/stderr"
  sed -i "s#$work/new/$name#OUT#g" "$b/stdout" "$b/stderr"
  if ! diff -r "$a/out" "$b/out" >/dev/null || ! cmp -s "$a/stdout" "$b/stdout" || ! cmp -s "$a/stderr" "$b/stderr"; then
    echo "differs: $file"; bad=$((bad + 1))
  fi
}
runs=0; bad=0; plain_errs=0; taken_count=0
for base in "${bases[@]}"; do
  for file in "$base"/*.yaml; do
    [ "$(basename "$file")" = vocabulary.yaml ] && continue
    name=$(echo "$file" | tr / _)
    a=$work/ref/$name; b=$work/new/$name
    mkdir -p "$a" "$b"
    if [ "${AFTER_CHECK:-0}" = 1 ]; then
      rm -f "$b/.out.rest-cache"
      "$bin" check "$base" --format json --out "$b/out" >/dev/null 2>&1
      "$ref" check "$base" --draft "$file" --no-cache --format json,md,sarif,html --out "$a/out" >"$a/stdout" 2>"$a/stderr"; echo "rc=$?" >>"$a/stdout"
      CROSSCHECK_TIMING=1 "$bin" check "$base" --draft "$file" --format json,md,sarif,html --out "$b/out" >"$b/stdout" 2>"$b/stderr"; echo "rc=$?" >>"$b/stdout"
      runs=$((runs + 1))
      if grep -q 'review (the components cached)' "$b/stderr"; then
        taken_count=$((taken_count + 1))
      elif ! grep -q 'crosscheck: timing: look up the rest: the components found' "$b/stderr"; then
        echo "not looked up: $file"; bad=$((bad + 1)); continue
      fi
      compare
      continue
    fi
    if [ "${PLAIN_FIRST:-0}" = 1 ]; then
      copy=$work/copy/facts
      rm -rf "$work/copy"; mkdir -p "$work/copy"; cp -r "$base" "$copy"
      rm "$copy/$(basename "$file")"
      find "$copy" -type f -exec touch -d '-1 hour' {} +
      "$bin" check "$copy" --format json --out "$b/out" >/dev/null 2>&1; plain=$?
      cp "$file" "$copy/"; touch -d '-1 hour' "$copy/$(basename "$file")"
      draft=$copy/$(basename "$file")
      "$ref" check "$copy" --draft "$draft" --no-cache --format json,md,sarif,html --out "$a/out" >"$a/stdout" 2>"$a/stderr"; echo "rc=$?" >>"$a/stdout"
      CROSSCHECK_TIMING=1 "$bin" check "$copy" --draft "$draft" --format json,md,sarif,html --out "$b/out" >"$b/stdout" 2>"$b/stderr"; echo "rc=$?" >>"$b/stdout"
      runs=$((runs + 1))
      # A fact base that errs without the file (a source names it) leaves no entry.
      taken=0; grep -q 'review (the rest cached)' "$b/stderr" && taken=1
      if [ "$taken" != "$([ $plain = 2 ] && echo 0 || echo 1)" ]; then echo "taken=$taken after a check with status $plain: $file"; bad=$((bad + 1)); continue; fi
      [ $plain = 2 ] && plain_errs=$((plain_errs + 1))
      compare
      continue
    fi
    "$ref" check "$base" --draft "$file" --format json,md,sarif,html --out "$a/out" >"$a/stdout" 2>"$a/stderr"; echo "rc=$?" >>"$a/stdout"
    "$bin" check "$base" --draft "$file" --format json,md,sarif,html --out "$b/out" >/dev/null 2>&1
    "$bin" check "$base" --draft "$file" --format json,md,sarif,html --out "$b/out" >"$b/stdout" 2>"$b/stderr"; echo "rc=$?" >>"$b/stdout"
    runs=$((runs + 1))
    compare
  done
done
echo "$runs draft runs, $bad differ"
[ "${PLAIN_FIRST:-0}" = 1 ] && echo "($plain_errs fact bases err without their draft: nothing to take)"
[ "${AFTER_CHECK:-0}" = 1 ] && echo "($taken_count took components from the check's entry)"
[ "$bad" -eq 0 ]
