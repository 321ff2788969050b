#pragma once

#include "app/wall/WallPage.h"

#include <QSet>
#include <QString>

namespace suanli::widgets {
class RackHeatmap;
}

namespace suanli::app {

// WallHeatmapPage shows every node of a centre in one heatmap coloured by state, cells grown to
// fill the screen. Changes are gathered as they arrive and applied when the page is refreshed.
class WallHeatmapPage : public WallPage {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WallHeatmapPage)
public:
    explicit WallHeatmapPage(client::Connection *centre, QWidget *parent = nullptr);
    QString title() const override;
    QList<client::Connection::Collection> needs() const override
    {
        return { client::Connection::Collection::Nodes };
    }

    widgets::RackHeatmap *heatmap() const { return m_heatmap; }

protected:
    void refreshContent() override;

private:
    widgets::RackHeatmap *m_heatmap;
    bool m_reset = true;
    QSet<QString> m_changed; // at most every node's name
    QSet<QString> m_removed;
};

} // namespace suanli::app
