#pragma once
// The one UTF-8 decoder of the program, and Unicode case folding: both from utf8proc
// (libutf8proc), so that what counts as valid UTF-8 and what "ignoring case" means are the
// same everywhere (the loader, the value grammar, terminal output, extract).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace cc::utf8 {

// One UTF-8 sequence: its code point and its length in bytes. A byte that does not start
// a valid sequence (a stray continuation byte, a sequence cut short, an overlong form, a
// surrogate, a code point past U+10FFFF) is read alone: `valid` is false, `length` 1 and
// `value` U+FFFD.
struct CodePoint {
  char32_t value = 0xFFFD;
  std::size_t length = 1;
  bool valid = false;
};

inline constexpr char32_t kReplacement = 0xFFFD;

// The sequence starting at a byte from 0x80 (utf8proc_iterate); use decode().
[[nodiscard]] CodePoint decode_sequence(std::string_view text, std::size_t at);

// The sequence starting at byte `at` (< text.size()). ASCII is read inline: most text is.
[[nodiscard]] inline CodePoint decode(std::string_view text, std::size_t at) {
  const auto lead = static_cast<unsigned char>(text[at]);
  if (lead < 0x80) return CodePoint{lead, 1, true};
  return decode_sequence(text, at);
}

// The offset of the first byte that is not valid UTF-8, or nullopt.
[[nodiscard]] std::optional<std::size_t> first_invalid(std::string_view text);

// Unicode general categories (utf8proc_category): a letter or a combining mark (L*, M*),
// and white space (Zs, Zl, Zp and the ASCII tab, line feed, vertical tab, form feed and
// carriage return).
[[nodiscard]] bool is_letter(char32_t c);
[[nodiscard]] bool is_space(char32_t c);

// Text for comparison "ignoring case": Unicode full case folding after compatibility
// normalisation (NFKC_Casefold: "ÉTÉ" and "été" fold alike, "Straße" and "STRASSE", "ﬁ"
// and "fi"), with default-ignorable characters (soft hyphens, zero-width joiners)
// dropped. Nullopt when `text` is not valid UTF-8.
[[nodiscard]] std::optional<std::string> fold_case(std::string_view text);

}  // namespace cc::utf8
