#include "load/fact_file_loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cctype>

#include "grammar/period.h"
#include "load/fact_reader.h"
#include "model/vocabulary.h"

namespace cc::load {
namespace {

class FactFileReader {
 public:
  FactFileReader(RawFile& file, const VocabularyView& vocabulary)
      : file_(file),
        convert_(file.display, file.diagnostics),
        vocabulary_(vocabulary),
        facts_(convert_, vocabulary) {}

  void read(std::string_view bytes) {
    if (const auto bad = check_utf8(bytes)) {
      const Pos pos = PositionMap(bytes).at(bad->offset);
      convert_.error(pos, bad->message, "encoding");
      return;
    }
    ReadOptions options;
    options.stream_key = "facts";
    const ReadResult result =
        read_yaml(bytes, file_.display, file_.diagnostics, options, [this](NodeRef item) {
          if (auto fact = facts_.read(item)) file_.facts.push_back(std::move(*fact));
        });
    if (!result.ok) {
      file_.facts.clear();  // their errors stay reported; the file as a whole is not read
      return;
    }
    read_top(result.tree, bytes);
  }

  void report_dropped() {
    if (convert_.dropped() == 0) return;
    file_.diagnostics.error(
        file_.display, 0, 0,
        fmt::format("{} more errors in this file are not listed", convert_.dropped()), "file");
  }

 private:
  void read_top(const Tree& tree, std::string_view bytes) {
    const NodeRef root = tree.root();
    if (tree.empty() || !root.is_mapping() || !has_top_key(root)) {
      if (tree.empty() || !looks_like_fact_file(root, bytes)) file_.skipped = true;
      return;
    }
    file_.read = true;
    const auto fields = convert_.fields(root, ObjectKind::fact_file, file_.name);
    if (!fields) return;
    if (const auto node = fields->get("source")) {
      read_source(*node);
    } else {
      convert_.error(fields->key_pos("facts"), "a fact file needs a 'source': who says these facts",
                     "missing-field");
    }
    if (const auto node = fields->get("defaults")) read_defaults(*node);
    if (const auto node = fields->get("facts"))
      (void)convert_.expect(*node, NodeKind::sequence, "facts");
  }

  [[nodiscard]] static bool has_top_key(NodeRef root) {
    const std::vector<NodeRef> children = root.children();
    for (std::size_t i = 0; i < children.size(); i += 2) {
      if (children[i].is_scalar() &&
          (children[i].text() == "source" || children[i].text() == "facts"))
        return true;
    }
    return false;
  }

  // A file skipped as "not a fact file" must clearly be none: a top-level key close to
  // 'source', 'facts' or 'defaults', or a $schema modeline, makes it an error instead.
  [[nodiscard]] bool looks_like_fact_file(NodeRef root, std::string_view bytes) {
    if (root.is_mapping()) {
      const std::vector<NodeRef> children = root.children();
      for (std::size_t i = 0; i < children.size(); i += 2) {
        if (!children[i].is_scalar()) continue;
        if (const auto near = near_top_key(children[i].text())) {
          const std::string message =
              children[i].text() == *near
                  ? fmt::format(
                        "'{}' is a key of a fact file, but the file has neither "
                        "'source' nor 'facts': it is not read",
                        *near)
                  : fmt::format(
                        "'{}' is not a top-level key of a fact file (did you mean "
                        "'{}'?): the file is not read",
                        children[i].text(), *near);
          convert_.error(children[i].pos(), message, "unknown-field");
          return true;
        }
      }
    }
    if (has_schema_modeline(bytes)) {
      convert_.error({1, 1},
                     "the file names a schema ($schema) but has neither 'source' nor 'facts' at "
                     "the top level: it is not read",
                     "missing-field");
      return true;
    }
    return false;
  }

