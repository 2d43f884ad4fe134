#include "solve/slips.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <set>

#include "grammar/names.h"
#include "grammar/period.h"
#include "rules/time_units.h"

namespace cc {
namespace {

// The first number written: digits with thousands separators, and a decimal part.
struct Token {
  std::size_t begin = 0;
  std::size_t end = 0;
  std::string digits;    // the integer digits, separators dropped
  std::string decimals;  // after the point, if any
  bool grouped = false;  // written with separators
  [[nodiscard]] Rational value() const {
    Rational v{BigInt(digits)};
    if (!decimals.empty())
      v += Rational{BigInt(decimals)} / pow10(static_cast<int>(decimals.size()));
    return v;
  }
};

std::optional<Token> first_number(std::string_view written) {
  std::size_t i = 0;
  while (i < written.size() && !std::isdigit(static_cast<unsigned char>(written[i]))) ++i;
  if (i == written.size()) return std::nullopt;
  Token t;
  t.begin = i;
  while (i < written.size()) {
    const char ch = written[i];
    if (std::isdigit(static_cast<unsigned char>(ch))) {
      t.digits += ch;
    } else if (ch == ',' && i + 1 < written.size() &&
               std::isdigit(static_cast<unsigned char>(written[i + 1]))) {
      t.grouped = true;
    } else {
      break;
    }
    ++i;
  }
  if (i + 1 < written.size() && written[i] == '.' &&
      std::isdigit(static_cast<unsigned char>(written[i + 1]))) {
    ++i;
    while (i < written.size() && std::isdigit(static_cast<unsigned char>(written[i])))
      t.decimals += written[i++];
  }
  t.end = i;
  return t;
}

// The numbers one digit-edit from `digits`, each with what the edit was, in a fixed order.
std::vector<std::pair<std::string, std::string>> digit_edits(const std::string& digits) {
  std::vector<std::pair<std::string, std::string>> out;
  std::set<std::string> seen{digits};
  const auto add = [&](std::string candidate, const char* what) {
    if (candidate.empty() || (candidate.size() > 1 && candidate[0] == '0')) return;
    if (seen.insert(candidate).second) out.emplace_back(std::move(candidate), what);
  };
  for (std::size_t i = 0; i + 1 < digits.size(); ++i) {
    std::string s = digits;
    std::swap(s[i], s[i + 1]);
    add(s, "two digits swapped");
  }
  // The written figure has a digit doubled: the right one has it once.
  for (std::size_t i = 1; i < digits.size(); ++i) {
    if (digits[i] == digits[i - 1])
      add(digits.substr(0, i) + digits.substr(i + 1), "a digit doubled");
  }
  // The written figure dropped a digit: the right one has one more, anywhere.
  for (std::size_t i = 0; i <= digits.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d)
      add(digits.substr(0, i) + d + digits.substr(i), "a digit dropped");
  }
  for (std::size_t i = 0; i < digits.size(); ++i) {
    for (char d = '0'; d <= '9'; ++d) {
      if (d == digits[i]) continue;
      std::string s = digits;
      s[i] = d;
      add(s, "a digit changed");
    }
  }
  return out;
}

std::string with_number(std::string_view written, const Token& t, const Rational& value) {
  const std::string number = t.grouped ? format_number(value, 6) : [&] {
    std::string s = format_number(value, 6);
    s.erase(std::remove(s.begin(), s.end(), ','), s.end());
    return s;
  }();
  return std::string(written.substr(0, t.begin)) + number + std::string(written.substr(t.end));
}

constexpr std::array<const char*, 4> kScaleWords = {"thousand", "million", "billion", "trillion"};

// "2.3 billion" scaled by 10^-3 is "2.3 million": the scale word moves, not the digits.
std::optional<std::string> with_scale_word(std::string_view written, int exponent) {
  if (exponent % 3 != 0) return std::nullopt;
  for (std::size_t w = 0; w < kScaleWords.size(); ++w) {
    const std::size_t at = written.find(kScaleWords[w]);
    if (at == std::string_view::npos) continue;
    const auto to = static_cast<int>(w) + exponent / 3;
    if (to < 0 || to >= static_cast<int>(kScaleWords.size())) return std::nullopt;
    return std::string(written.substr(0, at)) + kScaleWords[static_cast<std::size_t>(to)] +
           std::string(written.substr(at + std::string_view(kScaleWords[w]).size()));
  }
  return std::nullopt;
}

class SlipFinder {
 public:
  SlipFinder(const FactBase& base, const FactGraph& graph, const MinimalConflict& conflict,
             const KeyIntervals& implied, const SlipCheck& agrees)
      : base_(base),
        graph_(graph),
        fact_(base.facts[conflict.blame]),
        implied_(implied),
        agrees_(agrees),
        standing_(conflict.implied_for_blame) {}

