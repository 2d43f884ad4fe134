// The loader's edge: the folder, the order of the stages, the threads, and the one place
// where an unexpected exception becomes a diagnostic instead of leaving the loader.
#include "load/loader.h"

#include <fmt/format.h>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

#include <algorithm>
#include <map>

#include "load/fact_file_loader.h"
#include "load/files.h"
#include "load/parallel.h"
#include "load/quotes.h"
#include "load/resolve.h"
#include "load/values.h"
#include "load/vocabulary_loader.h"

namespace cc {
namespace {

namespace fs = std::filesystem;
using load::Folder;
using load::RawFile;

constexpr std::string_view kVocabulary = "vocabulary.yaml";

[[nodiscard]] bool open_folder(Folder& folder, Diagnostics& diagnostics) {
  std::error_code ec;
  const fs::file_status status = fs::status(folder.path, ec);
  if (!fs::exists(status)) {
    diagnostics.error(folder.display, 0, 0, "the fact base folder does not exist", "folder");
    return false;
  }
  if (!fs::is_directory(status)) {
    diagnostics.error(folder.display, 0, 0, "the fact base is not a folder", "folder");
    return false;
  }
  folder.canonical = fs::canonical(folder.path, ec);
  if (ec) {
    diagnostics.error(folder.display, 0, 0, fmt::format("cannot open the folder: {}", ec.message()),
                      "folder");
    return false;
  }
  return true;
}

// Reads vocabulary.yaml; false when fact files cannot have their names checked.
[[nodiscard]] bool load_vocabulary(const Folder& folder, FactBase& base, Diagnostics& diagnostics) {
  const std::string display = folder.display_of(kVocabulary);
  base.files.push_back(display);
  const fs::path path = folder.path / kVocabulary;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    diagnostics.error(display, 0, 0,
                      "the fact base has no vocabulary.yaml: it names the measures, places and "
                      "dimensions facts may use",
                      "vocabulary");
    return false;
  }
  if (const auto why = load::why_not_readable(folder, path)) {
    diagnostics.error(display, 0, 0, fmt::format("the vocabulary {}", *why), "file");
    return false;
  }
  std::string error;
  auto bytes = load::read_bytes(path, folder.max_file_bytes, error);
  if (!bytes) {
    diagnostics.error(display, 0, 0, error, "file");
    return false;
  }
  load::unify_line_ends(*bytes);
  return load::read_vocabulary(*bytes, display, 0, base.vocabulary, diagnostics);
}

[[nodiscard]] RawFile load_file(const Folder& folder, const std::string& name,
                                const load::VocabularyView& vocabulary, bool quotes,
                                IntervalPool& intervals) {
  const std::string display = folder.display_of(name);
  std::string error;
  auto bytes = load::read_bytes(folder.path / name, folder.max_file_bytes, error);
  if (!bytes) {
    RawFile file;
    file.name = name;
    file.display = display;
    file.diagnostics.error(display, 0, 0, error, "file");
    return file;
  }
  load::unify_line_ends(*bytes);
  RawFile file = load::read_fact_file(*bytes, name, display, vocabulary);
  if (!file.read) return file;
  load::read_article(folder, file);
  if (quotes) {
    load::match_quotes(file);
  } else {
    load::drop_article(file);
  }
  load::parse_file_values(file, vocabulary.vocabulary, vocabulary.usable);
  load::build_facts(file, intervals);
  return file;
}

[[nodiscard]] std::vector<RawFile> load_files(const Folder& folder,
                                              const std::vector<std::string>& names,
                                              const load::VocabularyView& vocabulary,
                                              unsigned threads, bool quotes,
                                              IntervalPool& intervals) {
  std::vector<RawFile> files(names.size());
  load::parallel_for(names.size(), threads, [&](std::size_t i) {
    try {
      files[i] = load_file(folder, names[i], vocabulary, quotes, intervals);
    } catch (const std::exception& e) {  // out of memory, say: this file only
      files[i] = RawFile{};
      files[i].display = folder.display_of(names[i]);
      files[i].diagnostics.error(files[i].display, 0, 0,
                                 fmt::format("cannot be loaded: {}", e.what()), "file");
    }
  });
  return files;
}

void load_into(const fs::path& dir, FactBase& base, Diagnostics& diagnostics,
               const LoadOptions& options) {
  Folder folder;
  folder.path = dir;
  folder.display = load::display_root(dir);
  folder.max_file_bytes = options.max_file_bytes;
  base.root = folder.display;
  if (!open_folder(folder, diagnostics)) return;
  const bool usable = load_vocabulary(folder, base, diagnostics);
  const load::VocabularyView vocabulary{base.vocabulary, usable};
  std::string error;
  std::vector<std::string> names = load::list_fact_files(folder, error, diagnostics);
  std::erase_if(names, [&](const std::string& name) {
    return std::find(options.leave_out.begin(), options.leave_out.end(), name) !=
           options.leave_out.end();
  });
  if (!error.empty()) diagnostics.error(folder.display, 0, 0, error, "folder");
  if (options.listed) {
    std::uintmax_t bytes = 0;
    for (const std::string& name : names) {
      std::error_code ec;
      const std::uintmax_t size = fs::file_size(folder.path / name, ec);
      if (!ec) bytes += size;
    }
    options.listed(bytes);
  }
  std::vector<RawFile> files =
      load_files(folder, names, vocabulary, options.threads, options.quotes, *base.intervals);
  std::vector<RawFile> fact_files;
  fact_files.reserve(files.size());  // RawFile moves may throw (a deque's): never grown by copies
  for (RawFile& file : files) {
    diagnostics.append(file.diagnostics);
    if (file.skipped) base.skipped.push_back(file.display);
    if (file.read) fact_files.push_back(std::move(file));
  }
  files.clear();
  const std::vector<bool> counts =
      load::resolve(fact_files, base, diagnostics, options.trace, options.threads);
  load::parse_total_values(fact_files, counts, base, diagnostics);
}

// The load frees what its threads made (the raw facts, each file's links) in their own
// heaps, around the small blocks that stay: glibc keeps those pages, where the graph and
// the solver on the main thread cannot use them. Give every free page back once loaded.
void release_free_pages() {
#if defined(__GLIBC__)
  malloc_trim(0);
#endif
}

// At most kMaxErrorsPerFile diagnostics per file, whichever stage found them (each stage
// caps its own; together they could pass it): the rest are counted in one line.
void append_capped(const Diagnostics& found, Diagnostics& diagnostics) {
  std::map<std::string, std::size_t> listed;
  std::map<std::string, std::size_t> dropped;
  constexpr std::string_view kMore = " more errors in this file are not listed";
  for (const Diagnostic& d : found.sorted()) {
    const std::string_view count = std::string_view(d.message).substr(
        0, d.message.size() - std::min(d.message.size(), kMore.size()));
    if (d.line == 0 && d.message.ends_with(kMore) && !count.empty() && count.size() < 19 &&
        count.find_first_not_of("0123456789") == std::string_view::npos) {
      dropped[d.file] += std::stoull(std::string(count));  // a stage's own count, summed up
      continue;
    }
    if (++listed[d.file] <= load::kMaxErrorsPerFile) {
      diagnostics.add(d);
    } else {
      ++dropped[d.file];
    }
  }
  for (const auto& [file, count] : dropped) {
    diagnostics.error(file, 0, 0, fmt::format("{} more errors in this file are not listed", count),
                      "file");
  }
}

}  // namespace

FactBase load_fact_base(const fs::path& dir, Diagnostics& diagnostics, const LoadOptions& options) {
  FactBase base;
  Diagnostics found;
  try {
    load_into(dir, base, found, options);
    release_free_pages();
  } catch (const std::exception& e) {
    found.error(load::display_root(dir), 0, 0,
                fmt::format("cannot load the fact base: {}", e.what()), "internal");
  }
  append_capped(found, diagnostics);
  return base;
}

}  // namespace cc
