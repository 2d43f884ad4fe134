// The fact base is held compactly (docs/ARCHITECTURE.md, "Loading and the fact base in
// memory"): each file's ids and texts in one buffer the facts view, its quotes packed in
// one block, refs found through a sorted
// index, one reading kept only for a hedge, record claims apart. What a user sees must not
// change: quotes, ids, written values and refs read right after the loader's own copies are
// gone, after the base is moved or copied, and with the same ids in several files.
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "catch.h"
#include "load/memory_loader.h"
#include "load_helpers.h"

#include "graph/fact_graph.h"
#include "load/raw.h"
#include "model/interval_pool.h"
#include "model/key.h"
#include "model/packed_text.h"

// What a fact, an interval, a constraint and a variable cost, each held once per fact or
// more, and a reference as written while the load resolves it (docs/ARCHITECTURE.md,
// "Loading and the fact base in memory"): a field added must find room in them.
static_assert(sizeof(cc::Fact) <= 112);
// What a Fact is made of: its value (the written text a view of its file's buffer, its
// interval kept once in the base's pool and pointed at, its readings behind one pointer),
// its quote a length after its id, its operands behind one pointer, three marks as their
// distance from the fact's own (which has the file).
static_assert(sizeof(cc::FactValue) <= 40);
static_assert(sizeof(cc::Value) <= 80);  // the value grammar's, with the interval in it
static_assert(sizeof(cc::ReadingList) <= 8);
static_assert(sizeof(cc::OperandList) <= 8);
static_assert(sizeof(cc::NearMark) <= 4);
static_assert(sizeof(cc::Operand) <= 24);
static_assert(sizeof(cc::Interval) <= 48);
static_assert(sizeof(cc::OptionalBound) <= 24);
static_assert(sizeof(cc::Constraint) <= 48);
static_assert(sizeof(cc::Variable) <= 56);
static_assert(sizeof(cc::load::RawRef) <= 64);
// Every fact's links are held at once at the load's peak (all files read, none resolved).
static_assert(sizeof(cc::load::LinkKey) <= 20);
static_assert(sizeof(cc::load::FactLinks) <= 56);
// So are the claims' references: a view of the file's link texts, not a string each, and a
// pattern's fields without their positions.
static_assert(sizeof(cc::load::LinkRef) <= 32);
static_assert(sizeof(cc::load::LinkPattern) <= 40);

