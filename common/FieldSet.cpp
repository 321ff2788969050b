#include "common/FieldSet.h"

#include "common/TextMatch.h"
#include "suanli/v1/audit.pb.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <algorithm>
#include <cassert>
#include <functional>
#include <type_traits>

namespace suanli {

namespace pb = google::protobuf;

namespace {

using Names = std::vector<std::string>;

Field named(std::string name, Names aliases, FieldKind kind)
{
    Field f;
    f.name = std::move(name);
    f.aliases = std::move(aliases);
    f.kind = kind;
    return f;
}

// get(const T &) returns const std::string & or const RepeatedPtrField<std::string> &.
template <typename T, typename Get>
Field textField(FieldKind kind, std::string name, Names aliases, Get get)
{
    Field f = named(std::move(name), std::move(aliases), kind);
    f.text = [get](const pb::Message &m) -> TextValues {
        const auto &value = std::invoke(get, static_cast<const T &>(m));
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>,
                          pb::RepeatedPtrField<std::string>>)
            return { {}, &value };
        else
            return { std::string_view(value) };
    };
    return f;
}

std::optional<double> toNumber(std::optional<double> value)
{
    return value;
}

template <typename A>
requires std::is_arithmetic_v<A> std::optional<double> toNumber(A value)
{
    return static_cast<double>(value);
}

// get(const T &) returns a number or std::optional<double>.
template <typename T, typename Get>
Field numberField(std::string name, Names aliases, Get get, bool percent = false)
{
    Field f = named(std::move(name), std::move(aliases), FieldKind::Number);
    f.percent = percent;
    f.number = [get](const pb::Message &m, const MatchContext &) {
        return toNumber(std::invoke(get, static_cast<const T &>(m)));
    };
    return f;
}

// get(const T &, const MatchContext &) returns seconds or std::nullopt.
template <typename T, typename Get> Field durationField(std::string name, Names aliases, Get get)
{
    Field f = named(std::move(name), std::move(aliases), FieldKind::Duration);
    f.number = [get](const pb::Message &m, const MatchContext &ctx) {
        return toNumber(get(static_cast<const T &>(m), ctx));
    };
    return f;
}

std::optional<double> unixSeconds(const pb::Timestamp &t)
{
    if (t.seconds() == 0 && t.nanos() == 0)
        return std::nullopt;
    return static_cast<double>(t.seconds()) + t.nanos() / 1e9;
}

// Seconds from `from` to `to` (or to now when `to` is unset); nullopt when `from` is unset.
std::optional<double> secondsBetween(
    const pb::Timestamp &from, const pb::Timestamp *to, const MatchContext &ctx)
{
    const std::optional<double> start = unixSeconds(from);
    if (!start)
        return std::nullopt;
    std::optional<double> end = to ? unixSeconds(*to) : std::nullopt;
    return end.value_or(static_cast<double>(ctx.nowSeconds)) - *start;
}

// get(const T &) returns const google::protobuf::Timestamp &.
template <typename T, typename Get> Field timeField(std::string name, Names aliases, Get get)
{
    Field f = named(std::move(name), std::move(aliases), FieldKind::Time);
    f.number = [get](const pb::Message &m, const MatchContext &) {
        return unixSeconds(std::invoke(get, static_cast<const T &>(m)));
    };
    return f;
}

// get(const T &) returns an enum value.
template <typename T, typename Get>
Field enumField(std::string name, Names aliases, const pb::EnumDescriptor *type, Get get,
    std::vector<EnumAlias> enumAliases = {})
{
    Field f = named(std::move(name), std::move(aliases), FieldKind::Enum);
    f.enumType = type;
    f.enumAliases = std::move(enumAliases);
    f.integer = [get](const pb::Message &m) {
        return static_cast<int>(std::invoke(get, static_cast<const T &>(m)));
    };
    return f;
}

// get(const T &) returns bool.
template <typename T, typename Get> Field boolField(std::string name, Names aliases, Get get)
{
    Field f = named(std::move(name), std::move(aliases), FieldKind::Bool);
    f.integer = [get](const pb::Message &m) {
        return std::invoke(get, static_cast<const T &>(m)) ? 1 : 0;
    };
    return f;
}

// get(const T &) returns ModelValues.
template <typename T, typename Get> Field modelField(Get get)
{
    Field f = named("model", {}, FieldKind::Model);
    f.models = [get](const pb::Message &m) { return get(static_cast<const T &>(m)); };
    return f;
}

std::optional<double> telemetry(const v1::Node &n, double value)
{
    return n.has_telemetry() ? std::optional<double>(value) : std::nullopt;
}

std::int64_t sumCounts(const pb::RepeatedPtrField<v1::AcceleratorCounts> &counts,
    std::int64_t (v1::AcceleratorCounts::*get)() const)
{
    std::int64_t sum = 0;
    for (const v1::AcceleratorCounts &c : counts)
        sum += (c.*get)();
    return sum;
}

} // namespace

