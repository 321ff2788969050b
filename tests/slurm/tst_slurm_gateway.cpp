// suanlid with the Slurm backend against the real test cluster, through the
// gRPC API and suanlictl: what Slurm has shows up, what the gateway does
// reaches Slurm, quotas become associations' limits, and a controller that
// goes away and comes back is reported, not hidden.
#include "common/Describe.h"
#include "common/ErrorInfo.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/placement.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/slurm/SlurmCluster.h"
#include "tests/slurm/WatchCollector.h"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <condition_variable>
#include <gtest/gtest.h>
#include <mutex>
#include <netinet/in.h>
#include <optional>
#include <set>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

using namespace suanli::test;
namespace v1 = suanli::v1;
using namespace std::chrono_literals;

namespace {

std::string lower(std::string s)
{
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
    return s;
}

// Restarts slurmctld when a test that stopped it ends, however it ends.
struct ControllerGuard {
    bool stopped = false;
    ~ControllerGuard()
    {
        if (stopped)
            SlurmCluster::instance().ctld("start");
    }
};

} // namespace

class SlurmGatewayTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string error;
        ASSERT_TRUE(cluster.reset(&error)) << error;
        gateway = std::make_unique<GatewayProcess>(cluster.gatewayArgs("1"));
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        clusterStub = v1::Cluster::NewStub(gateway->channel());
        scheduler = v1::Scheduler::NewStub(gateway->channel());
        tenancy = v1::Tenancy::NewStub(gateway->channel());
        // The first poll fills the gateway's cache.
        ASSERT_TRUE(waitUntil([&] { return listNodes().size() == 4; }, 30s))
            << "the gateway never showed the cluster's 4 nodes; its log:\n"
            << gateway->logs();
    }

    void TearDown() override
    {
        if (HasFailure() && gateway)
            std::cout << "suanlid's log:\n" << gateway->logs() << '\n';
        gateway.reset();
        std::string error;
        EXPECT_TRUE(cluster.reset(&error)) << error;
    }

    std::vector<v1::Node> listNodes()
    {
        v1::ListNodesRequest request;
        request.set_include_accelerators(true);
        v1::ListNodesResponse response;
        auto ctx = GatewayProcess::context(admin);
        if (!clusterStub->ListNodes(ctx.get(), request, &response).ok())
            return {};
        return { response.nodes().begin(), response.nodes().end() };
    }

    v1::Node node(const std::string &name)
    {
        for (const v1::Node &n : listNodes())
            if (n.name() == name)
                return n;
        return {};
    }

    grpc::Status getJob(const std::string &id, v1::Job *job)
    {
        v1::GetJobRequest request;
        request.set_id(id);
        auto ctx = GatewayProcess::context(admin);
        return scheduler->GetJob(ctx.get(), request, job);
    }

    v1::Job job(const std::string &id)
    {
        v1::Job j;
        getJob(id, &j);
        return j;
    }

    v1::JobActionResponse jobAction(
        const std::string &action, const std::string &id, grpc::Status *status = nullptr)
    {
        v1::JobActionRequest request;
        request.add_ids(id);
        request.set_reason("slurm integration test");
        v1::JobActionResponse response;
        auto ctx = GatewayProcess::context(admin);
        grpc::Status s;
        if (action == "cancel")
            s = scheduler->CancelJobs(ctx.get(), request, &response);
        else if (action == "hold")
            s = scheduler->HoldJobs(ctx.get(), request, &response);
        else
            s = scheduler->ReleaseJobs(ctx.get(), request, &response);
        if (status)
            *status = s;
        EXPECT_TRUE(s.ok() || status) << action << ": " << s.error_message();
        return response;
    }

    WatchCollector<v1::JobsEvent> *watchJobs()
    {
        jobsWatch = std::make_unique<WatchCollector<v1::JobsEvent>>(
            admin, [this](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return scheduler->WatchJobs(c, r);
            });
        return jobsWatch.get();
    }

    SlurmCluster &cluster = SlurmCluster::instance();
    std::unique_ptr<GatewayProcess> gateway;
    std::string admin;
    std::unique_ptr<v1::Cluster::Stub> clusterStub;
    std::unique_ptr<v1::Scheduler::Stub> scheduler;
    std::unique_ptr<v1::Tenancy::Stub> tenancy;
    std::unique_ptr<WatchCollector<v1::JobsEvent>> jobsWatch;
};

TEST_F(SlurmGatewayTest, NodesShowTheirAcceleratorModelAndCountAndQueues)
{
    const std::vector<v1::Node> nodes = listNodes();
    ASSERT_EQ(nodes.size(), 4u);
    for (const v1::Node &n : nodes) {
        SCOPED_TRACE(n.name());
        const bool ascend = n.name() == "n3" || n.name() == "n4";
        EXPECT_EQ(n.model(),
            ascend ? v1::ACCELERATOR_MODEL_ASCEND_910B : v1::ACCELERATOR_MODEL_NVIDIA_A100);
        EXPECT_EQ(n.accelerators_total(), 4);
        EXPECT_EQ(n.accelerators_allocated(), 0);
        EXPECT_EQ(n.state(), v1::NODE_STATE_IDLE);
        const std::set<std::string> queues(n.queues().begin(), n.queues().end());
        const std::set<std::string> expected = ascend ? std::set<std::string> { "train", "infer" }
                                                      : std::set<std::string> { "train" };
        EXPECT_EQ(queues, expected);
    }
    // The same through suanlictl, as an operator reads it.
    const RunResult ctl = gateway->ctl(admin, { "nodes", "show", "n3" });
    EXPECT_EQ(ctl.exitCode, 0) << ctl.err;
    EXPECT_NE(ctl.out.find("910B"), std::string::npos) << ctl.out;

    v1::ListQueuesResponse queues;
    auto ctx = GatewayProcess::context(admin);
    ASSERT_TRUE(scheduler->ListQueues(ctx.get(), v1::ListQueuesRequest(), &queues).ok());
    std::map<std::string, v1::Queue> byName;
    for (const v1::Queue &q : queues.queues())
        byName[q.name()] = q;
    ASSERT_EQ(byName.size(), 2u);
    EXPECT_EQ(byName["train"].nodes_total(), 4);
    EXPECT_TRUE(byName["train"].is_default());
    EXPECT_EQ(byName["infer"].nodes_total(), 2);
    int64_t inferAscend = 0;
    for (const v1::AcceleratorCounts &c : byName["infer"].accelerators())
        if (c.model() == v1::ACCELERATOR_MODEL_ASCEND_910B)
            inferAscend += c.total();
    EXPECT_EQ(inferAscend, 8);
}

