#pragma once
// The base protocol of the Language Server Protocol: each message is a header block
// ("Content-Length: N", blank line) and then N bytes of JSON. FrameReader takes the bytes
// as they arrive and hands out whole bodies; bad headers become errors, never a hang.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace cc::lsp {

// A body larger than this is skipped (an error), never held.
inline constexpr std::size_t kMaxBodyBytes = std::size_t{512} * 1024 * 1024;
// A header block longer than this without its blank line is dropped (an error).
inline constexpr std::size_t kMaxHeaderBytes = 64 * 1024;

struct FrameError {
  std::string message;  // "the header has no Content-Length", …
};

// One step of reading: a whole body, a problem with the input, or nothing yet.
using Frame = std::variant<std::string, FrameError>;

class FrameReader {
 public:
  void feed(std::string_view bytes) { buffer_.append(bytes); }
  // The next body or error, when the bytes fed so far hold one.
  [[nodiscard]] std::optional<Frame> next();

 private:
  [[nodiscard]] std::optional<Frame> read_header();
  std::string buffer_;
  std::size_t start_ = 0;                 // where unread bytes begin in buffer_
  std::optional<std::size_t> body_size_;  // after a good header: the body to wait for
  std::size_t skip_ = 0;                  // bytes of a refused body still to drop
};

// "Content-Length: N\r\n\r\n" then the body.
[[nodiscard]] std::string frame(std::string_view body);

}  // namespace cc::lsp
