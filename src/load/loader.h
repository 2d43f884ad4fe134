#pragma once
// load: a fact base folder → FactBase. Every input problem becomes a diagnostic with
// file:line:col; YAML trees are dropped file by file; files are read in parallel.

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc {

namespace load {
struct ResolveTrace;
}

struct LoadOptions {
  unsigned threads = 2;  // files parsed at once
  // A larger fact file, vocabulary or article is refused (an error), never read.
  std::uintmax_t max_file_bytes = std::uintmax_t{256} * 1024 * 1024;
  // Fact files (names at the top of the folder) not to read: `check --draft` checks the
  // fact base without the draft too, to say whether the draft changed the rest.
  std::vector<std::string> leave_out;
  // Filled, when given, with what load::without_sources() needs to derive the fact base
  // without some of its sources in memory (load/without_sources.h).
  load::ResolveTrace* trace = nullptr;
  // Look each quote up in its source's article as the file is read (Fact::quote_in_article,
  // the quote check's answer; load/quotes.h). `lint`, which runs no check, turns it off:
  // the article is then read for its errors alone, and every quote counts as found.
  bool quotes = true;
  // Told, once the fact files are listed and before any is read, how many bytes they hold
  // together (their sizes on disk; a file that cannot be sized counts 0). The program's
  // allocator takes its policy from it (cli/allocator_policy.h).
  std::function<void(std::uintmax_t bytes)> listed;
};

// Loads `dir` (vocabulary.yaml, then every other *.yaml in sorted order). The fact base
// is returned even when there are errors, so `lint` can show all of them; callers must
// not check a fact base when diagnostics.has_errors().
[[nodiscard]] FactBase load_fact_base(const std::filesystem::path& dir, Diagnostics& diagnostics,
                                      const LoadOptions& options = {});

}  // namespace cc
