#include "extract/draft.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "extract/article_text.h"
#include "load/convert.h"
#include "model/utf8.h"

namespace cc::extract {
namespace {

// Text for a comment: one line, printable, malformed bytes as U+FFFD, at most `max` bytes
// (cut at a character, with "…").
std::string comment_text(std::string_view text, std::size_t max = 120) {
  const std::string line = collapse_space(text);
  std::string out;
  for (std::size_t i = 0; i < line.size();) {
    const utf8::CodePoint c = utf8::decode(line, i);
    if (out.size() >= max) {
      out += "\u2026";
      break;
    }
    if (!c.valid) {
      out += "\uFFFD";
      ++i;
      continue;
    }
    // collapse_space has already turned control characters, line and paragraph
    // separators and U+FEFF into spaces: every well-formed character left is printable.
    out.append(line.substr(i, c.length));
    i += c.length;
  }
  return out;
}

std::string quoted_list(const std::vector<std::string>& items, std::size_t max) {
  std::string out;
  for (std::size_t i = 0; i < items.size() && i < max; ++i) {
    out += (i == 0 ? "" : ", ") + comment_text(items[i], 60);
  }
  if (items.size() > max) out += fmt::format(" and {} more", items.size() - max);
  return out;
}

// A flow map of the emitter: { KEY: VALUE, … }, the values TODO, {} or a word.
struct FlowEntry {
  std::string_view key;
  std::string_view value;  // "{}": an empty map; "{when}": { when: TODO }
};

void write_flow_map(YAML::Emitter& out, std::initializer_list<FlowEntry> entries) {
  out << YAML::Flow << YAML::BeginMap;
  for (const FlowEntry& entry : entries) {
    out << YAML::Key << std::string(entry.key) << YAML::Value;
    if (entry.value == "{}") {
      out << YAML::Flow << YAML::BeginMap << YAML::EndMap;
    } else if (entry.value == "{when}") {
      out << YAML::Flow << YAML::BeginMap << YAML::Key << "when" << YAML::Value << "TODO"
          << YAML::EndMap;
    } else {
      out << std::string(entry.value);
    }
  }
  out << YAML::EndMap;
}

// The claim a fact of this kind makes, as an empty skeleton with a comment.
void write_kind(YAML::Emitter& out, const Statistic& st) {
  switch (st.kind) {
    case FactKind::figure:
    case FactKind::total:  // not drafted: a total names the facts it adds up
      return;
    case FactKind::share:
      out << YAML::Key << "share" << YAML::Value;
      write_flow_map(out, {{"of", "{}"}});
      out << YAML::Comment(
          "a share of the key above; name the part with part: {subset: {DIMENSION: VALUE}}, "
          "or the whole with of: FACT-ID");
      return;
    case FactKind::change:
      out << YAML::Key << "change" << YAML::Value;
      if (st.fall) {
        write_flow_map(out, {{"from", "{when}"}, {"to", "{}"}, {"direction", "fall"}});
      } else {
        write_flow_map(out, {{"from", "{when}"}, {"to", "{}"}});
      }
      out << YAML::Comment(
          fmt::format("a {}: from the earlier period to the key above (or to: FACT-ID)",
                      st.fall ? "fall" : "rise"));
      return;
    case FactKind::difference:
      out << YAML::Key << "difference" << YAML::Value;
      if (st.fall) {
        write_flow_map(out, {{"from", "{when}"}, {"to", "{}"}, {"direction", "fall"}});
      } else {
        write_flow_map(out, {{"from", "{when}"}, {"to", "{}"}});
      }
      out << YAML::Comment(
          fmt::format("a {} in number: from the earlier period to the key above (or to: FACT-ID)",
                      st.fall ? "fall" : "rise"));
      return;
    case FactKind::ratio:
      out << YAML::Key << "ratio" << YAML::Value;
      write_flow_map(out, {{"of", "{}"}, {"to", "{when}"}});
      out << YAML::Comment("the key above is the multiple of 'to', what it is compared with");
      return;
    case FactKind::rate:
      out << YAML::Key << "rate" << YAML::Value;
      write_flow_map(out, {{"of", "{}"}, {"per", st.unit}});
      out << YAML::Comment(fmt::format("the key above, counted over its period, per {}", st.unit));
      return;
    case FactKind::interval:
      out << YAML::Key << "interval" << YAML::Value;
      write_flow_map(out, {{"of", "{}"}, {"unit", st.unit}});
      out << YAML::Comment(fmt::format("one of the key above every so many {}s", st.unit));
      return;
  }
}

bool relative(const std::vector<std::string>& periods) {
  return std::any_of(periods.begin(), periods.end(), [](const std::string& p) {
    for (std::string_view word : {"last", "this", "previous", "past", "next", "current", "coming",
                                  "preceding", "in a year"}) {
      if (p.find(word) != std::string::npos) return true;
    }
    return false;
  });
}

std::string left_out_summary(const Statistics& statistics) {
  std::map<std::string, std::vector<std::string>> by_reason;
  std::vector<std::string> order;
  for (const LeftOut& left : statistics.left_out) {
    auto& list = by_reason[left.reason];
    if (list.empty()) order.push_back(left.reason);
    if (std::find(list.begin(), list.end(), left.text) == list.end()) list.push_back(left.text);
  }
  std::string out;
  for (const std::string& reason : order) {
    const auto& list = by_reason[reason];
    std::vector<std::string> quoted;
    for (const std::string& text : list) quoted.push_back("\"" + comment_text(text, 40) + "\"");
    out += fmt::format("#   {}: {}\n", reason, quoted_list(quoted, 6));
  }
  return out;
}

// Whether a YAML reader would take `text` for a number it then writes differently: "07"
// (octal in YAML 1.1), "2.50", "1_000", "1e5", ".5". Canonical numbers ("66", "2.5") are
// read back as the same string and may stay plain.
bool yaml_number_in_other_spelling(std::string_view text) {
  const auto digit = [](char c) { return c >= '0' && c <= '9'; };
  std::size_t i = 0;
  const auto digits = [&] {
    const std::size_t from = i;
    while (i < text.size() && (digit(text[i]) || text[i] == '_')) ++i;
    return i - from;
  };
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  const std::size_t integer_from = i;
  const std::size_t integer = digits();
  std::size_t fraction = 0;
  std::size_t fraction_from = i;
  if (i < text.size() && text[i] == '.') {
    ++i;
    fraction_from = i;
    fraction = digits();
  }
  if (integer + fraction == 0) return false;
  bool exponent = false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    if (digits() == 0) return false;
    exponent = true;
  }
  if (i != text.size()) return false;  // not a number to YAML
  const std::string_view integer_part = text.substr(integer_from, integer);
  const std::string_view fraction_part = text.substr(fraction_from, fraction);
  const bool canonical = integer_from == 0 && !exponent && integer > 0 &&
                         integer_part.find('_') == std::string_view::npos &&
                         (integer_part == "0" || integer_part.front() != '0') &&
                         (fraction_from == integer_from + integer ||  // no '.'
                          (fraction > 0 && fraction_part.find('_') == std::string_view::npos &&
                           fraction_part.back() != '0'));
  return !canonical;
}

}  // namespace

