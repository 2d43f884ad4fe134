// graph.dot: the fact graph as Graphviz DOT, written with Boost.Graph's write_graphviz.
// Quantities are ellipses, facts boxes, inferences small circles; the facts of
// unaccepted findings and the quantities they state are drawn in red. The same drawing,
// cut down to one finding, goes into that finding's card in report.html.
#include "report/dot.h"

#include <fmt/format.h>
#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/graphviz.hpp>

#include <algorithm>
#include <deque>
#include <set>
#include <sstream>
#include <unordered_map>

#include "explain/explain.h"
#include "model/terminal_text.h"
#include "report/escape.h"
#include "report/report.h"
#include "report/report_text.h"
#include "rules/rule.h"

namespace cc {
namespace {

struct VertexStyle {
  std::string label;
  std::string shape;
  std::string color;     // as DOT writes it (red, "#b3261e"); empty: Graphviz's black
  bool doubted = false;  // filled: the number to check
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
    case ConstraintKind::difference:
      return "−";
    case ConstraintKind::rank:
      return "rank";
    case ConstraintKind::statement:
      return "";
  }
  return "";
}

// A fact's own value is a box; every other constraint (a relation, an inference, a
// record's bounds) a circle named by its rule.
bool is_fact_box(const FactGraph& graph, ConstraintId c) {
  const Constraint& constraint = graph.constraints[c];
  return constraint.kind == ConstraintKind::statement && constraint.fact &&
         graph.statement_of_fact(*constraint.fact) == c;
}

VertexStyle var_style(const FactBase& base, const FactGraph& graph, VarId v) {
  return {describe_quantity(base, graph, v),
          graph.vars[v].kind == VarKind::constant ? "plaintext" : "ellipse",
          {}};
}

VertexStyle constraint_style(const FactBase& base, const FactGraph& graph, ConstraintId c) {
  const Constraint& constraint = graph.constraints[c];
  if (is_fact_box(graph, c)) {
    const FactIndex f = *constraint.fact;
    return {fmt::format("{}\n{}", base.ref(f), base.facts[f].value.written), "box", {}};
  }
  return {
      fmt::format("{}\n{}", constraint_label(constraint), rule_of(constraint).id), "circle", {}};
}

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;

std::string write_dot(const Graph& g, const std::vector<VertexStyle>& styles) {
  std::ostringstream out;
  boost::write_graphviz(
      out, g,
      [&](std::ostream& o, std::size_t v) {
        const VertexStyle& s = styles[v];
        o << fmt::format("[label={}, shape={}", dot_id(s.label), s.shape);
        if (!s.color.empty()) o << fmt::format(", color={0}, fontcolor={0}, penwidth=2", s.color);
        if (s.doubted) o << ", style=filled, fillcolor=\"#fde2df\", penwidth=3";
        o << "]";
      },
      boost::default_writer(),
      [](std::ostream& o) {
        o << "graph [rankdir=LR, fontname=\"Helvetica\"];\nnode [fontname=\"Helvetica\", "
             "fontsize=10];\n";
      });
  return out.str();
}

// The colour of a finding's facts in its own graph, as in the card's left border.
std::string status_color(std::string_view status) {
  if (status == "error") return "\"#b3261e\"";
  if (status == "warning") return "\"#a15c00\"";
  if (status == "accepted") return "\"#3d6b35\"";
  return "\"#245f99\"";
}

// Breadth-first from one vertex of the factor graph (vars 0..n-1, then constraints),
// never through a constant (a period's length joins unrelated rates) nor a fact's own
// statement (a leaf). Returns each reached vertex's parent.
std::unordered_map<std::size_t, std::size_t> search(const FactGraph& graph, VarId start,
                                                    std::size_t visit_limit) {
  const std::size_t nv = graph.vars.size();
  std::unordered_map<std::size_t, std::size_t> parent{{start, start}};
  std::deque<std::size_t> queue{start};
  auto visit = [&](std::size_t next, std::size_t from) {
    if (parent.size() >= visit_limit || parent.count(next) > 0) return;
    parent.emplace(next, from);
    queue.push_back(next);
  };
  while (!queue.empty()) {
    const std::size_t at = queue.front();
    queue.pop_front();
    if (at < nv) {
      if (graph.vars[at].kind == VarKind::constant && at != start) continue;
      for (const ConstraintId c : graph.constraints_of(static_cast<VarId>(at))) {
        if (graph.constraints[c].kind != ConstraintKind::statement) visit(nv + c, at);
      }
    } else {
      for (const VarId v : graph.constraints[at - nv].vars) visit(v, at);
    }
  }
  return parent;
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
  for (VarId v = 0; v < graph.vars.size(); ++v) styles.push_back(var_style(base, graph, v));
  Graph g(graph.vars.size());
  for (ConstraintId c = 0; c < graph.constraints.size(); ++c) {
    const Constraint& constraint = graph.constraints[c];
    const auto vertex = boost::add_vertex(g);
    styles.push_back(constraint_style(base, graph, c));
    if (constraint.fact && flagged.count(*constraint.fact) > 0) {
      styles.back().color = "red";
      if (is_fact_box(graph, c)) styles[constraint.vars[0]].color = "red";
    }
    for (const VarId v : constraint.vars) boost::add_edge(vertex, v, g);
  }
  return write_dot(g, styles);
}

FindingGraph finding_graph(const FactGraph& graph, const Finding& finding,
                           std::size_t visit_limit) {
  const std::size_t nv = graph.vars.size();
  std::set<VarId> vars;
  std::set<ConstraintId> constraints;
  std::vector<VarId> stated;
  for (const FactIndex f : finding.facts) {
    const auto v = graph.var_of_fact(f);
    const auto c = graph.statement_of_fact(f);
    if (!v || !c) continue;
    stated.push_back(*v);
    vars.insert(*v);
    constraints.insert(*c);
  }
  for (std::size_t i = 0; i < stated.size(); ++i) {
    const auto parent = search(graph, stated[i], visit_limit);
    for (std::size_t j = i + 1; j < stated.size(); ++j) {
      if (parent.count(stated[j]) == 0) continue;
      for (std::size_t at = stated[j]; at != stated[i]; at = parent.at(at)) {
        if (at < nv) {
          vars.insert(static_cast<VarId>(at));
        } else {
          constraints.insert(static_cast<ConstraintId>(at - nv));
        }
      }
    }
  }
  // A small relation shows all its quantities (a rate's period length, a share's whole).
  for (const ConstraintId c : constraints) {
    if (graph.constraints[c].vars.size() <= 4)
      vars.insert(graph.constraints[c].vars.begin(), graph.constraints[c].vars.end());
  }
  return {{vars.begin(), vars.end()}, {constraints.begin(), constraints.end()}};
}

std::string render_finding_dot(const ReportInput& input, const Finding& finding,
                               const FindingGraph& part) {
  const FactBase& base = input.base;
  const FactGraph& graph = input.result.graph;
  const std::string color = status_color(finding_status(finding));
  const std::set<FactIndex> own(finding.facts.begin(), finding.facts.end());
  std::unordered_map<VarId, std::size_t> index;
  std::vector<VertexStyle> styles;
  for (const VarId v : part.vars) {
    index.emplace(v, styles.size());
    styles.push_back(var_style(base, graph, v));
  }
  Graph g(part.vars.size());
  for (const ConstraintId c : part.constraints) {
    const Constraint& constraint = graph.constraints[c];
    const auto vertex = boost::add_vertex(g);
    styles.push_back(constraint_style(base, graph, c));
    if (is_fact_box(graph, c) && own.count(*constraint.fact) > 0) {
      styles.back().color = color;
      styles[index.at(constraint.vars[0])].color = color;
      if (finding.diagnosis && finding.diagnosis->doubt == *constraint.fact) {
        styles.back().doubted = true;
        styles.back().label = "check: " + styles.back().label;
      }
    }
    for (const VarId v : constraint.vars) {
      const auto it = index.find(v);
      if (it != index.end()) boost::add_edge(vertex, it->second, g);
    }
  }
  return write_dot(g, styles);
}

}  // namespace cc
