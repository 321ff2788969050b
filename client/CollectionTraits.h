#pragma once

#include "SiteState.h"
#include "suanli/v1/cluster.grpc.pb.h"
#include "suanli/v1/events.grpc.pb.h"
#include "suanli/v1/scheduler.grpc.pb.h"
#include "suanli/v1/tenancy.grpc.pb.h"

#include <QString>

// What CollectionInformer needs to know about each watched collection: six
// small stateless structs kept together because each is only a table row.
namespace suanli::client::traits {

struct Nodes {
    using Service = suanli::v1::Cluster;
    using Event = suanli::v1::NodesEvent;
    using Item = suanli::v1::Node;
    static constexpr const char *kName = "nodes";
    static QString key(const Item &item) { return QString::fromStdString(item.name()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchNodes(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyNodes(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceNodes(std::move(items), epoch, revision);
    }
};

struct Jobs {
    using Service = suanli::v1::Scheduler;
    using Event = suanli::v1::JobsEvent;
    using Item = suanli::v1::Job;
    static constexpr const char *kName = "jobs";
    static QString key(const Item &item) { return QString::fromStdString(item.id()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchJobs(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyJobs(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceJobs(std::move(items), epoch, revision);
    }
};

struct Queues {
    using Service = suanli::v1::Scheduler;
    using Event = suanli::v1::QueuesEvent;
    using Item = suanli::v1::Queue;
    static constexpr const char *kName = "queues";
    static QString key(const Item &item) { return QString::fromStdString(item.name()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchQueues(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyQueues(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceQueues(std::move(items), epoch, revision);
    }
};

struct Alerts {
    using Service = suanli::v1::Events;
    using Event = suanli::v1::AlertsEvent;
    using Item = suanli::v1::Alert;
    static constexpr const char *kName = "alerts";
    static QString key(const Item &item) { return QString::fromStdString(item.id()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchAlerts(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyAlerts(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceAlerts(std::move(items), epoch, revision);
    }
};

struct QuotaRequests {
    using Service = suanli::v1::Tenancy;
    using Event = suanli::v1::QuotaRequestsEvent;
    using Item = suanli::v1::QuotaRequest;
    static constexpr const char *kName = "quota requests";
    static QString key(const Item &item) { return QString::fromStdString(item.id()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchQuotaRequests(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyQuotaRequests(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceQuotaRequests(std::move(items), epoch, revision);
    }
};

struct Tenants {
    using Service = suanli::v1::Tenancy;
    using Event = suanli::v1::TenantsEvent;
    using Item = suanli::v1::Tenant;
    static constexpr const char *kName = "tenants";
    static QString key(const Item &item) { return QString::fromStdString(item.id()); }
    static void start(Service::Stub &stub, grpc::ClientContext *context,
        const suanli::v1::WatchRequest *request, grpc::ClientReadReactor<Event> *reactor)
    {
        stub.async()->WatchTenants(context, request, reactor);
    }
    static void apply(SiteState &site, bool snapshot, QList<Item> upserts,
        const QStringList &removed, const QString &epoch, qint64 revision)
    {
        site.applyTenants(snapshot, std::move(upserts), removed, epoch, revision);
    }
    static void replace(
        SiteState &site, QHash<QString, Item> items, const QString &epoch, qint64 revision)
    {
        site.replaceTenants(std::move(items), epoch, revision);
    }
};

} // namespace suanli::client::traits
