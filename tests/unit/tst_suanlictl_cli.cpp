// suanlictl: the command line it accepts, how it formats, and how the binary behaves against a
// fake gateway (TLS, token, paging, JSON, batch results, watch, errors and exit codes).
#include "suanli/v1/auth.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "tools/suanlictl/Cli.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Table.h"

#include <arpa/inet.h>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <google/protobuf/util/json_util.h>
#include <grpcpp/grpcpp.h>
#include <gtest/gtest.h>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <sstream>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace suanli;
using suanli::ctl::Cli;
using suanli::ctl::Invocation;

namespace {

Invocation parse(std::vector<std::string> args, std::map<std::string, std::string> env = {})
{
    return Cli::parse(args, [env](const std::string &name) -> std::optional<std::string> {
        const auto it = env.find(name);
        return it == env.end() ? std::nullopt : std::optional<std::string>(it->second);
    });
}

// The usage error a command line gives ("" when it parses).
std::string usageError(std::vector<std::string> args)
{
    const Invocation inv = parse(std::move(args));
    return inv.action == Invocation::Action::UsageError ? inv.error : std::string();
}

} // namespace

TEST(SuanlictlCli, CommandArgumentsAndOptions)
{
    const Invocation inv
        = parse({ "nodes", "drain", "lg-r1-n1", "lg-r1-n2", "--reason", "replace PSU" });
    ASSERT_EQ(inv.action, Invocation::Action::Run) << inv.error;
    EXPECT_EQ(inv.command, "nodes drain");
    EXPECT_EQ(inv.args, (std::vector<std::string> { "lg-r1-n1", "lg-r1-n2" }));
    EXPECT_EQ(inv.value("reason"), "replace PSU");
    EXPECT_FALSE(inv.global.json);

    const Invocation list = parse({ "nodes", "list", "--filter=state:drained model:910B",
        "--order-by", "util desc", "--limit", "20" });
    ASSERT_EQ(list.action, Invocation::Action::Run) << list.error;
    EXPECT_EQ(list.value("filter"), "state:drained model:910B");
    EXPECT_EQ(list.value("order-by"), "util desc");
    EXPECT_EQ(list.integer("limit"), 20);
    EXPECT_FALSE(list.has("reason"));

    const Invocation users = parse({ "users", "add", "carol", "--role", "tenant-manager",
        "--tenant", "galaxy", "--tenant", "nebula" });
    ASSERT_EQ(users.action, Invocation::Action::Run) << users.error;
    EXPECT_EQ(users.values("tenant"), (std::vector<std::string> { "galaxy", "nebula" }));

    EXPECT_EQ(parse({ "whoami" }).command, "whoami");
    EXPECT_EQ(parse({ "watch", "quota-requests", "--count", "3" }).integer("count"), 3);
    EXPECT_EQ(parse({ "jobs", "priority", "7", "--value", "-5" }).integer("value"), -5);
    // After "--" everything is an argument.
    EXPECT_EQ(parse({ "jobs", "cancel", "--", "--weird-id" }).args,
        (std::vector<std::string> { "--weird-id" }));
}

