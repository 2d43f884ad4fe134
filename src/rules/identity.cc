// Identity (FORMAT §5.1): figures with the same key are one quantity, so each figure is a
// statement about its key's variable; two that do not overlap are a `conflict`.
#include "rules/rule.h"

namespace cc {

void add_identity_constraints(GraphBuilder& builder) {
  const FactBase& base = builder.base();
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    const Fact& fact = base.facts[f];
    if (fact.kind != FactKind::figure) continue;
    const VarId var = builder.key_var(fact.key);
    Constraint statement;
    statement.kind = ConstraintKind::statement;
    statement.vars = {var};
    statement.fact = f;
    builder.graph().fact_vars.emplace(f, var);
    builder.graph().set_statement_of_fact(f,
                                          builder.add(std::move(statement), fact.value.interval()));
  }
}

std::string identity_reason(const FactBase&, const FactGraph&, const Constraint&) {
  return {};
}

}  // namespace cc
