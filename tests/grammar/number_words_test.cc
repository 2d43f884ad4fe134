// The quote check's shortcut (grammar/number_words.h): a word for which
// may_start_number_words() is false must be one that none of the number readers can read,
// so that skipping it changes no list of numbers. Checked on every word of facts/ and
// tests/cases/, on every word of the table and on random words.
#include "catch.h"

#include <cstddef>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "grammar/number_words.h"
#include "grammar/tokens.h"
#include "grammar/words.h"
#include "support/test_support.h"

namespace {

using cc::value_detail::Token;
using cc::value_detail::TokenKind;

// Whether any reader of a quote's numbers reads something starting at tokens[0].
bool something_reads(const std::vector<Token>& tokens) {
  namespace vd = cc::value_detail;
  const Token& token = tokens.front();
  return vd::read_number_words(tokens, 0).has_value() || vd::fraction_numerator(token) ||
         vd::fraction_word(token) || vd::multiplier_word(token);
}

// Each word of `text`, followed by the words after it (the readers look ahead).
std::size_t check_words_of(const std::string& text) {
  const std::vector<Token> tokens =
      cc::value_detail::tokenize(text, cc::value_detail::LexMode::quote);
  std::size_t skipped = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::word) continue;
    if (cc::value_detail::may_start_number_words(tokens[i])) continue;
    ++skipped;
    const std::vector<Token> rest(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.end());
    INFO(std::string(tokens[i].text) + " in: " + text.substr(tokens[i].offset, 60));
    CHECK_FALSE(something_reads(rest));
  }
  return skipped;
}

std::string read_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("a word the number readers cannot start with is skipped, on every word of the facts",
          "[grammar][number_words]") {
  std::size_t skipped = 0;
  std::size_t files = 0;
  for (const char* folder : {"facts", "tests/cases"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(cc::test::source_dir() / folder)) {
      if (!entry.is_regular_file()) continue;
      const auto extension = entry.path().extension();
      if (extension != ".yaml" && extension != ".md" && extension != ".txt") continue;
      skipped += check_words_of(read_text(entry.path()));
      ++files;
    }
  }
  CHECK(files > 10);
  CHECK(skipped > 1000);  // the shortcut is taken
}

TEST_CASE("every word of the table, in any case, is skipped only when nothing reads it",
          "[grammar][number_words]") {
  std::string text;
  for (const cc::grammar::Word& row : cc::grammar::words()) {
    for (std::string_view word : cc::grammar::words_of(row.phrase)) {
      std::string upper(word);
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      text += std::string(word) + " million " + upper + " third " + std::string(word) + "-one ";
    }
  }
  for (std::string_view word :
       {"zero", "one",  "nine",     "ten",     "nineteen", "twenty",   "ninety",  "hundred",
        "a",    "an",   "thousand", "million", "billion",  "trillion", "k",       "m",
        "bn",   "half", "thirds",   "twice",   "doubled",  "halved",   "tenfold", "and",
        "the",  "in",   "every",    "per",     "cent"}) {
    text += std::string(word) + " hundred " + std::string(word) + " thousand ";
  }
  CHECK(check_words_of(text) > 0);
  // The words that start numbers are not skipped.
  for (const char* word : {"One", "a", "AN", "hundred", "Thousand", "third", "twice", "forty"}) {
    const auto tokens = cc::value_detail::tokenize(word, cc::value_detail::LexMode::quote);
    INFO(word);
    CHECK(cc::value_detail::may_start_number_words(tokens.front()));
  }
}

TEST_CASE("random words are skipped only when nothing reads them", "[grammar][number_words]") {
  // Letters of the number words, so that near misses ("hundreds", "tenth", "fort") occur.
  const std::string letters = "aehinortuwvsdlfgmkbcyqAEHINORTUW";
  std::mt19937 random(13);
  std::uniform_int_distribution<std::size_t> letter(0, letters.size() - 1);
  std::uniform_int_distribution<int> length(1, 9);
  std::string text;
  for (int n = 0; n < 20000; ++n) {
    const int size = length(random);
    for (int k = 0; k < size; ++k) text += letters[letter(random)];
    text += n % 7 == 0 ? " thousand " : n % 5 == 0 ? "-" : " ";
  }
  CHECK(check_words_of(text) > 10000);
}
