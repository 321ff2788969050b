// The filter language and orderings shared by suanlictl, the gateway and the console.
#include "common/Filter.h"
#include "common/Ordering.h"
#include "common/TextMatch.h"
#include "suanli/v1/audit.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <algorithm>
#include <gtest/gtest.h>

using namespace suanli;

namespace {

constexpr std::int64_t kNow = 1714550400; // 2024-05-01T08:00:00Z

v1::Node node(const std::string &name, v1::NodeState state, v1::AcceleratorModel model,
    const std::string &modelName, double util)
{
    v1::Node n;
    n.set_name(name);
    n.set_rack(name.substr(0, name.rfind('-')));
    n.set_state(state);
    n.set_model(model);
    n.set_model_name(modelName);
    n.set_accelerators_total(8);
    n.set_has_telemetry(true);
    n.set_utilisation_percent(util);
    return n;
}

std::vector<v1::Node> sampleNodes()
{
    std::vector<v1::Node> nodes;
    nodes.push_back(
        node("lg-r0001-n1", v1::NODE_STATE_IDLE, v1::ACCELERATOR_MODEL_NVIDIA_H100, "H100", 0));
    nodes.push_back(
        node("lg-r0001-n2", v1::NODE_STATE_MIXED, v1::ACCELERATOR_MODEL_NVIDIA_H100, "H100", 55.5));
    nodes.back().set_accelerators_allocated(4);
    nodes.back().add_queues("gpu-h100");
    nodes.back().add_job_ids("1048576");
    nodes.push_back(node("lg-r0002-n1", v1::NODE_STATE_DRAINED, v1::ACCELERATOR_MODEL_ASCEND_910B,
        "Ascend 910B", 5));
    nodes.back().set_reason("GPU 3: XID 79 (fell off the bus)");
    nodes.back().set_accelerators_failed(1);
    nodes.push_back(
        node("lg-r0002-n10", v1::NODE_STATE_DOWN, v1::ACCELERATOR_MODEL_OTHER, "MI300X", 0));
    nodes.back().set_has_telemetry(false);
    nodes.back().set_reason("not responding");
    nodes.push_back(node(
        "lg-r0003-n1", v1::NODE_STATE_ALLOCATED, v1::ACCELERATOR_MODEL_NVIDIA_A100, "A100", 97.3));
    nodes.back().set_accelerators_allocated(8);
    nodes.back().add_queues("gpu-a100");
    nodes.back().add_queues("debug");
    nodes.back().add_job_ids("1048577");
    nodes.back().add_job_ids("2000001");
    nodes.back().set_power_watts(5600);
    nodes.back().set_temperature_celsius(71);
    nodes.back().set_accelerator_memory_used_percent(88);
    return nodes;
}

// Names of the sample nodes the filter keeps, in order.
std::string nodeNames(std::string_view text)
{
    FilterError error;
    const auto filter = Filter::parse(text, nodeFields(), &error);
    if (!filter)
        return "error: " + error.toString();
    std::string out;
    for (const v1::Node &n : sampleNodes()) {
        if (filter->matches(n)) {
            if (!out.empty())
                out += " ";
            out += n.name();
        }
    }
    return out;
}

FilterError parseError(std::string_view text, const FieldSet &fields)
{
    FilterError error;
    EXPECT_FALSE(Filter::parse(text, fields, &error)) << text;
    return error;
}

int errorPosition(std::string_view text, const FieldSet &fields = nodeFields())
{
    return parseError(text, fields).position;
}

google::protobuf::Timestamp at(std::int64_t seconds)
{
    google::protobuf::Timestamp t;
    t.set_seconds(seconds);
    return t;
}

v1::Job job(const std::string &id, v1::JobState state, v1::PendingReason reason)
{
    v1::Job j;
    j.set_id(id);
    j.set_name("llama-70b-pretrain");
    j.set_tenant("galaxy");
    j.set_project("galaxy-llm70b");
    j.set_user("alice");
    j.set_queue("gpu-h100");
    j.set_state(state);
    j.set_pending_reason(reason);
    j.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    j.set_model_name("H100");
    j.set_accelerators(64);
    j.set_nodes_requested(8);
    j.set_priority(1000);
    j.set_workload("pretrain");
    *j.mutable_submit_time() = at(kNow - 7200);
    return j;
}

bool jobMatches(std::string_view text, const v1::Job &j)
{
    FilterError error;
    const auto filter = Filter::parse(text, jobFields(), &error);
    EXPECT_TRUE(filter) << error.toString();
    MatchContext ctx;
    ctx.nowSeconds = kNow;
    return filter && filter->matches(j, ctx);
}

template <typename T> bool matches(std::string_view text, const FieldSet &fields, const T &message)
{
    FilterError error;
    const auto filter = Filter::parse(text, fields, &error);
    EXPECT_TRUE(filter) << text << ": " << error.toString();
    return filter && filter->matches(message);
}

} // namespace