bool valid_id(std::string_view id) {
  return load::is_id(id);  // the rule lint applies to the ids it reads
}

namespace {

// Code points that yaml-cpp's emitter writes as they are, but that YAML does not allow raw
// (DEL is not printable in YAML 1.2) or that YAML 1.1 readers take for line breaks
// (U+2028, U+2029). A scalar holding one is written with every character beyond ASCII
// escaped: the one way the emitter offers to escape them. (The emitter writes U+FFFE and
// U+FFFF, which are not printable either, as U+FFFD.)
bool needs_ascii_escapes(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const utf8::CodePoint c = utf8::decode(text, i);
    if (c.valid && (c.value == 0x7F || c.value == 0x2028 || c.value == 0x2029)) {
      return true;
    }
    i += c.length;
  }
  return false;
}

// Whether `text` may stay a plain scalar: yaml-cpp reads every scalar as a string, but
// YAML 1.1 readers (PyYAML, editors' schemas) type "yes", "07" or "1e5"; the emitter's own
// choice of plain scalars follows yaml-cpp, so this rule stays ours.
bool plain_is_safe(std::string_view text) {
  const auto safe = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ' ||
           c == ',' || c == '.' || c == '%' || c == '(' || c == ')' || c == '+' || c == '-' ||
           c == '_' || c == '/';
  };
  const auto first_ok = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  };
  std::string folded(text);
  for (char& c : folded) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  static const std::set<std::string> kSpecial = {"true", "false", "yes", "no",  "on",  "off",
                                                 "null", "y",     "n",   "nan", "inf", "~"};
  return !text.empty() && first_ok(text.front()) && text.back() != ' ' &&
         std::all_of(text.begin(), text.end(), safe) && !kSpecial.contains(folded) &&
         !yaml_number_in_other_spelling(text);
}