TEST_F(SlurmGatewayTest, AQuoteCarriesSlurmsOwnEstimateBesideOursAndAnAbsentModelHasNone)
{
    auto placement = v1::Placement::NewStub(gateway->channel());
    v1::QuotePlacementRequest request;
    request.add_models(v1::ACCELERATOR_MODEL_ASCEND_910B);
    request.add_models(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    request.set_accelerators(4);
    request.set_accelerators_per_node(4);
    request.set_hours(1);
    v1::QuotePlacementResponse response;
    const grpc::Status status
        = placement->QuotePlacement(GatewayProcess::context(admin).get(), request, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.quotes_size(), 2);

    // The 910B nodes are idle: both estimates say now, each labelled.
    const auto &npu = response.quotes(0);
    EXPECT_TRUE(npu.reasons().empty()) << npu.reasons(0).message();
    ASSERT_TRUE(npu.forecast().available()) << npu.forecast().message();
    EXPECT_EQ(npu.forecast().method(), "suanli replay");
    EXPECT_EQ(npu.forecast().start_in_seconds_p50(), 0);
    ASSERT_EQ(npu.scheduler_estimates_size(), 1);
    const auto &slurm = npu.scheduler_estimates(0);
    EXPECT_EQ(slurm.method(), "slurm sbatch --test-only");
    ASSERT_TRUE(slurm.available()) << slurm.message();
    EXPECT_LE(slurm.start_in_seconds_p50(), 60);

    // The cluster has no H100.
    const auto &gpu = response.quotes(1);
    ASSERT_EQ(gpu.reasons_size(), 1);
    EXPECT_EQ(gpu.reasons(0).obstacle(), v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL);
    EXPECT_EQ(gpu.reasons(0).message(), "no such model here");
    EXPECT_FALSE(gpu.has_forecast());
    EXPECT_EQ(gpu.scheduler_estimates_size(), 0);

    // Nothing was submitted.
    const auto queue = cluster.slurm("squeue", { "-h", "-o", "%i" });
    EXPECT_EQ(queue.exitCode, 0) << queue.err;
    EXPECT_EQ(queue.out, "");
}

TEST_F(SlurmGatewayTest, DrainAndResumeThroughTheGatewayReachSlurm)
{
    const RunResult drain
        = gateway->ctl(admin, { "nodes", "drain", "n2", "--reason", "replace fan" });
    ASSERT_EQ(drain.exitCode, 0) << drain.out << drain.err;
    EXPECT_EQ(cluster.nodeState("n2"), "drain");
    const RunResult show = cluster.slurm("scontrol", { "-o", "show", "node", "n2" });
    EXPECT_NE(show.out.find("replace fan"), std::string::npos) << show.out;
    EXPECT_TRUE(waitUntil([&] { return node("n2").state() == v1::NODE_STATE_DRAINED; }, 10s))
        << "state " << node("n2").state();
    EXPECT_EQ(node("n2").reason(), "replace fan");

    v1::ResumeNodesRequest resume;
    resume.add_names("n2");
    resume.set_reason("fan replaced");
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(admin);
    const grpc::Status status = clusterStub->ResumeNodes(ctx.get(), resume, &response);
    ASSERT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.results_size(), 1);
    EXPECT_TRUE(response.results(0).ok()) << response.results(0).message();
    // A resumed node shows idle* for a moment until it answers again.
    EXPECT_TRUE(waitUntil([&] { return cluster.nodeState("n2") == "idle"; }, 10s))
        << cluster.nodeState("n2");
    EXPECT_TRUE(waitUntil([&] { return node("n2").state() == v1::NODE_STATE_IDLE; }, 10s));
}

TEST_F(SlurmGatewayTest, ASubmittedJobIsWatchedWithinTwoTicksAndCancelEndsIt)
{
    auto *watch = watchJobs();
    ASSERT_GE(
        watch->waitFor([](const v1::JobsEvent &e) { return isSnapshotEnd(e.header()); }, 30s), 0)
        << watch->endStatus();
    std::string error;
    const std::string id = cluster.submit(
        { "-A", "tenanta-nlp", "-p", "train", "--gres=gpu:a100:1" }, "sleep 300", &error);
    ASSERT_FALSE(id.empty()) << error;
    const auto submitted = std::chrono::steady_clock::now();
    auto hasJob = [&](const v1::JobsEvent &e) {
        return std::any_of(
            e.upserts().begin(), e.upserts().end(), [&](const v1::Job &j) { return j.id() == id; });
    };
    // Two ticks of 1 s, and 1 s for the poll itself on a busy machine.
    const int seen = watch->waitFor(hasJob, 3s);
    ASSERT_GE(seen, 0) << "job " << id
                       << " not in the watch stream within 3 s; stream: " << watch->endStatus();
    EXPECT_LE(watch->at(seen).time - submitted, 3s);

    // What Slurm knows, in Suanli's words.
    ASSERT_TRUE(waitUntil([&] { return job(id).state() == v1::JOB_STATE_RUNNING; }, 10s));
    const v1::Job running = job(id);
    EXPECT_EQ(running.tenant(), "tenanta");
    EXPECT_EQ(running.project(), "tenanta-nlp");
    EXPECT_EQ(running.queue(), "train");
    EXPECT_EQ(running.user(), "root");
    EXPECT_EQ(running.model(), v1::ACCELERATOR_MODEL_NVIDIA_A100);
    EXPECT_EQ(running.accelerators(), 1);
    ASSERT_EQ(running.nodes_size(), 1);
    EXPECT_TRUE(running.nodes(0) == "n1" || running.nodes(0) == "n2") << running.nodes(0);

    const v1::JobActionResponse cancel = jobAction("cancel", id);
    ASSERT_EQ(cancel.results_size(), 1);
    EXPECT_TRUE(cancel.results(0).ok()) << cancel.results(0).message();
    EXPECT_TRUE(waitUntil([&] { return cluster.jobField(id, "JobState") == "CANCELLED"; }, 10s))
        << cluster.jobField(id, "JobState");
    // The stream tells the end: the job once more as cancelled, or its removal.
    const int ended = watch->waitFor(
        [&](const v1::JobsEvent &e) {
            for (const v1::Job &j : e.upserts())
                if (j.id() == id && j.state() == v1::JOB_STATE_CANCELLED)
                    return true;
            return std::find(e.removed().begin(), e.removed().end(), id) != e.removed().end();
        },
        10s, seen);
    EXPECT_GE(ended, 0) << "the watch stream never said job " << id << " ended";
}

