#pragma once
// Small helpers for the words of explanations.

#include <string>
#include <vector>

namespace cc {

// "a", "a and b", "a, b and c"
[[nodiscard]] std::string join_words(const std::vector<std::string>& words);

}  // namespace cc
