#include "tools/suanlictl/Output.h"

#include "common/ErrorInfo.h"
#include "common/StatusCodes.h"

#include <algorithm>
#include <google/protobuf/util/json_util.h>

namespace suanli::ctl {

namespace {

std::string toJson(const google::protobuf::Message &message, bool indent)
{
    google::protobuf::util::JsonPrintOptions options;
    options.add_whitespace = indent;
    options.always_print_primitive_fields = true;
    options.preserve_proto_field_names = true;
    std::string json;
    const auto status = google::protobuf::util::MessageToJsonString(message, &json, options);
    if (!status.ok())
        return "{}";
    if (!indent) {
        // MessageToJsonString writes one line without whitespace; keep it so.
        return json;
    }
    while (!json.empty() && json.back() == '\n')
        json.pop_back();
    return json;
}

} // namespace

Output::Output(std::ostream &out, std::ostream &err, bool json, std::string server)
    : m_out(out)
    , m_err(err)
    , m_json(json)
    , m_server(std::move(server))
{
}

void Output::printJson(const google::protobuf::Message &message) const
{
    m_out << toJson(message, true) << '\n';
}

void Output::printJsonLine(const google::protobuf::Message &message) const
{
    m_out << toJson(message, false) << std::endl;
}

int Output::rpcError(const grpc::Status &status) const
{
    m_err << "suanlictl: " << statusCodeName(status.error_code()) << ": " << status.error_message()
          << '\n';
    const std::string &message = status.error_message();
    const auto info = decodeErrorInfo(status.error_details());
    switch (status.error_code()) {
    case grpc::StatusCode::UNAVAILABLE:
        if (info && info->reason == kSchedulerUnreachable) {
            const std::string backend = info->value("backend");
            const std::string seconds = info->value("unreachable_seconds");
            m_err << "suanlictl: the gateway at " << m_server << " is up; the centre's scheduler ("
                  << (backend == "slurm" ? std::string("Slurm") : backend) << ") behind it "
                  << (seconds.empty() ? std::string("does not answer")
                                      : "has not answered for " + seconds + " s")
                  << "\n";
        } else if (message.find("andshake") != std::string::npos
            || message.find("CERTIFICATE") != std::string::npos
            || message.find("certificate") != std::string::npos)
            m_err << "suanlictl: the gateway's certificate did not verify: pass its CA with --ca "
                     "(or SUANLI_CA)\n";
        else
            m_err << "suanlictl: is suanlid running at " << m_server << "?\n";
        break;
    case grpc::StatusCode::UNAUTHENTICATED:
        m_err << "suanlictl: check --token / SUANLI_TOKEN\n";
        break;
    case grpc::StatusCode::DEADLINE_EXCEEDED:
        m_err << "suanlictl: no answer from " << m_server
              << " in time (--timeout); is suanlid running there?\n";
        break;
    default:
        break;
    }
    return 1;
}

int Output::batchResult(const grpc::Status &status, const google::protobuf::Message &response,
    const google::protobuf::RepeatedPtrField<v1::TargetResult> &results) const
{
    if (!status.ok())
        return rpcError(status);
    if (json()) {
        printJson(response);
        return std::all_of(
                   results.begin(), results.end(), [](const v1::TargetResult &r) { return r.ok(); })
            ? 0
            : 1;
    }
    return targetResults(results);
}

int Output::targetResults(const google::protobuf::RepeatedPtrField<v1::TargetResult> &results) const
{
    int failed = 0;
    for (const v1::TargetResult &r : results) {
        if (r.ok()) {
            m_out << r.target() << ": ok\n";
        } else {
            ++failed;
            m_out << r.target() << ": " << (r.code().empty() ? "FAILED" : r.code()) << ": "
                  << r.message() << '\n';
        }
    }
    if (failed > 0) {
        m_err << "suanlictl: " << failed << " of " << results.size() << " target"
              << (results.size() == 1 ? "" : "s") << " failed\n";
    }
    return failed > 0 ? 1 : 0;
}

} // namespace suanli::ctl
