#pragma once
// What the solver's run tests share: a fact base of the tests loaded with its graph, and a
// fingerprint of everything a run leaves that a caller reads (tests/solve/in_play_test.cc,
// tests/solve/settled_test.cc, tests/solve/resume_test.cc).

#include <algorithm>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "load/loader.h"
#include "rules/build.h"
#include "solve/conflicts.h"
#include "solve/in_play.h"
#include "solve/propagate.h"
#include "support/test_support.h"

namespace cc::test {

// One fact base of fact_dirs(), loaded, its graph built, its facts by component and a
// thread's mask of facts in play (all zeros).
struct RunBase {
  explicit RunBase(const std::filesystem::path& dir)
      : base(load(dir)),
        graph(build_graph(base)),
        of_facts(graph, base.facts.size()),
        facts(facts_by_component(graph)),
        mask(base.facts.size(), 0) {}
  RunBase(const RunBase&) = delete;
  RunBase& operator=(const RunBase&) = delete;

  FactBase base;
  FactGraph graph;
  ConstraintsOfFacts of_facts;
  std::vector<std::vector<FactIndex>> facts;
  std::vector<char> mask;

 private:
  static FactBase load(const std::filesystem::path& dir) {
    Diagnostics diagnostics;
    return load_fact_base(dir.string(), diagnostics);
  }
};

enum class WithDetails : bool { no, yes };

// The outcome, every event with its antecedents (and, asked, its details: the interval
// computed and the one before), the domains of the component's variables.
inline std::string fingerprint(const Propagator& p, const Propagator::Outcome& outcome,
                               const FactGraph& graph, std::span<const ConstraintId> component,
                               WithDetails details = WithDetails::no) {
  std::string out = outcome.exhausted ? "exhausted;" : "";
  if (outcome.contradiction) {
    out += "contradiction " + std::to_string(outcome.contradiction->var) + " " +
           std::to_string(outcome.contradiction->lower) + " " +
           std::to_string(outcome.contradiction->upper) + ";";
  }
  for (std::size_t i = 0; i < p.events().size(); ++i) {
    const Event& e = p.events()[i];
    out += std::to_string(e.var) + "/" + std::to_string(e.cause) + (e.lower ? "l" : "") +
           (e.upper ? "u" : "") + "<";
    for (const EventId a : p.antecedents(e)) out += std::to_string(a) + ",";
    out += ">";
    if (details == WithDetails::yes && i < p.details().size())
      out += to_string(p.details()[i].computed) + "|" + to_string(p.details()[i].before);
  }
  out += ";";
  for (const ConstraintId c : component)
    for (const VarId v : graph.constraints[c].vars) out += to_string(p.domain(v)) + " ";
  return out;
}

}  // namespace cc::test
