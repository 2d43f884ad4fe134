#pragma once
// The parts of report.html, one file each: the page (html.cc), the finding cards
// (html_finding.cc), the charts (html_chart.cc), the style and script (html_assets.cc).
// Private to the HTML reporter.

#include <string>
#include <string_view>

#include "report/excerpt.h"
#include "report/report.h"

namespace cc::html {

extern const std::string_view kStyle;
extern const std::string_view kScript;

// One <article> per finding: its facts with their quotes and lines, steps, notes, accept.
[[nodiscard]] std::string finding_card(const FactBase& base, const Finding& finding,
                                       FactFileLines& lines);

// For each measure, its figures by period and place: one mark per source, the implied
// intervals as bars, the facts of open findings ringed in red.
[[nodiscard]] std::string charts_section(const ReportInput& input);

// A source's mark in the charts, as an inline SVG of `size` px: the same colour and shape
// beside the source's name in the cards and the legends.
[[nodiscard]] std::string source_swatch(SourceIndex source, int size = 12);
// The mark alone, centred on (x, y), for use inside a chart's SVG.
[[nodiscard]] std::string source_mark(SourceIndex source, double x, double y, double radius);

}  // namespace cc::html
