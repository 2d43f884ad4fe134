// crosscheck explain [FACTS_DIR] TARGET: one quantity (or the quantity of one fact): who
// states it, what each chain of claims implies for it, and what everything else forces.
#include <fmt/format.h>

#include <ostream>
#include <set>
#include <sstream>
#include <unordered_set>

#include "cli/commands.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "engine/check.h"
#include "explain/explain.h"
#include "model/period.h"
#include "model/terminal_text.h"

namespace cc::cli {
namespace {

std::string trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t");
  return std::string(text.substr(first, last - first + 1));
}

std::vector<std::string> split_key_text(const std::string& text) {
  std::vector<std::string> parts;
  std::string current;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\u00B7") == 0) {  // "·"
      parts.push_back(trim(current));
      current.clear();
      ++i;
      continue;
    }
    if (text[i] == ',') {
      parts.push_back(trim(current));
      current.clear();
      continue;
    }
    current += text[i];
  }
  parts.push_back(trim(current));
  return parts;
}

// "offences · UK · 2017-18 · platform: Snapchat" (or with commas) → a key, interning it
// when no fact names it yet, so its quantity joins the graph.
std::optional<KeyId> parse_key(FactBase& base, const std::string& text, std::string& error) {
  const std::vector<std::string> parts = split_key_text(text);
  if (parts.size() < 3) {
    error = fmt::format(
        "'{}' is neither a fact ref (source/fact) nor a key (measure · place · period)", text);
    return std::nullopt;
  }
  const Vocabulary& vocabulary = base.vocabulary;
  const auto measure = vocabulary.find_measure(parts[0]);
  if (!measure) {
    error = fmt::format("unknown measure '{}'{}", parts[0],
                        did_you_mean(vocabulary.suggest_measures(parts[0])));
    return std::nullopt;
  }
  const auto place = vocabulary.find_place(parts[1]);
  if (!place) {
    error = fmt::format("unknown place '{}'{}", parts[1],
                        did_you_mean(vocabulary.suggest_places(parts[1])));
    return std::nullopt;
  }
  const PeriodResult period = parse_period(parts[2], vocabulary.fiscal_year_start);
  if (const auto* bad = std::get_if<PeriodError>(&period)) {
    error = fmt::format("cannot read the period '{}': {}", parts[2], bad->message);
    return std::nullopt;
  }
  Subset subset;
  for (std::size_t i = 3; i < parts.size(); ++i) {
    const auto colon = parts[i].find(':');
    const auto dimension = colon == std::string::npos
                               ? std::nullopt
                               : vocabulary.find_dimension(trim(parts[i].substr(0, colon)));
    if (!dimension) {
      error = fmt::format("cannot read the subset '{}': write 'dimension: value'", parts[i]);
      return std::nullopt;
    }
    subset.push_back({*dimension, base.keys.intern_value(trim(parts[i].substr(colon + 1)))});
  }
  const PeriodId period_id = base.keys.intern_period(std::get<Period>(period));
  return base.keys.intern(Key{*measure, *place, period_id, base.keys.intern_subset(subset)});
}

class Explainer {
 public:
  Explainer(const FactBase& base, const CheckResult& result, std::ostream& out)
      : base_(base),
        graph_(result.graph),
        result_(result),
        out_(out),
        set_aside_(result.set_aside.begin(), result.set_aside.end()) {}

  void explain(VarId var) {
    out_ << describe_quantity(base_, graph_, var) << "\n";
    const std::uint32_t component = component_of(var);
    list_statements(var);
    list_chains(var, component);
    list_everything(var, component);
    list_set_aside(component);
  }

 private:
  std::uint32_t component_of(VarId var) const {
    const auto& constraints = graph_.constraints_of(var);
    return constraints.empty() ? 0 : graph_.component_of_constraint(constraints.front());
  }

  std::string where(FactIndex f) const {
    const Fact& fact = base_.facts[f];
    return fmt::format("{}:{}:{}", base_.file_of(fact.mark), fact.mark.line, fact.mark.column);
  }

  void list_statements(VarId var) {
    bool any = false;
    for (FactIndex f = 0; f < base_.facts.size(); ++f) {
      if (graph_.var_of_fact(f) != var) continue;
      if (!any) out_ << "  stated by:\n";
      any = true;
      out_ << fmt::format("    {}: {} ({}){}\n", base_.ref(f),
                          terminal_safe(base_.facts[f].value.written), where(f),
                          set_aside_.count(f) ? ", set aside by a finding" : "");
    }
    if (!any) out_ << "  stated by: no source states it\n";
  }

