// Who may do what, checked on a real gateway: every call for every role, bad
// tokens, a wrong CA, client certificates, and the standard gRPC services.
#include "grpc_probe.grpc.pb.h"
#include "reflection_probe.grpc.pb.h"
#include "server/tls/CertificateAuthority.h"
#include "suanli/v1/audit.grpc.pb.h"
#include "suanli/v1/auth.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/telemetry.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <condition_variable>
#include <fstream>
#include <grpcpp/generic/generic_stub.h>
#include <grpcpp/impl/codegen/proto_utils.h>
#include <gtest/gtest.h>
#include <set>

using namespace suanli::test;
namespace v1 = suanli::v1;

namespace {
// Who may call what: V viewer, O operator, T tenant-manager, A admin. Written
// out here, apart from the gateway's own table, so either can catch the other.
const std::map<std::string, std::string> kAllowed = {
    { "Auth/WhoAmI", "VOTA" },
    { "Auth/ListUsers", "A" },
    { "Auth/CreateUser", "A" },
    { "Auth/DeleteUser", "A" },
    { "Auth/CreateToken", "A" },
    { "Auth/RevokeToken", "A" },
    { "Cluster/GetOverview", "VOTA" },
    { "Cluster/ListNodes", "VOTA" },
    { "Cluster/GetNode", "VOTA" },
    { "Cluster/DrainNodes", "OA" },
    { "Cluster/ResumeNodes", "OA" },
    { "Cluster/RebootNodes", "OA" },
    { "Scheduler/ListQueues", "VOTA" },
    { "Scheduler/ListJobs", "VOTA" },
    { "Scheduler/GetJob", "VOTA" },
    { "Scheduler/CancelJobs", "OA" },
    { "Scheduler/HoldJobs", "OA" },
    { "Scheduler/ReleaseJobs", "OA" },
    { "Scheduler/RequeueJobs", "OA" },
    { "Scheduler/SetJobPriority", "OA" },
    { "Tenancy/ListTenants", "VOTA" },
    { "Tenancy/SetQuota", "A" },
    { "Tenancy/ListQuotaRequests", "VOTA" },
    { "Tenancy/CreateQuotaRequest", "OTA" },
    { "Tenancy/ApproveQuotaRequest", "TA" },
    { "Tenancy/RejectQuotaRequest", "TA" },
    { "Telemetry/QueryMetrics", "VOTA" },
    { "Events/ListAlerts", "VOTA" },
    { "Events/AcknowledgeAlert", "OA" },
    { "Audit/ListAuditEntries", "OA" },
    { "Audit/VerifyAuditLog", "A" },
};
// Streaming calls, checked through their typed stubs.
const std::map<std::string, std::string> kStreams = {
    { "Cluster/WatchNodes", "VOTA" },
    { "Cluster/WatchOverview", "VOTA" },
    { "Tenancy/WatchTenants", "VOTA" },
    { "Scheduler/WatchQueues", "VOTA" },
    { "Scheduler/WatchJobs", "VOTA" },
    { "Tenancy/WatchQuotaRequests", "VOTA" },
    { "Events/WatchAlerts", "VOTA" },
    { "Telemetry/StreamMetrics", "VOTA" },
};

// Calls a unary method by name with an empty request (which no call may act
// on: each refuses it after the role check, or only reads).
grpc::Status callEmpty(grpc::GenericStub &stub, const std::string &method, const std::string &token)
{
    auto ctx = GatewayProcess::context(token);
    grpc::ByteBuffer request, response;
    bool own = false;
    // An empty message is zero bytes, but it must be a real buffer.
    grpc::GenericSerialize<grpc::ProtoBufferWriter, v1::WhoAmIRequest>(
        v1::WhoAmIRequest(), &request, &own);
    std::mutex mutex;
    std::condition_variable cv;
    bool done = false;
    grpc::Status result;
    grpc::StubOptions options;
    stub.UnaryCall(
        ctx.get(), "/suanli.v1." + method, options, &request, &response, [&](grpc::Status status) {
            std::lock_guard lock(mutex);
            result = status;
            done = true;
            cv.notify_all();
        });
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return done; });
    return result;
}

