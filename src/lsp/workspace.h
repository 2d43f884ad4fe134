#pragma once
// A fact base as the editor sees it: the files on disk with the editor's unsaved text put
// in place of those it has open, loaded through the in-memory loader (load/memory_loader.h)
// and, when it has no input errors, checked.

#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "engine/check.h"
#include "load/memory_loader.h"
#include "model/diagnostic.h"
#include "model/fact.h"

namespace cc::lsp {

// The fact base holding `file`, found as the commands find it (load/locate.h: the nearest
// folder at or above the file's that holds vocabulary.yaml, not above a .git folder), as
// an absolute path; nullopt when none does.
[[nodiscard]] std::optional<std::filesystem::path> find_fact_base(
    const std::filesystem::path& file);

// The file's name inside the fact base folder ("lbc.yaml", "articles/x.txt"), or nullopt
// when it lies outside.
[[nodiscard]] std::optional<std::string> name_in_base(const std::filesystem::path& root,
                                                      const std::filesystem::path& file);

// Whether `name` is a file the loader reads as a fact file or the vocabulary: a *.yaml or
// *.yml at the top of the folder, not hidden.
[[nodiscard]] bool is_fact_base_file(std::string_view name);

// One load (and maybe check) of a fact base.
struct Analysis {
  FileTexts texts;  // what was loaded: name → text
  FactBase base;
  Diagnostics diagnostics;  // input problems
  std::optional<CheckResult> check;
  [[nodiscard]] bool checkable() const { return !diagnostics.has_errors(); }
};

// Reads the fact base at `root` from disk, `overlays` (name → the editor's text) taking
// the place of the files on disk, and loads it. `articles` holds the names of articles
// sources point at: they are read from disk too, and articles found on the way are added.
[[nodiscard]] Analysis load_analysis(const std::filesystem::path& root,
                                     const std::map<std::string, std::string>& overlays,
                                     std::set<std::string>& articles);

// Runs the checks on a loaded analysis without input errors; notes why not in `log`.
void check_analysis(Analysis& analysis, std::string& log);

}  // namespace cc::lsp
