#pragma once
// The parts of report.html, one file each: the page (html.cc), the finding cards
// (html_finding.cc), the graphs (html_graph.cc), the charts (html_chart.cc), the style and
// script (html_assets.cc).
// Private to the HTML reporter.

#include <string>
#include <string_view>
#include <vector>

#include "report/excerpt.h"
#include "report/report.h"

namespace cc::html {

extern const std::string_view kStyle;
extern const std::string_view kScript;

// One <article> per finding: its facts with their quotes and lines, its graph (`graph`,
// a drawn <svg>, or empty for none), steps, notes, accept.
[[nodiscard]] std::string finding_card(const FactBase& base, const Finding& finding,
                                       FactFileLines& lines, std::string_view graph);

// Each finding's own graph, drawn by Graphviz in one run: `svg[i]` for findings[i], empty
// where a finding has none (one fact, or past HtmlOptions::max_finding_graphs).
struct FindingGraphs {
  std::vector<std::string> svg;
  std::string problem;       // why none is drawn (Graphviz missing, failed, too slow)
  std::size_t left_out = 0;  // findings past the limit
};
[[nodiscard]] FindingGraphs draw_finding_graphs(const ReportInput& input,
                                                const HtmlOptions& options);
// The figure in a card around a finding's drawn graph; empty for an empty `svg`.
[[nodiscard]] std::string finding_graph_block(std::string_view svg);
// What the findings' section says when their graphs could not all be drawn.
[[nodiscard]] std::string finding_graphs_notice(const FindingGraphs& graphs);
// The whole fact graph, behind a link ("Show the whole fact graph"); not drawn above
// HtmlOptions::max_graph_size vertices, where it says how to ask for it.
[[nodiscard]] std::string whole_graph_section(const ReportInput& input, const HtmlOptions& options);

// For each measure, its figures by period and place: one mark per source, the implied
// intervals as bars, the facts of open findings ringed in red.
[[nodiscard]] std::string charts_section(const ReportInput& input);

// A source's mark in the charts, as an inline SVG of `size` px: the same colour and shape
// beside the source's name in the cards and the legends.
[[nodiscard]] std::string source_swatch(SourceIndex source, int size = 12);
// The mark alone, centred on (x, y), for use inside a chart's SVG.
[[nodiscard]] std::string source_mark(SourceIndex source, double x, double y, double radius);

}  // namespace cc::html
