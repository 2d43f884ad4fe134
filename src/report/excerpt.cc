#include "report/excerpt.h"

#include <algorithm>
#include <fstream>

namespace cc {
namespace {

std::size_t indent_of(const std::string& line) {
  return line.find_first_not_of(' ');
}

bool is_blank(const std::string& line) {
  return indent_of(line) == std::string::npos;
}

bool is_comment(const std::string& line) {
  const std::size_t at = indent_of(line);
  return at != std::string::npos && line[at] == '#';
}

bool is_entry_start(const std::string& line, std::size_t dash) {
  return indent_of(line) == dash && line.compare(dash, 2, "- ") == 0;
}

// Index (0-based) of the "- " line of the entry holding line `index`.
std::size_t entry_start(const std::vector<std::string>& lines, std::size_t index) {
  for (std::size_t i = index + 1; i-- > 0;) {
    const std::size_t at = indent_of(lines[i]);
    if (at != std::string::npos && lines[i].compare(at, 2, "- ") == 0) return i;
  }
  return index;
}

// Comment lines straight above `start` belong to the entry.
std::size_t with_comments_above(const std::vector<std::string>& lines, std::size_t start) {
  while (start > 0 && is_comment(lines[start - 1])) --start;
  return start;
}

// The line after the entry that starts at `start`: the next entry at the same indentation
// (less the comments above it), a line indented less, or the end of the file.
std::size_t entry_end(const std::vector<std::string>& lines, std::size_t start) {
  const std::size_t dash = indent_of(lines[start]);
  std::size_t end = start + 1;
  while (end < lines.size()) {
    const std::string& line = lines[end];
    if (!is_blank(line) && !is_comment(line) &&
        (indent_of(line) < dash || is_entry_start(line, dash)))
      break;
    ++end;
  }
  if (end < lines.size()) end = with_comments_above(lines, end);
  while (end > start + 1 && is_blank(lines[end - 1])) --end;
  return end;
}

}  // namespace

const std::vector<std::string>* FactFileLines::lines_of(std::uint32_t file) {
  auto it = files_.find(file);
  if (it == files_.end()) {
    std::optional<std::vector<std::string>> lines;
    std::ifstream stream(base_.files.at(file), std::ios::binary);
    if (stream) {
      lines.emplace();
      std::string line;
      while (std::getline(stream, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines->push_back(line);
      }
    }
    it = files_.emplace(file, std::move(lines)).first;
  }
  return it->second ? &*it->second : nullptr;
}

std::optional<Excerpt> FactFileLines::excerpt(FactIndex fact, std::size_t max_lines) {
  const Mark& mark = base_.facts[fact].mark;
  if (mark.file >= base_.files.size()) return std::nullopt;
  const std::vector<std::string>* lines = lines_of(mark.file);
  if (!lines || mark.line == 0 || mark.line > lines->size()) return std::nullopt;
  const std::size_t start = entry_start(*lines, mark.line - 1);
  const std::size_t first = with_comments_above(*lines, start);
  const std::size_t end = std::min(entry_end(*lines, start), first + max_lines);
  Excerpt excerpt;
  excerpt.first_line = static_cast<std::uint32_t>(first + 1);
  excerpt.lines.assign(lines->begin() + static_cast<std::ptrdiff_t>(first),
                       lines->begin() + static_cast<std::ptrdiff_t>(end));
  return excerpt;
}

}  // namespace cc
