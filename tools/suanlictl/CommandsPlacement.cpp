// suanlictl place: where work of a shape would start, at one centre or at saved centres at once.
#include "common/Describe.h"
#include "common/PlacementRanking.h"
#include "common/PlacementWords.h"
#include "suanli/v1/placement.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Contexts.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Table.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <google/protobuf/struct.pb.h>
#include <google/protobuf/util/json_util.h>
#include <sstream>
#include <thread>

namespace suanli::ctl {

namespace {

const Table::Align kRight = Table::Align::Right;

// Chinese words where the user's locale is Chinese.
bool chinese()
{
    for (const char *name : { "LC_ALL", "LC_MESSAGES", "LANG" }) {
        const char *value = std::getenv(name);
        if (value && *value)
            return std::strncmp(value, "zh", 2) == 0;
    }
    return false;
}

bool readText(const std::string &path, std::string *out, std::string *error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot read " + path + ": " + std::strerror(errno);
        return false;
    }
    std::ostringstream buffer;
    buffer << in.rdbuf();
    *out = buffer.str();
    while (!out->empty() && (out->back() == '\n' || out->back() == '\r' || out->back() == ' '))
        out->pop_back();
    return true;
}

// The shape from the options; false with a usage message.
bool shapeOf(const Invocation &inv, v1::QuotePlacementRequest *request, std::string *error)
{
    std::string models = inv.value("model");
    size_t start = 0;
    while (start <= models.size()) {
        const size_t comma = models.find(',', start);
        const std::string word
            = models.substr(start, comma == std::string::npos ? comma : comma - start);
        if (!word.empty()) {
            if (const auto model = parseModel(word))
                request->add_models(*model);
            else
                request->add_model_names(word);
        }
        if (comma == std::string::npos)
            break;
        start = comma + 1;
    }
    if (request->models_size() + request->model_names_size() == 0) {
        *error = "--model needs one model or a list: 910b or 910b,mlu370";
        return false;
    }
    request->set_accelerators(int32_t(inv.integer("accelerators")));
    request->set_accelerators_per_node(int32_t(inv.integer("per-node")));
    char *end = nullptr;
    const std::string hours = inv.value("hours");
    request->set_hours(std::strtod(hours.c_str(), &end));
    if (hours.empty() || *end != '\0' || !(request->hours() > 0)) {
        *error = "--hours expects hours greater than 0, got \"" + hours + "\"";
        return false;
    }
    const std::string tenant = inv.value("tenant");
    const size_t slash = tenant.find('/');
    request->set_tenant(tenant.substr(0, slash));
    if (slash != std::string::npos)
        request->set_project(tenant.substr(slash + 1));
    request->set_queue(inv.value("queue"));
    return true;
}

CentreAnswer ask(const std::string &centre, const Connection &connection,
    const v1::QuotePlacementRequest &request, grpc::Status *statusOut = nullptr)
{
    CentreAnswer answer;
    answer.centre = centre;
    auto stub = v1::Placement::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    const grpc::Status status = stub->QuotePlacement(&context, request, &answer.response);
    answer.answered = status.ok();
    if (!status.ok())
        answer.error = status.error_message();
    if (statusOut)
        *statusOut = status;
    return answer;
}

std::string reasonsText(const google::protobuf::RepeatedPtrField<v1::PlacementReason> &reasons)
{
    std::string text;
    for (const auto &r : reasons)
        text += (text.empty() ? "" : "; ") + placementObstacleCode(r.obstacle()) + ": "
            + placementReasonText(r, chinese());
    return text;
}

std::string startText(const v1::StartEstimate &e)
{
    return e.start_in_seconds_p50() == 0 ? "now"
                                         : "in " + formatDuration(double(e.start_in_seconds_p50()));
}

int printTable(const std::vector<CentreAnswer> &answers, PlacementOrder order, const Output &output)
{
    if (output.json()) {
        std::string json = "{\"centres\":[";
        for (size_t i = 0; i < answers.size(); ++i) {
            const CentreAnswer &a = answers[i];
            std::string body;
            if (a.answered) {
                google::protobuf::util::JsonPrintOptions options;
                google::protobuf::util::MessageToJsonString(a.response, &body, options);
            }
            std::string centre, error;
            google::protobuf::util::MessageToJsonString(
                [&] {
                    google::protobuf::Value v;
                    v.set_string_value(a.centre);
                    return v;
                }(),
                &centre);
            google::protobuf::util::MessageToJsonString(
                [&] {
                    google::protobuf::Value v;
                    v.set_string_value(a.error);
                    return v;
                }(),
                &error);
            json += std::string(i ? "," : "") + "{\"centre\":" + centre
                + (a.answered ? ",\"answer\":" + body : ",\"error\":" + error) + "}";
        }
        json += "],\"ranking\":[";
        const auto rows = rankPlacements(answers, order);
        bool first = true;
        for (const auto &r : rows) {
            if (!r.runnable)
                continue;
            json += std::string(first ? "" : ",") + "{\"centre\":" + std::to_string(r.answer)
                + ",\"quote\":" + std::to_string(r.quote) + "}";
            first = false;
        }
        output.out() << json << "]}\n";
        return 0;
    }
    Table table({ { "CENTRE" }, { "MODEL" }, { "QUEUE" }, { "FITS NOW" }, { "START P50" },
        { "P10-P90" }, { "HEADROOM", kRight }, { "ENERGY KWH", kRight }, { "CO2 KG", kRight },
        { "DOMESTIC" }, { "WHY NOT" } });
    bool any = false;
    for (const PlacementRow &row : rankPlacements(answers, order)) {
        const CentreAnswer &a = answers[row.answer];
        if (row.quote < 0) {
            table.addRow(
                { a.centre, "-", "-", "-", "-", "-", "-", "-", "-", "-", "no answer: " + a.error });
            continue;
        }
        const auto &q = a.response.quotes(row.quote);
        const auto &f = q.forecast();
        any = any || row.runnable;
        std::string why = reasonsText(a.response.reasons());
        const std::string own = reasonsText(q.reasons());
        why += (why.empty() || own.empty() ? "" : "; ") + own;
        if (!f.available() && !f.message().empty())
            why += (why.empty() ? "" : "; ") + f.message();
        table.addRow({ a.centre, q.model_name(), q.queue().empty() ? "-" : q.queue(),
            q.fits_now() ? "yes" : "no", f.available() ? startText(f) : "-",
            f.available() ? formatDuration(double(f.start_in_seconds_p10())) + "-"
                    + formatDuration(double(f.start_in_seconds_p90()))
                          : "-",
            q.quota_headroom() < 0 ? "no limit" : std::to_string(q.quota_headroom()),
            q.energy_kwh() > 0 ? formatNumber(q.energy_kwh(), 0) : "-",
            q.carbon().g_per_kwh() > 0 ? formatNumber(q.co2_kg(), 0) : "-",
            q.domestic() ? "yes" : "no", why.empty() ? "-" : why });
        for (const auto &other : q.scheduler_estimates())
            table.addRow({ "", "", "", "", other.available() ? startText(other) : "-", "", "", "",
                "", "", other.method() + (other.message().empty() ? "" : ": " + other.message()) });
    }
    table.print(output.out());
    if (!any)
        output.out() << "Nowhere can take it as asked.\n";
    return 0;
}

} // namespace