TEST_F(SlurmGatewayTest, HoldAndReleaseThroughTheGatewayReachSlurm)
{
    std::string error;
    const std::string id = cluster.submit(
        { "-A", "tenantb-llm", "-p", "infer", "--gres=gpu:910b:2", "--begin=now+3600" },
        "sleep 300", &error);
    ASSERT_FALSE(id.empty()) << error;
    ASSERT_TRUE(waitUntil([&] { return job(id).state() == v1::JOB_STATE_PENDING; }, 10s));

    const RunResult hold
        = gateway->ctl(admin, { "jobs", "hold", id, "--reason", "wait for the data" });
    ASSERT_EQ(hold.exitCode, 0) << hold.out << hold.err;
    EXPECT_EQ(cluster.jobField(id, "Priority"), "0");
    // The gateway holds as an operator: Slurm says so, and so does the gateway.
    EXPECT_EQ(cluster.jobField(id, "Reason"), "JobHeldAdmin");
    EXPECT_TRUE(waitUntil([&] { return job(id).state() == v1::JOB_STATE_HELD; }, 10s))
        << "state " << job(id).state();
    EXPECT_EQ(job(id).pending_reason(), v1::PENDING_REASON_HELD_BY_ADMIN);
    EXPECT_EQ(suanli::pendingReasonText(job(id)), "held by an operator");

    const v1::JobActionResponse release = jobAction("release", id);
    ASSERT_EQ(release.results_size(), 1);
    EXPECT_TRUE(release.results(0).ok()) << release.results(0).message();
    EXPECT_TRUE(waitUntil([&] { return cluster.jobField(id, "Reason") == "BeginTime"; }, 10s))
        << cluster.jobField(id, "Reason");
    EXPECT_NE(cluster.jobField(id, "Priority"), "0");
    // The gateway sees it at its next read: pending again, for its start time.
    EXPECT_TRUE(waitUntil(
        [&] {
            const v1::Job j = job(id);
            return j.state() == v1::JOB_STATE_PENDING
                && j.pending_reason() == v1::PENDING_REASON_BEGIN_TIME;
        },
        10s))
        << "state " << job(id).state() << ", reason " << job(id).pending_reason() << " ("
        << job(id).pending_reason_raw() << ")";
}

TEST_F(SlurmGatewayTest, APendingReasonThatSlurmChangesSilentlyIsShownSoon)
{
    // slurmctld changes a waiting job's reason (here BeginTime, then
    // Resources once its start time passes) without counting it as a change
    // of the job list: the gateway must still show the new reason.
    std::string error;
    for (int i = 0; i < 2; ++i)
        ASSERT_FALSE(cluster
                         .submit({ "-A", "tenantb-llm", "-p", "train", "--gres=gpu:a100:4" },
                             "sleep 300", &error)
                         .empty())
            << error;
    const std::string id = cluster.submit(
        { "-A", "tenantb-llm", "-p", "train", "--gres=gpu:a100:4", "--begin=now+4" }, "sleep 300",
        &error);
    ASSERT_FALSE(id.empty()) << error;
    ASSERT_TRUE(waitUntil([&] { return cluster.jobField(id, "Reason") == "Resources"; }, 60s))
        << "Slurm says " << cluster.jobField(id, "Reason");
    EXPECT_TRUE(
        waitUntil([&] { return job(id).pending_reason() == v1::PENDING_REASON_RESOURCES; }, 10s))
        << "the gateway still says " << job(id).pending_reason_raw();
}