  std::optional<Slip> find() {
    if (!standing_) return std::nullopt;
    if (auto s = digits()) return s;
    if (auto s = scale()) return s;
    if (auto s = direction()) return s;
    if (auto s = points()) return s;
    if (auto s = base_period()) return s;
    if (auto s = whole()) return s;
    return std::nullopt;
  }

 private:
  // The value scaled by `factor`, in the variable's terms, if it agrees with what stands.
  [[nodiscard]] bool scaled_agrees(const Rational& factor) const {
    const Interval value = fact_.value.interval() * Interval::point(factor);
    const Interval candidate = value_in_var_terms(fact_, value, fact_.direction);
    return candidate.overlaps(*standing_) && agrees_(candidate);
  }

  // A one-sided value ("more than 10,000") agrees with too much for a digit or scale
  // correction to mean anything.
  std::optional<Slip> digits() const {
    if (!fact_.value.interval().is_bounded()) return std::nullopt;
    const auto t = first_number(fact_.value.written);
    if (!t || !t->decimals.empty() || t->digits.size() < 2) return std::nullopt;
    const Rational original = t->value();
    if (original == 0) return std::nullopt;
    std::optional<Slip> found;
    for (const auto& [candidate, what] : digit_edits(t->digits)) {
      const Rational value{BigInt(candidate)};
      if (!scaled_agrees(value / original)) continue;
      if (found) return std::nullopt;  // two corrections agree: nothing to say which
      const std::string corrected = with_number(fact_.value.written, *t, value);
      found = Slip{"digits", corrected, what};
    }
    return found;
  }

  std::optional<Slip> scale() const {
    if (!fact_.value.interval().is_bounded()) return std::nullopt;
    const auto t = first_number(fact_.value.written);
    if (!t) return std::nullopt;
    const Rational original = t->value();
    if (original == 0) return std::nullopt;
    std::optional<Slip> found;
    for (const int exponent : {3, -3, 6, -6, 9, -9, 1, -1, 2, -2}) {
      if (!scaled_agrees(pow10(exponent))) continue;
      if (found) return std::nullopt;
      const std::string corrected =
          with_scale_word(fact_.value.written, exponent)
              .value_or(with_number(fact_.value.written, *t, original * pow10(exponent)));
      found = Slip{
          "scale", corrected,
          fmt::format("the written figure is {} times too {}",
                      format_number(pow10(std::abs(exponent))), exponent < 0 ? "large" : "small")};
    }
    return found;
  }

  std::optional<Slip> direction() const {
    if (fact_.kind != FactKind::change && fact_.kind != FactKind::difference) return std::nullopt;
    const Direction other = fact_.direction == Direction::rise ? Direction::fall : Direction::rise;
    const Interval candidate = value_in_var_terms(fact_, fact_.value.interval(), other);
    if (!candidate.overlaps(*standing_) || !agrees_(candidate)) return std::nullopt;
    const std::string corrected = fmt::format(
        "{} of {}", other == Direction::rise ? "a rise" : "a fall", fact_.value.written);
    return Slip{
        "direction", corrected,
        fmt::format("the figures give {}, not {}", other == Direction::rise ? "a rise" : "a fall",
                    fact_.direction == Direction::rise ? "a rise" : "a fall")};
  }

  // The two quantities of a change, when both are keys with bounded implied values.
  [[nodiscard]] std::optional<std::pair<KeyId, KeyId>> change_keys() const {
    if (fact_.kind != FactKind::change || fact_.operands.size() != 2) return std::nullopt;
    const Operand& from = fact_.operands[0];
    const Operand& to = fact_.operands[1];
    if (from.kind != Operand::Kind::key || to.kind != Operand::Kind::key) return std::nullopt;
    if (!implied_[from.key].is_bounded() || !implied_[to.key].is_bounded()) return std::nullopt;
    return std::pair(from.key, to.key);
  }

