#include "rules/wording.h"
#include "grammar/names.h"

#include <fmt/format.h>

namespace cc {
namespace {

std::optional<FactKind> defining_kind(const FactBase& base, const Variable& v) {
  if (!v.defined_by) return std::nullopt;
  return base.facts[*v.defined_by].kind;
}

bool is_fall(const FactBase& base, const Variable& v) {
  return v.kind == VarKind::difference && v.defined_by &&
         base.facts[*v.defined_by].direction == Direction::fall;
}

// "the difference from A to B" (to − from), "the fall from A to B" (from − to); with `per`,
// "the fall per day from A to B" (between the rates).
std::string describe_difference(const FactBase& base, const FactGraph& graph, const Variable& v) {
  const auto plain = [&](VarId var) {
    const Variable& operand = graph.vars[var];
    // a difference of rates names the figures the rates are of
    if (operand.kind == VarKind::quotient && v.defined_by && operand.defined_by &&
        base.facts[*v.defined_by].per)
      return describe_quantity(base, graph, operand.operands[0]);
    return describe_quantity(base, graph, var);
  };
  const std::string what = is_fall(base, v) ? "fall" : "difference";
  const bool per = v.defined_by && base.facts[*v.defined_by].per;
  const std::string unit =
      per ? fmt::format(" per {}", time_unit_name(base.facts[*v.defined_by].unit)) : "";
  return fmt::format("the {}{} from {} to {}", what, unit, plain(v.operands[1]),
                     plain(v.operands[0]));
}

}  // namespace

std::string describe_quantity(const FactBase& base, const FactGraph& graph, VarId var) {
  const Variable& v = graph.vars[var];
  const auto name = [&](VarId other) { return describe_quantity(base, graph, other); };
  switch (v.kind) {
    case VarKind::key:
      return describe_key(base, v.key);
    case VarKind::constant:
      return format_number(graph.constant_of(var), 4);
    case VarKind::anonymous:
      if (v.operands.size() == 2 && v.defined_by) {  // a record's change (rules/records.cc)
        const bool fall = base.facts[*v.defined_by].record().over == RecordOver::fall;
        return fmt::format("the {} from {} to {}", fall ? "fall" : "rise", name(v.operands[0]),
                           name(v.operands[1]));
      }
      return "an unnamed part";
    case VarKind::sum: {
      std::vector<std::string> terms;
      for (const VarId t : v.operands) terms.push_back(name(t));
      return "the total of " + join_words(terms);
    }
    case VarKind::difference:
      return describe_difference(base, graph, v);
    case VarKind::quotient:
      break;
  }
  const auto kind = defining_kind(base, v);
  const VarId num = v.operands[0];
  const VarId den = v.operands[1];
  if (kind == FactKind::change)
    return fmt::format("the change from {} to {}", name(den), name(num));
  if (kind == FactKind::share) return fmt::format("the share of {} in {}", name(num), name(den));
  if (kind == FactKind::ratio) return fmt::format("the ratio of {} to {}", name(num), name(den));
  if (kind == FactKind::rate || kind == FactKind::difference) {  // a difference's own rates
    return fmt::format("{} per {}", name(num), time_unit_name(base.facts[*v.defined_by].unit));
  }
  if (kind == FactKind::interval) {
    return fmt::format("the {}s per one of {}", time_unit_name(base.facts[*v.defined_by].unit),
                       name(den));
  }
  return fmt::format("{} ÷ {}", name(num), name(den));
}

std::string describe_value(const FactBase& base, const FactGraph& graph, VarId var,
                           const Interval& interval) {
  const Variable& v = graph.vars[var];
  const auto kind = defining_kind(base, v);
  if (kind == FactKind::change) {
    const bool fall = base.facts[*v.defined_by].direction == Direction::fall;
    const Interval one = Interval::point(1);
    return fall ? fmt::format("(1 − {})", describe(one - interval, true))
                : fmt::format("(1 + {})", describe(interval - one, true));
  }
  if (kind == FactKind::share) return describe(interval, true);
  if (v.kind == VarKind::difference && is_fall(base, v)) return describe(-interval);
  return describe(interval);
}

std::string join_words(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " and " : ", ";
    out += words[i];
  }
  return out;
}

}  // namespace cc
