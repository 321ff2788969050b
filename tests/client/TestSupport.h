#pragma once

// Helpers shared by the client's gateway tests: profiles for a GatewayProcess,
// blocking reads of what the gateway holds, and waiting for a Connection.
#include "client/Connection.h"
#include "client/ConnectionProfile.h"
#include "client/SiteState.h"
#include "suanli/v1/auth.grpc.pb.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"
#include "tests/integration/GatewayProfile.h"

#include <QHash>
#include <QString>
#include <QStringList>
#include <algorithm>

namespace suanli::client::test {

namespace v1 = suanli::v1;
using suanli::test::GatewayProcess;
using suanli::test::profileFor;

inline QString q(const std::string &s)
{
    return QString::fromStdString(s);
}

// Asks a connection for every collection, as a console showing all of a centre's pages would:
// what these tests compare is then watched whatever the console shows.
inline void watchEverything(client::Connection &connection)
{
    for (int i = 0; i < client::Connection::kCollections; ++i)
        connection.acquire(client::Connection::Collection(i));
}

// Blocking reads through the gateway's own stubs, to compare with a SiteState.
class GatewayReader {
public:
    GatewayReader(const GatewayProcess &g, std::string token)
        : m_channel(g.channel())
        , m_token(std::move(token))
    {
    }

    bool ok() const { return m_ok; }

    // Every collection as key -> serialised object, to compare with a SiteState.
    using Content = QHash<QString, QByteArray>;

    Content nodes()
    {
        Content out;
        auto stub = v1::Cluster::NewStub(m_channel);
        std::string page;
        do {
            v1::ListNodesRequest req;
            req.set_page_size(1000);
            req.set_page_token(page);
            // Watch messages carry the accelerators too.
            req.set_include_accelerators(true);
            v1::ListNodesResponse resp;
            if (!check(stub->ListNodes(GatewayProcess::context(m_token).get(), req, &resp)))
                return {};
            for (const auto &n : resp.nodes())
                out.insert(q(n.name()), bytes(n));
            page = resp.next_page_token();
        } while (!page.empty());
        return out;
    }

    // Jobs as ListJobs shows them: active ones, and with `activeOnly` false
    // also those that ended recently.
    QList<v1::Job> jobList(bool activeOnly = true)
    {
        QList<v1::Job> out;
        auto stub = v1::Scheduler::NewStub(m_channel);
        std::string page;
        do {
            v1::ListJobsRequest req;
            req.set_page_size(5000);
            req.set_page_token(page);
            v1::ListJobsResponse resp;
            if (!check(stub->ListJobs(GatewayProcess::context(m_token).get(), req, &resp)))
                return {};
            for (auto j : resp.jobs()) {
                // Worded as the list answers, from the tenants of that moment: not part of the
                // job as the watch streams send it.
                j.clear_pending_reason_text();
                if (!activeOnly || j.state() == v1::JOB_STATE_PENDING
                    || j.state() == v1::JOB_STATE_RUNNING || j.state() == v1::JOB_STATE_HELD
                    || j.state() == v1::JOB_STATE_COMPLETING)
                    out.append(j);
            }
            page = resp.next_page_token();
        } while (!page.empty());
        return out;
    }

    Content jobs(bool activeOnly)
    {
        Content out;
        for (const auto &j : jobList(activeOnly))
            out.insert(q(j.id()), bytes(j));
        return out;
    }

    Content queues()
    {
        Content out;
        v1::ListQueuesResponse resp;
        if (check(v1::Scheduler::NewStub(m_channel)->ListQueues(
                GatewayProcess::context(m_token).get(), {}, &resp)))
            for (const auto &x : resp.queues())
                out.insert(q(x.name()), bytes(x));
        return out;
    }

    Content tenants()
    {
        Content out;
        v1::ListTenantsResponse resp;
        if (check(v1::Tenancy::NewStub(m_channel)->ListTenants(
                GatewayProcess::context(m_token).get(), {}, &resp)))
            for (const auto &x : resp.tenants())
                out.insert(q(x.id()), bytes(x));
        return out;
    }

    Content quotaRequests()
    {
        Content out;
        v1::ListQuotaRequestsRequest req;
        req.set_page_size(1000);
        v1::ListQuotaRequestsResponse resp;
        if (check(v1::Tenancy::NewStub(m_channel)->ListQuotaRequests(
                GatewayProcess::context(m_token).get(), req, &resp)))
            for (const auto &x : resp.requests())
                out.insert(q(x.id()), bytes(x));
        return out;
    }

    Content alerts()
    {
        Content out;
        v1::ListAlertsRequest req;
        req.set_page_size(5000);
        v1::ListAlertsResponse resp;
        if (check(v1::Events::NewStub(m_channel)->ListAlerts(
                GatewayProcess::context(m_token).get(), req, &resp)))
            for (const auto &x : resp.alerts())
                out.insert(q(x.id()), bytes(x));
        return out;
    }

    // A fresh full snapshot of one collection from its Watch call, with the
    // epoch and revision it is at: what a console must hold at that revision.
    struct Snapshot {
        QString epoch;
        qint64 revision = -1;
        Content content;
    };