TEST_F(SlurmGatewayTest, AnApprovedQuotaRequestBecomesGrpTresAndAJobBeyondItWaitsSayingSo)
{
    const std::string manager = gateway->addUser("mgr", "tenant-manager", { "tenanta" });
    v1::CreateQuotaRequestRequest ask;
    ask.set_tenant("tenanta");
    ask.set_project("tenanta-nlp");
    ask.set_model(v1::ACCELERATOR_MODEL_NVIDIA_A100);
    ask.set_max_accelerators(2);
    ask.set_justification("fine-tuning for the integration test");
    v1::QuotaRequest created;
    {
        auto ctx = GatewayProcess::context(manager);
        const grpc::Status s = tenancy->CreateQuotaRequest(ctx.get(), ask, &created);
        ASSERT_TRUE(s.ok()) << s.error_message();
    }
    EXPECT_EQ(created.state(), v1::QUOTA_REQUEST_STATE_PENDING);

    const RunResult approve
        = gateway->ctl(admin, { "quota", "approve", created.id(), "--comment", "granted" });
    ASSERT_EQ(approve.exitCode, 0) << approve.out << approve.err;
    const RunResult assoc = cluster.slurm("sacctmgr",
        { "-n", "-P", "show", "assoc", "where", "account=tenanta-nlp", "user=", "format=grptres" });
    EXPECT_NE(assoc.out.find("gres/gpu:a100=2"), std::string::npos)
        << "sacctmgr shows: " << assoc.out << assoc.err;

    // The tenant tree shows the new limit on the project.
    EXPECT_TRUE(waitUntil(
        [&] {
            v1::ListTenantsResponse tenants;
            auto ctx = GatewayProcess::context(admin);
            tenancy->ListTenants(ctx.get(), v1::ListTenantsRequest(), &tenants);
            for (const v1::Tenant &t : tenants.tenants())
                for (const v1::Project &p : t.projects())
                    if (p.id() == "tenanta-nlp")
                        for (const v1::QuotaLimit &l : p.quotas())
                            if (l.model() == v1::ACCELERATOR_MODEL_NVIDIA_A100
                                && l.max_accelerators() == 2)
                                return true;
            return false;
        },
        30s));

    // Three A100 in a project allowed two: the job waits, and the API says why in plain words.
    std::string error;
    const std::string id = cluster.submit(
        { "-A", "tenanta-nlp", "-p", "train", "--gres=gpu:a100:3" }, "sleep 300", &error);
    ASSERT_FALSE(id.empty()) << error;
    EXPECT_TRUE(waitUntil([&] { return cluster.jobField(id, "Reason") == "AssocGrpGRES"; }, 20s))
        << cluster.jobField(id, "Reason");
    EXPECT_TRUE(waitUntil(
        [&] {
            const v1::Job j = job(id);
            return j.pending_reason() == v1::PENDING_REASON_PROJECT_QUOTA
                || j.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA;
        },
        10s))
        << "pending reason " << job(id).pending_reason() << " (" << job(id).pending_reason_raw()
        << ")";
    const std::string why = suanli::pendingReasonText(job(id));
    EXPECT_NE(why.find("quota"), std::string::npos) << why;
    EXPECT_NE(why.find("needs 3 A100"), std::string::npos) << why;
    // The API's plain words carry the limit's current figures; suanlictl prints them.
    const std::string worded = job(id).pending_reason_text();
    EXPECT_NE(worded.find("needs 3 A100; "), std::string::npos) << worded;
    const RunResult shown = gateway->ctl(admin, { "jobs", "show", id });
    EXPECT_NE(shown.out.find("needs 3 A100; "), std::string::npos) << shown.out << shown.err;
}

// Runs last among these tests: it stops slurmctld (and restarts it, also on failure).
TEST_F(SlurmGatewayTest, WithSlurmctldDownCallsAreUnavailableAndWatchesStaleThenItRecovers)
{
    WatchCollector<v1::NodesEvent> nodes(
        admin, [this](grpc::ClientContext *c, const v1::WatchRequest &r) {
            return clusterStub->WatchNodes(c, r);
        });
    ASSERT_GE(
        nodes.waitFor([](const v1::NodesEvent &e) { return isSnapshotEnd(e.header()); }, 30s), 0)
        << nodes.endStatus();

    ControllerGuard guard;
    const RunResult stop = cluster.ctld("stop");
    ASSERT_EQ(stop.exitCode, 0) << stop.out << stop.err;
    guard.stopped = true;

    // Watchers are told the data is stale (the gateway's poll must fail first).
    const int stale
        = nodes.waitFor([](const v1::NodesEvent &e) { return e.header().stale(); }, 60s);
    ASSERT_GE(stale, 0) << "no stale header within 60 s of stopping slurmctld; stream: "
                        << nodes.endStatus();

    // A call that needs slurmctld is refused as UNAVAILABLE, naming Slurm.
    v1::DrainNodesRequest drain;
    drain.add_names("n1");
    drain.set_reason("must not happen");
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(admin);
    const grpc::Status status = clusterStub->DrainNodes(ctx.get(), drain, &response);
    std::string code = status.ok() ? std::string() : "UNAVAILABLE";
    std::string message = status.error_message();
    if (status.ok()) {
        ASSERT_EQ(response.results_size(), 1);
        code = response.results(0).code();
        message = response.results(0).message();
    } else {
        EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << message;
    }
    EXPECT_EQ(code, "UNAVAILABLE") << message;
    EXPECT_NE(lower(message).find("slurm"), std::string::npos) << message;
    const RunResult cancel = gateway->ctl(admin, { "jobs", "cancel", "1" });
    EXPECT_NE(cancel.exitCode, 0) << cancel.out;
    EXPECT_NE(lower(cancel.out + cancel.err).find("slurm"), std::string::npos)
        << cancel.out << cancel.err;

    const auto restarted = std::chrono::system_clock::now();
    const RunResult start = cluster.ctld("start");
    ASSERT_EQ(start.exitCode, 0) << start.out << start.err;
    guard.stopped = false;
    const int live
        = nodes.waitFor([](const v1::NodesEvent &e) { return !e.header().stale(); }, 60s, stale);
    ASSERT_GE(live, 0) << "still stale 60 s after slurmctld came back; stream: "
                       << nodes.endStatus();
    // The data is as of a read after slurmctld came back (to the second).
    const v1::WatchHeader header = nodes.at(live).event.header();
    EXPECT_GE(header.data_time().seconds(),
        std::chrono::duration_cast<std::chrono::seconds>(restarted.time_since_epoch()).count() - 1);

    // Fresh data: what changes now is seen, and actions work again.
    std::string error;
    const std::string id = cluster.submit(
        { "-A", "tenanta-cv", "-p", "train", "--gres=gpu:a100:1" }, "sleep 300", &error);
    ASSERT_FALSE(id.empty()) << error;
    EXPECT_TRUE(waitUntil([&] { return job(id).state() == v1::JOB_STATE_RUNNING; }, 15s));
    const v1::JobActionResponse cancelled = jobAction("cancel", id);
    ASSERT_EQ(cancelled.results_size(), 1);
    EXPECT_TRUE(cancelled.results(0).ok()) << cancelled.results(0).message();
}

