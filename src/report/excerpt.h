#pragma once
// The lines of a fact file that hold one fact (with the comments just above it), so the
// HTML report can show each fact as the editor wrote it. The fact files are the check's
// own input, read again by display path; a file that cannot be read gives no excerpts.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/fact.h"

namespace cc {

struct Excerpt {
  std::uint32_t first_line = 0;  // 1-based number of lines.front()
  std::vector<std::string> lines;
};

class FactFileLines {
 public:
  explicit FactFileLines(const FactBase& base) : base_(base) {}

  // The fact's entry: from the comments above its "- " line to the line before the next
  // entry (or its comments), at most `max_lines` lines.
  [[nodiscard]] std::optional<Excerpt> excerpt(FactIndex fact, std::size_t max_lines = 30);

 private:
  const std::vector<std::string>* lines_of(std::uint32_t file);

  const FactBase& base_;
  std::map<std::uint32_t, std::optional<std::vector<std::string>>> files_;
};

}  // namespace cc