    Snapshot nodeSnapshot()
    {
        auto stub = v1::Cluster::NewStub(m_channel);
        return snapshot<v1::NodesEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchNodes(c, r);
            },
            [](const v1::Node &n) { return n.name(); });
    }
    Snapshot jobSnapshot()
    {
        auto stub = v1::Scheduler::NewStub(m_channel);
        return snapshot<v1::JobsEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchJobs(c, r);
            },
            [](const v1::Job &j) { return j.id(); });
    }
    Snapshot queueSnapshot()
    {
        auto stub = v1::Scheduler::NewStub(m_channel);
        return snapshot<v1::QueuesEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchQueues(c, r);
            },
            [](const v1::Queue &x) { return x.name(); });
    }
    Snapshot alertSnapshot()
    {
        auto stub = v1::Events::NewStub(m_channel);
        return snapshot<v1::AlertsEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchAlerts(c, r);
            },
            [](const v1::Alert &x) { return x.id(); });
    }
    Snapshot tenantSnapshot()
    {
        auto stub = v1::Tenancy::NewStub(m_channel);
        return snapshot<v1::TenantsEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchTenants(c, r);
            },
            [](const v1::Tenant &x) { return x.id(); });
    }
    Snapshot quotaRequestSnapshot()
    {
        auto stub = v1::Tenancy::NewStub(m_channel);
        return snapshot<v1::QuotaRequestsEvent>(
            [&](grpc::ClientContext *c, const v1::WatchRequest &r) {
                return stub->WatchQuotaRequests(c, r);
            },
            [](const v1::QuotaRequest &x) { return x.id(); });
    }

    v1::WhoAmIResponse whoAmI()
    {
        v1::WhoAmIResponse resp;
        check(v1::Auth::NewStub(m_channel)->WhoAmI(
            GatewayProcess::context(m_token).get(), {}, &resp));
        return resp;
    }

    // A quota request for `tenant`, asked by whoever the token belongs to.
    QString createQuotaRequest(const std::string &tenant, int accelerators)
    {
        v1::CreateQuotaRequestRequest req;
        req.set_tenant(tenant);
        req.set_model(v1::ACCELERATOR_MODEL_NVIDIA_H100);
        req.set_max_accelerators(accelerators);
        req.set_justification("pretraining run for the client tests");
        v1::QuotaRequest resp;
        if (!check(v1::Tenancy::NewStub(m_channel)->CreateQuotaRequest(
                GatewayProcess::context(m_token).get(), req, &resp)))
            return {};
        return q(resp.id());
    }

    template <class M> static QByteArray bytes(const M &message)
    {
        return QByteArray::fromStdString(message.SerializeAsString());
    }

private:
    template <class Event, class Start, class Key> Snapshot snapshot(Start start, Key key)
    {
        Snapshot out;
        auto context = GatewayProcess::context(m_token);
        auto reader = start(context.get(), v1::WatchRequest());
        Event event;
        while (reader->Read(&event)) {
            if (event.header().kind() != v1::WATCH_EVENT_KIND_SNAPSHOT)
                continue;
            for (const auto &item : event.upserts())
                out.content.insert(q(key(item)), bytes(item));
            if (event.header().last_chunk()) {
                out.epoch = q(event.header().epoch());
                out.revision = event.header().revision();
                break;
            }
        }
        context->TryCancel();
        while (reader->Read(&event)) { }
        reader->Finish();
        if (out.revision < 0)
            m_ok = false;
        return out;
    }

    bool check(const grpc::Status &status)
    {
        if (!status.ok()) {
            m_ok = false;
            qWarning("gateway read failed: %d %s", int(status.error_code()),
                status.error_message().c_str());
        }
        return status.ok();
    }

    std::shared_ptr<grpc::Channel> m_channel;
    std::string m_token;
    bool m_ok = true;
};

// A SiteState collection as key -> serialised object.
template <class T> QHash<QString, QByteArray> contentOf(const SiteCollection<T> &c)
{
    QHash<QString, QByteArray> out;
    for (auto it = c.items.constBegin(); it != c.items.constEnd(); ++it)
        out.insert(it.key(), GatewayReader::bytes(it.value()));
    return out;
}

// True when both hold the same keys with the same objects; says what differs otherwise.
inline bool sameContent(const char *what, const QHash<QString, QByteArray> &console,
    const QHash<QString, QByteArray> &gateway)
{
    if (console == gateway)
        return true;
    int missing = 0, extra = 0, differ = 0;
    for (auto it = gateway.constBegin(); it != gateway.constEnd(); ++it) {
        if (!console.contains(it.key()))
            ++missing;
        else if (console.value(it.key()) != it.value())
            ++differ;
    }
    for (auto it = console.constBegin(); it != console.constEnd(); ++it)
        if (!gateway.contains(it.key()))
            ++extra;
    qInfo("%s: console has %lld, gateway %lld; %d missing, %d extra, %d differ", what,
        qlonglong(console.size()), qlonglong(gateway.size()), missing, extra, differ);
    return false;
}

// True when a console collection is at the snapshot's revision and holds
// exactly what it holds; false (to try again) while the revisions differ.
template <class T>
bool matchesSnapshot(const char *what, const SiteCollection<T> &c, const GatewayReader::Snapshot &s)
{
    if (c.epoch != s.epoch || c.revision != s.revision)
        return false;
    return sameContent(what, contentOf(c), s.content);
}

} // namespace suanli::client::test
