#pragma once

#include "tools/suanlictl/GlobalOptions.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace suanli::ctl {

// What the command line asks for: a command to run, help to print, or a usage mistake.
struct Invocation {
    enum class Action { Run, Help, Version, UsageError };

    Action action = Action::Run;
    // The command words, e.g. "nodes drain"; for help, the command or group asked about.
    std::string command;
    // Positional arguments after the command words (node names, job ids).
    std::vector<std::string> args;
    // Command options by long name without "--"; values already checked for their type.
    std::map<std::string, std::vector<std::string>> options;
    GlobalOptions global;
    // UsageError: what is wrong, in one line.
    std::string error;
    // Help and UsageError: the usage text to print.
    std::string usage;

    bool has(const std::string &option) const { return options.count(option) > 0; }
    // The option's last value, or fallback when it was not given.
    std::string value(const std::string &option, const std::string &fallback = {}) const;
    // Every value of a repeatable option (--tenant a --tenant b).
    std::vector<std::string> values(const std::string &option) const;
    // The option as a whole number (checked by Cli), or fallback.
    std::int64_t integer(const std::string &option, std::int64_t fallback = 0) const;
};

} // namespace suanli::ctl
