#include "lsp/framing.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>

namespace cc::lsp {
namespace {

[[nodiscard]] std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

[[nodiscard]] bool equals_ignoring_case(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

// The Content-Length of a header block (its lines end in CRLF or LF), or the problem.
[[nodiscard]] std::variant<std::size_t, FrameError> content_length(std::string_view block) {
  std::optional<std::size_t> length;
  while (!block.empty()) {
    const std::size_t end = block.find('\n');
    const std::string_view line = block.substr(0, end);
    block = end == std::string_view::npos ? std::string_view{} : block.substr(end + 1);
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos) {
      if (trim(line).empty()) continue;
      return FrameError{"a header line without ':'"};
    }
    if (!equals_ignoring_case(trim(line.substr(0, colon)), "Content-Length")) continue;
    const std::string_view digits = trim(line.substr(colon + 1));
    std::size_t value = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
    if (digits.empty() || ec != std::errc{} || ptr != digits.data() + digits.size()) {
      return FrameError{
          fmt::format("the Content-Length '{}' is not a number", digits.substr(0, 40))};
    }
    length = value;
  }
  if (!length) return FrameError{"the header has no Content-Length"};
  return *length;
}

}  // namespace

std::optional<Frame> FrameReader::read_header() {
  const std::string_view rest = std::string_view(buffer_).substr(start_);
  // The header block ends at a blank line: CRLF CRLF, or LF LF from a lax client.
  std::size_t end = rest.find("\r\n\r\n");
  std::size_t separator = 4;
  if (const std::size_t lf = rest.find("\n\n"); lf < end) {
    end = lf;
    separator = 2;
  }
  if (end == std::string_view::npos) {
    if (rest.size() <= kMaxHeaderBytes) return std::nullopt;
    start_ = buffer_.size();
    return FrameError{"a header block longer than 64 KB: dropped"};
  }
  const auto length = content_length(rest.substr(0, end));
  start_ += end + separator;
  if (const auto* error = std::get_if<FrameError>(&length)) return *error;
  const std::size_t size = std::get<std::size_t>(length);
  if (size > kMaxBodyBytes) {
    skip_ = size;
    return FrameError{fmt::format("a body of {} bytes is larger than the limit: skipped", size)};
  }
  body_size_ = size;
  return std::nullopt;
}

std::optional<Frame> FrameReader::next() {
  for (;;) {
    if (skip_ > 0) {
      const std::size_t dropped = std::min(skip_, buffer_.size() - start_);
      start_ += dropped;
      skip_ -= dropped;
      if (skip_ > 0) break;
    }
    if (body_size_) {
      if (buffer_.size() - start_ < *body_size_) break;
      std::string body = buffer_.substr(start_, *body_size_);
      start_ += *body_size_;
      body_size_.reset();
      return body;
    }
    const std::size_t before = start_;
    if (auto error = read_header()) return error;
    if (!body_size_ || start_ == before) break;
  }
  if (start_ > 0 && start_ * 2 >= buffer_.size()) {  // keep the buffer from growing forever
    buffer_.erase(0, start_);
    start_ = 0;
  }
  return std::nullopt;
}

std::string frame(std::string_view body) {
  return fmt::format("Content-Length: {}\r\n\r\n{}", body.size(), body);
}

}  // namespace cc::lsp
