#include "server/backends/sim/TelemetryModel.h"

#include "server/backends/sim/FaultCatalog.h"
#include "server/backends/sim/SimRandom.h"

#include <algorithm>
#include <cmath>

namespace suanli::server {

namespace {
// Memory share a job of this kind keeps on its cards.
std::pair<double, double> memoryRange(Workload w)
{
    switch (w) {
    case Workload::Pretrain:
        return { 0.85, 0.97 };
    case Workload::Finetune:
        return { 0.50, 0.95 };
    case Workload::Eval:
        return { 0.30, 0.80 };
    case Workload::Inference:
        return { 0.40, 0.90 };
    default:
        return { 0.10, 0.60 };
    }
}
// How hard a job of this kind drives its cards, as a share of TDP.
std::pair<double, double> intensityRange(Workload w)
{
    switch (w) {
    case Workload::Pretrain:
        return { 0.90, 1.03 };
    case Workload::Finetune:
        return { 0.80, 1.02 };
    case Workload::Eval:
    case Workload::Inference:
        return { 0.65, 0.95 };
    default:
        return { 0.55, 0.95 };
    }
}
double lerp(std::pair<double, double> r, double u)
{
    return r.first + (r.second - r.first) * u;
}
} // namespace

void TelemetryModel::refresh(SimNode &node, uint32_t index, const AcceleratorSpec &spec,
    const JobTable &jobs, uint64_t seed, int64_t period)
{
    using namespace ::suanli::v1;
    const double tdp = spec.tdpWatts;
    const double idle = spec.idleWatts;
    double utilSum = 0, memSum = 0, powerSum = 0, tempMax = 0;
    for (int i = 0; i < node.accCount; ++i) {
        SimAccelerator &a = node.acc[size_t(i)];
        const uint64_t h = SimRandom::hash(seed, index, uint64_t(i), uint64_t(period));
        const double j1 = double(h & 0xffff) / 65535.0 - 0.5; // jitter in [-0.5, 0.5]
        const double j2 = double((h >> 16) & 0xffff) / 65535.0 - 0.5;
        const double j3 = double((h >> 32) & 0xffff) / 65535.0 - 0.5;
        const double cardOffset
            = SimRandom::hashUniform(seed, index, uint64_t(i), 0xcafe) * 6.0 - 3.0;
        double util = 0, power = idle, mem = 0, temp = 0;
        if (node.down) {
            power = idle;
            temp = 32 + cardOffset;
        } else if (a.health == ACCELERATOR_HEALTH_FAILED) {
            power = idle * 0.5;
            temp = 31 + cardOffset;
        } else if (a.job != kNoSlot) {
            const SimJob &job = jobs[a.job];
            const uint64_t jh = SimRandom::hash(seed, job.id, 0x10b);
            const double u1 = double(jh & 0xffffff) / double(0xffffff);
            const double u2 = double((jh >> 24) & 0xffffff) / double(0xffffff);
            const double u3 = double((jh >> 48) & 0xffff) / 65535.0;
            // Acme: median use 97-99%; an exponential shortfall with a 3-point mean.
            const double base = 100.0 + 3.0 * std::log(std::max(1e-6, 1.0 - u1));
            util = std::clamp(base + 1.5 * j1, 85.0, 100.0);
            const double intensity = lerp(intensityRange(job.workload), u2);
            power
                = idle + (tdp - idle) * intensity * (0.9 + 0.1 * util / 100.0) * (1.0 + 0.03 * j2);
            mem = lerp(memoryRange(job.workload), u3);
            temp = 38.0 + 38.0 * power / tdp + cardOffset + j3;
            if (SimFault(a.fault) == SimFault::Thermal && a.health == ACCELERATOR_HEALTH_DEGRADED) {
                temp = throttleTemperature(a.generation) + j3;
                util *= 0.8;
                power *= 0.85;
            }
        } else {
            power = idle * (1.0 + 0.05 * j2);
            temp = 34.0 + cardOffset + j3;
        }
        a.util = float(util);
        a.power = float(power);
        a.mem = float(mem);
        a.temp = float(temp);
        utilSum += util;
        memSum += mem;
        powerSum += power;
        tempMax = std::max(tempMax, temp);
    }
    const double busyShare = node.accCount ? double(node.allocated) / node.accCount : 0;
    const double host = node.down
        ? spec.hostIdleWatts * 0.5
        : spec.hostIdleWatts + (spec.hostBusyWatts - spec.hostIdleWatts) * busyShare;
    node.util = float(utilSum / std::max(1, int(node.accCount)));
    node.mem = float(100.0 * memSum / std::max(1, int(node.accCount)));
    node.power = float(powerSum + host);
    node.temp = float(tempMax);
}

} // namespace suanli::server
