#!/usr/bin/env bash
# The screenshots of report.html in docs/ (docs/REPORTS.md), taken in headless Chromium
# at a laptop's 1366×900 and a phone's 390×844. Each view is the page as written, scrolled
# to one part by a one-line script added to a copy of the page (the page's own policy
# allows inline scripts; nothing is fetched).
# Usage: tests/report/screenshots.sh [REPORT_HTML=reports/report.html] [OUT_DIR=docs]
set -euo pipefail
page=$(realpath "${1:-reports/report.html}")
out=$(realpath "${2:-docs}")
chromium=${CHROMIUM:-/usr/bin/chromium}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shot NAME WIDTH HEIGHT CSS_SELECTOR: the view scrolled to the first element matching it
shot() {
  local name=$1 width=$2 height=$3 selector=$4
  # headless --screenshot draws the page from its top whatever the scroll: shift the body up
  # (and Chromium may lay the page out at another width first: shift again on resize)
  local script="function shift(){var b=document.body,e=document.querySelector('$selector');"
  script+="if(!e)return;b.style.marginTop='0';b.style.marginTop=(8-e.getBoundingClientRect().top)+'px';}"
  script+="shift();addEventListener('load',shift);addEventListener('resize',shift);"
  sed "s|</body>|<script>$script</script></body>|" \
    "$page" >"$work/$name.html"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --hide-scrollbars \
    --user-data-dir="$work/profile" --window-size="$width,$height" \
    --screenshot="$out/$name.png" "file://$work/$name.html" 2>/dev/null
}

shot report-laptop 1366 900 'header.top'
shot report-finding-graph 1366 900 '.fgraph'
shot report-charts 1366 900 '#charts'
shot report-sources 1366 900 '#sources'
shot report-phone 390 844 'header.top'
shot report-phone-graph 390 844 '.fgraph'
shot report-phone-charts 390 844 '#charts'
echo "screenshots written to $out"
