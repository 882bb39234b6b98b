// What yaml-cpp 0.7 accepts silently although YAML forbids it, found by running
// libyaml (the reference parser) as a differential oracle over the test inputs
// and their mutations (tests/yaml_oracle), and documents yaml-cpp starts
// without a word. Checked on the event stream, beside yaml-cpp's loading of the
// same text; kept apart from the reader.
#pragma once

#include <yaml-cpp/mark.h>

#include <exception>
#include <optional>

#include "diag/diagnostics.h"
#include "input/source_text.h"

namespace broadsheet {

/// What one pass over the file's YAML events finds (it reads only the source,
/// so it may run on another thread while yaml-cpp loads the same text).
struct YamlEventFindings {
  /// The first blind spot in the file's first document, if any:
  ///   - a quoted scalar that runs to the end of the file without its closing
  ///     quote (yaml-cpp closes it there), reported where the quote opens;
  ///   - a block mapping's key line without ':' at the end of the file
  ///     (yaml-cpp makes it a key with a null value);
  ///   - an anchor name libyaml refuses ("&lt;p&gt;", "&nbsp;x": scraped text
  ///     that starts with an HTML entity silently loses its first word).
  /// The hint says how to write it.
  std::optional<Diagnostic> blind_spot;
  /// Where a second document with content starts: after a '---', or where
  /// yaml-cpp silently starts one because the first one's top-level value
  /// ended (a root text followed by "key: value"). A trailing "---" or "..."
  /// alone makes an empty document, which is harmless.
  std::optional<YAML::Mark> second_document;
  /// What yaml-cpp threw, when it did (in the first document the loader
  /// throws the same, and its error is the one to report).
  std::exception_ptr failure;
};

YamlEventFindings scan_yaml_events(const SourceText& source);

}  // namespace broadsheet
