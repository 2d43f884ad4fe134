#include "load/text.h"

#include <fmt/format.h>
#include <algorithm>
#include <cstdint>
#include <cstring>

#include "model/utf8.h"

namespace cc::load {
namespace {

[[nodiscard]] bool is_continuation(unsigned char c) {
  return (c & 0xC0) == 0x80;
}

}  // namespace

std::optional<EncodingError> check_utf8(std::string_view bytes) {
  std::size_t at = 0;
  while (at < bytes.size()) {
    // A run of ASCII but NUL, the usual text, needs no decoding: skipped eight bytes at a
    // time while none of them is NUL or beyond ASCII, then a byte at a time.
    for (std::uint64_t w = 0; at + 8 <= bytes.size(); at += 8) {
      std::memcpy(&w, bytes.data() + at, 8);
      const std::uint64_t zero = (w - 0x0101010101010101ULL) & ~w;  // high bit where a NUL is
      if (((w | zero) & 0x8080808080808080ULL) != 0) break;
    }
    while (at < bytes.size() && bytes[at] != '\0' && static_cast<unsigned char>(bytes[at]) < 0x80)
      ++at;
    if (at == bytes.size()) break;
    if (bytes[at] == '\0') return EncodingError{at, "the file holds a NUL byte: it is not text"};
    const utf8::CodePoint c = utf8::decode(bytes, at);
    if (!c.valid) {
      return EncodingError{
          at, fmt::format("the byte 0x{:02X} is not valid UTF-8: save the file as UTF-8",
                          static_cast<unsigned char>(bytes[at]))};
    }
    at += c.length;
  }
  return std::nullopt;
}

std::size_t count_chars(std::string_view bytes) {
  return static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), [](char c) {
    return !is_continuation(static_cast<unsigned char>(c));
  }));
}

PositionMap::PositionMap(std::string_view bytes) : bytes_(bytes) {
  const bool bom = bytes.substr(0, 3) == "\xEF\xBB\xBF";  // not shown by editors: not counted
  line_starts_.push_back(bom ? 3 : 0);
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    if (bytes[i] == '\n') line_starts_.push_back(static_cast<std::uint32_t>(i + 1));
  }
}

Pos PositionMap::at(std::size_t offset) const {
  offset = std::min(offset, bytes_.size());
  if (offset < line_starts_.front()) return {1, 1};
  const auto next = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset);
  const auto line = static_cast<std::uint32_t>(next - line_starts_.begin());  // 1-based
  const std::size_t line_start = line_starts_[line - 1];
  std::size_t from = line_start;
  std::uint32_t column = 1;
  if (cached_pos_.line == line && cached_offset_ >= line_start && cached_offset_ <= offset) {
    from = cached_offset_;
    column = cached_pos_.column;
  }
  column += static_cast<std::uint32_t>(count_chars(bytes_.substr(from, offset - from)));
  cached_offset_ = offset;
  cached_pos_ = {line, column};
  return cached_pos_;
}

std::string_view same_part(std::string_view view, std::string_view from, std::string_view copy) {
  const auto* begin = from.data();
  if (view.data() >= begin && view.data() + view.size() <= begin + from.size() &&
      copy.size() == from.size()) {
    return copy.substr(static_cast<std::size_t>(view.data() - begin), view.size());
  }
  const std::size_t at = copy.find(view);
  return at == std::string_view::npos ? copy : copy.substr(at, view.size());
}

}  // namespace cc::load
