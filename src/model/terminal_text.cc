#include "model/terminal_text.h"

#include <fmt/format.h>

#include "model/utf8.h"

namespace cc {
namespace {

void escape_byte(std::string& out, unsigned char c) {
  switch (c) {
    case '\n':
      out += "\\n";
      return;
    case '\r':
      out += "\\r";
      return;
    case '\t':
      out += "\\t";
      return;
    default:
      out += fmt::format("\\x{:02x}", c);
  }
}

}  // namespace

std::string terminal_safe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c < 0x20 || c == 0x7F)
        escape_byte(out, c);
      else
        out += static_cast<char>(c);
      ++i;
      continue;
    }
    const utf8::CodePoint sequence = utf8::decode(text, i);
    if (!sequence.valid) {
      escape_byte(out, c);
      ++i;
      continue;
    }
    if (sequence.value < 0xA0) {
      escape_byte(out, static_cast<unsigned char>(sequence.value));  // C1 control: U+0080-U+009F
    } else {
      out.append(text.substr(i, sequence.length));
    }
    i += sequence.length;
  }
  return out;
}

bool color_allowed(const char* no_color, const char* term) {
  if (no_color != nullptr && *no_color != '\0') return false;
  return term == nullptr || std::string_view(term) != "dumb";
}

}  // namespace cc
