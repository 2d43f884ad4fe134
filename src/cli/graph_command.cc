// crosscheck graph: the fact graph on stdout, as DOT or as SVG drawn by Graphviz. The
// facts of open errors are drawn in red, as in graph.dot and the HTML report.
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "engine/check.h"
#include "report/graphviz.h"
#include "report/report.h"

namespace cc::cli {

int run_graph(const GraphOptions& options, const Streams& streams) {
  const std::optional<FactBase> base = load_or_report(options.facts_dir, streams);
  if (!base) return 2;
  const CheckResult result = run_checks(*base);
  const std::string dot = render_dot(ReportInput{*base, result});
  if (options.format == "dot") {
    streams.out << dot;
    return 0;
  }
  const SvgResult svg = run_dot_svg(dot);
  if (svg.status != SvgStatus::ok) {
    print_error(streams.err, svg.message);
    return 2;
  }
  streams.out << svg.svg;
  return 0;
}

}  // namespace cc::cli
