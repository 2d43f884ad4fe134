#pragma once
// Finding the fact base from a path the user gave (or from the current folder): the
// folder that holds vocabulary.yaml. Only the names of folders are looked at on the way up;
// nothing outside the fact base found is read.

#include <filesystem>
#include <optional>
#include <string>

namespace cc {

// The fact base that `path` belongs to: a folder holding vocabulary.yaml is one; from a
// file (or a folder without one) the search walks up the folders above, stopping after a
// folder that holds `.git` (the top of a repository) or at the root. The folder is given
// relative to the current folder where it lies below it ("facts", "." or "../.."),
// absolute otherwise. nullopt when no folder on the way holds vocabulary.yaml.
[[nodiscard]] std::optional<std::filesystem::path> find_fact_base(
    const std::filesystem::path& path);

// True when `file` is one of the files at the top of the fact base `dir` (where the
// loader reads fact files).
[[nodiscard]] bool is_top_level_file_of(const std::filesystem::path& file,
                                        const std::filesystem::path& dir);

}  // namespace cc
