#pragma once

#include "suanli/v1/scheduler.pb.h"

#include <cstdint>
#include <string>
#include <vector>

namespace suanli::server {

// Marks "no job" in an accelerator and "no slot" in the job table.
inline constexpr uint32_t kNoSlot = 0xffffffffu;

// Kinds of work, as Acme's traces classify them.
enum class Workload : uint8_t { Pretrain, Finetune, Eval, Inference, Debug };
inline constexpr int kWorkloadCount = 5;

// How a job will end once started, drawn at submission.
enum class Outcome : uint8_t { Complete, AppFailure, InfraFailure, Cancel, Timeout };

// SimJob is the simulator's compact record of one job; protos are built from
// it only when a snapshot or a change list is asked for.
struct SimJob {
    uint32_t id = 0; // 0: free slot
    uint32_t generation = 0; // bumped at each state change, so stale timers are ignored
    int64_t submitMs = 0; // simulated milliseconds since the start instant
    int64_t startMs = 0;
    int64_t endMs = 0;
    int64_t runMs = 0; // how long it runs once started, until its outcome
    int32_t timeLimitSeconds = 0;
    int32_t priority = 0;
    int32_t quotaUsed = 0;
    int32_t quotaLimit = 0;
    int32_t exitCode = 0;
    uint32_t passStamp = 0; // last scheduler pass that examined it
    uint16_t accelerators = 0;
    uint16_t tenant = 0;
    uint16_t project = 0;
    uint16_t user = 0;
    uint8_t queue = 0;
    ::suanli::v1::JobState state = ::suanli::v1::JOB_STATE_UNSPECIFIED;
    ::suanli::v1::PendingReason reason = ::suanli::v1::PENDING_REASON_UNSPECIFIED;
    Workload workload = Workload::Debug;
    Outcome outcome = Outcome::Complete;
    uint8_t failureKind = 0; // which failure text, for AppFailure and InfraFailure
    bool adminHold = false; // held by an operator (JobHeldAdmin), not by its owner
    bool quotaAllModels = false; // quotaUsed/quotaLimit are of the limit across all models
    bool dirty = false; // in the change list
    std::vector<uint32_t> nodes; // node indices while running (and after it ends)
    std::string endText; // failure or cancellation text once it has ended
};

} // namespace suanli::server
