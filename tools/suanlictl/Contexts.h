#pragma once

#include <string>
#include <vector>

namespace suanli::ctl {

// Contexts are the centres suanlictl knows by name, like kubectl's contexts: a plain file of
// sections, $SUANLI_CONTEXTS or ~/.config/suanli/contexts:
//
//   [Lingang]
//   server = lingang.example.cn:7443
//   ca = /home/me/.config/suanli/lingang-ca.pem
//   token-file = /home/me/.config/suanli/lingang.token
//
// A token written in the file itself ("token = ...") is read only when the file is private to
// its owner (mode 0600), as the console's own token file is.
struct Context {
    std::string name;
    std::string server;
    std::string caFile;
    std::string token;
    std::string tokenFile;
};

// Where the contexts file is.
std::string contextsPath();
// Reads the contexts; false with a message naming the file and line on a mistake.
bool readContexts(const std::string &path, std::vector<Context> *out, std::string *error);

} // namespace suanli::ctl