TEST(Filter, EmptyMatchesEverything)
{
    EXPECT_EQ(nodeNames(""), "lg-r0001-n1 lg-r0001-n2 lg-r0002-n1 lg-r0002-n10 lg-r0003-n1");
    EXPECT_EQ(nodeNames("   "), nodeNames(""));
    EXPECT_TRUE(Filter::parse("  ", nodeFields())->empty());
    EXPECT_TRUE(Filter().matches(sampleNodes()[0]));
}

TEST(Filter, EnumStateWithOrAndNegation)
{
    EXPECT_EQ(nodeNames("state:idle"), "lg-r0001-n1");
    EXPECT_EQ(nodeNames("state=drained"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("state:idle,mixed"), "lg-r0001-n1 lg-r0001-n2");
    EXPECT_EQ(nodeNames("-state:down"), "lg-r0001-n1 lg-r0001-n2 lg-r0002-n1 lg-r0003-n1");
    EXPECT_EQ(nodeNames("state!=idle,mixed,down"), "lg-r0002-n1 lg-r0003-n1");
    // '-' before '!=' negates twice.
    EXPECT_EQ(nodeNames("-state!=idle"), "lg-r0001-n1");
    // Case and the full enum name are accepted.
    EXPECT_EQ(nodeNames("STATE:IDLE"), "lg-r0001-n1");
    EXPECT_EQ(nodeNames("state:NODE_STATE_IDLE"), "lg-r0001-n1");
}

TEST(Filter, AndOfTerms)
{
    EXPECT_EQ(nodeNames("model:h100 state:mixed"), "lg-r0001-n2");
    EXPECT_EQ(nodeNames("model:h100 state:drained"), "");
}

TEST(Filter, TextContainsAndEquals)
{
    EXPECT_EQ(nodeNames("name:r0002"), "lg-r0002-n1 lg-r0002-n10");
    EXPECT_EQ(nodeNames("name=LG-R0002-N1"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("name!=lg-r0002-n1 rack:r0002"), "lg-r0002-n10");
    EXPECT_EQ(nodeNames("reason:xid"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("rack:lg-r0003"), "lg-r0003-n1");
}

TEST(Filter, QuotedValuesWithEscapes)
{
    EXPECT_EQ(nodeNames("reason:\"XID 79\""), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("reason:\"xid 79\",\"not resp\""), "lg-r0002-n1 lg-r0002-n10");
    EXPECT_EQ(nodeNames("\"fell off\""), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("-\"fell off\" state:drained,down"), "lg-r0002-n10");

    v1::Alert alert;
    alert.set_id("al-1");
    alert.set_summary("disk \"scratch\" full \\ 98%");
    EXPECT_TRUE(matches("summary:\"\\\"scratch\\\"\"", alertFields(), alert));
    EXPECT_TRUE(matches("summary:\"full \\\\ 98\"", alertFields(), alert));
    EXPECT_FALSE(matches("summary:\"\\\"scratch \\\"\"", alertFields(), alert));
}

TEST(Filter, BareWordsSearchNameAndText)
{
    EXPECT_EQ(nodeNames("r0001"), "lg-r0001-n1 lg-r0001-n2");
    EXPECT_EQ(nodeNames("LG-R0002-N10"), "lg-r0002-n10");
    EXPECT_EQ(nodeNames("responding"), "lg-r0002-n10");
    EXPECT_EQ(nodeNames("-r0001 -r0002"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("n10,r0003"), "lg-r0002-n10 lg-r0003-n1");
}

TEST(Filter, NumbersWithEveryOperator)
{
    EXPECT_EQ(nodeNames("util>50"), "lg-r0001-n2 lg-r0003-n1");
    EXPECT_EQ(nodeNames("util>=55.5"), "lg-r0001-n2 lg-r0003-n1");
    EXPECT_EQ(nodeNames("util<5"), "lg-r0001-n1");
    EXPECT_EQ(nodeNames("util<=5"), "lg-r0001-n1 lg-r0002-n1");
    EXPECT_EQ(nodeNames("util=97.3"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("util:97.3"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("util!=0"), "lg-r0001-n2 lg-r0002-n1 lg-r0002-n10 lg-r0003-n1");
    EXPECT_EQ(nodeNames("util>90%"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("util=5,97.3"), "lg-r0002-n1 lg-r0003-n1");
    EXPECT_EQ(nodeNames("alloc>0 alloc<8"), "lg-r0001-n2");
    EXPECT_EQ(nodeNames("free=0"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("free:7"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("free=8"), "lg-r0001-n1 lg-r0002-n10");
    EXPECT_EQ(nodeNames("failed>=1"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("jobs=2"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("acc=8 power>5000 temp<80 mem>=88"), "lg-r0003-n1");
}

TEST(Filter, MissingTelemetryNeverMatchesAComparison)
{
    // lg-r0002-n10 has no telemetry: it is neither busy nor idle.
    EXPECT_EQ(nodeNames("util<1"), "lg-r0001-n1");
    EXPECT_EQ(nodeNames("-util<1"), "lg-r0001-n2 lg-r0002-n1 lg-r0002-n10 lg-r0003-n1");
}

TEST(Filter, AliasesNameTheSameField)
{
    EXPECT_EQ(nodeNames("utilisation>90"), nodeNames("util>90"));
    EXPECT_EQ(nodeNames("utilization>90"), nodeNames("util>90"));
    EXPECT_EQ(nodeNames("accelerators=8 allocated=8"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("queues:debug"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("temperature>70"), "lg-r0003-n1");
}

TEST(Filter, RepeatedKeywordsMatchAnElementExactly)
{
    EXPECT_EQ(nodeNames("queue:gpu-h100"), "lg-r0001-n2");
    EXPECT_EQ(nodeNames("queue:gpu"), "");
    EXPECT_EQ(nodeNames("queue:debug,gpu-h100"), "lg-r0001-n2 lg-r0003-n1");
    EXPECT_EQ(nodeNames("job:2000001"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("job:104857"), "");
    EXPECT_EQ(nodeNames("jobs>0 -job:1048576"), "lg-r0003-n1");
}

TEST(Filter, ModelMatchesNamePiecesAndBackendName)
{
    EXPECT_EQ(nodeNames("model:h100"), "lg-r0001-n1 lg-r0001-n2");
    EXPECT_EQ(nodeNames("model:H100"), "lg-r0001-n1 lg-r0001-n2");
    EXPECT_EQ(nodeNames("model:910B"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("model:ascend"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("model:ascend910b"), "lg-r0002-n1");
    EXPECT_EQ(nodeNames("model:NVIDIA"), "lg-r0001-n1 lg-r0001-n2 lg-r0003-n1");
    EXPECT_EQ(nodeNames("model:nvidia_a100"), "lg-r0003-n1");
    EXPECT_EQ(nodeNames("model:mi300x"), "lg-r0002-n10");
    EXPECT_EQ(nodeNames("model:other"), "lg-r0002-n10");
    EXPECT_EQ(nodeNames("model=a100,910b"), "lg-r0002-n1 lg-r0003-n1");
    EXPECT_EQ(nodeNames("model!=nvidia"), "lg-r0002-n1 lg-r0002-n10");
    EXPECT_EQ(nodeNames("model:h10"), "");

    v1::Node dcu = node("wh-r1-n1", v1::NODE_STATE_IDLE, v1::ACCELERATOR_MODEL_HYGON_K100, "", 0);
    EXPECT_TRUE(matches("model:dcu", nodeFields(), dcu));
    EXPECT_TRUE(matches("model:k100", nodeFields(), dcu));
    EXPECT_TRUE(matches("model:hygon", nodeFields(), dcu));
    EXPECT_FALSE(matches("model:mlu370", nodeFields(), dcu));
}

TEST(Filter, BooleansTakeTrueFalseYesNo)
{
    std::vector<v1::Node> nodes = sampleNodes();
    nodes[0].set_reboot_pending(true);
    EXPECT_TRUE(matches("reboot:true", nodeFields(), nodes[0]));
    EXPECT_TRUE(matches("reboot=yes", nodeFields(), nodes[0]));
    EXPECT_FALSE(matches("reboot:no", nodeFields(), nodes[0]));
    EXPECT_TRUE(matches("reboot!=false", nodeFields(), nodes[0]));
    EXPECT_TRUE(matches("reboot:FALSE", nodeFields(), nodes[1]));
    EXPECT_TRUE(matches("reboot:true,false", nodeFields(), nodes[1]));
}

TEST(Filter, Jobs)
{
    const v1::Job pending = job("1048576", v1::JOB_STATE_PENDING, v1::PENDING_REASON_TENANT_QUOTA);
    v1::Job running = job("1048577", v1::JOB_STATE_RUNNING, v1::PENDING_REASON_UNSPECIFIED);
    *running.mutable_start_time() = at(kNow - 3600);
    running.add_nodes("lg-r0001-n1");
    running.add_nodes("lg-r0001-n2");

    EXPECT_TRUE(jobMatches("state:pending tenant:galaxy acc>=64", pending));
    EXPECT_FALSE(jobMatches("state:pending", running));
    EXPECT_TRUE(jobMatches("id:1048576", pending));
    EXPECT_FALSE(jobMatches("id:104857", pending));
    EXPECT_TRUE(jobMatches("1048576", pending));
    EXPECT_TRUE(jobMatches("name:70B", pending));
    EXPECT_TRUE(jobMatches("project:galaxy-llm70b user:ALICE queue:gpu-h100", pending));
    EXPECT_FALSE(jobMatches("tenant:gal", pending));

    EXPECT_TRUE(jobMatches("reason:tenant_quota", pending));
    EXPECT_TRUE(jobMatches("reason:tenant-quota", pending));
    EXPECT_TRUE(jobMatches("reason:quota", pending));
    EXPECT_TRUE(jobMatches("pending_reason:quota", pending));
    EXPECT_FALSE(jobMatches("reason:resources,priority,held", pending));
    EXPECT_FALSE(jobMatches("reason:quota", running));

    EXPECT_TRUE(jobMatches("model:h100 accelerators=64 nodes=8 priority>=1000 prio<1001", pending));
    EXPECT_TRUE(jobMatches("nodes=8", running));
    EXPECT_TRUE(jobMatches("workload:pretrain", pending));
    EXPECT_TRUE(jobMatches("node:lg-r0001-n1", running));
    EXPECT_FALSE(jobMatches("node:lg-r0001-n", running));

    // Ages and waits are measured from ctx.nowSeconds.
    EXPECT_TRUE(jobMatches("age=7200", pending));
    EXPECT_TRUE(jobMatches("age>=2h age<121m", pending));
    EXPECT_TRUE(jobMatches("age>1.5h age<0.1d", pending));
    EXPECT_TRUE(jobMatches("wait>=2h", pending));
    EXPECT_TRUE(jobMatches("wait=3600s", running));
    EXPECT_TRUE(jobMatches("submit<2024-05-01T06:00:01Z submit>=2024-05-01T06:00", pending));
    EXPECT_TRUE(jobMatches("submit>2024-04-30 submit<2024-05-02", pending));
    EXPECT_TRUE(jobMatches("submit=1714543200", pending));
    EXPECT_FALSE(jobMatches("start>2024-01-01", pending));
    EXPECT_TRUE(jobMatches("start>2024-01-01", running));
}

TEST(Filter, Queues)
{
    v1::Queue q;
    q.set_name("gpu-mixed");
    q.set_jobs_pending(12);
    q.set_jobs_running(40);
    auto *h100 = q.add_accelerators();
    h100->set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
    h100->set_total(64);
    h100->set_free(8);
    auto *npu = q.add_accelerators();
    npu->set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    npu->set_model_name("Ascend 910B");
    npu->set_total(32);
    npu->set_free(4);
    EXPECT_TRUE(
        matches("name:mixed model:910b pending>10 running=40 free=12 acc=96", queueFields(), q));
    EXPECT_TRUE(matches("model:h100", queueFields(), q));
    EXPECT_FALSE(matches("model:a100", queueFields(), q));
    EXPECT_FALSE(matches("pending<12", queueFields(), q));
}

TEST(Filter, Alerts)
{
    v1::Alert open;
    open.set_id("al-000123");
    open.set_severity(v1::SEVERITY_CRITICAL);
    open.set_kind("xid");
    open.set_target("lg-r0017-n3/5");
    open.set_summary("lg-r0017-n3 GPU 5: XID 79 (fell off the bus)");
    v1::Alert cleared = open;
    cleared.set_severity(v1::SEVERITY_WARNING);
    cleared.set_acknowledged(true);
    *cleared.mutable_clear_time() = at(kNow);

    EXPECT_TRUE(matches("severity:critical acknowledged:false open:true", alertFields(), open));
    EXPECT_FALSE(matches("severity:critical", alertFields(), cleared));
    EXPECT_TRUE(matches("severity:warning,critical acked:yes open:no", alertFields(), cleared));
    EXPECT_TRUE(matches("ack=true", alertFields(), cleared));
    EXPECT_TRUE(matches("kind:xid target:r0017-n3 summary:\"fell off\"", alertFields(), open));
    EXPECT_TRUE(matches("al-000123 bus", alertFields(), open));
    EXPECT_FALSE(matches("kind:xi", alertFields(), open));
}

TEST(Filter, QuotaRequests)
{
    v1::QuotaRequest r;
    r.set_id("qr-000042");
    r.set_state(v1::QUOTA_REQUEST_STATE_PENDING);
    r.set_tenant("galaxy");
    r.set_project("galaxy-llm70b");
    r.set_requester("bob");
    r.set_model(v1::ACCELERATOR_MODEL_ASCEND_910B);
    r.set_max_accelerators(128);
    r.set_needs_admin(true);
    r.set_justification("70B pretraining run before the June release");
    EXPECT_TRUE(matches("state:pending tenant:galaxy project:galaxy-llm70b requester:bob",
        quotaRequestFields(), r));
    EXPECT_TRUE(matches("model:910b needs_admin:true acc>100", quotaRequestFields(), r));
    EXPECT_TRUE(matches("model:ascend admin:yes", quotaRequestFields(), r));
    EXPECT_TRUE(matches("june", quotaRequestFields(), r));
    EXPECT_FALSE(matches("state:approved,rejected,expired", quotaRequestFields(), r));
}

TEST(Filter, Audit)
{
    v1::AuditEntry e;
    e.set_sequence(17);
    e.set_user("alice");
    e.set_role(v1::ROLE_TENANT_MANAGER);
    e.set_action("Cluster.DrainNodes");
    e.set_target("lg-r0017-n3,lg-r0017-n4");
    e.set_reason("replace PSU");
    e.set_result("PERMISSION_DENIED");
    EXPECT_TRUE(matches("user:alice action:DrainNodes result!=OK", auditFields(), e));
    EXPECT_TRUE(matches("role:tenant-manager", auditFields(), e));
    EXPECT_TRUE(matches("role:tenant_manager", auditFields(), e));
    EXPECT_FALSE(matches("role:admin,operator", auditFields(), e));
    EXPECT_TRUE(matches("target:lg-r0017-n4 reason:psu seq>=17", auditFields(), e));
    EXPECT_FALSE(matches("result:OK", auditFields(), e));
    EXPECT_TRUE(matches("drain", auditFields(), e));
}

TEST(Filter, Tenants)
{
    v1::Tenant t;
    t.set_id("galaxy");
    t.set_name("Galaxy AI Lab");
    t.set_name_zh("银河智能实验室");
    EXPECT_TRUE(matches("name:galaxy", tenantFields(), t));
    EXPECT_TRUE(matches("id:galaxy", tenantFields(), t));
    EXPECT_TRUE(matches("id:GALAXY", tenantFields(), t));
    EXPECT_FALSE(matches("id:gal", tenantFields(), t));
    EXPECT_TRUE(matches("银河", tenantFields(), t));
    EXPECT_TRUE(matches("zh:实验室", tenantFields(), t));
    EXPECT_FALSE(matches("-lab", tenantFields(), t));
}

TEST(FilterErrors, UnknownFieldNamesKnownFields)
{
    const FilterError error = parseError("util>5 stat:idle", nodeFields());
    EXPECT_EQ(error.position, 7);
    EXPECT_EQ(error.toString().substr(0, 57),
        "position 7: unknown field \"stat\" for nodes (known: name, ");
    EXPECT_NE(error.message.find("state"), std::string::npos);
    EXPECT_EQ(errorPosition("-bogus:1"), 1);
    EXPECT_EQ(errorPosition("state:idle   -bogus:1"), 14);
    EXPECT_EQ(errorPosition("acked:true", jobFields()), 0);
}

TEST(FilterErrors, OperatorNotAllowedForTheFieldKind)
{
    const FilterError error = parseError("state<3", nodeFields());
    EXPECT_EQ(error.position, 5);
    EXPECT_EQ(error.message,
        "state cannot be compared with \"<\": use \":\", \"=\" or \"!=\", "
        "e.g. state:idle");
    EXPECT_EQ(errorPosition("name>=x"), 4);
    EXPECT_EQ(errorPosition("model>h100"), 5);
    EXPECT_EQ(errorPosition("x reboot<=true"), 8);
    EXPECT_EQ(errorPosition("queue>a"), 5);
    EXPECT_EQ(errorPosition("state!idle"), 5);
    EXPECT_EQ(errorPosition(":idle"), 0);
    EXPECT_EQ(errorPosition("a =idle"), 2);
}

TEST(FilterErrors, UnterminatedQuote)
{
    const FilterError error = parseError("state:idle reason:\"XID 79", nodeFields());
    EXPECT_EQ(error.position, 18);
    EXPECT_EQ(error.message, "unterminated quote: add a closing \"");
    EXPECT_EQ(errorPosition("\"abc"), 0);
    EXPECT_EQ(errorPosition("reason:\"a\\\""), 7);
    EXPECT_EQ(errorPosition("reason:a,\"b"), 9);
    // Text right after a closing quote.
    EXPECT_EQ(errorPosition("reason:\"a\"b"), 10);
}

TEST(FilterErrors, EmptyValues)
{
    const FilterError error = parseError("state: idle", nodeFields());
    EXPECT_EQ(error.position, 6);
    EXPECT_EQ(error.message, "state needs a value after \":\", e.g. state:idle");
    EXPECT_EQ(errorPosition("util>"), 5);
    EXPECT_EQ(errorPosition("util>=  "), 6);
    EXPECT_EQ(errorPosition("state:idle,"), 11);
    EXPECT_EQ(errorPosition("state:idle,,down"), 11);
    EXPECT_EQ(errorPosition("- state:idle"), 0);
    EXPECT_EQ(errorPosition("state:idle -"), 11);
    EXPECT_EQ(errorPosition(",x"), 0);
}

TEST(FilterErrors, ValuesOfTheWrongType)
{
    FilterError error = parseError("util>high", nodeFields());
    EXPECT_EQ(error.position, 5);
    EXPECT_EQ(error.message, "util expects a number, got \"high\"");
    EXPECT_EQ(errorPosition("util>5,x"), 7);
    EXPECT_EQ(errorPosition("power>5kW"), 6);
    EXPECT_EQ(errorPosition("acc>8%"), 4); // only percentages take '%'

    error = parseError("state:idle,idel", nodeFields());
    EXPECT_EQ(error.position, 11);
    EXPECT_EQ(error.message,
        "unknown state \"idel\" for nodes (known: idle, allocated, mixed, "
        "draining, drained, down, maintenance)");
    EXPECT_EQ(errorPosition("reason:quotas", jobFields()), 7);
    EXPECT_NE(parseError("reason:x", jobFields()).message.find("quota"), std::string::npos);

    EXPECT_EQ(errorPosition("reboot:maybe"), 7);
    EXPECT_EQ(errorPosition("age>2w", jobFields()), 4);
    EXPECT_EQ(errorPosition("submit>2024-13-01", jobFields()), 7);
    EXPECT_EQ(errorPosition("submit>yesterday", jobFields()), 7);
    EXPECT_EQ(errorPosition("acked:\"\"", alertFields()), 6);
}

TEST(Ordering, SortsByFieldsWithDirection)
{
    std::vector<v1::Node> nodes = sampleNodes();
    auto order = [&](std::string_view text) {
        FilterError error;
        const auto ordering = Ordering::parse(text, nodeFields(), &error);
        EXPECT_TRUE(ordering) << error.toString();
        const MatchContext ctx;
        std::sort(nodes.begin(), nodes.end(),
            [&](const v1::Node &a, const v1::Node &b) { return ordering->less(a, b, ctx); });
        std::string out;
        for (const v1::Node &n : nodes)
            out += (out.empty() ? "" : " ") + n.name();
        return out;
    };
    // Natural order: n10 after n1 and n2; the key field (name) is the default.
    EXPECT_EQ(order(""), "lg-r0001-n1 lg-r0001-n2 lg-r0002-n1 lg-r0002-n10 lg-r0003-n1");
    EXPECT_EQ(order("name desc"), "lg-r0003-n1 lg-r0002-n10 lg-r0002-n1 lg-r0001-n2 lg-r0001-n1");
    // No telemetry sorts last in both directions; ties break by name.
    EXPECT_EQ(order("util desc"), "lg-r0003-n1 lg-r0001-n2 lg-r0002-n1 lg-r0001-n1 lg-r0002-n10");
    EXPECT_EQ(order("UTIL ASC"), "lg-r0001-n1 lg-r0002-n1 lg-r0001-n2 lg-r0003-n1 lg-r0002-n10");
    EXPECT_EQ(
        order("state, util desc"), "lg-r0001-n1 lg-r0003-n1 lg-r0001-n2 lg-r0002-n1 lg-r0002-n10");
    EXPECT_EQ(order("model desc,name desc"),
        "lg-r0002-n10 lg-r0002-n1 lg-r0003-n1 lg-r0001-n2 lg-r0001-n1");
}

TEST(Ordering, JobsByPriorityThenSubmitTime)
{
    std::vector<v1::Job> jobs;
    jobs.push_back(job("9", v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY));
    jobs.push_back(job("10", v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY));
    jobs.push_back(job("11", v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY));
    jobs[0].set_priority(5);
    *jobs[1].mutable_submit_time() = at(kNow - 60);
    const auto ordering = Ordering::parse("priority desc,submit_time", jobFields());
    ASSERT_TRUE(ordering);
    EXPECT_EQ(ordering->toString(), "priority desc, submit");
    MatchContext ctx;
    ctx.nowSeconds = kNow;
    std::sort(jobs.begin(), jobs.end(),
        [&](const v1::Job &a, const v1::Job &b) { return ordering->less(a, b, ctx); });
    EXPECT_EQ(jobs[0].id(), "11");
    EXPECT_EQ(jobs[1].id(), "10");
    EXPECT_EQ(jobs[2].id(), "9");
}

TEST(Ordering, ErrorsHavePositions)
{
    FilterError error;
    EXPECT_FALSE(Ordering::parse("util desc, bogus", nodeFields(), &error));
    EXPECT_EQ(error.position, 11);
    EXPECT_EQ(error.message.substr(0, 38), "unknown field \"bogus\" for nodes (known");
    EXPECT_FALSE(Ordering::parse("util down", nodeFields(), &error));
    EXPECT_EQ(error.position, 5);
    EXPECT_EQ(error.message, "expected \"asc\", \"desc\" or \",\" after util, got \"down\"");
    EXPECT_FALSE(Ordering::parse("util desc,", nodeFields(), &error));
    EXPECT_EQ(error.position, 10);
    EXPECT_FALSE(Ordering::parse(",util", nodeFields(), &error));
    EXPECT_EQ(error.position, 0);
    EXPECT_FALSE(Ordering::parse("util desc name", nodeFields(), &error));
    EXPECT_EQ(error.position, 10);
}

TEST(Ordering, NaturalKeysOrderLikeNaturalCompare)
{
    const std::vector<std::string> words
        = { "", "0", "00", "1", "01", "9", "10", "100", "a", "A", "a0", "a00", "a1", "a01", "a10",
              "a2", "ab", "a-1", "a.1", "a:1", "lg-r1", "lg-r10", "lg-r2", "z", "1a", "1048576",
              "999999", "n1n10", "n1n9", "银河", "x9y", "x10y", "x9z", "\x7f", "0000000000001" };
    for (const std::string &a : words) {
        for (const std::string &b : words) {
            const int natural = naturalCompare(a, b);
            const int keyed = naturalKey(a).compare(naturalKey(b));
            EXPECT_EQ(natural < 0, keyed < 0) << '"' << a << "\" vs \"" << b << '"';
            EXPECT_EQ(natural == 0, keyed == 0) << '"' << a << "\" vs \"" << b << '"';
        }
    }
}

TEST(Ordering, SortAgreesWithLess)
{
    std::vector<v1::Job> jobs;
    for (int i = 0; i < 300; ++i) {
        v1::Job j = job(
            std::to_string(i * 7919 % 1000), v1::JOB_STATE_PENDING, v1::PENDING_REASON_PRIORITY);
        j.set_priority(i % 7);
        j.set_name(i % 5 ? "run-" + std::to_string(i % 13) : "Run-" + std::to_string(i % 13));
        if (i % 4 == 0)
            j.clear_submit_time();
        jobs.push_back(std::move(j));
    }
    MatchContext ctx;
    ctx.nowSeconds = kNow;
    for (const char *text : { "", "priority desc, name", "name desc, age", "age desc", "id" }) {
        const auto ordering = Ordering::parse(text, jobFields());
        ASSERT_TRUE(ordering);
        std::vector<const v1::Job *> bySort, byLess;
        for (const v1::Job &j : jobs) {
            bySort.push_back(&j);
            byLess.push_back(&j);
        }
        ordering->sort(bySort, ctx);
        std::stable_sort(byLess.begin(), byLess.end(),
            [&](const v1::Job *a, const v1::Job *b) { return ordering->less(*a, *b, ctx); });
        EXPECT_EQ(bySort, byLess) << text;
        // Values (not pointers) sort too.
        std::vector<v1::Job> values = jobs;
        ordering->sort(values, ctx);
        for (std::size_t i = 0; i < values.size(); ++i)
            EXPECT_EQ(values[i].id(), byLess[i]->id()) << text;
    }
}