TEST(SuanlictlCli, GlobalOptionsAnywhereAndEnvironment)
{
    const Invocation inv = parse({ "--json", "nodes", "--server", "gw:7443", "list", "--timeout",
                                     "2.5", "--ca", "/tmp/ca.pem", "--token", "abc" },
        { { "SUANLI_SERVER", "env:1" }, { "SUANLI_TOKEN", "envtoken" } });
    ASSERT_EQ(inv.action, Invocation::Action::Run) << inv.error;
    EXPECT_EQ(inv.command, "nodes list");
    EXPECT_TRUE(inv.global.json);
    EXPECT_EQ(inv.global.server, "gw:7443");
    EXPECT_DOUBLE_EQ(inv.global.timeoutSeconds, 2.5);
    EXPECT_EQ(inv.global.caFile, "/tmp/ca.pem");
    EXPECT_EQ(inv.global.token, "abc");

    const Invocation fromEnv = parse({ "whoami" },
        { { "SUANLI_SERVER", "env:1" }, { "SUANLI_TOKEN", "t" }, { "SUANLI_CA", "ca.pem" } });
    EXPECT_EQ(fromEnv.global.server, "env:1");
    EXPECT_EQ(fromEnv.global.token, "t");
    EXPECT_EQ(fromEnv.global.caFile, "ca.pem");
    EXPECT_DOUBLE_EQ(fromEnv.global.timeoutSeconds, 15);

    const Invocation defaults = parse({ "whoami" });
    EXPECT_EQ(defaults.global.server, "127.0.0.1:7443");
    EXPECT_EQ(defaults.global.token, "");

    // --token beats --token-file, which beats SUANLI_TOKEN (main reads the file).
    EXPECT_EQ(
        parse({ "whoami", "--token-file", "f" }, { { "SUANLI_TOKEN", "t" } }).global.tokenFile,
        "f");
    EXPECT_EQ(parse({ "whoami", "--token-file", "f", "--token", "x" }).global.tokenFile, "");
}

TEST(SuanlictlCli, Help)
{
    Invocation inv = parse({ "--help" });
    EXPECT_EQ(inv.action, Invocation::Action::Help);
    EXPECT_NE(inv.usage.find("nodes drain NAME... --reason R"), std::string::npos);
    EXPECT_NE(inv.usage.find("--server HOST:PORT"), std::string::npos);

    inv = parse({ "nodes", "--help" });
    EXPECT_EQ(inv.action, Invocation::Action::Help);
    EXPECT_EQ(inv.command, "nodes");
    EXPECT_NE(inv.usage.find("nodes resume NAME... [--reason R]"), std::string::npos);
    EXPECT_EQ(inv.usage.find("jobs list"), std::string::npos);

    inv = parse({ "-h", "quota", "request" });
    EXPECT_EQ(inv.command, "quota request");
    EXPECT_NE(inv.usage.find("--justification TEXT"), std::string::npos);
    EXPECT_EQ(parse({ "help", "jobs" }).action, Invocation::Action::Help);
    // Help wins over a mistake elsewhere on the line.
    EXPECT_EQ(parse({ "nodes", "drain", "--help" }).action, Invocation::Action::Help);
    // --version anywhere, with or without a command; --help wins over it.
    EXPECT_EQ(parse({ "--version" }).action, Invocation::Action::Version);
    EXPECT_EQ(parse({ "nodes", "list", "--version" }).action, Invocation::Action::Version);
    EXPECT_EQ(parse({ "--version", "--help" }).action, Invocation::Action::Help);
}

