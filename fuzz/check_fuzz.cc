// Structure-aware libFuzzer target past the loader: the input bytes drive a generator of
// small, valid-looking fact bases (up to four sources of up to eight facts: figures,
// shares, sums over places, ranges, hedges, accepts, with a few bytes of raw text spliced
// into quotes, notes and reasons), which are loaded in memory as load_fact_base does, then
// checked (graph, rules, solver, explanations) and rendered by every report writer and the
// terminal and annotation lines. Any crash, hang or sanitizer report is a bug.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "engine/check.h"
#include "load/fact_file_loader.h"
#include "load/resolve.h"
#include "load/values.h"
#include "load/vocabulary_loader.h"
#include "report/formats.h"
#include "report/report.h"

namespace {

constexpr std::string_view kVocabulary = R"(tolerances: { vague: 0.10, warn: 0.01 }
fiscal_year_start: 04-01
measures:
  cases: {unit: cases}
  tested: {unit: cases, within: cases}
  beds: {unit: beds}
  rate: {unit: per 100k, additive: false}
places:
  Land:
    North: [Town]
    South:
dimensions:
  age: {exclusive: true, values: [child, adult]}
)";

const cc::Vocabulary& vocabulary() {
  static const cc::Vocabulary v = [] {
    cc::Vocabulary out;
    cc::Diagnostics ignored;
    (void)cc::load::read_vocabulary(kVocabulary, "vocabulary.yaml", 0, out, ignored);
    return out;
  }();
  return v;
}

// Reads the input a byte at a time; zeros once it runs out.
class Bytes {
 public:
  explicit Bytes(std::string_view data) : data_(data) {}
  std::uint8_t next() { return at_ < data_.size() ? static_cast<std::uint8_t>(data_[at_++]) : 0; }
  template <typename T, std::size_t N>
  const T& pick(const T (&items)[N]) {
    return items[next() % N];
  }
  [[nodiscard]] bool done() const { return at_ >= data_.size(); }
  // Up to 7 raw bytes, quoted for YAML with escapes so any byte can appear.
  std::string raw_text() {
    std::string out = "\"";
    const int size = next() % 8;
    for (int i = 0; i < size; ++i) {
      const std::uint8_t c = next();
      if (c < 0x20 || c == '"' || c == '\\' || c >= 0x7F) {
        static constexpr char kHex[] = "0123456789abcdef";
        out += "\\x";
        out += kHex[c >> 4];
        out += kHex[c & 15];
      } else {
        out += static_cast<char>(c);
      }
    }
    return out + "\"";
  }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

std::string fact(Bytes& in, int index, int source) {
  static const char* const kMeasures[] = {"cases", "tested", "beds", "rate"};
  static const char* const kPlaces[] = {"Land", "North", "South", "Town"};
  static const char* const kWhen[] = {"2019", "2019-20", "2019-Q1", "2019-03", "2020", "FY2019"};
  static const char* const kValues[] = {"3171", "3,200", "about 3,000", "12%",   "1 in 4",
                                        "0",    "nine",  "2.5 million", "3k-4k", "more than 10",
                                        "-5",   "1e3"};
  std::string text = "  - id: f" + std::to_string(index) + "\n    quote: " + in.raw_text() +
                     "\n    value: \"" + in.pick(kValues) +
                     "\"\n    measure: " + in.pick(kMeasures) + "\n    where: " + in.pick(kPlaces) +
                     "\n    when: " + in.pick(kWhen) + "\n";
  switch (in.next() % 6) {
    case 0:
      text += "    share: {of: {}, part: {subset: {age: child}}}\n";
      break;
    case 1:
      text += "    note: " + in.raw_text() + "\n";
      break;
    case 2:
      if (index > 0) {
        text += "    accept: [{rule: conflict, with: s" + std::to_string(in.next() % 4) + "/f" +
                std::to_string(in.next() % 8) + ", reason: " + in.raw_text() + "}]\n";
      }
      break;
    case 3:
      text += "    subset: {age: " + std::string(in.next() % 2 ? "child" : "adult") + "}\n";
      break;
    default:
      break;
  }
  (void)source;
  return text;
}

std::string fact_file(Bytes& in, int source) {
  std::string text = "source:\n  id: s" + std::to_string(source) + "\n  title: " + in.raw_text() +
                     "\n  published: 2024-0" + std::to_string(1 + source) + "-01\nfacts:\n";
  const int facts = 1 + in.next() % 8;
  for (int i = 0; i < facts; ++i) text += fact(in, i, source);
  return text;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  Bytes in(std::string_view(reinterpret_cast<const char*>(data), size));
  const cc::load::VocabularyView view{vocabulary(), true};
  std::vector<cc::load::RawFile> files;
  cc::FactBase base;
  const int sources = 1 + in.next() % 4;
  for (int s = 0; s < sources; ++s) {
    const std::string name = "s" + std::to_string(s) + ".yaml";
    files.push_back(cc::load::read_fact_file(fact_file(in, s), name, "facts/" + name, view));
    if (!files.back().read) return 0;
    cc::load::parse_file_values(files.back(), view.vocabulary, true);
    cc::load::build_facts(files.back(), *base.intervals);
    if (files.back().diagnostics.has_errors()) return 0;
  }
  base.vocabulary = view.vocabulary;
  base.files.push_back("facts/vocabulary.yaml");
  cc::Diagnostics diagnostics;
  const std::vector<bool> counts = cc::load::resolve(files, base, diagnostics);
  cc::load::parse_total_values(files, counts, base, diagnostics);
  if (diagnostics.has_errors()) return 0;
  const cc::CheckResult result = cc::run_checks(base);
  const cc::ReportInput input{base, result};
  for (const cc::ReportFormat& format : cc::report_formats()) {
    if (format.name == "svg") continue;  // runs Graphviz: a process per input is too slow
    (void)format.render(input);
  }
  for (const cc::Finding& finding : result.findings)
    (void)cc::render_terminal_line(input, finding, true);
  (void)cc::render_github_annotations(input);
  (void)cc::render_summary_line(input);
  return 0;
}
