// The role table, checked against an independent statement of who may do what.
#include "server/auth/BearerToken.h"
#include "server/auth/Rbac.h"
#include "suanli/v1/audit.pb.h"
#include "suanli/v1/auth.pb.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/events.pb.h"
#include "suanli/v1/placement.pb.h"
#include "suanli/v1/scheduler.pb.h"
#include "suanli/v1/telemetry.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <google/protobuf/descriptor.h>
#include <gtest/gtest.h>
#include <set>

using namespace suanli::server;
namespace v1 = suanli::v1;

namespace {
// Who may call what, as DESIGN.md states it: V viewer, O operator, T tenant-manager, A admin.
const std::map<std::string, std::string> kExpected = {
    { "Auth.WhoAmI", "VOTA" },
    { "Auth.ListUsers", "A" },
    { "Auth.CreateUser", "A" },
    { "Auth.DeleteUser", "A" },
    { "Auth.CreateToken", "A" },
    { "Auth.RevokeToken", "A" },
    { "Cluster.GetOverview", "VOTA" },
    { "Cluster.WatchOverview", "VOTA" },
    { "Tenancy.WatchTenants", "VOTA" },
    { "Cluster.ListNodes", "VOTA" },
    { "Cluster.GetNode", "VOTA" },
    { "Cluster.WatchNodes", "VOTA" },
    { "Cluster.DrainNodes", "OA" },
    { "Cluster.ResumeNodes", "OA" },
    { "Cluster.RebootNodes", "OA" },
    { "Scheduler.ListQueues", "VOTA" },
    { "Scheduler.WatchQueues", "VOTA" },
    { "Scheduler.ListJobs", "VOTA" },
    { "Scheduler.GetJob", "VOTA" },
    { "Scheduler.WatchJobs", "VOTA" },
    { "Scheduler.CancelJobs", "OA" },
    { "Scheduler.HoldJobs", "OA" },
    { "Scheduler.ReleaseJobs", "OA" },
    { "Scheduler.RequeueJobs", "OA" },
    { "Scheduler.SetJobPriority", "OA" },
    { "Tenancy.ListTenants", "VOTA" },
    { "Tenancy.SetQuota", "A" },
    { "Tenancy.ListQuotaRequests", "VOTA" },
    { "Tenancy.WatchQuotaRequests", "VOTA" },
    { "Tenancy.CreateQuotaRequest", "OTA" },
    { "Tenancy.ApproveQuotaRequest", "TA" },
    { "Tenancy.RejectQuotaRequest", "TA" },
    { "Placement.QuotePlacement", "VOTA" },
    { "Placement.GetForecastAccuracy", "VOTA" },
    { "Telemetry.QueryMetrics", "VOTA" },
    { "Telemetry.StreamMetrics", "VOTA" },
    { "Events.WatchAlerts", "VOTA" },
    { "Events.ListAlerts", "VOTA" },
    { "Events.AcknowledgeAlert", "OA" },
    { "Audit.ListAuditEntries", "OA" },
    { "Audit.VerifyAuditLog", "A" },
};

const std::vector<std::pair<char, v1::Role>> kRoles = { { 'V', v1::ROLE_VIEWER },
    { 'O', v1::ROLE_OPERATOR }, { 'T', v1::ROLE_TENANT_MANAGER }, { 'A', v1::ROLE_ADMIN } };
} // namespace

TEST(Rbac, EveryRoleAndEveryMethodAsDesigned)
{
    for (const auto &[method, allowed] : kExpected) {
        const Access access = Rbac::accessFor(method);
        for (const auto &[letter, role] : kRoles) {
            const bool expected = allowed.find(letter) != std::string::npos;
            EXPECT_EQ(Rbac::roleAllows(role, access), expected)
                << method << " for " << Rbac::roleName(role);
        }
        EXPECT_FALSE(Rbac::roleAllows(v1::ROLE_UNSPECIFIED, access)) << method;
    }
}

TEST(Rbac, TableCoversEveryMethodOfTheApi)
{
    // Force the generated descriptors of every service into the pool.
    const google::protobuf::FileDescriptor *files[] = { v1::WhoAmIRequest::descriptor()->file(),
        v1::Node::descriptor()->file(), v1::Job::descriptor()->file(),
        v1::Tenant::descriptor()->file(), v1::QueryMetricsRequest::descriptor()->file(),
        v1::Alert::descriptor()->file(), v1::AuditEntry::descriptor()->file(),
        v1::QuotePlacementRequest::descriptor()->file() };
    std::set<std::string> apiMethods;
    for (const auto *file : files)
        for (int s = 0; s < file->service_count(); ++s)
            for (int m = 0; m < file->service(s)->method_count(); ++m)
                apiMethods.insert(
                    file->service(s)->name() + "." + file->service(s)->method(m)->name());
    std::set<std::string> tableMethods;
    for (const auto &[name, access] : Rbac::methods())
        tableMethods.insert(name);
    EXPECT_EQ(apiMethods, tableMethods);
    std::set<std::string> expectedMethods;
    for (const auto &[name, allowed] : kExpected)
        expectedMethods.insert(name);
    EXPECT_EQ(apiMethods, expectedMethods);
}

TEST(Rbac, UnknownMethodIsAdminOnly)
{
    EXPECT_EQ(Rbac::accessFor("Cluster.FormatDisks"), Access::Admin);
    EXPECT_FALSE(Rbac::roleAllows(v1::ROLE_OPERATOR, Rbac::accessFor("Cluster.FormatDisks")));
}

// The bearer token of an "authorization" header: what follows "Bearer " (the scheme in any
// case); nothing for another scheme, a missing token or a scheme run into the token.
TEST(BearerToken, IsWhatFollowsTheScheme)
{
    using suanli::server::bearerTokenOf;
    EXPECT_EQ(bearerTokenOf("Bearer sl_abc"), "sl_abc");
    EXPECT_EQ(bearerTokenOf("bEARER sl_abc"), "sl_abc");
    EXPECT_EQ(bearerTokenOf("Bearer  sl_abc"), " sl_abc"); // refused later by its shape
    EXPECT_EQ(bearerTokenOf("Bearer "), "");
    EXPECT_EQ(bearerTokenOf("Bearersl_abc"), "");
    EXPECT_EQ(bearerTokenOf("Basic dXNlcjpwYXNz"), "");
    EXPECT_EQ(bearerTokenOf(""), "");
}
