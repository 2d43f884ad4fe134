// Relation claims (FORMAT §4): each claim names a quantity defined from others: a share
// part ÷ of, a change to ÷ from, a ratio of ÷ to, a rate of ÷ (the period's length in the
// unit), an interval (the period's length) ÷ of, a total Σ of, a difference to − from (with
// `per`, to's rate − from's rate). Claims about the same relation between the same
// quantities share one variable, so they can `conflict`.
#include <set>

#include "rules/rule.h"
#include "rules/time_units.h"

namespace cc {
namespace {

class ClaimBuilder {
 public:
  explicit ClaimBuilder(GraphBuilder& builder) : builder_(builder), base_(builder.base()) {}

  // The variable a relation claim states, made on first use (claims may name claims).
  std::optional<VarId> var_of(FactIndex f) {
    if (const auto known = builder_.graph().var_of_fact(f)) return known;
    if (!visiting_.insert(f).second) return std::nullopt;  // a cycle: the loader reports it
    const std::optional<VarId> var = make_var(f);
    visiting_.erase(f);
    if (var) builder_.graph().fact_vars.emplace(f, *var);
    return var;
  }

  void add_statement(FactIndex f) {
    const std::optional<VarId> var = var_of(f);
    if (!var) return;
    const Fact& fact = base_.facts[f];
    Constraint statement;
    statement.kind = ConstraintKind::statement;
    statement.vars = {*var};
    statement.fact = f;
    builder_.graph().set_statement_of_fact(
        f, builder_.add(std::move(statement), value_in_var_terms(fact)));
  }

 private:
  std::optional<VarId> operand(const Operand& op) {
    switch (op.kind) {
      case Operand::Kind::key:
        return builder_.key_var(op.key);
      case Operand::Kind::fact:
        return var_of(op.fact);
      case Operand::Kind::anonymous:
        return builder_.anonymous_var();
    }
    return std::nullopt;
  }

  // The length of the period of a rate's or interval's `of` (or of another operand), in
  // the claim's unit.
  std::optional<VarId> period_length(const Fact& fact, std::size_t operand = 0) {
    const Operand& of = fact.operands.at(operand);
    if (of.kind != Operand::Kind::key) return std::nullopt;
    const Period& period = base_.keys.period(base_.keys.key(of.key).period);
    return builder_.constant_var(period_length_in(period, fact.unit));
  }

  // {from, to}: to − from; with `per`, each divided by its own period's length first, so
  // that periods of different lengths (a leap year and the next) compare by their rates.
  std::optional<VarId> difference(FactIndex f, const std::vector<VarId>& ops) {
    const Fact& fact = base_.facts[f];
    if (!fact.per) return builder_.difference_var(ops.at(1), ops.at(0), f);
    const auto from_length = period_length(fact, 0);
    const auto to_length = period_length(fact, 1);
    if (!from_length || !to_length) return std::nullopt;
    const VarId from_rate = builder_.quotient_var(ops.at(0), *from_length, f);
    const VarId to_rate = builder_.quotient_var(ops.at(1), *to_length, f);
    return builder_.difference_var(to_rate, from_rate, f);
  }

  std::optional<VarId> make_var(FactIndex f) {
    const Fact& fact = base_.facts[f];
    std::vector<VarId> ops;
    for (const Operand& op : fact.operands) {
      const std::optional<VarId> v = operand(op);
      if (!v) return std::nullopt;
      ops.push_back(*v);
    }
    switch (fact.kind) {
      case FactKind::figure:
        return std::nullopt;
      case FactKind::change:  // {from, to}: to ÷ from
        return builder_.quotient_var(ops.at(1), ops.at(0), f);
      case FactKind::share:  // {of, part}: part ÷ of
        return builder_.quotient_var(ops.size() > 1 ? ops[1] : builder_.anonymous_var(), ops.at(0),
                                     f);
      case FactKind::ratio:  // {of, to}: of ÷ to
        return builder_.quotient_var(ops.at(0), ops.at(1), f);
      case FactKind::rate: {  // {of}: of ÷ length
        const auto length = period_length(fact);
        if (!length) return std::nullopt;
        return builder_.quotient_var(ops.at(0), *length, f);
      }
      case FactKind::interval: {  // {of}: length ÷ of
        const auto length = period_length(fact);
        if (!length) return std::nullopt;
        return builder_.quotient_var(*length, ops.at(0), f);
      }
      case FactKind::total:
        return builder_.sum_var(ops, f);
      case FactKind::difference:
        return difference(f, ops);
    }
    return std::nullopt;
  }

  GraphBuilder& builder_;
  const FactBase& base_;
  std::set<FactIndex> visiting_;
};

}  // namespace

// A change states the rise (or fall) c; its variable is the multiplier to ÷ from, which
// is 1 + c for a rise and 1 − c for a fall. A difference states d; its variable is
// to − from, which is d for a rise and −d for a fall.
Interval value_in_var_terms(const Fact& fact, const Interval& value, Direction direction) {
  if (fact.kind == FactKind::difference) return direction == Direction::rise ? value : -value;
  if (fact.kind != FactKind::change) return value;
  const Interval one = Interval::point(1);
  return direction == Direction::rise ? one + value : one - value;
}

Interval value_in_var_terms(const Fact& fact) {
  return value_in_var_terms(fact, fact.value.interval(), fact.direction);
}

void add_claims_constraints(GraphBuilder& builder) {
  ClaimBuilder claims(builder);
  const FactBase& base = builder.base();
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    if (base.facts[f].kind != FactKind::figure) claims.add_statement(f);
  }
}

std::string claims_reason(const FactBase&, const FactGraph&, const Constraint&) {
  return {};
}

}  // namespace cc
