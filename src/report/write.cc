// The report set on disk, all or nothing: see write.h and docs/REPORTS.md.
#include "report/write.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <system_error>

#include "report/formats.h"

namespace cc {
namespace fs = std::filesystem;

namespace {

[[nodiscard]] std::string reason(int error) {
  return std::strerror(error);
}

// A file descriptor closed on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  [[nodiscard]] int get() const { return fd_; }
  [[nodiscard]] int close() {  // 0 or errno
    const int result = ::close(fd_);
    fd_ = -1;
    return result == 0 ? 0 : errno;
  }

 private:
  int fd_;
};

// A folder removed with what it holds unless released.
class TempFolder {
 public:
  explicit TempFolder(fs::path path) : path_(std::move(path)) {}
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  [[nodiscard]] const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

[[nodiscard]] std::string shown(const fs::path& path) {
  return path.generic_string();
}

// Writes one file in the fresh folder; O_EXCL|O_NOFOLLOW: a name planted there is refused.
[[nodiscard]] std::string write_file(const fs::path& folder, const ReportFile& file,
                                     const fs::path& out) {
  const auto fail = [&](int error) {
    return fmt::format("cannot write '{}': {}", shown(out / file.name), reason(error));
  };
  Fd fd(::open((folder / file.name).c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
               0666));
  if (fd.get() < 0) return fail(errno);
  std::string_view rest = file.content;
  while (!rest.empty()) {
    const ssize_t written = ::write(fd.get(), rest.data(), rest.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) return fail(errno);
    rest.remove_prefix(static_cast<std::size_t>(written));
  }
  if (::fsync(fd.get()) != 0 && errno != EINVAL) return fail(errno);
  if (const int error = fd.close(); error != 0) return fail(error);
  return {};
}

// The out folder must be a folder holding reports only (it is replaced as a whole).
[[nodiscard]] std::string check_out_folder(const fs::path& out, bool& exists) {
  std::error_code ec;
  const fs::file_status status = fs::symlink_status(out, ec);
  exists = fs::exists(status);
  if (!exists) return {};
  if (!fs::is_directory(status)) {
    return fmt::format("the out folder '{}' is not a folder{}", shown(out),
                       fs::is_symlink(status) ? " (it is a symbolic link)" : "");
  }
  for (fs::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!is_report_file_name(name) || !it->is_regular_file(ec) || it->is_symlink(ec)) {
      return fmt::format(
          "the out folder '{}' holds '{}', which is not a report: crosscheck replaces the out "
          "folder as a whole, so give a new folder or one that holds reports only",
          shown(out), name);
    }
  }
  if (ec) return fmt::format("cannot read the out folder '{}': {}", shown(out), ec.message());
  return {};
}

// Folders left by a run that was killed (".NAME.new-XXXXXX"): the lock is held, so none
// is in use.
void remove_leftovers(const fs::path& parent, const std::string& prefix) {
  std::error_code ec;
  std::vector<fs::path> stale;
  for (fs::directory_iterator it(parent, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind(prefix, 0) != 0) continue;
    const std::string_view tail = std::string_view(name).substr(prefix.size());
    // mkdtemp's six characters, perhaps with "-old": not the folders of another out folder
    // whose name starts like this one's (".out.new-x.new-XXXXXX").
    if (tail.size() == 6 || (tail.size() == 10 && tail.ends_with("-old"))) {
      if (tail.substr(0, 6).find('.') == std::string_view::npos) stale.push_back(it->path());
    }
  }
  for (const fs::path& path : stale) fs::remove_all(path, ec);
}

// Swaps the fresh folder in: one exchange when `out` exists, one rename when not.
[[nodiscard]] int swap_in(const fs::path& fresh, const fs::path& out, bool exists) {
  if (!exists) {
    return ::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, out.c_str(), RENAME_NOREPLACE) == 0
               ? 0
               : errno;
  }
  if (::renameat2(AT_FDCWD, fresh.c_str(), AT_FDCWD, out.c_str(), RENAME_EXCHANGE) == 0) return 0;
  if (errno != EINVAL && errno != ENOSYS) return errno;
  // A file system without the exchange: two renames, between which `out` is missing for
  // an instant (a reader sees no folder, never a mix). The old set ends up at `fresh`.
  const fs::path old = fresh.string() + "-old";
  if (::rename(out.c_str(), old.c_str()) != 0) return errno;
  if (::rename(fresh.c_str(), out.c_str()) != 0) {
    const int error = errno;
    (void)::rename(old.c_str(), out.c_str());
    return error;
  }
  return ::rename(old.c_str(), fresh.c_str()) == 0 ? 0 : errno;
}

