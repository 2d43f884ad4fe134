// extract: the article's text — lines, sentences, titles, dates and times.
#include "catch.h"

#include "extract/article_text.h"
#include "support/test_support.h"

using namespace cc::extract;

namespace {

std::vector<std::string> sentences_of(std::string_view text) {
  std::vector<std::string> out;
  for (const Sentence& s : split_sentences(text)) out.emplace_back(s.span.of(text));
  return out;
}

std::vector<std::string> dates_of(std::string_view text) {
  std::vector<std::string> out;
  for (const DateMention& d : find_dates(text, tokenize(text))) {
    out.push_back(std::string(d.span.of(text)) + " = " +
                  (d.date.year == 0
                       ? "--" + std::to_string(d.date.month) + "-" + std::to_string(d.date.day)
                       : iso(d.date)));
  }
  return out;
}

std::vector<std::string> times_of(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& t : find_times(text, tokenize(text))) out.emplace_back(t.of(text));
  return out;
}

std::string published(std::string_view text) {
  const auto p = find_publication_date(text);
  return p ? iso(p->date) : "";
}

}  // namespace

TEST_CASE("words are runs of Unicode letters, symbols and overlong bytes are marks", "[extract]") {
  const auto kinds = [](std::string_view text) {
    std::string out;
    for (const Token& t : tokenize(text)) {
      out += t.kind == TokenKind::word ? "w" : t.kind == TokenKind::number ? "n" : "m";
      out += "[" + std::string(t.text) + "]";
    }
    return out;
  };
  CHECK(kinds("Stra\u00DFe caf\u00E9") == "w[Stra\u00DFe]w[caf\u00E9]");
  CHECK(kinds("cafe\u0301s") == "w[cafe\u0301s]");  // a combining accent inside the word
  // An emoji was a letter to the ranges before utf8proc; it is a symbol (So): a mark.
  CHECK(kinds("up\U0001F600") == "w[up]m[\U0001F600]");
  // An overlong "/" (C0 AF) was one character to the old decoder; it is two bad bytes.
  CHECK(kinds("a\xC0\xAF") == "w[a]m[\xC0]m[\xAF]");
  CHECK(kinds("1\u3000000") == "n[1]n[000]");  // ideographic space separates
}

TEST_CASE("sentences end at a full stop, a question or an exclamation before a capital",
          "[extract]") {
  CHECK(sentences_of("Crime rose by 12%. Police said so! Was it true? Yes.") ==
        std::vector<std::string>{"Crime rose by 12%.", "Police said so!", "Was it true?", "Yes."});
  CHECK(sentences_of("It said: \u201cThe figures are clear.\u201d The charity agreed.") ==
        std::vector<std::string>{"It said: \u201cThe figures are clear.\u201d",
                                 "The charity agreed."});
  // A full stop before a lower-case word does not end a sentence.
  CHECK(sentences_of("The rate was 2.5 per cent. it went on, etc. and more.").size() == 1);
}

TEST_CASE("sentences keep decimals, abbreviations, initials and No. 5 together", "[extract]") {
  CHECK(sentences_of("Crime rose 2.5 per cent to \u00A33.50 a head. Next.") ==
        std::vector<std::string>{"Crime rose 2.5 per cent to \u00A33.50 a head.", "Next."});
  CHECK(
      sentences_of("Mr. Smith met Dr. Jones at No. 5 Downing Street. They spoke.") ==
      std::vector<std::string>{"Mr. Smith met Dr. Jones at No. 5 Downing Street.", "They spoke."});
  CHECK(sentences_of("Figures from the U.K. Home Office show 45 forces. J. K. Rowling wrote.") ==
        std::vector<std::string>{"Figures from the U.K. Home Office show 45 forces.",
                                 "J. K. Rowling wrote."});
  CHECK(sentences_of("Apps, e.g. Snapchat and Instagram, were named. No. It was not.") ==
        std::vector<std::string>{"Apps, e.g. Snapchat and Instagram, were named.", "No.",
                                 "It was not."});
}

