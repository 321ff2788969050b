#include "app/wall/WallHeatmapPage.h"

#include "app/models/Words.h"
#include "app/wall/WallStyle.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/RackHeatmap.h"

#include <QVBoxLayout>

namespace suanli::app {

namespace {
widgets::HeatmapCell cellOf(const v1::Node &node)
{
    widgets::HeatmapCell cell;
    cell.name = QString::fromStdString(node.name());
    cell.rack = QString::fromStdString(node.rack());
    cell.state = int(node.state());
    return cell;
}
} // namespace

WallHeatmapPage::WallHeatmapPage(client::Connection *centre, QWidget *parent)
    : WallPage(centre, parent)
    , m_heatmap(new widgets::RackHeatmap(this))
{
    setObjectName(QStringLiteral("WallHeatmapPage"));
    m_heatmap->setColourMode(widgets::RackHeatmap::ColourMode::States);
    m_heatmap->setCellSizeRange(3, 96);
    m_heatmap->setFocusPolicy(Qt::NoFocus);
    m_heatmap->setAttribute(Qt::WA_TransparentForMouseEvents);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heatmap, 1);
    auto *site = centre->site();
    connect(&site->nodes(), &client::CollectionSignals::reset, this, [this] {
        m_reset = true;
        m_changed.clear();
        m_removed.clear();
    });
    connect(&site->nodes(), &client::CollectionSignals::changed, this,
        [this](const QStringList &upserted, const QStringList &removed) {
            if (m_reset)
                return;
            for (const QString &name : upserted) {
                m_changed.insert(name);
                m_removed.remove(name);
            }
            for (const QString &name : removed) {
                m_removed.insert(name);
                m_changed.remove(name);
            }
        });
}

QString WallHeatmapPage::title() const
{
    return tr("%1 · All nodes").arg(Words::centreName(centre()));
}

void WallHeatmapPage::refreshContent()
{
    const auto &nodes = centre()->site()->nodes().items;
    if (m_reset) {
        QVector<widgets::HeatmapCell> cells;
        cells.reserve(nodes.size());
        for (const auto &node : nodes)
            cells.append(cellOf(node));
        m_heatmap->setNodes(cells);
        m_reset = false;
    } else if (!m_changed.isEmpty() || !m_removed.isEmpty()) {
        if (!m_removed.isEmpty())
            m_heatmap->removeNodes(QStringList(m_removed.cbegin(), m_removed.cend()));
        QVector<widgets::HeatmapCell> cells;
        cells.reserve(m_changed.size());
        for (const QString &name : std::as_const(m_changed)) {
            const auto it = nodes.constFind(name);
            if (it != nodes.constEnd())
                cells.append(cellOf(*it));
        }
        m_heatmap->updateNodes(cells);
    }
    m_changed.clear();
    m_removed.clear();
    setGreyed(m_heatmap, isStale());
}

} // namespace suanli::app
