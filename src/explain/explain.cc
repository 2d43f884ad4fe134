// From a minimal conflict to a finding: re-derive the contradiction from the minimal set
// alone (so every step is needed), name its rule, and measure its gap.
#include "explain/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <unordered_set>
#include <vector>

#include "rules/records.h"
#include "rules/rule.h"
#include "rules/time_units.h"
#include "rules/wording.h"

namespace cc {
namespace {

struct Derivation {
  Contradiction contradiction;
  std::vector<EventId> events;
};

// A part-of-whole step: parts within a whole, or shares of disjoint parts within 100%.
bool is_containment_step(const Constraint& c) {
  return c.kind == ConstraintKind::sum_leq || c.kind == ConstraintKind::shares_leq_one;
}

bool is_tiling_step(const Constraint& c) {
  return c.kind == ConstraintKind::sum_eq && made_by(c, RuleRole::tilings);
}

class ConflictExplainer {
 public:
  ConflictExplainer(const FactBase& base, const FactGraph& graph, Propagator& propagator,
                    const MinimalConflict& conflict, const ConstraintsOfFacts& of_facts,
                    std::vector<char>& mask)
      : base_(base),
        graph_(graph),
        propagator_(propagator),
        conflict_(conflict),
        in_play_(graph, of_facts, mask, graph.components()[conflict.component]) {}

  Finding explain() {
    Finding finding;
    const auto outcome = run_members(Recording::full);
    finding.facts = ordered_facts();
    if (!outcome.contradiction) {  // cannot happen for a minimal set; keep the facts anyway
      finding.rule = FindingRule::implied;
      finding.message = "these facts could not all be true when first checked";
      return finding;
    }
    const Contradiction& x = *outcome.contradiction;
    const EventId roots[] = {x.lower, x.upper};
    derivation_ = propagator_.derivation(roots);
    events_ = propagator_.events();  // later runs reuse the propagator
    details_ = propagator_.details();
    finding.quantity = describe_quantity(base_, graph_, x.var);
    finding.steps = derivation_steps(base_, graph_, propagator_, roots);
    last_step_ = finding.steps.empty() ? std::string() : finding.steps.back();
    const auto [low_side, high_side] = sides(x);
    finding.steps.push_back(final_step(x, low_side, high_side));
    finding.rule = classify();
    finding.message = message(finding.rule, x, low_side, high_side);
    finding.gap = gap(x, low_side, high_side);
    return finding;
  }

 private:
  // The blamed fact first, then its own source's facts, then the rest in file order.
  std::vector<FactIndex> ordered_facts() const {
    std::vector<FactIndex> facts = conflict_.facts;
    const SourceIndex source = base_.facts[conflict_.blame].source;
    std::stable_sort(facts.begin(), facts.end(), [&](FactIndex a, FactIndex b) {
      const auto rank = [&](FactIndex f) {
        return f == conflict_.blame ? 0 : base_.facts[f].source == source ? 1 : 2;
      };
      return rank(a) < rank(b);
    });
    return facts;
  }

  // What the lower end's derivation and the upper end's derivation each say.
  std::pair<Interval, Interval> sides(const Contradiction& x) const {
    const auto side = [&](EventId e) {
      if (e == kNoEvent) return Propagator::initial_domain(graph_, x.var);
      const Event& event = events_[e];
      const Constraint& cause = graph_.constraints[event.cause];
      if (cause.kind == ConstraintKind::statement)
        return graph_.value_of(cause);  // as the fact says
      Interval computed = details_[e].computed;
      if (graph_.vars[x.var].integer && !computed.integers().is_empty())
        computed = computed.integers();
      return computed;
    };
    return {side(x.lower), side(x.upper)};
  }

  std::string final_step(const Contradiction& x, const Interval& low, const Interval& high) const {
    const std::string name = describe_quantity(base_, graph_, x.var);
    if (whole_number_gap(x)) {
      return fmt::format("{} would have to be {}, and no whole number is", name,
                         describe(details_[x.lower].computed));
    }
    return fmt::format("{} cannot be both {} and {}", name,
                       describe_value(base_, graph_, x.var, low),
                       describe_value(base_, graph_, x.var, high));
  }

  bool uses(const std::function<bool(const Constraint&, const Event&)>& test) const {
    return std::any_of(derivation_.begin(), derivation_.end(), [&](EventId e) {
      const Event& event = events_[e];
      return test(graph_.constraints[event.cause], event);
    });
  }

