#include "load/vocabulary_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "load/convert.h"
#include "load/text.h"
#include "load/yaml_reader.h"

namespace cc::load {
namespace {

struct NameSeen {
  std::string owner;  // "measure 'offences'"
  Pos pos;
};

class VocabularyReader {
 public:
  VocabularyReader(const std::string& file, std::uint32_t file_index, Vocabulary& vocabulary,
                   Diagnostics& diagnostics)
      : convert_(file, diagnostics), file_index_(file_index), vocabulary_(vocabulary) {}

  void read(NodeRef root) {
    const auto fields = convert_.fields(root, ObjectKind::vocabulary, "vocabulary.yaml");
    if (!fields) return;
    if (const auto node = fields->get("tolerances")) read_tolerances(*node);
    if (const auto node = fields->get("fiscal_year_start")) read_fiscal_year_start(*node);
    if (const auto node = fields->get("measures")) read_measures(*node);
    if (const auto node = fields->get("places")) read_places(*node, std::nullopt, 0);
    if (const auto node = fields->get("dimensions")) read_dimensions(*node);
    if (const auto node = fields->get("rules")) read_rules(*node);
  }

 private:
  [[nodiscard]] Mark mark(Pos pos) const { return {file_index_, pos.line, pos.column}; }

  void read_tolerances(NodeRef node) {
    const auto fields = convert_.fields(node, ObjectKind::tolerances, "tolerances");
    if (!fields) return;
    read_tolerance(*fields, "vague", vocabulary_.tolerances.vague);
    read_tolerance(*fields, "warn", vocabulary_.tolerances.warn);
  }

  // A measure's own `tolerances:` (FORMAT §8).
  void read_measure_tolerances(NodeRef node, Measure& measure) {
    const auto fields = convert_.fields(node, ObjectKind::tolerances, "tolerances");
    if (!fields) return;
    for (const auto& [name, slot] : {std::pair{"vague", &measure.vague}, {"warn", &measure.warn}}) {
      if (!fields->get(name)) continue;
      Rational value = -1;
      read_tolerance(*fields, name, value);
      if (value >= 0) *slot = value;
    }
  }

  // `rules:` (FORMAT §8): a rule id → off, error, warning or info. The ids are checked
  // against the registries by the engine (engine/rule_settings.h), above the loader.
  void read_rules(NodeRef node) {
    if (!convert_.expect(node, NodeKind::mapping, "rules")) return;
    const std::vector<NodeRef> children = node.children();
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      const auto id = convert_.text(children[i], "rule id");
      const auto level = convert_.text(children[i + 1], "rule setting");
      if (!id || !level) continue;
      static constexpr std::pair<std::string_view, RuleLevel> kLevels[] = {
          {"off", RuleLevel::off},
          {"false", RuleLevel::off},
          {"error", RuleLevel::error},
          {"warning", RuleLevel::warning},
          {"info", RuleLevel::info}};
      const auto* found = std::find_if(std::begin(kLevels), std::end(kLevels),
                                       [&](const auto& entry) { return entry.first == *level; });
      if (found == std::end(kLevels)) {
        convert_.error(
            children[i + 1].pos(),
            fmt::format("the rule '{}' is set to '{}': write off, error, warning or info", *id,
                        *level),
            "vocabulary");
        continue;
      }
      vocabulary_.rules.push_back(
          {*id, found->second, mark(children[i].pos()), mark(children[i + 1].pos())});
    }
  }

  void read_tolerance(const Fields& fields, std::string_view name, Rational& out) {
    const auto node = fields.get(name);
    if (!node) return;
    const auto value = convert_.decimal(*node, name);
    if (!value) return;
    if (*value >= 1) {
      convert_.error(node->pos(),
                     fmt::format("'{}' must be less than 1 (a fraction: 0.1 is 10 %)", name),
                     "vocabulary");
      return;
    }
    out = *value;
  }

  void read_fiscal_year_start(NodeRef node) {
    const auto text = convert_.text(node, "fiscal_year_start");
    if (!text) return;
    const auto month_day = parse_month_day(*text);
    if (!month_day) {
      convert_.error(
          node.pos(),
          fmt::format("'fiscal_year_start' must be a day of the year as MM-DD (04-01 for 1 April), "
                      "not '{}'",
                      *text),
          "vocabulary");
      return;
    }
    vocabulary_.fiscal_year_start = *month_day;
  }

  [[nodiscard]] static std::optional<MonthDay> parse_month_day(std::string_view text) {
    const auto digit = [&](std::size_t i) { return text[i] >= '0' && text[i] <= '9'; };
    if (text.size() != 5 || text[2] != '-' || !digit(0) || !digit(1) || !digit(3) || !digit(4))
      return std::nullopt;
    const int month = (text[0] - '0') * 10 + (text[1] - '0');
    const int day = (text[3] - '0') * 10 + (text[4] - '0');
    static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return std::nullopt;
    return MonthDay{month, day};
  }

  // Measures ---------------------------------------------------------------------------

