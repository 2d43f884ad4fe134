#include "report/formats.h"

#include <algorithm>
#include <array>

namespace cc {
namespace {

constexpr std::array kFormats = {
    ReportFormat{"md", "report.md", render_markdown, true},
    ReportFormat{"html", "report.html", render_html, true},
    ReportFormat{"json", "report.json", render_json, true},
    ReportFormat{"sarif", "report.sarif", render_sarif, true},
    ReportFormat{"dot", "graph.dot", render_dot, false},  // the whole base: only when asked
    ReportFormat{"svg", "graph.svg", render_graph_svg, false},
};

}  // namespace

std::span<const ReportFormat> report_formats() {
  return kFormats;
}

const ReportFormat* find_report_format(std::string_view name) {
  const auto it = std::find_if(kFormats.begin(), kFormats.end(),
                               [&](const ReportFormat& f) { return f.name == name; });
  return it == kFormats.end() ? nullptr : &*it;
}

}  // namespace cc
