// crosscheck explain [FACTS_DIR] TARGET: one quantity (or the quantity of one fact): who
// states it, what each chain of claims implies for it, and what everything else forces.
// The answer comes from explain/query.h; this file only prints it.
#include <fmt/format.h>

#include <ostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/explain_finding.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "cli/targets.h"
#include "engine/check.h"
#include "explain/explain.h"
#include "explain/query.h"
#include "model/terminal_text.h"

namespace cc::cli {
namespace {

class Printer {
 public:
  Printer(const FactBase& base, const FactGraph& graph, std::ostream& out)
      : base_(base), graph_(graph), out_(out) {}

  void print(const QuantityAnswer& answer) {
    out_ << terminal_safe(describe_quantity(base_, graph_, answer.var)) << "\n";
    print_statements(answer);
    print_chains(answer);
    print_everything(answer);
    print_set_aside(answer);
  }

 private:
  [[nodiscard]] std::string where(FactIndex f) const {
    const Fact& fact = base_.facts[f];
    return fmt::format("{}:{}:{}", terminal_safe(base_.file_of(fact.mark)), fact.mark.line,
                       fact.mark.column);
  }

  void print_statements(const QuantityAnswer& answer) {
    if (answer.stated_by.empty()) {
      out_ << "  stated by: no source states it\n";
      return;
    }
    out_ << "  stated by:\n";
    for (const auto& s : answer.stated_by) {
      out_ << fmt::format("    {}: {} ({}){}\n", base_.ref(s.fact),
                          terminal_safe(base_.facts[s.fact].value.written), where(s.fact),
                          s.set_aside ? ", set aside by a finding" : "");
    }
  }

  void print_chains(const QuantityAnswer& answer) {
    if (answer.chains.empty()) return;
    out_ << "  each claim that names it implies, with the other such claims left out:\n";
    for (const auto& chain : answer.chains) {
      out_ << fmt::format(
          "    {} ({}): {}\n", base_.ref(chain.claim),
          terminal_safe(base_.facts[chain.claim].value.written),
          terminal_safe(describe_value(base_, graph_, answer.var, chain.implied.interval)));
      for (const auto& step : chain.implied.steps) out_ << "      " << terminal_safe(step) << "\n";
    }
  }

  void print_everything(const QuantityAnswer& answer) {
    out_ << fmt::format(
        "  everything else together (facts set aside by findings left out): {}\n",
        terminal_safe(describe_value(base_, graph_, answer.var, answer.everything.interval)));
    for (const auto& step : answer.everything.steps) out_ << "    " << terminal_safe(step) << "\n";
  }

  void print_set_aside(const QuantityAnswer& answer) {
    if (answer.set_aside.empty()) return;
    out_ << "  set aside in this part of the graph, by findings:\n";
    for (const auto& s : answer.set_aside) {
      out_ << fmt::format("    {} ({}): {}\n", base_.ref(s.fact), s.finding->id,
                          terminal_safe(s.finding->message));
    }
  }

  const FactBase& base_;
  const FactGraph& graph_;
  std::ostream& out_;
};

}  // namespace

int run_explain(const ExplainOptions& options, const Streams& streams) {
  const std::string dir = options.facts_dir.empty() ? resolve_targets({}, "facts").bases.front().dir
                                                    : options.facts_dir;
  std::optional<FactBase> base = load_or_report(dir, streams);
  if (!base) return 2;
  if (looks_like_finding_id(options.target))
    return explain_finding(*base, run_checks(*base), options, streams);
  if (options.format == "json") {
    print_error(streams.err,
                "--format json explains a finding id (conflict-417a8b3b); a fact or a "
                "quantity is explained as text");
    return 2;
  }
  const auto target = read_query_target(*base, options.target);
  if (const auto* error = std::get_if<std::string>(&target)) {
    print_error(streams.err, *error);
    return 2;
  }
  const CheckResult result = run_checks(*base);
  const std::optional<VarId> var = query_var(result.graph, std::get<QueryTarget>(target));
  if (!var) {
    print_error(streams.err, fmt::format("'{}' names no quantity in the graph", options.target));
    return 2;
  }
  if (const auto fact = std::get<QueryTarget>(target).fact) {
    const Fact& f = base->facts[*fact];
    streams.out << fmt::format("{}: \"{}\" ({})\n", base->ref(*fact), terminal_safe(f.quote),
                               terminal_safe(f.value.written));
  }
  std::ostringstream text;  // every line made terminal-safe on its way out
  Printer(*base, result.graph, text)
      .print(query_quantity(*base, result.graph, result.findings, result.set_aside, *var));
  print_lines(streams.out, text.str());
  return 0;
}

}  // namespace cc::cli