  // The facts whose claims take this quantity as an operand.
  std::vector<FactIndex> naming_facts(VarId var) const {
    std::vector<FactIndex> out;
    for (const auto& [fact, v] : graph_.fact_vars) {
      const auto& operands = graph_.vars[v].operands;
      if (base_.facts[fact].kind != FactKind::figure &&
          std::find(operands.begin(), operands.end(), var) != operands.end()) {
        out.push_back(fact);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  Interval propagate(std::uint32_t component, const std::function<bool(FactIndex)>& active,
                     VarId var, std::vector<std::string>* steps) {
    Propagator propagator(graph_);
    const auto outcome = propagator.run(graph_.components()[component], active,
                                        steps != nullptr ? Recording::full : Recording::none);
    if (outcome.contradiction) return Interval::empty_set();
    if (steps) {
      const EventId roots[] = {propagator.lower_event(var), propagator.upper_event(var)};
      *steps = derivation_steps(base_, graph_, propagator, roots);
    }
    return propagator.domain(var);
  }

  void list_chains(VarId var, std::uint32_t component) {
    const std::vector<FactIndex> naming = naming_facts(var);
    if (naming.size() < 2) return;
    out_ << "  each claim that names it implies, with the other such claims left out:\n";
    const std::set<FactIndex> naming_set(naming.begin(), naming.end());
    for (const FactIndex n : naming) {
      std::vector<std::string> steps;
      const auto active = [&](FactIndex f) {
        if (f == n) return true;
        return !naming_set.count(f) && !set_aside_.count(f) && graph_.var_of_fact(f) != var;
      };
      const Interval implied = propagate(component, active, var, &steps);
      out_ << fmt::format("    {} ({}): {}\n", base_.ref(n),
                          terminal_safe(base_.facts[n].value.written),
                          describe_value(base_, graph_, var, implied));
      for (const auto& step : steps) out_ << "      " << terminal_safe(step) << "\n";
    }
  }

  void list_everything(VarId var, std::uint32_t component) {
    std::vector<std::string> steps;
    const Interval implied = propagate(
        component, [&](FactIndex f) { return !set_aside_.count(f); }, var, &steps);
    out_ << fmt::format("  everything else together (facts set aside by findings left out): {}\n",
                        describe_value(base_, graph_, var, implied));
    for (const auto& step : steps) out_ << "    " << terminal_safe(step) << "\n";
  }

  void list_set_aside(std::uint32_t component) {
    std::vector<std::string> lines;
    for (const Finding& finding : result_.findings) {
      for (const FactIndex f : finding.facts) {
        if (!set_aside_.count(f)) continue;
        const auto statement = graph_.statement_of_fact(f);
        if (!statement || graph_.component_of_constraint(*statement) != component) continue;
        lines.push_back(fmt::format("    {} ({}): {}", base_.ref(f), finding.id,
                                    terminal_safe(finding.message)));
      }
    }
    if (lines.empty()) return;
    out_ << "  set aside in this part of the graph, by findings:\n";
    for (const auto& line : lines) out_ << line << "\n";
  }

  const FactBase& base_;
  const FactGraph& graph_;
  const CheckResult& result_;
  std::ostream& out_;
  std::unordered_set<FactIndex> set_aside_;
};

}  // namespace

int run_explain(const ExplainOptions& options, const Streams& streams) {
  std::optional<FactBase> base = load_or_report(options.facts_dir, streams);
  if (!base) return 2;
  std::optional<FactIndex> fact = base->find_fact(options.target);
  std::optional<KeyId> key;
  if (!fact) {
    std::string error;
    key = parse_key(*base, options.target, error);
    if (!key) {
      print_error(streams.err, error);
      return 2;
    }
  }
  const CheckResult result = run_checks(*base);
  const std::optional<VarId> var =
      fact ? result.graph.var_of_fact(*fact) : result.graph.var_of_key(*key);
  if (!var) {
    print_error(streams.err, fmt::format("'{}' names no quantity in the graph", options.target));
    return 2;
  }
  if (fact) {
    const Fact& f = base->facts[*fact];
    streams.out << fmt::format("{}: \"{}\" ({})\n", base->ref(*fact), terminal_safe(f.quote),
                               terminal_safe(f.value.written));
  }
  std::ostringstream text;  // every line made terminal-safe on its way out
  Explainer(*base, result, text).explain(*var);
  print_lines(streams.out, text.str());
  return 0;
}

}  // namespace cc::cli