[[nodiscard]] std::string write_locked(const fs::path& out, const fs::path& parent,
                                       const std::vector<ReportFile>& files) {
  bool exists = false;
  if (std::string error = check_out_folder(out, exists); !error.empty()) return error;
  const std::string prefix = fmt::format(".{}.new-", out.filename().string());
  remove_leftovers(parent, prefix);
  std::string pattern = (parent / (prefix + "XXXXXX")).string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return fmt::format("cannot create a folder beside '{}': {}", shown(out), reason(errno));
  }
  TempFolder fresh(pattern);
  const mode_t mask = ::umask(0);
  ::umask(mask);
  if (::chmod(fresh.path().c_str(), 0777 & ~mask) != 0) {
    return fmt::format("cannot write '{}': {}", shown(out), reason(errno));
  }
  for (const ReportFile& file : files) {
    if (std::string error = write_file(fresh.path(), file, out); !error.empty()) return error;
  }
  if (const int error = swap_in(fresh.path(), out, exists); error != 0) {
    return fmt::format("cannot replace '{}': {}", shown(out), reason(error));
  }
  return {};  // `fresh` now names the old set, removed on the way out
}

}  // namespace

bool is_report_file_name(std::string_view name) {
  for (const ReportFormat& format : report_formats()) {
    if (format.file == name) return true;
  }
  return false;
}

fs::path report_lock_path(const fs::path& out) {
  const fs::path clean = out.lexically_normal();
  const fs::path name = clean.has_filename() ? clean.filename() : clean.parent_path().filename();
  const fs::path parent = (clean.has_filename() ? clean : clean.parent_path()).parent_path();
  return (parent.empty() ? fs::path(".") : parent) / fmt::format(".{}.lock", name.string());
}

std::string write_report_set(const fs::path& given, const std::vector<ReportFile>& files) {
  if (given.empty()) return "the out folder is '': name a folder";
  fs::path out = given.lexically_normal();
  if (!out.has_filename()) out = out.parent_path();  // "reports/" → "reports"
  if (out.empty() || out.filename() == "." || out.filename() == ".." || out == out.root_path()) {
    return fmt::format("the out folder '{}' cannot be replaced: name a folder of its own",
                       shown(given));
  }
  const fs::path parent = out.has_parent_path() ? out.parent_path() : fs::path(".");
  std::error_code ec;
  fs::create_directories(parent, ec);
  if (ec) return fmt::format("cannot create '{}': {}", shown(parent), ec.message());
  const fs::path lock_path = report_lock_path(out);
  Fd lock(::open(lock_path.c_str(), O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0666));
  if (lock.get() < 0) {
    return fmt::format("cannot open the lock file '{}': {}", shown(lock_path), reason(errno));
  }
  if (::flock(lock.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno == EWOULDBLOCK) {
      return fmt::format(
          "another crosscheck run is writing the reports in '{}' (it holds '{}'): try again "
          "when it has finished",
          shown(out), shown(lock_path));
    }
    return fmt::format("cannot lock '{}': {}", shown(lock_path), reason(errno));
  }
  return write_locked(out, parent, files);
}

}  // namespace cc