  // A count whose computed interval holds no whole number (25% of 11 schools): the
  // relative distance to the nearest whole number outside it.
  std::optional<Rational> whole_number_gap(const Contradiction& x) const {
    if (x.lower != x.upper || x.lower == kNoEvent || !graph_.vars[x.var].integer)
      return std::nullopt;
    const Interval& computed = details_[x.lower].computed;
    if (computed.is_empty() || !computed.lo() || !computed.hi()) return std::nullopt;
    const Rational above = Rational(ceil_of(computed.hi()->value));
    const Rational below = Rational(floor_of(computed.lo()->value));
    std::optional<Rational> gap;
    if (computed.hi()->value > 0) gap = (above - computed.hi()->value) / computed.hi()->value;
    if (below > 0) {
      const Rational down = (computed.lo()->value - below) / below;
      if (!gap || down < *gap) gap = down;
    }
    return gap;
  }

  FindingRule classify() {
    if (uses([](const Constraint& c, const Event&) { return made_by(c, RuleRole::records); }))
      return FindingRule::record;
    if (uses([](const Constraint& c, const Event&) { return is_containment_step(c); }))
      return FindingRule::containment;
    if (uses([](const Constraint& c, const Event&) { return is_tiling_step(c); }) &&
        parts_exceed_whole()) {
      return FindingRule::containment;
    }
    std::unordered_set<VarId> stated;
    for (const FactIndex f : conflict_.facts) {
      if (const auto v = graph_.var_of_fact(f)) stated.insert(*v);
    }
    if (stated.size() == 1) return FindingRule::conflict;
    if (recomputes()) return FindingRule::recompute;
    return FindingRule::implied;
  }

  // Still contradictory when tiling periods only bound their span from below: the parts
  // exceed the whole (quarters summing above their year), rather than falling short of it.
  bool parts_exceed_whole() {
    propagator_.relax_tilings(true);
    const bool still = run_members(Recording::none).contradiction.has_value();
    propagator_.relax_tilings(false);
    return still;
  }

  // One relation claim, and figures stating each of its operands directly.
  bool recomputes() const {
    std::vector<FactIndex> claims;
    for (const FactIndex f : conflict_.facts) {
      if (base_.facts[f].kind != FactKind::figure) claims.push_back(f);
    }
    if (claims.size() != 1) return false;
    const auto claim_var = graph_.var_of_fact(claims[0]);
    if (!claim_var) return false;
    std::unordered_set<VarId> stated;
    for (const FactIndex f : conflict_.facts) {
      if (f == claims[0]) continue;
      const auto v = graph_.var_of_fact(f);
      if (!v) return false;
      stated.insert(*v);
    }
    for (const VarId operand : operands_through_rates(*claim_var)) {
      if (graph_.vars[operand].kind != VarKind::constant && !stated.count(operand)) return false;
      stated.erase(operand);
    }
    return stated.empty();
  }

  // A claim's operands; a difference with `per` is computed from the figures of its rates.
  std::vector<VarId> operands_through_rates(VarId claim) const {
    const Variable& var = graph_.vars[claim];
    const bool per =
        var.kind == VarKind::difference && var.defined_by && base_.facts[*var.defined_by].per;
    if (!per) return {var.operands.begin(), var.operands.end()};
    std::vector<VarId> out;
    for (const VarId rate : var.operands) {
      const auto& of = graph_.vars[rate].operands;
      out.insert(out.end(), of.begin(), of.end());
    }
    return out;
  }

  std::string claim_name(const Fact& fact) const {
    switch (fact.kind) {
      case FactKind::change:
        return fact.direction == Direction::rise ? "a rise" : "a fall";
      case FactKind::share:
        return "a share";
      case FactKind::ratio:
        return "a ratio";
      case FactKind::rate:
        return "a rate";
      case FactKind::interval:
        return "an interval";
      case FactKind::total:
        return "a total";
      case FactKind::difference:
        return fact.direction == Direction::rise ? "a difference" : "a fall";
      case FactKind::figure:
        return "a figure";
    }
    return "a claim";
  }

  // What the rest of the minimal set implies for a fact's own quantity, in its terms.
  std::optional<Interval> implied_without(FactIndex f) {
    const auto var = graph_.var_of_fact(f);
    if (!var) return std::nullopt;
    const auto outcome = run_members(Recording::none, f);
    if (outcome.contradiction) return std::nullopt;
    return propagator_.domain(*var);
  }

