#include "load/fact_reader.h"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <limits>
#include <stdexcept>

namespace cc::load {
namespace {

struct RelationName {
  std::string_view name;
  FactKind kind;
  ObjectKind object;
};

constexpr RelationName kRelations[] = {
    {"change", FactKind::change, ObjectKind::change},
    {"share", FactKind::share, ObjectKind::share},
    {"ratio", FactKind::ratio, ObjectKind::ratio},
    {"rate", FactKind::rate, ObjectKind::rate},
    {"interval", FactKind::interval, ObjectKind::interval},
    {"total", FactKind::total, ObjectKind::total},
    {"difference", FactKind::difference, ObjectKind::difference},
};

constexpr std::pair<std::string_view, TimeUnit> kTimeUnits[] = {
    {"second", TimeUnit::second}, {"minute", TimeUnit::minute}, {"hour", TimeUnit::hour},
    {"day", TimeUnit::day},       {"week", TimeUnit::week},     {"month", TimeUnit::month},
    {"year", TimeUnit::year},
};

// "offences-2023-24" or "lbc-2024-11-01/offences-2023-24".
[[nodiscard]] bool is_fact_ref(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return is_id(text);
  return is_id(text.substr(0, slash)) && is_id(text.substr(slash + 1));
}

}  // namespace

std::optional<Pos> IdTable::insert(std::string_view id, Pos pos) {
  if (id.empty()) return std::nullopt;  // never an id (is_id): nothing to remember
  if (id.size() > std::numeric_limits<std::uint32_t>::max() - bytes_.size())
    throw std::length_error("more fact id bytes than a fact file can hold");
  if (2 * (count_ + 1) > slots_.size()) grow();
  const auto hash = static_cast<std::uint32_t>(std::hash<std::string_view>{}(id));
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t at = hash & mask;; at = (at + 1) & mask) {
    Slot& slot = slots_[at];
    if (slot.size == 0) {
      slot = Slot{hash, static_cast<std::uint32_t>(bytes_.size()),
                  static_cast<std::uint32_t>(id.size()), pos};
      bytes_ += id;
      ++count_;
      return std::nullopt;
    }
    if (slot.hash == hash && std::string_view(bytes_).substr(slot.begin, slot.size) == id)
      return slot.pos;
  }
}

void IdTable::grow() {
  std::vector<Slot> old = std::move(slots_);
  slots_.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
  const std::size_t mask = slots_.size() - 1;
  for (const Slot& slot : old) {
    if (slot.size == 0) continue;
    std::size_t at = slot.hash & mask;
    while (slots_[at].size != 0) at = (at + 1) & mask;
    slots_[at] = slot;
  }
}

std::optional<RawFact> FactReader::read(NodeRef item) {
  if (!item.is_mapping()) {
    convert_.error(item.pos(),
                   fmt::format("a fact must be a mapping of fields (id, quote, value, …), not {}",
                               node_kind_name(item.kind())),
                   "type");
    return std::nullopt;
  }
  const auto fields = convert_.fields(item, ObjectKind::fact, "fact");
  if (!fields) return std::nullopt;
  RawFact fact;
  fact.pos = item.pos();
  read_id(*fields, fact);
  if (const auto node = convert_.required(*fields, "quote", "a fact"))
    fact.quote = convert_.text(*node, "quote").value_or("");
  if (const auto node = fields->get("quote")) fact.quote_pos = node->pos();
  read_value(*fields, fact);
  keys_.read(*fields, fact.key);
  read_relation(*fields, fact);
  if (const auto node = fields->get("note")) fact.note = convert_.text(*node, "note").value_or("");
  read_rounding(*fields, fact);
  if (const auto node = fields->get("record")) read_record(*node, fact);
  if (const auto node = fields->get("accept")) read_accepts(*node, fact);
  if (fact.record.kind != RecordKind::none && fact.kind != FactKind::figure) {
    convert_.error(
        fields->key_pos("record"),
        fmt::format("'record' applies to figures only, not to a {}", fact_kind_name(fact.kind)),
        "record");
  }
  return fact;
}

void FactReader::read_id(const Fields& fields, RawFact& fact) {
  const auto node = convert_.required(fields, "id", "a fact");
  if (!node) return;
  fact.pos = node->pos();
  const auto id = convert_.id_view(*node, "id");
  if (!id) return;
  fact.id = *id;
  if (const auto first = ids_.insert(*id, node->pos())) {
    convert_.error(node->pos(),
                   fmt::format("duplicate fact id '{}' (first at line {})", *id, first->line),
                   "duplicate-id");
  }
}