  [[nodiscard]] static std::optional<std::string_view> near_top_key(std::string_view key) {
    static constexpr std::array<std::string_view, 3> kKeys = {"source", "facts", "defaults"};
    std::string folded(key.substr(0, 64));
    std::transform(folded.begin(), folded.end(), folded.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (folded.size() < 3) return std::nullopt;
    for (const std::string_view name : kKeys) {
      if (folded == name || edit_distance(folded, name) <= 2 || name.starts_with(folded) ||
          folded.starts_with(name))
        return name;
    }
    return std::nullopt;
  }

  // "# yaml-language-server: $schema=…" (or any comment line naming $schema), or a
  // top-level "$schema:" key.
  [[nodiscard]] static bool has_schema_modeline(std::string_view bytes) {
    std::size_t start = 0;
    while (start < bytes.size()) {
      std::size_t end = bytes.find('\n', start);
      if (end == std::string_view::npos) end = bytes.size();
      std::string_view line = bytes.substr(start, end - start);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if ((line.starts_with("#") && line.find("$schema") != std::string_view::npos) ||
          line.starts_with("$schema:") || line.starts_with("\"$schema\":"))
        return true;
      start = end + 1;
    }
    return false;
  }

  void read_source(NodeRef node) {
    const auto fields = convert_.fields(node, ObjectKind::source, "source");
    if (!fields) return;
    RawSource& source = file_.source;
    source.present = true;
    source.pos = node.pos();
    source.id_pos = node.pos();
    if (const auto id = convert_.required(*fields, "id", "the source")) {
      source.id_pos = id->pos();
      source.id = convert_.id(*id, "id").value_or("");
    }
    if (const auto title = convert_.required(*fields, "title", "the source")) {
      source.title = convert_.text(*title, "title").value_or("");
    }
    if (const auto published = convert_.required(*fields, "published", "the source"))
      read_published(*published);
    if (const auto publisher = fields->get("publisher"))
      source.publisher = convert_.text(*publisher, "publisher").value_or("");
    if (const auto url = fields->get("url")) source.url = convert_.text(*url, "url").value_or("");
    if (const auto article = fields->get("article")) {
      source.article = convert_.text(*article, "article").value_or("");
      source.article_pos = article->pos();
    }
    if (const auto based_on = fields->get("based_on")) read_based_on(*based_on);
  }

  void read_published(NodeRef node) { file_.source.published = read_date(node).value_or(""); }

  // An ISO date as written; its fault is reported (the text is still returned, as read).
  std::optional<std::string> read_date(NodeRef node) {
    const auto text = convert_.text(node, "published");
    if (!text) return std::nullopt;
    const PeriodResult date = parse_date(*text);
    if (const auto* error = std::get_if<PeriodError>(&date)) {
      convert_.error(point_into(node.pos(), node.quoted(), node.verbatim(), *text, error->offset),
                     error->message, "date");
    }
    return text;
  }

  // based_on: [{source: ID} | {publisher: NAME, published: DATE}, …] (FORMAT §1.1).
  void read_based_on(NodeRef node) {
    if (!convert_.expect(node, NodeKind::sequence, "based_on")) return;
    if (node.size() == 0) {
      convert_.error(node.pos(),
                     "'based_on' lists no upstream: name one, such as {source: ID} or "
                     "{publisher: NAME, published: DATE}, or leave the field out",
                     "based-on");
    }
    for (const NodeRef item : node.children()) {
      if (auto upstream = read_upstream(item))
        file_.source.based_on.push_back(std::move(*upstream));
    }
  }

  [[nodiscard]] std::optional<RawUpstream> read_upstream(NodeRef node) {
    if (!node.is_mapping()) {
      const std::string shown = node.is_scalar() ? fmt::format("'{}'", node.text())
                                                 : std::string(node_kind_name(node.kind()));
      convert_.error(node.pos(),
                     fmt::format("an upstream in 'based_on' must be {{source: ID}} or {{publisher: "
                                 "NAME, published: DATE}}, not {}",
                                 shown),
                     "type");
      return std::nullopt;
    }
    const auto fields = convert_.fields(node, ObjectKind::upstream, "based_on");
    if (!fields) return std::nullopt;
    RawUpstream upstream;
    upstream.pos = node.pos();
    const auto source = fields->get("source");
    const auto publisher = fields->get("publisher");
    const auto published = fields->get("published");
    if (source && (publisher || published)) {
      convert_.error(fields->key_pos(publisher ? "publisher" : "published"),
                     "an upstream is either {source: ID} (a source of the fact base) or "
                     "{publisher: NAME, published: DATE} (a release outside it), not both",
                     "based-on");
      return std::nullopt;
    }
    if (source) {
      const auto id = convert_.id(*source, "source");
      if (!id) return std::nullopt;
      upstream.source = *id;
      upstream.source_pos = source->pos();
      return upstream;
    }
    // A misspelt field is reported as such, not again as the field it was meant to be.
    const bool misspelt = node.children().size() / 2 > fields->present().size();
    if (!publisher && !published) {
      if (!misspelt) {
        convert_.error(node.pos(),
                       "an upstream needs 'source' (a source of the fact base) or 'publisher' "
                       "and 'published' (a release outside it)",
                       "missing-field");
      }
      return std::nullopt;
    }
    if (misspelt && !(publisher && published)) return std::nullopt;
    if (!read_release(*fields, upstream)) return std::nullopt;
    return upstream;
  }

  // {publisher: NAME, published: DATE}: false when a part is missing or wrong (reported).
  [[nodiscard]] bool read_release(const Fields& fields, RawUpstream& upstream) {
    const auto name = convert_.required(fields, "publisher", "an upstream with 'published'");
    const auto date = convert_.required(fields, "published", "an upstream with 'publisher'");
    if (!name || !date) return false;
    const auto name_text = convert_.text(*name, "publisher");
    if (name_text && name_text->empty())
      convert_.error(name->pos(), "'publisher' has no value", "type");
    const auto date_text = read_date(*date);
    if (!name_text || name_text->empty() || !date_text) return false;
    upstream.publisher = *name_text;
    upstream.published = *date_text;
    return true;
  }

  void read_defaults(NodeRef node) {
    if (node.is_null()) return;
    const auto fields = convert_.fields(node, ObjectKind::defaults, "defaults");
    if (!fields) return;
    KeyReader(convert_, vocabulary_).read(*fields, file_.defaults);
  }

  RawFile& file_;
  Converter convert_;
  const VocabularyView& vocabulary_;
  FactReader facts_;
};

}  // namespace

RawFile read_fact_file(std::string_view bytes, std::string name, std::string display,
                       const VocabularyView& vocabulary) {
  RawFile file;
  file.name = std::move(name);
  file.display = std::move(display);
  FactFileReader reader(file, vocabulary);
  reader.read(bytes);
  reader.report_dropped();
  return file;
}

}  // namespace cc::load
