#pragma once
// Putting a report set on disk, all or nothing (docs/REPORTS.md, "How reports are written").
// The set is written into a fresh folder beside the out folder (mkdtemp: an unpredictable
// name, files created O_EXCL|O_NOFOLLOW so nothing planted there is followed), then
// swapped in with one renameat2(RENAME_EXCHANGE): a reader sees the old set or the new
// one, never a mix. A lock file beside the out folder makes a second concurrent run fail
// clearly. Every error names the report or folder the user asked for, with the reason.
#include <filesystem>
#include <string>
#include <vector>

namespace cc {

struct ReportFile {
  std::string name;  // "report.md": a plain file name
  std::string content;
};

// The files every report set may hold; an out folder holding anything else is refused
// (it is replaced as a whole, so a folder of other files must not be taken for it).
[[nodiscard]] bool is_report_file_name(std::string_view name);

// Replaces the folder `out` by one holding exactly `files`. Returns "" or an error
// message ("cannot write 'reports/report.md': No space left on device").
[[nodiscard]] std::string write_report_set(const std::filesystem::path& out,
                                           const std::vector<ReportFile>& files);

// The lock file of an out folder: ".NAME.lock" beside it.
[[nodiscard]] std::filesystem::path report_lock_path(const std::filesystem::path& out);

}  // namespace cc
