// graph.dot: the fact graph as Graphviz DOT, written with Boost.Graph's write_graphviz.
// Quantities are ellipses, facts boxes, inferences small circles; the facts of
// unaccepted findings and the quantities they state are drawn in red.
#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include <set>
#include <sstream>

#include "explain/explain.h"
#include "report/escape.h"
#include "report/report.h"
#include "rules/rule.h"

namespace cc {
namespace {

struct VertexStyle {
  std::string label;
  std::string shape;
  bool flagged = false;
};

std::string constraint_label(const Constraint& c) {
  switch (c.kind) {
    case ConstraintKind::quotient:
      return "÷";
    case ConstraintKind::sum_eq:
      return "=Σ";
    case ConstraintKind::sum_leq:
      return "≥Σ";
    case ConstraintKind::less:
      return "<";
    case ConstraintKind::shares_leq_one:
      return "Σ≤1";
    case ConstraintKind::statement:
      return "";
  }
  return "";
}

}  // namespace

std::string render_dot(const ReportInput& input) {
  const FactBase& base = input.base;
  const FactGraph& graph = input.result.graph;
  std::set<FactIndex> flagged;
  for (const Finding& f : input.result.findings) {
    if (!f.accepted && f.severity == Severity::error)
      flagged.insert(f.facts.begin(), f.facts.end());
  }
  // Vertices: variables, then facts (their statements), then the other constraints.
  std::vector<VertexStyle> styles;
  for (VarId v = 0; v < graph.vars.size(); ++v) {
    styles.push_back({describe_quantity(base, graph, v),
                      graph.vars[v].kind == VarKind::constant ? "plaintext" : "ellipse"});
  }
  using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
  Graph g(graph.vars.size());
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const Constraint& constraint = graph.constraints[c];
    const auto vertex = boost::add_vertex(g);
    // A fact's own value is a box; its record bounds are circles.
    if (constraint.kind == ConstraintKind::statement && constraint.fact &&
        graph.statement_of_fact(*constraint.fact) == c) {
      const Fact& fact = base.facts[*constraint.fact];
      const bool is_flagged = flagged.count(*constraint.fact) > 0;
      styles.push_back({fmt::format("{}\n{}", base.ref(*constraint.fact), fact.value.written),
                        "box", is_flagged});
      if (is_flagged) styles[constraint.vars[0]].flagged = true;
    } else {
      styles.push_back({fmt::format("{}\n{}", constraint_label(constraint), rule_of(constraint).id),
                        "circle", constraint.fact && flagged.count(*constraint.fact) > 0});
    }
    for (const VarId v : constraint.vars) boost::add_edge(vertex, v, g);
  }
  std::ostringstream out;
  boost::write_graphviz(
      out, g,
      [&](std::ostream& o, std::size_t v) {
        const VertexStyle& s = styles[v];
        o << fmt::format("[label={}, shape={}{}]", dot_id(s.label), s.shape,
                         s.flagged ? ", color=red, fontcolor=red, penwidth=2" : "");
      },
      boost::default_writer(),
      [](std::ostream& o) {
        o << "graph [rankdir=LR, fontname=\"Helvetica\"];\nnode [fontname=\"Helvetica\", "
             "fontsize=10];\n";
      });
  return out.str();
}

}  // namespace cc
