#include "catch.h"

#include <string>
#include <vector>

#include "lsp/framing.h"

using cc::lsp::Frame;
using cc::lsp::FrameError;
using cc::lsp::FrameReader;

namespace {

[[nodiscard]] std::string body_of(const std::optional<Frame>& frame) {
  REQUIRE(frame.has_value());
  REQUIRE(std::holds_alternative<std::string>(*frame));
  return std::get<std::string>(*frame);
}

[[nodiscard]] std::string error_of(const std::optional<Frame>& frame) {
  REQUIRE(frame.has_value());
  REQUIRE(std::holds_alternative<FrameError>(*frame));
  return std::get<FrameError>(*frame).message;
}

}  // namespace

TEST_CASE("frames: two messages in one read come out one by one", "[lsp]") {
  FrameReader reader;
  reader.feed(cc::lsp::frame(R"({"a":1})") + cc::lsp::frame(R"({"b":2})"));
  CHECK(body_of(reader.next()) == R"({"a":1})");
  CHECK(body_of(reader.next()) == R"({"b":2})");
  CHECK_FALSE(reader.next().has_value());
}

TEST_CASE("frames: a message fed a byte at a time comes out whole, once", "[lsp]") {
  FrameReader reader;
  const std::string bytes =  // "é" is two bytes: the body is 8
      "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\ncontent-length: 8\r\n\r\n"
      "{\"é\":1}";
  std::vector<std::string> bodies;
  for (const char c : bytes) {
    CHECK(bodies.empty());
    reader.feed(std::string(1, c));
    while (auto frame = reader.next()) bodies.push_back(body_of(frame));
  }
  CHECK(bodies == std::vector<std::string>{"{\"é\":1}"});
}

TEST_CASE("frames: a header without Content-Length is an error and the next message is read",
          "[lsp]") {
  FrameReader reader;
  reader.feed("X-Whatever: 1\r\n\r\n" + cc::lsp::frame("{}"));
  CHECK(error_of(reader.next()) == "the header has no Content-Length");
  CHECK(body_of(reader.next()) == "{}");
}

TEST_CASE("frames: a Content-Length that is not a number is an error", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: 12x\r\n\r\n");
  CHECK(error_of(reader.next()) == "the Content-Length '12x' is not a number");
  reader.feed("Content-Length: -1\r\n\r\n");
  CHECK(error_of(reader.next()) == "the Content-Length '-1' is not a number");
  reader.feed("no colon here\r\n\r\n");
  CHECK(error_of(reader.next()) == "a header line without ':'");
}

TEST_CASE("frames: LF-only headers are read too", "[lsp]") {
  FrameReader reader;
  reader.feed("Content-Length: 2\n\n{}");
  CHECK(body_of(reader.next()) == "{}");
}

TEST_CASE("frames: a body over the limit is skipped, not held, and reading goes on", "[lsp]") {
  FrameReader reader;
  const std::size_t size = cc::lsp::kMaxBodyBytes + 1;
  reader.feed("Content-Length: " + std::to_string(size) + "\r\n\r\n");
  CHECK(error_of(reader.next()).ends_with("is larger than the limit: skipped"));
  std::string chunk(1 << 20, 'x');
  for (std::size_t left = size; left > 0;) {
    const std::size_t n = std::min(left, chunk.size());
    reader.feed(std::string_view(chunk).substr(0, n));
    CHECK_FALSE(reader.next().has_value());
    left -= n;
  }
  reader.feed(cc::lsp::frame("{}"));
  CHECK(body_of(reader.next()) == "{}");
}

TEST_CASE("frames: an endless header is dropped at 64 KB", "[lsp]") {
  FrameReader reader;
  reader.feed(std::string(cc::lsp::kMaxHeaderBytes, 'h'));
  CHECK_FALSE(reader.next().has_value());
  reader.feed("h");
  CHECK(error_of(reader.next()) == "a header block longer than 64 KB: dropped");
  reader.feed(cc::lsp::frame("[]"));
  CHECK(body_of(reader.next()) == "[]");
}
