// The cached outcomes of the components the draft leaves alone: see rest_cache_outcomes.h
// and docs/REPORTS.md, "The draft's cache".
#include "cli/rest_cache_outcomes.h"

#include <xxhash.h>

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "cli/digest.h"
#include "engine/without_draft.h"
#include "model/provenance.h"
#include "solve/conflicts.h"

namespace cc::cli {
namespace {

// A text field as one token: '=' and the text, with '\', space, new line, carriage return
// and NUL escaped.
std::string text(std::string_view value) {
  std::string out = "=";
  for (const char c : value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ' ':
        out += "\\s";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::optional<std::string> untext(std::string_view token) {
  if (token.empty() || token.front() != '=') return std::nullopt;
  std::string out;
  for (std::size_t i = 1; i < token.size(); ++i) {
    if (token[i] != '\\') {
      out += token[i];
      continue;
    }
    if (++i == token.size()) return std::nullopt;
    switch (token[i]) {
      case '\\':
        out += '\\';
        break;
      case 's':
        out += ' ';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      case '0':
        out += '\0';
        break;
      default:
        return std::nullopt;
    }
  }
  return out;
}

std::optional<Rational> parse_rational(std::string_view token) {
  const std::size_t slash = token.find('/');
  const std::string_view num = token.substr(0, slash);
  const std::string_view den = slash == std::string_view::npos ? "1" : token.substr(slash + 1);
  const auto whole = [](std::string_view s, std::int64_t& v) {
    const auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    return ec == std::errc() && ptr == s.data() + s.size();
  };
  std::int64_t n = 0;
  std::int64_t d = 0;
  const auto digits = [](std::string_view s, bool sign) {
    if (sign && !s.empty() && s.front() == '-') s.remove_prefix(1);
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
  };
  if (!digits(num, true) || !digits(den, false)) return std::nullopt;
  try {
    if (whole(num, n) && whole(den, d)) {
      if (d <= 0) return std::nullopt;
      return Rational(n, d);
    }
    const BigInt big_n(std::string{num});
    const BigInt big_d(std::string{den});
    if (big_d <= 0) return std::nullopt;
    return Rational(big_n, big_d);
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// An interval's ends: "*" unbounded, "[3" or "(3" below, "5]" or "5)" above.
std::string render_interval(const Interval& interval) {
  const OptionalBound& lo = interval.lo();
  const OptionalBound& hi = interval.hi();
  const std::string low = lo ? fmt::format("{}{}", lo->open ? '(' : '[', lo->value.str()) : "*";
  const std::string high = hi ? fmt::format("{}{}", hi->value.str(), hi->open ? ')' : ']') : "*";
  return low + " " + high;
}

std::optional<Interval> parse_interval(std::string_view low, std::string_view high) {
  Interval out;
  if (low != "*") {
    if (low.size() < 2 || (low.front() != '[' && low.front() != '(')) return std::nullopt;
    const auto value = parse_rational(low.substr(1));
    if (!value) return std::nullopt;
    out.set_lo(Bound{*value, low.front() == '('});
  }
  if (high != "*") {
    if (high.size() < 2 || (high.back() != ']' && high.back() != ')')) return std::nullopt;
    const auto value = parse_rational(high.substr(0, high.size() - 1));
    if (!value) return std::nullopt;
    out.set_hi(Bound{*value, high.back() == ')'});
  }
  return out;
}

std::optional<std::size_t> parse_count(std::string_view token) {
  std::size_t n = 0;
  const auto [ptr, ec] = std::from_chars(token.data(), token.data() + token.size(), n);
  if (ec != std::errc() || ptr != token.data() + token.size()) return std::nullopt;
  return n;
}

// The provenance the solve and the explanation read, of the sources not in the draft: for
// each, its id, the first such source of its witness, and the releases it traces to. The
// draft can change it (a draft source sharing an upstream joins two witnesses).
std::string provenance_of(const FactBase& base, const std::vector<SourceIndex>& draft) {
  const std::vector<std::uint32_t> witness = witness_of_sources(base);
  std::unordered_map<std::uint32_t, SourceIndex> first_of;
  Digest digest;
  for (SourceIndex s = 0; s < base.sources.size(); ++s) {
    if (std::binary_search(draft.begin(), draft.end(), s)) continue;
    const SourceIndex first = first_of.try_emplace(witness[s], s).first->second;
    digest.add(base.sources[s].id);
    digest.add(base.sources[first].id);
    for (const Release& release : releases_of(base, s)) {
      digest.add(release.publisher);
      digest.add(release.published);
    }
    digest.add("");
  }
  return digest.hex();
}

// The sources of the files left out: the draft's, and any other source of the same files
// (the cache's key leaves those files out whole), sorted.
std::vector<SourceIndex> left_out(const FactBase& base, const std::vector<SourceIndex>& draft) {
  std::vector<std::uint32_t> files;
  for (const SourceIndex s : draft) files.push_back(base.sources[s].file);
  std::vector<SourceIndex> out;
  for (SourceIndex s = 0; s < base.sources.size(); ++s)
    if (std::find(files.begin(), files.end(), base.sources[s].file) != files.end())
      out.push_back(s);
  return out;
}

std::string facts_hash(const FactBase& base, const std::vector<FactIndex>& facts, Digest& digest) {
  digest.reset();
  for (const FactIndex f : facts) {
    digest.add(base.sources[base.facts[f].source].id);
    digest.add(base.facts[f].id);
  }
  return digest.hex();
}

// A key as its parts: the measure and the place (by their place in the vocabulary, which is
// in the cache's key), the period's days, and each subset item's dimension and value as
// spelled (the first spelling met, which a draft can change).
std::string key_text(const FactBase& base, KeyId id) {
  const Key& key = base.keys.key(id);
  const Period& period = base.keys.period(key.period);
  std::string out = fmt::format("{}:{}:{}:{}", key.measure, key.place, period.first, period.last);
  for (const SubsetItem& item : base.keys.subset(key.subset)) {
    out += fmt::format(":{}=", item.dimension);
    out += base.keys.value_name(item.value);
  }
  return out;
}

std::size_t arity_of(const FactGraph& graph, std::span<const ConstraintId> component) {
  std::size_t arity = 0;
  for (const ConstraintId c : component) arity += graph.constraints[c].vars.size();
  return arity;
}

// The key variables of each component, in variable order.
std::vector<std::vector<KeyId>> keys_by_component(const FactGraph& graph) {
  std::vector<std::vector<KeyId>> out(graph.components().size());
  for (VarId v = 0; v < graph.vars.size(); ++v) {
    const auto constraints = graph.constraints_of(v);
    if (graph.vars[v].kind != VarKind::key || constraints.empty()) continue;
    out[graph.component_of_constraint(constraints.front())].push_back(graph.vars[v].key);
  }
  return out;
}

// The lines of one component, or nullopt when a fact it names is not its own or two of its
// keys read alike.
std::optional<std::string> render_component(const FactBase& base, const FactGraph& graph,
                                            std::uint32_t c, const std::vector<FactIndex>& facts,
                                            const ComponentOutcome& outcome, Digest& digest) {
  const auto place = [&](FactIndex f) -> std::optional<std::size_t> {
    const auto it = std::lower_bound(facts.begin(), facts.end(), f);
    if (it == facts.end() || *it != f) return std::nullopt;
    return static_cast<std::size_t>(it - facts.begin());
  };
  std::string out = fmt::format(
      "component {} {} {} {} {} {} {} {} {}\n", facts_hash(base, facts, digest), facts.size(),
      graph.components()[c].size(), arity_of(graph, graph.components()[c]), outcome.exhausted,
      outcome.truncated, outcome.bounded, outcome.findings.size(), outcome.implied.size());
  out += "aside";
  for (const FactIndex f : outcome.set_aside) {
    const auto p = place(f);
    if (!p) return std::nullopt;
    out += fmt::format(" {}", *p);
  }
  out += "\n";
  for (const Finding& finding : outcome.findings) {
    if (finding.accepted) return std::nullopt;
    std::string places;
    for (const FactIndex f : finding.facts) {
      const auto p = place(f);
      if (!p) return std::nullopt;
      places += fmt::format("{}{}", places.empty() ? "" : ",", *p);
    }
    out += fmt::format("finding {} {} {} {} {} {} {} {} {} {} {}\n", text(finding.id),
                       finding_rule_id(finding.rule), static_cast<int>(finding.severity),
                       finding.gap ? finding.gap->str() : "-",
                       text(base.files.at(finding.location.file)), finding.location.line,
                       finding.location.column, finding.notes_differ ? 1 : 0, finding.steps.size(),
                       finding.diagnosis ? 1 : 0, places.empty() ? "-" : places);
    out += fmt::format("text {}\ntext {}\ntext {}\n", text(finding.message), text(finding.quantity),
                       text(finding.discriminator));
    for (const std::string& step : finding.steps) out += fmt::format("text {}\n", text(step));
    if (const auto& d = finding.diagnosis) {
      const auto p = place(d->doubt);
      if (!p) return std::nullopt;
      out += fmt::format("diagnosis {} {} {} {} {}\n", *p, text(d->cause), text(d->corrected),
                         text(d->detail), text(d->because));
    }
  }
  std::unordered_set<std::string> seen;
  for (const auto& [key, interval] : outcome.implied) {
    std::string name = key_text(base, key);
    if (!seen.insert(name).second) return std::nullopt;
    out += fmt::format("implied {} {}\n", render_interval(interval), text(name));
  }
  return out;
}

// Reads the lines one by one, each split at spaces.
class Lines {
 public:
  explicit Lines(std::string_view text) : text_(text) {}
  // The next line's tokens, its tag first; empty at the end.
  std::vector<std::string_view> next() {
    std::vector<std::string_view> tokens;
    if (start_ >= text_.size()) return tokens;
    std::size_t end = text_.find('\n', start_);
    if (end == std::string_view::npos) end = text_.size();
    std::string_view line = text_.substr(start_, end - start_);
    start_ = end + 1;
    while (true) {
      const std::size_t space = line.find(' ');
      tokens.push_back(line.substr(0, space));
      if (space == std::string_view::npos) break;
      line.remove_prefix(space + 1);
    }
    return tokens;
  }
  [[nodiscard]] bool done() const { return start_ >= text_.size(); }

 private:
  std::string_view text_;
  std::size_t start_ = 0;
};

std::optional<std::string> text_line(Lines& lines) {
  const auto tokens = lines.next();
  if (tokens.size() != 2 || tokens[0] != "text") return std::nullopt;
  return untext(tokens[1]);
}

std::optional<std::vector<std::uint32_t>> places(std::string_view list) {
  std::vector<std::uint32_t> out;
  if (list == "-") return out;
  while (true) {
    const std::size_t comma = list.find(',');
    const auto n = parse_count(list.substr(0, comma));
    if (!n) return std::nullopt;
    out.push_back(static_cast<std::uint32_t>(*n));
    if (comma == std::string_view::npos) break;
    list.remove_prefix(comma + 1);
  }
  return out;
}

std::optional<CachedOutcomes::CachedFinding> parse_finding(const std::vector<std::string_view>& t,
                                                           Lines& lines) {
  if (t.size() != 12 || t[0] != "finding") return std::nullopt;
  CachedOutcomes::CachedFinding out;
  Finding& f = out.finding;
  auto id = untext(t[1]);
  const auto rule = parse_finding_rule(t[2]);
  const auto severity = parse_count(t[3]);
  auto file = untext(t[5]);
  const auto line = parse_count(t[6]);
  const auto column = parse_count(t[7]);
  const auto notes = parse_count(t[8]);
  const auto steps = parse_count(t[9]);
  const auto diagnosis = parse_count(t[10]);
  const auto facts = places(t[11]);
  if (!id || !rule || !severity || *severity > 2 || !file || !line || !column || !notes ||
      *notes > 1 || !steps || !diagnosis || *diagnosis > 1 || !facts) {
    return std::nullopt;
  }
  f.id = std::move(*id);
  f.rule = *rule;
  f.severity = static_cast<Severity>(*severity);
  if (t[4] != "-") {
    f.gap = parse_rational(t[4]);
    if (!f.gap) return std::nullopt;
  }
  out.file = std::move(*file);
  f.location.line = static_cast<std::uint32_t>(*line);
  f.location.column = static_cast<std::uint32_t>(*column);
  f.notes_differ = *notes == 1;
  f.facts.assign(facts->begin(), facts->end());
  auto message = text_line(lines);
  auto quantity = text_line(lines);
  auto discriminator = text_line(lines);
  if (!message || !quantity || !discriminator) return std::nullopt;
  f.message = std::move(*message);
  f.quantity = std::move(*quantity);
  f.discriminator = std::move(*discriminator);
  for (std::size_t i = 0; i < *steps; ++i) {
    auto step = text_line(lines);
    if (!step) return std::nullopt;
    f.steps.push_back(std::move(*step));
  }
  if (*diagnosis == 1) {
    const auto d = lines.next();
    if (d.size() != 6 || d[0] != "diagnosis") return std::nullopt;
    const auto doubt = parse_count(d[1]);
    auto cause = untext(d[2]);
    auto corrected = untext(d[3]);
    auto detail = untext(d[4]);
    auto because = untext(d[5]);
    if (!doubt || !cause || !corrected || !detail || !because) return std::nullopt;
    f.diagnosis = FindingDiagnosis{static_cast<FactIndex>(*doubt), std::move(*cause),
                                   std::move(*corrected), std::move(*detail), std::move(*because)};
  }
  return out;
}

std::optional<CachedOutcomes::Component> parse_component(const std::vector<std::string_view>& t,
                                                         Lines& lines) {
  if (t.size() != 10 || t[0] != "component") return std::nullopt;
  CachedOutcomes::Component out;
  out.facts_hash = std::string(t[1]);
  std::size_t counts[8] = {};
  for (std::size_t i = 0; i < 8; ++i) {
    const auto n = parse_count(t[i + 2]);
    if (!n) return std::nullopt;
    counts[i] = *n;
  }
  out.facts = counts[0];
  out.constraints = counts[1];
  out.arity = counts[2];
  out.exhausted = counts[3];
  out.truncated = counts[4];
  out.bounded = counts[5];
  const auto aside = lines.next();
  if (aside.empty() || aside[0] != "aside") return std::nullopt;
  for (std::size_t i = 1; i < aside.size(); ++i) {
    const auto n = parse_count(aside[i]);
    if (!n) return std::nullopt;
    out.set_aside.push_back(static_cast<std::uint32_t>(*n));
  }
  for (std::size_t i = 0; i < counts[6]; ++i) {
    auto finding = parse_finding(lines.next(), lines);
    if (!finding) return std::nullopt;
    out.findings.push_back(std::move(*finding));
  }
  for (std::size_t i = 0; i < counts[7]; ++i) {
    const auto line = lines.next();
    if (line.size() != 4 || line[0] != "implied") return std::nullopt;
    auto interval = parse_interval(line[1], line[2]);
    auto name = untext(line[3]);
    if (!interval || !name) return std::nullopt;
    out.implied.emplace_back(std::move(*name), std::move(*interval));
  }
  return out;
}

// The cached component `cached` in the terms of `base`: its facts `facts`, its keys `keys`;
// nullopt when a place, a file or a key is not there.
std::optional<ComponentOutcome> outcome_of(
    const FactBase& base, const CachedOutcomes::Component& cached,
    const std::vector<FactIndex>& facts, const std::vector<KeyId>& keys,
    const std::unordered_map<std::string, std::uint32_t>& files) {
  ComponentOutcome out;
  const auto fact = [&](std::uint32_t p, FactIndex& f) {
    if (p >= facts.size()) return false;
    f = facts[p];
    return true;
  };
  for (const std::uint32_t p : cached.set_aside)
    if (!fact(p, out.set_aside.emplace_back())) return std::nullopt;
  for (const CachedOutcomes::CachedFinding& c : cached.findings) {
    Finding f = c.finding;
    for (FactIndex& g : f.facts)
      if (!fact(g, g)) return std::nullopt;
    if (f.diagnosis && !fact(f.diagnosis->doubt, f.diagnosis->doubt)) return std::nullopt;
    const auto file = files.find(c.file);
    if (file == files.end()) return std::nullopt;
    f.location.file = file->second;
    out.findings.push_back(std::move(f));
  }
  if (keys.size() != cached.implied.size()) return std::nullopt;
  std::unordered_map<std::string_view, const Interval*> by_name;
  for (const auto& [name, interval] : cached.implied) by_name.emplace(name, &interval);
  for (const KeyId key : keys) {
    const auto it = by_name.find(key_text(base, key));
    if (it == by_name.end()) return std::nullopt;
    out.implied.emplace_back(key, *it->second);
  }
  out.exhausted = cached.exhausted;
  out.truncated = cached.truncated;
  out.bounded = cached.bounded;
  return out;
}

}  // namespace

std::string render_outcomes(const FactBase& base, const CheckResult& checked,
                            const std::vector<SourceIndex>& draft, unsigned threads) {
  const FactGraph& graph = checked.graph;
  if (checked.outcomes.size() != graph.components().size()) return "";
  const std::vector<SourceIndex> sorted_draft = left_out(base, draft);
  const std::vector<bool> touched = components_of_draft(base, graph, sorted_draft);
  const auto facts = facts_by_component(graph);
  std::vector<std::uint32_t> rendered;  // the components written, in order
  std::size_t total = 0;
  for (std::uint32_t c = 0; c < graph.components().size(); ++c) {
    if (touched[c] || !checked.outcomes[c] || facts[c].empty()) continue;
    rendered.push_back(c);
    total += facts[c].size();
  }
  // Each part a run of components holding about as many facts as the others, rendered on
  // a thread of its own; the parts joined in component order.
  struct Part {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::string body;
    std::size_t count = 0;
  };
  std::vector<Part> parts(
      std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, rendered.size())));
  std::size_t at = 0;
  std::size_t so_far = 0;
  for (std::size_t p = 0; p < parts.size(); ++p) {
    parts[p].begin = at;
    const std::size_t until = total * (p + 1) / parts.size();
    while (at < rendered.size() && (p + 1 == parts.size() || so_far < until))
      so_far += facts[rendered[at++]].size();
    parts[p].end = at;
  }
  const auto render_part = [&](Part& part) {
    Digest digest;
    for (std::size_t i = part.begin; i < part.end; ++i) {
      const std::uint32_t c = rendered[i];
      const auto lines = render_component(base, graph, c, facts[c], *checked.outcomes[c], digest);
      if (!lines) continue;
      part.body += *lines;
      ++part.count;
    }
  };
  {
    std::vector<std::jthread> helpers;
    std::exception_ptr failed;
    std::mutex failed_mutex;
    for (std::size_t p = 1; p < parts.size(); ++p) {
      helpers.emplace_back([&, p] {
        try {
          render_part(parts[p]);
        } catch (...) {
          const std::lock_guard lock(failed_mutex);
          failed = std::current_exception();
        }
      });
    }
    render_part(parts[0]);
    helpers.clear();  // joined
    if (failed) std::rethrow_exception(failed);
  }
  std::size_t count = 0;
  std::size_t bytes = 0;
  for (const Part& part : parts) {
    count += part.count;
    bytes += part.body.size();
  }
  if (count == 0) return "";
  std::string out = fmt::format("outcomes {} {}\n", count, provenance_of(base, sorted_draft));
  out.reserve(out.size() + bytes);
  for (const Part& part : parts) out += part.body;
  return out;
}

std::optional<CachedOutcomes> CachedOutcomes::parse(std::string_view text) {
  Lines lines(text);
  const auto head = lines.next();
  if (head.size() != 3 || head[0] != "outcomes") return std::nullopt;
  const auto count = parse_count(head[1]);
  if (!count) return std::nullopt;
  CachedOutcomes out;
  out.provenance_ = std::string(head[2]);
  for (std::size_t i = 0; i < *count; ++i) {
    auto component = parse_component(lines.next(), lines);
    if (!component) return std::nullopt;
    // Two components with the same facts: neither can be told apart, keep none.
    if (!out.by_facts_.emplace(component->facts_hash, out.components_.size()).second)
      out.by_facts_[component->facts_hash] = out.components_.size() + *count;
    out.components_.push_back(std::move(*component));
  }
  if (!lines.done()) return std::nullopt;
  return out;
}

std::vector<std::optional<ComponentOutcome>> CachedOutcomes::known(
    const FactBase& base, const FactGraph& graph, const std::vector<SourceIndex>& draft,
    const std::vector<SourceIndex>& outside) const {
  std::vector<std::optional<ComponentOutcome>> out(graph.components().size());
  if (provenance_of(base, outside) != provenance_) return out;
  const std::vector<SourceIndex> sorted_draft = left_out(base, draft);
  const std::vector<bool> touched = components_of_draft(base, graph, sorted_draft);
  const auto facts = facts_by_component(graph);
  const auto keys = keys_by_component(graph);
  std::unordered_map<std::string, std::uint32_t> files;
  for (std::uint32_t f = 0; f < base.files.size(); ++f) files.emplace(base.files[f], f);
  Digest digest;
  for (std::uint32_t c = 0; c < out.size(); ++c) {
    if (touched[c] || facts[c].empty()) continue;
    const auto it = by_facts_.find(facts_hash(base, facts[c], digest));
    if (it == by_facts_.end() || it->second >= components_.size()) continue;
    const Component& cached = components_[it->second];
    if (cached.facts != facts[c].size() || cached.constraints != graph.components()[c].size() ||
        cached.arity != arity_of(graph, graph.components()[c])) {
      continue;
    }
    out[c] = outcome_of(base, cached, facts[c], keys[c], files);
  }
  return out;
}

}  // namespace cc::cli
