// report.html: the graphs. Each finding's card holds its own small graph (its facts, the
// quantities they state, the claims and inferences between them, the doubted fact
// filled); the whole fact graph sits behind a link at the end of the page, and a base too
// large to draw gets a sentence saying how to draw it instead. All the findings' graphs
// go to Graphviz in one run (one DOT graph after another, one SVG each).
#include <fmt/format.h>

#include <algorithm>

#include "load/parallel.h"

#include "report/dot.h"
#include "report/escape.h"
#include "report/graphviz.h"
#include "report/html_parts.h"

namespace cc::html {
namespace {

DotOptions dot_options(const HtmlOptions& options) {
  DotOptions dot;
  dot.program = options.dot_program;
  dot.time_limit = std::chrono::seconds(options.dot_seconds);
  return dot;
}

// A finding is worth a graph when it joins at least two facts through the graph.
bool worth_drawing(const Finding& finding, const FindingGraph& part) {
  return finding.facts.size() >= 2 && part.constraints.size() >= 2;
}

// The <svg> elements of SVG documents written one after another, in order.
std::vector<std::string> split_svgs(std::string_view documents) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = documents.find("<svg", at)) != std::string_view::npos) {
    const std::size_t end = documents.find("</svg>", at);
    if (end == std::string_view::npos) break;
    out.push_back(std::string(documents.substr(at, end + 6 - at)));
    at = end + 6;
  }
  return out;
}

std::string vertex_count(std::size_t n) {
  return fmt::format("{} {}", n, n == 1 ? "vertex" : "vertices");
}

// The DOT of findings[from], findings[from + 1] … (empty where a finding is not worth a
// graph), `count` of them at once on the input's threads.
std::vector<std::string> finding_dots(const ReportInput& input, std::size_t from,
                                      std::size_t count) {
  const std::vector<Finding>& findings = input.result.findings;
  std::vector<std::string> dots(count);
  load::parallel_for(count, input.threads, [&](std::size_t k) {
    const Finding& finding = findings[from + k];
    const FindingGraph part = finding_graph(input.result.graph, finding);
    if (worth_drawing(finding, part)) dots[k] = render_finding_dot(input, finding, part);
  });
  return dots;
}

}  // namespace

FindingGraphs draw_finding_graphs(const ReportInput& input, const HtmlOptions& options) {
  const std::vector<Finding>& findings = input.result.findings;
  FindingGraphs graphs;
  graphs.svg.resize(findings.size());
  std::string dot;
  std::vector<std::size_t> drawn;  // the findings whose graph is in `dot`, in order
  // The findings in order until max_finding_graphs are drawn: each batch holds as many as
  // could still be drawn, so none is searched past the limit, and the batch's graphs are
  // searched at once and taken in order.
  std::size_t i = 0;
  while (i < findings.size() && drawn.size() < options.max_finding_graphs) {
    const std::size_t batch =
        std::min(findings.size() - i, options.max_finding_graphs - drawn.size());
    const std::vector<std::string> dots = finding_dots(input, i, batch);
    for (std::size_t k = 0; k < batch; ++k) {
      if (dots[k].empty()) continue;
      dot += dots[k];
      drawn.push_back(i + k);
    }
    i += batch;
  }
  if (i < findings.size()) graphs.left_out = findings.size() - i;
  if (drawn.empty()) return graphs;
  const SvgResult result = run_dot_svg(dot, dot_options(options));
  if (result.status != SvgStatus::ok) {
    graphs.problem = result.message;
    return graphs;
  }
  const std::vector<std::string> svgs = split_svgs(result.svg);
  if (svgs.size() != drawn.size()) {
    graphs.problem =
        fmt::format("Graphviz drew {} graphs for {} findings", svgs.size(), drawn.size());
    return graphs;
  }
  for (std::size_t k = 0; k < drawn.size(); ++k) graphs.svg[drawn[k]] = svgs[k];
  return graphs;
}

std::string finding_graph_block(std::string_view svg) {
  if (svg.empty()) return {};
  return fmt::format(
      "<figure class=\"fgraph\"><figcaption>How its facts meet: the facts (boxes), the "
      "quantities they state (ellipses), the claims and rules between them (circles); the "
      "filled box is the number to check (on a phone, scroll it sideways).</figcaption><div "
      "class=\"fgraph-scroll\"><div "
      "class=\"drawn\">{}</div></div></figure>\n",
      svg);
}

std::string finding_graphs_notice(const FindingGraphs& graphs) {
  std::string out;
  if (!graphs.problem.empty()) {
    out += fmt::format(
        "<p class=\"notice\" id=\"finding-graphs-missing\">The findings' graphs are not drawn: "
        "{}.</p>\n",
        html_escape(graphs.problem));
  }
  if (graphs.left_out > 0) {
    out += fmt::format(
        "<p class=\"notice\">The first findings have their own graph; the last {} do not (too "
        "many to draw in one page).</p>\n",
        graphs.left_out);
  }
  return out;
}

std::string whole_graph_section(const ReportInput& input, const HtmlOptions& options) {
  const std::size_t size = input.result.graph.vars.size() + input.result.graph.constraints.size();
  std::string out = fmt::format(
      "<section id=\"graph\"><h2>The whole fact graph</h2>\n<p class=\"help\">Every fact of the "
      "base ({}): boxes are facts (source/fact and value), ellipses the quantities they state, "
      "circles the rules that relate them. Red: the facts of open errors and the quantities "
      "they state. Each finding above has its own part of it.</p>\n",
      vertex_count(size));
  if (size > options.max_graph_size) {
    return out + fmt::format(
                     "<p class=\"notice\" id=\"graph-not-drawn\">The whole graph has {}: too "
                     "many to draw in this page (the limit is {}). Ask for it: <code>crosscheck "
                     "check --format md,html,json,sarif,dot</code> writes graph.dot, "
                     "<code>crosscheck graph FACTS_DIR --format svg</code> draws it.</p>"
                     "</section>\n",
                     vertex_count(size), options.max_graph_size);
  }
  const std::string dot = render_dot(input);
  const SvgResult svg = run_dot_svg(dot, dot_options(options));
  if (svg.status == SvgStatus::ok) {
    return out +
           "<details id=\"whole-graph\"><summary>Show the whole fact graph</summary>"
           "<div class=\"graph-box\"><button type=\"button\" id=\"fit\" hidden>Fit to "
           "width</button><div class=\"graph-scroll\"><div class=\"drawn\">" +
           inline_svg(svg.svg) + "</div></div></div></details></section>\n";
  }
  return out +
         fmt::format(
             "<p class=\"notice\" id=\"graph-missing\">The graph is not drawn: {}. Its DOT is "
             "below.</p><details><summary>DOT</summary><pre class=\"dot\">{}</pre>"
             "</details></section>\n",
             html_escape(svg.message), html_escape(dot));
}

}  // namespace cc::html
