// The YAML differential: libyaml (the reference C parser) as an oracle for
// broadsheet's YAML reader (yaml-cpp 0.7 plus its blind-spot checks). Every
// input, and every mutation of it, on which libyaml reports a syntax error must
// be an error for broadsheet too; each disagreement is printed with libyaml's
// problem, which names its class. Documented in docs/input.md ("YAML that yaml-cpp accepts").
//
//   yaml_differential [--mutate] [--quiet] [--baseline FILE] INPUT...
// exits 1 on any disagreement, or, with a baseline (lines "COUNT<TAB>CLASS": the
// classes not fixed yet), on a class that is not in it or has grown.
#include <yaml.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "diag/diagnostics.h"
#include "input/source_text.h"
#include "input/yaml_reader.h"

namespace {

struct LibyamlError {
  std::string problem;
  size_t line = 0, column = 0;  // 1-based
};

// libyaml's verdict: the first syntax error of the whole stream, or none.
std::optional<LibyamlError> libyaml_error(const std::string& text) {
  yaml_parser_t parser;
  if (!yaml_parser_initialize(&parser)) return LibyamlError{"out of memory", 0, 0};
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  std::optional<LibyamlError> error;
  for (bool done = false; !done;) {
    yaml_event_t event;
    if (!yaml_parser_parse(&parser, &event)) {
      std::string problem = parser.context ? std::string(parser.context) + ": " : std::string();
      problem += parser.problem ? parser.problem : "error";
      error = LibyamlError{problem, parser.problem_mark.line + 1, parser.problem_mark.column + 1};
      break;
    }
    done = event.type == YAML_STREAM_END_EVENT;
    yaml_event_delete(&event);
  }
  yaml_parser_delete(&parser);
  return error;
}

// broadsheet's verdict: does its YAML reader report an error?
bool broadsheet_rejects(const std::string& text) {
  broadsheet::Diagnostics diags;
  std::optional<broadsheet::SourceText> source = broadsheet::check_source("input.yaml", text, diags);
  if (!source) return true;  // bytes refused before YAML (UTF-16, NUL...)
  return !broadsheet::parse_yaml(*source, diags) || diags.has_errors();
}

// Deterministic mutations a parser author tries: every prefix ending at a line
// end or just after a quote, bracket or colon (truncated files), and every
// single deletion of such a character (a quote or bracket lost in editing).
std::vector<std::pair<std::string, std::string>> mutations(const std::string& text) {
  std::vector<std::pair<std::string, std::string>> out;
  const std::string interesting = "\"'[]{}:,|>&*!-#\n";
  for (size_t i = 0; i < text.size(); ++i) {
    if (interesting.find(text[i]) == std::string::npos) continue;
    out.emplace_back("cut@" + std::to_string(i + 1), text.substr(0, i + 1));
    if (text[i] != '\n') out.emplace_back("del@" + std::to_string(i), text.substr(0, i) + text.substr(i + 1));
  }
  return out;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

int main(int argc, char** argv) {
  bool mutate = false, quiet = false;
  std::vector<std::string> files;
  std::map<std::string, size_t> baseline;
  bool has_baseline = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--mutate") mutate = true;
    else if (arg == "--quiet") quiet = true;
    else if (arg == "--baseline" && i + 1 < argc) {
      has_baseline = true;
      std::istringstream lines(read_file(argv[++i]));
      for (std::string line; std::getline(lines, line);) {
        if (line.empty() || line[0] == '#') continue;
        const size_t tab = line.find('\t');
        baseline[line.substr(tab + 1)] = std::stoul(line.substr(0, tab));
      }
    } else files.push_back(arg);
  }
  std::map<std::string, size_t> classes;  // libyaml problem -> disagreements
  std::map<std::string, std::string> example;
  size_t inputs = 0, libyaml_errors = 0, disagreements = 0;
  for (const std::string& file : files) {
    const std::string text = read_file(file);
    std::vector<std::pair<std::string, std::string>> cases = {{"", text}};
    if (mutate) {
      auto more = mutations(text);
      cases.insert(cases.end(), more.begin(), more.end());
    }
    for (const auto& [how, input] : cases) {
      ++inputs;
      std::optional<LibyamlError> error = libyaml_error(input);
      if (!error) continue;
      ++libyaml_errors;
      if (broadsheet_rejects(input)) continue;
      ++disagreements;
      ++classes[error->problem];
      const std::string where = file + (how.empty() ? "" : " [" + how + "]");
      example.emplace(error->problem, where);
      if (!quiet) {
        std::cout << where << ": libyaml: " << error->problem << " at " << error->line << ":" << error->column
                  << "; broadsheet accepts it\n";
      }
    }
  }
  std::cout << "yaml differential: " << inputs << " inputs, libyaml rejects " << libyaml_errors
            << ", broadsheet accepts " << disagreements << " of those\n";
  bool worse = false;
  for (const auto& [problem, n] : classes) {
    std::cout << "  class '" << problem << "': " << n << " (e.g. " << example[problem] << ")\n";
    if (has_baseline && n > baseline[problem]) {
      std::cout << "  ^ more than the baseline's " << baseline[problem] << "\n";
      worse = true;
    }
  }
  if (has_baseline) return worse ? 1 : 0;
  return disagreements == 0 ? 0 : 1;
}
