#include "load/yaml_reader.h"

#include <fmt/format.h>
#include <yaml.h>

#include <algorithm>
#include <bit>
#include <cctype>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
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

std::vector<NodeRef> NodeRef::children() const {
  std::vector<NodeRef> out;
  out.reserve(node().size);
  for (std::uint32_t at = node().first_child; at != kNoNode; at = tree_->nodes_[at].next_sibling) {
    out.emplace_back(tree_, at);
  }
  return out;
}

namespace {

constexpr std::string_view kStringTag = "tag:yaml.org,2002:str";
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::size_t kSmallMapping = 16;

// libyaml's parser and one event, freed on every path.
struct Parser {
  explicit Parser(std::string_view yaml) {
    ready = yaml_parser_initialize(&parser) != 0;
    if (!ready) return;
    yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
    yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(yaml.data()),
                                 yaml.size());
  }
  ~Parser() {
    if (ready) yaml_parser_delete(&parser);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  yaml_parser_t parser{};
  bool ready = false;
};

struct Event {
  ~Event() {
    if (parsed) yaml_event_delete(&event);
  }
  yaml_event_t event{};
  bool parsed = false;
};

// libyaml's marks count characters (a CRLF two); the tree wants 1-based positions whose
// column counts characters and whose lines end at '\n' only (as PositionMap), and the checks
// on the source want byte offsets. Marks grow as the file is read, so the cursor walks on
// from the last one (linear over a file), and starts over for one behind it.
class Cursor {
 public:
  Cursor(std::string_view bytes, std::size_t start) : bytes_(bytes), start_(start), byte_(start) {}

  void seek(std::size_t index) {
    if (index < index_) *this = Cursor(bytes_, start_);
    while (index_ < index && byte_ < bytes_.size()) {
      // A run of ASCII on one line, one column a byte: walked over in a tight loop.
      const std::size_t most = std::min(index - index_, bytes_.size() - byte_);
      std::size_t run = 0;
      // Eight bytes at a time while none is beyond ASCII or a line feed; in the word that
      // holds one, its first such byte is the lowest bit of the mask (little-endian: the
      // first byte in memory is the lowest; a false mark of the zero test only ever sits
      // above a true one).
      bool stopped = false;
      for (std::uint64_t w = 0; run + 8 <= most; run += 8) {
        std::memcpy(&w, bytes_.data() + byte_ + run, 8);
        const std::uint64_t feed = w ^ 0x0A0A0A0A0A0A0A0AULL;  // a zero byte where '\n' is
        const std::uint64_t zero = (feed - 0x0101010101010101ULL) & ~feed;
        const std::uint64_t stop = (w | zero) & 0x8080808080808080ULL;
        if (stop == 0) continue;
        if constexpr (std::endian::native == std::endian::little) {
          run += static_cast<std::size_t>(std::countr_zero(stop)) / 8;
          stopped = true;
        }
        break;
      }
      while (!stopped && run < most && bytes_[byte_ + run] != '\n' &&
             static_cast<unsigned char>(bytes_[byte_ + run]) < 0x80)
        ++run;
      byte_ += run;
      index_ += run;
      pos_.column += static_cast<std::uint32_t>(run);
      if (run < most) step();  // a line break or a character of several bytes
    }
  }
  // Walks on over blanks, line breaks and comments: to the next token.
  void skip_to_token() {
    while (byte_ < bytes_.size()) {
      const char c = bytes_[byte_];
      if (c == '#' && (byte_ == start_ || is_space(bytes_[byte_ - 1]))) {
        while (byte_ < bytes_.size() && bytes_[byte_] != '\n') step();
      } else if (is_space(c)) {
        step();
      } else {
        return;
      }
    }
  }
  [[nodiscard]] std::size_t byte() const { return byte_; }
  [[nodiscard]] Pos pos() const { return pos_; }

 private:
  [[nodiscard]] static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  }
  void step() {
    const auto lead = static_cast<unsigned char>(bytes_[byte_]);
    if (lead == '\n') {
      ++pos_.line;
      pos_.column = 1;
    } else {
      ++pos_.column;
    }
    byte_ += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    ++index_;
  }

