#pragma once

#include <string>

namespace suanli::ctl {

// Options every command takes, from the command line or the environment.
struct GlobalOptions {
    // HOST:PORT of suanlid (--server, SUANLI_SERVER).
    std::string server = "127.0.0.1:7443";
    // Bearer token (--token, else --token-file, else SUANLI_TOKEN); empty: none sent.
    std::string token;
    // File the token is read from when --token is not given (--token-file).
    std::string tokenFile;
    // PEM file of the gateway's CA (--ca, SUANLI_CA); empty: the system's roots.
    std::string caFile;
    bool json = false;
    // Deadline of each unary call (--timeout).
    double timeoutSeconds = 15;
};

} // namespace suanli::ctl
