// The Placement service on a real gateway: quotes through suanlictl place (one gateway, and
// saved centres with one that does not answer), the tenant scope, a shape refused with its
// field named, and forecast accuracy scored as jobs start.
#include "suanli/v1/placement.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"

#include <fstream>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <thread>

using namespace suanli;
using test::GatewayProcess;

namespace {

class PlacementTest : public ::testing::Test {
protected:
    static void SetUpTestSuite()
    {
        gateway = new GatewayProcess({ "--sim-site", "xian", "--sim-nodes", "32", "--sim-jobs",
            "300", "--sim-speed", "120", "--forecast-every", "0.5" });
        ASSERT_TRUE(gateway->start()) << gateway->error();
        admin = gateway->addUser("root", "admin");
        manager = gateway->addUser("mgr", "tenant-manager", { "galaxy" });
    }
    static void TearDownTestSuite()
    {
        delete gateway;
        gateway = nullptr;
    }

    static GatewayProcess *gateway;
    static std::string admin;
    static std::string manager;
};

GatewayProcess *PlacementTest::gateway = nullptr;
std::string PlacementTest::admin;
std::string PlacementTest::manager;

TEST_F(PlacementTest, PlaceAnswersWithAForecastAndReasons)
{
    const auto json = gateway->ctl(admin,
        { "place", "--model", "910b,h100", "--accelerators", "16", "--per-node", "8", "--hours",
            "2", "--json" });
    ASSERT_EQ(json.exitCode, 0) << json.err;
    EXPECT_NE(json.out.find("\"site\": \"Xi'an\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"method\": \"suanli replay\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("PLACEMENT_OBSTACLE_NO_SUCH_MODEL"), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("\"domestic\": true"), std::string::npos) << json.out;

    const auto table = gateway->ctl(
        admin, { "place", "--model", "h100", "--accelerators", "16", "--hours", "2" });
    ASSERT_EQ(table.exitCode, 0) << table.err;
    EXPECT_NE(table.out.find("no_such_model: no such model here"), std::string::npos) << table.out;
    EXPECT_NE(table.out.find("Nowhere can take it as asked."), std::string::npos) << table.out;

    // Chinese words where the locale is Chinese.
    const auto zh = test::run(
        { SUANLICTL_PATH, "--server", gateway->address(), "--ca", gateway->caFile(), "--token",
            admin, "place", "--model", "h100", "--accelerators", "16", "--hours", "2" },
        { { "LANG", "zh_CN.UTF-8" } });
    EXPECT_NE(zh.out.find("本中心没有该型号"), std::string::npos) << zh.out;
}

TEST_F(PlacementTest, ShapesAreCheckedAndTenantManagersQuoteForTheirOwnTenants)
{
    auto stub = v1::Placement::NewStub(gateway->channel());
    v1::QuotePlacementRequest request;
    request.add_models(v1::ACCELERATOR_MODEL_ASCEND_910B);
    request.set_accelerators(0);
    request.set_hours(1);
    v1::QuotePlacementResponse response;
    auto status = stub->QuotePlacement(GatewayProcess::context(admin).get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    EXPECT_NE(status.error_message().find("accelerators"), std::string::npos);

    request.set_accelerators(8);
    request.set_tenant("health");
    status = stub->QuotePlacement(GatewayProcess::context(manager).get(), request, &response);
    EXPECT_EQ(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    request.set_tenant("galaxy");
    status = stub->QuotePlacement(GatewayProcess::context(manager).get(), request, &response);
    EXPECT_TRUE(status.ok()) << status.error_message();
    ASSERT_EQ(response.quotes_size(), 1);
    EXPECT_EQ(response.quotes(0).queue(), "910b");
}

TEST_F(PlacementTest, SavedCentresAreAskedAtOnceAndASilentOneIsMarked)
{
    test::TempDir dir;
    const std::string tokenFile = dir.path() + "/token";
    std::ofstream(tokenFile) << admin << "\n";
    const std::string contexts = dir.path() + "/contexts";
    std::ofstream(contexts) << "[Xi'an]\nserver = " << gateway->address()
                            << "\nca = " << gateway->caFile() << "\ntoken-file = " << tokenFile
                            << "\n\n[Gone]\nserver = 127.0.0.1:9\nca = " << gateway->caFile()
                            << "\ntoken-file = " << tokenFile << "\n";
    const auto out = test::run({ SUANLICTL_PATH, "--timeout", "3", "place", "--all-centres",
                                   "--model", "910b", "--accelerators", "8", "--hours", "1" },
        { { "SUANLI_CONTEXTS", contexts } });
    ASSERT_EQ(out.exitCode, 0) << out.err;
    const auto answered = out.out.find("Xi'an");
    const auto silent = out.out.find("Gone");
    ASSERT_NE(answered, std::string::npos) << out.out;
    ASSERT_NE(silent, std::string::npos) << out.out;
    EXPECT_LT(answered, silent) << out.out;
    EXPECT_NE(out.out.find("no answer"), std::string::npos) << out.out;

    // A token written in a file others can read is refused.
    std::ofstream(contexts) << "[Xi'an]\nserver = " << gateway->address() << "\ntoken = " << admin
                            << "\n";
    ::chmod(contexts.c_str(), 0644);
    const auto open = test::run({ SUANLICTL_PATH, "place", "--centre", "Xi'an", "--model", "910b",
                                    "--accelerators", "8", "--hours", "1" },
        { { "SUANLI_CONTEXTS", contexts } });
    EXPECT_EQ(open.exitCode, 2);
    EXPECT_NE(open.err.find("chmod 600"), std::string::npos) << open.err;
}

TEST_F(PlacementTest, ForecastsAreScoredAsJobsStart)
{
    auto stub = v1::Placement::NewStub(gateway->channel());
    v1::GetForecastAccuracyResponse accuracy;
    // The centre runs at 120x: jobs forecast while waiting start within seconds.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    int64_t scored = 0;
    while (std::chrono::steady_clock::now() < deadline) {
        accuracy.Clear();
        const auto status = stub->GetForecastAccuracy(
            GatewayProcess::context(admin).get(), v1::GetForecastAccuracyRequest(), &accuracy);
        ASSERT_TRUE(status.ok()) << status.error_message();
        scored = 0;
        for (const auto &q : accuracy.queues())
            scored += q.jobs_scored();
        if (scored >= 5)
            break;
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
    }
    ASSERT_GE(scored, 5);
    EXPECT_EQ(accuracy.window_seconds(), 86400);
    for (const auto &q : accuracy.queues()) {
        EXPECT_EQ(q.method(), "suanli replay");
        EXPECT_GE(q.inside_interval_share(), 0.0);
        EXPECT_LE(q.inside_interval_share(), 1.0);
        EXPECT_GE(q.interval_seconds_median(), 0.0);
    }
}

} // namespace
