// crosscheck check: load, check, print one line per finding, write the reports. With a
// draft (--draft, or a fact file as the path) or a baseline, the findings are reviewed
// against them (cli/check_review.h).
#include <fmt/format.h>

#include <exception>
#include <filesystem>
#include <memory>
#include <ostream>
#include <thread>
#include <unordered_set>

#include "cli/check_review.h"
#include "cli/commands.h"
#include "cli/leave_to_exit.h"
#include "cli/load_or_report.h"
#include "cli/print.h"
#include "cli/progress.h"
#include "cli/rest_cache.h"
#include "cli/targets.h"
#include "cli/timing.h"
#include "engine/check.h"
#include "load/without_sources.h"
#include "report/formats.h"
#include "report/write.h"

namespace cc::cli {
namespace {

bool fails(const Finding& finding, FailOn fail_on) {
  if (finding.accepted || fail_on == FailOn::never) return false;
  if (finding.severity == Severity::error) return true;
  return fail_on == FailOn::warning && finding.severity == Severity::warning;
}

// The report formats named, or nullopt after printing the unknown one.
std::optional<std::vector<const ReportFormat*>> formats_named(const CheckOptions& options,
                                                              const Streams& streams) {
  std::vector<const ReportFormat*> formats;
  if (options.no_reports) return formats;
  for (const std::string& name : options.formats) {
    const ReportFormat* format = find_report_format(name);
    if (!format) {
      std::string known;
      for (const ReportFormat& f : report_formats())
        known += (known.empty() ? "" : ", ") + std::string(f.name);
      print_error(streams.err, fmt::format("unknown report format '{}' (known: {})", name, known));
      return std::nullopt;
    }
    formats.push_back(format);
  }
  return formats;
}

// The fact base to check and the draft's files in it: the paths, then the --draft entries
// that are files; nullopt after printing why there is not exactly one.
std::optional<FactBaseTarget> target_named(const CheckOptions& options,
                                           std::vector<std::string>& draft_ids,
                                           const Streams& streams) {
  std::vector<std::string> paths = options.paths;
  for (const std::string& draft : options.drafts) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(draft, ec)) {
      paths.push_back(draft);
    } else {
      draft_ids.push_back(draft);
    }
  }
  const Targets targets = resolve_targets(paths, options.facts_dir);
  for (const std::string& note : targets.notes)
    print_lines(streams.err, "crosscheck: note: " + note);
  if (targets.bases.size() > 1) {
    std::string dirs;
    for (const FactBaseTarget& t : targets.bases)
      dirs += (dirs.empty() ? "'" : ", '") + t.dir + "'";
    print_error(streams.err, fmt::format("the paths lie in {} fact bases ({}): check one at a time",
                                         targets.bases.size(), dirs));
    return std::nullopt;
  }
  if (targets.bases.empty()) return FactBaseTarget{};
  return targets.bases.front();
}

int write_reports(const CheckOptions& options, const std::vector<const ReportFormat*>& formats,
                  const ReportInput& input, const Streams& streams, PhaseTimer& timer) {
  if (options.no_reports) return 0;
  std::vector<ReportFile> files;
  for (const ReportFormat* format : formats) {
    files.push_back({std::string(format->file), format->render(input)});
    timer.phase(format->file);
  }
  const std::string error = write_report_set(options.out_dir, files);
  timer.phase("write the reports");
  if (!error.empty()) {
    print_error(streams.err, error);
    return 2;
  }
  return 0;
}

}  // namespace