FieldSet::FieldSet(std::string collection, const pb::Descriptor *messageType,
    std::vector<Field> fields, const std::vector<std::string> &freeText, std::string_view keyField)
    : m_collection(std::move(collection))
    , m_messageType(messageType)
    , m_fields(std::move(fields))
{
    for (const std::string &name : freeText) {
        const Field *f = find(name);
        assert(f && (f->kind == FieldKind::Text || f->kind == FieldKind::Keyword));
        m_freeText.push_back(f);
    }
    m_key = find(keyField);
    assert(m_key);
}

const Field *FieldSet::find(std::string_view name) const
{
    const std::string lower = asciiLowered(name);
    for (const Field &f : m_fields) {
        if (f.name == lower)
            return &f;
        if (std::find(f.aliases.begin(), f.aliases.end(), lower) != f.aliases.end())
            return &f;
    }
    return nullptr;
}

std::string FieldSet::knownNames() const
{
    std::string out;
    for (const Field &f : m_fields) {
        if (!out.empty())
            out += ", ";
        out += f.name;
    }
    return out;
}

const FieldSet &nodeFields()
{
    using v1::Node;
    static const FieldSet set("nodes", Node::descriptor(),
        {
            textField<Node>(FieldKind::Text, "name", {}, &Node::name),
            textField<Node>(FieldKind::Text, "rack", {}, &Node::rack),
            enumField<Node>("state", {}, v1::NodeState_descriptor(), &Node::state),
            textField<Node>(FieldKind::Text, "reason", {}, &Node::reason),
            modelField<Node>([](const Node &n) {
                return ModelValues { n.model(), n.model_name() };
            }),
            textField<Node>(
                FieldKind::Keyword, "queue", { "queues", "partition" },
                [](const Node &n) -> const auto & { return n.queues(); }),
            numberField<Node>(
                "util", { "utilisation", "utilization" },
                [](const Node &n) { return telemetry(n, n.utilisation_percent()); }, true),
            numberField<Node>("temp", { "temperature" },
                [](const Node &n) { return telemetry(n, n.temperature_celsius()); }),
            numberField<Node>(
                "power", { "watts" }, [](const Node &n) { return telemetry(n, n.power_watts()); }),
            numberField<Node>(
                "mem", { "memory" },
                [](const Node &n) { return telemetry(n, n.accelerator_memory_used_percent()); },
                true),
            numberField<Node>("acc", { "accelerators" }, &Node::accelerators_total),
            numberField<Node>("alloc", { "allocated" }, &Node::accelerators_allocated),
            numberField<Node>("free", {},
                [](const Node &n) {
                    return std::max(0,
                        n.accelerators_total() - n.accelerators_allocated()
                            - n.accelerators_failed());
                }),
            numberField<Node>("failed", {}, &Node::accelerators_failed),
            numberField<Node>("jobs", {}, &Node::job_ids_size),
            textField<Node>(
                FieldKind::Keyword, "job", {},
                [](const Node &n) -> const auto & { return n.job_ids(); }),
            boolField<Node>("reboot", { "reboot_pending" }, &Node::reboot_pending),
        },
        { "name", "rack", "reason" }, "name");
    return set;
}

