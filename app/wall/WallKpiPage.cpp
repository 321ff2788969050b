#include "app/wall/WallKpiPage.h"

#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/OverviewCounts.h"
#include "widgets/KpiTile.h"

#include <QGridLayout>
#include <QLocale>

namespace suanli::app {

WallKpiPage::WallKpiPage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
{
    setObjectName(QStringLiteral("WallKpiPage"));
    auto *grid = new QGridLayout(this);
    grid->setSpacing(24);
    auto tile = [&](const QString &title, int row, int column, int columns = 1) {
        auto *t = new widgets::KpiTile(title, this);
        t->setScale(WallStyle::kTileScale);
        grid->addWidget(t, row, column, 1, columns);
        return t;
    };
    // In use, free, down and unavailable (drained) add up to the total.
    m_inUse = tile(tr("Accelerators in use"), 0, 0);
    m_free = tile(tr("Accelerators free"), 0, 1);
    m_down = tile(tr("Down"), 0, 2);
    m_unavailable = tile(tr("Unavailable"), 0, 3);
    m_utilisation = tile(tr("Utilisation"), 1, 0);
    m_running = tile(tr("Jobs running"), 1, 1);
    m_pending = tile(tr("Jobs pending"), 1, 2);
    m_wait = tile(tr("Median wait"), 1, 3);
    m_nodes = tile(tr("Nodes"), 2, 0, 2);
    m_alerts = tile(tr("Open alerts"), 2, 2, 2);
    for (int i = 0; i < 4; ++i)
        grid->setColumnStretch(i, 1);
}

QString WallKpiPage::title() const
{
    return tr("%1 · Key figures").arg(Words::centreName(centre()));
}

void WallKpiPage::refreshContent()
{
    const auto &o = centre()->site()->overview();
    const QLocale locale;
    const AcceleratorTally accelerators = OverviewFigures(o).accelerators();
    const bool synced = o.nodes_total() > 0;
    m_inUse->setValueText(synced ? locale.toString(accelerators.inUse) : Words::noData());
    m_inUse->setUnit(tr("of %1").arg(locale.toString(accelerators.total)));
    const auto share = accelerators.inUsePercent();
    m_inUse->setSubtitle(share ? Words::percent(*share) : QString());
    m_free->setValueText(synced ? locale.toString(accelerators.free) : Words::noData());
    m_down->setUnit(tr("accelerators"));
    m_down->setValueText(synced ? locale.toString(accelerators.down) : Words::noData());
    m_down->setSeverity(
        accelerators.down > 0 ? widgets::SeverityColour::Warning : widgets::SeverityColour::Ok);
    m_unavailable->setUnit(tr("accelerators"));
    m_unavailable->setValueText(
        synced ? locale.toString(accelerators.unavailable) : Words::noData());
    m_unavailable->setSubtitle(tr("draining, drained, maintenance"));
    m_utilisation->setValueText(!synced ? Words::noData()
            : o.telemetry_available()   ? Words::percent(o.utilisation_percent())
                                        : Words::noTelemetry());
    m_utilisation->setSubtitle(tr("of accelerators in use"));
    m_running->setValueText(synced ? locale.toString(qint64(o.jobs_running())) : Words::noData());
    m_pending->setValueText(synced ? locale.toString(qint64(o.jobs_pending())) : Words::noData());
    m_pending->setSubtitle(tr("%1 held").arg(locale.toString(qint64(o.jobs_held()))));
    m_wait->setValueText(synced ? Words::duration(qint64(o.wait_seconds_p50())) : Words::noData());
    m_wait->setSubtitle(tr("p95 %1").arg(Words::duration(qint64(o.wait_seconds_p95()))));
    const qint64 alerts = openAlertsTotal(o);
    const qint64 critical = openAlerts(o, v1::SEVERITY_CRITICAL);
    m_alerts->setValueText(synced ? locale.toString(alerts) : Words::noData());
    m_alerts->setSeverity(critical > 0
            ? widgets::SeverityColour::Critical
            : (alerts > 0 ? widgets::SeverityColour::Warning : widgets::SeverityColour::Ok));
    m_alerts->setSubtitle(tr("%1 critical").arg(locale.toString(critical)));
    m_nodes->setValueText(synced ? locale.toString(qint64(o.nodes_total())) : Words::noData());
    m_nodes->setSubtitle(tr("%1 down · %2 drained")
                             .arg(locale.toString(qint64(nodesInState(o, v1::NODE_STATE_DOWN))),
                                 locale.toString(qint64(nodesInState(o, v1::NODE_STATE_DRAINED)))));
    const bool stale = isStale();
    const qint64 age = dataAgeSeconds();
    for (auto *t : { m_inUse, m_free, m_down, m_unavailable, m_utilisation, m_running, m_pending,
             m_wait, m_nodes, m_alerts })
        t->setStale(stale, age);
}

} // namespace suanli::app