// A DCGM exporter stand-in on a free loopback port: every request is answered with `body` as
// Prometheus text, so a gateway's power is measured and only its site facts differ.
class FakeExporter {
public:
    explicit FakeExporter(std::string body)
        : m_body(std::move(body))
    {
        m_fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address {};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t size = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr *>(&address), size) != 0
            || ::listen(m_fd, 16) != 0
            || ::getsockname(m_fd, reinterpret_cast<sockaddr *>(&address), &size) != 0)
            return;
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~FakeExporter()
    {
        // Wakes the blocked accept() with an error.
        ::shutdown(m_fd, SHUT_RDWR);
        if (m_thread.joinable())
            m_thread.join();
        ::close(m_fd);
    }
    bool listening() const { return m_port != 0; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(m_port) + "/metrics"; }

private:
    void serve()
    {
        for (;;) {
            const int client = ::accept(m_fd, nullptr, nullptr);
            if (client < 0) {
                if (errno == EINTR)
                    continue;
                return;
            }
            std::string request;
            char buffer[4096];
            while (request.find("\r\n\r\n") == std::string::npos) {
                const ssize_t n = ::read(client, buffer, sizeof buffer);
                if (n <= 0)
                    break;
                request.append(buffer, size_t(n));
            }
            const std::string reply = "HTTP/1.1 200 OK\r\nContent-Type: text/plain; version=0.0.4"
                                      "\r\nConnection: close\r\nContent-Length: "
                + std::to_string(m_body.size()) + "\r\n\r\n" + m_body;
            for (size_t sent = 0; sent < reply.size();) {
                // A client that hung up must not kill the test with SIGPIPE.
                const ssize_t n
                    = ::send(client, reply.data() + sent, reply.size() - sent, MSG_NOSIGNAL);
                if (n <= 0)
                    break;
                sent += size_t(n);
            }
            ::close(client);
        }
    }

    std::string m_body;
    int m_fd = -1;
    int m_port = 0;
    std::thread m_thread;
};

// Slurm knows neither a centre's PUE nor its grid: unconfigured, the overview has no PUE and no
// carbon intensity, and so no facility power and no emissions, however well power is measured,
// and the metrics history keeps no such series; `--pue 1.25 --province Shanghai` gives them all,
// the grid factor from the province table (584.9 g/kWh, FACTS.md section 3).
TEST_F(SlurmGatewayTest, PueAndGridCarbonAreReportedOnlyWhenTheSiteConfiguresThem)
{
    constexpr double kCardWatts = 250;
    std::string metrics;
    int cards = 0;
    for (const v1::Node &n : listNodes())
        for (int i = 0; i < n.accelerators_total(); ++i, ++cards) {
            const std::string labels
                = "{gpu=\"" + std::to_string(i) + "\",Hostname=\"" + n.name() + "\"}";
            metrics += "DCGM_FI_DEV_GPU_UTIL" + labels + " 40\n";
            metrics += "DCGM_FI_DEV_POWER_USAGE" + labels + " " + std::to_string(kCardWatts) + "\n";
        }
    ASSERT_GT(cards, 0);
    FakeExporter exporter(metrics);
    ASSERT_TRUE(exporter.listening());

    struct Centre {
        std::unique_ptr<GatewayProcess> gateway;
        std::string token;
        std::unique_ptr<v1::Cluster::Stub> cluster;
        std::unique_ptr<v1::Telemetry::Stub> telemetry;
        v1::Overview overview;
    };
    auto start = [&](const std::vector<std::string> &facts) {
        std::vector<std::string> args = cluster.gatewayArgs("1");
        args.insert(args.end(), { "--metrics-url", exporter.url() });
        args.insert(args.end(), facts.begin(), facts.end());
        Centre c;
        c.gateway = std::make_unique<GatewayProcess>(args);
        if (!c.gateway->start())
            return c;
        c.token = c.gateway->addUser("facts", "viewer");
        c.cluster = v1::Cluster::NewStub(c.gateway->channel());
        c.telemetry = v1::Telemetry::NewStub(c.gateway->channel());
        // Measured power once the exporter's readings reach the nodes.
        waitUntil(
            [&] {
                auto ctx = GatewayProcess::context(c.token);
                return c.cluster->GetOverview(ctx.get(), {}, &c.overview).ok()
                    && c.overview.telemetry_available()
                    && c.overview.it_power_watts() == kCardWatts * cards;
            },
            30s);
        return c;
    };
    Centre bare = start({});
    ASSERT_TRUE(bare.cluster) << bare.gateway->error();
    const v1::Overview &o = bare.overview;
    EXPECT_TRUE(o.telemetry_available()) << bare.gateway->logs();
    EXPECT_DOUBLE_EQ(o.it_power_watts(), kCardWatts * cards);
    EXPECT_FALSE(o.has_pue()) << o.pue();
    EXPECT_FALSE(o.has_carbon_intensity_g_per_kwh()) << o.carbon_intensity_g_per_kwh();
    EXPECT_FALSE(o.has_facility_power_watts()) << o.facility_power_watts();
    EXPECT_FALSE(o.has_emissions_kg_per_hour()) << o.emissions_kg_per_hour();
    EXPECT_EQ(o.province(), "");

    Centre configured = start({ "--pue", "1.25", "--province", "Shanghai" });
    ASSERT_TRUE(configured.cluster) << configured.gateway->error();
    const v1::Overview &f = configured.overview;
    EXPECT_TRUE(f.telemetry_available()) << configured.gateway->logs();
    EXPECT_DOUBLE_EQ(f.it_power_watts(), kCardWatts * cards);
    ASSERT_TRUE(f.has_pue() && f.has_carbon_intensity_g_per_kwh());
    EXPECT_DOUBLE_EQ(f.pue(), 1.25);
    EXPECT_EQ(f.province(), "Shanghai");
    EXPECT_DOUBLE_EQ(f.carbon_intensity_g_per_kwh(), 584.9);
    ASSERT_TRUE(f.has_facility_power_watts() && f.has_emissions_kg_per_hour());
    EXPECT_DOUBLE_EQ(f.facility_power_watts(), kCardWatts * cards * 1.25);
    EXPECT_NEAR(f.emissions_kg_per_hour(), kCardWatts * cards * 1.25 / 1000 * 584.9 / 1000, 1e-9);

    // The history: nothing recorded without the facts, and the API says there is no source.
    auto query = [](Centre &c) {
        v1::QueryMetricsRequest request;
        request.set_scope(v1::METRIC_SCOPE_SITE);
        for (const char *m : { "pue", "carbon_intensity_g_per_kwh", "facility_power_watts",
                 "emissions_kg_per_hour", "it_power_watts" })
            request.add_metrics(m);
        const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
            std::chrono::system_clock::now().time_since_epoch())
                                .count();
        request.mutable_start_time()->set_seconds(now - 600);
        request.mutable_end_time()->set_seconds(now + 60);
        request.mutable_step()->set_seconds(60);
        v1::QueryMetricsResponse response;
        auto ctx = GatewayProcess::context(c.token);
        const grpc::Status status = c.telemetry->QueryMetrics(ctx.get(), request, &response);
        EXPECT_TRUE(status.ok()) << status.error_message();
        return response;
    };
    const v1::QueryMetricsResponse none = query(bare);
    ASSERT_EQ(none.series_size(), 5);
    for (int i = 0; i < 4; ++i) {
        EXPECT_FALSE(none.series(i).available()) << none.series(i).metric();
        EXPECT_EQ(none.series(i).values_size(), 0) << none.series(i).metric();
    }
    EXPECT_TRUE(none.series(4).available());
    const v1::QueryMetricsResponse some = query(configured);
    ASSERT_EQ(some.series_size(), 5);
    const v1::Series &pue = some.series(0);
    EXPECT_TRUE(pue.available());
    EXPECT_TRUE(std::count(pue.values().begin(), pue.values().end(), 1.25) >= 1)
        << "the PUE recorded at start is in the history";
    EXPECT_TRUE(some.series(1).available());

    // suanlictl says so in words.
    const RunResult unconfigured = bare.gateway->ctl(bare.token, { "overview" });
    ASSERT_EQ(unconfigured.exitCode, 0) << unconfigured.err;
    EXPECT_NE(unconfigured.out.find("PUE not configured"), std::string::npos) << unconfigured.out;
    EXPECT_NE(unconfigured.out.find("grid carbon not configured"), std::string::npos)
        << unconfigured.out;
    const RunResult set = configured.gateway->ctl(configured.token, { "overview" });
    ASSERT_EQ(set.exitCode, 0) << set.err;
    EXPECT_NE(set.out.find("PUE 1.25"), std::string::npos) << set.out;
    EXPECT_NE(set.out.find("585 gCO2/kWh"), std::string::npos) << set.out;
    EXPECT_EQ(set.out.find("not configured"), std::string::npos) << set.out;
}