// A scalar, double-quoted (the emitter escapes it) unless `plain` and plain_is_safe.
void write_scalar(YAML::Emitter& out, std::string_view text, bool plain) {
  if (needs_ascii_escapes(text)) out << YAML::EscapeNonAscii;
  if (!plain || !plain_is_safe(text)) out << YAML::DoubleQuoted;
  out << std::string(text);
}

std::string emitted(const YAML::Emitter& out) {
  return std::string(out.c_str(), out.size());
}

}  // namespace

std::string yaml_double_quoted(std::string_view text) {
  YAML::Emitter out;
  write_scalar(out, text, false);
  return emitted(out);
}

std::string yaml_scalar(std::string_view text) {
  YAML::Emitter out;
  write_scalar(out, text, true);
  return emitted(out);
}

namespace {

// What of the text is the article, and what it says about itself.
struct Article {
  std::string_view text;
  std::vector<Line> lines;
  std::optional<Line> title;
  std::optional<Publication> published;
  std::size_t end_index = 0;         // the line that ends the article (other stories), if any
  std::size_t end_line = 0;          // its number, or 0
  std::set<std::size_t> link_lines;  // "Read more:" lines
  std::vector<Sentence> sentences;   // of the article proper
  std::string title_text;
  std::string date;  // of publication, ISO, or ""
};

// The sentences of the article proper: before the furniture that ends it, not in
// "Read more:" lines.
Article read_article_parts(std::string_view text) {
  Article a;
  a.text = text;
  a.lines = split_lines(text);
  a.title = find_title(text, a.lines);
  a.published = find_publication_date(text);
  a.end_index = find_article_end(text, a.lines, a.title ? a.title->number : 0);
  a.end_line = a.end_index < a.lines.size() ? a.lines[a.end_index].number : 0;
  for (const Line& line : a.lines) {
    if (a.end_line != 0 && line.number >= a.end_line) break;
    if (is_link_line(line.span.of(text))) a.link_lines.insert(line.number);
  }
  for (const Sentence& sentence : split_sentences(text)) {
    if (a.end_line != 0 && sentence.line >= a.end_line) break;
    if (a.link_lines.contains(sentence.line)) continue;
    a.sentences.push_back(sentence);
  }
  a.title_text = a.title ? collapse_space(a.title->span.of(text)) : "";
  a.date = a.published ? iso(a.published->date) : "";
  return a;
}

// The places the article names, for facts whose sentence names none.
std::vector<std::string> article_places(const Article& a) {
  std::vector<std::string> places;
  for (const Sentence& sentence : a.sentences) {
    for (std::string& place : places_in(sentence.span.of(a.text))) {
      if (std::find(places.begin(), places.end(), place) == places.end())
        places.push_back(std::move(place));
    }
    if (places.size() >= 5) break;
  }
  return places;
}

std::string source_id_for(const Article& a, const DraftOptions& options) {
  if (!options.source_id.empty()) return options.source_id;
  std::string id = slug(a.title_text, 40);
  if (id.empty()) id = slug(std::filesystem::path(options.article_path).stem().string(), 40);
  if (id.empty()) id = "draft";
  if (!a.date.empty()) id += "-" + a.date;
  return valid_id(id) ? id : "draft";
}

std::size_t doubtful_count(const Statistics& statistics) {
  std::size_t doubtful = 0;
  for (const Statistic& st : statistics.found) doubtful += st.check.empty() ? 0 : 1;
  return doubtful;
}

// The comment the draft opens with: what was found, what to do, what was left out.
std::string header(const Statistics& statistics, const DraftOptions& options) {
  std::string y = "# yaml-language-server: $schema=../schema/facts.schema.json\n#\n";
  const std::size_t doubtful = doubtful_count(statistics);
  y += fmt::format("# A draft by `crosscheck extract` from {}: {} {} found",
                   comment_text(options.article_path), statistics.found.size(),
                   statistics.found.size() == 1 ? "statistic" : "statistics");
  y += doubtful > 0
           ? fmt::format(", {} of them marked \"check\" (may not be statistics).\n", doubtful)
           : ".\n";
  y += "# Fill in every TODO with a measure, place and period of facts/vocabulary.yaml, delete\n"
       "# the facts that are not statistics of this story, move key fields that many facts share\n"
       "# into `defaults`, and point claims at the facts they relate (of: FACT-ID). Then run\n"
       "# `crosscheck lint` and `crosscheck check`: the quotes are the article's own words.\n";
  if (statistics.left_out_count > 0) {
    y += "#\n";
    y += fmt::format("# Numbers left out as not statistics ({}):\n", statistics.left_out_count);
    y += left_out_summary(statistics);
  }
  return y;
}

// What of the text was not read, if anything.
std::string not_read(const Article& a, const Statistics& statistics, const DraftOptions& options) {
  if (a.end_line == 0 && a.link_lines.empty() && !statistics.truncated) return "";
  std::string y = "#\n# Not read:\n";
  if (a.end_line != 0) {
    y += fmt::format("#   line {} (\"{}\") and after: other stories, not this article\n",
                     a.end_line, comment_text(a.lines[a.end_index].span.of(a.text), 40));
  }
  if (!a.link_lines.empty()) {
    y += fmt::format("#   {} \"Read more:\" {} (links to other stories)\n", a.link_lines.size(),
                     a.link_lines.size() == 1 ? "line" : "lines");
  }
  if (statistics.truncated) {
    y += fmt::format("#   the rest of the text: the draft stops after {} facts or {} numbers\n",
                     options.limits.max_statistics, options.limits.max_numbers);
  }
  return y;
}

// The latest year from 1900 to 2099 that the statistics' periods name, or 0.
int latest_year(const Statistics& statistics) {
  int latest = 0;
  for (const Statistic& st : statistics.found) {
    for (const std::string& period : st.periods) {
      for (std::size_t i = 0; i + 4 <= period.size(); ++i) {
        const std::string_view digits = std::string_view(period).substr(i, 4);
        if (std::all_of(digits.begin(), digits.end(),
                        [](char c) { return c >= '0' && c <= '9'; }) &&
            (i == 0 || period[i - 1] < '0' || period[i - 1] > '9')) {
          const int year = std::stoi(std::string(digits));
          if (year >= 1900 && year <= 2099) latest = std::max(latest, year);
        }
      }
    }
  }
  return latest;
}

// The source: its id, title, date of publication and article, with where each came from.
std::string source_block(const Article& a, const Statistics& statistics,
                         const DraftOptions& options) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "source" << YAML::Value << YAML::BeginMap;
  out << YAML::Key << "id" << YAML::Value << source_id_for(a, options);
  out << YAML::Key << "title" << YAML::Value;
  if (a.title) {
    write_scalar(out, comment_text(a.title_text, 300), false);
  } else {
    out << "TODO" << YAML::Comment("the text has no title line");
  }
  out << YAML::Key << "published" << YAML::Value;
  if (a.published) {
    out << a.date
        << YAML::Comment(fmt::format("from \"{}\" (line {})",
                                     comment_text(a.published->span.of(a.text)),
                                     a.published->line));
  } else {
    std::string hint = "the text gives no date of publication";
    if (const int latest = latest_year(statistics); latest > 0)
      hint += fmt::format("; the latest year it names is {}", latest);
    out << "TODO" << YAML::Comment(hint);
  }
  std::string file_name = std::filesystem::path(options.article_path).filename().string();
  if (file_name.empty()) file_name = "article.txt";
  out << YAML::Key << "article" << YAML::Value;
  write_scalar(out, "articles/" + file_name, true);
  out << YAML::Comment("relative to this file; the article was read from " +
                       comment_text(options.article_path));
  out << YAML::EndMap << YAML::EndMap;
  return emitted(out) + "\n\n";
}