  void read_measures(NodeRef node) {
    if (!convert_.expect(node, NodeKind::mapping, "measures")) return;
    std::vector<std::pair<MeasureId, NodeRef>> within;
    const std::vector<NodeRef> children = node.children();
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      if (!children[i].is_scalar()) continue;
      read_measure(children[i], children[i + 1], within);
    }
    for (const auto& [measure, target] : within) resolve_within(measure, target);
    break_within_cycles();
  }

  void read_measure(NodeRef key, NodeRef value,
                    std::vector<std::pair<MeasureId, NodeRef>>& within) {
    const auto id = convert_.id(key, "measure id");
    if (!id) return;
    const auto fields = convert_.fields(value, ObjectKind::measure, *id);
    if (!fields) return;
    Measure measure;
    measure.id = *id;
    measure.mark = mark(key.pos());
    if (const auto node = fields->get("name"))
      measure.name = convert_.text(*node, "name").value_or("");
    if (const auto node =
            convert_.required(*fields, "unit", fmt::format("the measure '{}'", *id))) {
      measure.unit = convert_.text(*node, "unit").value_or("");
    }
    if (const auto node = fields->get("additive"))
      measure.additive = convert_.boolean(*node, "additive").value_or(true);
    measure.count = measure.additive;
    if (const auto node = fields->get("count")) {
      measure.count = convert_.boolean(*node, "count").value_or(measure.additive);
      if (measure.count && !measure.additive) {
        convert_.error(
            node->pos(),
            fmt::format("the measure '{}' cannot be a count and not additive: counts add up", *id),
            "vocabulary");
      }
    }
    if (const auto node = fields->get("stock"))
      measure.stock = convert_.boolean(*node, "stock").value_or(false);
    if (const auto node = fields->get("tolerances")) read_measure_tolerances(*node, measure);
    const auto measure_id = static_cast<MeasureId>(vocabulary_.measures.size());
    claim_measure_name(key, *id, *id);
    if (const auto node = fields->get("aliases")) read_aliases(*node, *id, measure);
    if (const auto node = fields->get("within")) within.emplace_back(measure_id, *node);
    vocabulary_.measures.push_back(std::move(measure));
  }

  void read_aliases(NodeRef node, const std::string& owner, Measure& measure) {
    if (!convert_.expect(node, NodeKind::sequence, "aliases")) return;
    for (const NodeRef item : node.children()) {
      const auto alias = convert_.text(item, "alias");
      if (alias && claim_measure_name(item, *alias, owner)) measure.aliases.push_back(*alias);
    }
  }

  // Records a measure name or alias; false (and an error) when it is taken already.
  bool claim_measure_name(NodeRef node, std::string_view name, std::string_view owner) {
    const std::string folded = fold_name(name);
    if (folded.empty()) {
      convert_.error(node.pos(), "a measure name or alias cannot be empty", "vocabulary");
      return false;
    }
    const auto [it, inserted] =
        measure_names_.emplace(folded, NameSeen{std::string(owner), node.pos()});
    if (!inserted) {
      convert_.error(node.pos(),
                     fmt::format("'{}' already names the measure '{}' (line {})", name,
                                 it->second.owner, it->second.pos.line),
                     "duplicate-name");
    }
    return inserted;
  }

  void resolve_within(MeasureId measure, NodeRef target) {
    const auto name = convert_.text(target, "within");
    if (!name) return;
    const auto it = measure_names_.find(fold_name(*name));
    if (it == measure_names_.end()) {
      std::vector<std::string_view> known;
      for (const auto& [folded, seen] : measure_names_) known.push_back(folded);
      std::sort(known.begin(), known.end());
      convert_.error(target.pos(),
                     fmt::format("unknown measure '{}'{}", *name,
                                 did_you_mean(nearest_names(fold_name(*name), known))),
                     "unknown-measure");
      return;
    }
    for (MeasureId m = 0; m < vocabulary_.measures.size(); ++m) {
      if (vocabulary_.measures[m].id != it->second.owner) continue;
      if (m == measure) {
        convert_.error(
            target.pos(),
            fmt::format("the measure '{}' cannot be within itself", vocabulary_.measures[m].id),
            "vocabulary");
        return;
      }
      vocabulary_.measures[measure].within = m;
      within_pos_[measure] = target.pos();
    }
  }

  void break_within_cycles() {
    const std::size_t count = vocabulary_.measures.size();
    for (MeasureId start = 0; start < count; ++start) {
      std::vector<std::string> path = {vocabulary_.measures[start].id};
      std::optional<MeasureId> at = vocabulary_.measures[start].within;
      for (std::size_t steps = 0; at && steps < count; ++steps) {
        path.push_back(vocabulary_.measures[*at].id);
        if (*at == start) {
          const Pos pos = within_pos_[start];
          convert_.error(pos, fmt::format("'within' makes a cycle: {}", fmt::join(path, " → ")),
                         "vocabulary");
          vocabulary_.measures[start].within.reset();
          break;
        }
        at = vocabulary_.measures[*at].within;
      }
    }
  }

  // Places -----------------------------------------------------------------------------

