#include "explain/query.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <set>
#include <unordered_set>

#include "explain/explain.h"
#include "load/key_reader.h"
#include "solve/propagate.h"

namespace cc {
namespace {

// Interns the key read from `text` (its period, subset values and the key itself).
KeyId intern_key(FactBase& base, const load::KeyText& key) {
  Subset subset;
  for (const auto& [dimension, value] : key.subset)
    subset.push_back({dimension, base.keys.intern_value(value)});
  const PeriodId period = base.keys.intern_period(key.period);
  return base.keys.intern(Key{key.measure, key.place, period, base.keys.intern_subset(subset)});
}

// Up to three fact refs nearest to `text` (edit distance), for "did you mean".
std::vector<std::string> nearest_refs(const FactBase& base, std::string_view text) {
  std::vector<std::pair<std::size_t, std::string>> near;
  const std::size_t limit = std::max<std::size_t>(2, text.size() / 4);
  for (FactIndex f = 0; f < base.facts.size(); ++f) {
    std::string ref = base.ref(f);
    const std::size_t d = edit_distance(text, ref);
    if (d <= limit) near.emplace_back(d, std::move(ref));
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> refs;
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) refs.push_back(near[i].second);
  return refs;
}

class Query {
 public:
  Query(const FactBase& base, const FactGraph& graph, std::span<const FactIndex> set_aside)
      : base_(base), graph_(graph), set_aside_(set_aside.begin(), set_aside.end()) {}

  [[nodiscard]] std::uint32_t component_of(VarId var) const {
    const auto& constraints = graph_.constraints_of(var);
    return constraints.empty() ? 0 : graph_.component_of_constraint(constraints.front());
  }

  [[nodiscard]] std::vector<QuantityAnswer::Statement> statements(VarId var) const {
    std::vector<QuantityAnswer::Statement> out;
    for (FactIndex f = 0; f < base_.facts.size(); ++f) {
      if (graph_.var_of_fact(f) == var) out.push_back({f, set_aside_.count(f) > 0});
    }
    return out;
  }

  // The facts whose claims take this quantity as an operand (a difference with `per`
  // through the rates it compares).
  [[nodiscard]] std::vector<FactIndex> naming_facts(VarId var) const {
    std::vector<FactIndex> out;
    for (const auto& [fact, v] : graph_.fact_vars) {
      std::vector<VarId> operands(graph_.vars[v].operands.begin(), graph_.vars[v].operands.end());
      if (base_.facts[fact].per) {
        for (const VarId rate : graph_.vars[v].operands) {
          const auto& of = graph_.vars[rate].operands;
          operands.insert(operands.end(), of.begin(), of.end());
        }
      }
      if (base_.facts[fact].kind != FactKind::figure &&
          std::find(operands.begin(), operands.end(), var) != operands.end()) {
        out.push_back(fact);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  [[nodiscard]] Implied propagate(std::uint32_t component,
                                  const std::function<bool(FactIndex)>& active, VarId var) const {
    Propagator propagator(graph_);
    const auto outcome = propagator.run(graph_.components()[component], active, Recording::full);
    if (outcome.contradiction) return {Interval::empty_set(), {}};
    const EventId roots[] = {propagator.lower_event(var), propagator.upper_event(var)};
    return {propagator.domain(var), derivation_steps(base_, graph_, propagator, roots)};
  }

  [[nodiscard]] std::vector<QuantityAnswer::Chain> chains(VarId var,
                                                          std::uint32_t component) const {
    std::vector<QuantityAnswer::Chain> out;
    const std::vector<FactIndex> naming = naming_facts(var);
    if (naming.size() < 2) return out;
    const std::set<FactIndex> naming_set(naming.begin(), naming.end());
    for (const FactIndex n : naming) {
      const auto active = [&](FactIndex f) {
        if (f == n) return true;
        return !naming_set.count(f) && !set_aside_.count(f) && graph_.var_of_fact(f) != var;
      };
      out.push_back({n, propagate(component, active, var)});
    }
    return out;
  }

  [[nodiscard]] Implied everything(VarId var, std::uint32_t component) const {
    return propagate(
        component, [&](FactIndex f) { return !set_aside_.count(f); }, var);
  }

  [[nodiscard]] std::vector<QuantityAnswer::SetAside> set_aside_in(
      std::span<const Finding> findings, std::uint32_t component) const {
    std::vector<QuantityAnswer::SetAside> out;
    for (const Finding& finding : findings) {
      for (const FactIndex f : finding.facts) {
        if (!set_aside_.count(f)) continue;
        const auto statement = graph_.statement_of_fact(f);
        if (!statement || graph_.component_of_constraint(*statement) != component) continue;
        out.push_back({f, &finding});
      }
    }
    return out;
  }

 private:
  const FactBase& base_;
  const FactGraph& graph_;
  std::unordered_set<FactIndex> set_aside_;
};

}  // namespace

std::variant<QueryTarget, std::string> read_query_target(FactBase& base, std::string_view text) {
  if (const auto fact = base.find_fact(text)) return QueryTarget{fact, std::nullopt};
  const std::vector<std::string> parts = load::split_key_text(text);
  if (parts.size() < 3) {
    return fmt::format(
        "'{}' is neither a fact ref (source/fact) nor a key (measure · place · period){}", text,
        did_you_mean(nearest_refs(base, text)));
  }
  auto key = load::read_key_parts(base.vocabulary, parts);
  if (auto* error = std::get_if<std::string>(&key)) return std::move(*error);
  return QueryTarget{std::nullopt, intern_key(base, std::get<load::KeyText>(key))};
}

std::optional<VarId> query_var(const FactGraph& graph, const QueryTarget& target) {
  if (target.fact) return graph.var_of_fact(*target.fact);
  if (target.key) return graph.var_of_key(*target.key);
  return std::nullopt;
}

QuantityAnswer query_quantity(const FactBase& base, const FactGraph& graph,
                              std::span<const Finding> findings,
                              std::span<const FactIndex> set_aside, VarId var) {
  const Query query(base, graph, set_aside);
  QuantityAnswer answer;
  answer.var = var;
  answer.component = query.component_of(var);
  answer.stated_by = query.statements(var);
  answer.chains = query.chains(var, answer.component);
  answer.everything = query.everything(var, answer.component);
  answer.set_aside = query.set_aside_in(findings, answer.component);
  return answer;
}

}  // namespace cc