const FieldSet &jobFields()
{
    using v1::Job;
    static const FieldSet set("jobs", Job::descriptor(),
        {
            textField<Job>(FieldKind::Keyword, "id", {}, &Job::id),
            textField<Job>(FieldKind::Text, "name", {}, &Job::name),
            textField<Job>(FieldKind::Keyword, "tenant", {}, &Job::tenant),
            textField<Job>(FieldKind::Keyword, "project", {}, &Job::project),
            textField<Job>(FieldKind::Keyword, "user", {}, &Job::user),
            textField<Job>(FieldKind::Keyword, "queue", { "partition" }, &Job::queue),
            enumField<Job>("state", {}, v1::JobState_descriptor(), &Job::state),
            enumField<Job>("reason", { "pending_reason" }, v1::PendingReason_descriptor(),
                &Job::pending_reason,
                {
                    { "quota",
                        { v1::PENDING_REASON_TENANT_QUOTA, v1::PENDING_REASON_PROJECT_QUOTA,
                            v1::PENDING_REASON_TENANT_HOURS } },
                    { "hours", { v1::PENDING_REASON_TENANT_HOURS } },
                    { "held",
                        { v1::PENDING_REASON_HELD_BY_USER, v1::PENDING_REASON_HELD_BY_ADMIN } },
                    { "nodes", { v1::PENDING_REASON_NODES_UNAVAILABLE } },
                    { "new", { v1::PENDING_REASON_NOT_EVALUATED } },
                }),
            modelField<Job>([](const Job &j) {
                return ModelValues { j.model(), j.model_name() };
            }),
            numberField<Job>("acc", { "accelerators" }, &Job::accelerators),
            numberField<Job>("nodes", {},
                [](const Job &j) { return std::max(j.nodes_requested(), j.nodes_size()); }),
            textField<Job>(
                FieldKind::Keyword, "node", {},
                [](const Job &j) -> const auto & { return j.nodes(); }),
            numberField<Job>("priority", { "prio" }, &Job::priority),
            textField<Job>(FieldKind::Keyword, "workload", {}, &Job::workload),
            durationField<Job>("age", {},
                [](const Job &j, const MatchContext &ctx) {
                    return secondsBetween(j.submit_time(), nullptr, ctx);
                }),
            // Time from submission to start; still growing while the job waits.
            durationField<Job>("wait", {},
                [](const Job &j, const MatchContext &ctx) {
                    const pb::Timestamp *end = nullptr;
                    if (j.has_start_time())
                        end = &j.start_time();
                    else if (j.state() != v1::JOB_STATE_PENDING && j.state() != v1::JOB_STATE_HELD
                        && j.has_end_time())
                        end = &j.end_time();
                    return secondsBetween(j.submit_time(), end, ctx);
                }),
            durationField<Job>("limit", { "time_limit" },
                [](const Job &j, const MatchContext &) -> std::optional<double> {
                    if (j.time_limit_seconds() <= 0)
                        return std::nullopt;
                    return static_cast<double>(j.time_limit_seconds());
                }),
            timeField<Job>("submit", { "submit_time", "submitted" }, &Job::submit_time),
            timeField<Job>("start", { "start_time", "started" }, &Job::start_time),
            timeField<Job>("end", { "end_time", "ended" }, &Job::end_time),
            numberField<Job>("exit", { "exit_code" }, &Job::exit_code),
            textField<Job>(FieldKind::Text, "failure", { "failure_reason" }, &Job::failure_reason),
        },
        { "id", "name", "user", "tenant", "project" }, "id");
    return set;
}

const FieldSet &queueFields()
{
    using v1::Queue;
    static const FieldSet set("queues", Queue::descriptor(),
        {
            textField<Queue>(FieldKind::Text, "name", {}, &Queue::name),
            modelField<Queue>([](const Queue &q) {
                return ModelValues { {}, {}, &q.accelerators() };
            }),
            textField<Queue>(FieldKind::Keyword, "state", {}, &Queue::state),
            numberField<Queue>("pending", {}, &Queue::jobs_pending),
            numberField<Queue>("running", {}, &Queue::jobs_running),
            numberField<Queue>("held", {}, &Queue::jobs_held),
            numberField<Queue>("free", {},
                [](const Queue &q) {
                    return sumCounts(q.accelerators(), &v1::AcceleratorCounts::free);
                }),
            numberField<Queue>("acc", { "accelerators" },
                [](const Queue &q) {
                    return sumCounts(q.accelerators(), &v1::AcceleratorCounts::total);
                }),
            numberField<Queue>("nodes", {}, &Queue::nodes_total),
            numberField<Queue>(
                "largest", { "largest_startable" }, &Queue::largest_startable_accelerators),
            durationField<Queue>("wait", { "wait_p95" },
                [](const Queue &q, const MatchContext &) { return q.wait_seconds_p95(); }),
            durationField<Queue>("wait_p50", {},
                [](const Queue &q, const MatchContext &) { return q.wait_seconds_p50(); }),
        },
        { "name" }, "name");
    return set;
}

