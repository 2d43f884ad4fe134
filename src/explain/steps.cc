// The steps of a derivation, in words an editor can follow: each narrowing of the
// propagation log becomes one line of arithmetic with the rounding ranges written out.
#include <fmt/format.h>

#include <map>
#include <unordered_map>
#include <unordered_set>

#include "explain/explain.h"
#include "rules/rule.h"
#include "rules/wording.h"

namespace cc {

std::optional<Rational> relative_gap(const Interval& a, const Interval& b) {
  if (a.overlaps(b)) return Rational(0);
  const bool a_below = a.hi() && b.lo() && a.hi()->value <= b.lo()->value;
  const Interval& lower = a_below ? a : b;
  const Interval& upper = a_below ? b : a;
  if (!lower.hi() || !upper.lo()) return std::nullopt;
  // The end nearer zero: the lower one's for values ≥ 0, the upper one's below zero (a
  // difference's to − from), so that a fall is as far off as the same rise.
  const Rational near = upper.lo()->value <= 0 ? abs(upper.lo()->value) : abs(lower.hi()->value);
  if (near == 0) return std::nullopt;
  return (upper.lo()->value - lower.hi()->value) / near;
}

namespace {

class StepWriter {
 public:
  StepWriter(const FactBase& base, const FactGraph& graph, const Propagator& propagator)
      : base_(base), graph_(graph), propagator_(propagator) {}

  std::vector<std::string> write(std::span<const EventId> roots) {
    const std::vector<EventId> derivation = propagator_.derivation(roots);
    const std::unordered_set<EventId> wanted(derivation.begin(), derivation.end());
    // The last event of each (constraint, variable) in the derivation speaks for all.
    std::map<std::pair<ConstraintId, VarId>, EventId> last;
    for (const EventId e : derivation)
      last[{propagator_.events()[e].cause, propagator_.events()[e].var}] = e;
    std::vector<std::string> steps;
    const auto& events = propagator_.events();
    const EventId end = derivation.empty() ? 0 : derivation.back() + 1;
    for (EventId e = 0; e < end; ++e) {
      const Event& event = events[e];
      if (wanted.count(e) && last[{event.cause, event.var}] == e) {
        std::string line = write_event(e);
        if (!line.empty() && (steps.empty() || steps.back() != line))
          steps.push_back(std::move(line));
      }
      apply(e);
    }
    return steps;
  }

 private:
  [[nodiscard]] Interval domain(VarId v) const {
    const auto it = at_.find(v);
    return it == at_.end() ? Propagator::initial_domain(graph_, v) : it->second;
  }

  void apply(EventId id) {
    const Event& event = propagator_.events()[id];
    const EventDetail& detail = propagator_.detail(id);
    Interval next = detail.before.intersect(detail.computed);
    if (graph_.vars[event.var].integer) next = next.integers();
    at_[event.var] = next;
  }

  [[nodiscard]] std::string value(VarId v) const { return value_of(v, domain(v)); }
  [[nodiscard]] std::string value_of(VarId v, const Interval& i) const {
    const Variable& var = graph_.vars[v];
    if (var.kind == VarKind::constant) return constant_text(v);
    return describe_value(base_, graph_, v, i);
  }
  [[nodiscard]] std::string label(VarId v) const { return describe_quantity(base_, graph_, v); }

  // A period length reads with its unit: "365 days".
  [[nodiscard]] std::string constant_text(VarId v) const {
    for (const ConstraintId c : graph_.constraints_of(v)) {
      const Variable& q = graph_.vars[graph_.constraints[c].vars[0]];
      if (q.kind == VarKind::quotient && q.defined_by) {
        const Fact& fact = base_.facts[*q.defined_by];
        if (fact.kind == FactKind::rate || fact.kind == FactKind::interval ||
            (fact.kind == FactKind::difference && fact.per)) {
          return fmt::format("{} {}s", format_number(graph_.constant_of(v), 4),
                             time_unit_name(fact.unit));
        }
      }
    }
    return format_number(graph_.constant_of(v), 4);
  }

  [[nodiscard]] std::string reason(const Constraint& c) const {
    const std::string why = rule_of(c).reason(base_, graph_, c);
    return why.empty() ? std::string() : " (" + why + ")";
  }

  // What the constraint computed; for a count, the whole numbers in it.
  [[nodiscard]] std::string result(EventId id) const {
    const Event& event = propagator_.events()[id];
    const Interval& computed = propagator_.detail(id).computed;
    const Interval whole = computed.integers();
    const bool count = graph_.vars[event.var].integer && !whole.is_empty();
    return value_of(event.var, count ? whole : computed);
  }

  [[nodiscard]] std::string sum_text(const Constraint& c, VarId except) const {
    std::vector<std::string> terms;
    for (std::size_t i = 1; i < c.vars.size(); ++i) {
      if (c.vars[i] != except) terms.push_back(value(c.vars[i]));
    }
    if (terms.size() > 6) return fmt::format("the {} parts", terms.size());
    std::string out;
    for (const auto& t : terms) out += (out.empty() ? "" : " + ") + t;
    return terms.size() > 1 && except != c.vars[0] ? "(" + out + ")" : out;
  }

