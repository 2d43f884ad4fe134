#pragma once
// What the words around a number say (private to src/extract/): what is counted, the
// words of its id, and the periods and places its sentence names.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "extract/words.h"

namespace cc::extract {

// Up to `max` words after token `from` (within [from, end)), until a verb, a preposition
// of time or place, or punctuation: "sexual communication with a child offences".
[[nodiscard]] std::string words_after(const Tokens& tokens, std::size_t from, std::size_t end,
                                      std::size_t max);
// Content words (not stop words) next to the value for its id: after it (`forward`), or
// before it, among the nearest few tokens.
[[nodiscard]] std::vector<std::string> content_words(const Tokens& tokens, std::size_t from,
                                                     std::size_t to, bool forward, std::size_t max);
// The number of a value for its id: "89%" → "89pc", "more than 10,000" → "10000".
[[nodiscard]] std::string number_tag(std::string_view value);

// periods_in and places_in (statistics.h) over tokens already read.
[[nodiscard]] std::vector<std::string> periods_of(std::string_view text, const Tokens& tokens);
[[nodiscard]] std::vector<std::string> places_of(const Tokens& tokens);

}  // namespace cc::extract
