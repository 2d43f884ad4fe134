// The in-memory twin of loader.cc: the same stages in the same order, the bytes taken from
// a map instead of files. Folder problems (listing, sizes, symlinks) do not arise here.
#include "load/memory_loader.h"

#include <fmt/format.h>

#include <filesystem>
#include <vector>

#include "load/fact_file_loader.h"
#include "load/files.h"
#include "load/quotes.h"
#include "load/resolve.h"
#include "load/values.h"
#include "load/vocabulary_loader.h"

namespace cc {
namespace {

using load::RawFile;

constexpr std::string_view kVocabulary = "vocabulary.yaml";

[[nodiscard]] bool is_fact_file(std::string_view name) {
  if (name.empty() || name.front() == '.' || name == kVocabulary) return false;
  if (name.find('/') != std::string_view::npos) return false;  // top level only
  return name.ends_with(".yaml") || name.ends_with(".yml");
}

// The article named by the file's source, from `files` (as read_article does from disk).
void read_article(const load::Folder& folder, const FileTexts& files, RawFile& file) {
  load::RawSource& source = file.source;
  if (source.article.empty()) return;
  const auto fail = [&](const std::string& message) {
    file.diagnostics.error(file.display, source.article_pos.line, source.article_pos.column,
                           message, "article");
  };
  const std::string name =
      std::filesystem::path(source.article).lexically_normal().generic_string();
  const auto it = files.find(name);
  if (it == files.end()) {
    return fail(
        fmt::format("the article '{}' cannot be found: no such file or directory", source.article));
  }
  if (const auto bad = load::check_utf8(it->second)) {
    const load::Pos at = load::PositionMap(it->second).at(bad->offset);
    return fail(fmt::format("the article '{}' is not UTF-8 text (line {}, column {}: {})",
                            source.article, at.line, at.column, bad->message));
  }
  source.article_text = it->second;
  source.article_file = folder.display_of(name);
}

[[nodiscard]] bool load_vocabulary(const load::Folder& folder, const FileTexts& files,
                                   FactBase& base, Diagnostics& diagnostics) {
  const std::string display = folder.display_of(kVocabulary);
  base.files.push_back(display);
  const auto it = files.find(kVocabulary);
  if (it == files.end()) {
    diagnostics.error(display, 0, 0,
                      "the fact base has no vocabulary.yaml: it names the measures, places and "
                      "dimensions facts may use",
                      "vocabulary");
    return false;
  }
  return load::read_vocabulary(it->second, display, 0, base.vocabulary, diagnostics);
}

void load_into(std::string_view root, const FileTexts& files, FactBase& base,
               Diagnostics& diagnostics, load::ResolveTrace* trace) {
  load::Folder folder;
  folder.path = std::string(root);
  folder.display = load::display_root(folder.path);
  base.root = folder.display;
  const bool usable = load_vocabulary(folder, files, base, diagnostics);
  const load::VocabularyView vocabulary{base.vocabulary, usable};
  std::vector<RawFile> fact_files;
  fact_files.reserve(files.size());  // RawFile moves may throw (a deque's): never grown by copies
  for (const auto& [name, text] : files) {  // a std::map: sorted by name, bytewise
    if (!is_fact_file(name)) continue;
    RawFile file = load::read_fact_file(text, name, folder.display_of(name), vocabulary);
    if (file.read) {
      read_article(folder, files, file);
      load::match_quotes(file);
      load::parse_file_values(file, vocabulary.vocabulary, vocabulary.usable);
      load::build_facts(file, *base.intervals);
    }
    diagnostics.append(file.diagnostics);
    if (file.skipped) base.skipped.push_back(file.display);
    if (file.read) fact_files.push_back(std::move(file));
  }
  const std::vector<bool> counts = load::resolve(fact_files, base, diagnostics, trace);
  load::parse_total_values(fact_files, counts, base, diagnostics);
}

}  // namespace

FactBase load_fact_base_from_memory(std::string_view root, const FileTexts& files,
                                    Diagnostics& diagnostics, load::ResolveTrace* trace) {
  FactBase base;
  try {
    load_into(root, files, base, diagnostics, trace);
  } catch (const std::exception& e) {
    diagnostics.error(std::string(root), 0, 0,
                      fmt::format("cannot load the fact base: {}", e.what()), "internal");
  }
  return base;
}

}  // namespace cc
