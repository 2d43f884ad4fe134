#include "load/yaml_reader.h"

#include <fmt/format.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <cctype>
#include <istream>
#include <memory>
#include <streambuf>
#include <unordered_map>

namespace cc::load {

std::string_view node_kind_name(NodeKind kind) {
  switch (kind) {
    case NodeKind::null:
      return "empty";
    case NodeKind::scalar:
      return "a scalar";
    case NodeKind::sequence:
      return "a list";
    case NodeKind::mapping:
      return "a mapping";
  }
  return "empty";
}

const Node& NodeRef::node() const {
  return tree_->nodes_[index_];
}

std::string_view NodeRef::text() const {
  const Node& n = node();
  if (n.kind != NodeKind::scalar) return {};
  return std::string_view(tree_->text_).substr(n.text_begin, n.text_size);
}

std::vector<NodeRef> NodeRef::children() const {
  std::vector<NodeRef> out;
  out.reserve(node().size);
  for (std::uint32_t at = node().first_child; at != kNoNode; at = tree_->nodes_[at].next_sibling) {
    out.emplace_back(tree_, at);
  }
  return out;
}

namespace {

// Thrown by the handler to stop yaml-cpp once an error makes the rest pointless.
struct StopParsing {};

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kSmallMapping = 16;

// An istream over bytes already in memory (no copy of a large file).
class MemoryBuffer : public std::streambuf {
 public:
  explicit MemoryBuffer(std::string_view bytes) {
    char* begin = const_cast<char*>(bytes.data());
    setg(begin, begin, begin + bytes.size());
  }
};

struct KeySeen {
  std::uint32_t text_begin;
  std::uint32_t text_size;
  Pos pos;
};

struct Frame {
  std::uint32_t node = kNoNode;
  bool mapping = false;
  bool expect_key = true;     // mapping: the next child is a key
  bool stream_value = false;  // mapping: the value being read is to be streamed
  bool streaming = false;     // sequence: hand each element over and drop it
  std::uint32_t item_text_start = 0;
  std::vector<KeySeen> keys;  // mapping: the keys so far, for duplicates
  std::unique_ptr<std::unordered_map<std::string, Pos>> key_index;  // once there are many
};

[[nodiscard]] std::string yaml_message(std::string message) {
  while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message.empty() ? std::string("unreadable YAML") : message;
}

// True when the quoted scalar opening at `at` is closed before the end of the file
// (yaml-cpp silently accepts `"abc` running to the end of the file).
[[nodiscard]] bool quote_closed(std::string_view bytes, std::size_t at) {
  const char quote = bytes[at];
  for (std::size_t i = at + 1; i < bytes.size(); ++i) {
    if (quote == '"' && bytes[i] == '\\') {
      ++i;
    } else if (bytes[i] == quote) {
      if (quote == '\'' && i + 1 < bytes.size() && bytes[i + 1] == '\'') {
        ++i;
      } else {
        return true;
      }
    }
  }
  return false;
}

}  // namespace

// Builds the tree from yaml-cpp's events (a friend of Tree).
// yaml-cpp's message for a tab in the indentation does not say so.
[[nodiscard]] static std::string tab_hint(std::string_view bytes, std::uint32_t line) {
  std::size_t start = 0;
  for (std::uint32_t l = 1; l < line && start != std::string_view::npos; ++l) {
    start = bytes.find('\n', start);
    if (start != std::string_view::npos) ++start;
  }
  if (start == std::string_view::npos) return {};
  const std::size_t end = bytes.find_first_not_of(" \t", start);
  const std::string_view indent =
      bytes.substr(start, (end == std::string_view::npos ? bytes.size() : end) - start);
  if (indent.find('\t') == std::string_view::npos) return {};
  return " (a tab indents this line: YAML indents with spaces only)";
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(Tree& tree, std::string_view bytes, std::size_t bom, const std::string& file,
              Diagnostics& diagnostics, const ReadOptions& options, const ItemHandler& on_item)
      : tree_(tree),
        bytes_(bytes),
        bom_(bom),
        positions_(bytes),
        file_(file),
        diagnostics_(diagnostics),
        options_(options),
        on_item_(on_item) {}

  [[nodiscard]] std::size_t streamed() const { return streamed_; }
  [[nodiscard]] std::size_t documents() const { return documents_; }

  [[nodiscard]] Pos pos_at(const YAML::Mark& mark) const {
    if (mark.pos < 0) return positions_.at(bytes_.size());
    return positions_.at(static_cast<std::size_t>(mark.pos) + bom_);
  }

  void error(Pos pos, std::string message, std::string rule = "yaml") {
    if (diagnostics_.size() >= kMaxErrorsPerFile) return;
    diagnostics_.error(file_, pos.line, pos.column, std::move(message), std::move(rule));
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      error(pos_at(mark),
            "more than one YAML document in the file ('---'): a file is one document");
      throw StopParsing{};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t) override {
    const std::uint32_t index = add(NodeKind::null, pos_at(mark));
    complete(index);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    error(pos_at(mark), "aliases ('*') are not supported: write the value out");
    throw StopParsing{};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    error(pos_at(mark),
          fmt::format("anchors ('&{}') are not supported: write the value out", name));
    throw StopParsing{};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                const std::string& value) override {
    const Pos pos = pos_at(mark);
    if (tag != "?" && tag != "!" && tag != kStringTag) {
      error(pos, fmt::format("the tag '{}' is not supported: write plain text", tag));
    }
    const std::uint32_t index = add(NodeKind::scalar, pos);
    Node& node = tree_.nodes_[index];
    node.quoted = tag != "?";
    node.text_begin = static_cast<std::uint32_t>(tree_.text_.size());
    node.text_size = static_cast<std::uint32_t>(value.size());
    tree_.text_ += value;
    if (mark.pos >= 0) check_scalar_source(node, static_cast<std::size_t>(mark.pos) + bom_, value);
    complete(index);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                       YAML::EmitterStyle::value) override {
    start_collection(pos_at(mark), tag, false);
  }
  void OnSequenceEnd() override { end_collection(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t,
                  YAML::EmitterStyle::value) override {
    start_collection(pos_at(mark), tag, true);
  }
  void OnMapEnd() override { end_collection(); }

 private:
  // Sets `verbatim`, and reports a quoted scalar left open at the end of the file.
  void check_scalar_source(Node& node, std::size_t at, std::string_view value) {
    if (at >= bytes_.size()) return;
    const char first = bytes_[at];
    const bool quote = node.quoted && (first == '"' || first == '\'');
    const std::size_t start = at + (quote ? 1 : 0);
    const bool one_line = value.find('\n') == std::string_view::npos;
    bool same = one_line && bytes_.substr(start, value.size()) == value;
    if (quote)
      same = same && start + value.size() < bytes_.size() && bytes_[start + value.size()] == first;
    if (!node.quoted || quote) node.verbatim = same;
    if (quote && !same && !quote_closed(bytes_, at)) {
      error(node.pos, fmt::format("the quoted text is never closed: a {} is missing",
                                  first == '"' ? "closing '\"'" : "closing \"'\""));
      throw StopParsing{};  // the rest of the file went into it: nothing after is meaningful
    }
  }

  std::uint32_t add(NodeKind kind, Pos pos) {
    const auto index = static_cast<std::uint32_t>(tree_.nodes_.size());
    Node node;
    node.kind = kind;
    node.pos = pos;
    tree_.nodes_.push_back(node);
    if (stack_.empty()) {
      tree_.root_ = index;
      return index;
    }
    Frame& parent = stack_.back();
    if (parent.streaming) parent.item_text_start = static_cast<std::uint32_t>(tree_.text_.size());
    Node& p = tree_.nodes_[parent.node];
    if (p.last_child == kNoNode) {
      p.first_child = index;
    } else {
      tree_.nodes_[p.last_child].next_sibling = index;
    }
    p.last_child = index;
    ++p.size;
    return index;
  }

  void start_collection(Pos pos, std::string_view tag, bool mapping) {
    if (stack_.size() >= options_.max_depth) {
      error(pos, fmt::format("nesting deeper than {} levels", options_.max_depth));
      throw StopParsing{};
    }
    if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:map" &&
        tag != "tag:yaml.org,2002:seq") {
      error(pos, fmt::format("the tag '{}' is not supported", tag));
    }
    const bool stream = !mapping && !stack_.empty() && stack_.back().stream_value;
    const std::uint32_t index = add(mapping ? NodeKind::mapping : NodeKind::sequence, pos);
    Frame frame;
    frame.node = index;
    frame.mapping = mapping;
    frame.streaming = stream;
    stack_.push_back(std::move(frame));
  }

  void end_collection() {
    const std::uint32_t index = stack_.back().node;
    stack_.pop_back();
    complete(index);
  }

  // A node and everything in it has been read.
  void complete(std::uint32_t index) {
    if (stack_.empty()) return;
    Frame& parent = stack_.back();
    if (parent.mapping) {
      if (parent.expect_key) {
        key_read(parent, index);
      } else {
        parent.stream_value = false;
      }
      parent.expect_key = !parent.expect_key;
    } else if (parent.streaming) {
      hand_over(parent, index);
    }
  }

  void key_read(Frame& parent, std::uint32_t index) {
    const Node& key = tree_.nodes_[index];
    if (key.kind != NodeKind::scalar) {
      error(key.pos, fmt::format("a key must be a name, not {}", node_kind_name(key.kind)));
      return;
    }
    const std::string_view text =
        std::string_view(tree_.text_).substr(key.text_begin, key.text_size);
    if (const auto first = find_key(parent, text)) {
      error(key.pos,
            fmt::format("the key '{}' is given twice in this mapping (first at line {})", text,
                        first->line),
            "duplicate-key");
      return;
    }
    remember_key(parent, key, text);
    if (stack_.size() == 1 && !options_.stream_key.empty() && text == options_.stream_key) {
      parent.stream_value = true;
    }
  }

  [[nodiscard]] std::optional<Pos> find_key(const Frame& frame, std::string_view text) const {
    if (frame.key_index) {
      const auto it = frame.key_index->find(std::string(text));
      if (it != frame.key_index->end()) return it->second;
      return std::nullopt;
    }
    for (const KeySeen& seen : frame.keys) {
      if (std::string_view(tree_.text_).substr(seen.text_begin, seen.text_size) == text)
        return seen.pos;
    }
    return std::nullopt;
  }

  void remember_key(Frame& frame, const Node& key, std::string_view text) {
    if (!frame.key_index && frame.keys.size() < kSmallMapping) {
      frame.keys.push_back({key.text_begin, key.text_size, key.pos});
      return;
    }
    if (!frame.key_index) {
      frame.key_index = std::make_unique<std::unordered_map<std::string, Pos>>();
      for (const KeySeen& seen : frame.keys) {
        frame.key_index->emplace(tree_.text_.substr(seen.text_begin, seen.text_size), seen.pos);
      }
      frame.keys.clear();
    }
    frame.key_index->emplace(std::string(text), key.pos);
  }

  // Streams one element of the streamed sequence, then drops it from the tree.
  void hand_over(Frame& parent, std::uint32_t index) {
    ++streamed_;
    if (on_item_) on_item_(NodeRef(&tree_, index));
    tree_.nodes_.resize(index);
    tree_.text_.resize(parent.item_text_start);
    Node& p = tree_.nodes_[parent.node];
    p.first_child = kNoNode;
    p.last_child = kNoNode;
  }

  Tree& tree_;
  std::string_view bytes_;
  std::size_t bom_;
  PositionMap positions_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  const ItemHandler& on_item_;
  std::vector<Frame> stack_;
  std::size_t documents_ = 0;
  std::size_t streamed_ = 0;
};

ReadResult read_yaml(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                     const ReadOptions& options, const ItemHandler& on_item) {
  ReadResult result;
  const std::size_t bom = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  MemoryBuffer buffer(bytes.substr(bom));
  std::istream stream(&buffer);
  TreeBuilder builder(result.tree, bytes, bom, file, diagnostics, options, on_item);
  bool fatal = true;
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
    fatal = false;
  } catch (const StopParsing&) {
  } catch (const YAML::ParserException& e) {
    const Pos pos = builder.pos_at(e.mark);
    builder.error(pos, yaml_message(e.msg) + tab_hint(bytes, pos.line));
  } catch (const std::exception& e) {
    builder.error({}, fmt::format("cannot read the YAML: {}", yaml_message(e.what())));
  }
  result.streamed = builder.streamed();
  result.ok = !fatal;
  return result;
}

}  // namespace cc::load