namespace {

using cc::test::load_files;

// Three sources whose facts share ids; quotes short and long, escaped, plain and quoted.
std::map<std::string, std::string> three_files() {
  std::map<std::string, std::string> files;
  for (const std::string name : {"a", "b", "c"}) {
    files[name + ".yaml"] = "source: {id: " + name + ", title: T, published: 2024}\n" +
                            "defaults: {measure: offences, where: UK, when: 2020}\n"
                            "facts:\n"
                            "  - id: n\n"
                            "    quote: \"" +
                            name +
                            ": \\\"caf\\u00e9\\\" saw more than 3,000 offences in the year "
                            "to March 2020\"\n"
                            "    value: more than 3,000\n"
                            "  - id: short\n"
                            "    quote: " +
                            name +
                            " short\n"
                            "    value: almost half (47%)\n"
                            "    share: {of: n}\n"
                            "  - id: up\n"
                            "    quote: 'it rose by 89% from " +
                            name +
                            "''s figure'\n"
                            "    value: 89%\n"
                            "    change: {from: {when: 2019}, to: n}\n"
                            "    note: a note of " +
                            name + "\n";
  }
  return files;
}

void check_three(const cc::FactBase& base) {
  REQUIRE(base.facts.size() == 9);
  for (const std::string name : {"a", "b", "c"}) {
    INFO(name);
    const auto n = base.find_fact(name + "/n");
    const auto short_fact = base.find_fact(name + "/short");
    const auto up = base.find_fact(name + "/up");
    REQUIRE(n);
    REQUIRE(short_fact);
    REQUIRE(up);
    const cc::Fact& figure = base.facts[*n];
    CHECK(figure.id == "n");
    CHECK(base.ref(*n) == name + "/n");
    CHECK(base.quote(*n) ==
          name + ": \"caf\xC3\xA9\" saw more than 3,000 offences in the year to March 2020");
    CHECK(figure.value.written == "more than 3,000");
    CHECK(base.files[figure.mark.file] == base.files[base.sources[figure.source].file]);
    CHECK(base.sources[figure.source].id == name);
    const cc::Fact& share = base.facts[*short_fact];
    CHECK(base.quote(*short_fact) == name + " short");
    CHECK(share.value.written == "almost half (47%)");
    REQUIRE(share.value.readings.size() == 2);  // a hedge keeps both readings
    CHECK(share.value.readings[0].text == "almost half");
    CHECK(share.value.readings[1].text == "47%");
    CHECK(share.operands.at(0).key == figure.key);
    const cc::Fact& change = base.facts[*up];
    CHECK(base.quote(*up) == "it rose by 89% from " + name + "'s figure");
    CHECK(change.value.written == "89%");
    CHECK(change.value.interval().contains(cc::Rational(89, 100)));
    CHECK(change.note() == "a note of " + name);
    // The source holds its facts' quotes packed, one after another; the ids and written
    // values view its buffer of texts.
    const cc::Source& source = base.sources[figure.source];
    REQUIRE(source.quotes);
    CHECK(source.quotes->size() == figure.quote_size() + share.quote_size() + change.quote_size());
    CHECK(source.quotes->unpack() == base.quote(*n) + base.quote(*short_fact) + base.quote(*up));
    const auto within = [&](std::string_view part) {
      const char* const texts = source.texts.get();
      return part.data() >= texts && part.data() + part.size() <= texts + 200;
    };
    CHECK(within(figure.id));
    CHECK(within(figure.value.written));
    CHECK(within(change.note()));
    CHECK(change.operands.at(1).key == figure.key);
  }
  CHECK_FALSE(base.find_fact("a"));
  CHECK_FALSE(base.find_fact("a/"));
  CHECK_FALSE(base.find_fact("/n"));
  CHECK_FALSE(base.find_fact("d/n"));
  CHECK_FALSE(base.find_fact("a/m"));
  CHECK_FALSE(base.find_fact("a/n/n"));
}

}  // namespace

TEST_CASE("quotes, ids and written values read right from several files with the same ids",
          "[load][memory]") {
  auto loaded = load_files("compact-three", three_files());
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  check_three(loaded.base);

  // Moved, then copied, then the original destroyed: the quotes live in the sources'
  // packed blocks, which the copies share (each copy unpacks them on its own).
  auto moved = std::make_unique<cc::FactBase>(std::move(loaded.base));
  check_three(*moved);
  const cc::FactBase copy = *moved;
  moved.reset();
  check_three(copy);
}

TEST_CASE("a base loaded from texts in memory keeps its quotes once the texts are gone",
          "[load][memory]") {
  cc::Diagnostics diagnostics;
  cc::FactBase base;
  {
    cc::FileTexts texts;
    texts["vocabulary.yaml"] = cc::test::kVocabulary;
    for (auto& [name, text] : three_files()) texts[name] = text;
    base = cc::load_fact_base_from_memory("facts", texts, diagnostics);
  }
  REQUIRE(diagnostics.empty());
  check_three(base);
}