TEST(SuanlictlCli, UsageErrors)
{
    EXPECT_EQ(usageError({}), "missing command");
    EXPECT_EQ(usageError({ "nodez" }), "unknown command \"nodez\"");
    EXPECT_EQ(usageError({ "nodes" }), "nodes needs a command: list, show, drain, resume, reboot");
    EXPECT_EQ(usageError({ "nodes", "purge" }),
        "unknown command \"nodes purge\" (nodes has: list, show, drain, resume, reboot)");
    EXPECT_EQ(usageError({ "nodes", "drain", "n1" }),
        "nodes drain needs --reason R (why, shown to other admins and in the audit log)");
    EXPECT_EQ(usageError({ "nodes", "drain", "--reason", "x" }), "nodes drain needs NAME...");
    EXPECT_EQ(usageError({ "nodes", "show", "a", "b" }), "nodes show takes one NAME, got 2: a b");
    EXPECT_EQ(usageError({ "whoami", "extra" }), "whoami takes no arguments, got \"extra\"");
    EXPECT_EQ(usageError({ "nodes", "list", "--bogus" }), "unknown option --bogus");
    EXPECT_EQ(usageError({ "nodes", "list", "-x" }), "unknown option -x");
    EXPECT_EQ(
        usageError({ "nodes", "list", "--reason", "x" }), "nodes list does not take --reason");
    EXPECT_EQ(usageError({ "nodes", "list", "--filter" }), "--filter needs a value (F)");
    EXPECT_EQ(usageError({ "nodes", "list", "--json=yes" }), "--json takes no value");
    EXPECT_EQ(usageError({ "nodes", "list", "--limit", "ten" }),
        "--limit expects a whole number of at least 1, got \"ten\"");
    EXPECT_EQ(usageError({ "nodes", "list", "--limit", "0" }),
        "--limit expects a whole number of at least 1, got \"0\"");
    EXPECT_EQ(usageError({ "whoami", "--timeout", "0" }),
        "--timeout expects seconds greater than 0, got \"0\"");
    EXPECT_EQ(usageError({ "jobs", "priority", "1" }),
        "jobs priority needs --value N (new priority, 0 to 1000000)");
    EXPECT_EQ(usageError({ "jobs", "priority", "1", "--value", "high" }),
        "--value expects a whole number, got \"high\"");
    EXPECT_EQ(usageError({ "quota", "reject", "qr-1" }),
        "quota reject needs --comment C (why, for the requester)");
    EXPECT_EQ(usageError({ "quota", "set", "galaxy", "--model", "b200", "--accelerators", "8" }),
        "unknown model \"b200\" for --model (known: h100, h800, a100, a800, 910b, mlu370, "
        "k100, all)");
    EXPECT_EQ(
        usageError({ "quota", "set", "galaxy", "--model", "all", "--accelerators", "8" }), "");
    EXPECT_EQ(usageError({ "quota", "set", "galaxy/", "--model", "h100", "--accelerators", "8" }),
        "expected TENANT or TENANT/PROJECT, got \"galaxy/\"");
    EXPECT_EQ(usageError({ "quota", "set", "a/b/c", "--model", "h100", "--accelerators", "8" }),
        "expected TENANT or TENANT/PROJECT, got \"a/b/c\"");
    EXPECT_EQ(usageError({ "quota", "request", "galaxy/llm", "--model", "910b", "--accelerators",
                  "128", "--justification", "x", "--until", "2024-02-30" }),
        "--until expects a date as YYYY-MM-DD, got \"2024-02-30\"");
    EXPECT_EQ(usageError({ "quota", "request", "galaxy/llm", "--model", "ascend910b",
                  "--accelerators", "128", "--justification", "70B run", "--until", "2024-06-30" }),
        "");
    EXPECT_EQ(usageError({ "users", "add", "carol", "--role", "root" }),
        "unknown role \"root\" for --role (known: viewer, operator, tenant-manager, admin)");
    EXPECT_EQ(usageError({ "watch", "racks" }),
        "unknown command \"watch racks\" (watch has: nodes, jobs, alerts, queues, "
        "quota-requests)");
    EXPECT_EQ(usageError({ "nodes", "show", "" }), "NAME must not be empty");

    const Invocation inv = parse({ "nodes", "drain", "n1" });
    EXPECT_EQ(inv.usage,
        "usage: suanlictl nodes drain NAME... --reason R\n"
        "Run 'suanlictl nodes drain --help' for details.\n");
}

TEST(SuanlictlCli, RequestIdsAreFresh)
{
    EXPECT_NE(ctl::Connection::newRequestId(), ctl::Connection::newRequestId());
}

TEST(SuanlictlFormat, NumbersAndUnits)
{
    EXPECT_EQ(ctl::formatPercent(97.26), "97.3%");
    EXPECT_EQ(ctl::formatPower(850), "850 W");
    EXPECT_EQ(ctl::formatPower(5600), "5.6 kW");
    EXPECT_EQ(ctl::formatPower(1230000), "1.23 MW");
    EXPECT_EQ(ctl::formatFlops(989), "989 TFLOPS");
    EXPECT_EQ(ctl::formatFlops(3740000), "3.74 EFLOPS");
    EXPECT_EQ(ctl::formatFlops(300000), "300.0 PFLOPS");
    EXPECT_EQ(ctl::formatBytes(512), "512 B");
    EXPECT_EQ(ctl::formatBytes(80LL << 30), "80.0 GiB");
    EXPECT_EQ(ctl::formatDuration(45), "45s");
    EXPECT_EQ(ctl::formatDuration(12 * 60 + 5), "12m");
    EXPECT_EQ(ctl::formatDuration(3 * 3600 + 5 * 60), "3h 05m");
    EXPECT_EQ(ctl::formatDuration(2 * 86400 + 4 * 3600), "2d 04h");
    EXPECT_EQ(ctl::formatDuration(-1), "-");
    EXPECT_EQ(ctl::formatNumber(1.30, 2), "1.3");
    EXPECT_EQ(ctl::formatNumber(581.4, 0), "581");
    EXPECT_EQ(ctl::formatTime(google::protobuf::Timestamp()), "-");
}

