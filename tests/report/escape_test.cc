#include "catch.h"

#include "grammar/value.h"
#include "report/escape.h"
#include "report/report_text.h"

using namespace cc;

TEST_CASE("html_escape turns markup from the fact files into text", "[report]") {
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(html_escape("7,062 · 89%") == "7,062 · 89%");
}

TEST_CASE("markdown_escape keeps tables, emphasis and HTML from the fact files inert", "[report]") {
  CHECK(markdown_escape("a | b") == "a \\| b");
  CHECK(markdown_escape("*bold* _it_ `code` <b> [x](y) ~s~") ==
        "\\*bold\\* \\_it\\_ \\`code\\` \\<b\\> \\[x\\](y) \\~s\\~");
  CHECK(markdown_escape("line\nbreak") == "line break");
  CHECK(markdown_escape("- not a list") == "\\- not a list");
  CHECK(markdown_escape("1. not a list") == "1\\. not a list");
  CHECK(markdown_escape("2017-18 and 7.5 million") == "2017-18 and 7.5 million");
  CHECK(markdown_code("a`b|c") == "``a`b/c``");
}

TEST_CASE("GitHub workflow commands escape messages and properties differently", "[report]") {
  CHECK(github_message_escape("100% a:b, c\r\nd") == "100%25 a:b, c%0D%0Ad");
  CHECK(github_property_escape("100% a:b, c\r\nd") == "100%25 a%3Ab%2C c%0D%0Ad");
}

namespace {

Value value_of(std::string_view written, FactKind role = FactKind::figure, bool count = true) {
  ValueContext context;
  context.role = role;
  context.count = count;
  return std::get<Value>(parse_value(written, context));
}

std::string marked(std::string_view quote, const Value& value) {
  std::string out;
  std::size_t at = 0;
  for (const TextSpan& s : value_spans(quote, value)) {
    out += std::string(quote.substr(at, s.offset - at)) + "[" +
           std::string(quote.substr(s.offset, s.length)) + "]";
    at = s.offset + s.length;
  }
  return out + std::string(quote.substr(at));
}

}  // namespace

TEST_CASE("value_spans finds the number of the value in its quote", "[report]") {
  CHECK(marked("a rise of 89% since 2017-18", value_of("89%", FactKind::change, false)) ==
        "a rise of [89%] since 2017-18");
  CHECK(marked("with more than 7,000 offences recorded", value_of("more than 7,000")) ==
        "with [more than 7,000] offences recorded");
  CHECK(marked("compared with 3,217 in the previous year", value_of("3217")) ==
        "compared with [3,217] in the previous year");
  CHECK(marked("Sexual grooming crimes soar by a third",
               value_of("a third", FactKind::change, false)) ==
        "Sexual grooming crimes soar by [a third]");
  CHECK(marked("almost half of them (47%), said",
               value_of("almost half (47%)", FactKind::share, false)) ==
        "almost [half] of them ([47%]), said");
  CHECK(marked("nothing here", value_of("12")) == "nothing here");
}

TEST_CASE("dot_id quotes labels with Boost.Graph's escaping and keeps backslashes", "[report]") {
  CHECK(dot_id("gazette/year-one\n3,217") == "\"gazette/year-one\\n3,217\"");
  CHECK(dot_id("say \"no\"") == "\"say \\\"no\\\"\"");
  // escape_dot_string alone would give "a\" — a quote that does not close.
  CHECK(dot_id("a\\") == "\"a\\\\\"");
  CHECK(dot_id("a\\\"b") == "\"a\\\\\\\"b\"");
  CHECK(dot_id("bell\x07") == "\"bell\\\\x07\"");
  // A plain ID or a number needs no quotes in DOT (and reads the same).
  CHECK(dot_id("365") == "365");
  CHECK(dot_id("") == "\"\"");
}
