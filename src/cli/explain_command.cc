// crosscheck explain [FACTS_DIR] TARGET: one quantity (or the quantity of one fact): who
// states it, what each chain of claims implies for it, and what everything else forces.
// The answer comes from explain/query.h, its text and JSON from report/explain_text.h.
#include <fmt/format.h>

#include <ostream>

#include "cli/commands.h"
#include "cli/explain_finding.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "cli/targets.h"
#include "engine/check.h"
#include "explain/query.h"
#include "model/terminal_text.h"
#include "report/explain_text.h"

namespace cc::cli {

int run_explain(const ExplainOptions& options, const Streams& streams) {
  const std::string dir = options.facts_dir.empty() ? resolve_targets({}, "facts").bases.front().dir
                                                    : options.facts_dir;
  std::optional<FactBase> base = load_or_report(dir, streams);
  if (!base) return 2;
  if (looks_like_finding_id(options.target))
    return explain_finding(*base, run_checks(*base), options, streams);
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
  const std::optional<FactIndex> fact = std::get<QueryTarget>(target).fact;
  const QuantityAnswer answer =
      query_quantity(*base, result.graph, result.findings, result.set_aside, *var);
  if (options.format == "json") {
    streams.out << render_quantity_json(*base, result.graph, answer, fact);
    return 0;
  }
  if (fact) {
    const Fact& f = base->facts[*fact];
    streams.out << fmt::format("{}: \"{}\" ({})\n", base->ref(*fact),
                               terminal_safe(base->quote(*fact)), terminal_safe(f.value.written));
  }
  // Every line made terminal-safe on its way out, and each piece of input within it.
  print_lines(streams.out,
              render_quantity_text(*base, result.graph, answer, InputText::terminal_safe));
  return 0;
}

}  // namespace cc::cli
