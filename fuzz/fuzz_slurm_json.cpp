// What the gateway maps from slurmrestd's JSON (and from libslurm's records, which it puts in
// the same shape): nodes, jobs, partitions, associations and account descriptions. Any JSON,
// however far from Slurm's, maps or is skipped without crashing the gateway.
#include "server/backends/slurm/SlurmMapping.h"
#include "server/backends/slurm/Topology.h"

#include <cstdint>
#include <nlohmann/json.hpp>

using namespace suanli::server;
using namespace suanli::server::slurm;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const Json doc = Json::parse(data, data + size, nullptr, false);
    if (doc.is_discarded())
        return 0;
    const Topology topology;
    AccountTree accounts;
    accounts.add("tenanta", "root");
    accounts.add("tenanta-cv", "tenanta");
    // Each record wherever a document of slurmrestd's shape would hold it, and the document
    // itself as one record.
    auto each = [&](const char *key, auto &&map) {
        map(doc);
        if (doc.is_object())
            if (auto it = doc.find(key); it != doc.end() && it->is_array())
                for (const Json &record : *it)
                    map(record);
    };
    each("nodes", [&](const Json &j) { (void)parseNode(j, topology); });
    each("jobs", [&](const Json &j) { (void)parseJob(j, accounts); });
    each("partitions", [&](const Json &j) { (void)parsePartition(j); });
    (void)parseAssociations(doc);
    (void)parseAccountDescriptions(doc);
    return 0;
}
