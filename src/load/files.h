#pragma once
// The fact base folder on disk: which files are fact files, reading them within the size
// limit, display paths, and the articles sources point at (never outside the folder).

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "load/raw.h"

namespace cc::load {

struct Folder {
  std::filesystem::path path;       // as given
  std::filesystem::path canonical;  // symlinks followed
  std::string display;              // as the user typed it, without a trailing '/'
  std::uintmax_t max_file_bytes = 0;
  [[nodiscard]] std::string display_of(std::string_view name) const;  // "facts/lbc.yaml"
};

// "facts/" → "facts", "." stays ".", "/" stays "/".
[[nodiscard]] std::string display_root(const std::filesystem::path& dir);

// The *.yaml and *.yml files at the top of the folder (not vocabulary.yaml, not hidden
// files), sorted by name (bytewise). Every other *.yaml there (a folder, a FIFO, a
// dangling symlink, a symlink loop, a symlink leading outside the folder) is named in
// `refused` with the reason: no fact file is dropped in silence.
[[nodiscard]] std::vector<std::string> list_fact_files(const Folder& folder, std::string& error,
                                                       Diagnostics& refused);

// Why the file at `path` cannot be read as a file of the fact base ("is a symbolic link
// loop: it is not read", …), or nullopt when it can.
[[nodiscard]] std::optional<std::string> why_not_readable(const Folder& folder,
                                                          const std::filesystem::path& path);

// "a FIFO (named pipe)", "a folder", …
[[nodiscard]] std::string_view file_type_name(std::filesystem::file_type type);

// Line ends written as a lone CR (old Mac files) become LF, as YAML reads them; CRLF stays.
void unify_line_ends(std::string& bytes);

// The whole file, or nullopt with `error` set ("cannot be read: …", "is 300 MB, more than …").
[[nodiscard]] std::optional<std::string> read_bytes(const std::filesystem::path& path,
                                                    std::uintmax_t max_bytes, std::string& error);

// Reads `file.source.article` into the source (errors on the fact file).
void read_article(const Folder& folder, RawFile& file);

}  // namespace cc::load
