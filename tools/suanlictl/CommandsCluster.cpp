// overview and nodes: the Cluster service.
#include "common/Describe.h"
#include "common/OverviewCounts.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Paging.h"
#include "tools/suanlictl/Table.h"

#include <algorithm>
#include <vector>

namespace suanli::ctl {

namespace {

constexpr auto kRight = Table::Align::Right;

void printField(std::ostream &out, const std::string &name, const std::string &value)
{
    out << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << value << '\n';
}

// "allocated 1500, mixed 300, idle 200": named counts in the order the names are given, then
// any other names.
std::string counts(const std::vector<std::pair<std::string, std::int64_t>> &named,
    const std::vector<std::string> &order)
{
    std::string out;
    auto add = [&](const std::string &name, std::int64_t n) {
        if (n != 0)
            out += (out.empty() ? "" : ", ") + name + " " + std::to_string(n);
    };
    for (const std::string &name : order) {
        for (const auto &[other, n] : named)
            if (other == name)
                add(name, n);
    }
    std::vector<std::pair<std::string, std::int64_t>> rest;
    for (const auto &[name, n] : named) {
        if (std::find(order.begin(), order.end(), name) == order.end())
            rest.emplace_back(name, n);
    }
    std::sort(rest.begin(), rest.end());
    for (const auto &[name, n] : rest)
        add(name, n);
    return out.empty() ? "none" : out;
}

std::vector<std::pair<std::string, std::int64_t>> nodeStateCounts(const v1::Overview &o)
{
    std::vector<std::pair<std::string, std::int64_t>> named;
    for (const v1::NodeStateCount &c : o.node_state_counts())
        named.emplace_back(countName(c.state()), c.nodes());
    return named;
}

std::vector<std::pair<std::string, std::int64_t>> openAlertCounts(const v1::Overview &o)
{
    std::vector<std::pair<std::string, std::int64_t>> named;
    for (const v1::SeverityCount &c : o.open_alert_counts())
        named.emplace_back(countName(c.severity()), c.alerts());
    return named;
}

std::string modelOf(v1::AcceleratorModel model, const std::string &name)
{
    if (model == v1::ACCELERATOR_MODEL_OTHER || model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return name.empty() ? modelShortName(model) : name;
    return modelShortName(model);
}

std::string joined(const google::protobuf::RepeatedPtrField<std::string> &items)
{
    std::string out;
    for (const std::string &item : items)
        out += (out.empty() ? "" : ",") + item;
    return out.empty() ? "-" : out;
}

std::string stateWithReason(const v1::Node &n)
{
    std::string text = stateName(n.state());
    if (n.reboot_pending())
        text += ", reboot pending";
    if (!n.reason().empty()) {
        text += ": " + n.reason();
        if (!n.reason_user().empty() || n.has_reason_time()) {
            text += " (";
            if (!n.reason_user().empty())
                text += "by " + n.reason_user();
            if (n.has_reason_time())
                text += std::string(n.reason_user().empty() ? "" : ", ") + "since "
                    + formatTime(n.reason_time());
            text += ")";
        }
    }
    return text;
}

void printNodeTable(const google::protobuf::RepeatedPtrField<v1::Node> &nodes, std::ostream &out)
{
    Table table({ { "NAME" }, { "STATE" }, { "MODEL" }, { "ACC", kRight }, { "ALLOC", kRight },
        { "FAILED", kRight }, { "UTIL", kRight }, { "TEMP", kRight }, { "POWER", kRight },
        { "JOBS", kRight }, { "QUEUES" }, { "REASON" } });
    for (const v1::Node &n : nodes) {
        const bool t = n.has_telemetry();
        table.addRow({ n.name(), stateName(n.state()) + (n.reboot_pending() ? "+reboot" : ""),
            modelOf(n.model(), n.model_name()), std::to_string(n.accelerators_total()),
            std::to_string(n.accelerators_allocated()), std::to_string(n.accelerators_failed()),
            t ? formatPercent(n.utilisation_percent()) : "-",
            t ? formatNumber(n.temperature_celsius(), 0) + "°C" : "-",
            t ? formatPower(n.power_watts()) : "-", std::to_string(n.job_ids_size()),
            joined(n.queues()), n.reason() });
    }
    table.print(out);
}

void printNode(const v1::Node &n, std::ostream &out)
{
    printField(out, "name", n.name());
    printField(out, "rack", n.rack());
    printField(out, "state", stateWithReason(n));
    printField(out, "queues", joined(n.queues()));
    const std::string model = modelDisplayName(n.model(), n.model_name());
    printField(out, "model",
        n.model_name().empty() || n.model_name() == model ? model
                                                          : model + " (" + n.model_name() + ")");
    printField(out, "accelerators",
        std::to_string(n.accelerators_total()) + " total, "
            + std::to_string(n.accelerators_allocated()) + " allocated, "
            + std::to_string(n.accelerators_failed()) + " failed");
    printField(out, "cpus",
        std::to_string(n.cpus_allocated()) + "/" + std::to_string(n.cpus_total())
            + " allocated, load "
            + (n.has_cpu_load() ? formatNumber(n.cpu_load(), 1) : std::string("unknown")));
    printField(out, "memory",
        formatBytes(n.memory_allocated_bytes()) + " of " + formatBytes(n.memory_total_bytes())
            + " allocated");
    if (n.has_telemetry()) {
        printField(out, "telemetry",
            "util " + formatPercent(n.utilisation_percent()) + ", "
                + formatNumber(n.temperature_celsius(), 0) + "°C, " + formatPower(n.power_watts())
                + ", accelerator memory " + formatPercent(n.accelerator_memory_used_percent()));
    } else {
        printField(out, "telemetry", "none from this backend");
    }
    printField(out, "jobs", joined(n.job_ids()));
    printField(out, "booted", formatTime(n.boot_time()));
    if (n.accelerators().empty())
        return;
    out << '\n';
    Table table(
        { { "IDX", kRight }, { "MODEL" }, { "HEALTH" }, { "UTIL", kRight }, { "MEMORY", kRight },
            { "TEMP", kRight }, { "POWER", kRight }, { "ECC", kRight }, { "JOB" }, { "FAULT" } });
    for (const v1::Accelerator &a : n.accelerators()) {
        const bool t = a.has_telemetry();
        table.addRow({ std::to_string(a.index()), modelOf(a.model(), a.model_name()),
            stateName(a.health()), t ? formatPercent(a.utilisation_percent()) : "-",
            t ? formatBytes(a.memory_used_bytes()) + "/" + formatBytes(a.memory_total_bytes())
              : "-",
            t ? formatNumber(a.temperature_celsius(), 0) + "°C" : "-",
            t ? formatPower(a.power_watts()) : "-", std::to_string(a.ecc_errors()),
            a.job_id().empty() ? "-" : a.job_id(), a.fault() });
    }
    table.print(out);
}

int nodeAction(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Cluster::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    v1::NodeActionResponse response;
    grpc::Status status;
    auto fill = [&](auto &request) {
        for (const std::string &name : inv.args)
            request.add_names(name);
        request.set_reason(inv.value("reason"));
        request.set_request_id(Connection::newRequestId());
    };
    if (inv.command == "nodes drain") {
        v1::DrainNodesRequest request;
        fill(request);
        status = stub->DrainNodes(&context, request, &response);
    } else if (inv.command == "nodes resume") {
        v1::ResumeNodesRequest request;
        fill(request);
        status = stub->ResumeNodes(&context, request, &response);
    } else {
        v1::RebootNodesRequest request;
        fill(request);
        status = stub->RebootNodes(&context, request, &response);
    }
    return output.batchResult(status, response, response.results());
}

} // namespace

int runOverview(const Invocation &, const Connection &connection, const Output &output)
{
    auto stub = v1::Cluster::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    v1::Overview o;
    const grpc::Status status = stub->GetOverview(&context, v1::GetOverviewRequest(), &o);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json()) {
        output.printJson(o);
        return 0;
    }
    std::ostream &out = output.out();
    std::string site = o.site();
    if (!o.site_name_zh().empty())
        site += " " + o.site_name_zh();
    if (!o.province().empty())
        site += " (" + o.province() + ")";
    printField(out, "site", site);
    printField(out, "data",
        formatTime(o.data_time()) + (o.stale() ? "  STALE: the scheduler is not answering" : ""));
    printField(out, "nodes",
        std::to_string(o.nodes_total()) + ": "
            + counts(nodeStateCounts(o),
                { "allocated", "mixed", "idle", "draining", "drained", "down", "maintenance" }));
    printField(out, "jobs",
        std::to_string(o.jobs_running()) + " running, " + std::to_string(o.jobs_pending())
            + " pending, " + std::to_string(o.jobs_held()) + " held");
    printField(out, "wait",
        "p50 " + formatDuration(o.wait_seconds_p50()) + ", p95 "
            + formatDuration(o.wait_seconds_p95()) + " (jobs started in the last hour)");
    // Without accelerator telemetry the gateway leaves these figures at 0:
    // say there is no data rather than print invented zeros. PUE and the
    // grid's carbon intensity are the site's configured facts; without them
    // facility power and emissions are not known either.
    const bool telemetry = o.telemetry_available();
    const std::string noData = "no data";
    const std::string notConfigured = "not configured";
    printField(out, "utilisation", telemetry ? formatPercent(o.utilisation_percent()) : noData);
    printField(out, "power",
        "IT " + (telemetry ? formatPower(o.it_power_watts()) : noData) + ", facility "
            + (!telemetry                          ? noData
                    : o.has_facility_power_watts() ? formatPower(o.facility_power_watts())
                                                   : notConfigured)
            + ", PUE " + (o.has_pue() ? formatNumber(o.pue(), 2) : notConfigured));
    printField(out, "carbon",
        (o.has_carbon_intensity_g_per_kwh()
                ? formatNumber(o.carbon_intensity_g_per_kwh(), 0) + " gCO2/kWh"
                : "grid carbon " + notConfigured)
            + ", "
            + (!telemetry ? noData + " for emissions"
                    : o.has_emissions_kg_per_hour()
                    ? formatNumber(o.emissions_kg_per_hour(), 0) + " kg CO2 an hour"
                    : "emissions " + notConfigured));
    if (o.peak_tflops_fp16() > 0)
        printField(out, "peak", formatFlops(o.peak_tflops_fp16()) + " FP16");
    printField(out, "open alerts", counts(openAlertCounts(o), { "critical", "warning", "info" }));
    if (o.accelerators().empty())
        return 0;
    out << '\n';
    Table table({ { "MODEL" }, { "TOTAL", kRight }, { "IN USE", kRight }, { "FREE", kRight },
        { "DOWN", kRight }, { "UNAVAILABLE", kRight }, { "UTIL", kRight } });
    for (const v1::AcceleratorCounts &c : o.accelerators()) {
        table.addRow({ modelOf(c.model(), c.model_name()), std::to_string(c.total()),
            std::to_string(c.in_use()), std::to_string(c.free()), std::to_string(c.down()),
            std::to_string(c.unavailable()),
            telemetry ? formatPercent(c.utilisation_percent()) : "-" });
    }
    table.print(out);
    return 0;
}

int runNodes(const Invocation &inv, const Connection &connection, const Output &output)
{
    if (inv.command == "nodes list") {
        auto stub = v1::Cluster::NewStub(connection.channel());
        v1::ListNodesRequest request;
        request.set_filter(inv.value("filter"));
        request.set_order_by(inv.value("order-by"));
        v1::ListNodesResponse all;
        const grpc::Status status = fetchAllPages(
            connection, request, inv.integer("limit"),
            [&](grpc::ClientContext *c, const v1::ListNodesRequest &r, v1::ListNodesResponse *p) {
                return stub->ListNodes(c, r, p);
            },
            [](v1::ListNodesResponse &r) { return r.mutable_nodes(); }, &all);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(all);
            return 0;
        }
        if (all.nodes().empty()) {
            output.err() << "no nodes found\n";
            return 0;
        }
        printNodeTable(all.nodes(), output.out());
        if (all.total_size() > all.nodes_size())
            output.err() << "showing " << all.nodes_size() << " of " << all.total_size()
                         << " nodes\n";
        return 0;
    }
    if (inv.command == "nodes show") {
        auto stub = v1::Cluster::NewStub(connection.channel());
        grpc::ClientContext context;
        connection.prepare(context);
        v1::GetNodeRequest request;
        request.set_name(inv.args[0]);
        v1::Node node;
        const grpc::Status status = stub->GetNode(&context, request, &node);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json())
            output.printJson(node);
        else
            printNode(node, output.out());
        return 0;
    }
    return nodeAction(inv, connection, output);
}

} // namespace suanli::ctl