template <class Event, class Open> grpc::Status openStream(const std::string &token, Open open)
{
    auto ctx = GatewayProcess::context(token);
    auto reader = open(ctx.get());
    Event event;
    if (!reader->Read(&event))
        return reader->Finish();
    ctx->TryCancel();
    while (reader->Read(&event)) { }
    reader->Finish();
    return grpc::Status::OK;
}

std::string writeFile(const std::string &path, const std::string &text)
{
    std::ofstream(path) << text;
    return path;
}
} // namespace

class SecurityTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        gateway = new GatewayProcess({ "--sim-nodes", "32", "--sim-jobs", "100", "--tick", "0.2" });
        ASSERT_TRUE(gateway->start()) << gateway->error();
        tokens['V'] = gateway->addUser("wall", "viewer");
        tokens['O'] = gateway->addUser("ops", "operator");
        tokens['T'] = gateway->addUser("mgr", "tenant-manager");
        tokens['A'] = gateway->addUser("root", "admin");
    }
    static void TearDownTestSuite()
    {
        delete gateway;
        gateway = nullptr;
    }
    static GatewayProcess *gateway;
    static std::map<char, std::string> tokens;
};
GatewayProcess *SecurityTest::gateway = nullptr;
std::map<char, std::string> SecurityTest::tokens;

TEST_F(SecurityTest, EveryUnaryCallForEveryRole)
{
    grpc::GenericStub stub(gateway->channel());
    for (const auto &[method, allowed] : kAllowed) {
        for (const auto &[letter, token] : tokens) {
            const auto status = callEmpty(stub, method, token);
            if (allowed.find(letter) != std::string::npos) {
                EXPECT_NE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
                    << method << " as " << letter << ": " << status.error_message();
                EXPECT_NE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED) << method;
                EXPECT_NE(status.error_code(), grpc::StatusCode::UNIMPLEMENTED) << method;
            } else {
                EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED)
                    << method << " as " << letter << ": " << status.error_message();
            }
        }
    }
}