TEST(SuanlictlFormat, TableAlignsByDisplayWidth)
{
    ctl::Table table({ { "NAME" }, { "UTIL", ctl::Table::Align::Right }, { "TENANT" } });
    table.addRow({ "lg-r1-n1", "97.3%", "银河" });
    table.addRow({ "n2", "5.0%", "galaxy" });
    std::ostringstream out;
    table.print(out);
    EXPECT_EQ(out.str(),
        "NAME       UTIL  TENANT\n"
        "lg-r1-n1  97.3%  银河\n"
        "n2         5.0%  galaxy\n");
    EXPECT_EQ(ctl::Table::displayWidth("银河 AI"), 7u);
    EXPECT_EQ(ctl::Table::displayWidth("65°C"), 4u);
}

// ---------------------------------------------------------------------------------------------
// The binary against a fake gateway.

namespace {

std::string quoteForShell(const std::string &arg)
{
    std::string out = "'";
    for (char c : arg)
        out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

struct CtlRun {
    int exitCode = -1;
    std::string out;
    std::string err;
};

std::string slurp(const std::filesystem::path &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Nodes n1..n5 served two to a page; records what the client sent.
class FakeCluster final : public v1::Cluster::Service {
public:
    grpc::Status ListNodes(grpc::ServerContext *context, const v1::ListNodesRequest *request,
        v1::ListNodesResponse *response) override
    {
        record(context, *request);
        const int pageSize = request->page_size() > 0 ? std::min(request->page_size(), 2) : 2;
        const int start = request->page_token().empty() ? 0 : std::stoi(request->page_token());
        for (int i = start; i < std::min(start + pageSize, 5); ++i) {
            v1::Node *n = response->add_nodes();
            n->set_name("n" + std::to_string(i + 1));
            n->set_state(i == 1 ? v1::NODE_STATE_DRAINED : v1::NODE_STATE_IDLE);
            n->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
            n->set_accelerators_total(8);
            n->set_has_telemetry(true);
            n->set_utilisation_percent(97.3);
            n->set_power_watts(5600);
        }
        if (start + pageSize < 5)
            response->set_next_page_token(std::to_string(start + pageSize));
        response->set_total_size(5);
        return grpc::Status::OK;
    }

    // A centre without accelerator telemetry: the measured figures are 0 and flagged so. After
    // setUnconfigured(), one with telemetry whose site has configured neither PUE nor grid carbon.
    grpc::Status GetOverview(grpc::ServerContext *context, const v1::GetOverviewRequest *request,
        v1::Overview *response) override
    {
        record(context, *request);
        response->set_site("Slurm Centre");
        response->set_nodes_total(5);
        response->set_jobs_running(2);
        if (m_unconfigured) {
            response->set_telemetry_available(true);
            response->set_it_power_watts(5600);
            response->set_utilisation_percent(97.3);
            return grpc::Status::OK;
        }
        response->set_pue(1.3);
        response->set_carbon_intensity_g_per_kwh(550);
        response->set_telemetry_available(false);
        return grpc::Status::OK;
    }
    void setUnconfigured() { m_unconfigured = true; }

    grpc::Status GetNode(
        grpc::ServerContext *context, const v1::GetNodeRequest *request, v1::Node *) override
    {
        record(context, *request);
        return grpc::Status(grpc::StatusCode::NOT_FOUND, "node " + request->name() + " not found");
    }

    grpc::Status DrainNodes(grpc::ServerContext *context, const v1::DrainNodesRequest *request,
        v1::NodeActionResponse *response) override
    {
        record(context, *request);
        for (const std::string &name : request->names()) {
            v1::TargetResult *r = response->add_results();
            r->set_target(name);
            r->set_ok(name != "bad");
            if (name == "bad") {
                r->set_code("FAILED_PRECONDITION");
                r->set_message("bad is down");
            }
        }
        return grpc::Status::OK;
    }

    grpc::Status RebootNodes(grpc::ServerContext *context, const v1::RebootNodesRequest *request,
        v1::NodeActionResponse *) override
    {
        record(context, *request);
        return grpc::Status(grpc::StatusCode::PERMISSION_DENIED,
            "role viewer may not call Cluster.RebootNodes (needs operator)");
    }

    grpc::Status WatchNodes(grpc::ServerContext *context, const v1::WatchRequest *request,
        grpc::ServerWriter<v1::NodesEvent> *writer) override
    {
        record(context, *request);
        v1::NodesEvent snapshot;
        snapshot.mutable_header()->set_kind(v1::WATCH_EVENT_KIND_SNAPSHOT);
        snapshot.mutable_header()->set_last_chunk(true);
        snapshot.add_upserts()->set_name("n1");
        writer->Write(snapshot);
        v1::NodesEvent delta;
        delta.mutable_header()->set_kind(v1::WATCH_EVENT_KIND_DELTA);
        delta.mutable_header()->set_revision(2);
        v1::Node *n = delta.add_upserts();
        n->set_name("n2");
        n->set_state(v1::NODE_STATE_DRAINED);
        n->set_reason("PSU");
        delta.add_removed("n3");
        writer->Write(delta);
        // Then nothing more until the client goes away, as a quiet centre would.
        while (!context->IsCancelled())
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        return grpc::Status::OK;
    }

    std::vector<std::string> requests() const
    {
        std::lock_guard lock(m_mutex);
        return m_requests;
    }
    std::vector<std::string> tokens() const
    {
        std::lock_guard lock(m_mutex);
        return m_tokens;
    }
    void clear()
    {
        std::lock_guard lock(m_mutex);
        m_requests.clear();
        m_tokens.clear();
        m_unconfigured = false;
    }

private:
    void record(grpc::ServerContext *context, const google::protobuf::Message &request)
    {
        std::lock_guard lock(m_mutex);
        m_requests.push_back(request.GetTypeName() + " " + request.ShortDebugString());
        const auto &metadata = context->client_metadata();
        const auto it = metadata.find("authorization");
        m_tokens.push_back(
            it == metadata.end() ? "" : std::string(it->second.data(), it->second.size()));
    }

    mutable std::mutex m_mutex;
    std::vector<std::string> m_requests;
    std::vector<std::string> m_tokens;
    std::atomic<bool> m_unconfigured { false };
};

class FakeAuth final : public v1::Auth::Service {
public:
    grpc::Status WhoAmI(grpc::ServerContext *context, const v1::WhoAmIRequest *,
        v1::WhoAmIResponse *response) override
    {
        const auto &metadata = context->client_metadata();
        const auto it = metadata.find("authorization");
        if (it == metadata.end() || it->second != "Bearer secret")
            return grpc::Status(grpc::StatusCode::UNAUTHENTICATED, "unknown or revoked token");
        response->mutable_user()->set_name("alice");
        response->mutable_user()->set_role(v1::ROLE_TENANT_MANAGER);
        response->mutable_user()->add_tenants("galaxy");
        response->set_site("Shanghai Lingang");
        response->set_server_version("0.1.0");
        response->set_backend("sim");
        return grpc::Status::OK;
    }
};

class SuanlictlBinary : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        s_dir = std::filesystem::temp_directory_path()
            / ("tst_suanlictl_" + std::to_string(::getpid()));
        std::filesystem::create_directories(s_dir);
        const std::string command
            = "openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 "
              "-subj /CN=localhost -addext subjectAltName=IP:127.0.0.1,DNS:localhost -keyout "
            + (s_dir / "key.pem").string() + " -out " + (s_dir / "cert.pem").string()
            + " >/dev/null 2>&1";
        if (std::system(command.c_str()) != 0)
            return;
        grpc::SslServerCredentialsOptions ssl;
        ssl.pem_key_cert_pairs.push_back({ slurp(s_dir / "key.pem"), slurp(s_dir / "cert.pem") });
        s_cluster = new FakeCluster;
        s_auth = new FakeAuth;
        grpc::ServerBuilder builder;
        builder.AddListeningPort("127.0.0.1:0", grpc::SslServerCredentials(ssl), &s_port);
        builder.RegisterService(s_cluster);
        builder.RegisterService(s_auth);
        s_server = builder.BuildAndStart().release();
    }

    static void TearDownTestSuite()
    {
        if (s_server)
            s_server->Shutdown(std::chrono::system_clock::now() + std::chrono::seconds(1));
        delete s_server;
        delete s_cluster;
        delete s_auth;
        s_server = nullptr;
        std::filesystem::remove_all(s_dir);
    }

    void SetUp() override
    {
        if (!s_server || s_port == 0)
            GTEST_SKIP() << "no openssl to make a test certificate";
        s_cluster->clear();
    }

    static std::string address() { return "127.0.0.1:" + std::to_string(s_port); }

    // Runs suanlictl with the fake gateway's address and CA, and env in front.
    static CtlRun run(
        const std::vector<std::string> &args, const std::string &env = {}, bool withCa = true)
    {
        std::string command = "env -u SUANLI_SERVER -u SUANLI_TOKEN -u SUANLI_CA " + env + " "
            + quoteForShell(SUANLICTL_PATH) + " --server " + address();
        if (withCa)
            command += " --ca " + quoteForShell((s_dir / "cert.pem").string());
        for (const std::string &arg : args)
            command += " " + quoteForShell(arg);
        command += " >" + (s_dir / "out").string() + " 2>" + (s_dir / "err").string();
        const int status = std::system(command.c_str());
        CtlRun r;
        r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        r.out = slurp(s_dir / "out");
        r.err = slurp(s_dir / "err");
        return r;
    }

    static inline std::filesystem::path s_dir;
    static inline grpc::Server *s_server = nullptr;
    static inline FakeCluster *s_cluster = nullptr;
    static inline FakeAuth *s_auth = nullptr;
    static inline int s_port = 0;
};

} // namespace