  std::string_view bytes_;
  std::size_t start_;
  std::size_t index_ = 0;
  std::size_t byte_;
  Pos pos_{1, 1};
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

// The open collections, innermost last. A frame popped is kept and reused by the next push,
// so its list of keys keeps its memory: a fact file opens a mapping or two a fact, and
// allocating their lists anew each time cost a few percent of the load.
class FrameStack {
 public:
  [[nodiscard]] bool empty() const { return depth_ == 0; }
  [[nodiscard]] std::size_t size() const { return depth_; }
  [[nodiscard]] Frame& back() { return frames_[depth_ - 1]; }
  // A fresh frame on top: every field as a new Frame's, but the capacity of its keys.
  Frame& push() {
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    std::vector<KeySeen> keys = std::move(frame.keys);
    keys.clear();
    frame = Frame();
    frame.keys = std::move(keys);
    return frame;
  }
  void pop() { --depth_; }

 private:
  std::vector<Frame> frames_;
  std::size_t depth_ = 0;
};

[[nodiscard]] std::string_view view(const char* text) {
  return text == nullptr ? std::string_view() : std::string_view(text);
}
[[nodiscard]] std::string_view view(const yaml_char_t* text) {
  return text == nullptr ? std::string_view()
                         : std::string_view(reinterpret_cast<const char*>(text));
}

// yaml-cpp's names for a node's tag, which the checks keep: "?" an untagged plain scalar or
// collection, "!" an untagged quoted or block scalar, else the tag as resolved.
[[nodiscard]] std::string_view tag_name(const yaml_char_t* tag, bool plain) {
  if (tag == nullptr) return plain ? "?" : "!";
  return view(tag);
}

// An untagged plain scalar YAML reads as null (yaml-cpp's OnNull).
[[nodiscard]] bool is_null(const yaml_event_t& event) {
  const auto& scalar = event.data.scalar;
  if (scalar.tag != nullptr || scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
  const std::string_view value(reinterpret_cast<const char*>(scalar.value), scalar.length);
  return value.empty() || value == "~" || value == "null" || value == "Null" || value == "NULL";
}

// The first letter lower-case and no full stop, like every other message.
[[nodiscard]] std::string yaml_message(std::string_view problem) {
  std::string message(problem);
  while (!message.empty() && (message.back() == '.' || message.back() == ' ')) message.pop_back();
  if (!message.empty())
    message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
  return message.empty() ? std::string("unreadable YAML") : message;
}

// A tab in the indentation is a syntax error whose message does not say so.
[[nodiscard]] std::string tab_hint(std::string_view bytes, std::uint32_t line) {
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

// The first U+0085, U+2028 or U+2029 in `bytes`: YAML 1.1 (libyaml) reads each as a line
// break, YAML 1.2 and editors as text, so a quote holding one would read differently.
struct OddBreak {
  std::size_t offset;
  std::string_view name;
};
[[nodiscard]] std::optional<OddBreak> find_odd_break(std::string_view bytes) {
  std::optional<OddBreak> found;
  if (const std::size_t at = bytes.find("\xC2\x85"); at != std::string_view::npos)
    found = OddBreak{at, "U+0085 (next line)"};
  const std::size_t end = found ? found->offset : bytes.size();
  for (std::size_t at = bytes.find('\xE2'); at < end; at = bytes.find('\xE2', at + 1)) {
    if (bytes.substr(at + 1, 2) == "\x80\xA8") return OddBreak{at, "U+2028 (line separator)"};
    if (bytes.substr(at + 1, 2) == "\x80\xA9") return OddBreak{at, "U+2029 (paragraph separator)"};
  }
  return found;
}

}  // namespace

// Builds the tree from libyaml's events (a friend of Tree).
class TreeBuilder {
 public:
  TreeBuilder(Tree& tree, std::string_view bytes, std::size_t bom, const std::string& file,
              Diagnostics& diagnostics, const ReadOptions& options, const ItemHandler& on_item)
      : tree_(tree),
        bytes_(bytes),
        bom_(bom),
        cursor_(bytes, bom),
        file_(file),
        diagnostics_(diagnostics),
        options_(options),
        on_item_(on_item) {}

  [[nodiscard]] std::size_t streamed() const { return streamed_; }

  // Reads the whole stream; false when it stopped on an error.
  [[nodiscard]] bool read() {
    Parser parser(bytes_.substr(bom_));
    if (!parser.ready) {
      error({}, "cannot read the YAML: out of memory");
      return false;
    }
    for (;;) {
      Event next;
      if (yaml_parser_parse(&parser.parser, &next.event) == 0) {
        syntax_error(parser.parser);
        return false;
      }
      next.parsed = true;
      if (next.event.type == YAML_STREAM_END_EVENT) return true;
      if (!handle(next.event)) return false;
    }
  }

 private:
  void error(Pos pos, std::string message, std::string rule = "yaml") {
    if (diagnostics_.size() >= kMaxErrorsPerFile) return;
    diagnostics_.error(file_, pos.line, pos.column, std::move(message), std::move(rule));
  }

  [[nodiscard]] Pos pos_at(const yaml_mark_t& mark) {
    cursor_.seek(mark.index);
    return cursor_.pos();
  }

  // One event; false to stop reading.
  [[nodiscard]] bool handle(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_DOCUMENT_START_EVENT:
        if (++documents_ > 1) {
          error(pos_at(event.start_mark),
                "more than one YAML document in the file ('---'): a file is one document");
          return false;
        }
        return true;
      case YAML_ALIAS_EVENT:
        error(pos_at(event.start_mark), "aliases ('*') are not supported: write the value out");
        return false;
      case YAML_SCALAR_EVENT:
        return scalar(event);
      case YAML_SEQUENCE_START_EVENT:
        return start_collection(event, event.data.sequence_start.anchor,
                                event.data.sequence_start.tag, false);
      case YAML_MAPPING_START_EVENT:
        return start_collection(event, event.data.mapping_start.anchor,
                                event.data.mapping_start.tag, true);
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT:
        end_collection();
        return true;
      default:  // the stream's start, a document's end
        return true;
    }
  }

  [[nodiscard]] bool refuse_anchor(const yaml_mark_t& mark, const yaml_char_t* anchor) {
    if (anchor == nullptr) return false;
    error(pos_at(mark),
          fmt::format("anchors ('&{}') are not supported: write the value out", view(anchor)));
    return true;
  }

  [[nodiscard]] bool scalar(const yaml_event_t& event) {
    const auto& data = event.data.scalar;
    if (refuse_anchor(event.start_mark, data.anchor)) return false;
    if (is_null(event)) {
      complete(add(NodeKind::null, null_pos(event)));
      return true;
    }
    const Pos pos = pos_at(event.start_mark);
    const std::size_t at = cursor_.byte();
    // Untagged (nearly every scalar): "?" when plain, else "!", both accepted.
    bool quoted = data.style != YAML_PLAIN_SCALAR_STYLE;
    if (data.tag != nullptr) {
      const std::string_view tag = view(data.tag);
      if (tag != "?" && tag != "!" && tag != kStringTag) {
        error(pos, fmt::format("the tag '{}' is not supported: write plain text", tag));
      }
      quoted = tag != "?";
    }
    const std::uint32_t index = add(NodeKind::scalar, pos);
    Node& node = tree_.nodes_[index];
    node.quoted = quoted;
    node.text_begin = static_cast<std::uint32_t>(tree_.text_.size());
    node.text_size = static_cast<std::uint32_t>(data.length);
    const std::string_view value(reinterpret_cast<const char*>(data.value), data.length);
    tree_.text_ += value;
    set_verbatim(node, at, value);
    complete(index);
    return true;
  }

  // Where a null sits. An empty one is placed at the next token, as yaml-cpp placed it
  // (libyaml's mark is the end of the ':' or '-' before it): the positions stay as they were.
  [[nodiscard]] Pos null_pos(const yaml_event_t& event) {
    const Pos pos = pos_at(event.start_mark);
    if (event.data.scalar.length != 0 || event.start_mark.index != event.end_mark.index) return pos;
    Cursor ahead = cursor_;
    ahead.skip_to_token();
    return ahead.pos();
  }

  // A one-line scalar whose text is its bytes in the file (after the opening quote).
  void set_verbatim(Node& node, std::size_t at, std::string_view value) const {
    if (at >= bytes_.size()) return;
    const char first = bytes_[at];
    const bool quote = node.quoted && (first == '"' || first == '\'');
    const std::size_t start = at + (quote ? 1 : 0);
    const bool one_line = value.find('\n') == std::string_view::npos;
    bool same = one_line && bytes_.substr(start, value.size()) == value;
    if (quote)
      same = same && start + value.size() < bytes_.size() && bytes_[start + value.size()] == first;
    if (!node.quoted || quote) node.verbatim = same;
  }

  // libyaml's problem (and the context it was found in) as one message.
  void syntax_error(const yaml_parser_t& parser) {
    if (parser.error == YAML_MEMORY_ERROR) {
      error({}, "cannot read the YAML: out of memory");
      return;
    }
    if (parser.error == YAML_READER_ERROR) {
      reader_error(parser);
      return;
    }
    const std::string_view problem = view(parser.problem);
    const std::string_view context = view(parser.context);
    if (context == "while scanning a quoted scalar" &&
        problem == "found unexpected end of stream") {
      const Pos pos = pos_at(parser.context_mark);
      const bool double_quote = cursor_.byte() < bytes_.size() && bytes_[cursor_.byte()] == '"';
      error(pos, fmt::format("the quoted text is never closed: a {} is missing",
                             double_quote ? "closing '\"'" : "closing \"'\""));
      return;
    }
    const Pos where = pos_at(parser.context_mark);
    const Pos pos = pos_at(parser.problem_mark);
    std::string message = yaml_message(problem);
    if (problem == "found unknown escape character") {
      Cursor escape = cursor_;  // at the backslash: show it and the character after it
      escape.seek(parser.problem_mark.index + 2);
      message +=
          fmt::format(" '{}'", bytes_.substr(cursor_.byte(), escape.byte() - cursor_.byte()));
    }
    if (!context.empty() && !(where == pos)) {
      message +=
          fmt::format(" ({} that starts at line {}, column {})", context, where.line, where.column);
    }
    if (problem == "mapping values are not allowed in this context") {
      message += " (a ': ' in plain text starts a mapping: put the text in quotes)";
    }
    error(pos, message + tab_hint(bytes_, pos.line));
  }

  void reader_error(const yaml_parser_t& parser) {
    const Pos pos = PositionMap(bytes_).at(parser.problem_offset + bom_);
    const std::string_view problem = view(parser.problem);
    if (problem == "control characters are not allowed") {
      error(pos,
            fmt::format("the control character U+{:04X} is not allowed in YAML: remove it, or "
                        "write it as an escape in double quotes",
                        static_cast<unsigned>(parser.problem_value)),
            "encoding");
      return;
    }
    error(pos, yaml_message(problem), "encoding");
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

  [[nodiscard]] bool start_collection(const yaml_event_t& event, const yaml_char_t* anchor,
                                      const yaml_char_t* tag_text, bool mapping) {
    if (refuse_anchor(event.start_mark, anchor)) return false;
    const Pos pos = pos_at(event.start_mark);
    if (stack_.size() >= options_.max_depth) {
      error(pos, fmt::format("nesting deeper than {} levels", options_.max_depth));
      return false;
    }
    const std::string_view tag = tag_name(tag_text, true);
    if (tag != "?" && tag != "!" && tag != "tag:yaml.org,2002:map" &&
        tag != "tag:yaml.org,2002:seq") {
      error(pos, fmt::format("the tag '{}' is not supported", tag));
    }
    const bool stream = !mapping && !stack_.empty() && stack_.back().stream_value;
    const std::uint32_t index = add(mapping ? NodeKind::mapping : NodeKind::sequence, pos);
    Frame& frame = stack_.push();
    frame.node = index;
    frame.mapping = mapping;
    frame.streaming = stream;
    return true;
  }

  void end_collection() {
    const std::uint32_t index = stack_.back().node;
    stack_.pop();
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
  Cursor cursor_;
  const std::string& file_;
  Diagnostics& diagnostics_;
  const ReadOptions& options_;
  const ItemHandler& on_item_;
  FrameStack stack_;
  std::size_t documents_ = 0;
  std::size_t streamed_ = 0;
};

ReadResult read_yaml(std::string_view bytes, const std::string& file, Diagnostics& diagnostics,
                     const ReadOptions& options, const ItemHandler& on_item) {
  ReadResult result;
  const std::size_t bom = bytes.substr(0, kBom.size()) == kBom ? kBom.size() : 0;
  if (const auto odd = find_odd_break(bytes)) {
    const Pos pos = PositionMap(bytes).at(odd->offset);
    diagnostics.error(file, pos.line, pos.column,
                      fmt::format("the character {} is not allowed: YAML 1.1 reads it as a line "
                                  "break; remove it, or write it as an escape in double quotes",
                                  odd->name),
                      "encoding");
    return result;
  }
  TreeBuilder builder(result.tree, bytes, bom, file, diagnostics, options, on_item);
  result.ok = builder.read();
  result.streamed = builder.streamed();
  return result;
}

}  // namespace cc::load