void FactReader::read_value(const Fields& fields, RawFact& fact) {
  const auto node = convert_.required(fields, "value", "a fact");
  if (!node) return;
  const auto text = convert_.text(*node, "value");
  if (!text) return;
  fact.value = ScalarText{*text, node->pos(), node->quoted(), node->verbatim()};
}

void FactReader::read_relation(const Fields& fields, RawFact& fact) {
  std::optional<std::string_view> first;
  for (std::size_t entry = 0; entry < fields.count(); ++entry) {
    const std::string_view name = fields.name(entry);
    const auto relation = std::find_if(std::begin(kRelations), std::end(kRelations),
                                       [&](const RelationName& r) { return r.name == name; });
    if (relation == std::end(kRelations)) continue;
    if (first) {
      convert_.error(fields.key_pos(name),
                     fmt::format("a claim with two relations ('{}' and '{}')", *first, name),
                     "relation");
      continue;
    }
    first = name;
    fact.kind = relation->kind;
    fact.relation_pos = fields.key_pos(name);
    const auto body = convert_.fields(*fields.get(name), relation->object, name);
    if (!body) {
      fact.relation_ok = false;
      continue;
    }
    switch (fact.kind) {
      case FactKind::change:
        read_change(*body, fact, "a change");
        break;
      case FactKind::difference:
        read_change(*body, fact, "a difference");
        if (body->has("per")) {
          fact.per = true;
          read_time_unit(*body, "per", "a difference", fact);
        }
        break;
      case FactKind::share:
        fact.refs.push_back(required_ref(*body, "of", "a share"));
        fact.refs.push_back(body->has("part") ? read_ref(*body->get("part"), "part") : RawRef{});
        fact.anchor = 0;
        break;
      case FactKind::ratio:
        fact.refs.push_back(required_ref(*body, "of", "a ratio"));
        fact.refs.push_back(required_ref(*body, "to", "a ratio"));
        fact.anchor = 1;
        break;
      case FactKind::rate:
        fact.refs.push_back(required_ref(*body, "of", "a rate"));
        read_time_unit(*body, "per", "a rate", fact);
        break;
      case FactKind::interval:
        fact.refs.push_back(required_ref(*body, "of", "an interval"));
        read_time_unit(*body, "unit", "an interval", fact);
        break;
      case FactKind::total:
        read_total(*body, fact);
        break;
      case FactKind::figure:
        break;
    }
  }
}

// {from, to, direction}: a change's or a difference's.
void FactReader::read_change(const Fields& fields, RawFact& fact, std::string_view noun) {
  fact.refs.push_back(required_ref(fields, "from", noun));
  fact.refs.push_back(required_ref(fields, "to", noun));
  fact.anchor = 1;
  const auto node = fields.get("direction");
  if (!node) return;
  const auto text = convert_.text_view(*node, "direction");
  if (!text) return;
  if (*text == "rise" || *text == "fall") {
    fact.direction = *text == "rise" ? Direction::rise : Direction::fall;
    return;
  }
  convert_.error(node->pos(), fmt::format("'direction' must be 'rise' or 'fall', not '{}'", *text),
                 "relation");
}

void FactReader::read_time_unit(const Fields& fields, std::string_view name, std::string_view noun,
                                RawFact& fact) {
  const auto node = convert_.required(fields, name, noun);
  if (!node) return;
  const auto text = convert_.text_view(*node, name);
  if (!text) return;
  for (const auto& [unit_name, unit] : kTimeUnits) {
    if (*text == unit_name) {
      fact.unit = unit;
      return;
    }
  }
  std::vector<std::string_view> known;
  for (const auto& entry : kTimeUnits) known.push_back(entry.first);
  convert_.error(
      node->pos(),
      fmt::format("'{}' must be one of second, minute, hour, day, week, month, year, not '{}'{}",
                  name, *text, did_you_mean(nearest_names(*text, known))),
      "relation");
}

void FactReader::read_total(const Fields& fields, RawFact& fact) {
  const auto node = convert_.required(fields, "of", "a total");
  if (!node || !convert_.expect(*node, NodeKind::sequence, "of")) {
    fact.relation_ok = false;
    return;
  }
  if (node->size() == 0) {
    convert_.error(node->pos(), "a total needs at least one quantity in 'of'", "relation");
    fact.relation_ok = false;
  }
  for (const NodeRef item : node->each_child()) fact.refs.push_back(read_ref(item, "of"));
}

