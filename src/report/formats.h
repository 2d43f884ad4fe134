#pragma once
// The report formats `check --format` can write, one file each.

#include <span>
#include <string_view>

#include "report/report.h"

namespace cc {

struct ReportFormat {
  std::string_view name;  // as given to --format
  std::string_view file;  // written under --out
  std::string (*render)(const ReportInput& input);
  bool on_by_default;
};

[[nodiscard]] std::span<const ReportFormat> report_formats();
[[nodiscard]] const ReportFormat* find_report_format(std::string_view name);

}  // namespace cc
