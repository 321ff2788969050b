#include "common/Describe.h"

#include "common/QuotaRules.h"
#include "common/TextMatch.h"

#include <array>

namespace suanli {

namespace {

// "QuotaRequestState" -> "QUOTA_REQUEST_STATE_": the prefix protobuf style puts on every value.
std::string valuePrefix(std::string_view typeName)
{
    std::string prefix;
    for (std::size_t i = 0; i < typeName.size(); ++i) {
        const char c = typeName[i];
        if (c >= 'A' && c <= 'Z' && i > 0)
            prefix += '_';
        prefix += (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
    }
    prefix += '_';
    return prefix;
}

// Letters and digits only, lower-case: "Ascend 910B" and "ascend_910b" both become "ascend910b".
std::string squashed(std::string_view text)
{
    std::string out;
    for (char c : text) {
        const char l = asciiLower(c);
        if ((l >= 'a' && l <= 'z') || (l >= '0' && l <= '9'))
            out += l;
    }
    return out;
}

struct ModelSpelling {
    std::string_view spelling;
    v1::AcceleratorModel model;
};

// Squashed spellings people use; vendor names are accepted where the vendor has one model here.
constexpr std::array<ModelSpelling, 27> kModelSpellings { {
    { "h100", v1::ACCELERATOR_MODEL_NVIDIA_H100 },
    { "nvidiah100", v1::ACCELERATOR_MODEL_NVIDIA_H100 },
    { "h100sxm", v1::ACCELERATOR_MODEL_NVIDIA_H100 },
    { "h800", v1::ACCELERATOR_MODEL_NVIDIA_H800 },
    { "nvidiah800", v1::ACCELERATOR_MODEL_NVIDIA_H800 },
    { "a100", v1::ACCELERATOR_MODEL_NVIDIA_A100 },
    { "nvidiaa100", v1::ACCELERATOR_MODEL_NVIDIA_A100 },
    { "a10080gb", v1::ACCELERATOR_MODEL_NVIDIA_A100 },
    { "a800", v1::ACCELERATOR_MODEL_NVIDIA_A800 },
    { "nvidiaa800", v1::ACCELERATOR_MODEL_NVIDIA_A800 },
    { "910b", v1::ACCELERATOR_MODEL_ASCEND_910B },
    { "ascend910b", v1::ACCELERATOR_MODEL_ASCEND_910B },
    { "huawei910b", v1::ACCELERATOR_MODEL_ASCEND_910B },
    { "huaweiascend910b", v1::ACCELERATOR_MODEL_ASCEND_910B },
    { "ascend", v1::ACCELERATOR_MODEL_ASCEND_910B },
    { "mlu370", v1::ACCELERATOR_MODEL_CAMBRICON_MLU370 },
    { "mlu370x8", v1::ACCELERATOR_MODEL_CAMBRICON_MLU370 },
    { "cambriconmlu370", v1::ACCELERATOR_MODEL_CAMBRICON_MLU370 },
    { "cambricon", v1::ACCELERATOR_MODEL_CAMBRICON_MLU370 },
    { "mlu", v1::ACCELERATOR_MODEL_CAMBRICON_MLU370 },
    { "k100", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "k100ai", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "hygonk100", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "hygondcu", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "hygon", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "dcu", v1::ACCELERATOR_MODEL_HYGON_K100 },
    { "other", v1::ACCELERATOR_MODEL_OTHER },
} };

// 1894 -> "1,894": figures as people read them.
std::string grouped(int64_t value)
{
    const std::string digits = std::to_string(value < 0 ? -value : value);
    std::string out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0)
            out += ',';
        out += digits[i];
    }
    return value < 0 ? "-" + out : out;
}

// Why a job waits for a quota: what it needs and what its tenant's or project's limit leaves, with
// the limit's current figures when the tenant is known.
std::string quotaReasonText(const v1::Job &job, const v1::Tenant *tenant)
{
    const std::string model = modelDisplayName(job.model(), job.model_name());
    const bool project = job.pending_reason() == v1::PENDING_REASON_PROJECT_QUOTA;
    const std::string owner
        = (project ? "project " : "tenant ") + (project ? job.project() : job.tenant());
    const std::optional<QuotaStanding> standing
        = tenant ? quotaStanding(job, *tenant) : std::nullopt;
    if (job.pending_reason() == v1::PENDING_REASON_TENANT_HOURS) {
        const std::string hours = job.quota_all_models() ? "accelerator-hours across all models"
            : model.empty()                              ? "accelerator-hours"
                                                         : model + " accelerator-hours";
        if (standing)
            return "waiting: " + owner + " has used " + grouped(standing->used) + " of its "
                + grouped(standing->limit) + " " + hours + " this month";
        return "waiting: " + owner + "'s " + hours + " for this month are used up";
    }
    const std::string need = "needs " + grouped(job.accelerators()) + " "
        + (model.empty() || job.quota_all_models() ? std::string("accelerators") : model);
    const std::string across = job.quota_all_models() ? " across all models" : "";
    if (standing)
        return "waiting: " + need + "; " + owner + " uses " + grouped(standing->used) + " of "
            + grouped(standing->limit) + across;
    return "waiting: " + need + ", more than " + owner + "'s quota" + across + " leaves free";
}

} // namespace

std::string enumShortName(const google::protobuf::EnumDescriptor *type, int number)
{
    const google::protobuf::EnumValueDescriptor *value = type->FindValueByNumber(number);
    if (!value)
        return "unknown";
    const std::string prefix = valuePrefix(type->name());
    std::string_view name = value->name();
    if (name.size() > prefix.size() && name.substr(0, prefix.size()) == prefix)
        name.remove_prefix(prefix.size());
    return asciiLowered(name);
}

