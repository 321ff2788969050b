// suanlid on a real Slurm 22.05 of a real AI centre's size (20,000 nodes,
// 20,000 jobs by default), with the gateway's default options: how long from
// start until every node and job is served, what a tick costs the gateway,
// how much memory the gateway and each Slurm daemon hold over time with 0
// and with many watching consoles, how many RPCs slurmctld serves per minute
// with and without the gateway, how long a change made with scontrol or
// scancel takes to reach a watching console, and how long a new console
// waits for its complete view.
//
//   build/bench/bench_slurm_scale [--cluster DIR] [--nodes 20000] [--jobs 20000]
//       [--minutes 10] [--consoles 50] [--changes 10] [--baseline-seconds 60]
//       [--slurm-api libslurm|rest] [--keep]
//
// DIR holds a lab from scripts/slurm/start.sh --extra-nodes N (started there,
// with N = --nodes and --jobs queued by scripts/slurm/queue-jobs.sh, when none
// runs, and stopped at the end unless --keep). Default DIR: build/slurm-scale.
#include "bench/SlurmBench.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <mutex>

using namespace suanli::test;
using namespace suanli::bench;
using Clock = std::chrono::steady_clock;

namespace {

double secondsSince(Clock::time_point t)
{
    return std::chrono::duration<double>(Clock::now() - t).count();
}

// Reads one collection's watch stream on its own channel, counting the
// snapshot and timing every change it is told to look out for.
template <typename Event> class Watcher {
public:
    using Open = std::function<std::unique_ptr<grpc::ClientReader<Event>>(grpc::ClientContext *)>;
    // What each change in an event is, in words waitFor() can match exactly.
    using Describe = std::function<std::vector<std::string>(const Event &)>;

    Watcher(const std::string &token, Open open, Describe describe)
        : m_context(std::make_unique<grpc::ClientContext>())
    {
        // No deadline: the stream stays open for the whole run.
        m_context->AddMetadata("authorization", "Bearer " + token);
        m_thread = std::thread([this, open, describe] {
            auto reader = open(m_context.get());
            Event event;
            while (reader->Read(&event)) {
                std::lock_guard lock(m_mutex);
                if (!m_snapshotDone) {
                    m_snapshot += event.upserts_size();
                    if (event.header().last_chunk()) {
                        m_snapshotDone = true;
                        m_snapshotAt = Clock::now();
                    }
                } else {
                    for (auto &d : describe(event))
                        m_seen.push_back({ Clock::now(), std::move(d) });
                }
                m_cv.notify_all();
            }
            reader->Finish();
        });
    }
    ~Watcher()
    {
        m_context->TryCancel();
        m_thread.join();
    }
    // Waits for the whole snapshot; returns its size, or -1 on timeout.
    long snapshot(std::chrono::seconds timeout, Clock::time_point *at = nullptr)
    {
        std::unique_lock lock(m_mutex);
        if (!m_cv.wait_for(lock, timeout, [this] { return m_snapshotDone; }))
            return -1;
        if (at)
            *at = m_snapshotAt;
        return m_snapshot;
    }
    // Seconds from `since` until a change described as `what` arrived;
    // negative on timeout.
    double waitFor(const std::string &what, Clock::time_point since, std::chrono::seconds timeout)
    {
        std::unique_lock lock(m_mutex);
        double found = -1;
        m_cv.wait_for(lock, timeout, [&] {
            for (const auto &[at, seen] : m_seen)
                if (at >= since && seen == what) {
                    found = std::chrono::duration<double>(at - since).count();
                    return true;
                }
            return false;
        });
        return found;
    }

private:
    std::unique_ptr<grpc::ClientContext> m_context;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    long m_snapshot = 0;
    bool m_snapshotDone = false;
    Clock::time_point m_snapshotAt;
    std::vector<std::pair<Clock::time_point, std::string>> m_seen;
};

std::vector<std::string> describeNodes(const v1::NodesEvent &e)
{
    std::vector<std::string> out;
    for (const auto &n : e.upserts())
        out.push_back(n.name() + "|" + n.reason());
    return out;
}

std::vector<std::string> describeJobs(const v1::JobsEvent &e)
{
    std::vector<std::string> out;
    for (const auto &j : e.upserts())
        out.push_back(j.id() + "|" + v1::JobState_Name(j.state()));
    for (const auto &r : e.removed())
        out.push_back(r + "|removed");
    return out;
}

struct Stats {
    double median = 0, min = 0, max = 0;
    size_t n = 0;
};
Stats stats(std::vector<double> v)
{
    Stats s;
    if (v.empty())
        return s;
    std::sort(v.begin(), v.end());
    s.n = v.size();
    s.min = v.front();
    s.max = v.back();
    s.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
    return s;
}

long countLines(const std::string &text)
{
    return long(std::count(text.begin(), text.end(), '\n'));
}

void usage(const char *argv0)
{
    std::cout
        << "usage: " << argv0
        << " [--cluster DIR] [--nodes 20000] [--jobs 20000] [--minutes 10]\n"
           "       [--consoles 50] [--changes 10] [--baseline-seconds 60]\n"
           "       [--slurm-api libslurm|rest] [--keep]\n"
           "Starts (or reuses) a Slurm lab of NODES slurmd-less nodes and JOBS queued jobs in DIR\n"
           "and measures suanlid against it with its default options; see the file's header.\n";
}

} // namespace

