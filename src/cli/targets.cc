#include "cli/targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "load/locate.h"

namespace cc::cli {
namespace {

namespace fs = std::filesystem;

// The target for the fact base `dir`, added where no earlier one is the same folder.
FactBaseTarget& target_for(Targets& targets, const fs::path& dir) {
  std::error_code ec;
  for (FactBaseTarget& t : targets.bases) {
    if (t.dir == dir.string() || fs::equivalent(t.dir, dir, ec)) return t;
  }
  targets.bases.push_back({dir.string(), {}, false});
  return targets.bases.back();
}

void add_file(Targets& targets, const std::string& path) {
  const std::optional<fs::path> base = find_fact_base(path);
  if (!base) {
    targets.notes.push_back(fmt::format(
        "'{}' is skipped: it lies in no fact base (no vocabulary.yaml in its folder or above)",
        path));
    return;
  }
  const std::string name = fs::path(path).filename().string();
  if (!is_top_level_file_of(path, *base)) {
    targets.notes.push_back(fmt::format(
        "'{}' is skipped: the fact files of '{}' are the files at its top", path, base->string()));
    return;
  }
  FactBaseTarget& target = target_for(targets, *base);
  if (name == "vocabulary.yaml") {
    target.whole = true;
  } else if (std::find(target.files.begin(), target.files.end(), name) == target.files.end()) {
    target.files.push_back(name);
  }
}

}  // namespace

Targets resolve_targets(const std::vector<std::string>& paths, const std::string& fallback) {
  Targets targets;
  if (paths.empty()) {
    const std::optional<fs::path> found = find_fact_base(".");
    target_for(targets, found ? *found : fs::path(fallback)).whole = true;
    return targets;
  }
  for (const std::string& path : paths) {
    std::error_code ec;
    const fs::file_status status = fs::status(path, ec);
    if (!fs::exists(status) || fs::is_directory(status)) {
      target_for(targets, path).whole = true;
    } else {
      add_file(targets, path);
    }
  }
  return targets;
}

}  // namespace cc::cli
