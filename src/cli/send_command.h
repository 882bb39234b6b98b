// The `send` subcommand's options: CLI11 fills raw flags, which become
// SendOptions (deliver/send.h). Only argument mapping lives here.
#pragma once

// CLI11 2.3's split() trips g++ 12's -Wnull-dereference when inlined here (a
// false positive inside the library's header): silenced for that header only.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wnull-dereference"
#include <CLI/CLI.hpp>
#pragma GCC diagnostic pop

#include <iosfwd>
#include <string>
#include <vector>

#include "deliver/send.h"

namespace broadsheet {

struct SendArgs {
  SendOptions options;
  std::vector<std::string> dates;
  std::string from, to, maildir;
  CLI::App* command = nullptr;
};

/// Adds `send` to app; its values land in args.
void add_send_command(CLI::App& app, SendArgs& args);

struct ProcessEnv;

/// Finishes the options (dates, terminal, journal) and runs the send. Usage
/// problems print and return 2.
int run_send_command(SendArgs& args, const AppEnv& app, const ProcessEnv& process, std::ostream& out,
                     std::ostream& err);

}  // namespace broadsheet