TEST_CASE("a fact id given twice names the first, in its own file only", "[load][memory]") {
  const auto loaded =
      load_files("compact-duplicate", {{"a.yaml", R"(source: {id: a, title: A, published: 2024}
defaults: {measure: offences, where: UK, when: 2020}
facts:
  - {id: n, quote: the first, value: 100}
  - {id: n, quote: the second, value: 200}
)"},
                                       {"b.yaml", R"(source: {id: b, title: B, published: 2024}
defaults: {measure: offences, where: UK, when: 2021}
facts:
  - {id: n, quote: the one in b, value: 300}
)"}});
  REQUIRE(loaded.lines.size() == 1);
  CHECK(loaded.lines[0] ==
        "a.yaml:5:10: error: duplicate fact id 'n' (first at line 4) [duplicate-id]");
  const auto a = loaded.base.find_fact("a/n");
  const auto b = loaded.base.find_fact("b/n");
  REQUIRE(a);
  REQUIRE(b);
  CHECK(loaded.base.quote(*a) == "the first");
  CHECK(loaded.base.facts[*a].value.written == "100");
  CHECK(loaded.base.quote(*b) == "the one in b");
  CHECK(loaded.base.facts[*b].value.written == "300");
}

TEST_CASE(
    "each quote is matched against its article as the file loads, and the article is not held",
    "[load][quote]") {
  std::map<std::string, std::string> files;
  files["articles/a.txt"] = "Police said \u201c3,000 offences\u201d were recorded \u2014 a RISE.\n";
  files["a.yaml"] =
      "source: {id: a, title: T, published: 2024, article: articles/a.txt}\n"
      "defaults: {measure: offences, where: UK}\n"
      "facts:\n"
      "  - {id: in, quote: '\"3,000 offences\" were recorded - a rise', value: 3000, when: 2020}\n"
      "  - {id: out, quote: '3,000 victims', value: 3000, when: 2019}\n";
  files["b.yaml"] =  // no article: nothing to look in, nothing missed
      "source: {id: b, title: T, published: 2024}\n"
      "facts:\n"
      "  - {id: n, quote: not in any article, value: 7, measure: offences, where: UK, when: "
      "2021}\n";
  const auto loaded = load_files("compact-quotes", files);
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const cc::FactBase& base = loaded.base;
  CHECK(base.facts[*base.find_fact("a/in")].quote_in_article);
  CHECK_FALSE(base.facts[*base.find_fact("a/out")].quote_in_article);
  CHECK(base.facts[*base.find_fact("b/n")].quote_in_article);
  CHECK(base.sources[0].article_file.ends_with("articles/a.txt"));

  // In memory, the same answers.
  cc::FileTexts texts(files.begin(), files.end());
  texts["vocabulary.yaml"] = cc::test::kVocabulary;
  cc::Diagnostics diagnostics;
  const cc::FactBase in_memory = cc::load_fact_base_from_memory("m", texts, diagnostics);
  REQUIRE_FALSE(diagnostics.has_errors());
  CHECK(in_memory.facts[*in_memory.find_fact("a/in")].quote_in_article);
  CHECK_FALSE(in_memory.facts[*in_memory.find_fact("a/out")].quote_in_article);
}

TEST_CASE("a fact's note, accepts and record are held apart, and a copy changes alone",
          "[load][memory]") {
  auto loaded = load_files("compact-extra", three_files());
  REQUIRE(loaded.clean());
  const cc::FactBase& base = loaded.base;
  const cc::Fact& plain = base.facts[*base.find_fact("a/n")];
  CHECK(plain.note().empty());
  CHECK(plain.accepts().empty());
  CHECK(plain.record().kind == cc::RecordKind::none);

  cc::Fact copy = base.facts[*base.find_fact("a/up")];
  CHECK(copy.note() == "a note of a");
  cc::Accept accept;
  accept.rule = "conflict";
  copy.set_accepts({accept});
  copy.set_note("");
  CHECK(copy.note().empty());
  REQUIRE(copy.accepts().size() == 1);
  CHECK(copy.accepts()[0].rule == "conflict");
  // The base's fact is as loaded.
  const cc::Fact& original = base.facts[*base.find_fact("a/up")];
  CHECK(original.note() == "a note of a");
  CHECK(original.accepts().empty());
  copy.set_accepts({});
  CHECK(copy.accepts().empty());
}

TEST_CASE("a total's written value, read after resolving, views its file's buffer",
          "[load][memory]") {
  std::map<std::string, std::string> files;
  files["a.yaml"] =
      "source: {id: a, title: T, published: 2024}\n"
      "defaults: {measure: offences, where: UK, when: 2020}\n"
      "facts:\n"
      "  - {id: x, quote: 'x 1,000', value: '1,000', where: Wales}\n"
      "  - {id: y, quote: 'y 2,000', value: '2,000', where: England}\n"
      "  - id: sum\n"
      "    quote: 'about 3,000 in all'\n"
      "    value: '  about 3,000 '\n"
      "    total: {of: [x, y]}\n";
  cc::FactBase base;
  {
    auto loaded = load_files("compact-total", files);
    INFO(loaded.text());
    REQUIRE(loaded.clean());
    base = loaded.base;  // a copy: the loader's own is gone below
  }
  const cc::Fact& sum = base.facts[*base.find_fact("a/sum")];
  CHECK(sum.value.parsed);
  CHECK(sum.value.written == "about 3,000");
  CHECK(sum.value.interval().contains(3000));
  REQUIRE(sum.operands.size() == 2);
  CHECK(sum.operands[0].key == base.facts[*base.find_fact("a/x")].key);
  // The marks besides the fact's own are in its file.
  CHECK(sum.mark == cc::Mark{sum.mark.file, 6, 9});
  CHECK(sum.quote_mark() == cc::Mark{sum.mark.file, 7, 12});
  CHECK(sum.value_mark() == cc::Mark{sum.mark.file, 8, 12});
  CHECK(sum.relation_mark() == cc::Mark{sum.mark.file, 9, 5});
  CHECK(base.facts[*base.find_fact("a/x")].relation_mark().line == 0);  // a figure has none
}

TEST_CASE("a fact's operands and a value's readings are copied with it, not shared",
          "[load][memory]") {
  cc::OperandList operands = {cc::Operand{cc::Operand::Kind::key, 1, 0, {}},
                              cc::Operand{cc::Operand::Kind::fact, 0, 7, {}}};
  cc::OperandList copy = operands;
  copy[0].key = 2;
  for (int i = 0; i < 5; ++i) copy.push_back(copy[0]);  // grows past its room
  CHECK(operands.size() == 2);
  CHECK(operands.at(0).key == 1);
  CHECK(operands.at(1).fact == 7);
  CHECK_THROWS_AS(operands.at(2), std::out_of_range);
  REQUIRE(copy.size() == 7);
  CHECK(copy.back().key == 2);
  CHECK(copy[1].fact == 7);
  cc::OperandList moved = std::move(copy);
  CHECK(moved.size() == 7);
  CHECK(cc::OperandList().empty());

  cc::Value value;
  value.readings.push_back({"almost half", cc::Interval::closed(cc::Rational(45, 100), 1)});
  cc::Value other = value;
  other.readings.push_back({"47%", cc::Interval::point(cc::Rational(47, 100))});
  CHECK(value.readings.size() == 1);
  CHECK(other.readings.size() == 2);
  CHECK(other.readings[0].text == "almost half");
  other.readings.clear();
  CHECK(other.readings.empty());
  CHECK(value.readings.front().text == "almost half");
}

TEST_CASE("a fact's value points at its interval, kept once in the base's pool", "[load][memory]") {
  auto loaded = load_files("compact-pool", three_files());
  REQUIRE(loaded.clean());
  const cc::FactBase& base = loaded.base;
  // Each file states the same three values: three intervals for nine facts.
  CHECK(base.intervals->size() == 3);
  const cc::Fact& a = base.facts[*base.find_fact("a/up")];
  const cc::Fact& c = base.facts[*base.find_fact("c/up")];
  CHECK(&a.value.interval() == &c.value.interval());
  CHECK(a.value.interval().contains(cc::Rational(89, 100)));
  // A copy of the base shares the pool, so its facts stay valid with the original gone.
  cc::FactBase copy;
  {
    auto other = load_files("compact-pool", three_files());
    copy = other.base;
  }
  CHECK(copy.facts[*copy.find_fact("b/n")].value.interval() ==
        base.facts[*base.find_fact("b/n")].value.interval());
  CHECK(copy.facts[*copy.find_fact("b/n")].value.interval().contains(3001));
  // A fact made by hand states the whole line.
  CHECK(cc::Fact().value.interval() == cc::Interval::everything());
}

TEST_CASE("the interval pool keeps each interval once, from several threads at once",
          "[load][memory]") {
  cc::IntervalPool pool;
  const cc::Interval& first = pool.keep(cc::Interval::closed(1, 2));
  CHECK(&pool.keep(cc::Interval::closed(1, 2)) == &first);
  CHECK(&pool.keep(cc::Interval::half_open(1, 2)) != &first);  // an open end differs
  CHECK(pool.size() == 2);
  // Four threads keep the same 3,000 intervals (the table grows under them): each is kept
  // once, and the addresses handed out stay valid and equal.
  constexpr int kEach = 3000;
  std::vector<std::vector<const cc::Interval*>> kept(4);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        const int n = t % 2 == 0 ? i : kEach - 1 - i;
        kept[t].push_back(&pool.keep(cc::Interval::closed(cc::Rational(n, 7), n + 10)));
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  CHECK(pool.size() == 2 + kEach);
  for (int i = 0; i < kEach; ++i) {
    CHECK(*kept[0][i] == cc::Interval::closed(cc::Rational(i, 7), i + 10));
    CHECK(kept[0][i] == kept[2][i]);
    CHECK(kept[0][i] == kept[1][kEach - 1 - i]);
    CHECK(kept[0][i] == kept[3][kEach - 1 - i]);
  }
}

TEST_CASE("a fact's marks read back wherever they are, near its own or far from it",
          "[load][memory]") {
  cc::Fact fact;
  fact.mark = {3, 40000, 7};
  const std::vector<cc::Mark> marks = {
      {3, 40001, 12},     // the next line
      {3, 39990, 5},      // before the id
      {3, 0, 0},          // not written
      {3, 0, 9},          // not written, a column kept as given
      {3, 72767, 1},      // 32,767 lines on: the farthest a NearMark holds
      {3, 72768, 1},      // one more: kept apart
      {3, 7234, 1},       // 32,766 lines back: the farthest back it holds
      {3, 7233, 1},       // one more: kept apart
      {3, 40000, 65535},  // the widest column a NearMark holds
      {3, 40000, 65536},  // one more: kept apart
  };
  for (const cc::Mark& at : marks) {
    INFO(at.line << ":" << at.column);
    fact.set_quote_mark(at);
    fact.set_value_mark({3, 40002, 3});
    fact.set_relation_mark(at);
    CHECK(fact.quote_mark() == at);
    CHECK(fact.value_mark() == cc::Mark{3, 40002, 3});
    CHECK(fact.relation_mark() == at);
    const cc::Fact copy = fact;
    CHECK(copy.quote_mark() == at);
    CHECK(copy.relation_mark() == at);
  }
  // A far mark is kept with the note, the accepts and the record, and does not lose them.
  fact.set_note("a note");
  fact.set_quote_mark({3, 1, 1});
  cc::Fact copy = fact;
  copy.set_quote_mark({3, 40001, 1});  // near again: the copy changes alone
  CHECK(fact.quote_mark() == cc::Mark{3, 1, 1});
  CHECK(copy.quote_mark() == cc::Mark{3, 40001, 1});
  CHECK(copy.note() == "a note");
  copy.set_note("");
  copy.set_relation_mark({3, 40000, 1});
  CHECK(copy.note().empty());
  CHECK(copy.relation_mark() == cc::Mark{3, 40000, 1});
  CHECK(fact.note() == "a note");
  CHECK(fact.quote_mark() == cc::Mark{3, 1, 1});
}

TEST_CASE("a packed text unpacks to the bytes it was given", "[load][memory]") {
  CHECK(cc::PackedText("").unpack().empty());
  CHECK(cc::PackedText("").packed_size() == 0);
  const std::string odd("a\0b\xC3\xA9\xFF", 6);  // a NUL, UTF-8 and a stray byte
  CHECK(cc::PackedText(odd).unpack() == odd);
  // Quotes alike, as a large file's are: packed in a few times fewer bytes.
  std::string quotes;
  for (int i = 0; i < 2000; ++i)
    quotes += fmt::format("In {}, Fenmere saw {} school exclusions", 2000 + i % 25, i * 37);
  const cc::PackedText packed(quotes);
  CHECK(packed.size() == quotes.size());
  CHECK(packed.packed_size() * 3 < quotes.size());
  CHECK(packed.unpack() == quotes);
}

TEST_CASE("quotes read across many sources, from several threads, are each fact's own",
          "[load][memory]") {
  // More sources than the base keeps unpacked, read in an order that comes back to each.
  std::map<std::string, std::string> files;
  constexpr int kSources = 80;
  for (int s = 0; s < kSources; ++s) {
    std::string text = fmt::format(
        "source: {{id: s{}, title: S, published: 2024}}\n"
        "defaults: {{measure: offences, where: UK}}\nfacts:\n",
        s);
    for (int f = 0; f < 5; ++f) {
      // One fact without a quote in each source: it takes no bytes of the others'.
      if (f == 2)
        text += fmt::format("  - {{id: f{}, value: {}, when: {}}}\n", f, s * 10 + f, 2000 + f);
      else
        text += fmt::format("  - {{id: f{}, quote: 'quote {} of s{}', value: {}, when: {}}}\n", f,
                            f, s, s * 10 + f, 2000 + f);
    }
    files[fmt::format("s{:02}.yaml", s)] = text;
  }
  const auto loaded = load_files("compact-quotes", files);
  INFO(loaded.text());
  const cc::FactBase& base = loaded.base;
  REQUIRE(base.facts.size() == kSources * 5);
  const auto expected = [&](cc::FactIndex i) {
    const cc::Fact& fact = base.facts[i];
    if (fact.id == "f2") return std::string();
    return fmt::format("quote {} of {}", fact.id.substr(1), base.sources[fact.source].id);
  };
  const auto read_all = [&](std::size_t stride, std::size_t start) {
    std::size_t wrong = 0;
    const std::size_t n = base.facts.size();  // 400, coprime with the strides
    for (std::size_t k = 0; k < n; ++k) {
      const auto i = static_cast<cc::FactIndex>((start + k * stride) % n);
      if (base.quote(i) != expected(i)) ++wrong;
    }
    return wrong;
  };
  CHECK(read_all(1, 0) == 0);
  CHECK(read_all(7, 3) == 0);  // from source to source
  // A pass over each source's facts, its quotes unpacked once for the pass.
  std::size_t passed = 0;
  std::size_t wrong_in_passes = 0;
  for (cc::SourceIndex s = 0; s < base.sources.size(); ++s) {
    std::vector<cc::FactIndex> seen;
    base.for_each_quote(s, [&](cc::FactIndex f, std::string_view quote) {
      seen.push_back(f);
      if (quote != expected(f)) ++wrong_in_passes;
    });
    if (seen == base.sources[s].facts) ++passed;
  }
  CHECK(passed == kSources);
  CHECK(wrong_in_passes == 0);
  constexpr std::array<std::size_t, 4> kStrides = {3, 7, 9, 11};
  std::vector<std::size_t> wrong(kStrides.size(), 1);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 0; t < wrong.size(); ++t)
      threads.emplace_back([&, t] { wrong[t] = read_all(kStrides[t], t); });
  }
  CHECK(wrong == std::vector<std::size_t>(4, 0));
}