// What an operator meets while slurmctld is away: a drain says Slurm (not the gateway) is
// unreachable and is audited once although suanlictl retries UNAVAILABLE, and an alert says
// so until Slurm answers again. Stops slurmctld (and restarts it, also on failure).
TEST_F(SlurmGatewayTest, ASlurmOutageIsNamedInActionsAuditedOnceAndAlertedUntilSlurmAnswers)
{
    auto events = v1::Events::NewStub(gateway->channel());
    auto audit = v1::Audit::NewStub(gateway->channel());
    WatchCollector<v1::AlertsEvent> alerts(
        admin, [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
            return events->WatchAlerts(c, r);
        });
    ASSERT_GE(
        alerts.waitFor([](const v1::AlertsEvent &e) { return isSnapshotEnd(e.header()); }, 30s), 0)
        << alerts.endStatus();
    auto outageAlert = [](const v1::AlertsEvent &e) -> const v1::Alert * {
        for (const v1::Alert &a : e.upserts())
            if (a.kind() == "scheduler_unreachable")
                return &a;
        return nullptr;
    };

    ControllerGuard guard;
    const RunResult stop = cluster.ctld("stop");
    ASSERT_EQ(stop.exitCode, 0) << stop.out << stop.err;
    guard.stopped = true;
    // The gateway's poll must fail first.
    ASSERT_GE(alerts.waitFor([](const v1::AlertsEvent &e) { return e.header().stale(); }, 60s), 0)
        << "no stale header within 60 s of stopping slurmctld; " << alerts.endStatus();

    // suanlictl's channel retries UNAVAILABLE up to four times; the gateway asks it not to.
    const RunResult drain
        = gateway->ctl(admin, { "nodes", "drain", "n1", "--reason", "during the outage" });
    EXPECT_EQ(drain.exitCode, 1) << drain.out << drain.err;
    EXPECT_NE(drain.err.find("suanlictl: the gateway at " + gateway->address()
                  + " is up; the centre's scheduler (Slurm) behind it has not answered for "),
        std::string::npos)
        << drain.err;
    EXPECT_NE(
        drain.err.find("Slurm (the centre's scheduler) has not answered for "), std::string::npos)
        << drain.err;
    EXPECT_EQ(drain.err.find("is suanlid running"), std::string::npos) << drain.err;
    v1::ListAuditEntriesRequest listAudit;
    listAudit.set_page_size(1000);
    v1::ListAuditEntriesResponse entries;
    {
        auto ctx = GatewayProcess::context(admin);
        const grpc::Status s = audit->ListAuditEntries(ctx.get(), listAudit, &entries);
        ASSERT_TRUE(s.ok()) << s.error_message();
    }
    int drains = 0;
    for (const v1::AuditEntry &e : entries.entries())
        if (e.action() == "Cluster.DrainNodes") {
            ++drains;
            EXPECT_EQ(e.target(), "n1");
            EXPECT_EQ(e.result(), "UNAVAILABLE");
        }
    EXPECT_EQ(drains, 1) << "one click, one audit entry";

    // A client reads the cause from the status, not from its words.
    v1::DrainNodesRequest request;
    request.add_names("n2");
    request.set_reason("during the outage");
    request.set_request_id("slurm-outage-1");
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(admin);
    const grpc::Status status = clusterStub->DrainNodes(ctx.get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAVAILABLE) << status.error_message();
    const auto info = suanli::decodeErrorInfo(status.error_details());
    ASSERT_TRUE(info) << status.error_message();
    EXPECT_EQ(info->reason, suanli::kSchedulerUnreachable);
    EXPECT_EQ(info->value("backend"), "slurm");

    // Consoles watching the alerts are told, naming Slurm and since when.
    const int raised = alerts.waitFor(
        [&](const v1::AlertsEvent &e) {
            const v1::Alert *a = outageAlert(e);
            return a && !a->has_clear_time();
        },
        30s);
    ASSERT_GE(raised, 0) << "no scheduler_unreachable alert while slurmctld is stopped; "
                         << alerts.endStatus();
    const v1::Alert alert = *outageAlert(alerts.at(raised).event);
    EXPECT_EQ(alert.severity(), v1::SEVERITY_CRITICAL);
    EXPECT_EQ(alert.target(), "slurm");
    EXPECT_NE(alert.summary().find("Slurm (the centre's scheduler) unreachable since "),
        std::string::npos)
        << alert.summary();

    const RunResult start = cluster.ctld("start");
    ASSERT_EQ(start.exitCode, 0) << start.out << start.err;
    guard.stopped = false;
    const int cleared = alerts.waitFor(
        [&](const v1::AlertsEvent &e) {
            const v1::Alert *a = outageAlert(e);
            return a && a->id() == alert.id() && a->has_clear_time();
        },
        60s, raised);
    EXPECT_GE(cleared, 0) << "the alert was not cleared within 60 s of slurmctld's return; "
                          << alerts.endStatus();
}

