#pragma once
// Positions and names as the protocol has them: a position is a 0-based line and a
// character counted in UTF-16 code units; a document is named by a file:// URI. The
// checker counts 1-based lines and columns in characters (code points), names by path.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::lsp {

struct Position {
  std::uint32_t line = 0;       // 0-based
  std::uint32_t character = 0;  // UTF-16 code units
  friend bool operator==(const Position&, const Position&) = default;
};

struct Range {
  Position start;
  Position end;
  friend bool operator==(const Range&, const Range&) = default;
};

// The lines of a text (LF, CRLF or a lone CR end a line), for position arithmetic.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  [[nodiscard]] std::size_t line_count() const { return starts_.size(); }
  // Line `line` (0-based) without its line end; "" past the end.
  [[nodiscard]] std::string_view line(std::size_t line) const;
  // Byte offset into the text of a protocol position (clamped to the line's end).
  [[nodiscard]] std::size_t offset(Position position) const;
  // The protocol position of a byte offset into line `line`.
  [[nodiscard]] Position position(std::size_t line, std::size_t byte_in_line) const;
  // The protocol position of the checker's 1-based line and column (column in characters).
  [[nodiscard]] Position from_mark(std::uint32_t line, std::uint32_t column) const;

 private:
  std::string_view text_;
  std::vector<std::size_t> starts_;  // byte offset where each line starts
  std::vector<std::size_t> ends_;    // byte offset where each line's text ends
};

// The range of the scalar written at `position` on its line: a quoted scalar to its
// closing quote, a plain one to a comment or the line's end, trailing blanks left out;
// at least one character.
[[nodiscard]] Range scalar_range(const LineIndex& lines, Position position);

// "file:///tmp/a%20b/x.yaml" → "/tmp/a b/x.yaml"; nullopt for another scheme.
[[nodiscard]] std::optional<std::filesystem::path> path_of_uri(std::string_view uri);
// The other way: an absolute path → "file:///…", with the bytes a URI may not hold
// percent-encoded by uriparser (report.h's sarif_artifact_uri).
[[nodiscard]] std::string uri_of_path(const std::filesystem::path& path);

}  // namespace cc::lsp
