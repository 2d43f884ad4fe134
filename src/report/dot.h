#pragma once
// The fact graph as Graphviz DOT: the whole base (graph.dot, `crosscheck graph`) or the
// small part of it that shows one finding (the graph in the finding's card of report.html).

#include <string>
#include <vector>

#include "report/report.h"

namespace cc {

// The part of the fact graph that shows one finding: the quantities its facts state, and
// the quantities and constraints (claims and inferences) on the shortest paths between
// them. A search visits at most `visit_limit` vertices from each fact, so a finding in a
// base of millions of facts costs what its neighbourhood costs.
struct FindingGraph {
  std::vector<VarId> vars;                // sorted
  std::vector<ConstraintId> constraints;  // sorted; the facts' own statements included
};
[[nodiscard]] FindingGraph finding_graph(const FactGraph& graph, const Finding& finding,
                                         std::size_t visit_limit = 4000);

// The DOT of a finding's graph: its facts boxed in the colour of its status, the doubted
// fact (Finding::diagnosis) filled and labelled "check", the rest of the base left out.
[[nodiscard]] std::string render_finding_dot(const ReportInput& input, const Finding& finding,
                                             const FindingGraph& part);

}  // namespace cc
