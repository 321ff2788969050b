// The contract common/ holds for the gateway, the console and suanlictl alike: the names of
// metric series, status codes, request limits and who may call what.
#include "ChannelConfig.h"
#include "MetricNames.h"
#include "StatusCodes.h"

#include <grpcpp/support/status_code_enum.h>
#include <gtest/gtest.h>

using namespace suanli;

TEST(Contract, MetricNamesOfOneModel)
{
    EXPECT_EQ(metric::perModel(metric::kAcceleratorsInUse, v1::ACCELERATOR_MODEL_NVIDIA_H100),
        "accelerators_in_use:H100");
    EXPECT_EQ(metric::baseName("accelerators_in_use:910B"), metric::kAcceleratorsInUse);
    EXPECT_EQ(metric::baseName(metric::kPue), "pue");
}

TEST(Contract, StatusCodeNamesFollowGrpcNumbers)
{
    EXPECT_EQ(statusCodeName(grpc::StatusCode::OK), "OK");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::INVALID_ARGUMENT), "INVALID_ARGUMENT");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::NOT_FOUND), "NOT_FOUND");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::PERMISSION_DENIED), "PERMISSION_DENIED");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::FAILED_PRECONDITION), "FAILED_PRECONDITION");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::UNAVAILABLE), "UNAVAILABLE");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::DATA_LOSS), "DATA_LOSS");
    EXPECT_EQ(statusCodeName(grpc::StatusCode::UNAUTHENTICATED), "UNAUTHENTICATED");
    EXPECT_EQ(statusCodeName(17), "CODE_17");
    EXPECT_EQ(statusCodeName(-1), "CODE_-1");
}

TEST(Contract, ChannelRetriesUnavailableButNotCallsThatHandOutASecret)
{
    const std::string &config = channelServiceConfig();
    EXPECT_NE(config.find("\"maxAttempts\": " + std::to_string(kUnaryMaxAttempts) + ","),
        std::string::npos);
    EXPECT_EQ(kUnaryMaxAttempts, 4);
    EXPECT_NE(config.find("\"retryableStatusCodes\": [\"UNAVAILABLE\"]"), std::string::npos);
    // The two calls that hand out a token have a method entry of their own, without retries.
    const size_t exceptions = config.find("\"method\": \"CreateToken\"");
    ASSERT_NE(exceptions, std::string::npos);
    EXPECT_NE(config.find("\"method\": \"CreateUser\""), std::string::npos);
    EXPECT_EQ(config.find("retryPolicy", exceptions), std::string::npos);
}
