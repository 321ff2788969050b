// tenants and quota: the Tenancy service.
#include "common/Describe.h"
#include "common/QuotaRules.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tools/suanlictl/Commands.h"
#include "tools/suanlictl/Connection.h"
#include "tools/suanlictl/Format.h"
#include "tools/suanlictl/Invocation.h"
#include "tools/suanlictl/Output.h"
#include "tools/suanlictl/Paging.h"
#include "tools/suanlictl/Table.h"

#include <ctime>

namespace suanli::ctl {

namespace {

constexpr auto kRight = Table::Align::Right;

std::string modelOf(v1::AcceleratorModel model)
{
    return modelShortName(model);
}

// The MODEL column: "all" for the limit across all models, else the model's short name.
std::string kindColumn(QuotaKind kind)
{
    return kind.allModels ? std::string("all") : modelOf(kind.model);
}

std::string owner(const std::string &tenant, const std::string &project)
{
    return project.empty() ? tenant : tenant + "/" + project;
}

// Rows of one tenant or project: one for its limit across all models where it has one (or
// its use across them), then one per model it has a quota or use for.
void addQuotaRows(Table &table, const std::string &id, const std::string &name,
    const google::protobuf::RepeatedPtrField<v1::QuotaLimit> &quotas,
    const google::protobuf::RepeatedPtrField<v1::QuotaUsage> &usage)
{
    const std::vector<QuotaRow> rows = quotaRows(quotas, usage);
    if (rows.empty()) {
        table.addRow({ id, name, "-", "-", "-", "-", "-" });
        return;
    }
    bool first = true;
    for (const auto &[kind, q, u] : rows) {
        std::string hours = "-";
        if (u || (q && q->max_accelerator_hours() > 0)) {
            hours = formatNumber(u ? u->accelerator_hours_used() : 0, 0) + "/"
                + (q && q->max_accelerator_hours() > 0 ? std::to_string(q->max_accelerator_hours())
                                                       : "no limit");
        }
        table.addRow({ first ? id : "", first ? name : "", kindColumn(kind),
            q ? std::to_string(q->max_accelerators()) : "-",
            u ? std::to_string(u->accelerators_in_use()) : "0",
            u ? std::to_string(u->accelerators_pending()) : "0", hours });
        first = false;
    }
}

std::string limitText(std::int64_t accelerators, std::int64_t hours)
{
    std::string text = std::to_string(accelerators) + " accelerators";
    if (hours > 0)
        text += ", " + std::to_string(hours) + " accelerator-hours a month";
    return text;
}

void describeRequest(const v1::QuotaRequest &r, std::ostream &out)
{
    out << r.id() << " " << stateName(r.state()) << ": " << owner(r.tenant(), r.project())
        << " asks for " << r.max_accelerators() << " "
        << (r.all_models() ? std::string("accelerators across all models")
                           : modelDisplayName(r.model()))
        << " (now " << r.current_max_accelerators() << ")";
    if (r.max_accelerator_hours() > 0)
        out << " and " << r.max_accelerator_hours() << " accelerator-hours a month (now "
            << r.current_max_accelerator_hours() << ")";
    if (r.until_time().seconds() > 0)
        out << " until " << formatTime(r.until_time());
    out << '\n';
    if (!r.decider().empty()) {
        out << "decided by " << r.decider() << " at " << formatTime(r.decide_time());
        if (!r.decision_comment().empty())
            out << ": " << r.decision_comment();
        out << '\n';
    } else if (r.state() == v1::QUOTA_REQUEST_STATE_PENDING && r.needs_admin()) {
        out << "goes beyond the tenant's own quota: a centre admin must approve it\n";
    }
}

// The end of that local day, the last moment the quota is asked for.
google::protobuf::Timestamp endOfDay(const std::string &date)
{
    std::tm tm {};
    tm.tm_year = std::stoi(date.substr(0, 4)) - 1900;
    tm.tm_mon = std::stoi(date.substr(5, 2)) - 1;
    tm.tm_mday = std::stoi(date.substr(8, 2));
    tm.tm_hour = 23;
    tm.tm_min = 59;
    tm.tm_sec = 59;
    tm.tm_isdst = -1;
    google::protobuf::Timestamp t;
    t.set_seconds(static_cast<std::int64_t>(std::mktime(&tm)));
    return t;
}

void splitOwner(const std::string &target, std::string *tenant, std::string *project)
{
    const std::size_t slash = target.find('/');
    *tenant = target.substr(0, slash);
    *project = slash == std::string::npos ? std::string() : target.substr(slash + 1);
}

int printRequest(const grpc::Status &status, const v1::QuotaRequest &r, const Output &output)
{
    if (!status.ok())
        return output.rpcError(status);
    if (output.json())
        output.printJson(r);
    else
        describeRequest(r, output.out());
    return 0;
}

} // namespace

int runTenants(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Tenancy::NewStub(connection.channel());
    grpc::ClientContext context;
    connection.prepare(context);
    v1::ListTenantsRequest request;
    request.set_filter(inv.value("filter"));
    v1::ListTenantsResponse tenants;
    const grpc::Status status = stub->ListTenants(&context, request, &tenants);
    if (!status.ok())
        return output.rpcError(status);
    if (output.json()) {
        output.printJson(tenants);
        return 0;
    }
    if (tenants.tenants().empty()) {
        output.err() << "no tenants found\n";
        return 0;
    }
    Table table({ { "TENANT/PROJECT" }, { "NAME" }, { "MODEL" }, { "QUOTA", kRight },
        { "IN USE", kRight }, { "PENDING", kRight }, { "HOURS USED/LIMIT", kRight } });
    for (const v1::Tenant &t : tenants.tenants()) {
        std::string name = t.name();
        if (!t.name_zh().empty())
            name += (name.empty() ? "" : " ") + t.name_zh();
        addQuotaRows(table, t.id(), name, t.quotas(), t.usage());
        for (const v1::Project &p : t.projects()) {
            std::string projectName = p.name();
            if (!p.name_zh().empty())
                projectName += (projectName.empty() ? "" : " ") + p.name_zh();
            addQuotaRows(table, "  " + p.id(), projectName, p.quotas(), p.usage());
        }
    }
    table.print(output.out());
    return 0;
}

int runQuota(const Invocation &inv, const Connection &connection, const Output &output)
{
    auto stub = v1::Tenancy::NewStub(connection.channel());
    if (inv.command == "quota requests") {
        v1::ListQuotaRequestsRequest request;
        request.set_filter(inv.value("filter"));
        v1::ListQuotaRequestsResponse all;
        const grpc::Status status = fetchAllPages(
            connection, request, inv.integer("limit"),
            [&](grpc::ClientContext *c, const v1::ListQuotaRequestsRequest &r,
                v1::ListQuotaRequestsResponse *p) { return stub->ListQuotaRequests(c, r, p); },
            [](v1::ListQuotaRequestsResponse &r) { return r.mutable_requests(); }, &all);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(all);
            return 0;
        }
        if (all.requests().empty()) {
            output.err() << "no quota requests found\n";
            return 0;
        }
        Table table(
            { { "ID" }, { "STATE" }, { "TENANT/PROJECT" }, { "MODEL" }, { "ACC NOW", kRight },
                { "ACC ASKED", kRight }, { "HOURS NOW", kRight }, { "HOURS ASKED", kRight },
                { "UNTIL" }, { "BY" }, { "CREATED" }, { "ADMIN" }, { "DECIDED BY" } });
        for (const v1::QuotaRequest &r : all.requests()) {
            table.addRow({ r.id(), stateName(r.state()), owner(r.tenant(), r.project()),
                kindColumn(QuotaKind::of(r)), std::to_string(r.current_max_accelerators()),
                std::to_string(r.max_accelerators()),
                std::to_string(r.current_max_accelerator_hours()),
                std::to_string(r.max_accelerator_hours()),
                r.until_time().seconds() > 0 ? formatTimeShort(r.until_time()) : "permanent",
                r.requester(), formatTimeShort(r.create_time()), r.needs_admin() ? "yes" : "no",
                r.decider().empty() ? "-" : r.decider() });
        }
        table.print(output.out());
        return 0;
    }

