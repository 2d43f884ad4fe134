// quote: a quote not found in the source text, or the value not found in its quote.
#include <string>
#include <vector>

#include "grammar/quote_text.h"
#include "rules/rule_test_support.h"

using namespace cc::test;

namespace {
std::string with_article(const std::string& facts) {
  return "source:\n  id: a\n  title: a\n  published: 2024-01-01\n  article: "
         "articles/a.txt\nfacts:\n" +
         facts;
}
const std::string kArticle =
    "Officials said \u201c7,062 cases were recorded\u201d \u2014 a rise of 89% \u2013 in "
    "2023-24.\nNine a day.\n";
}  // namespace

TEST_CASE("quote: folding makes curly quotes, dashes, case and spaces match", "[rules][quote]") {
  CHECK(cc::fold_quote_text("\u201cA  \u2014 B\u2019s\u201d") == "\"a - b's\"");
}

TEST_CASE("quote: case is folded beyond ASCII", "[rules][quote]") {
  CHECK(cc::fold_quote_text("\u00C9T\u00C9") == cc::fold_quote_text("\u00E9t\u00E9"));
  CHECK(cc::fold_quote_text("GROSSE STRASSE") == cc::fold_quote_text("gro\u00DFe Stra\u00DFe"));
  CHECK(cc::fold_quote_text("\u0394\u039F\u039C\u0397") ==
        cc::fold_quote_text("\u03B4\u03BF\u03BC\u03B7"));
  CHECK(cc::fold_quote_text("\u00C9t\u00E9") != cc::fold_quote_text("ete"));  // accents stay
}

TEST_CASE("quote: a quote in capitals beyond ASCII is found in the article", "[rules][quote]") {
  const std::string article =
      "Le nombre a doubl\u00E9 pendant l\u2019\u00E9t\u00E9 : 7,062 cas dans la Gro\u00DFe "
      "Stra\u00DFe.\n";
  const auto checked = check_sources(
      "quote-unicode",
      {{"articles/a.txt", article},
       {"a.yaml",
        with_article(
            R"(  - {id: n, quote: "DOUBL\u00C9 PENDANT L'\u00C9T\u00C9 : 7,062", value: 7062, measure: cases, where: Land, when: 2023-24}
  - {id: m, quote: "7,062 CAS DANS LA GROSSE STRASSE", value: 7062, measure: cases, where: Land, when: 2022-23}
)")}});
  INFO((checked.findings.empty() ? std::string() : checked.findings[0]));
  CHECK(checked.findings.empty());
}

TEST_CASE("quote: a value and a quote that match the article stay silent", "[rules][quote]") {
  const auto checked = check_sources(
      "quote-silent",
      {{"articles/a.txt", kArticle},
       {"a.yaml",
        with_article(
            R"(  - {id: n, quote: '"7,062 cases were recorded" - a rise', value: 7062, measure: cases, where: Land, when: 2023-24}
  - {id: r, quote: A RISE   of 89%, value: 89%, change: {from: {measure: cases, where: Land, when: 2017-18}, to: n}}
)")}});
  INFO((checked.findings.empty() ? std::string() : checked.findings[0]));
  CHECK(checked.findings.empty());
}

TEST_CASE("quote: a number copied wrongly and a quote not in the article", "[rules][quote]") {
  const auto files = std::vector<std::pair<std::string, std::string>>{
      {"articles/a.txt", kArticle},
      {"a.yaml",
       with_article(
           R"(  - {id: n, quote: '7,062 cases were recorded', value: 7026, measure: cases, where: Land, when: 2023-24}
  - {id: r, quote: a rise of 98%, value: 98%, change: {from: {measure: cases, where: Land, when: 2017-18}, to: n}}
)")}};
  const auto checked = check_sources("quote-fires", files);
  REQUIRE(checked.findings.size() == 2);
  CHECK(checked.findings[0] ==
        "quote error [a/n]: the value '7026' of 'a/n' is not in its quote: '7026' was not found");
  CHECK(checked.findings[1] ==
        "quote error [a/r]: the quote of 'a/r' is not in quote-fires/articles/a.txt");
  CHECK(check_sources("quote-off", files, {"quote"}).findings.empty());
}

TEST_CASE("quote: the search of an article's quotes finds exactly what std::string::find finds",
          "[rules][quote]") {
  // Texts of few letters repeat their grams many times; quotes are cut from the text
  // (found), cut and changed by one letter (found or not), and made up; the same quote
  // given twice is found twice.
  std::uint64_t state = 7;
  const auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<std::size_t>(state >> 33);
  };
  for (const std::string_view letters : {"ab", "abc ", "the quick brown fox"}) {
    std::string text;
    for (int i = 0; i < 3000; ++i) text += letters[next() % letters.size()];
    std::vector<std::string> quotes;
    for (int i = 0; i < 600; ++i) {
      const std::size_t length = next() % 40;
      const std::size_t start = next() % (text.size() - length);
      std::string quote = text.substr(start, length);
      if (i % 3 == 1 && !quote.empty())
        quote[next() % quote.size()] = letters[next() % letters.size()];
      if (i % 3 == 2) {
        quote.clear();
        for (std::size_t k = 0; k < length; ++k) quote += letters[next() % letters.size()];
      }
      quotes.push_back(quote);
    }
    quotes.push_back(quotes[0]);
    quotes.push_back(text.substr(text.size() - 20));  // at the very end
    quotes.push_back(text + "a");                     // longer than the text
    const std::vector<bool> found = cc::quotes_in(text, quotes);
    REQUIRE(found.size() == quotes.size());
    std::size_t yes = 0;
    for (std::size_t q = 0; q < quotes.size(); ++q) {
      INFO(quotes[q]);
      CHECK(found[q] == (text.find(quotes[q]) != std::string::npos));
      yes += found[q] ? 1 : 0;
    }
    CHECK(yes > 0);
    CHECK(yes < quotes.size());
  }
  const std::vector<std::string> few = {"short", "shorter than the text", "", "text"};
  CHECK(cc::quotes_in("short", few) == std::vector<bool>{true, false, true, false});
  CHECK(cc::quotes_in("", few) == std::vector<bool>{false, false, true, false});
}

TEST_CASE("quote: ASCII text folds as the full folding does", "[rules][quote]") {
  // The ASCII path lowers and collapses in one pass; a non-ASCII character anywhere takes
  // the full path, whose result on the ASCII part must be the same.
  for (const std::string_view text :
       {"  The  Quick\tBrown\n\nFox  ", "A", "", " \r\n ", "MIXED case, 12.5% OF 'IT'"}) {
    INFO(text);
    const std::string with_mark = std::string(text) + "\u2019";
    std::string expected = cc::fold_quote_text(with_mark);
    REQUIRE(expected.ends_with("'"));
    expected.pop_back();
    while (!expected.empty() && expected.back() == ' ') expected.pop_back();
    CHECK(cc::fold_quote_text(text) == expected);
  }
  CHECK(cc::fold_quote_text("  A\tB  ") == "a b");
}
