#pragma once

#include "server/backends/sim/SimJob.h"
#include "suanli/v1/cluster.pb.h"

#include <array>
#include <cstdint>
#include <string>

namespace suanli::server {

// One accelerator card of a simulated node: allocation, health and telemetry.
struct SimAccelerator {
    uint32_t job = kNoSlot; // job-table slot of the job holding it
    uint32_t alert = 0; // number of its open alert, 0 when none
    uint32_t generation = 0; // bumped at each fault, so stale repair timers are ignored
    uint16_t eccErrors = 0;
    ::suanli::v1::AcceleratorHealth health = ::suanli::v1::ACCELERATOR_HEALTH_HEALTHY;
    uint8_t fault = 0; // SimFault code of the last fault, 0 when none
    float util = 0; // percent
    float temp = 0; // degrees Celsius
    float power = 0; // watts
    float mem = 0; // fraction of its memory in use
};

// SimNode is one simulated server: its place, scheduling flags, the eight
// cards and the telemetry last sent to the gateway (for the deadband).
struct SimNode {
    static constexpr int kMaxAccelerators = 8;

    std::string name; // "lg-r0017-n3"
    uint32_t rack = 0;
    uint8_t slot = 0;
    uint8_t queue = 0;
    uint8_t accCount = 8;
    uint8_t allocated = 0; // cards held by jobs
    uint8_t failed = 0; // cards with health FAILED
    uint8_t freeCards = 0; // usable cards no job holds
    int8_t bucket = -1; // free-count bucket of its queue; -1 when not schedulable
    bool drain = false;
    bool down = false;
    bool maintenance = false; // reboot requested or in progress
    bool rebootPending = false;
    bool dirty = false;
    uint32_t bucketPos = 0;
    uint32_t generation = 0; // bumped at each fault or reboot
    uint32_t downAlert = 0;
    uint32_t reservedPass = 0; // scheduler pass that holds it for a blocked job
    int64_t reservedFromMs = 0; // when that job is expected to start on it
    int64_t bootMs = 0;
    std::string drainReason; // why, who and when it was drained
    std::string drainUser;
    int64_t drainMs = 0;
    std::string rebootReason; // why, who and when a reboot was asked for
    std::string rebootUser;
    int64_t rebootMs = 0;
    std::string faultReason; // why it is down
    int64_t faultMs = 0;
    // Node telemetry now and as last reported.
    float util = 0, temp = 0, power = 0, mem = 0;
    float sentUtil = -100, sentTemp = -100, sentPower = -100;
    std::array<SimAccelerator, kMaxAccelerators> acc {};

    bool schedulable() const { return !drain && !down && !maintenance; }
};

} // namespace suanli::server