std::string modelShortName(v1::AcceleratorModel model)
{
    switch (model) {
    case v1::ACCELERATOR_MODEL_NVIDIA_H100:
        return "H100";
    case v1::ACCELERATOR_MODEL_NVIDIA_H800:
        return "H800";
    case v1::ACCELERATOR_MODEL_NVIDIA_A100:
        return "A100";
    case v1::ACCELERATOR_MODEL_NVIDIA_A800:
        return "A800";
    case v1::ACCELERATOR_MODEL_ASCEND_910B:
        return "910B";
    case v1::ACCELERATOR_MODEL_CAMBRICON_MLU370:
        return "MLU370";
    case v1::ACCELERATOR_MODEL_HYGON_K100:
        return "K100";
    case v1::ACCELERATOR_MODEL_OTHER:
        return "other";
    default:
        return "unspecified";
    }
}

std::string modelDisplayName(v1::AcceleratorModel model, std::string_view modelName)
{
    switch (model) {
    case v1::ACCELERATOR_MODEL_ASCEND_910B:
        return "Ascend 910B";
    case v1::ACCELERATOR_MODEL_CAMBRICON_MLU370:
        return "Cambricon MLU370";
    case v1::ACCELERATOR_MODEL_HYGON_K100:
        return "Hygon K100";
    case v1::ACCELERATOR_MODEL_OTHER:
    case v1::ACCELERATOR_MODEL_UNSPECIFIED:
        return std::string(modelName);
    default:
        return modelShortName(model);
    }
}

std::optional<v1::AcceleratorModel> parseModel(std::string_view text)
{
    std::string key = squashed(text);
    constexpr std::string_view enumPrefix = "acceleratormodel";
    if (key.size() > enumPrefix.size() && key.compare(0, enumPrefix.size(), enumPrefix) == 0)
        key.erase(0, enumPrefix.size());
    for (const ModelSpelling &s : kModelSpellings) {
        if (s.spelling == key)
            return s.model;
    }
    return std::nullopt;
}

std::string stateName(v1::NodeState state)
{
    return enumShortName(v1::NodeState_descriptor(), state);
}

std::string stateName(v1::JobState state)
{
    return enumShortName(v1::JobState_descriptor(), state);
}

std::string stateName(v1::Severity severity)
{
    return enumShortName(v1::Severity_descriptor(), severity);
}

std::string stateName(v1::QuotaRequestState state)
{
    return enumShortName(v1::QuotaRequestState_descriptor(), state);
}

std::string stateName(v1::AcceleratorHealth health)
{
    return enumShortName(v1::AcceleratorHealth_descriptor(), health);
}

std::string stateName(v1::Role role)
{
    std::string name = enumShortName(v1::Role_descriptor(), role);
    for (char &c : name) {
        if (c == '_')
            c = '-';
    }
    return name;
}

std::string pendingReasonName(v1::PendingReason reason)
{
    return enumShortName(v1::PendingReason_descriptor(), reason);
}

std::optional<v1::Role> parseRole(std::string_view text)
{
    std::string key = squashed(text);
    if (key.size() > 4 && key.compare(0, 4, "role") == 0)
        key.erase(0, 4);
    if (key == "viewer")
        return v1::ROLE_VIEWER;
    if (key == "operator")
        return v1::ROLE_OPERATOR;
    if (key == "tenantmanager")
        return v1::ROLE_TENANT_MANAGER;
    if (key == "admin")
        return v1::ROLE_ADMIN;
    return std::nullopt;
}

std::string pendingReasonText(const v1::Job &job, const v1::Tenant *tenant)
{
    if (job.state() == v1::JOB_STATE_HELD)
        return job.pending_reason() == v1::PENDING_REASON_HELD_BY_ADMIN ? "held by an operator"
                                                                        : "held by a user";
    if (job.state() != v1::JOB_STATE_PENDING)
        return {};
    const std::string model = modelDisplayName(job.model(), job.model_name());
    switch (job.pending_reason()) {
    case v1::PENDING_REASON_RESOURCES:
        return model.empty() ? "waiting for free accelerators"
                             : "waiting for free " + model + " accelerators";
    case v1::PENDING_REASON_PRIORITY:
        return "waiting: jobs of higher priority are ahead";
    case v1::PENDING_REASON_TENANT_QUOTA:
    case v1::PENDING_REASON_PROJECT_QUOTA:
    case v1::PENDING_REASON_TENANT_HOURS:
        return quotaReasonText(job, tenant);
    case v1::PENDING_REASON_HELD_BY_USER:
        return "held by a user";
    case v1::PENDING_REASON_HELD_BY_ADMIN:
        return "held by an operator";
    case v1::PENDING_REASON_NODES_UNAVAILABLE:
        return "waiting: the nodes it asked for are down, drained or reserved";
    case v1::PENDING_REASON_DEPENDENCY:
        return "waiting for another job to finish";
    case v1::PENDING_REASON_BEGIN_TIME:
        return "waiting for the start time its user set";
    case v1::PENDING_REASON_NOT_EVALUATED:
        return "just submitted: the scheduler has not looked at it yet";
    case v1::PENDING_REASON_OTHER:
    default:
        if (!job.pending_reason_raw().empty())
            return "waiting (scheduler says " + job.pending_reason_raw() + ")";
        return "waiting";
    }
}

} // namespace suanli
