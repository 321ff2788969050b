#pragma once

#include "suanli/v1/audit.pb.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/common.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <optional>
#include <string>
#include <string_view>

// Plain English words for the API's enums and states, shared by the gateway's logs, suanlictl and
// the filter language, so all three name things the same way.
namespace suanli {

// Lower-case name of an enum value without its type's prefix: NODE_STATE_DRAINED -> "drained",
// PENDING_REASON_TENANT_QUOTA -> "tenant_quota"; "unknown" for a number the enum does not have.
std::string enumShortName(const google::protobuf::EnumDescriptor *type, int number);

// "H100", "H800", "A100", "A800", "910B", "MLU370", "K100", "other", "unspecified".
std::string modelShortName(v1::AcceleratorModel model);
// As people say it: "H100", "Ascend 910B", "Cambricon MLU370", "Hygon K100"; for OTHER the
// backend's modelName when given.
std::string modelDisplayName(v1::AcceleratorModel model, std::string_view modelName = {});
// Accepts the short name, the enum name and common spellings, in any case: "h100",
// "NVIDIA_H100", "910b", "ascend910b", "Ascend 910B", "mlu370", "k100", "dcu".
std::optional<v1::AcceleratorModel> parseModel(std::string_view text);

// Lower-case state names: "idle", "drained", "pending", "critical", "approved", "healthy".
std::string stateName(v1::NodeState state);
std::string stateName(v1::JobState state);
std::string stateName(v1::Severity severity);
std::string stateName(v1::QuotaRequestState state);
std::string stateName(v1::AcceleratorHealth health);
// "viewer", "operator", "tenant-manager", "admin".
std::string stateName(v1::Role role);
// "tenant_quota", "resources", "held_by_user": the words the filter language takes.
std::string pendingReasonName(v1::PendingReason reason);

// Accepts "viewer", "operator", "tenant-manager" (or tenant_manager, tenantmanager), "admin",
// and the enum names, in any case.
std::optional<v1::Role> parseRole(std::string_view text);

// Why a pending or held job is not running, in plain words: "waiting: needs 912 H100; tenant
// galaxy uses 1,894 of 1,976", "waiting: needs 16 accelerators; project galaxy-llm uses 8 of 16
// across all models", "waiting for free H100 accelerators", "held by a user"; empty for jobs
// that are not waiting. A quota's figures are read from `tenant` (the job's, as it is now);
// without it the words say what the job needs and whose limit holds it, without figures.
std::string pendingReasonText(const v1::Job &job, const v1::Tenant *tenant = nullptr);

} // namespace suanli
