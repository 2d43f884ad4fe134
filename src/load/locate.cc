#include "load/locate.h"

namespace cc {
namespace {

namespace fs = std::filesystem;

[[nodiscard]] bool holds(const fs::path& dir, const char* name) {
  std::error_code ec;
  return fs::exists(fs::symlink_status(dir / name, ec));
}

// `dir` as the user would type it from the current folder.
[[nodiscard]] fs::path shown(const fs::path& dir) {
  std::error_code ec;
  const fs::path here = fs::current_path(ec);
  if (ec) return dir;
  const fs::path relative = dir.lexically_relative(here);
  if (relative.empty()) return dir;
  return relative.native() == "." || *relative.begin() != ".." ? relative : dir;
}

}  // namespace

std::optional<fs::path> find_fact_base(const fs::path& path) {
  std::error_code ec;
  fs::path dir = fs::absolute(path, ec).lexically_normal();
  if (ec) return std::nullopt;
  if (dir.has_filename() == false && dir.has_parent_path()) dir = dir.parent_path();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  while (true) {
    if (holds(dir, "vocabulary.yaml")) return shown(dir);
    if (holds(dir, ".git") || dir == dir.root_path() || !dir.has_parent_path()) return std::nullopt;
    dir = dir.parent_path();
  }
}

bool is_top_level_file_of(const fs::path& file, const fs::path& dir) {
  std::error_code ec;
  fs::path parent = fs::absolute(file, ec).lexically_normal().parent_path();
  return !ec && fs::equivalent(parent, dir, ec);
}

}  // namespace cc
