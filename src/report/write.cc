#include <unistd.h>

#include <fmt/format.h>
#include <cstdio>
#include <fstream>
#include <system_error>

#include "report/report.h"

namespace cc {

std::string write_atomically(const std::filesystem::path& path, std::string_view content) {
  std::error_code ec;
  const auto folder = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  std::filesystem::create_directories(folder, ec);
  if (ec) return fmt::format("cannot create '{}': {}", folder.string(), ec.message());
  const auto temporary = folder / fmt::format(".{}.{}.tmp", path.filename().string(), getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out.write(content.data(), static_cast<std::streamsize>(content.size()));
    out.flush();
    if (!out) {
      std::filesystem::remove(temporary, ec);
      return fmt::format("cannot write '{}'", temporary.string());
    }
  }
  std::filesystem::rename(temporary, path, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return fmt::format("cannot replace '{}': {}", path.string(), ec.message());
  }
  return {};
}

}  // namespace cc
