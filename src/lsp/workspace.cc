#include "lsp/workspace.h"

#include <fmt/format.h>

#include <algorithm>

#include "engine/rule_settings.h"
#include "load/files.h"
#include "load/locate.h"

namespace cc::lsp {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kVocabulary = "vocabulary.yaml";
constexpr std::uintmax_t kMaxFileBytes = std::uintmax_t{256} * 1024 * 1024;

[[nodiscard]] load::Folder open_folder(const fs::path& root) {
  load::Folder folder;
  folder.path = root;
  folder.display = load::display_root(root);
  folder.max_file_bytes = kMaxFileBytes;
  std::error_code ec;
  folder.canonical = fs::canonical(root, ec);
  if (ec) folder.canonical = root;
  return folder;
}

// The file's bytes as the loader would take them, or nullopt when it cannot be read.
[[nodiscard]] std::optional<std::string> read_text(const load::Folder& folder,
                                                   const std::string& name) {
  const fs::path path = folder.path / name;
  if (load::why_not_readable(folder, path)) return std::nullopt;
  std::error_code ec;
  const fs::path canonical = fs::canonical(path, ec);
  if (ec) return std::nullopt;
  const auto [stop, _] = std::mismatch(folder.canonical.begin(), folder.canonical.end(),
                                       canonical.begin(), canonical.end());
  if (stop != folder.canonical.end()) return std::nullopt;  // leads outside the folder
  std::string error;
  auto bytes = load::read_bytes(path, folder.max_file_bytes, error);
  if (bytes) load::unify_line_ends(*bytes);
  return bytes;
}

[[nodiscard]] FileTexts read_texts(const load::Folder& folder,
                                   const std::map<std::string, std::string>& overlays,
                                   const std::set<std::string>& articles,
                                   Diagnostics& diagnostics) {
  FileTexts texts;
  std::string error;
  for (const std::string& name : load::list_fact_files(folder, error, diagnostics)) {
    if (auto text = read_text(folder, name)) texts.emplace(name, std::move(*text));
  }
  if (!error.empty()) diagnostics.error(folder.display, 0, 0, error, "folder");
  for (const std::string& name : articles) {
    if (auto text = read_text(folder, name)) texts.emplace(name, std::move(*text));
  }
  if (auto vocabulary = read_text(folder, std::string(kVocabulary))) {
    texts.emplace(std::string(kVocabulary), std::move(*vocabulary));
  }
  for (const auto& [name, text] : overlays) {
    std::string bytes = text;
    load::unify_line_ends(bytes);
    texts.insert_or_assign(name, std::move(bytes));
  }
  return texts;
}

// Articles that sources name and `articles` does not list yet; added to it.
[[nodiscard]] bool add_new_articles(const FactBase& base, std::set<std::string>& articles) {
  bool added = false;
  for (const Source& source : base.sources) {
    if (source.article.empty() || !source.article_file.empty()) continue;
    const fs::path name = fs::path(source.article).lexically_normal();
    if (name.is_absolute() || name.empty() || *name.begin() == "..") continue;
    added |= articles.insert(name.generic_string()).second;
  }
  return added;
}

void load_texts(const load::Folder& folder, Analysis& analysis, Diagnostics refused) {
  analysis.diagnostics = std::move(refused);
  analysis.base =
      load_fact_base_from_memory(folder.path.string(), analysis.texts, analysis.diagnostics);
  check_rule_settings(analysis.base, analysis.diagnostics);  // as lint and check do
}

}  // namespace

std::optional<fs::path> find_fact_base(const fs::path& file) {
  const std::optional<fs::path> found = cc::find_fact_base(file);  // as the commands find it
  if (!found) return std::nullopt;
  std::error_code ec;
  const fs::path absolute = fs::absolute(*found, ec);
  return ec ? *found : absolute.lexically_normal();
}

std::optional<std::string> name_in_base(const fs::path& root, const fs::path& file) {
  const fs::path relative = file.lexically_normal().lexically_relative(root.lexically_normal());
  if (relative.empty() || *relative.begin() == ".." || relative == ".") return std::nullopt;
  return relative.generic_string();
}

bool is_fact_base_file(std::string_view name) {
  if (name.empty() || name.front() == '.' || name.find('/') != std::string_view::npos) {
    return false;
  }
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

Analysis load_analysis(const fs::path& root, const std::map<std::string, std::string>& overlays,
                       std::set<std::string>& articles) {
  const load::Folder folder = open_folder(root);
  Analysis analysis;
  Diagnostics refused;
  analysis.texts = read_texts(folder, overlays, articles, refused);
  load_texts(folder, analysis, refused);
  if (add_new_articles(analysis.base, articles)) {  // read them, and load again
    Diagnostics refused_again;
    analysis.texts = read_texts(folder, overlays, articles, refused_again);
    load_texts(folder, analysis, refused_again);
  }
  return analysis;
}

void check_analysis(Analysis& analysis, std::string& log) {
  if (!analysis.checkable()) return;
  try {
    analysis.check = run_checks(analysis.base);
  } catch (const std::exception& e) {
    log = fmt::format("the check failed: {}", e.what());
  }
}

}  // namespace cc::lsp
