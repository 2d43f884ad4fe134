#include "lsp/text.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

#include "model/utf8.h"
#include "report/report.h"

namespace cc::lsp {

namespace {

// The character at `byte` (model/utf8, the program's one decoder): its length in bytes and
// in UTF-16 code units, the protocol's unit (two above U+FFFF; a bad byte is one of each).
struct Character {
  std::size_t bytes;
  std::uint32_t units;
};
[[nodiscard]] Character character_at(std::string_view text, std::size_t byte) {
  const utf8::CodePoint c = utf8::decode(text, byte);
  return {c.length, c.value > 0xFFFF ? 2U : 1U};
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    starts_.push_back(start);
    ends_.push_back(i);
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  starts_.push_back(start);
  ends_.push_back(text.size());
}

std::string_view LineIndex::line(std::size_t line) const {
  if (line >= starts_.size()) return {};
  return text_.substr(starts_[line], ends_[line] - starts_[line]);
}

std::size_t LineIndex::offset(Position position) const {
  if (position.line >= starts_.size()) return text_.size();
  const std::string_view text = line(position.line);
  std::size_t byte = 0;
  std::uint32_t units = 0;
  while (byte < text.size() && units < position.character) {
    const Character c = character_at(text, byte);
    units += c.units;
    byte += c.bytes;
  }
  return starts_[position.line] + byte;
}

Position LineIndex::position(std::size_t line_number, std::size_t byte_in_line) const {
  const std::string_view text = line(line_number);
  std::uint32_t units = 0;
  for (std::size_t byte = 0; byte < std::min(byte_in_line, text.size());) {
    const Character c = character_at(text, byte);
    units += c.units;
    byte += c.bytes;
  }
  return {static_cast<std::uint32_t>(line_number), units};
}

Position LineIndex::from_mark(std::uint32_t line_1, std::uint32_t column_1) const {
  if (line_1 == 0) return {};
  const std::size_t line_number = line_1 - 1;
  const std::string_view text = line(line_number);
  std::size_t byte = 0;
  for (std::uint32_t c = 1; c < column_1 && byte < text.size(); ++c) {
    byte += character_at(text, byte).bytes;
  }
  return position(line_number, byte);
}

Range scalar_range(const LineIndex& lines, Position position) {
  const std::string_view text = lines.line(position.line);
  const std::size_t line_start = lines.offset({position.line, 0});
  const std::size_t begin = std::min(text.size(), lines.offset(position) - line_start);
  std::size_t end = text.size();
  const char first = begin < text.size() ? text[begin] : '\0';
  if (first == '"' || first == '\'') {
    for (std::size_t i = begin + 1; i < text.size(); ++i) {
      if (first == '"' && text[i] == '\\') {
        ++i;
      } else if (text[i] == first) {
        end = i + 1;
        break;
      }
    }
  } else if (const std::size_t comment = text.find(" #", begin);
             comment != std::string_view::npos) {
    end = comment;
  }
  while (end > begin && (text[end - 1] == ' ' || text[end - 1] == '\t')) --end;
  Range range{lines.position(position.line, begin), lines.position(position.line, end)};
  if (range.end == range.start) range.end.character = range.start.character + 1;
  return range;
}

namespace {

[[nodiscard]] int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

std::optional<std::filesystem::path> path_of_uri(std::string_view uri) {
  constexpr std::string_view kScheme = "file://";
  if (uri.size() < kScheme.size() ||
      !std::ranges::equal(uri.substr(0, kScheme.size()), kScheme,
                          [](char a, char b) { return std::tolower(a) == b; })) {
    return std::nullopt;
  }
  uri.remove_prefix(kScheme.size());
  const std::size_t slash = uri.find('/');  // "file://host/path": the host is dropped
  if (slash == std::string_view::npos) return std::nullopt;
  uri.remove_prefix(slash);
  std::string path;
  for (std::size_t i = 0; i < uri.size(); ++i) {
    if (uri[i] == '?' || uri[i] == '#') break;
    if (uri[i] == '%' && i + 2 < uri.size() && hex_digit(uri[i + 1]) >= 0 &&
        hex_digit(uri[i + 2]) >= 0) {
      path += static_cast<char>(hex_digit(uri[i + 1]) * 16 + hex_digit(uri[i + 2]));
      i += 2;
    } else {
      path += uri[i];
    }
  }
  if (path.find('\0') != std::string::npos) return std::nullopt;
  return std::filesystem::path(path).lexically_normal();
}

std::string uri_of_path(const std::filesystem::path& path) {
  return sarif_artifact_uri(path.generic_string());  // uriparser, as report.sarif's paths
}

}  // namespace cc::lsp
