#include "cli/check_review.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <ostream>
#include <utility>

#include "cli/print.h"
#include "engine/without_draft.h"
#include "load/files.h"
#include "load/loader.h"
#include "load/without_sources.h"
#include "model/terminal_text.h"

namespace cc::cli {
namespace {

namespace fs = std::filesystem;

[[nodiscard]] std::string file_name(const std::string& display) {
  return fs::path(display).filename().string();
}

[[nodiscard]] std::optional<SourceIndex> source_named(const FactBase& base, std::string_view id) {
  for (SourceIndex s = 0; s < base.sources.size(); ++s)
    if (base.sources[s].id == id) return s;
  return std::nullopt;
}

[[nodiscard]] std::string unknown_source(const FactBase& base, const std::string& id) {
  std::vector<std::pair<std::size_t, std::string>> near;
  for (const Source& source : base.sources) {
    const std::size_t d = edit_distance(id, source.id);
    if (d <= std::max<std::size_t>(2, id.size() / 3)) near.emplace_back(d, source.id);
  }
  std::sort(near.begin(), near.end());
  std::vector<std::string> names;
  for (std::size_t i = 0; i < near.size() && i < 3; ++i) names.push_back(near[i].second);
  return fmt::format("--draft '{}' is neither a file nor a source id of '{}'{}", id, base.root,
                     did_you_mean(names));
}

void print_line(const ReportInput& input, const Review& review, const Finding& finding, bool color,
                std::ostream& out) {
  std::string line = render_terminal_line(input, finding, color);
  if (const auto state = review.baseline_state(finding))
    line += fmt::format(" (baseline: {})", baseline_state_name(*state));
  out << line << "\n";
}

}  // namespace

std::optional<std::vector<SourceIndex>> draft_sources(const FactBase& base,
                                                      const FactBaseTarget& target,
                                                      const std::vector<std::string>& ids,
                                                      const Streams& streams) {
  std::vector<SourceIndex> draft;
  for (const std::string& name : target.files) {
    bool found = false;
    for (SourceIndex s = 0; s < base.sources.size(); ++s) {
      if (file_name(base.files[base.sources[s].file]) != name) continue;
      draft.push_back(s);
      found = true;
    }
    if (!found) {
      print_lines(streams.err, fmt::format("crosscheck: note: '{}' holds no source of '{}': it is "
                                           "not part of the draft",
                                           name, base.root));
    }
  }
  for (const std::string& id : ids) {
    const std::optional<SourceIndex> s = source_named(base, id);
    if (!s) {
      print_error(streams.err, unknown_source(base, id));
      return std::nullopt;
    }
    draft.push_back(*s);
  }
  std::sort(draft.begin(), draft.end());
  draft.erase(std::unique(draft.begin(), draft.end()), draft.end());
  return draft;
}

std::optional<Baseline> read_baseline(const std::string& path, const Streams& streams) {
  std::string error;
  const std::optional<std::string> bytes =
      load::read_bytes(path, std::uintmax_t{256} * 1024 * 1024, error);
  std::optional<Baseline> baseline;
  if (bytes) baseline = parse_baseline(*bytes, error);
  if (!baseline) {
    print_error(streams.err, fmt::format("--baseline '{}' {}", path, error));
    return std::nullopt;
  }
  baseline->path = path;
  return baseline;
}

std::optional<std::unordered_set<std::string>> finding_ids_without(
    const std::string& dir, const FactBase& base, const CheckResult& checked,
    const std::vector<SourceIndex>& draft, const EngineOptions& options) {
  LoadOptions load;
  load.threads = thread_count(options.solve.threads);
  for (const SourceIndex s : draft)
    load.leave_out.push_back(file_name(base.files[base.sources[s].file]));
  Diagnostics diagnostics;
  const FactBase rest = load_fact_base(dir, diagnostics, load);
  if (diagnostics.has_errors()) return std::nullopt;
  return check_without_draft(base, checked, draft, rest, options).ids;
}

void DraftRest::derive(const FactBase& base, const load::ResolveTrace& trace,
                       const std::vector<SourceIndex>& draft, const EngineOptions& engine) {
  names_draft_ = load::rest_names_left_out(base, trace, draft);
  if (names_draft_) return;
  rest_ = load::without_sources(base, trace, draft);
  if (rest_) graph_ = build_rest_graph(*rest_, engine);
}

void DraftRest::wait() {
  if (deriving_.joinable()) deriving_.join();
  if (failed_) std::rethrow_exception(std::exchange(failed_, nullptr));
}

void DraftRest::prepare(const FactBase& base, load::ResolveTrace trace,
                        const std::vector<SourceIndex>& draft, EngineOptions& engine,
                        unsigned threads) {
  if (threads <= 1) {
    derive(base, trace, draft, engine);
    if (!rest_) return;
  } else {
    deriving_ = std::jthread([this, &base, &draft, options = engine, trace = std::move(trace)] {
      try {
        derive(base, trace, draft, options);
      } catch (...) {
        failed_ = std::current_exception();
      }
    });
  }
  engine.beside_solve = [this, &base, &draft, options = engine](const FactGraph& graph) {
    wait();
    if (!rest_ || !graph_) return;
    solved_ = solve_rest(base, graph, draft, *rest_, std::move(*graph_), options);
    graph_.reset();
  };
}

std::optional<std::unordered_set<std::string>> DraftRest::ids(const std::string& dir,
                                                              const FactBase& base,
                                                              const CheckResult& checked,
                                                              const std::vector<SourceIndex>& draft,
                                                              const EngineOptions& engine) {
  wait();
  if (names_draft_) return std::nullopt;  // a load of the rest errs: no rest to check
  if (rest_ && solved_)
    return finish_without_draft(checked, std::move(*solved_), *rest_, engine).ids;
  return finding_ids_without(dir, base, checked, draft, engine);
}

void print_reviewed_findings(const ReportInput& input, const Review& review, bool color, bool quiet,
                             std::ostream& out) {
  const std::vector<Finding>& findings = input.result.findings;
  const auto draft_end = std::find_if(findings.begin(), findings.end(),
                                      [&](const Finding& f) { return !review.in_draft(f); });
  if (review.has_draft && !quiet) {
    std::string sources;
    for (const std::string& id : review.draft_sources)
      sources += (sources.empty() ? "" : ", ") + id;
    out << "the draft under review (" << terminal_safe(sources)
        << "):" << (draft_end == findings.begin() ? " no findings" : "") << "\n";
  }
  for (auto it = findings.begin(); it != draft_end; ++it)
    print_line(input, review, *it, color, out);
  if (review.has_draft && !quiet && draft_end != findings.end())
    out << "the rest of the fact base:\n";
  for (auto it = draft_end; it != findings.end(); ++it) print_line(input, review, *it, color, out);
  for (const BaselineFinding& fixed : review.fixed) {
    print_lines(out, fmt::format("{}:{}:{}: fixed: {} [{}] (baseline: fixed, {})", fixed.file,
                                 fixed.line, fixed.column, fixed.message, fixed.rule, fixed.id));
  }
}

}  // namespace cc::cli