int main(int argc, char **argv)
{
    std::string dir, api;
    long nodes = 20000, jobs = 20000;
    double minutes = 10;
    int consoles = 50, changes = 10, baseline = 60;
    bool keep = false;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                usage(argv[0]);
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--help" || a == "-h") {
            usage(argv[0]);
            return 0;
        } else if (a == "--cluster")
            dir = value();
        else if (a == "--nodes")
            nodes = std::stol(value());
        else if (a == "--jobs")
            jobs = std::stol(value());
        else if (a == "--minutes")
            minutes = std::stod(value());
        else if (a == "--consoles")
            consoles = std::stoi(value());
        else if (a == "--changes")
            changes = std::stoi(value());
        else if (a == "--baseline-seconds")
            baseline = std::stoi(value());
        else if (a == "--slurm-api")
            api = value();
        else if (a == "--keep")
            keep = true;
        else {
            std::cerr << "unknown option " << a << '\n';
            usage(argv[0]);
            return 2;
        }
    }
    if (dir.empty())
        dir = std::filesystem::absolute(
            std::filesystem::path(argv[0]).parent_path() / ".." / "slurm-scale")
                  .lexically_normal()
                  .string();

    const std::string scripts = SUANLI_SLURM_SCRIPTS;
    const bool wasRunning = std::filesystem::exists(dir + "/env")
        && run({ "/bin/bash", scripts + "/ctld.sh", dir, "status" }).exitCode == 0;
    if (!wasRunning) {
        std::cout << "starting a Slurm lab of " << nodes << " extra nodes in " << dir << " ..."
                  << std::endl;
        const auto t = Clock::now();
        RunResult r = run(
            { "/bin/bash", scripts + "/start.sh", dir, "--extra-nodes", std::to_string(nodes) }, {},
            std::chrono::seconds(3600));
        std::cout << r.out << r.err;
        if (r.exitCode != 0)
            return r.exitCode;
        std::printf("lab started in %.1f s; queueing %ld jobs ...\n", secondsSince(t), jobs);
        const auto q = Clock::now();
        r = run({ "/bin/bash", scripts + "/queue-jobs.sh", dir, std::to_string(jobs) }, {},
            std::chrono::seconds(7200));
        std::cout << r.out << r.err;
        if (r.exitCode != 0)
            return r.exitCode;
        std::printf("queued in %.1f s\n", secondsSince(q));
    }
    setenv("SUANLI_SLURM_CLUSTER_DIR", dir.c_str(), 1);
    if (const int code = SlurmCluster::load(); code != 0)
        return code;
    SlurmCluster &cluster = SlurmCluster::instance();
    int status = 0;
    {
        const long slurmNodes
            = countLines(cluster.slurm("scontrol", { "show", "nodes", "-o" }).out);
        const long slurmJobs
            = countLines(cluster.slurm("squeue", { "-h", "-t", "PD,R,CG,S", "-o", "%i" }).out);
        std::printf("Slurm has %ld nodes and %ld active jobs\n", slurmNodes, slurmJobs);
        const int ctld = daemonPid(dir, "slurmctld"), dbd = daemonPid(dir, "slurmdbd"),
                  restd = daemonPid(dir, "slurmrestd");

        auto rpcsPerMinute = [&](double seconds) {
            cluster.slurm("sdiag", { "-r" });
            std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
            RpcCounts c = parseRpcStats(cluster.slurm("sdiag", {}).out);
            c.byType["REQUEST_STATS_INFO"] -= 1; // this program's sdiag
            return c;
        };
        std::printf("\n== slurmctld without the gateway (%d s)\n", baseline);
        const double idleCpu0 = cpuSeconds(ctld);
        const RpcCounts idle = rpcsPerMinute(baseline);
        std::printf("  %.1f RPCs/min; slurmctld CPU %.2f %% of a core (its own work, e.g. "
                    "pinging nodes and scheduling); RSS MB: slurmctld %.0f\n",
            idle.total() * 60.0 / baseline, 100 * (cpuSeconds(ctld) - idleCpu0) / baseline,
            rssKb(ctld) / 1024.0);
        std::fflush(stdout);

        std::vector<std::string> args = cluster.gatewayArgs("1");
        // Debug logging adds one line a tick: what each tick cost (see tickCosts below).
        args.insert(args.end(), { "--log-level", "debug" });
        if (!api.empty()) {
            args.push_back("--slurm-api");
            args.push_back(api);
        }
        GatewayProcess gateway(args);
        const auto started = Clock::now();
        if (!gateway.start()) {
            std::cerr << gateway.error() << '\n';
            return 1;
        }
        const double listening = secondsSince(started);
        const std::string token = gateway.addUser("bench", "operator");
        auto cluster_ = std::shared_ptr(v1::Cluster::NewStub(gateway.channel()));
        auto scheduler = std::shared_ptr(v1::Scheduler::NewStub(gateway.channel()));
        Clock::time_point nodesAt, jobsAt;
        Watcher<v1::NodesEvent> nodeWatch(
            token, [cluster_](auto *c) { return cluster_->WatchNodes(c, v1::WatchRequest()); },
            describeNodes);
        Watcher<v1::JobsEvent> jobWatch(
            token, [scheduler](auto *c) { return scheduler->WatchJobs(c, v1::WatchRequest()); },
            describeJobs);
        const long servedNodes = nodeWatch.snapshot(std::chrono::seconds(600), &nodesAt);
        const long servedJobs = jobWatch.snapshot(std::chrono::seconds(600), &jobsAt);
        std::printf("\n== start (suanlid with its defaults)\n"
                    "  listening after %.2f s\n"
                    "  all nodes served after %.2f s (%ld of %ld)\n"
                    "  all jobs served after %.2f s (%ld of %ld active)\n",
            listening, std::chrono::duration<double>(nodesAt - started).count(), servedNodes,
            slurmNodes, std::chrono::duration<double>(jobsAt - started).count(), servedJobs,
            slurmJobs);
        std::fflush(stdout);
        if (servedNodes != slurmNodes || servedJobs < slurmJobs)
            status = 1;

        // Memory and CPU over the window, sampled every 10 s.
        // Per tick: wall and CPU of the gateway's tick thread, from its debug lines
        // "tick: W s wall, C s CPU" written after `from` in its log.
        auto tickCosts = [](const std::string &log, size_t from) {
            std::vector<double> wall, cpu;
            for (const std::string &line : lines(log.substr(std::min(from, log.size())))) {
                const auto at = line.find("tick: ");
                double w = 0, c = 0;
                if (at != std::string::npos
                    && std::sscanf(line.c_str() + at, "tick: %lf s wall, %lf s CPU", &w, &c) == 2) {
                    wall.push_back(w);
                    cpu.push_back(c);
                }
            }
            if (wall.empty())
                return;
            auto p95 = [](std::vector<double> v) {
                std::sort(v.begin(), v.end());
                return v[std::min(v.size() - 1, size_t(double(v.size()) * 0.95))];
            };
            const Stats w = stats(wall), c = stats(cpu);
            std::printf("\n  per tick (%zu): wall median %.3f s, p95 %.3f, max %.3f; CPU median "
                        "%.3f s, p95 %.3f, max %.3f",
                w.n, w.median, p95(wall), w.max, c.median, p95(cpu), c.max);
        };
        auto steady = [&](const std::string &label, double windowMinutes) {
            const size_t logOffset = gateway.logs().size();
            std::printf("\n== %s, %.1f min\n", label.c_str(), windowMinutes);
            struct Series {
                const char *name;
                int pid;
                std::vector<long> rss;
            };
            std::vector<Series> series = { { "suanlid", gateway.pid(), {} },
                { "slurmctld", ctld, {} }, { "slurmdbd", dbd, {} }, { "slurmrestd", restd, {} } };
            const double cpu0 = cpuSeconds(gateway.pid()), ctldCpu0 = cpuSeconds(ctld);
            cluster.slurm("sdiag", { "-r" });
            const auto t0 = Clock::now();
            const auto end = t0
                + std::chrono::duration_cast<Clock::duration>(
                    std::chrono::duration<double>(windowMinutes * 60));
            while (Clock::now() < end) {
                for (auto &s : series)
                    if (s.pid > 0)
                        s.rss.push_back(rssKb(s.pid));
                const Clock::duration left = end - Clock::now();
                std::this_thread::sleep_for(std::min<Clock::duration>(std::chrono::seconds(10),
                    left > Clock::duration::zero() ? left : Clock::duration::zero()));
            }
            const double window = secondsSince(t0);
            RpcCounts rpcs = parseRpcStats(cluster.slurm("sdiag", {}).out);
            rpcs.byType["REQUEST_STATS_INFO"] -= 1;
            for (auto &s : series)
                if (s.pid > 0)
                    s.rss.push_back(rssKb(s.pid));
            std::printf("  suanlid CPU %.2f %% of a core; slurmctld CPU %.2f %% of a core\n",
                100 * (cpuSeconds(gateway.pid()) - cpu0) / window,
                100 * (cpuSeconds(ctld) - ctldCpu0) / window);
            std::printf("  slurmctld %.1f RPCs/min:", rpcs.total() * 60.0 / window);
            for (const auto &[type, n] : rpcs.byType)
                if (n > 0)
                    std::printf(" %s %.1f", type.c_str(), n * 60.0 / window);
            // Time inside slurmctld's handlers for the gateway's reads, lock waits included:
            // the part of slurmctld's CPU these reads can account for.
            double served = 0;
            for (const char *type : { "REQUEST_JOB_INFO", "REQUEST_NODE_INFO",
                     "REQUEST_PARTITION_INFO", "REQUEST_ASSOC_MGR_INFO" })
                served += rpcs.microsByType[type] / 1e6;
            std::printf(
                "\n  slurmctld serving these reads: %.2f %% of the window", 100 * served / window);
            tickCosts(gateway.logs(), logOffset);
            std::printf("\n  RSS MB (first, max, last):");
            for (const auto &s : series)
                if (!s.rss.empty())
                    std::printf("  %s %.0f/%.0f/%.0f", s.name, s.rss.front() / 1024.0,
                        *std::max_element(s.rss.begin(), s.rss.end()) / 1024.0,
                        s.rss.back() / 1024.0);
            std::printf("\n");
            std::fflush(stdout);
        };
        steady("steady state, no console but this program's two watch streams", minutes);
        {
            std::vector<std::unique_ptr<Console>> watching;
            for (int i = 0; i < consoles; ++i)
                watching.push_back(std::make_unique<Console>(gateway, token));
            steady("steady state, " + std::to_string(consoles) + " consoles watching every stream",
                minutes);
        }

        // Changes made in Slurm, as seen by a watching console.
        std::vector<double> drains, cancels;
        std::vector<std::string> names;
        for (const auto &l : lines(cluster.slurm("scontrol", { "show", "nodes", "-o" }).out))
            if (auto at = l.find("NodeName="); at == 0)
                names.push_back(l.substr(9, l.find(' ') - 9));
        std::vector<std::string> pending;
        for (const auto &l : lines(cluster.slurm("squeue", { "-h", "-t", "PD", "-o", "%i" }).out))
            if (!l.empty() && l.find('_') == std::string::npos)
                pending.push_back(l);
        for (int k = 0; k < changes && k < int(names.size()) && k < int(pending.size()); ++k) {
            const std::string node = names[names.size() - 1 - size_t(k)];
            const std::string reason = "bench drain " + std::to_string(k);
            auto t = Clock::now();
            cluster.slurm(
                "scontrol", { "update", "nodename=" + node, "state=drain", "reason=" + reason });
            drains.push_back(nodeWatch.waitFor(node + "|" + reason, t, std::chrono::seconds(30)));
            cluster.slurm("scontrol", { "update", "nodename=" + node, "state=resume" });
            const std::string job = pending[pending.size() - 1 - size_t(k)];
            t = Clock::now();
            cluster.slurm("scancel", { job });
            cancels.push_back(
                jobWatch.waitFor(job + "|JOB_STATE_CANCELLED", t, std::chrono::seconds(30)));
            std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        }
        const Stats d = stats(drains), c = stats(cancels);
        // Within two ticks: the target.
        auto inTwoTicks = [](const std::vector<double> &v) {
            return std::count_if(v.begin(), v.end(), [](double s) { return s >= 0 && s <= 2.0; });
        };
        std::printf("\n== change → watching console (tick 1 s), %zu each\n"
                    "  scontrol drain: median %.2f s (%.2f–%.2f), %ld within 2 ticks\n"
                    "  scancel:        median %.2f s (%.2f–%.2f), %ld within 2 ticks\n",
            d.n, d.median, d.min, d.max, long(inTwoTicks(drains)), c.median, c.min, c.max,
            long(inTwoTicks(cancels)));
        if (d.min < 0 || c.min < 0) {
            std::printf("  (a negative figure is a change that never arrived within 30 s)\n");
            status = 1;
        }

        // A console connecting now: complete nodes and jobs views.
        std::vector<double> views;
        for (int k = 0; k < 3; ++k) {
            const auto t = Clock::now();
            auto channel = gateway.channel();
            auto cl = std::shared_ptr(v1::Cluster::NewStub(channel));
            auto sc = std::shared_ptr(v1::Scheduler::NewStub(channel));
            Watcher<v1::NodesEvent> n(
                token, [cl](auto *ctx) { return cl->WatchNodes(ctx, v1::WatchRequest()); },
                describeNodes);
            Watcher<v1::JobsEvent> j(
                token, [sc](auto *ctx) { return sc->WatchJobs(ctx, v1::WatchRequest()); },
                describeJobs);
            Clock::time_point a, b;
            n.snapshot(std::chrono::seconds(120), &a);
            j.snapshot(std::chrono::seconds(120), &b);
            views.push_back(std::chrono::duration<double>(std::max(a, b) - t).count());
        }
        const Stats v = stats(views);
        std::printf("\n== a new gRPC client: connect → every node and job received\n"
                    "  median %.2f s (%.2f–%.2f), %zu runs\n",
            v.median, v.min, v.max, v.n);
        if (gateway.stop() != 0)
            status = 1;
    }
    if (!wasRunning && !keep)
        std::cout
            << run({ "/bin/bash", scripts + "/stop.sh", dir }, {}, std::chrono::seconds(600)).out;
    return status;
}
