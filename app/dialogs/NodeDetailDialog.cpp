#include "app/dialogs/NodeDetailDialog.h"

#include "app/charts/MetricsFeed.h"
#include "app/models/GatewayWords.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/MetricNames.h"
#include "widgets/Palette.h"
#include "widgets/TimeSeriesPlot.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <algorithm>

namespace suanli::app {

namespace v1 = suanli::v1;
using widgets::Palette;
using widgets::TimeSeriesPlot;
using widgets::ValueUnit;

namespace {
// The simulated and most real training servers have eight; a node says how many it has.
constexpr int kDefaultAccelerators = 8;
} // namespace

NodeDetailDialog::NodeDetailDialog(
    client::Connection *connection, const QString &node, QWidget *parent)
    : QDialog(parent)
    , m_connection(connection)
    , m_node(node)
    , m_feed(new MetricsFeed(connection, this))
    , m_header(new QLabel(this))
    , m_utilisation(new TimeSeriesPlot(this))
    , m_memory(new TimeSeriesPlot(this))
    , m_temperature(new TimeSeriesPlot(this))
    , m_power(new TimeSeriesPlot(this))
{
    setObjectName(QStringLiteral("NodeDetailDialog"));
    setWindowTitle(tr("Node %1").arg(node));
    setAttribute(Qt::WA_DeleteOnClose);
    resize(1400, 900);
    // The node stays current while the dialog is open, whatever page the window shows.
    connection->acquire(client::Connection::Collection::Nodes);

    const v1::Node info = connection->site()->nodes().items.value(node);
    const int count
        = info.accelerators_total() > 0 ? info.accelerators_total() : kDefaultAccelerators;
    const QString model = Words::modelName(info.model(), info.model_name());

    struct Chart {
        TimeSeriesPlot *plot;
        QString title;
        QString metric;
        ValueUnit unit;
        QString nodeLabel;
    };
    const QList<Chart> charts = {
        { m_utilisation, tr("Utilisation"), QLatin1String(metric::kUtilisationPercent),
            ValueUnit::Percent, tr("Node mean") },
        { m_memory, tr("Accelerator memory used"), QLatin1String(metric::kMemoryUsedPercent),
            ValueUnit::Percent, tr("Node mean") },
        { m_temperature, tr("Temperature"), QLatin1String(metric::kTemperatureCelsius),
            ValueUnit::Celsius, tr("Node hottest") },
        { m_power, tr("Power"), QLatin1String(metric::kPowerWatts), ValueUnit::Watts,
            tr("Whole node (right axis)") },
    };
    for (const Chart &c : charts) {
        c.plot->setTitle(c.title);
        c.plot->setRanges({ TimeSeriesPlot::Range::Minutes15, TimeSeriesPlot::Range::Hour,
            TimeSeriesPlot::Range::Day });
        c.plot->setValueUnit(TimeSeriesPlot::Axis::Left, c.unit);
        if (c.unit == ValueUnit::Percent)
            c.plot->setValueRange(TimeSeriesPlot::Axis::Left, 0, 100);
        for (int i = 0; i < count; ++i) {
            const QString key = QStringLiteral("acc%1").arg(i);
            c.plot->addSeries(key, tr("%1 #%2").arg(model).arg(i), Palette::categoryColour(i));
            m_feed->bind(c.plot, v1::METRIC_SCOPE_ACCELERATOR, node + u'/' + QString::number(i),
                c.metric, key);
        }
        // Power of the whole node is eight cards and the host: its own axis.
        const bool ownAxis = c.unit == ValueUnit::Watts;
        if (ownAxis)
            c.plot->setValueUnit(TimeSeriesPlot::Axis::Right, ValueUnit::Watts);
        c.plot->addSeries(QStringLiteral("node"), c.nodeLabel, palette().color(QPalette::Text),
            ownAxis ? TimeSeriesPlot::Axis::Right : TimeSeriesPlot::Axis::Left,
            TimeSeriesPlot::Style::Line, Qt::DotLine);
        m_feed->bind(c.plot, v1::METRIC_SCOPE_NODE, node, c.metric, QStringLiteral("node"));
        c.plot->setNoDataText(tr("No data yet: the gateway records a point a minute"));
        // The gateway says when it has no accelerator exporter to read: then no point will come.
        c.plot->setUnavailableText(tr("No telemetry source is configured for this centre: its "
                                      "gateway reads no accelerator exporter"),
            tr("no telemetry source"));
    }

    QFont headerFont = m_header->font();
    headerFont.setPointSizeF(headerFont.pointSizeF() * 1.2);
    m_header->setFont(headerFont);
    m_header->setWordWrap(true);
    auto *note = new QLabel(tr("Each accelerator's history covers the last hour; the node's own "
                               "figures cover 24 hours. Dashed lines mark faults; hover for "
                               "values, drag and scroll to pan and zoom, double-click to reset."),
        this);
    note->setWordWrap(true);

    auto *grid = new QGridLayout;
    grid->addWidget(m_utilisation, 0, 0);
    grid->addWidget(m_memory, 0, 1);
    grid->addWidget(m_temperature, 1, 0);
    grid->addWidget(m_power, 1, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_header);
    layout->addWidget(note);
    layout->addLayout(grid, 1);
    layout->addWidget(buttons);

    auto *site = connection->site();
    connect(&site->nodes(), &client::CollectionSignals::changed, this,
        [this](const QStringList &upserted) {
            if (upserted.contains(m_node))
                updateHeader();
        });
    connect(
        &site->alerts(), &client::CollectionSignals::reset, this, &NodeDetailDialog::updateMarkers);
    connect(&site->alerts(), &client::CollectionSignals::changed, this,
        &NodeDetailDialog::updateMarkers);
    updateHeader();
    updateMarkers();
    m_feed->setRange(TimeSeriesPlot::Range::Hour);
    m_feed->start();
}

NodeDetailDialog::~NodeDetailDialog()
{
    m_connection->release(client::Connection::Collection::Nodes);
}

void NodeDetailDialog::updateHeader()
{
    const v1::Node n = m_connection->site()->nodes().items.value(m_node);
    if (n.name().empty()) {
        m_header->setText(
            tr("<b>%1</b> — not in this centre's node list").arg(m_node.toHtmlEscaped()));
        return;
    }
    QString text = tr("<b>%1</b> · %2 · %3 × %4 · %5 of them allocated")
                       .arg(m_node.toHtmlEscaped(), Words::nodeState(n.state()),
                           QString::number(n.accelerators_total()),
                           Words::modelName(n.model(), n.model_name()).toHtmlEscaped(),
                           QString::number(n.accelerators_allocated()));
    if (!n.reason().empty())
        text += tr(" · reason: %1").arg(QString::fromStdString(n.reason()).toHtmlEscaped());
    m_header->setText(text);
}

void NodeDetailDialog::updateMarkers()
{
    QList<TimeSeriesPlot::Marker> markers;
    const QString prefix = m_node + u'/';
    const auto &alerts = m_connection->site()->alerts().items;
    for (auto it = alerts.cbegin(); it != alerts.cend(); ++it) {
        const v1::Alert &a = it.value();
        const QString target = QString::fromStdString(a.target());
        if (target != m_node && !target.startsWith(prefix))
            continue;
        const auto severity = a.severity() == v1::SEVERITY_CRITICAL
            ? widgets::SeverityColour::Critical
            : (a.severity() == v1::SEVERITY_WARNING ? widgets::SeverityColour::Warning
                                                    : widgets::SeverityColour::Info);
        markers.append({ double(a.raise_time().seconds()),
            Words::dateTime(a.raise_time()) + QStringLiteral(" ") + GatewayWords::alertSummary(a),
            Palette::severityColour(severity) });
    }
    std::sort(markers.begin(), markers.end(),
        [](const auto &x, const auto &y) { return x.time < y.time; });
    for (TimeSeriesPlot *plot : { m_utilisation, m_memory, m_temperature, m_power })
        plot->setMarkers(markers);
}

} // namespace suanli::app
