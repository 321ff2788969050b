#pragma once

#include <QDialog>

class QLabel;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class TimeSeriesPlot;
}

namespace suanli::app {

class MetricsFeed;

// NodeDetailDialog shows one node over time: each accelerator's utilisation, memory,
// temperature and power (one colour per accelerator in all four), the node's own figures, and
// its faults (alerts) marked on the time axis, live.
class NodeDetailDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeDetailDialog)
public:
    NodeDetailDialog(
        client::Connection *connection, const QString &node, QWidget *parent = nullptr);
    // Gives back the centre's nodes it held while open.
    ~NodeDetailDialog() override;

    QString node() const { return m_node; }
    widgets::TimeSeriesPlot *utilisationPlot() const { return m_utilisation; }
    widgets::TimeSeriesPlot *memoryPlot() const { return m_memory; }
    widgets::TimeSeriesPlot *temperaturePlot() const { return m_temperature; }
    widgets::TimeSeriesPlot *powerPlot() const { return m_power; }
    MetricsFeed *feed() const { return m_feed; }

private:
    void updateHeader();
    void updateMarkers();

    client::Connection *m_connection;
    QString m_node;
    MetricsFeed *m_feed;
    QLabel *m_header;
    widgets::TimeSeriesPlot *m_utilisation;
    widgets::TimeSeriesPlot *m_memory;
    widgets::TimeSeriesPlot *m_temperature;
    widgets::TimeSeriesPlot *m_power;
};

} // namespace suanli::app
