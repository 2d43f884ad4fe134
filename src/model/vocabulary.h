#pragma once
// vocabulary.yaml: the measures, places, dimensions and tolerances facts may use.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/number.h"
#include "model/period.h"

namespace cc {

using MeasureId = std::uint32_t;
using PlaceId = std::uint32_t;
using DimensionId = std::uint32_t;

struct Mark {
  std::uint32_t file = 0;    // index into FactBase::files
  std::uint32_t line = 0;    // 1-based
  std::uint32_t column = 0;  // 1-based
  friend bool operator==(const Mark&, const Mark&) = default;
  friend auto operator<=>(const Mark&, const Mark&) = default;
};

struct Measure {
  std::string id;        // "offences"
  std::string name;      // long name, may be empty
  std::string unit;      // "offences"
  bool additive = true;  // sums over places, periods and subsets; `additive: false` for rates
  bool count = true;     // whole numbers (default: additive); `count: false` for GWh, pounds
  bool stock = false;    // a level at a moment (population): never summed over periods
  std::vector<std::string> aliases;
  std::optional<MeasureId> within;  // this measure is a subset of another
  // `tolerances:` on the measure: its own vague and warn, in place of the vocabulary's.
  std::optional<Rational> vague;
  std::optional<Rational> warn;
  Mark mark;
};

struct Place {
  std::string name;
  std::optional<PlaceId> parent;
  std::uint32_t depth = 0;  // 0 for a root
  Mark mark;
};

struct Dimension {
  std::string name;
  bool exclusive = false;
  std::vector<std::string> values;  // empty: any value
  Mark mark;
};

struct Tolerances {
  Rational vague{1, 10};
  Rational warn{1, 100};
};

// One entry of `rules:` (FORMAT §8): a rule id and what to do with it. The loader reads
// the setting; the ids are checked against the registries above it (engine/rule_settings.h).
enum class RuleLevel { off, error, warning, info };
struct RuleSetting {
  std::string id;
  RuleLevel level = RuleLevel::off;
  Mark mark;        // the id
  Mark level_mark;  // the setting
};

// Names are matched after folding: Unicode case folding (NFKC_Casefold, model/utf8.h), runs
// of white space as one space, trimmed.
[[nodiscard]] std::string fold_name(std::string_view name);

class Vocabulary {
 public:
  Tolerances tolerances;
  MonthDay fiscal_year_start{4, 1};
  std::vector<Measure> measures;
  std::vector<Place> places;
  std::vector<Dimension> dimensions;
  std::vector<RuleSetting> rules;  // in file order

  // The vague and warn tolerances of a measure: its own where set, else the vocabulary's.
  [[nodiscard]] const Rational& vague_of(MeasureId measure) const;
  [[nodiscard]] const Rational& warn_of(MeasureId measure) const;

  // Call after filling the vectors: builds the folded-name indexes.
  void index();

  [[nodiscard]] std::optional<MeasureId> find_measure(std::string_view name) const;  // id or alias
  [[nodiscard]] std::optional<PlaceId> find_place(std::string_view name) const;
  [[nodiscard]] std::optional<DimensionId> find_dimension(std::string_view name) const;

  // Up to three known names nearest to `name` (edit distance), for "did you mean".
  [[nodiscard]] std::vector<std::string> suggest_measures(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> suggest_places(std::string_view name) const;
  [[nodiscard]] std::vector<std::string> suggest_dimensions(std::string_view name) const;

  // True when `inner` is `outer` or lies inside it in the place tree.
  [[nodiscard]] bool place_within(PlaceId inner, PlaceId outer) const;
  // True when measure `inner` is `outer` or is `within` it, directly or through others.
  [[nodiscard]] bool measure_within(MeasureId inner, MeasureId outer) const;
  // The measure at the top of `within` chains (the family a measure belongs to).
  [[nodiscard]] MeasureId measure_root(MeasureId measure) const;

 private:
  std::unordered_map<std::string, MeasureId> measure_index_;
  std::unordered_map<std::string, PlaceId> place_index_;
  std::unordered_map<std::string, DimensionId> dimension_index_;
};

// Edit distance, for suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);
// "(did you mean 'a' or 'b'?)" or "" when there are no suggestions.
[[nodiscard]] std::string did_you_mean(const std::vector<std::string>& suggestions);

}  // namespace cc
