// suanlictl: the command-line client of suanlid (kubectl / scontrol style).
#include "tools/suanlictl/Cli.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Output.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <grpc/support/log.h>
#include <iostream>
#include <sstream>

namespace {

bool readFile(const std::string &path, std::string *contents, std::string *error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = std::strerror(errno);
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *contents = buffer.str();
    return true;
}

std::string trimmed(std::string text)
{
    const auto isSpace = [](char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; };
    while (!text.empty() && isSpace(text.back()))
        text.pop_back();
    std::size_t start = 0;
    while (start < text.size() && isSpace(text[start]))
        ++start;
    return text.substr(start);
}

// gRPC's own log lines (handshake failures, retries) would bury suanlictl's one-line errors;
// GRPC_VERBOSITY brings them back for debugging.
void quietGrpcLog(gpr_log_func_args *) { }

} // namespace

int main(int argc, char **argv)
{
    using suanli::ctl::Invocation;
    Invocation inv = suanli::ctl::Cli::parse(argc, argv);
    if (inv.action == Invocation::Action::Help) {
        std::cout << inv.usage;
        return 0;
    }
    if (inv.action == Invocation::Action::Version) {
        std::cout << "suanlictl " << SUANLI_VERSION << '\n';
        return 0;
    }
    if (inv.action == Invocation::Action::UsageError) {
        std::cerr << "suanlictl: " << inv.error << '\n' << inv.usage;
        return 2;
    }

    std::string error;
    if (!inv.global.tokenFile.empty()) {
        std::string token;
        if (!readFile(inv.global.tokenFile, &token, &error)) {
            std::cerr << "suanlictl: cannot read --token-file " << inv.global.tokenFile << ": "
                      << error << '\n';
            return 2;
        }
        inv.global.token = trimmed(token);
    }
    std::string caPem;
    if (!inv.global.caFile.empty() && !readFile(inv.global.caFile, &caPem, &error)) {
        std::cerr << "suanlictl: cannot read the CA file " << inv.global.caFile << " (--ca or "
                  << "SUANLI_CA): " << error << '\n';
        return 2;
    }

    if (!std::getenv("GRPC_VERBOSITY"))
        gpr_set_log_function(quietGrpcLog);

    const suanli::ctl::Connection connection(inv.global, caPem);
    const suanli::ctl::Output output(std::cout, std::cerr, inv.global.json, inv.global.server);
    const int code = suanli::ctl::runCommand(inv, connection, output);
    std::cout.flush();
    return code;
}