  std::string in_fact_terms(const Fact& fact, const Interval& var_interval) const {
    const bool percent =
        fact.value.percent || fact.kind == FactKind::change || fact.kind == FactKind::share;
    if (fact.kind == FactKind::change) {
      const Interval one = Interval::point(1);
      return describe(fact.direction == Direction::rise ? var_interval - one : one - var_interval,
                      true);
    }
    if (fact.kind == FactKind::difference && fact.direction == Direction::fall)
      return describe(-var_interval, percent);
    return describe(var_interval, percent);
  }

  std::string message(FindingRule rule, const Contradiction& x, const Interval& low,
                      const Interval& high) {
    const std::string name = describe_quantity(base_, graph_, x.var);
    switch (rule) {
      case FindingRule::conflict:
        return fmt::format("{} is stated as {} and as {}", name,
                           describe_value(base_, graph_, x.var, low),
                           describe_value(base_, graph_, x.var, high));
      case FindingRule::recompute:
        return recompute_message();
      case FindingRule::containment:
        return containment_message();
      case FindingRule::record:
        return record_message(name, x, low, high);
      default:
        if (whole_number_gap(x)) {
          const Fact& blamed = base_.facts[conflict_.blame];
          if (!last_step_.empty()) {
            return fmt::format("'{}' ({}) leaves no whole number: {}", base_.ref(conflict_.blame),
                               blamed.value.written, last_step_);
          }
          return fmt::format("the facts imply that {} is {}, which holds no whole number", name,
                             describe(details_[x.lower].computed));
        }
        return fmt::format("the facts imply different values for {}: {} and {}", name,
                           describe_value(base_, graph_, x.var, low),
                           describe_value(base_, graph_, x.var, high));
    }
  }

  std::string recompute_message() {
    const FactIndex claim =
        *std::find_if(conflict_.facts.begin(), conflict_.facts.end(),
                      [&](FactIndex f) { return base_.facts[f].kind != FactKind::figure; });
    const Fact& fact = base_.facts[claim];
    const auto implied = implied_without(claim);
    if (!implied)
      return fmt::format("'{}' does not match the figures it is computed from", base_.ref(claim));
    std::vector<std::string> figures;
    for (const FactIndex f : conflict_.facts) {
      if (f != claim)
        figures.push_back(fmt::format("{} ('{}')", base_.facts[f].value.written, base_.ref(f)));
    }
    return fmt::format("'{}' states {} of {}, but {} {} {}", base_.ref(claim), claim_name(fact),
                       fact.value.written, join_words(figures),
                       figures.size() == 1 ? "gives" : "give", in_fact_terms(fact, *implied));
  }

  // The last containment step of the derivation names the part and the whole.
  std::string containment_message() const {
    for (auto it = derivation_.rbegin(); it != derivation_.rend(); ++it) {
      const Constraint& c = graph_.constraints[events_[*it].cause];
      if (!is_containment_step(c) && !is_tiling_step(c)) continue;
      if (c.kind == ConstraintKind::shares_leq_one) {
        return fmt::format("disjoint shares of {} add up to more than 100%",
                           describe_quantity(base_, graph_, graph_.vars[c.vars[0]].operands[1]));
      }
      const std::string whole = describe_quantity(base_, graph_, c.vars[0]);
      const std::string why = rule_of(c).reason(base_, graph_, c);
      if (c.vars.size() == 2) {
        return fmt::format("{} exceeds {}, which holds it ({})",
                           describe_quantity(base_, graph_, c.vars[1]), whole, why);
      }
      return fmt::format("the parts of {} add up to more than it ({})", whole, why);
    }
    return "a part exceeds its whole";
  }

  // The quantities a record constraint compares (the terms of a sum included), the record's
  // own (`own`) left out.
  std::vector<VarId> compared_vars(const Constraint& c, std::optional<KeyId> own) const {
    std::vector<VarId> keys;
    for (const VarId v : c.vars) {
      const Variable& var = graph_.vars[v];
      if (var.kind == VarKind::key && var.key != own) keys.push_back(v);
      if (var.kind != VarKind::sum) continue;
      for (const VarId t : var.operands) {
        if (graph_.vars[t].kind == VarKind::key && graph_.vars[t].key != own) keys.push_back(t);
      }
    }
    return keys;
  }

