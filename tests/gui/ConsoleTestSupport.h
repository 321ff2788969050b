#pragma once

// What the console's GUI tests share: a profile for a test gateway, the
// gateway's own overview to compare figures with, and finding a KPI tile.
#include "suanli/v1/cluster.grpc.pb.h"
#include "tests/integration/GatewayProcess.h"
#include "tests/integration/GatewayProfile.h"
#include "widgets/KpiTile.h"

#include <QString>
#include <QWidget>

namespace suanli::test {

// The overview as the gateway serves it now, read with its own stub.
inline v1::Overview overviewAt(const GatewayProcess &gateway, const std::string &token)
{
    v1::Overview out;
    auto ctx = GatewayProcess::context(token);
    v1::Cluster::NewStub(gateway.channel())->GetOverview(ctx.get(), {}, &out);
    return out;
}

// Drains the first `count` nodes of a gateway, as an operator would (with suanlictl).
inline bool drainNodes(const GatewayProcess &gateway, const std::string &token, int count)
{
    v1::ListNodesRequest list;
    list.set_page_size(count);
    v1::ListNodesResponse nodes;
    auto ctx = GatewayProcess::context(token);
    if (!v1::Cluster::NewStub(gateway.channel())->ListNodes(ctx.get(), list, &nodes).ok())
        return false;
    std::vector<std::string> args = { "nodes", "drain" };
    for (const auto &n : nodes.nodes())
        args.push_back(n.name());
    args.insert(args.end(), { "--reason", "disk swap" });
    return gateway.ctl(token, args).exitCode == 0;
}

// The KPI tile titled `title` on `page`, or null.
inline widgets::KpiTile *tileTitled(QWidget *page, const QString &title)
{
    for (auto *t : page->findChildren<widgets::KpiTile *>())
        if (t->title() == title)
            return t;
    return nullptr;
}

// True when a figure reads as zero ("0", "0 W", "0.0 kW", "3 of 0 …"): what a
// console must not show for a figure nobody measured.
inline bool looksLikeZero(const QString &text)
{
    return text.startsWith(QLatin1Char('0')) || text.contains(QLatin1String(" 0 "))
        || text.endsWith(QLatin1String(" 0"));
}

} // namespace suanli::test