RawRef FactReader::required_ref(const Fields& fields, std::string_view name,
                                std::string_view noun) {
  const auto node = convert_.required(fields, name, noun);
  if (!node) {
    RawRef ref;
    ref.kind = RawRef::Kind::bad;
    ref.pos = fields.pos();
    return ref;
  }
  return read_ref(*node, name);
}

RawRef FactReader::read_ref(NodeRef node, std::string_view what) {
  RawRef ref;
  ref.pos = node.pos();
  ref.kind = RawRef::Kind::bad;
  if (node.is_mapping()) {
    ref.text = flow_text(node);
    const auto fields = convert_.fields(node, ObjectKind::pattern, what);
    if (fields) {
      RawKey pattern;
      keys_.read(*fields, pattern);
      ref.pattern = std::make_shared<const RawKey>(std::move(pattern));
      ref.kind = RawRef::Kind::pattern;
    }
    return ref;
  }
  if (!node.is_scalar() || node.text().empty()) {
    convert_.error(
        node.pos(),
        fmt::format("'{}' must be a fact id, 'source-id/fact-id' or a key pattern such as "
                    "{{when: 2017-18}}, not {}",
                    what, node_kind_name(node.kind())),
        "type");
    return ref;
  }
  ref.text = node.text();
  if (!is_fact_ref(ref.text)) {
    convert_.error(
        node.pos(),
        fmt::format(
            "'{}' is not a reference: write a fact id, 'source-id/fact-id' or a key pattern "
            "such as {{when: 2017-18}}",
            ref.text),
        "type");
    return ref;
  }
  ref.kind = RawRef::Kind::id;
  return ref;
}

void FactReader::read_rounding(const Fields& fields, RawFact& fact) {
  if (const auto node = fields.get("exact"))
    fact.exact = convert_.boolean(*node, "exact").value_or(false);
  const auto node = fields.get("precision");
  if (!node) return;
  const auto precision = convert_.decimal(*node, "precision");
  if (!precision) return;
  if (*precision <= 0) {
    convert_.error(node->pos(), "'precision' must be more than 0 (the rounding unit, such as 100)",
                   "type");
    return;
  }
  if (fact.exact) {
    convert_.error(
        fields.key_pos("precision"),
        "'exact' and 'precision' contradict each other: 'exact: true' turns rounding off", "value");
    return;
  }
  fact.precision = precision;
}

void FactReader::read_accepts(NodeRef node, RawFact& fact) {
  if (!convert_.expect(node, NodeKind::sequence, "accept")) return;
  for (const NodeRef item : node.each_child()) {
    if (auto accept = read_accept(item)) fact.accepts.push_back(std::move(*accept));
  }
}

std::optional<RawAccept> FactReader::read_accept(NodeRef node) {
  const auto fields = convert_.fields(node, ObjectKind::accept, "accept");
  if (!fields) return std::nullopt;
  RawAccept accept;
  accept.pos = node.pos();
  bool ok = true;
  if (const auto rule = convert_.required(*fields, "rule", "an accept")) {
    accept.rule = convert_.text(*rule, "rule").value_or("");
    const auto& rules = finding_rules();
    if (!accept.rule.empty() && std::find(rules.begin(), rules.end(), accept.rule) == rules.end()) {
      convert_.error(rule->pos(),
                     fmt::format("unknown finding rule '{}'{}", accept.rule,
                                 did_you_mean(nearest_names(accept.rule, rules))),
                     "accept");
    }
    ok = !accept.rule.empty();
  } else {
    ok = false;
  }
  if (const auto with = fields->get("with")) {
    const RawRef ref = read_ref(*with, "with");
    if (ref.kind == RawRef::Kind::pattern) {
      convert_.error(
          with->pos(),
          "'with' must name a fact ('fact-id' or 'source-id/fact-id'), not a key pattern", "type");
    } else if (ref.kind == RawRef::Kind::id) {
      accept.with = ref.text;
      accept.with_pos = ref.pos;
    }
  }
  if (const auto reason = convert_.required(*fields, "reason", "an accept")) {
    if (const auto text = convert_.text(*reason, "reason")) {
      accept.reason = *text;
      if (text->empty())
        convert_.error(reason->pos(), "an accept needs a 'reason' in words", "missing-field");
    }
  }
  if (!ok) return std::nullopt;
  return accept;
}

}  // namespace cc::load