TEST_CASE("sentences end at blank lines and line breaks, and join wrapped lines", "[extract]") {
  CHECK(sentences_of("Headline with 45 cases\n\nBody text here.\nAnother line\n") ==
        std::vector<std::string>{"Headline with 45 cases", "Body text here.", "Another line"});
  // A line that does not end in punctuation, followed by one in lower case: one sentence.
  const std::string wrapped = "Police recorded more than\n10,000 cases in the two\nyears to 2019.";
  CHECK(sentences_of(wrapped) == std::vector<std::string>{"Police recorded more than\n10,000 "
                                                          "cases in the two\nyears to 2019."});
  CHECK(collapse_space(sentences_of(wrapped)[0]) ==
        "Police recorded more than 10,000 cases in the two years to 2019.");
  CHECK(sentences_of("One\r\nTwo\r\n") == std::vector<std::string>{"One", "Two"});
  CHECK(sentences_of("").empty());
  CHECK(sentences_of("\n\n  \n").empty());
}

TEST_CASE("sentence lines are the lines they start on", "[extract]") {
  const std::string text = "Title\n\nFirst. Second.\n\nThird\n";
  const auto sentences = split_sentences(text);
  REQUIRE(sentences.size() == 4);
  CHECK(sentences[0].line == 1);
  CHECK(sentences[1].line == 3);
  CHECK(sentences[2].line == 3);
  CHECK(sentences[3].line == 5);
}

TEST_CASE("dates are found in the ways newspapers write them", "[extract]") {
  CHECK(dates_of("29 May, 2020") == std::vector<std::string>{"29 May, 2020 = 2020-05-29"});
  CHECK(dates_of("1 November 2024, 05:57 | Updated: 1 November 2024, 06:20") ==
        std::vector<std::string>{"1 November 2024 = 2024-11-01", "1 November 2024 = 2024-11-01"});
  CHECK(dates_of("Monday, 18th June 2018, 1:36 pm") ==
        std::vector<std::string>{"Monday, 18th June 2018 = 2018-06-18"});
  CHECK(dates_of("came into force on April 3, 2017 following") ==
        std::vector<std::string>{"April 3, 2017 = 2017-04-03"});
  CHECK(dates_of("published 2020-05-29 at noon") ==
        std::vector<std::string>{"2020-05-29 = 2020-05-29"});
  CHECK(dates_of("in the year to April 2019") == std::vector<std::string>{"April 2019 = 2019-04"});
  CHECK(dates_of("on the 3rd of April") == std::vector<std::string>{"3rd of April = --4-3"});
  CHECK(dates_of("Published Jan. 5, 2024 at 10:30 a.m.") ==
        std::vector<std::string>{"Jan. 5, 2024 = 2024-01-05"});
  CHECK(dates_of("Sept 5, 2021 and 5 Jan 2022") ==
        std::vector<std::string>{"Sept 5, 2021 = 2021-09-05", "5 Jan 2022 = 2022-01-05"});
}

TEST_CASE("dates are not read from verbs, impossible days or fiscal years", "[extract]") {
  CHECK(dates_of("as staggering as the number may seem, 12 may 2020").empty());
  // An impossible day is not read: what is left is a month.
  CHECK(dates_of("31 April 2019") == std::vector<std::string>{"April 2019 = 2019-04"});
  CHECK(dates_of("29 February 2019") == std::vector<std::string>{"February 2019 = 2019-02"});
  CHECK(dates_of("29 February 2020") == std::vector<std::string>{"29 February 2020 = 2020-02-29"});
  CHECK(dates_of("In March 2017-18 figures") == std::vector<std::string>{});
  CHECK(dates_of("45 cases in 2019").empty());
}

