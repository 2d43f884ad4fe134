#include "report/report_text.h"

#include <fmt/format.h>

#include "grammar/value.h"

#include <algorithm>
#include <cctype>

namespace cc {
namespace {

char fold(char c) {
  return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Every place `needle` occurs in `text`, ignoring ASCII case.
std::vector<TextSpan> occurrences(std::string_view text, std::string_view needle) {
  std::vector<TextSpan> found;
  if (needle.empty() || needle.size() > text.size()) return found;
  for (std::size_t i = 0; i + needle.size() <= text.size(); ++i) {
    const bool equal =
        std::equal(needle.begin(), needle.end(), text.begin() + static_cast<std::ptrdiff_t>(i),
                   [](char a, char b) { return fold(a) == fold(b); });
    if (equal) {
      found.push_back({i, needle.size()});
      i += needle.size() - 1;
    }
  }
  return found;
}

struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

std::vector<Word> words_of(std::string_view text) {
  std::vector<Word> words;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const std::size_t begin = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    if (i > begin) words.push_back({begin, i});
  }
  return words;
}

bool holds_number(std::string_view text, const std::vector<std::string>& wanted) {
  const std::vector<std::string> found = numbers_in_text(text);
  return std::any_of(found.begin(), found.end(), [&](const std::string& n) {
    return std::find(wanted.begin(), wanted.end(), n) != wanted.end();
  });
}

// Punctuation around a marked run is not part of the number: "(47%)," marks "47%".
TextSpan trim_punctuation(std::string_view text, TextSpan span) {
  constexpr std::string_view kLeading = "(\"'[";
  constexpr std::string_view kTrailing = ".,;:!?)\"']";
  constexpr std::string_view kCurly[] = {"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x98",
                                         "\xE2\x80\x99"};
  bool changed = true;
  while (changed && span.length > 1) {
    changed = false;
    const std::string_view s = text.substr(span.offset, span.length);
    if (kLeading.find(s.front()) != std::string_view::npos) {
      ++span.offset;
      --span.length;
      changed = true;
    } else if (kTrailing.find(s.back()) != std::string_view::npos) {
      --span.length;
      changed = true;
    }
    for (const std::string_view curly : kCurly) {
      if (!changed && span.length > curly.size() && s.starts_with(curly)) {
        span.offset += curly.size();
        span.length -= curly.size();
        changed = true;
      } else if (!changed && span.length > curly.size() && s.ends_with(curly)) {
        span.length -= curly.size();
        changed = true;
      }
    }
  }
  return span;
}

std::string_view slice(std::string_view text, const std::vector<Word>& words, std::size_t first,
                       std::size_t last) {
  return text.substr(words[first].begin, words[last].end - words[first].begin);
}

// The shortest runs of at most four words holding one of `wanted`, left to right.
std::vector<TextSpan> number_runs(std::string_view text, const std::vector<std::string>& wanted) {
  constexpr std::size_t kLongest = 4;  // "two and a half million"
  const std::vector<Word> words = words_of(text);
  std::vector<TextSpan> runs;
  std::size_t i = 0;
  while (i < words.size()) {
    std::size_t last = i;
    while (last < words.size() && last - i < kLongest &&
           !holds_number(slice(text, words, i, last), wanted))
      ++last;
    if (last == words.size() || last - i == kLongest) {
      ++i;
      continue;
    }
    std::size_t first = i;
    while (first < last && holds_number(slice(text, words, first + 1, last), wanted)) ++first;
    const std::string_view run = slice(text, words, first, last);
    runs.push_back(trim_punctuation(text, {words[first].begin, run.size()}));
    i = last + 1;
  }
  return runs;
}

template <class V>
std::vector<TextSpan> spans_of_value(std::string_view quote, const V& value) {
  std::vector<TextSpan> spans = occurrences(quote, value.written);
  if (!spans.empty()) return spans;
  std::vector<std::string> wanted = value_numbers(value);
  if (wanted.empty()) wanted = numbers_in_text(value.written);
  if (wanted.empty()) return spans;
  return number_runs(quote, wanted);
}

}  // namespace

std::vector<TextSpan> value_spans(std::string_view quote, const Value& value) {
  return spans_of_value(quote, value);
}

std::vector<TextSpan> value_spans(std::string_view quote, const FactValue& value) {
  return spans_of_value(quote, value);
}

std::string value_text(const Fact& fact) {
  const bool percent =
      fact.value.percent || fact.kind == FactKind::share || fact.kind == FactKind::change;
  const std::string meaning = describe(fact.value.interval(), percent);
  if (meaning == fact.value.written) return std::string(fact.value.written);
  return fmt::format("{} ({})", fact.value.written, meaning);
}

std::string source_byline(const Source& source) {
  if (source.publisher.empty()) return source.published;
  if (source.published.empty()) return source.publisher;
  return fmt::format("{} · {}", source.publisher, source.published);
}

std::string location_text(const FactBase& base, const Mark& mark) {
  return fmt::format("{}:{}:{}", base.file_of(mark), mark.line, mark.column);
}

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string likely_cause_text(const FactBase& base, const Finding& finding) {
  if (!finding.diagnosis) return {};
  const FindingDiagnosis& d = *finding.diagnosis;
  const std::string doubt =
      fmt::format("'{}' ({})", base.ref(d.doubt), base.facts[d.doubt].value.written);
  if (d.cause.empty()) return fmt::format("check {}: {}", doubt, d.because);
  if (d.cause == "revision") return fmt::format("{} is superseded: {}", doubt, d.because);
  return fmt::format("check {}, likely {}: a {} slip ({}); {}", doubt, d.corrected, d.cause,
                     d.detail, d.because);
}

std::string gap_text(const Finding& finding) {
  if (!finding.gap) return {};
  const double percent = to_double(*finding.gap) * 100;
  return fmt::format("{:.{}f}%", percent, percent < 10 ? 1 : 0);
}

std::optional<AcceptSnippet> accept_snippet(const FactBase& base, const Finding& finding) {
  if (finding.accepted || finding.rule == FindingRule::stale_accept || finding.facts.empty())
    return std::nullopt;
  AcceptSnippet snippet;
  snippet.on = finding.facts.front();
  const Fact& on = base.facts[snippet.on];
  snippet.append = !on.accepts().empty();
  std::string item = fmt::format("      - rule: {}\n", finding_rule_id(finding.rule));
  if (finding.facts.size() > 1) {
    const FactIndex with = finding.facts[1];
    const Fact& other = base.facts[with];
    item +=
        fmt::format("        with: {}\n", other.source == on.source ? other.id : base.ref(with));
  }
  item += "        reason: <why this discrepancy is explained>\n";
  snippet.yaml = snippet.append ? item : "    accept:\n" + item;
  return snippet;
}

std::string_view finding_status(const Finding& finding) {
  if (finding.accepted) return "accepted";
  return severity_name(finding.severity);
}

}  // namespace cc
