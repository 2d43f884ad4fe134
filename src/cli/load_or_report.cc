#include "cli/load_or_report.h"

#include <ostream>

#include "engine/rule_settings.h"
#include "load/loader.h"
#include "report/report.h"

namespace cc::cli {

std::optional<FactBase> load_or_report(const std::string& facts_dir, const Streams& streams,
                                       bool github_annotations, unsigned threads,
                                       load::ResolveTrace* trace) {
  Diagnostics diagnostics;
  LoadOptions options;
  options.trace = trace;
  if (streams.fact_bytes) options.listed = streams.fact_bytes;
  if (threads > 0) options.threads = threads;
  FactBase base = load_fact_base(facts_dir, diagnostics, options);
  check_rule_settings(base, diagnostics);
  for (const Diagnostic& d : diagnostics.sorted()) {
    streams.err << format_diagnostic(d) << "\n";
    if (github_annotations) streams.out << render_github_diagnostic(d) << "\n";
  }
  if (diagnostics.has_errors()) return std::nullopt;
  return base;
}

}  // namespace cc::cli