TEST_F(SuanlictlBinary, SendsTheTokenAsBearerMetadata)
{
    CtlRun r = run({ "whoami", "--token", "secret" });
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("user      alice\nrole      tenant-manager\ntenants   galaxy\n"),
        std::string::npos)
        << r.out;

    r = run({ "whoami" }, "SUANLI_TOKEN=secret");
    EXPECT_EQ(r.exitCode, 0) << r.err;

    std::ofstream(s_dir / "token") << "secret\n";
    r = run({ "whoami", "--token-file", (s_dir / "token").string() }, "SUANLI_TOKEN=wrong");
    EXPECT_EQ(r.exitCode, 0) << r.err;

    r = run({ "--json", "whoami", "--token", "secret" });
    EXPECT_EQ(r.exitCode, 0) << r.err;
    v1::WhoAmIResponse me;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &me).ok()) << r.out;
    EXPECT_EQ(me.user().name(), "alice");
    EXPECT_NE(r.out.find("\"server_version\""), std::string::npos); // proto field names
}

TEST_F(SuanlictlBinary, UnauthenticatedExitsOneWithAHint)
{
    const CtlRun r = run({ "whoami", "--token", "wrong" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err,
        "suanlictl: UNAUTHENTICATED: unknown or revoked token\n"
        "suanlictl: check --token / SUANLI_TOKEN\n");
}

TEST_F(SuanlictlBinary, ListsFollowEveryPage)
{
    CtlRun r = run({ "nodes", "list", "--json", "--filter", "model:910B", "--order-by", "name",
        "--token", "secret" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    v1::ListNodesResponse all;
    ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &all).ok()) << r.out;
    ASSERT_EQ(all.nodes_size(), 5);
    EXPECT_EQ(all.nodes(4).name(), "n5");
    EXPECT_EQ(all.next_page_token(), "");
    const auto requests = s_cluster->requests();
    ASSERT_EQ(requests.size(), 3u);
    EXPECT_EQ(requests[0],
        "suanli.v1.ListNodesRequest page_size: 1000 filter: \"model:910B\" "
        "order_by: \"name\"");
    EXPECT_NE(requests[2].find("page_token: \"4\""), std::string::npos);
    for (const std::string &token : s_cluster->tokens())
        EXPECT_EQ(token, "Bearer secret");

    s_cluster->clear();
    r = run({ "nodes", "list", "--limit", "3" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(s_cluster->requests().size(), 2u);
    EXPECT_EQ(r.out.substr(0, r.out.find('\n')),
        "NAME  STATE    MODEL  ACC  ALLOC  FAILED   UTIL  TEMP   POWER  JOBS  QUEUES  REASON");
    EXPECT_NE(r.out.find("n2    drained  910B     8      0       0  97.3%   0°C  5.6 kW     0  -"),
        std::string::npos)
        << r.out;
    EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);
    EXPECT_EQ(r.err, "showing 3 of 5 nodes\n");
}

TEST_F(SuanlictlBinary, OverviewSaysNoDataWithoutTelemetry)
{
    const CtlRun r = run({ "overview" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(r.out.find("utilisation   no data\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("IT no data, facility no data, PUE 1.3\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("550 gCO2/kWh, no data for emissions"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("0.0%"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find(" 0 W"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("kg CO2"), std::string::npos) << r.out;
}

TEST_F(SuanlictlBinary, OverviewSaysNotConfiguredWithoutSiteFacts)
{
    s_cluster->setUnconfigured();
    const CtlRun r = run({ "overview" });
    ASSERT_EQ(r.exitCode, 0) << r.err;
    EXPECT_NE(
        r.out.find("IT 5.6 kW, facility not configured, PUE not configured\n"), std::string::npos)
        << r.out;
    EXPECT_NE(
        r.out.find("grid carbon not configured, emissions not configured\n"), std::string::npos)
        << r.out;
    EXPECT_EQ(r.out.find("gCO2/kWh"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("kg CO2"), std::string::npos) << r.out;
    EXPECT_EQ(r.out.find("PUE 0"), std::string::npos) << r.out;
    // Scripts see the facts absent, not zero.
    const CtlRun json = run({ "--json", "overview" });
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_NE(json.out.find("\"it_power_watts\""), std::string::npos) << json.out;
    for (const char *field : { "\"pue\"", "\"carbon_intensity_g_per_kwh\"",
             "\"facility_power_watts\"", "\"emissions_kg_per_hour\"" })
        EXPECT_EQ(json.out.find(field), std::string::npos) << field << "\n" << json.out;
}

TEST_F(SuanlictlBinary, BatchActionsPrintEveryTargetAndFailIfOneFails)
{
    CtlRun r = run({ "nodes", "drain", "good", "bad", "--reason", "replace PSU" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "good: ok\nbad: FAILED_PRECONDITION: bad is down\n");
    EXPECT_EQ(r.err, "suanlictl: 1 of 2 targets failed\n");
    const auto requests = s_cluster->requests();
    ASSERT_EQ(requests.size(), 1u);
    EXPECT_NE(requests[0].find("names: \"good\" names: \"bad\" reason: \"replace PSU\" "
                               "request_id: \""),
        std::string::npos)
        << requests[0];

    r = run({ "nodes", "drain", "good", "--reason", "x" });
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_EQ(r.out, "good: ok\n");

    r = run({ "--json", "nodes", "drain", "good", "bad", "--reason", "x" });
    EXPECT_EQ(r.exitCode, 1);
    v1::NodeActionResponse response;
    EXPECT_TRUE(google::protobuf::util::JsonStringToMessage(r.out, &response).ok()) << r.out;
    EXPECT_EQ(response.results_size(), 2);
}

TEST_F(SuanlictlBinary, ServerErrorsPrintCodeAndMessage)
{
    CtlRun r = run({ "nodes", "reboot", "n1" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.err,
        "suanlictl: PERMISSION_DENIED: role viewer may not call Cluster.RebootNodes "
        "(needs operator)\n");
    r = run({ "nodes", "show", "nope", "--json" });
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_EQ(r.out, "");
    EXPECT_EQ(r.err, "suanlictl: NOT_FOUND: node nope not found\n");
}

TEST_F(SuanlictlBinary, WatchPrintsOneLinePerChangeAndStopsAfterCount)
{
    CtlRun r = run({ "watch", "nodes", "--count", "2" });
    EXPECT_EQ(r.exitCode, 0) << r.err;
    EXPECT_EQ(r.out,
        "SNAPSHOT node n1 unspecified\nUPDATE node n2 drained (PSU)\n"
        "DELETE node n3\n");

    r = run({ "watch", "nodes", "--count", "2", "--json" });
    EXPECT_EQ(r.exitCode, 0) << r.err;
    std::istringstream lines(r.out);
    std::string line;
    std::vector<v1::NodesEvent> events;
    while (std::getline(lines, line)) {
        v1::NodesEvent event;
        ASSERT_TRUE(google::protobuf::util::JsonStringToMessage(line, &event).ok()) << line;
        events.push_back(event);
    }
    ASSERT_EQ(events.size(), 2u);
    EXPECT_EQ(events[1].removed(0), "n3");

    r = run({ "watch", "nodes", "--count", "1" });
    EXPECT_EQ(r.out, "SNAPSHOT node n1 unspecified\n");
}

TEST_F(SuanlictlBinary, UnreachableOrUntrustedGateway)
{
    // A port nobody listens on: bound once to learn a free number, then closed.
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in sa {};
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof sa;
    ASSERT_EQ(::bind(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa), 0);
    ASSERT_EQ(::getsockname(fd, reinterpret_cast<sockaddr *>(&sa), &length), 0);
    const int port = ntohs(sa.sin_port);
    ::close(fd);
    const std::string address = "127.0.0.1:" + std::to_string(port);
    const std::string command = std::string(SUANLICTL_PATH) + " --server " + address
        + " --timeout 5 whoami >" + (s_dir / "out").string() + " 2>" + (s_dir / "err").string();
    const int status = std::system(command.c_str());
    EXPECT_EQ(WEXITSTATUS(status), 1);
    const std::string err = slurp(s_dir / "err");
    EXPECT_EQ(err.substr(0, 24), "suanlictl: UNAVAILABLE: ") << err;
    EXPECT_NE(err.find("suanlictl: is suanlid running at " + address + "?\n"), std::string::npos)
        << err;

    // Without --ca the test certificate is not trusted.
    const CtlRun r = run({ "whoami", "--token", "secret", "--timeout", "5" }, {}, false);
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.err.find("suanlictl: UNAVAILABLE: "), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("suanlictl: the gateway's certificate did not verify: pass its CA with "
                         "--ca (or SUANLI_CA)\n"),
        std::string::npos)
        << r.err;
}

TEST_F(SuanlictlBinary, UsageErrorsExitTwo)
{
    CtlRun r = run({ "nodes", "drain", "n1" });
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_EQ(r.err,
        "suanlictl: nodes drain needs --reason R (why, shown to other admins and in "
        "the audit log)\nusage: suanlictl nodes drain NAME... --reason R\n"
        "Run 'suanlictl nodes drain --help' for details.\n");
    EXPECT_TRUE(s_cluster->requests().empty());
    r = run({ "frobnicate" });
    EXPECT_EQ(r.exitCode, 2);
    r = run({ "--help" });
    EXPECT_EQ(r.exitCode, 0);
    EXPECT_NE(r.out.find("usage: suanlictl"), std::string::npos);
    r = run({ "nodes", "--help" });
    EXPECT_EQ(r.exitCode, 0);
    r = run({ "whoami", "--ca", (s_dir / "missing.pem").string() }, {}, false);
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("cannot read the CA file"), std::string::npos) << r.err;
}