const FieldSet &alertFields()
{
    using v1::Alert;
    static const FieldSet set("alerts", Alert::descriptor(),
        {
            textField<Alert>(FieldKind::Keyword, "id", {}, &Alert::id),
            enumField<Alert>("severity", {}, v1::Severity_descriptor(), &Alert::severity),
            textField<Alert>(FieldKind::Keyword, "kind", {}, &Alert::kind),
            textField<Alert>(FieldKind::Text, "target", {}, &Alert::target),
            boolField<Alert>("acknowledged", { "acked", "ack" }, &Alert::acknowledged),
            boolField<Alert>(
                "open", {}, [](const Alert &a) { return !unixSeconds(a.clear_time()); }),
            textField<Alert>(FieldKind::Text, "summary", {}, &Alert::summary),
            textField<Alert>(
                FieldKind::Keyword, "by", { "acknowledged_by" }, &Alert::acknowledged_by),
            timeField<Alert>("raised", { "raise_time" }, &Alert::raise_time),
            durationField<Alert>("age", {},
                [](const Alert &a, const MatchContext &ctx) {
                    return secondsBetween(a.raise_time(), nullptr, ctx);
                }),
        },
        { "id", "target", "summary", "kind" }, "id");
    return set;
}

const FieldSet &quotaRequestFields()
{
    using v1::QuotaRequest;
    static const FieldSet set("quota requests", QuotaRequest::descriptor(),
        {
            textField<QuotaRequest>(FieldKind::Keyword, "id", {}, &QuotaRequest::id),
            enumField<QuotaRequest>(
                "state", {}, v1::QuotaRequestState_descriptor(), &QuotaRequest::state),
            textField<QuotaRequest>(FieldKind::Keyword, "tenant", {}, &QuotaRequest::tenant),
            textField<QuotaRequest>(FieldKind::Keyword, "project", {}, &QuotaRequest::project),
            textField<QuotaRequest>(
                FieldKind::Keyword, "requester", { "user" }, &QuotaRequest::requester),
            modelField<QuotaRequest>([](const QuotaRequest &r) {
                return ModelValues { r.model(), {} };
            }),
            boolField<QuotaRequest>("needs_admin", { "admin" }, &QuotaRequest::needs_admin),
            numberField<QuotaRequest>("acc", { "accelerators" }, &QuotaRequest::max_accelerators),
            numberField<QuotaRequest>("hours", {}, &QuotaRequest::max_accelerator_hours),
            textField<QuotaRequest>(
                FieldKind::Text, "justification", { "why" }, &QuotaRequest::justification),
            textField<QuotaRequest>(FieldKind::Keyword, "decider", {}, &QuotaRequest::decider),
            timeField<QuotaRequest>("created", { "create_time" }, &QuotaRequest::create_time),
            timeField<QuotaRequest>("until", { "until_time" }, &QuotaRequest::until_time),
        },
        { "id", "tenant", "project", "requester", "justification" }, "id");
    return set;
}

const FieldSet &auditFields()
{
    using v1::AuditEntry;
    static const FieldSet set("audit entries", AuditEntry::descriptor(),
        {
            numberField<AuditEntry>("seq", { "sequence" }, &AuditEntry::sequence),
            timeField<AuditEntry>("time", {}, &AuditEntry::time),
            textField<AuditEntry>(FieldKind::Keyword, "user", {}, &AuditEntry::user),
            enumField<AuditEntry>("role", {}, v1::Role_descriptor(), &AuditEntry::role),
            textField<AuditEntry>(FieldKind::Text, "action", {}, &AuditEntry::action),
            textField<AuditEntry>(FieldKind::Text, "target", {}, &AuditEntry::target),
            textField<AuditEntry>(FieldKind::Keyword, "result", {}, &AuditEntry::result),
            textField<AuditEntry>(FieldKind::Text, "reason", {}, &AuditEntry::reason),
            textField<AuditEntry>(FieldKind::Text, "detail", {}, &AuditEntry::detail),
            textField<AuditEntry>(FieldKind::Keyword, "peer", {}, &AuditEntry::peer),
        },
        { "user", "action", "target", "reason", "detail" }, "seq");
    return set;
}

const FieldSet &tenantFields()
{
    using v1::Tenant;
    static const FieldSet set("tenants", Tenant::descriptor(),
        {
            textField<Tenant>(FieldKind::Keyword, "id", {}, &Tenant::id),
            textField<Tenant>(FieldKind::Text, "name", {}, &Tenant::name),
            textField<Tenant>(FieldKind::Text, "name_zh", { "zh" }, &Tenant::name_zh),
        },
        { "id", "name", "name_zh" }, "id");
    return set;
}

} // namespace suanli