TEST_CASE("the quotes kept unpacked stay within their allowance, the least recently read going",
          "[load][memory]") {
  // Five sources of 2 MiB of quotes each (40 of 52 KiB, a field's limit being 64 KiB): more
  // than the allowance holds at once.
  constexpr std::size_t kQuote = std::size_t{52} << 10;
  constexpr int kFacts = 40;
  constexpr int kSources = 5;
  const auto quote_of = [&](int s, int f) {
    std::string quote(kQuote, static_cast<char>('a' + (s * kFacts + f) % 26));
    quote.replace(0, 12, fmt::format("s{} f{:02} had ", s, f));
    return quote + " 5";
  };
  std::map<std::string, std::string> files;
  for (int s = 0; s < kSources; ++s) {
    std::string text = fmt::format(
        "source: {{id: s{}, title: S, published: 2024}}\n"
        "defaults: {{measure: offences, where: UK}}\nfacts:\n",
        s);
    for (int f = 0; f < kFacts; ++f)
      text += fmt::format("  - {{id: n{}, quote: '{}', value: 5, when: {}}}\n", f, quote_of(s, f),
                          1900 + f);
    files[fmt::format("s{}.yaml", s)] = text;
  }
  const auto loaded = load_files("compact-quotes-allowance", files);
  INFO(loaded.text());
  REQUIRE(loaded.clean());
  const cc::FactBase& base = loaded.base;
  REQUIRE(base.facts.size() == kSources * kFacts);
  const auto expected = [&](cc::FactIndex i) {
    const cc::Fact& fact = base.facts[i];
    return quote_of(base.sources[fact.source].id[1] - '0',
                    std::stoi(std::string(fact.id.substr(1))));
  };
  std::size_t wrong = 0;
  for (int round = 0; round < 2; ++round)
    for (cc::FactIndex f = 0; f < base.facts.size(); ++f) wrong += base.quote(f) != expected(f);
  CHECK(wrong == 0);
  const cc::FactBase copy = base;
  CHECK(copy.quote(77) == expected(77));
  // Three sources' quotes (6 MiB) fit in the allowance of 8; a fourth would not.
  CHECK(cc::UnpackedQuotes().kept_bytes() == 0);
  cc::UnpackedQuotes kept;
  for (cc::FactIndex f = 0; f < base.facts.size(); f += kFacts) {
    CHECK(kept.quote(base, f) == expected(f));
    CHECK(kept.kept_bytes() <= cc::UnpackedQuotes::kKeptBytes);
  }
  CHECK(kept.kept_bytes() >= 3 * kFacts * kQuote);
  CHECK(kept.kept_bytes() < 4 * kFacts * kQuote);
}

TEST_CASE("the key table finds each key it interned, through its growth", "[load][memory]") {
  cc::KeyTable keys;
  std::vector<cc::KeyId> ids;
  for (std::uint32_t i = 0; i < 5000; ++i) ids.push_back(keys.intern({i % 7, i, i / 3, 0}));
  REQUIRE(keys.key_count() == 5000);
  for (std::uint32_t i = 0; i < 5000; ++i) {
    CHECK(ids[i] == i);
    CHECK(keys.intern({i % 7, i, i / 3, 0}) == i);
    CHECK(keys.find({i % 7, i, i / 3, 0}) == i);
    CHECK(keys.key(i) == cc::Key{i % 7, i, i / 3, 0});
  }
  CHECK_FALSE(keys.find({1, 1, 1, 1}));
  CHECK_FALSE(cc::KeyTable().find({0, 0, 0, 0}));
  const cc::KeyTable copy = keys;
  CHECK(copy.find({3, 10, 3, 0}) == 10U);
  CHECK(keys.key_count() == 5000);
}
