#pragma once
// Bytes of an input file: encoding checks and byte offset → line:column (1-based, the
// column counted in characters, not bytes, so it matches what an editor shows).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cc::load {

// More errors than this in one file are counted, not listed: a hostile file cannot
// flood the output or the memory with them.
inline constexpr std::size_t kMaxErrorsPerFile = 1000;
// The longest text one field may hold (a quote, a note, a title, a reason…), in bytes.
inline constexpr std::size_t kMaxTextBytes = 64 * 1024;

struct Pos {
  std::uint32_t line = 0;    // 1-based; 0: the whole file
  std::uint32_t column = 0;  // 1-based, in characters
  friend bool operator==(const Pos&, const Pos&) = default;
};

// Where the first byte that is not valid UTF-8 (or is NUL) sits, and what is wrong.
struct EncodingError {
  std::size_t offset = 0;
  std::string message;
};

// nullopt when `bytes` is valid UTF-8 without NUL bytes (overlong forms, surrogates and
// code points above U+10FFFF are invalid).
[[nodiscard]] std::optional<EncodingError> check_utf8(std::string_view bytes);

// `view`, a part of `from`, as the same part of `copy` (a copy of `from`): where a value
// read from a text the loader frees is made to view the copy its fact keeps. A view that is
// not within `from` is looked up in `copy` (all of `copy` when not found).
[[nodiscard]] std::string_view same_part(std::string_view view, std::string_view from,
                                         std::string_view copy);

// The number of characters (UTF-8 lead bytes) in `bytes`.
[[nodiscard]] std::size_t count_chars(std::string_view bytes);

// Byte offsets → positions. Offsets usually grow while a file is parsed, so the last
// answer is kept and the next one counted on from it: linear over a whole file even
// when it is one very long line.
class PositionMap {
 public:
  explicit PositionMap(std::string_view bytes);
  [[nodiscard]] Pos at(std::size_t offset) const;

 private:
  std::string_view bytes_;
  std::vector<std::uint32_t> line_starts_;
  mutable std::size_t cached_offset_ = 0;
  mutable Pos cached_pos_{1, 1};
};

}  // namespace cc::load