  // The figures a record constraint compares the record with: those the conflict's facts
  // state, else the first one.
  std::vector<std::string> compared_figures(const Constraint& c, KeyId own) const {
    const std::vector<VarId> keys = compared_vars(c, own);
    std::unordered_set<VarId> stated;
    for (const FactIndex f : conflict_.facts) {
      if (const auto v = graph_.var_of_fact(f)) stated.insert(*v);
    }
    std::vector<std::string> out;
    for (const VarId v : keys) {
      if (stated.contains(v)) out.push_back(describe_quantity(base_, graph_, v));
    }
    if (out.empty() && !keys.empty()) out.push_back(describe_quantity(base_, graph_, keys[0]));
    return out;
  }

  // When the fact to check is neither the record claim nor a figure it is compared with, the
  // record is only one link of the chain: the message says what the facts imply, then which
  // record claim they lean on.
  std::string record_message(const std::string& name, const Contradiction& x, const Interval& low,
                             const Interval& high_side) const {
    for (auto it = derivation_.rbegin(); it != derivation_.rend(); ++it) {
      const Constraint& c = graph_.constraints[events_[*it].cause];
      if (!made_by(c, RuleRole::records) || !c.fact) continue;
      const Fact& fact = base_.facts[*c.fact];
      const auto blamed = graph_.var_of_fact(conflict_.blame);
      const std::vector<VarId> compared = compared_vars(c, std::nullopt);
      const bool in_comparison =
          *c.fact == conflict_.blame ||
          (blamed && std::find(compared.begin(), compared.end(), *blamed) != compared.end());
      if (!in_comparison) {
        return fmt::format(
            "the facts imply different values for {}: {} and {}, given that '{}' "
            "claims {}",
            name, describe_value(base_, graph_, x.var, low),
            describe_value(base_, graph_, x.var, high_side), base_.ref(*c.fact),
            record_claim_words(base_, fact.record()));
      }
      const bool high = fact.record().kind == RecordKind::high;
      if (c.kind == ConstraintKind::statement) {
        const auto& limit = high ? fact.record().first_time_above : fact.record().first_time_below;
        return fmt::format("'{}' claims the first time {} {}, which an earlier figure rules out",
                           base_.ref(*c.fact), high ? "above" : "below",
                           limit ? format_number(*limit) : std::string("?"));
      }
      const std::string claim = record_claim_words(base_, fact.record());
      const std::vector<std::string> against = compared_figures(c, fact.key);
      if (against.empty()) {
        return fmt::format("'{}' claims {}, which the figures around it rule out",
                           base_.ref(*c.fact), claim);
      }
      return fmt::format("'{}' claims {}, which {} rule{} out", base_.ref(*c.fact), claim,
                         join_words(against), against.size() == 1 ? "s" : "");
    }
    return "a record claim is contradicted by an earlier figure";
  }

  // The gap between the blamed fact's own interval and what everything else in play
  // implies for it (else what the rest of the minimal set implies); where those overlap,
  // the gap to the nearest whole number, or where the two sides meet.
  std::optional<Rational> gap(const Contradiction& x, const Interval& low, const Interval& high) {
    const auto statement = graph_.statement_of_fact(conflict_.blame);
    const std::optional<Interval> implied = conflict_.implied_for_blame
                                                ? conflict_.implied_for_blame
                                                : implied_without(conflict_.blame);
    if (statement && implied) {
      const auto g = relative_gap(graph_.value_of(graph_.constraints[*statement]), *implied);
      if (!g || *g > 0) return g;
    }
    if (const auto whole = whole_number_gap(x)) return whole;
    return relative_gap(low, high);
  }

  const FactBase& base_;
  const FactGraph& graph_;
  Propagator& propagator_;
  const MinimalConflict& conflict_;
  // A run of the component on the conflict's facts (but `left_out`, when given): the same
  // events as a run that enables the whole component (tests/solve/in_play_test.cc).
  Propagator::Outcome run_members(Recording recording,
                                  std::optional<FactIndex> left_out = std::nullopt) {
    in_play_.put(conflict_.facts, true);
    if (left_out) in_play_.put(*left_out, false);
    const auto outcome = in_play_.run_among(propagator_, conflict_.facts, recording);
    in_play_.put(conflict_.facts, false);
    return outcome;
  }

  InPlay in_play_;
  std::vector<EventId> derivation_;
  std::vector<Event> events_;
  std::vector<EventDetail> details_;
  std::string last_step_;
};

}  // namespace

Finding explain_conflict(const FactBase& base, const FactGraph& graph, Propagator& propagator,
                         const MinimalConflict& conflict, const ConstraintsOfFacts& of_facts,
                         std::vector<char>& mask) {
  return ConflictExplainer(base, graph, propagator, conflict, of_facts, mask).explain();
}

}  // namespace cc