// A gateway started while slurmctld is down serves nothing, says why, and once Slurm answers
// serves every node, their metrics history included. Stops slurmctld (and restarts it).
TEST_F(SlurmGatewayTest, AGatewayStartedWhileSlurmctldIsDownRecoversFullyWhenItAnswers)
{
    ControllerGuard guard;
    const RunResult stop = cluster.ctld("stop");
    ASSERT_EQ(stop.exitCode, 0) << stop.out << stop.err;
    guard.stopped = true;

    GatewayProcess late(cluster.gatewayArgs("1"));
    ASSERT_TRUE(late.start()) << late.error();
    const std::string token = late.addUser("root", "admin");
    auto lateCluster = v1::Cluster::NewStub(late.channel());
    auto lateEvents = v1::Events::NewStub(late.channel());
    auto lateTelemetry = v1::Telemetry::NewStub(late.channel());
    auto nodes = [&] {
        v1::ListNodesResponse response;
        auto ctx = GatewayProcess::context(token);
        lateCluster->ListNodes(ctx.get(), v1::ListNodesRequest(), &response);
        return response.nodes_size();
    };
    auto outage = [&]() -> std::optional<v1::Alert> {
        v1::ListAlertsResponse response;
        auto ctx = GatewayProcess::context(token);
        lateEvents->ListAlerts(ctx.get(), v1::ListAlertsRequest(), &response);
        for (const v1::Alert &a : response.alerts())
            if (a.kind() == "scheduler_unreachable")
                return a;
        return std::nullopt;
    };
    EXPECT_EQ(nodes(), 0);
    v1::Overview overview;
    {
        auto ctx = GatewayProcess::context(token);
        ASSERT_TRUE(lateCluster->GetOverview(ctx.get(), {}, &overview).ok());
    }
    EXPECT_TRUE(overview.stale());
    EXPECT_TRUE(waitUntil([&] { return outage().has_value(); }, 30s));

    const RunResult start = cluster.ctld("start");
    ASSERT_EQ(start.exitCode, 0) << start.out << start.err;
    guard.stopped = false;
    ASSERT_TRUE(waitUntil([&] { return nodes() == 4; }, 60s))
        << "the late gateway never showed the 4 nodes; its log:\n"
        << late.logs();
    EXPECT_TRUE(waitUntil([&] { return outage() && outage()->has_clear_time(); }, 30s));

    // Nodes that came after the start have their place in the metrics history.
    v1::QueryMetricsRequest query;
    query.set_scope(v1::METRIC_SCOPE_NODE);
    query.set_target("n1");
    const int64_t now = std::chrono::duration_cast<std::chrono::seconds>(
        std::chrono::system_clock::now().time_since_epoch())
                            .count();
    query.mutable_start_time()->set_seconds(now - 3600);
    query.mutable_end_time()->set_seconds(now);
    query.mutable_step()->set_seconds(60);
    v1::QueryMetricsResponse metrics;
    auto ctx = GatewayProcess::context(token);
    const grpc::Status status = lateTelemetry->QueryMetrics(ctx.get(), query, &metrics);
    ASSERT_TRUE(status.ok()) << status.error_message();
    EXPECT_GT(metrics.series_size(), 0);
}

