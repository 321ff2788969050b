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
