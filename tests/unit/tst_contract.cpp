// The contract common/ holds for the gateway, the console and suanlictl alike: the names of
// metric series, status codes, request limits and who may call what.
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
