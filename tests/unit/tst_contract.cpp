// The contract common/ holds for the gateway, the console and suanlictl alike: the names of
// metric series, status codes, request limits and who may call what.
#include "MetricNames.h"

#include <gtest/gtest.h>

using namespace suanli;

TEST(Contract, MetricNamesOfOneModel)
{
    EXPECT_EQ(metric::perModel(metric::kAcceleratorsInUse, v1::ACCELERATOR_MODEL_NVIDIA_H100),
        "accelerators_in_use:H100");
    EXPECT_EQ(metric::baseName("accelerators_in_use:910B"), metric::kAcceleratorsInUse);
    EXPECT_EQ(metric::baseName(metric::kPue), "pue");
}
