// watch: the Watch* streams of every collection, one line per change.
#include "common/Describe.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"

#include <chrono>
#include <grpcpp/support/sync_stream.h>
#include <thread>

namespace suanli::ctl {

namespace {

std::string describe(const v1::Node &n)
{
    return n.name() + " " + stateName(n.state())
        + (n.reason().empty() ? "" : " (" + n.reason() + ")");
}

std::string describe(const v1::Job &j)
{
    std::string text = j.id() + " " + stateName(j.state()) + " " + j.tenant()
        + (j.project().empty() ? "" : "/" + j.project()) + " " + std::to_string(j.accelerators())
        + " " + modelDisplayName(j.model(), j.model_name());
    std::string why = pendingReasonText(j);
    if (why.empty())
        why = j.failure_reason();
    return why.empty() ? text : text + " (" + why + ")";
}

std::string describe(const v1::Alert &a)
{
    std::string text
        = a.id() + " " + stateName(a.severity()) + " " + a.target() + ": " + a.summary();
    if (a.acknowledged())
        text += " [acknowledged by " + a.acknowledged_by() + "]";
    if (a.clear_time().seconds() > 0)
        text += " [cleared]";
    return text;
}

std::string describe(const v1::Queue &q)
{
    std::int64_t free = 0;
    for (const v1::AcceleratorCounts &c : q.accelerators())
        free += c.free();
    return q.name() + " " + (q.state().empty() ? "-" : q.state()) + ": "
        + std::to_string(q.jobs_running()) + " running, " + std::to_string(q.jobs_pending())
        + " pending, " + std::to_string(free) + " accelerators free";
}

std::string describe(const v1::QuotaRequest &r)
{
    return r.id() + " " + stateName(r.state()) + " " + r.tenant()
        + (r.project().empty() ? "" : "/" + r.project()) + " " + modelShortName(r.model()) + " "
        + std::to_string(r.current_max_accelerators()) + " -> "
        + std::to_string(r.max_accelerators()) + " by " + r.requester();
}

// Reads a stream until it ends, --count messages arrived, or the process is interrupted. A
// stream that was open and then lost its gateway (stopped, restarting, unreachable: UNAVAILABLE)
// says so and opens again where it stopped: from the revision after the last one it printed
// when the gateway still has it, or a new snapshot when the gateway's epoch changed. A gateway
// never reached is an error, as for any command.
template <typename Event, typename Open>
int watch(const Invocation &inv, const Connection &connection, const Output &output,
    const std::string &kind, Open open)
{
    const std::int64_t count = inv.integer("count");
    std::int64_t received = 0;
    bool stale = false;
    bool connected = false;
    bool lost = false;
    v1::WatchRequest request; // since_revision 0: a snapshot first
    std::ostream &out = output.out();
    auto say = [&](const std::string &line) {
        if (output.json())
            output.err() << "suanlictl: " << line << '\n';
        else
            out << line << '\n' << std::flush;
    };
    for (;;) {
        grpc::ClientContext context;
        connection.prepare(context, false);
        std::unique_ptr<grpc::ClientReader<Event>> reader = open(&context, request);
        Event event;
        while (reader->Read(&event)) {
            ++received;
            const v1::WatchHeader &header = event.header();
            if (lost) {
                lost = false;
                say("RESPONDING the gateway at " + output.server() + " answers again");
            }
            connected = true;
            // Resume after a batch or a whole snapshot, never from inside one.
            if (header.revision() > 0
                && (header.kind() != v1::WATCH_EVENT_KIND_SNAPSHOT || header.last_chunk())) {
                request.set_since_revision(header.revision());
                request.set_epoch(header.epoch());
            }
            if (output.json()) {
                output.printJsonLine(event);
            } else {
                if (header.stale() != stale) {
                    stale = header.stale();
                    if (stale)
                        out << "STALE the scheduler is not answering; data as of "
                            << formatTime(header.data_time()) << '\n';
                    else
                        out << "LIVE the scheduler answers again\n";
                }
                const char *verb
                    = header.kind() == v1::WATCH_EVENT_KIND_SNAPSHOT ? "SNAPSHOT" : "UPDATE";
                for (const auto &item : event.upserts())
                    out << verb << ' ' << kind << ' ' << describe(item) << '\n';
                for (const std::string &name : event.removed())
                    out << "DELETE " << kind << ' ' << name << '\n';
                out.flush();
            }
            if (count > 0 && received >= count) {
                context.TryCancel();
                break;
            }
        }
        const grpc::Status status = reader->Finish();
        if (count > 0 && received >= count)
            return 0;
        if (status.ok())
            return 0;
        if (!connected || status.error_code() != grpc::StatusCode::UNAVAILABLE)
            return output.rpcError(status);
        if (!lost) {
            lost = true;
            say("NOT RESPONDING the gateway at " + output.server()
                + " does not answer; trying again");
        }
        // gRPC's own reconnect backoff paces the attempts; a stream refused at once waits here.
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
}

} // namespace

int runWatch(const Invocation &inv, const Connection &connection, const Output &output)
{
    const std::string what = inv.command.substr(inv.command.find(' ') + 1);
    if (what == "nodes") {
        auto stub = v1::Cluster::NewStub(connection.channel());
        return watch<v1::NodesEvent>(inv, connection, output, "node",
            [&](auto *c, auto &r) { return stub->WatchNodes(c, r); });
    }
    if (what == "jobs") {
        auto stub = v1::Scheduler::NewStub(connection.channel());
        return watch<v1::JobsEvent>(inv, connection, output, "job",
            [&](auto *c, auto &r) { return stub->WatchJobs(c, r); });
    }
    if (what == "queues") {
        auto stub = v1::Scheduler::NewStub(connection.channel());
        return watch<v1::QueuesEvent>(inv, connection, output, "queue",
            [&](auto *c, auto &r) { return stub->WatchQueues(c, r); });
    }
    if (what == "alerts") {
        auto stub = v1::Events::NewStub(connection.channel());
        return watch<v1::AlertsEvent>(inv, connection, output, "alert",
            [&](auto *c, auto &r) { return stub->WatchAlerts(c, r); });
    }
    auto stub = v1::Tenancy::NewStub(connection.channel());
    return watch<v1::QuotaRequestsEvent>(inv, connection, output, "quota-request",
        [&](auto *c, auto &r) { return stub->WatchQuotaRequests(c, r); });
}

} // namespace suanli::ctl