TEST_CASE("times of day are found", "[extract]") {
  CHECK(times_of("1 November 2024, 05:57 | Updated 06:20") ==
        std::vector<std::string>{"05:57", "06:20"});
  CHECK(times_of("Monday, 18th June 2018, 1:36 pm") == std::vector<std::string>{"1:36 pm"});
  CHECK(times_of("at 10am, 10.30 a.m. and 6 pm, or 6 o'clock") ==
        std::vector<std::string>{"10am", "10.30 a.m.", "6 pm", "6 o'clock"});
  CHECK(times_of("12 per cent of 45 cases, 3:1 odds").size() == 0);
}

TEST_CASE("the publication date is the first full date on a short line near the top", "[extract]") {
  CHECK(published("Title\n\n29 May, 2020\n\nBody") == "2020-05-29");
  CHECK(published("Title\n\nMonday, 18th June 2018, 1:36 pm\nUpdated Tuesday, 19th June 2018") ==
        "2018-06-18");
  // A date inside a long sentence of the body is not the publication date.
  CHECK(published("Title\n\nThe new crime came into force on April 3, 2017 following a long "
                  "campaign by the charity, and in the first year 3,171 crimes were recorded.") ==
        "");
  CHECK(published("Title\n\nIn the year to April 2019 there were 4,373 offences.") == "");
  CHECK(published("") == "");
}

TEST_CASE("the title is the first line that is not page furniture", "[extract]") {
  const std::string text = "You are here\n\nMore than 10,000 cases\n\nBody.";
  const auto lines = split_lines(text);
  const auto title = find_title(text, lines);
  REQUIRE(title);
  CHECK(title->span.of(text) == "More than 10,000 cases");
  CHECK(title->number == 3);
  CHECK_FALSE(find_title("\n \n", split_lines("\n \n")));
}

TEST_CASE("the article ends at furniture such as More Latest News", "[extract]") {
  const std::string text = "Title\nBody with 45 cases.\nMore Latest News\nBoy, 4, found\n";
  const auto lines = split_lines(text);
  CHECK(find_article_end(text, lines, 1) == 2);
  CHECK(is_link_line("Read more: Grandad, 61, jailed"));
  CHECK_FALSE(is_link_line("Readers sent more than 45 letters"));
}

TEST_CASE("an article is read as UTF-8 text or refused", "[extract]") {
  const auto dir = cc::test::scratch_dir("extract-read");
  ReadError error;
  cc::test::write_file(dir / "bom.txt", "\xEF\xBB\xBFTitle\n");
  CHECK(read_article(dir / "bom.txt", error) == "Title\n");
  cc::test::write_file(dir / "latin1.txt", "Caf\xE9 au lait\n");
  CHECK_FALSE(read_article(dir / "latin1.txt", error));
  CHECK(error.message.find("not UTF-8 text: the byte 0xE9") == 0);
  CHECK(error.line == 1);
  CHECK(error.column == 4);
  cc::test::write_file(dir / "nul.txt", std::string("a\0b", 3));
  CHECK_FALSE(read_article(dir / "nul.txt", error));
  CHECK(error.message.find("NUL") != std::string::npos);
  CHECK_FALSE(read_article(dir / "missing.txt", error));
  CHECK(error.message == "no such file");
  CHECK(error.line == 0);
  CHECK_FALSE(read_article(dir, error));
  CHECK(error.message == "a folder, not a text file");
  cc::test::write_file(dir / "big.txt", std::string(2048, 'x'));
  CHECK_FALSE(read_article(dir / "big.txt", error, 1024));
  CHECK(read_article(dir / "big.txt", error, 4096));
  cc::test::write_file(dir / "empty.txt", "");
  CHECK_FALSE(read_article(dir / "empty.txt", error));
  CHECK(error.message.find("the file is empty") == 0);
  cc::test::write_file(dir / "blank.txt", "\xEF\xBB\xBF \n\t\r\n\xC2\xA0\n");
  CHECK_FALSE(read_article(dir / "blank.txt", error));
  CHECK(error.message.find("only white space") != std::string::npos);
  if (std::filesystem::exists("/dev/null")) {
    CHECK_FALSE(read_article("/dev/null", error));
    CHECK(error.message.find("not a regular file") == 0);
  }
}
