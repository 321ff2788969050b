#pragma once

#include "suanli/v1/common.pb.h"

#include <google/protobuf/message.h>
#include <grpcpp/support/status.h>
#include <ostream>
#include <string>

namespace suanli::ctl {

// Where suanlictl's results and errors go, and in which form (human text or JSON).
class Output {
public:
    Output(std::ostream &out, std::ostream &err, bool json, std::string server);

    bool json() const { return m_json; }
    std::ostream &out() const { return m_out; }
    std::ostream &err() const { return m_err; }
    // The gateway's address, as the user gave it.
    const std::string &server() const { return m_server; }

    // One JSON document (indented), as the result of a command.
    void printJson(const google::protobuf::Message &message) const;
    // One JSON object on one line, for watch streams; flushed.
    void printJsonLine(const google::protobuf::Message &message) const;
    // Prints "suanlictl: CODE: message" and a hint to the error stream (an unreachable gateway,
    // or a gateway that is up with its scheduler unreachable); returns exit code 1.
    int rpcError(const grpc::Status &status) const;
    // Human: one line per target, "NAME: ok" or "NAME: CODE: message". Returns 0, or 1 when
    // any target failed.
    int targetResults(const google::protobuf::RepeatedPtrField<v1::TargetResult> &results) const;
    // The answer of a batch action: the RPC error, or the response as JSON or one line per
    // target. Returns 0 when every target was applied, 1 otherwise.
    int batchResult(const grpc::Status &status, const google::protobuf::Message &response,
        const google::protobuf::RepeatedPtrField<v1::TargetResult> &results) const;

private:
    std::ostream &m_out;
    std::ostream &m_err;
    bool m_json;
    std::string m_server;
};

} // namespace suanli::ctl