// tenanta has GrpTRES=gres/gpu=8: one limit on its A100 and 910B together, as Slurm enforces
// it. The gateway shows that one limit with the use of every model, a job beyond it waits
// quoting it, a model's limit that could never be reached is refused, and approving a request
// for the limit across all models changes gres/gpu in Slurm and lets the job start.
TEST_F(SlurmGatewayTest, TheUntypedGresLimitIsOneLimitAcrossAllModelsThatAnApprovalRaises)
{
    auto tenanta = [&] {
        v1::ListTenantsRequest request;
        request.set_filter("id:tenanta");
        v1::ListTenantsResponse response;
        auto ctx = GatewayProcess::context(admin);
        tenancy->ListTenants(ctx.get(), request, &response);
        return response.tenants_size() == 1 ? response.tenants(0) : v1::Tenant();
    };
    auto inUse = [](const v1::Tenant &t, bool allModels, v1::AcceleratorModel model) -> int64_t {
        for (const v1::QuotaUsage &u : t.usage())
            if (u.all_models() == allModels && (allModels || u.model() == model))
                return u.accelerators_in_use();
        return -1;
    };
    auto allModelsLimit = [](const v1::Tenant &t) -> int64_t {
        for (const v1::QuotaLimit &l : t.quotas())
            if (l.all_models())
                return l.max_accelerators();
        return -1;
    };

    // 6 A100 and 1 910B running in tenanta's projects: 7 of its 8.
    std::string error;
    const std::vector<std::vector<std::string>> shapes = {
        { "-A", "tenanta-nlp", "-p", "train", "--gres=gpu:a100:4" },
        { "-A", "tenanta-nlp", "-p", "train", "--gres=gpu:a100:2" },
        { "-A", "tenanta-cv", "-p", "infer", "--gres=gpu:910b:1" },
    };
    for (const auto &shape : shapes) {
        const std::string id = cluster.submit(shape, "sleep 600", &error);
        ASSERT_FALSE(id.empty()) << error;
        ASSERT_TRUE(waitUntil([&] { return cluster.jobField(id, "JobState") == "RUNNING"; }, 30s))
            << "job " << id << " is " << cluster.jobField(id, "JobState") << " ("
            << cluster.jobField(id, "Reason") << ")";
    }

    // One limit across all models, not 8 of each, with the use of both models together.
    ASSERT_TRUE(waitUntil(
        [&] {
            const v1::Tenant t = tenanta();
            return inUse(t, true, {}) == 7
                && inUse(t, false, v1::ACCELERATOR_MODEL_NVIDIA_A100) == 6
                && inUse(t, false, v1::ACCELERATOR_MODEL_ASCEND_910B) == 1;
        },
        30s))
        << tenanta().DebugString();
    v1::Tenant t = tenanta();
    ASSERT_EQ(t.quotas_size(), 1) << t.DebugString();
    EXPECT_TRUE(t.quotas(0).all_models());
    EXPECT_EQ(t.quotas(0).model(), v1::ACCELERATOR_MODEL_UNSPECIFIED);
    EXPECT_EQ(t.quotas(0).max_accelerators(), 8);
    // suanlictl shows it as the row "all".
    const RunResult listed = gateway->ctl(admin, { "tenants", "list", "--filter", "id:tenanta" });
    ASSERT_EQ(listed.exitCode, 0) << listed.err;
    bool row = false;
    for (const std::string &line : lines(listed.out))
        row = row
            || (line.find(" all ") != std::string::npos && line.find(" 8 ") != std::string::npos
                && line.find(" 7 ") != std::string::npos);
    EXPECT_TRUE(row) << listed.out;

    // Two more A100 would make 9 of 8: the job waits, quoting the limit across all models.
    const std::string id = cluster.submit(
        { "-A", "tenanta-cv", "-p", "train", "--gres=gpu:a100:2" }, "sleep 600", &error);
    ASSERT_FALSE(id.empty()) << error;
    ASSERT_TRUE(waitUntil([&] { return cluster.jobField(id, "Reason") == "AssocGrpGRES"; }, 30s))
        << cluster.jobField(id, "Reason");
    EXPECT_TRUE(waitUntil(
        [&] {
            const v1::Job j = job(id);
            return j.pending_reason() == v1::PENDING_REASON_TENANT_QUOTA && j.quota_all_models()
                && j.quota_used() == 7 && j.quota_limit() == 8;
        },
        30s))
        << job(id).DebugString();
    EXPECT_EQ(job(id).pending_reason_text(),
        "waiting: needs 2 accelerators; tenant tenanta uses 7 of 8 across all models");

    // An A100 limit of 10 could never be reached under 8 in all: it is refused, not pretended.
    const std::string manager = gateway->addUser("mgr", "tenant-manager", { "tenanta" });
    v1::CreateQuotaRequestRequest ask;
    ask.set_tenant("tenanta");
    ask.set_model(v1::ACCELERATOR_MODEL_NVIDIA_A100);
    ask.set_max_accelerators(10);
    ask.set_justification("two more A100 for the CV project");
    v1::QuotaRequest created;
    {
        auto ctx = GatewayProcess::context(manager);
        const grpc::Status s = tenancy->CreateQuotaRequest(ctx.get(), ask, &created);
        EXPECT_EQ(s.error_code(), grpc::StatusCode::FAILED_PRECONDITION) << s.error_message();
        EXPECT_NE(s.error_message().find("would change nothing"), std::string::npos)
            << s.error_message();
    }

    // The limit across all models is what is asked for, and approved.
    ask.set_model(v1::ACCELERATOR_MODEL_UNSPECIFIED);
    ask.set_all_models(true);
    {
        auto ctx = GatewayProcess::context(manager);
        const grpc::Status s = tenancy->CreateQuotaRequest(ctx.get(), ask, &created);
        ASSERT_TRUE(s.ok()) << s.error_message();
    }
    EXPECT_TRUE(created.all_models());
    EXPECT_EQ(created.current_max_accelerators(), 8);
    EXPECT_TRUE(created.needs_admin()); // the tenant's own quota
    const RunResult approve
        = gateway->ctl(admin, { "quota", "approve", created.id(), "--comment", "granted" });
    ASSERT_EQ(approve.exitCode, 0) << approve.out << approve.err;
    const RunResult assoc = cluster.slurm("sacctmgr",
        { "-n", "-P", "show", "assoc", "where", "account=tenanta", "user=", "format=grptres" });
    EXPECT_NE(assoc.out.find("gres/gpu=10"), std::string::npos)
        << "sacctmgr shows: " << assoc.out << assoc.err;
    EXPECT_EQ(assoc.out.find("gres/gpu:a100"), std::string::npos)
        << "sacctmgr shows: " << assoc.out << assoc.err;

    // The gateway shows the new limit, Slurm starts the job, and the use across models is 9.
    EXPECT_TRUE(waitUntil([&] { return allModelsLimit(tenanta()) == 10; }, 30s))
        << tenanta().DebugString();
    EXPECT_TRUE(waitUntil([&] { return cluster.jobField(id, "JobState") == "RUNNING"; }, 60s))
        << "job " << id << " is " << cluster.jobField(id, "JobState") << " ("
        << cluster.jobField(id, "Reason") << ")";
    EXPECT_TRUE(waitUntil([&] { return job(id).state() == v1::JOB_STATE_RUNNING; }, 15s));
    EXPECT_TRUE(waitUntil([&] { return inUse(tenanta(), true, {}) == 9; }, 15s))
        << tenanta().DebugString();
}