TEST_F(SecurityTest, EveryStreamForEveryRole)
{
    auto channel = gateway->channel();
    auto cluster = v1::Cluster::NewStub(channel);
    auto scheduler = v1::Scheduler::NewStub(channel);
    auto tenancy = v1::Tenancy::NewStub(channel);
    auto events = v1::Events::NewStub(channel);
    auto telemetry = v1::Telemetry::NewStub(channel);
    for (const auto &[letter, token] : tokens) {
        v1::WatchRequest watch;
        v1::StreamMetricsRequest metrics;
        metrics.set_scope(v1::METRIC_SCOPE_SITE);
        std::map<std::string, grpc::Status> results = {
            { "Cluster/WatchNodes",
                openStream<v1::NodesEvent>(
                    token, [&](auto *c) { return cluster->WatchNodes(c, watch); }) },
            { "Scheduler/WatchQueues",
                openStream<v1::QueuesEvent>(
                    token, [&](auto *c) { return scheduler->WatchQueues(c, watch); }) },
            { "Scheduler/WatchJobs",
                openStream<v1::JobsEvent>(
                    token, [&](auto *c) { return scheduler->WatchJobs(c, watch); }) },
            { "Tenancy/WatchQuotaRequests",
                openStream<v1::QuotaRequestsEvent>(
                    token, [&](auto *c) { return tenancy->WatchQuotaRequests(c, watch); }) },
            { "Events/WatchAlerts",
                openStream<v1::AlertsEvent>(
                    token, [&](auto *c) { return events->WatchAlerts(c, watch); }) },
            { "Telemetry/StreamMetrics",
                openStream<v1::MetricsPoint>(
                    token, [&](auto *c) { return telemetry->StreamMetrics(c, metrics); }) },
            { "Cluster/WatchOverview",
                openStream<v1::Overview>(token,
                    [&](auto *c) { return cluster->WatchOverview(c, v1::GetOverviewRequest()); }) },
            { "Tenancy/WatchTenants",
                openStream<v1::TenantsEvent>(
                    token, [&](auto *c) { return tenancy->WatchTenants(c, watch); }) },
        };
        ASSERT_EQ(results.size(), kStreams.size());
        for (const auto &[method, status] : results) {
            const bool allowed = kStreams.at(method).find(letter) != std::string::npos;
            EXPECT_EQ(status.ok(), allowed)
                << method << " as " << letter << ": " << status.error_message();
        }
    }
    auto status = openStream<v1::NodesEvent>(
        "sl_not-a-token", [&](auto *c) { return cluster->WatchNodes(c, v1::WatchRequest()); });
    EXPECT_EQ(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, MissingOrWrongTokenIsUnauthenticated)
{
    grpc::GenericStub stub(gateway->channel());
    EXPECT_EQ(
        callEmpty(stub, "Cluster/ListNodes", "").error_code(), grpc::StatusCode::UNAUTHENTICATED);
    EXPECT_EQ(callEmpty(stub, "Cluster/ListNodes", "sl_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")
                  .error_code(),
        grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, RevokedTokenStopsWorking)
{
    auto auth = v1::Auth::NewStub(gateway->channel());
    v1::CreateUserRequest create;
    create.set_name("temp");
    create.set_role(v1::ROLE_VIEWER);
    v1::CreateUserResponse created;
    auto ctx = GatewayProcess::context(tokens['A']);
    ASSERT_TRUE(auth->CreateUser(ctx.get(), create, &created).ok());
    ASSERT_FALSE(created.token().empty());
    v1::WhoAmIResponse me;
    ctx = GatewayProcess::context(created.token());
    ASSERT_TRUE(auth->WhoAmI(ctx.get(), v1::WhoAmIRequest(), &me).ok());
    EXPECT_EQ(me.user().name(), "temp");
    EXPECT_EQ(me.user().role(), v1::ROLE_VIEWER);
    EXPECT_EQ(me.backend(), "sim");
    ASSERT_EQ(me.user().tokens_size(), 1);

    v1::RevokeTokenRequest revoke;
    revoke.set_token_id(me.user().tokens(0).id());
    v1::RevokeTokenResponse revoked;
    ctx = GatewayProcess::context(tokens['A']);
    ASSERT_TRUE(auth->RevokeToken(ctx.get(), revoke, &revoked).ok());
    ctx = GatewayProcess::context(created.token());
    EXPECT_EQ(auth->WhoAmI(ctx.get(), v1::WhoAmIRequest(), &me).error_code(),
        grpc::StatusCode::UNAUTHENTICATED);
}

TEST_F(SecurityTest, RefusalsAreAudited)
{
    auto cluster = v1::Cluster::NewStub(gateway->channel());
    v1::DrainNodesRequest request;
    request.add_names("whatever");
    request.set_reason("not allowed");
    v1::NodeActionResponse response;
    auto ctx = GatewayProcess::context(tokens['V']);
    const auto refused = cluster->DrainNodes(ctx.get(), request, &response);
    ASSERT_EQ(refused.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    EXPECT_NE(refused.error_message().find("needs operator"), std::string::npos)
        << refused.error_message();

    auto audit = v1::Audit::NewStub(gateway->channel());
    v1::ListAuditEntriesRequest list;
    list.set_filter("user:wall action:DrainNodes");
    v1::ListAuditEntriesResponse entries;
    ctx = GatewayProcess::context(tokens['A']);
    ASSERT_TRUE(audit->ListAuditEntries(ctx.get(), list, &entries).ok());
    ASSERT_GE(entries.entries_size(), 1);
    EXPECT_EQ(entries.entries(0).result(), "PERMISSION_DENIED");
    EXPECT_EQ(entries.entries(0).role(), v1::ROLE_VIEWER);
}

TEST_F(SecurityTest, AClientTrustingAnotherCaCannotConnect)
{
    TempDir other;
    suanli::server::ensureServerCertificate(other.path(), {});
    std::ifstream in(other.path() + "/tls/ca.pem");
    std::stringstream pem;
    pem << in.rdbuf();
    grpc::SslCredentialsOptions ssl;
    ssl.pem_root_certs = pem.str();
    auto channel = grpc::CreateChannel(gateway->address(), grpc::SslCredentials(ssl));
    auto auth = v1::Auth::NewStub(channel);
    auto ctx = GatewayProcess::context(tokens['A']);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::WhoAmIResponse me;
    const auto status = auth->WhoAmI(ctx.get(), v1::WhoAmIRequest(), &me);
    EXPECT_FALSE(status.ok());
    EXPECT_TRUE(status.error_code() == grpc::StatusCode::UNAVAILABLE
        || status.error_code() == grpc::StatusCode::DEADLINE_EXCEEDED)
        << status.error_message();

    // suanlictl says the same, with exit code 1.
    const auto r = run({ suanlictlPath(), "--server", gateway->address(), "--ca",
        other.path() + "/tls/ca.pem", "--token", tokens['A'], "--timeout", "5", "whoami" });
    EXPECT_EQ(r.exitCode, 1) << r.out << r.err;
}

TEST_F(SecurityTest, HealthAndReflectionServeGenericTools)
{
    auto health = grpc::health::v1::Health::NewStub(gateway->channel());
    grpc::health::v1::HealthCheckResponse answer;
    grpc::ClientContext hctx;
    ASSERT_TRUE(health->Check(&hctx, grpc::health::v1::HealthCheckRequest(), &answer).ok());
    EXPECT_EQ(answer.status(), grpc::health::v1::HealthCheckResponse::SERVING);

    auto reflection = grpc::reflection::v1alpha::ServerReflection::NewStub(gateway->channel());
    grpc::ClientContext rctx;
    auto stream = reflection->ServerReflectionInfo(&rctx);
    grpc::reflection::v1alpha::ServerReflectionRequest ask;
    ask.set_list_services("*");
    ASSERT_TRUE(stream->Write(ask));
    grpc::reflection::v1alpha::ServerReflectionResponse listed;
    ASSERT_TRUE(stream->Read(&listed));
    std::set<std::string> names;
    for (const auto &s : listed.list_services_response().service())
        names.insert(s.name());
    for (const char *service :
        { "suanli.v1.Auth", "suanli.v1.Cluster", "suanli.v1.Scheduler", "suanli.v1.Tenancy",
            "suanli.v1.Telemetry", "suanli.v1.Events", "suanli.v1.Audit", "grpc.health.v1.Health" })
        EXPECT_TRUE(names.count(service)) << service;
    // The descriptors themselves are served, so a tool can build requests.
    grpc::reflection::v1alpha::ServerReflectionRequest file;
    file.set_file_containing_symbol("suanli.v1.Cluster");
    ASSERT_TRUE(stream->Write(file));
    grpc::reflection::v1alpha::ServerReflectionResponse descriptor;
    ASSERT_TRUE(stream->Read(&descriptor));
    EXPECT_GT(descriptor.file_descriptor_response().file_descriptor_proto_size(), 0);
    stream->WritesDone();
    stream->Finish();
}

TEST(ClientCertificates, RequiredWhenTheGatewayIsGivenAClientCa)
{
    TempDir dir;
    const std::string data = dir.path() + "/data";
    // The gateway's own CA signs the client certificates here.
    suanli::server::ensureServerCertificate(data, {});
    GatewayProcess gateway(
        { "--client-ca", data + "/tls/ca.pem", "--sim-nodes", "16", "--sim-jobs", "20" }, data);
    ASSERT_TRUE(gateway.start()) << gateway.error();
    const std::string token = gateway.addUser("ops", "operator");

    grpc::SslCredentialsOptions without;
    without.pem_root_certs = gateway.caPem();
    auto bare
        = v1::Auth::NewStub(grpc::CreateChannel(gateway.address(), grpc::SslCredentials(without)));
    auto ctx = GatewayProcess::context(token);
    ctx->set_deadline(std::chrono::system_clock::now() + std::chrono::seconds(5));
    v1::WhoAmIResponse me;
    EXPECT_FALSE(bare->WhoAmI(ctx.get(), v1::WhoAmIRequest(), &me).ok());

    const auto client = suanli::server::issueClientCertificate(data, "console-1");
    grpc::SslCredentialsOptions with = without;
    with.pem_cert_chain = client.certPem;
    with.pem_private_key = client.keyPem;
    auto authed
        = v1::Auth::NewStub(grpc::CreateChannel(gateway.address(), grpc::SslCredentials(with)));
    ctx = GatewayProcess::context(token);
    const auto status = authed->WhoAmI(ctx.get(), v1::WhoAmIRequest(), &me);
    EXPECT_TRUE(status.ok()) << status.error_message();
    EXPECT_EQ(me.user().name(), "ops");
}
