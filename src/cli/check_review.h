#pragma once
// `check --draft` and `check --baseline`: which sources are the draft, the baseline read
// from disk, the check without the draft, and the terminal lines marked for the review.
// report/review.h computes the marks; this file reads files and prints.

#include <exception>
#include <optional>
#include <string>
#include <thread>
#include <unordered_set>
#include <vector>

#include "cli/commands.h"
#include "cli/targets.h"
#include "engine/without_draft.h"
#include "report/report.h"
#include "report/review.h"

namespace cc::load {
struct ResolveTrace;
}

namespace cc::cli {

// The sources of the draft: those of the target's files and the source ids named. Prints
// an error (with "did you mean") and returns nullopt for an unknown source id; a named
// file that holds no source is noted on stderr.
[[nodiscard]] std::optional<std::vector<SourceIndex>> draft_sources(
    const FactBase& base, const FactBaseTarget& target, const std::vector<std::string>& ids,
    const Streams& streams);

// The report.json at `path`, or nullopt after printing why it cannot be one.
[[nodiscard]] std::optional<Baseline> read_baseline(const std::string& path,
                                                    const Streams& streams);

// The ids of the findings of the fact base `dir` without the files of the draft's
// sources (engine/without_draft.h: only the components the draft touches are solved
// again); nullopt when that fact base does not load cleanly. `checked` is the check of
// `base` with `options`.
[[nodiscard]] std::optional<std::unordered_set<std::string>> finding_ids_without(
    const std::string& dir, const FactBase& base, const CheckResult& checked,
    const std::vector<SourceIndex>& draft, const EngineOptions& options);

// check --draft without a baseline: the check of the fact base without the draft. The rest
// is derived from the whole load (load/without_sources.h) and its graph built; with more
// than one thread, on a thread of its own started at once, beside the whole check's build.
// Its components are then solved beside the whole check's (EngineOptions::beside_solve).
// When the rest names a draft source (load::rest_names_left_out), a load of it would err:
// there is none to check. When it cannot be derived otherwise, it is loaded again and
// checked once the whole check is done (finding_ids_without).
class DraftRest {
 public:
  // Derives the rest from `base` and its load's `trace` (freed once read) and builds its
  // graph, with `threads` > 1 on a thread of its own; sets `engine.beside_solve` unless it
  // knows already that there is no rest to solve. `base`, `draft` and this object must
  // outlive the check.
  void prepare(const FactBase& base, load::ResolveTrace trace,
               const std::vector<SourceIndex>& draft, EngineOptions& engine, unsigned threads);
  // The ids of the rest's findings, as finding_ids_without gives them.
  [[nodiscard]] std::optional<std::unordered_set<std::string>> ids(
      const std::string& dir, const FactBase& base, const CheckResult& checked,
      const std::vector<SourceIndex>& draft, const EngineOptions& engine);

 private:
  void derive(const FactBase& base, const load::ResolveTrace& trace,
              const std::vector<SourceIndex>& draft, const EngineOptions& engine);
  void wait();  // for the thread deriving the rest; rethrows what it threw

  bool names_draft_ = false;  // the rest names a draft source: a load of it errs
  std::optional<FactBase> rest_;
  std::optional<FactGraph> graph_;  // the rest's, until solve_rest takes it
  std::optional<RestSolved> solved_;
  std::exception_ptr failed_;
  std::jthread deriving_;  // last: joined before the members it writes are destroyed
};

// The terminal lines: with a draft, its findings under "the draft under review:" and the
// rest under "the rest of the fact base:"; each line marked against the baseline; then the
// fixed findings of the baseline.
void print_reviewed_findings(const ReportInput& input, const Review& review, bool color, bool quiet,
                             std::ostream& out);

}  // namespace cc::cli