    grpc::ClientContext context;
    connection.prepare(context);
    if (inv.command == "quota set") {
        v1::SetQuotaRequest request;
        std::string tenant, project;
        splitOwner(inv.args[0], &tenant, &project);
        request.set_tenant(tenant);
        request.set_project(project);
        const QuotaKind kind = *parseQuotaKind(inv.value("model"));
        request.mutable_limit()->set_model(kind.model);
        request.mutable_limit()->set_all_models(kind.allModels);
        request.mutable_limit()->set_max_accelerators(inv.integer("accelerators"));
        request.mutable_limit()->set_max_accelerator_hours(inv.integer("hours"));
        request.set_reason(inv.value("reason"));
        request.set_request_id(Connection::newRequestId());
        v1::Tenant updated;
        const grpc::Status status = stub->SetQuota(&context, request, &updated);
        if (!status.ok())
            return output.rpcError(status);
        if (output.json()) {
            output.printJson(updated);
            return 0;
        }
        output.out() << "quota of " << inv.args[0] << " for "
                     << (kind.allModels ? std::string("all models together")
                                        : modelDisplayName(kind.model))
                     << " set to "
                     << limitText(request.limit().max_accelerators(),
                            request.limit().max_accelerator_hours())
                     << '\n';
        return 0;
    }
    if (inv.command == "quota request") {
        v1::CreateQuotaRequestRequest request;
        std::string tenant, project;
        splitOwner(inv.args[0], &tenant, &project);
        request.set_tenant(tenant);
        request.set_project(project);
        const QuotaKind kind = *parseQuotaKind(inv.value("model"));
        request.set_model(kind.model);
        request.set_all_models(kind.allModels);
        request.set_max_accelerators(inv.integer("accelerators"));
        request.set_max_accelerator_hours(inv.integer("hours"));
        request.set_justification(inv.value("justification"));
        if (inv.has("until"))
            *request.mutable_until_time() = endOfDay(inv.value("until"));
        request.set_request_id(Connection::newRequestId());
        v1::QuotaRequest created;
        return printRequest(stub->CreateQuotaRequest(&context, request, &created), created, output);
    }
    v1::DecideQuotaRequestRequest request;
    request.set_id(inv.args[0]);
    request.set_comment(inv.value("comment"));
    v1::QuotaRequest decided;
    if (inv.command == "quota approve")
        return printRequest(
            stub->ApproveQuotaRequest(&context, request, &decided), decided, output);
    return printRequest(stub->RejectQuotaRequest(&context, request, &decided), decided, output);
}

} // namespace suanli::ctl
