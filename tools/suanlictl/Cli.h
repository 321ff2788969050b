#pragma once

#include "tools/suanlictl/Invocation.h"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace suanli::ctl {

// suanlictl's command line: the table of commands and options, parsing and usage text.
class Cli {
public:
    // Looks up an environment variable (a test passes its own).
    using Environment = std::function<std::optional<std::string>(const std::string &name)>;

    // Parses the arguments after the program name. Global options may come anywhere;
    // SUANLI_SERVER, SUANLI_TOKEN and SUANLI_CA fill in what the line does not give.
    static Invocation parse(const std::vector<std::string> &args, const Environment &env);
    // The same with the process's environment.
    static Invocation parse(int argc, char **argv);

    // Usage of the program (""), a group ("nodes") or a command ("nodes drain").
    static std::string usage(const std::string &command = {});
    // A few lines for after a usage mistake: the synopsis and where the full help is.
    static std::string shortUsage(const std::string &command = {});
};

} // namespace suanli::ctl
