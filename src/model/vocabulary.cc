#include "model/vocabulary.h"

#include <fmt/format.h>
#include <algorithm>
#include <optional>

#include "model/utf8.h"

namespace cc {

std::string fold_name(std::string_view name) {
  const bool ascii = std::all_of(name.begin(), name.end(),
                                 [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  // Beyond ASCII, Unicode case folding (utf8proc): "ZÜRICH" is "Zürich". ASCII, the usual
  // case, is folded here: NFKC_Casefold of ASCII text is its lower case.
  const std::optional<std::string> unicode = ascii ? std::nullopt : utf8::fold_case(name);
  const std::string_view text = unicode ? std::string_view(*unicode) : name;
  // The C locale's isspace and tolower, inline (the program never sets a locale): this
  // runs over every name of every key the loader reads.
  const auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
  };
  // Written into a string sized once (the folded text is never longer), then cut to size:
  // appending a character at a time checked the capacity at every one.
  std::string out(text.size(), '\0');
  std::size_t n = 0;
  bool pending_space = false;
  for (const char c : text) {
    if (space(c)) {
      pending_space = n > 0;
      continue;
    }
    if (pending_space) out[n++] = ' ';
    pending_space = false;
    out[n++] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  out.resize(n);
  return out;
}

void Vocabulary::index() {
  measure_index_.clear();
  place_index_.clear();
  dimension_index_.clear();
  for (MeasureId i = 0; i < measures.size(); ++i) {
    measure_index_.emplace(fold_name(measures[i].id), i);
    for (const auto& alias : measures[i].aliases) measure_index_.emplace(fold_name(alias), i);
  }
  for (PlaceId i = 0; i < places.size(); ++i) place_index_.emplace(fold_name(places[i].name), i);
  for (DimensionId i = 0; i < dimensions.size(); ++i) {
    dimension_index_.emplace(fold_name(dimensions[i].name), i);
  }
}

namespace {

template <typename Map>
std::optional<typename Map::mapped_type> find_in(const Map& map, std::string_view name) {
  const auto it = map.find(fold_name(name));
  if (it == map.end()) return std::nullopt;
  return it->second;
}

std::vector<std::string> nearest(std::string_view name, const std::vector<std::string>& known) {
  const std::string folded = fold_name(name);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& candidate : known) {
    const std::size_t distance = edit_distance(folded, fold_name(candidate));
    const std::size_t limit =
        std::max<std::size_t>(2, std::max(folded.size(), candidate.size()) / 3);
    const bool prefix =
        folded.size() >= 3 && fold_name(candidate).find(folded) != std::string::npos;
    if (distance <= limit || prefix) scored.emplace_back(prefix ? 0 : distance, candidate);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> out;
  for (const auto& [distance, candidate] : scored) {
    if (std::find(out.begin(), out.end(), candidate) == out.end()) out.push_back(candidate);
    if (out.size() == 3) break;
  }
  return out;
}

}  // namespace

std::optional<MeasureId> Vocabulary::find_measure(std::string_view name) const {
  return find_in(measure_index_, name);
}
std::optional<PlaceId> Vocabulary::find_place(std::string_view name) const {
  return find_in(place_index_, name);
}
std::optional<DimensionId> Vocabulary::find_dimension(std::string_view name) const {
  return find_in(dimension_index_, name);
}

std::vector<std::string> Vocabulary::suggest_measures(std::string_view name) const {
  std::vector<std::string> known;
  for (const auto& m : measures) {
    known.push_back(m.id);
    known.insert(known.end(), m.aliases.begin(), m.aliases.end());
  }
  return nearest(name, known);
}

std::vector<std::string> Vocabulary::suggest_places(std::string_view name) const {
  std::vector<std::string> known;
  for (const auto& p : places) known.push_back(p.name);
  return nearest(name, known);
}

std::vector<std::string> Vocabulary::suggest_dimensions(std::string_view name) const {
  std::vector<std::string> known;
  for (const auto& d : dimensions) known.push_back(d.name);
  return nearest(name, known);
}

bool Vocabulary::place_within(PlaceId inner, PlaceId outer) const {
  std::optional<PlaceId> at = inner;
  while (at) {
    if (*at == outer) return true;
    at = places[*at].parent;
  }
  return false;
}

bool Vocabulary::measure_within(MeasureId inner, MeasureId outer) const {
  std::optional<MeasureId> at = inner;
  for (std::size_t steps = 0; at && steps <= measures.size(); ++steps) {
    if (*at == outer) return true;
    at = measures[*at].within;
  }
  return false;
}

MeasureId Vocabulary::measure_root(MeasureId measure) const {
  MeasureId at = measure;
  for (std::size_t steps = 0; measures[at].within && steps < measures.size(); ++steps) {
    at = *measures[at].within;
  }
  return at;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string did_you_mean(const std::vector<std::string>& suggestions) {
  if (suggestions.empty()) return {};
  std::string out = " (did you mean ";
  for (std::size_t i = 0; i < suggestions.size(); ++i) {
    if (i > 0) out += i + 1 == suggestions.size() ? " or " : ", ";
    out += fmt::format("'{}'", suggestions[i]);
  }
  return out + "?)";
}

const Rational& Vocabulary::vague_of(MeasureId measure) const {
  const std::optional<Rational>& own = measures[measure].vague;
  return own ? *own : tolerances.vague;
}

const Rational& Vocabulary::warn_of(MeasureId measure) const {
  const std::optional<Rational>& own = measures[measure].warn;
  return own ? *own : tolerances.warn;
}

}  // namespace cc
