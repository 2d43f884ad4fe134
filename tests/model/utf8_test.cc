// The one UTF-8 decoder (utf8proc) and Unicode case folding.
#include "catch.h"

#include "model/utf8.h"

using cc::utf8::decode;

TEST_CASE("utf8: decode reads one sequence and its code point", "[model][utf8]") {
  CHECK(decode("a", 0).value == U'a');
  CHECK(decode("\xC3\xA9t\xC3\xA9", 0).value == U'\u00E9');
  CHECK(decode("\xC3\xA9t\xC3\xA9", 0).length == 2);
  CHECK(decode("\xE2\x80\x94", 0).value == U'\u2014');
  CHECK(decode("\xF0\x9F\x98\x80", 0).length == 4);
  CHECK(decode("\xF0\x9F\x98\x80", 0).valid);
}

TEST_CASE("utf8: a malformed sequence is one invalid byte", "[model][utf8]") {
  // Each of these was read as one code point by at least one of the decoders utf8proc
  // replaced (the value grammar's and extract's accepted overlong forms and surrogates).
  for (const std::string_view bad :
       {std::string_view("\xC0\xAF"), std::string_view("\xE0\x80\xAF"),
        std::string_view("\xED\xA0\x80"), std::string_view("\xF4\x90\x80\x80"),
        std::string_view("\xC3"), std::string_view("\x80")}) {
    const auto c = decode(bad, 0);
    INFO(bad.size());
    CHECK_FALSE(c.valid);
    CHECK(c.length == 1);
    CHECK(c.value == cc::utf8::kReplacement);
  }
  CHECK(cc::utf8::first_invalid("ok \xC3\xA9 \xED\xA0\x80") == std::optional<std::size_t>(6));
  CHECK_FALSE(cc::utf8::first_invalid("ok \xC3\xA9").has_value());
}

TEST_CASE("utf8: case folding is Unicode's, not ASCII's", "[model][utf8]") {
  CHECK(cc::utf8::fold_case("\xC3\x89T\xC3\x89") ==
        std::optional<std::string>("\xC3\xA9t\xC3\xA9"));
  CHECK(cc::utf8::fold_case("STRASSE") == cc::utf8::fold_case("Stra\xC3\x9F"
                                                              "e"));
  CHECK(cc::utf8::fold_case("\xEF\xAC\x81"
                            "nd") == std::optional<std::string>("find"));      // ﬁ ligature
  CHECK(cc::utf8::fold_case("e\xCC\x81") == cc::utf8::fold_case("\xC3\xA9"));  // é decomposed
  CHECK(cc::utf8::fold_case("co\xC2\xAD"
                            "operate") == std::optional<std::string>("cooperate"));
  CHECK_FALSE(cc::utf8::fold_case("\xC3").has_value());
}

TEST_CASE("utf8: letters and spaces are Unicode's categories", "[model][utf8]") {
  CHECK(cc::utf8::is_letter(U'\u00E9'));
  CHECK(cc::utf8::is_letter(U'\u00DF'));
  CHECK(cc::utf8::is_letter(U'\u0301'));  // a combining accent stays inside its word
  CHECK(cc::utf8::is_letter(U'\u00B5'));  // micro sign: a letter (Ll)
  CHECK_FALSE(cc::utf8::is_letter(U'\u20AC'));
  CHECK_FALSE(cc::utf8::is_letter(U'\U0001F600'));  // an emoji is a symbol, not a letter
  CHECK_FALSE(cc::utf8::is_letter(U'\u0663'));      // a digit (Arabic-Indic three)
  CHECK(cc::utf8::is_space(U'\u00A0'));
  CHECK(cc::utf8::is_space(U'\u3000'));
  CHECK(cc::utf8::is_space(U'\u2028'));
  CHECK(cc::utf8::is_space(U'\t'));
  CHECK_FALSE(cc::utf8::is_space(U'\u200B'));  // zero-width space is a format character
  CHECK_FALSE(cc::utf8::is_space(U'x'));
}