// The comment on `where`: the places the sentence names, or those of the article.
std::string where_comment(const Statistic& st, const std::vector<std::string>& places) {
  if (!st.places.empty()) return "named in the sentence: " + quoted_list(st.places, 4);
  if (!places.empty())
    return "the sentence names no place; the article names: " + quoted_list(places, 4);
  return "";
}

// The comment on `when`: the periods the sentence names, and the article's date.
std::string when_comment(const Statistic& st, const std::string& date) {
  const std::string dated = date.empty() ? "" : fmt::format("the article is dated {}", date);
  if (!st.periods.empty()) {
    return fmt::format("named in the sentence: {}{}", quoted_list(st.periods, 5),
                       relative(st.periods) && !dated.empty() ? " (" + dated + ")" : "");
  }
  return "the sentence names no period" + (dated.empty() ? "" : "; " + dated);
}

// `KEY: TODO`, with a comment when there is something to say.
void write_todo(YAML::Emitter& out, std::string_view key, const std::string& comment) {
  out << YAML::Key << std::string(key) << YAML::Value << "TODO";
  if (!comment.empty()) out << YAML::Comment(comment);
}

void write_fact(YAML::Emitter& out, const Statistic& st, const std::string& id, const Article& a,
                const std::vector<std::string>& places) {
  out << YAML::BeginMap << YAML::Key << "id" << YAML::Value << id;
  std::string comment = fmt::format("line {}", st.line);
  if (!st.check.empty())
    comment = fmt::format("check: may not be a statistic ({})  # {}", st.check, comment);
  out << YAML::Comment(comment);
  out << YAML::Key << "quote" << YAML::Value;
  write_scalar(out, st.quote_text, false);
  out << YAML::Key << "value" << YAML::Value;
  write_scalar(out, st.value_text, true);
  std::string counted;
  if (!st.counted.empty()) {
    counted =
        st.kind == FactKind::share
            ? fmt::format("the whole, {} of: \"{}\"", st.value_text, comment_text(st.counted, 80))
            : fmt::format("counts: \"{}\"", comment_text(st.counted, 80));
  }
  write_todo(out, "measure", counted);
  write_todo(out, "where", where_comment(st, places));
  write_todo(out, "when", when_comment(st, a.date));
  write_kind(out, st);
  out << YAML::EndMap;
}

