#!/bin/sh
# The hooks of .pre-commit-hooks.yaml run by the real pre-commit on a throwaway repository,
# offline: the hooks repository is a local git repository holding this checkout's
# .pre-commit-hooks.yaml, and the hooks are `language: system` (crosscheck on PATH).
# Usage: pre_commit_hooks.sh SOURCE_DIR CROSSCHECK_BINARY
set -eu
source_dir=$1
binary=$2
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (.ci/deps test)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache" HOME="$work" GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.invalid
export GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.invalid
mkdir -p "$work/bin"
ln -s "$binary" "$work/bin/crosscheck"
export PATH="$work/bin:$PATH"
fail() { echo "FAIL: $*"; exit 1; }

# The hooks repository: this checkout's .pre-commit-hooks.yaml, committed.
git init -q "$work/hooks"
cp "$source_dir/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add -A && git -C "$work/hooks" commit -qm hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

# The newsroom's repository: a fact base in news/, one older source with a finding of its own.
repo="$work/newsroom"
git init -q "$repo"
cd "$repo"
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: crosscheck-lint
      - id: crosscheck-check
YAML
mkdir news
cat > news/vocabulary.yaml <<'YAML'
measures:
  cases: {unit: cases}
places:
  Land: {}
YAML
cat > news/old.yaml <<'YAML'
source: {id: old, title: old, published: 2024-01-01}
facts:
  - {id: a, quote: 3171 cases, value: 3171, measure: cases, where: Land, when: 2019}
  - {id: b, quote: 3217 cases, value: 3217, measure: cases, where: Land, when: 2019}
  - {id: c, quote: 500 cases, value: 500, measure: cases, where: Land, when: 2020}
YAML
git add -A
git -c core.hooksPath=/dev/null commit -qm "the fact base, with an old finding"
pre-commit install >/dev/null

# 1. A draft that agrees with the rest: the commit passes though the old finding stays.
cat > news/draft.yaml <<'YAML'
source: {id: draft, title: draft, published: 2024-03-01}
facts:
  - {id: c, quote: 500 cases, value: 500, measure: cases, where: Land, when: 2020}
YAML
git add news/draft.yaml
git commit -qm "a draft that agrees" > "$work/out1" 2>&1 || { cat "$work/out1"; fail "an agreeing draft was refused"; }
grep -q "crosscheck check.*Passed" "$work/out1" || { cat "$work/out1"; fail "the check hook did not run"; }
grep -q "crosscheck lint.*Passed" "$work/out1" || { cat "$work/out1"; fail "the lint hook did not run"; }

# 2. A draft that contradicts the fact base: the commit is refused, the line names the draft.
cat > news/draft2.yaml <<'YAML'
source: {id: draft2, title: draft2, published: 2024-04-01}
facts:
  - {id: c, quote: 900 cases, value: 900, measure: cases, where: Land, when: 2020}
YAML
git add news/draft2.yaml
if git commit -qm "a draft that contradicts" > "$work/out2" 2>&1; then
  cat "$work/out2"; fail "a contradicting draft was committed"
fi
grep -q "the draft under review (draft2)" "$work/out2" || { cat "$work/out2"; fail "no draft heading"; }
grep -q "\[conflict\]" "$work/out2" || { cat "$work/out2"; fail "no conflict line"; }
grep -q "the draft: 1 error" "$work/out2" || { cat "$work/out2"; fail "no review summary"; }

# 3. An input error in the staged file: lint refuses it with file:line:col.
cat > news/draft2.yaml <<'YAML'
source: {id: draft2, title: draft2, published: 2024-04-01}
facts:
  - {id: c, quote: 900 cases, value: 900, measure: casez, where: Land, when: 2020}
YAML
git add news/draft2.yaml
if git commit -qm "a typo" > "$work/out3" 2>&1; then cat "$work/out3"; fail "a typo was committed"; fi
grep -q "news/draft2.yaml:3:52: error: unknown measure 'casez'" "$work/out3" ||
  { cat "$work/out3"; fail "no lint line for the typo"; }
echo "pre-commit hooks: ok"