int runPlace(const Invocation &inv, const Connection &connection, const Output &output)
{
    v1::QuotePlacementRequest request;
    std::string error;
    if (!shapeOf(inv, &request, &error)) {
        output.err() << "suanlictl: " << error << '\n';
        return 2;
    }
    const auto order = parsePlacementOrder(inv.value("order", "soonest"));
    if (!order) {
        output.err() << "suanlictl: --order is soonest, greenest or domestic (got \""
                     << inv.value("order") << "\")\n";
        return 2;
    }

    // One gateway, as the global options name it.
    if (!inv.has("centre") && !inv.has("all-centres")) {
        grpc::Status status;
        const CentreAnswer answer = ask(inv.global.server, connection, request, &status);
        if (!answer.answered)
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(answer.response);
            return 0;
        }
        return printTable({ answer }, *order, output);
    }

    // Saved centres, asked at once; a silent one costs at most the --timeout.
    std::vector<Context> contexts;
    if (!readContexts(contextsPath(), &contexts, &error)) {
        output.err() << "suanlictl: " << error << '\n';
        return 2;
    }
    std::vector<Context> chosen;
    if (inv.has("all-centres")) {
        chosen = contexts;
    } else {
        for (const std::string &name : inv.values("centre")) {
            auto it = std::find_if(
                contexts.begin(), contexts.end(), [&](const Context &c) { return c.name == name; });
            if (it == contexts.end()) {
                std::string known;
                for (const Context &c : contexts)
                    known += (known.empty() ? "" : ", ") + c.name;
                output.err() << "suanlictl: no centre \"" << name << "\" in " << contextsPath()
                             << " (known: " << (known.empty() ? "none" : known) << ")\n";
                return 2;
            }
            chosen.push_back(*it);
        }
    }
    if (chosen.empty()) {
        output.err() << "suanlictl: " << contextsPath() << " names no centre\n";
        return 2;
    }
    std::vector<CentreAnswer> answers(chosen.size());
    std::vector<std::thread> threads;
    for (size_t i = 0; i < chosen.size(); ++i) {
        threads.emplace_back([&, i] {
            const Context &c = chosen[i];
            GlobalOptions options = inv.global;
            options.server = c.server;
            options.token = c.token;
            options.caFile = c.caFile;
            std::string ca, problem;
            if (!c.tokenFile.empty() && !readText(c.tokenFile, &options.token, &problem)) {
                answers[i] = { c.name, false, {}, problem };
                return;
            }
            if (!c.caFile.empty() && !readText(c.caFile, &ca, &problem)) {
                answers[i] = { c.name, false, {}, problem };
                return;
            }
            ca += "\n";
            answers[i]
                = ask(c.name, Connection(options, c.caFile.empty() ? std::string() : ca), request);
        });
    }
    for (auto &t : threads)
        t.join();
    return printTable(answers, *order, output);
}

} // namespace suanli::ctl