std::string facts_block(const Article& a, const Statistics& statistics) {
  YAML::Emitter out;
  out << YAML::BeginMap << YAML::Key << "facts" << YAML::Value;
  if (statistics.found.empty()) {
    out << YAML::Flow << YAML::BeginSeq << YAML::EndSeq
        << YAML::Comment("TODO: no statistics found in the text");
  } else {
    out << YAML::BeginSeq;
    const std::vector<std::string> places = article_places(a);
    std::set<std::string> ids;
    for (const Statistic& st : statistics.found) {
      std::string id = st.id_base;
      for (int n = 2; ids.contains(id); ++n) id = fmt::format("{}-{}", st.id_base, n);
      ids.insert(id);
      write_fact(out, st, id, a, places);
    }
    out << YAML::EndSeq;
  }
  out << YAML::EndMap;
  return emitted(out) + "\n";
}

}  // namespace

Draft build_draft(std::string_view text, const DraftOptions& options) {
  const Article article = read_article_parts(text);
  const Statistics statistics = find_statistics(text, article.sentences, options.limits);
  Draft draft;
  draft.left_out = statistics.left_out_count;
  draft.truncated = statistics.truncated;
  draft.yaml = header(statistics, options) + not_read(article, statistics, options) +
               source_block(article, statistics, options) + facts_block(article, statistics);
  draft.facts = statistics.found.size();
  draft.doubtful = doubtful_count(statistics);
  return draft;
}

}  // namespace cc::extract
