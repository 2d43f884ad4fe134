#include "load/files.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>

namespace cc::load {

namespace fs = std::filesystem;

namespace {
[[nodiscard]] std::string lower_first(std::string text) {
  if (!text.empty()) text[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(text[0])));
  return text;
}
}  // namespace

std::string display_root(const fs::path& dir) {
  std::string text = dir.generic_string();
  while (text.size() > 1 && text.back() == '/') text.pop_back();
  return text.empty() ? std::string(".") : text;
}

std::string Folder::display_of(std::string_view name) const {
  if (display == "/") return "/" + std::string(name);
  return display + "/" + std::string(name);
}

std::string_view file_type_name(fs::file_type type) {
  switch (type) {
    case fs::file_type::directory:
      return "a folder";
    case fs::file_type::fifo:
      return "a FIFO (named pipe)";
    case fs::file_type::socket:
      return "a socket";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::symlink:
      return "a symbolic link";
    case fs::file_type::not_found:
      return "missing";
    default:
      return "not a regular file";
  }
}

namespace {

[[nodiscard]] bool inside(const fs::path& outer, const fs::path& inner) {
  const auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end() && i != inner.end();
}

}  // namespace

std::optional<std::string> why_not_readable(const Folder& folder, const fs::path& path) {
  std::error_code ec;
  const fs::file_status own = fs::symlink_status(path, ec);
  if (ec) return fmt::format("cannot be read: {}", lower_first(ec.message()));
  const bool link = fs::is_symlink(own);
  const fs::file_status target = link ? fs::status(path, ec) : own;
  if (link && ec) {
    if (ec == std::errc::too_many_symbolic_link_levels)
      return std::string("is a symbolic link loop: it is not read");
    if (ec == std::errc::no_such_file_or_directory)
      return std::string("is a symbolic link to nothing (a dangling link): it is not read");
    return fmt::format("is a symbolic link that cannot be followed: {}", lower_first(ec.message()));
  }
  if (!fs::is_regular_file(target))
    return fmt::format("is {}, not a file: it is not read", file_type_name(target.type()));
  if (link) {
    const fs::path canonical = fs::canonical(path, ec);
    if (ec) return fmt::format("cannot be read: {}", lower_first(ec.message()));
    if (!inside(folder.canonical, canonical))
      return std::string("is a symbolic link leading outside the fact base folder: it is not read");
  }
  return std::nullopt;
}

std::vector<std::string> list_fact_files(const Folder& folder, std::string& error,
                                         Diagnostics& refused) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(folder.path, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    const std::string extension = it->path().extension().string();
    if (name.empty() || name.front() == '.' || name == "vocabulary.yaml") continue;
    if (extension != ".yaml" && extension != ".yml") continue;
    if (const auto why = why_not_readable(folder, it->path())) {
      refused.error(folder.display_of(name), 0, 0, fmt::format("the file {}", *why), "file");
      continue;
    }
    names.push_back(name);
  }
  if (ec) error = fmt::format("cannot list the folder: {}", ec.message());
  std::sort(names.begin(), names.end());
  return names;
}

std::optional<std::string> read_bytes(const fs::path& path, std::uintmax_t max_bytes,
                                      std::string& error) {
  std::error_code ec;
  const std::uintmax_t size = fs::file_size(path, ec);
  if (ec) {
    error = fmt::format("cannot be read: {}", lower_first(ec.message()));
    return std::nullopt;
  }
  if (size > max_bytes) {
    error = fmt::format("the file is {} MB, more than the limit of {} MB", size / (1024 * 1024),
                        max_bytes / (1024 * 1024));
    return std::nullopt;
  }
  // The system's open and read: a stream's buffer, locale and sentry cost more than the
  // copy itself on a file of a few kilobytes, read once for every file of the base.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = fmt::format("cannot be read: {}", lower_first(std::strerror(errno)));
    return std::nullopt;
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t got = 0;
  bool failed = false;
  while (got < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      failed = n < 0;
      break;
    }
    got += static_cast<std::size_t>(n);
  }
  ::close(fd);
  if (failed) {
    error = "cannot be read: a read error";
    return std::nullopt;
  }
  bytes.resize(got);
  return bytes;
}

namespace {

// The article's canonical path, or nullopt with `error` set.
[[nodiscard]] std::optional<fs::path> locate_article(const Folder& folder,
                                                     const std::string& article,
                                                     std::string& error) {
  if (article.find('\0') != std::string::npos) {
    error = fmt::format("the article '{}' holds a NUL byte: it is not a path", article);
    return std::nullopt;
  }
  const fs::path relative(article);
  if (relative.is_absolute() || relative.has_root_name() || relative.has_root_directory()) {
    error = fmt::format(
        "the article '{}' must be a path relative to the fact file, not an absolute one", article);
    return std::nullopt;
  }
  const fs::path normal = relative.lexically_normal();
  if (normal.empty() || *normal.begin() == "..") {  // decided before the file system is asked
    error =
        fmt::format("the article '{}' lies outside the fact base folder: it is not read", article);
    return std::nullopt;
  }
  std::error_code ec;
  const fs::path canonical = fs::canonical(folder.path / relative, ec);
  if (ec) {
    error = fmt::format("the article '{}' cannot be found: {}", article, lower_first(ec.message()));
    return std::nullopt;
  }
  if (!inside(folder.canonical, canonical)) {
    error =
        fmt::format("the article '{}' lies outside the fact base folder: it is not read", article);
    return std::nullopt;
  }
  if (!fs::is_regular_file(canonical, ec)) {
    error = fmt::format("the article '{}' is not a file", article);
    return std::nullopt;
  }
  return canonical;
}

}  // namespace

void read_article(const Folder& folder, RawFile& file) {
  RawSource& source = file.source;
  if (source.article.empty()) return;
  const Pos pos = source.article_pos;
  const auto fail = [&](const std::string& message) {
    file.diagnostics.error(file.display, pos.line, pos.column, message, "article");
  };
  std::string error;
  const auto path = locate_article(folder, source.article, error);
  if (!path) return fail(error);
  auto bytes = read_bytes(*path, folder.max_file_bytes, error);
  if (!bytes) return fail(fmt::format("the article '{}' {}", source.article, error));
  if (const auto bad = check_utf8(*bytes)) {
    const Pos at = PositionMap(*bytes).at(bad->offset);
    return fail(fmt::format("the article '{}' is not UTF-8 text (line {}, column {}: {})",
                            source.article, at.line, at.column, bad->message));
  }
  source.article_text = std::move(*bytes);
  source.article_file =
      folder.display_of(fs::path(source.article).lexically_normal().generic_string());
}

void unify_line_ends(std::string& bytes) {
  for (std::size_t i = bytes.find('\r'); i != std::string::npos; i = bytes.find('\r', i + 1)) {
    if (i + 1 == bytes.size() || bytes[i + 1] != '\n') bytes[i] = '\n';
  }
}

}  // namespace cc::load
