// queues and jobs: the Scheduler service.
#include "common/Describe.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Paging.h"
#include "tools/suanlictl/Table.h"

#include <algorithm>
#include <chrono>

namespace suanli::ctl {

namespace {

constexpr auto kRight = Table::Align::Right;

void printField(std::ostream &out, const std::string &name, const std::string &value)
{
    out << name << std::string(name.size() < 14 ? 14 - name.size() : 1, ' ') << value << '\n';
}

double nowSeconds()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

double seconds(const google::protobuf::Timestamp &t)
{
    return static_cast<double>(t.seconds()) + t.nanos() / 1e9;
}

bool isSet(const google::protobuf::Timestamp &t)
{
    return t.seconds() != 0 || t.nanos() != 0;
}

std::string modelOf(const v1::Job &j)
{
    if (j.model() == v1::ACCELERATOR_MODEL_OTHER || j.model() == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return j.model_name().empty() ? "-" : j.model_name();
    return modelShortName(j.model());
}

std::string owner(const v1::Job &j)
{
    return j.project().empty() ? j.tenant() : j.tenant() + "/" + j.project();
}

// How long the job has waited (pending, held) or run (otherwise), as far as known.
std::string elapsed(const v1::Job &j)
{
    const double now = nowSeconds();
    if (isSet(j.start_time()))
        return formatDuration(
            (isSet(j.end_time()) ? seconds(j.end_time()) : now) - seconds(j.start_time()));
    if (isSet(j.submit_time()))
        return formatDuration(
            (isSet(j.end_time()) ? seconds(j.end_time()) : now) - seconds(j.submit_time()));
    return "-";
}

// Why it waits (pending, held), with the gateway's current figures for a quota, or why it failed.
std::string why(const v1::Job &j)
{
    if (j.state() == v1::JOB_STATE_PENDING || j.state() == v1::JOB_STATE_HELD)
        return j.pending_reason_text().empty() ? pendingReasonText(j) : j.pending_reason_text();
    return j.failure_reason();
}

void printJob(const v1::Job &j, std::ostream &out)
{
    printField(out, "id", j.id());
    printField(out, "name", j.name());
    printField(out, "state", stateName(j.state()));
    if (const std::string reason = why(j); !reason.empty())
        printField(out, j.state() == v1::JOB_STATE_FAILED ? "failure" : "why", reason);
    if (!j.pending_reason_raw().empty())
        printField(out, "scheduler says", j.pending_reason_raw());
    printField(out, "tenant", owner(j));
    printField(out, "user", j.user());
    printField(out, "queue", j.queue());
    printField(out, "workload", j.workload().empty() ? "-" : j.workload());
    const int nodeCount = std::max(j.nodes_requested(), j.nodes_size());
    printField(out, "accelerators",
        std::to_string(j.accelerators()) + " " + modelDisplayName(j.model(), j.model_name())
            + (nodeCount > 0
                    ? " on " + std::to_string(nodeCount) + " node" + (nodeCount == 1 ? "" : "s")
                    : ""));
    std::string nodes;
    for (const std::string &n : j.nodes())
        nodes += (nodes.empty() ? "" : ", ") + n;
    printField(out, "nodes", nodes.empty() ? "-" : nodes);
    printField(out, "priority", std::to_string(j.priority()));
    printField(out, "submitted", formatTime(j.submit_time()));
    printField(out, "started", formatTime(j.start_time()));
    printField(out, "ended", formatTime(j.end_time()));
    printField(out, "time limit",
        j.time_limit_seconds() > 0 ? formatDuration(static_cast<double>(j.time_limit_seconds()))
                                   : "-");
    if (j.state() == v1::JOB_STATE_COMPLETED || j.state() == v1::JOB_STATE_FAILED
        || j.state() == v1::JOB_STATE_CANCELLED)
        printField(out, "exit code", std::to_string(j.exit_code()));
}

int finishAction(
    const grpc::Status &status, const v1::JobActionResponse &response, const Output &output)
{
    return output.batchResult(status, response, response.results());
}

} // namespace

int runQueues(const Invocation &, const Connection &connection, const Output &output)
{
    auto stub = v1::Scheduler::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    v1::ListQueuesResponse queues;
    const grpc::Status status = stub->ListQueues(&context, v1::ListQueuesRequest(), &queues);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json()) {
        output.printJson(queues);
        return 0;
    }
    Table table({ { "NAME" }, { "STATE" }, { "NODES", kRight }, { "MODELS" }, { "ACC", kRight },
        { "FREE", kRight }, { "RUNNING", kRight }, { "PENDING", kRight }, { "HELD", kRight },
        { "WAIT P50", kRight }, { "WAIT P95", kRight }, { "LARGEST", kRight },
        { "MAX TIME", kRight } });
    for (const v1::Queue &q : queues.queues()) {
        std::string models;
        std::int64_t total = 0, free = 0;
        for (const v1::AcceleratorCounts &c : q.accelerators()) {
            const bool other = c.model() == v1::ACCELERATOR_MODEL_OTHER
                || c.model() == v1::ACCELERATOR_MODEL_UNSPECIFIED;
            models += (models.empty() ? "" : ",")
                + (other && !c.model_name().empty() ? c.model_name() : modelShortName(c.model()));
            total += c.total();
            free += c.free();
        }
        table.addRow({ q.name() + (q.is_default() ? "*" : ""), q.state().empty() ? "-" : q.state(),
            std::to_string(q.nodes_available()) + "/" + std::to_string(q.nodes_total()),
            models.empty() ? "-" : models, std::to_string(total), std::to_string(free),
            std::to_string(q.jobs_running()), std::to_string(q.jobs_pending()),
            std::to_string(q.jobs_held()), formatDuration(q.wait_seconds_p50()),
            formatDuration(q.wait_seconds_p95()),
            std::to_string(q.largest_startable_accelerators()),
            q.max_time_seconds() > 0 ? formatDuration(static_cast<double>(q.max_time_seconds()))
                                     : "-" });
    }
    table.print(output.out());
    return 0;
}

int runJobs(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Scheduler::NewStub(connection.channel());
    if (inv.command == "jobs list") {
        v1::ListJobsRequest request;
        request.set_filter(inv.value("filter"));
        request.set_order_by(inv.value("order-by"));
        v1::ListJobsResponse all;
        const grpc::Status status = fetchAllPages(
            connection, request, inv.integer("limit"),
            [&](grpc::ClientContext *c, const v1::ListJobsRequest &r, v1::ListJobsResponse *p) {
                return stub->ListJobs(c, r, p);
            },
            [](v1::ListJobsResponse &r) { return r.mutable_jobs(); }, &all);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(all);
            return 0;
        }
        if (all.jobs().empty()) {
            output.err() << "no jobs found\n";
            return 0;
        }
        Table table({ { "ID" }, { "NAME" }, { "TENANT/PROJECT" }, { "USER" }, { "QUEUE" },
            { "STATE" }, { "ACC", kRight }, { "MODEL" }, { "PRIO", kRight }, { "SUBMITTED" },
            { "TIME", kRight }, { "WHY" } });
        for (const v1::Job &j : all.jobs()) {
            table.addRow({ j.id(), j.name(), owner(j), j.user(), j.queue(), stateName(j.state()),
                std::to_string(j.accelerators()), modelOf(j), std::to_string(j.priority()),
                formatTimeShort(j.submit_time()), elapsed(j), why(j) });
        }
        table.print(output.out());
        if (all.total_size() > all.jobs_size())
            output.err() << "showing " << all.jobs_size() << " of " << all.total_size()
                         << " jobs\n";
        return 0;
    }
    if (inv.command == "jobs show") {
        grpc::ClientContext context;
        connection.prepare(context);
        v1::GetJobRequest request;
        request.set_id(inv.args[0]);
        v1::Job job;
        const grpc::Status status = stub->GetJob(&context, request, &job);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json())
            output.printJson(job);
        else
            printJob(job, output.out());
        return 0;
    }

    grpc::ClientContext context;
    connection.prepare(context);
    v1::JobActionResponse response;
    if (inv.command == "jobs priority") {
        v1::SetJobPriorityRequest request;
        for (const std::string &id : inv.args)
            request.add_ids(id);
        request.set_priority(inv.integer("value"));
        request.set_reason(inv.value("reason"));
        request.set_request_id(Connection::newRequestId());
        return finishAction(stub->SetJobPriority(&context, request, &response), response, output);
    }
    v1::JobActionRequest request;
    for (const std::string &id : inv.args)
        request.add_ids(id);
    request.set_reason(inv.value("reason"));
    request.set_request_id(Connection::newRequestId());
    grpc::Status status;
    if (inv.command == "jobs cancel")
        status = stub->CancelJobs(&context, request, &response);
    else if (inv.command == "jobs hold")
        status = stub->HoldJobs(&context, request, &response);
    else if (inv.command == "jobs release")
        status = stub->ReleaseJobs(&context, request, &response);
    else
        status = stub->RequeueJobs(&context, request, &response);
    return finishAction(status, response, output);
}

} // namespace suanli::ctl