  // d = to − from, written as the claim reads: a fall as from − to, its size.
  [[nodiscard]] std::string difference_step(const Constraint& c, VarId v, EventId id) const {
    const VarId d = c.vars[0];
    const VarId to = c.vars[1];
    const VarId from = c.vars[2];
    const Variable& var = graph_.vars[d];
    const bool fall = var.defined_by && base_.facts[*var.defined_by].direction == Direction::fall;
    const auto term = [&](VarId x) {  // a negative term in parentheses: "+ (-18,300)"
      std::string text = value(x);
      return text.starts_with('-') ? "(" + text + ")" : text;
    };
    if (v == d) {
      return fall ? fmt::format("{} = {} − {} = {}", label(d), value(from), term(to), result(id))
                  : fmt::format("{} = {} − {} = {}", label(d), value(to), term(from), result(id));
    }
    if (v == to) {
      return fmt::format("{} = {} {} {} = {}", label(to), value(from), fall ? "−" : "+", term(d),
                         result(id));
    }
    return fmt::format("{} = {} {} {} = {}", label(from), value(to), fall ? "+" : "−", term(d),
                       result(id));
  }

  // A rank narrows the record from the others, or one of the others from the record.
  [[nodiscard]] std::string rank_text(const Constraint& c, VarId v, EventId id) const {
    std::vector<std::string> others;
    for (std::size_t i = 1; i < c.vars.size(); ++i) {
      if (c.vars[i] != v) others.push_back(value(c.vars[i]));
    }
    const std::string list =
        others.size() > 6 ? fmt::format("the {} others", others.size()) : join_words(others);
    const std::string_view side = c.rank_low ? "below" : "above";
    if (v == c.vars[0]) {
      return fmt::format("{}: at most {} of {} may lie {} it{}, so it is {}{}", label(v),
                         c.rank - 1, list, side, c.rank_exact ? " (and at least as many do)" : "",
                         result(id), reason(c));
    }
    return fmt::format("{} against {} (of {}): at most {} may lie {} it, so it is {}{}", label(v),
                       value(c.vars[0]), list, c.rank - 1, side, result(id), reason(c));
  }

  [[nodiscard]] std::string write_event(EventId id) const {
    const Event& event = propagator_.events()[id];
    const Constraint& c = graph_.constraints[event.cause];
    const VarId v = event.var;
    switch (c.kind) {
      case ConstraintKind::statement:
        if (!made_by(c, RuleRole::records)) return {};  // a fact's own value shows in its row
        return fmt::format("{}, so {} is {}", rule_of(c).reason(base_, graph_, c), label(v),
                           result(id));
      case ConstraintKind::quotient: {
        const VarId q = c.vars[0];
        const VarId a = c.vars[1];
        const VarId b = c.vars[2];
        if (v == q)
          return fmt::format("{} = {} ÷ {} = {}", label(q), value(a), value(b), result(id));
        if (v == a)
          return fmt::format("{} = {} × {} = {}", label(a), value(q), value(b), result(id));
        return fmt::format("{} = {} ÷ {} = {}", label(b), value(a), value(q), result(id));
      }
      case ConstraintKind::sum_eq:
        if (v == c.vars[0])
          return fmt::format("{} = {} = {}{}", label(v), sum_text(c, v), result(id), reason(c));
        return fmt::format("{} = {} − {} = {}{}", label(v), value(c.vars[0]), sum_text(c, v),
                           result(id), reason(c));
      case ConstraintKind::sum_leq:
        if (v == c.vars[0]) {
          return fmt::format("{} ≥ {}, so it is {}{}", label(v), sum_text(c, v), result(id),
                             reason(c));
        }
        if (c.vars.size() == 2) {
          return fmt::format("{} ≤ {}, so it is {}{}", label(v), value(c.vars[0]), result(id),
                             reason(c));
        }
        return fmt::format("{} ≤ {} − {}, so it is {}{}", label(v), value(c.vars[0]),
                           sum_text(c, v), result(id), reason(c));
      case ConstraintKind::less:
        if (v == c.vars[0]) {
          return fmt::format("{} < {}, so it is {}{}", label(v), value(c.vars[1]), result(id),
                             reason(c));
        }
        return fmt::format("{} > {}, so it is {}{}", label(v), value(c.vars[0]), result(id),
                           reason(c));
      case ConstraintKind::difference:
        return difference_step(c, v, id);
      case ConstraintKind::rank:
        return rank_text(c, v, id);
      case ConstraintKind::shares_leq_one: {
        std::vector<std::string> others;
        for (const VarId o : c.vars) {
          if (o != v) others.push_back(value(o));
        }
        std::string sum;
        for (const auto& o : others) sum += " − " + o;
        return fmt::format("{} ≤ 100%{}, so it is {}{}", label(v), sum, result(id), reason(c));
      }
    }
    return {};
  }

  const FactBase& base_;
  const FactGraph& graph_;
  const Propagator& propagator_;
  std::unordered_map<VarId, Interval> at_;
};

}  // namespace

std::vector<std::string> derivation_steps(const FactBase& base, const FactGraph& graph,
                                          const Propagator& propagator,
                                          std::span<const EventId> roots) {
  return StepWriter(base, graph, propagator).write(roots);
}

}  // namespace cc
