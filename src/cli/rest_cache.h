#pragma once
// check --draft: the rest's findings kept between runs (docs/ARCHITECTURE.md, "The draft's
// rest, cached"; the file: docs/REPORTS.md, "The draft's cache"). The rest (the fact base
// without the draft's files) does not change while an editor edits and checks one draft
// again and again; what the draft's review needs of it is the ids of its findings. A run
// that computed them writes them beside the out folder, keyed by an XXH3-128 hash of all
// they depend on: the program (its executable's bytes), the options that change findings,
// and the inputs of the check by content (vocabulary.yaml, every other *.yaml at the top of
// the fact base but the draft's, the checked sources' articles; each one's digest is in
// the entry). A check without a draft writes the ids of its own findings so: they are the
// rest of a draft run whose draft is a new file. The next draft run whose rest has the
// same key takes the ids from there and neither derives, builds nor solves the rest; one
// whose draft is a file the entry's check read, the only one changed since, takes the
// entry's components the draft leaves alone and checks the rest. Anything else (no file,
// another key, a file that is not one this program wrote) is a miss, and the rest is
// checked as without the cache.

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "engine/check.h"
#include "model/fact.h"

namespace cc::cli {

struct CacheEntry;  // the cache file's content (rest_cache.cc)

// The draft as the command line names it: fact files (names at the top of the fact base)
// and source ids; both empty for a check without a draft.
struct DraftArgs {
  std::vector<std::string> files;
  std::vector<std::string> ids;
};

// The ids of the rest's findings; nullopt when there is no rest to check (a load of it errs).
using RestIds = std::optional<std::unordered_set<std::string>>;

// The cache file of the out folder `out`: ".NAME.rest-cache" beside it, as the lock file
// (the out folder holds reports only and is replaced as a whole: report/write.h).
[[nodiscard]] std::filesystem::path rest_cache_path(const std::filesystem::path& out);

// How much older than the run an input must be for the cache to be read or written: a file
// written since (or within the file system's timestamp granularity before) may not be the
// one the load read.
inline constexpr std::chrono::seconds kSettled{2};

class RestCache {
 public:
  // `dir` the fact base folder, `out` the out folder; `options` the check's (threads, the
  // progress line and the phase calls do not change findings and are left out of the key).
  RestCache(std::filesystem::path dir, std::filesystem::path out, DraftArgs args,
            const EngineOptions& options);

  // What look_up found in the cache file for a draft run.
  enum class Found {
    none,
    // The rest: the findings of a check of the fact base's files but some (exactly the
    // draft's files, when it is named by its files alone), whose inputs are as they are on
    // disk now (all settled).
    rest,
    // The components: a check of the same files, of which only the draft's may differ now
    // (when it is named by its files alone; else confirmed after the load). Its outcomes
    // serve the whole check's components the draft leaves alone; the rest is checked.
    components,
  };
  // Before the load.
  [[nodiscard]] Found look_up();
  // After the load: the cached rest when look_up found it, the files it left out are
  // exactly the draft's sources' files, the rest's articles are the entry's, and none of
  // the inputs changed since look_up; else nullopt.
  [[nodiscard]] std::optional<RestIds> confirm(const FactBase& base,
                                               const std::vector<SourceIndex>& draft) const;
  // After the load, when look_up found the components: whether they may be taken (the
  // files that changed are the draft's sources' files, the rest's articles are as the
  // entry has them, none of the inputs relied on changed since look_up).
  [[nodiscard]] bool confirm_components(const FactBase& base,
                                        const std::vector<SourceIndex>& draft) const;
  // After look_up found the rest: whether its entry holds components' outcomes (one that
  // would have passed the size bound with them holds none).
  [[nodiscard]] bool has_outcomes() const { return !outcomes_.empty(); }
  // After confirm or confirm_components: for EngineOptions::known_components, the cached
  // outcome of each component of the whole check's `graph` that the draft leaves alone and
  // that is as it was cached (cli/rest_cache_outcomes.h); nullopt for the others.
  [[nodiscard]] std::vector<std::optional<ComponentOutcome>> known_components(
      const FactBase& base, const FactGraph& graph, const std::vector<SourceIndex>& draft) const;
  // After the rest is computed from the load that began at `load_started`, the entry is
  // written in two steps (a temporary file renamed over the cache), unless an input is not
  // settled, cannot be read or is not what the load read, with the outcomes of `checked`
  // (run with EngineOptions::keep_outcomes) of the components the draft leaves alone. For a
  // check without a draft, `draft` is empty and `ids` are its own findings'. Errors are
  // silent: the cache is an aid, never a result. The first step needs the whole check, not
  // the rest's ids: it lists and hashes the inputs and renders the outcomes (split over
  // `threads`), so it may run on a thread of its own while the review and the reports are
  // made (it reads `base`, `checked.graph` and `checked.outcomes` only). nullptr: nothing is
  // stored. The second adds the ids and writes the file.
  [[nodiscard]] std::shared_ptr<CacheEntry> prepare(const FactBase& base,
                                                    const std::vector<SourceIndex>& draft,
                                                    const CheckResult& checked,
                                                    std::filesystem::file_time_type load_started,
                                                    unsigned threads = 1) const;
  void write(std::shared_ptr<CacheEntry> entry, const RestIds& ids) const;

  // An input as look_up hashed it: its modification time after the read.
  struct Stamp {
    std::filesystem::path path;
    std::filesystem::file_time_type time;
  };

 private:
  [[nodiscard]] bool unchanged_since_look_up() const;

  std::filesystem::path dir_;
  std::filesystem::path file_;
  DraftArgs args_;
  std::optional<std::string> options_;  // nullopt: the cache is not used
  Found found_kind_ = Found::none;      // look_up's
  std::optional<RestIds> found_;        // look_up's, when it found the rest
  std::string outcomes_;                // look_up's: the lines of the components' outcomes
  // look_up's: the fact files not in its entry (the rest), or those that changed since
  // (the components).
  std::vector<std::string> left_out_;
  std::vector<std::string> entry_files_;  // look_up's entry's fact files, sorted
  std::vector<std::string> articles_;     // look_up's entry's articles, those unchanged
  std::vector<Stamp> stamps_;             // the inputs look_up relies on, as it hashed them
};

}  // namespace cc::cli