  void read_places(NodeRef node, std::optional<PlaceId> parent, std::uint32_t depth) {
    if (node.is_null() && parent) return;
    if (node.is_sequence()) {
      for (const NodeRef item : node.children()) {
        if (item.is_scalar()) {
          add_place(item, parent, depth);
        } else {
          convert_.error(
              item.pos(),
              fmt::format("a list of places holds names only, not {}: use a mapping for places "
                          "with places inside them",
                          node_kind_name(item.kind())),
              "type");
        }
      }
      return;
    }
    if (!node.is_mapping()) {
      convert_.error(
          node.pos(),
          fmt::format(
              "places must be a mapping (a place → the places inside it), a list of names or "
              "nothing, not {}",
              node_kind_name(node.kind())),
          "type");
      return;
    }
    const std::vector<NodeRef> children = node.children();
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      if (!children[i].is_scalar()) continue;
      const auto place = add_place(children[i], parent, depth);
      if (place) read_places(children[i + 1], place, depth + 1);
    }
  }

  std::optional<PlaceId> add_place(NodeRef node, std::optional<PlaceId> parent,
                                   std::uint32_t depth) {
    const auto name = convert_.text(node, "place");
    if (!name) return std::nullopt;
    const std::string folded = fold_name(*name);
    if (folded.empty()) {
      convert_.error(node.pos(), "a place name cannot be empty", "vocabulary");
      return std::nullopt;
    }
    const auto [it, inserted] = place_names_.emplace(folded, node.pos());
    if (!inserted) {
      convert_.error(
          node.pos(),
          fmt::format("the place '{}' is given twice (first at line {})", *name, it->second.line),
          "duplicate-name");
      return std::nullopt;
    }
    const auto id = static_cast<PlaceId>(vocabulary_.places.size());
    vocabulary_.places.push_back(Place{*name, parent, depth, mark(node.pos())});
    return id;
  }

  // Dimensions -------------------------------------------------------------------------

  void read_dimensions(NodeRef node) {
    if (!convert_.expect(node, NodeKind::mapping, "dimensions")) return;
    std::unordered_map<std::string, Pos> seen;
    const std::vector<NodeRef> children = node.children();
    for (std::size_t i = 0; i + 1 < children.size(); i += 2) {
      if (!children[i].is_scalar()) continue;
      const auto name = convert_.text(children[i], "dimension");
      if (!name) continue;
      const auto [it, inserted] = seen.emplace(fold_name(*name), children[i].pos());
      if (!inserted) {
        convert_.error(children[i].pos(),
                       fmt::format("the dimension '{}' is given twice (first at line {})", *name,
                                   it->second.line),
                       "duplicate-name");
        continue;
      }
      read_dimension(children[i], *name, children[i + 1]);
    }
  }

  void read_dimension(NodeRef key, const std::string& name, NodeRef value) {
    Dimension dimension;
    dimension.name = name;
    dimension.mark = mark(key.pos());
    if (!value.is_null()) {
      const auto fields = convert_.fields(value, ObjectKind::dimension, name);
      if (!fields) return;
      if (const auto node = fields->get("exclusive"))
        dimension.exclusive = convert_.boolean(*node, "exclusive").value_or(false);
      if (const auto node = fields->get("values")) read_dimension_values(*node, dimension);
    }
    vocabulary_.dimensions.push_back(std::move(dimension));
  }

  void read_dimension_values(NodeRef node, Dimension& dimension) {
    if (!convert_.expect(node, NodeKind::sequence, "values")) return;
    std::unordered_map<std::string, Pos> seen;
    for (const NodeRef item : node.children()) {
      const auto value = convert_.text(item, "value");
      if (!value) continue;
      const auto [it, inserted] = seen.emplace(fold_name(*value), item.pos());
      if (!inserted) {
        convert_.error(item.pos(),
                       fmt::format("the value '{}' is given twice (first at line {})", *value,
                                   it->second.line),
                       "duplicate-name");
        continue;
      }
      dimension.values.push_back(*value);
    }
  }

  Converter convert_;
  std::uint32_t file_index_;
  Vocabulary& vocabulary_;
  std::unordered_map<std::string, NameSeen> measure_names_;  // folded id or alias → owner
  std::unordered_map<MeasureId, Pos> within_pos_;
  std::unordered_map<std::string, Pos> place_names_;
};

}  // namespace

bool read_vocabulary(std::string_view bytes, const std::string& file, std::uint32_t file_index,
                     Vocabulary& vocabulary, Diagnostics& diagnostics) {
  if (const auto bad = check_utf8(bytes)) {
    const Pos pos = PositionMap(bytes).at(bad->offset);
    diagnostics.error(file, pos.line, pos.column, bad->message, "encoding");
    return false;
  }
  const ReadResult result = read_yaml(bytes, file, diagnostics);
  if (!result.ok) return false;
  if (!result.tree.empty() && !result.tree.root().is_null()) {
    VocabularyReader(file, file_index, vocabulary, diagnostics).read(result.tree.root());
  }
  vocabulary.index();
  return true;
}

}  // namespace cc::load
