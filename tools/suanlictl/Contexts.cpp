#include "tools/suanlictl/Contexts.h"

#include <cstdlib>
#include <fstream>
#include <sys/stat.h>

namespace suanli::ctl {

namespace {
std::string trim(const std::string &s)
{
    const auto first = s.find_first_not_of(" \t\r");
    if (first == std::string::npos)
        return {};
    return s.substr(first, s.find_last_not_of(" \t\r") - first + 1);
}
} // namespace

std::string contextsPath()
{
    if (const char *path = std::getenv("SUANLI_CONTEXTS"); path && *path)
        return path;
    if (const char *config = std::getenv("XDG_CONFIG_HOME"); config && *config)
        return std::string(config) + "/suanli/contexts";
    const char *home = std::getenv("HOME");
    return std::string(home ? home : ".") + "/.config/suanli/contexts";
}

bool readContexts(const std::string &path, std::vector<Context> *out, std::string *error)
{
    std::ifstream in(path);
    if (!in) {
        *error = "cannot read the contexts file " + path
            + " (set SUANLI_CONTEXTS or write one: see suanlictl place --help)";
        return false;
    }
    struct stat st { };
    const bool privateFile = ::stat(path.c_str(), &st) == 0 && (st.st_mode & 077) == 0;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string text = trim(line);
        if (text.empty() || text[0] == '#' || text[0] == ';')
            continue;
        const std::string where = path + ":" + std::to_string(number) + ": ";
        if (text.front() == '[') {
            if (text.back() != ']' || text.size() < 3) {
                *error = where + "expected [NAME]";
                return false;
            }
            out->push_back({ trim(text.substr(1, text.size() - 2)), {}, {}, {}, {} });
            continue;
        }
        const auto eq = text.find('=');
        if (eq == std::string::npos || out->empty()) {
            *error = where + "expected KEY = VALUE inside a [NAME] section";
            return false;
        }
        const std::string key = trim(text.substr(0, eq));
        const std::string value = trim(text.substr(eq + 1));
        Context &c = out->back();
        if (key == "server")
            c.server = value;
        else if (key == "ca")
            c.caFile = value;
        else if (key == "token-file")
            c.tokenFile = value;
        else if (key == "token") {
            if (!privateFile) {
                *error = where + "a token in the file needs the file private to you (chmod 600 "
                    + path + ")";
                return false;
            }
            c.token = value;
        } else {
            *error = where + "unknown key \"" + key + "\" (server, ca, token-file, token)";
            return false;
        }
    }
    for (const Context &c : *out) {
        if (c.server.empty()) {
            *error = path + ": [" + c.name + "] has no server";
            return false;
        }
    }
    return true;
}

} // namespace suanli::ctl
