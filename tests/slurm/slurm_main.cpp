// main() of the Slurm tests: runs them only where the fixture's cluster is
// up, and ends with 77 (ctest's "skipped") where no cluster can run here.
#include "tests/slurm/SlurmCluster.h"

#include <gtest/gtest.h>

int main(int argc, char **argv)
{
    ::testing::InitGoogleTest(&argc, argv);
    if (const int code = suanli::test::SlurmCluster::load(); code != 0)
        return code;
    return RUN_ALL_TESTS();
}