  std::optional<Slip> points() const {
    const auto keys = change_keys();
    if (!keys || !fact_.value.percent) return std::nullopt;
    const Interval& from = implied_[keys->first];
    const Interval& to = implied_[keys->second];
    const Interval unit = Interval::closed(0, 1);
    if (!from.within(unit) || !to.within(unit)) return std::nullopt;
    const Interval difference = fact_.direction == Direction::rise ? to - from : from - to;
    if (!difference.overlaps(fact_.value.interval())) return std::nullopt;
    const auto ratio = divide(to, from);
    if (!ratio) return std::nullopt;
    const Interval relative = fact_.direction == Direction::rise ? *ratio - Interval::point(1)
                                                                 : Interval::point(1) - *ratio;
    const std::string corrected = describe(relative, true);
    return Slip{"points", corrected,
                fmt::format("{} is the change in percentage points, {} to {}", fact_.value.written,
                            describe(from, true), describe(to, true))};
  }

  std::optional<Slip> base_period() const {
    const auto keys = change_keys();
    if (!keys) return std::nullopt;
    const Key from = base_.keys.key(keys->first);
    const Key to = base_.keys.key(keys->second);
    const Interval stated = value_in_var_terms(fact_, fact_.value.interval(), fact_.direction);
    std::optional<Slip> found;
    for (const KeyId id : slip_keys(base_, fact_)) {
      const PeriodId p = base_.keys.key(id).period;
      if (p == from.period || p == to.period || !implied_[id].is_bounded()) continue;
      const auto ratio = divide(implied_[keys->second], implied_[id]);
      if (!ratio || !ratio->overlaps(stated)) continue;
      if (found) return std::nullopt;
      const std::string period =
          period_name(base_.keys.period(p), base_.vocabulary.fiscal_year_start);
      found = Slip{"base-period", period,
                   fmt::format("it fits {} as its base: {} to {}", period, describe_key(base_, id),
                               describe_key(base_, keys->second))};
    }
    return found;
  }

  std::optional<Slip> whole() const {
    if (fact_.kind != FactKind::share || fact_.operands.size() != 2) return std::nullopt;
    const Operand& of = fact_.operands[0];
    const Operand& part = fact_.operands[1];
    if (of.kind != Operand::Kind::key || part.kind != Operand::Kind::key) return std::nullopt;
    if (!implied_[part.key].is_bounded()) return std::nullopt;
    std::optional<Slip> found;
    for (const KeyId k : slip_keys(base_, fact_)) {
      if (k == of.key || k == part.key || !stated(k) || !implied_[k].is_bounded()) continue;
      const auto share = divide(implied_[part.key], implied_[k]);
      if (!share || !share->overlaps(fact_.value.interval())) continue;
      if (found) return std::nullopt;
      found = Slip{"whole", describe_key(base_, k),
                   fmt::format("it is the share of {}, not of {}", describe_key(base_, k),
                               describe_key(base_, of.key))};
    }
    return found;
  }

  // A fact states the key.
  [[nodiscard]] bool stated(KeyId key) const {
    const auto var = graph_.var_of_key(key);
    if (!var) return false;
    for (const ConstraintId c : graph_.constraints_of(*var)) {
      const Constraint& constraint = graph_.constraints[c];
      if (constraint.kind == ConstraintKind::statement && constraint.fact &&
          constraint.vars[0] == *var)
        return true;
    }
    return false;
  }

  const FactBase& base_;
  const FactGraph& graph_;
  const Fact& fact_;
  const KeyIntervals& implied_;
  const SlipCheck& agrees_;
  std::optional<Interval> standing_;
};

}  // namespace

std::vector<KeyId> slip_keys(const FactBase& base, const Fact& fact) {
  std::vector<KeyId> out;
  if (fact.operands.size() != 2 || fact.operands[0].kind != Operand::Kind::key ||
      fact.operands[1].kind != Operand::Kind::key) {
    return out;
  }
  if (fact.kind == FactKind::change) {
    Key other = base.keys.key(fact.operands[0].key);
    for (PeriodId p = 0; p < base.keys.period_count(); ++p) {
      other.period = p;
      if (const auto id = base.keys.find(other)) out.push_back(*id);
    }
  } else if (fact.kind == FactKind::share) {
    const Key& whole = base.keys.key(fact.operands[0].key);
    for (KeyId k = 0; k < base.keys.key_count(); ++k) {
      const Key& candidate = base.keys.key(k);
      if (candidate.measure == whole.measure && candidate.period == whole.period) out.push_back(k);
    }
  }
  return out;
}

std::optional<Slip> find_slip(const FactBase& base, const FactGraph& graph,
                              const MinimalConflict& conflict, const KeyIntervals& implied,
                              const SlipCheck& agrees) {
  return SlipFinder(base, graph, conflict, implied, agrees).find();
}

}  // namespace cc