int run_check(const CheckOptions& options, const Streams& streams) {
  const std::optional<std::vector<const ReportFormat*>> formats = formats_named(options, streams);
  if (!formats) return 2;
  if (options.out_dir.empty() && !options.no_reports) {
    print_error(streams.err, "--out is '': name the folder the reports go to");
    return 2;
  }
  if (options.out_dir == "-" && !options.no_reports) {
    print_error(streams.err,
                "--out is '-', but the reports are files in a folder, not one stream: name a "
                "folder (a folder named '-' is written as --out ./-)");
    return 2;
  }
  std::vector<std::string> draft_ids;
  const std::optional<FactBaseTarget> target = target_named(options, draft_ids, streams);
  if (!target) return 2;
  if (target->dir.empty()) {
    if (!options.quiet) streams.out << "no fact base among the paths: nothing to check\n";
    return 0;
  }
  PhaseTimer timer(streams.err);
  const bool has_draft = !target->files.empty() || !draft_ids.empty();
  EngineOptions engine;
  engine.solve.threads = options.threads;
  // Without a baseline, the draft's review checks the rest too: derived from this load,
  // unless the cache beside the out folder holds it (cli/rest_cache.h). A check without a
  // draft leaves its findings' ids and its components' outcomes there, for a draft run
  // whose rest is its fact base, or whose draft is one of its files.
  const bool with_rest = has_draft && options.baseline.empty();
  std::optional<RestCache> cache;
  if ((with_rest || !has_draft) && !options.no_reports && !options.no_cache) {
    cache.emplace(target->dir, options.out_dir, DraftArgs{target->files, draft_ids}, engine);
  }
  using Found = RestCache::Found;
  const Found found = with_rest && cache ? cache->look_up() : Found::none;
  if (with_rest && cache) {
    timer.phase(found == Found::rest         ? "look up the rest: found"
                : found == Found::components ? "look up the rest: the components found"
                                             : "look up the rest: none");
  }
  // Traced even when the cache holds the rest: if the entry is not confirmed after the
  // load, the rest is derived from this load (the trace costs little).
  load::ResolveTrace trace;
  const auto load_started = std::filesystem::file_time_type::clock::now();
  std::optional<FactBase> base =
      load_or_report(target->dir, streams, options.annotations == "github",
                     thread_count(options.threads), with_rest ? &trace : nullptr);
  timer.phase("load");
  if (!base) return 2;
  const auto draft = draft_sources(*base, *target, draft_ids, streams);
  if (!draft) return 2;
  std::optional<Baseline> baseline;
  if (!options.baseline.empty()) {
    baseline = read_baseline(options.baseline, streams);
    if (!baseline) return 2;
  }
  std::optional<RestIds> from_cache;
  if (found == Found::rest) from_cache = cache->confirm(*base, *draft);
  // A check of the same files but the draft's: its components the draft leaves alone serve
  // the whole check; the rest is checked.
  const bool components_cached =
      found == Found::components && cache->confirm_components(*base, *draft);
  ProgressLine progress(streams.err);
  if (streams.err_is_tty && !options.quiet && !terminal_is_dumb()) {
    engine.solve.progress = [&](std::size_t done, std::size_t total) {
      progress.update("checking", done, total);
    };
  }
  auto rest = std::make_unique<DraftRest>();
  if (with_rest && !from_cache) {
    rest->prepare(*base, std::move(trace), *draft, engine, thread_count(options.threads));
    timer.phase("derive the rest");
  }
  if (timer.on()) engine.on_phase = [&](std::string_view name) { timer.phase(name); };
  // The cache's outcomes of the components the draft leaves alone are taken, not solved
  // again; a run that stores the cache keeps each component's outcome for it (a check
  // without a draft, every component's). An entry without them (one that would have passed
  // the cache's size bound with them) is stored again by the draft run that took it.
  const bool store = cache && (!from_cache || !cache->has_outcomes());
  if (from_cache || components_cached) {
    engine.known_components = [&](const FactGraph& graph) {
      return cache->known_components(*base, graph, *draft);
    };
  }
  if (store) engine.keep_outcomes = true;
  CheckResult result = run_checks(*base, engine);
  progress.finish();
  // The cache's entry but for the rest's ids (its inputs hashed, the outcomes rendered) is
  // made beside the review and the reports, which leave what it reads alone.
  std::shared_ptr<CacheEntry> entry;
  std::exception_ptr entry_failed;
  std::jthread preparing;
  const unsigned threads = thread_count(options.threads);
  if (store) {
    const auto prepare = [&] {
      try {
        entry = cache->prepare(*base, *draft, result, load_started, threads);
      } catch (...) {
        entry_failed = std::current_exception();
      }
    };
    if (threads > 1) {
      preparing = std::jthread(prepare);
    } else {
      prepare();
    }
  }
  Review review = make_review(*base, result.findings, has_draft, *draft, std::move(baseline));
  if (with_rest) {
    review.without_draft =
        from_cache ? *from_cache : rest->ids(target->dir, *base, result, *draft, engine);
  }
  put_draft_first(review, result.findings);
  timer.phase(from_cache || components_cached
                  ? fmt::format("review (the {} cached); {} of {} components from the cache",
                                from_cache ? "rest" : "components", result.components_known,
                                result.graph.components().size())
                  : std::string("review"));
  const ReportInput input{*base, result, review.active() ? &review : nullptr,
                          thread_count(options.threads)};
  const bool color =
      options.color == Color::always ||
      (options.color == Color::automatic && streams.out_is_tty && environment_allows_color());
  print_reviewed_findings(input, review, color, options.quiet, streams.out);
  if (options.annotations == "github") streams.out << render_github_annotations(input);
  for (const std::string& notice : result.notices)
    print_lines(streams.err, "crosscheck: note: " + notice);
  timer.phase("print the findings");
  if (const int status = write_reports(options, *formats, input, streams, timer); status != 0)
    return status;
  if (store) {
    if (preparing.joinable()) preparing.join();
    if (entry_failed) std::rethrow_exception(entry_failed);
    if (with_rest) {
      cache->write(std::move(entry), review.without_draft);
    } else {
      std::unordered_set<std::string> ids;
      for (const Finding& f : result.findings) ids.insert(f.id);
      cache->write(std::move(entry), ids);
    }
    timer.phase("store the rest");
  }
  if (!options.quiet) {
    streams.out << render_summary_line(input) << "\n";
    if (review.active()) print_lines(streams.out, review_summary(review, result.findings));
  }
  const bool failed =
      std::any_of(result.findings.begin(), result.findings.end(), [&](const Finding& f) {
        return fails(f, options.fail_on) && gates(review, f, options.fail_on_background);
      });
  leave_to_exit(streams, std::move(rest));
  leave_to_exit(streams, std::move(result));
  leave_to_exit(streams, std::move(base));
  return failed ? 1 : 0;
}

}  // namespace cc::cli
