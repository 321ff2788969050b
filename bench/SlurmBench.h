#pragma once
// What the Slurm benchmarks share: slurmctld's and slurmdbd's RPC counts, a
// console that watches every stream of the API, and a process's CPU and memory.
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/slurm/SlurmCluster.h"

#include <atomic>
#include <csignal>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

namespace suanli::bench {

using namespace suanli::test;
namespace v1 = suanli::v1;

// RPC counts parsed from sdiag's "Remote Procedure Call statistics" sections
// or from `sacctmgr show stats`.
struct RpcCounts {
    std::map<std::string, long> byType;
    std::map<std::string, long> byUser;
    // sdiag's total_time by message type: microseconds slurmctld spent serving them.
    std::map<std::string, long> microsByType;
    long total() const
    {
        long n = 0;
        for (const auto &[k, v] : byType)
            n += v;
        return n;
    }
};

// Lines like "\tREQUEST_JOB_INFO ( 2003) count:12 ave_time:..." under a
// heading that says "by message type" or "by user".
inline RpcCounts parseRpcStats(const std::string &text)
{
    RpcCounts counts;
    std::map<std::string, long> *section = nullptr;
    for (const std::string &line : lines(text)) {
        if (line.find("by message type") != std::string::npos) {
            section = &counts.byType;
            continue;
        }
        if (line.find("by user") != std::string::npos) {
            section = &counts.byUser;
            continue;
        }
        const auto count = line.find("count:");
        if (count == std::string::npos) {
            if (!line.empty() && line[0] != '\t' && line[0] != ' ')
                section = nullptr; // another heading
            continue;
        }
        if (!section)
            continue;
        std::istringstream in(line);
        std::string name;
        in >> name;
        (*section)[name] += std::atol(line.c_str() + count + 6);
        const auto total = line.find("total_time:");
        if (section == &counts.byType && total != std::string::npos)
            counts.microsByType[name] += std::atol(line.c_str() + total + 11);
    }
    return counts;
}

// One console: a channel of its own with every watch stream of the API open.
class Console {
public:
    Console(const GatewayProcess &gateway, const std::string &token)
    {
        m_channel = gateway.channel();
        auto cluster = v1::Cluster::NewStub(m_channel);
        auto scheduler = v1::Scheduler::NewStub(m_channel);
        auto events = v1::Events::NewStub(m_channel);
        auto tenancy = v1::Tenancy::NewStub(m_channel);
        start<v1::NodesEvent>(token, [s = std::shared_ptr(std::move(cluster))](auto *c) {
            return s->WatchNodes(c, v1::WatchRequest());
        });
        start<v1::JobsEvent>(token, [s = std::shared_ptr(std::move(scheduler))](auto *c) {
            return s->WatchJobs(c, v1::WatchRequest());
        });
        auto scheduler2 = v1::Scheduler::NewStub(m_channel);
        start<v1::QueuesEvent>(token, [s = std::shared_ptr(std::move(scheduler2))](auto *c) {
            return s->WatchQueues(c, v1::WatchRequest());
        });
        start<v1::AlertsEvent>(token, [s = std::shared_ptr(std::move(events))](auto *c) {
            return s->WatchAlerts(c, v1::WatchRequest());
        });
        auto tenancy2 = v1::Tenancy::NewStub(m_channel);
        start<v1::TenantsEvent>(token, [s = std::shared_ptr(std::move(tenancy))](auto *c) {
            return s->WatchTenants(c, v1::WatchRequest());
        });
        start<v1::QuotaRequestsEvent>(token, [s = std::shared_ptr(std::move(tenancy2))](auto *c) {
            return s->WatchQuotaRequests(c, v1::WatchRequest());
        });
        auto cluster2 = v1::Cluster::NewStub(m_channel);
        start<v1::Overview>(token, [s = std::shared_ptr(std::move(cluster2))](auto *c) {
            return s->WatchOverview(c, v1::GetOverviewRequest());
        });
    }
    ~Console()
    {
        m_stopping = true;
        for (auto &c : m_contexts)
            c->TryCancel();
        for (auto &t : m_threads)
            t.join();
    }
    long messages() const { return m_messages.load(); }
    int failedStreams() const { return m_failed.load(); }

private:
    template <typename Event, typename Open> void start(const std::string &token, Open open)
    {
        auto ctx = std::make_unique<grpc::ClientContext>();
        ctx->AddMetadata("authorization", "Bearer " + token);
        grpc::ClientContext *raw = ctx.get();
        m_contexts.push_back(std::move(ctx));
        m_threads.emplace_back([this, raw, open] {
            auto reader = open(raw);
            Event event;
            while (reader->Read(&event))
                ++m_messages;
            if (!reader->Finish().ok() && !m_stopping)
                ++m_failed;
        });
    }

    std::shared_ptr<grpc::Channel> m_channel;
    std::vector<std::unique_ptr<grpc::ClientContext>> m_contexts;
    std::vector<std::thread> m_threads;
    std::atomic<long> m_messages { 0 };
    std::atomic<int> m_failed { 0 };
    std::atomic<bool> m_stopping { false };
};

// Resident memory of a process in KiB (-1 when it is gone).
inline long rssKb(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0)
            return std::stol(line.substr(6));
    return -1;
}

// CPU seconds (user + system) a process has used.
inline double cpuSeconds(int pid)
{
    std::ifstream in("/proc/" + std::to_string(pid) + "/stat");
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto close = stat.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(stat.substr(close + 2));
    std::string f;
    long utime = 0, stime = 0;
    for (int i = 3; i <= 15 && fields >> f; ++i) {
        if (i == 14)
            utime = std::stol(f);
        else if (i == 15)
            stime = std::stol(f);
    }
    return double(utime + stime) / double(sysconf(_SC_CLK_TCK));
}

// A daemon of the cluster in DIR, from the pid file scripts/slurm/start.sh wrote.
inline int daemonPid(const std::string &dir, const std::string &name)
{
    std::ifstream in(dir + "/run/pids/" + name + ".pid");
    int pid = 0;
    in >> pid;
    return pid > 0 && ::kill(pid, 0) == 0 ? pid : 0;
}

} // namespace suanli::bench
