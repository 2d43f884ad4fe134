// units (docs/rules/units.md): a share or change between quantities of different units
// ("offences as a share of victims"). A warning: the claim still takes part in the
// arithmetic, since the numbers are what the source says. A ratio between different units
// ("54 people per boat") is what it says, and is not a finding.
#include <fmt/format.h>

#include "checks/check.h"
#include "explain/finding.h"
#include "grammar/names.h"

namespace cc {
namespace {

std::optional<KeyId> key_of(const Operand& op) {
  if (op.kind == Operand::Kind::key) return op.key;
  return std::nullopt;
}

}  // namespace

void check_units(const FactBase& base, std::vector<Finding>& findings) {
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Fact& fact = base.facts[f];
    const bool binary = fact.kind == FactKind::share || fact.kind == FactKind::change;
    if (!binary || fact.operands.size() < 2) continue;
    const auto a = key_of(fact.operands[0]);
    const auto b = key_of(fact.operands[1]);
    if (!a || !b) continue;
    const Measure& ma = base.measure_of(*a);
    const Measure& mb = base.measure_of(*b);
    if (fold_name(ma.unit) == fold_name(mb.unit)) continue;
    // share {of, part}: part in of; change {from, to}.
    const Measure& first = fact.kind == FactKind::share ? mb : ma;
    const Measure& second = fact.kind == FactKind::share ? ma : mb;
    const char* relation =
        fact.kind == FactKind::share ? "a share of {} in {}" : "a change from {} to {}";
    Finding finding;
    finding.rule = FindingRule::units;
    finding.severity = Severity::warning;
    finding.facts = {f};
    finding.location = fact.relation_mark();
    finding.message = fmt::format("'{}' is {}: the units differ", base.ref(f),
                                  fmt::format(fmt::runtime(relation), first.unit, second.unit));
    finding.steps = {
        fmt::format("{} is counted in {}",
                    describe_key(base, fact.kind == FactKind::share ? *b : *a), first.unit),
        fmt::format("{} is counted in {}",
                    describe_key(base, fact.kind == FactKind::share ? *a : *b), second.unit)};
    findings.push_back(std::move(finding));
  }
}

}  // namespace cc
