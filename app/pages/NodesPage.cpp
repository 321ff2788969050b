#include "app/pages/NodesPage.h"

#include "app/dialogs/ConfirmActionDialog.h"
#include "app/dialogs/NodeDetailDialog.h"
#include "app/models/FilterText.h"
#include "app/models/ModelRoles.h"
#include "app/models/NodeTableModel.h"
#include "app/models/TableProxyModel.h"
#include "app/models/Words.h"
#include "app/pages/FilterBar.h"
#include "app/pages/RoleGate.h"
#include "app/pages/TableTools.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/FieldSet.h"
#include "widgets/RackHeatmap.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>
#include <cmath>

namespace suanli::app {

namespace {
enum ColourBy { ByState, ByUtilisation, ByTemperature, ByPower };
} // namespace

NodesPage::NodesPage(client::Connection *connection, QWidget *parent)
    : Page(parent)
    , m_connection(connection)
    , m_model(new NodeTableModel(connection->site(), this))
    , m_proxy(new TableProxyModel(suanli::nodeFields(), this))
    , m_filter(new FilterBar(
          m_proxy->filter(), tr("Filter, e.g. state:drained model:910B util<10"), this))
    , m_colourBy(new QComboBox(this))
    , m_heatmap(new widgets::RackHeatmap(this))
    , m_table(new QTableView(this))
{
    m_prompt = [this](const QString &title, const QString &question, const QStringList &targets,
                   bool required, QString *reason) {
        return ConfirmActionDialog::ask(this, title, question, targets, required, reason);
    };
    setObjectName(QStringLiteral("NodesPage"));
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_filter->watchTable(m_table, m_model, tr("No node matches the filter"));
    m_tools = new TableTools(m_table, QStringLiteral("nodes"), QStringLiteral("nodes.csv"));
    m_tools->setRowOfKey([this](const QString &name) { return m_model->rowOf(name); });
    connect(m_tools, &TableTools::notify, this, &NodesPage::notify);
    m_tools->setColumnRoles(NodeTableModel::NameColumn, { NodeTableModel::ReasonColumn });

    auto *toolbar = new QToolBar(this);
    m_drain = toolbar->addAction(tr("&Drain…"));
    m_drain->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    m_resume = toolbar->addAction(tr("&Resume…"));
    m_resume->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    m_reboot = toolbar->addAction(tr("Re&boot…"));
    m_reboot->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B));
    toolbar->addSeparator();
    m_export = m_tools->exportAction();
    toolbar->addAction(m_export);
    for (QAction *a : { m_drain, m_resume, m_reboot, m_export })
        a->setShortcutContext(Qt::WindowShortcut);
    addActions({ m_drain, m_resume, m_reboot, m_export });
    connect(m_drain, &QAction::triggered, this, [this] { runAction(m_drain); });
    connect(m_resume, &QAction::triggered, this, [this] { runAction(m_resume); });
    connect(m_reboot, &QAction::triggered, this, [this] { runAction(m_reboot); });

    m_colourBy->addItem(tr("Colour by state"), ByState);
    m_colourBy->addItem(tr("Colour by utilisation"), ByUtilisation);
    m_colourBy->addItem(tr("Colour by temperature"), ByTemperature);
    m_colourBy->addItem(tr("Colour by power"), ByPower);
    connect(m_colourBy, &QComboBox::currentIndexChanged, this, [this] {
        applyColourMode();
        rebuildHeatmap();
    });

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 1);
    filterRow->addWidget(m_colourBy);
    filterRow->addWidget(toolbar);

    TableTools::configure(m_table, NodeTableModel::NameColumn, Qt::AscendingOrder);
    m_tools->addContextActions({ m_drain, m_resume, m_reboot });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &NodesPage::tableSelectionChanged);
    // A snapshot (a reconnect to a restarted gateway) resets the model; TableTools brings the
    // user's selection back by name, and the heatmap follows the table.

    m_heatmap->setAccessibleName(tr("Nodes by rack"));
    connect(m_heatmap, &widgets::RackHeatmap::selectionChanged, this,
        &NodesPage::heatmapSelectionChanged);
    connect(m_heatmap, &widgets::RackHeatmap::activated, this, [this](const QString &name) {
        setSelectedNames({ name });
        openNodeDetail(name);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        openNodeDetail(index.siblingAtColumn(0).data(KeyRole).toString());
    });
    auto *heatmapScroll = new QScrollArea(this);
    heatmapScroll->setWidget(m_heatmap);
    heatmapScroll->setWidgetResizable(true);
    heatmapScroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("NodesSplitter"));
    splitter->addWidget(heatmapScroll);
    splitter->addWidget(m_table);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filterRow);
    layout->addWidget(splitter, 1);

    auto *site = connection->site();
    connect(&site->nodes(), &client::CollectionSignals::reset, this, &NodesPage::rebuildHeatmap);
    connect(&site->nodes(), &client::CollectionSignals::changed, this, &NodesPage::updateHeatmap);
    // The heatmap keeps every rack in place and fades the nodes the filter hides; the proxy has
    // chosen its rows by the time this runs (it connected first), so the heatmap's selection is
    // the table's, without the rows the filter took away.
    connect(m_proxy->filter(), &FilterText::filterChanged, this, [this] {
        m_heatmap->updateNodes(allCells());
        m_syncing = true;
        m_heatmap->setSelectedNames(selectedNames());
        m_syncing = false;
        updateActions();
    });
    connect(connection, &client::Connection::identityChanged, this, &NodesPage::updateActions);
    applyColourMode();
    rebuildHeatmap();
    updateActions();
}

NodesPage::~NodesPage() = default;

void NodesPage::setPrompt(Prompt prompt)
{
    m_prompt = std::move(prompt);
}

void NodesPage::setFilterText(const QString &text)
{
    m_filter->setText(text);
}

widgets::HeatmapCell NodesPage::cellFor(const suanli::v1::Node &node) const
{
    widgets::HeatmapCell cell;
    cell.name = QString::fromStdString(node.name());
    cell.rack = QString::fromStdString(node.rack());
    cell.state = node.state();
    cell.value = std::nan("");
    if (node.has_telemetry()) {
        switch (m_colourBy->currentData().toInt()) {
        case ByUtilisation:
            cell.value = node.utilisation_percent();
            break;
        case ByTemperature:
            cell.value = node.temperature_celsius();
            break;
        case ByPower:
            cell.value = node.power_watts() / 1000.0;
            break;
        default:
            break;
        }
    }
    QString tip = cell.name + QLatin1Char('\n') + Words::nodeState(node.state());
    if (!node.reason().empty())
        tip += QStringLiteral(": ") + QString::fromStdString(node.reason());
    tip += QLatin1Char('\n')
        + tr("%1 of %2 accelerators in use")
              .arg(node.accelerators_allocated())
              .arg(node.accelerators_total());
    if (node.has_telemetry())
        tip += QLatin1Char('\n')
            + tr("Utilisation %1, %2, %3")
                  .arg(Words::percent(node.utilisation_percent()),
                      Words::temperature(node.temperature_celsius()),
                      Words::power(node.power_watts()));
    cell.dimmed = !m_proxy->filter()->accepts(&node);
    if (cell.dimmed)
        tip += QLatin1Char('\n') + tr("Hidden by the filter");
    cell.tooltip = tip;
    return cell;
}

void NodesPage::applyColourMode()
{
    switch (m_colourBy->currentData().toInt()) {
    case ByUtilisation:
        m_heatmap->setColourMode(
            widgets::RackHeatmap::ColourMode::Values, 0, 100, QStringLiteral("%"));
        break;
    case ByTemperature:
        m_heatmap->setColourMode(
            widgets::RackHeatmap::ColourMode::Values, 30, 90, QStringLiteral("°C"));
        break;
    case ByPower:
        m_heatmap->setColourMode(
            widgets::RackHeatmap::ColourMode::Values, 0, 8, QStringLiteral("kW"));
        break;
    default:
        m_heatmap->setColourMode(widgets::RackHeatmap::ColourMode::States);
        break;
    }
}

QVector<widgets::HeatmapCell> NodesPage::allCells() const
{
    const auto &nodes = m_connection->site()->nodes().items;
    QVector<widgets::HeatmapCell> cells;
    cells.reserve(nodes.size());
    for (const auto &node : nodes)
        cells.append(cellFor(node));
    return cells;
}

void NodesPage::rebuildHeatmap()
{
    const QStringList selected = m_heatmap->selectedNames();
    m_heatmap->setNodes(allCells());
    m_heatmap->setSelectedNames(selected);
}

void NodesPage::updateHeatmap(const QStringList &upserted, const QStringList &removed)
{
    const auto &nodes = m_connection->site()->nodes().items;
    QVector<widgets::HeatmapCell> cells;
    cells.reserve(upserted.size());
    for (const QString &name : upserted) {
        auto it = nodes.constFind(name);
        if (it != nodes.constEnd())
            cells.append(cellFor(*it));
    }
    if (!cells.isEmpty())
        m_heatmap->updateNodes(cells);
    if (!removed.isEmpty())
        m_heatmap->removeNodes(removed);
    updateActions();
}

QStringList NodesPage::selectedNames() const
{
    return m_tools->selectedKeys();
}

void NodesPage::setSelectedNames(const QStringList &names)
{
    m_syncing = true;
    m_tools->setSelectedKeys(names);
    m_heatmap->setSelectedNames(names);
    m_syncing = false;
    updateActions();
}

void NodesPage::tableSelectionChanged()
{
    if (!m_syncing) {
        m_syncing = true;
        m_heatmap->setSelectedNames(selectedNames());
        m_syncing = false;
    }
    updateActions();
}

void NodesPage::heatmapSelectionChanged(const QStringList &names)
{
    if (m_syncing)
        return;
    setSelectedNames(names);
}

void NodesPage::updateActions()
{
    const auto role = m_connection->identity().user().role();
    const bool any = m_table->selectionModel()->hasSelection();
    RoleGate::apply(m_drain, role, "Cluster.DrainNodes", any,
        tr("Stop scheduling jobs on the selected nodes; running jobs finish (Ctrl+D)"));
    RoleGate::apply(m_resume, role, "Cluster.ResumeNodes", any,
        tr("Return the selected nodes to service (Ctrl+R)"));
    RoleGate::apply(m_reboot, role, "Cluster.RebootNodes", any,
        tr("Reboot the selected nodes once their jobs have ended (Ctrl+Shift+B)"));
}

void NodesPage::runAction(QAction *action)
{
    const QStringList names = selectedNames();
    if (names.isEmpty() || !action->isEnabled())
        return;
    QString title, question;
    bool reasonRequired = false;
    if (action == m_drain) {
        title = tr("Drain");
        question = tr("Drain %n node(s)? No new jobs will start on them; running jobs finish.",
            nullptr, int(names.size()));
        reasonRequired = true;
    } else if (action == m_resume) {
        title = tr("Resume");
        question = tr("Return %n node(s) to service?", nullptr, int(names.size()));
    } else {
        title = tr("Reboot");
        question = tr("Reboot %n node(s) once their jobs have ended?", nullptr, int(names.size()));
    }
    QString reason;
    if (!m_prompt(title, question, names, reasonRequired, &reason))
        return;
    auto done = client::whileAlive(this, [this](const client::ActionResult &result) {
        Q_EMIT notify(result.summary(), !result.allApplied(), result.message);
    });
    auto *actions = m_connection->actions();
    if (action == m_drain)
        actions->drainNodes(names, reason, done);
    else if (action == m_resume)
        actions->resumeNodes(names, reason, done);
    else
        actions->rebootNodes(names, reason, done);
}

void NodesPage::saveState() const
{
    QSettings settings;
    m_tools->saveState();
    settings.setValue(QStringLiteral("nodes/colourBy"), m_colourBy->currentIndex());
    settings.setValue(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("nodes")),
        m_filter->text());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("NodesSplitter")))
        settings.setValue(QStringLiteral("nodes/splitter"), splitter->saveState());
}

void NodesPage::restoreState()
{
    QSettings settings;
    m_tools->restoreState();
    m_colourBy->setCurrentIndex(settings.value(QStringLiteral("nodes/colourBy"), 0).toInt());
    m_filter->setText(
        settings
            .value(FilterBar::settingsKey(m_connection->profile().name, QStringLiteral("nodes")))
            .toString());
    if (auto *splitter = findChild<QSplitter *>(QStringLiteral("NodesSplitter")))
        splitter->restoreState(settings.value(QStringLiteral("nodes/splitter")).toByteArray());
}

NodeDetailDialog *NodesPage::openNodeDetail(const QString &name)
{
    if (name.isEmpty())
        return nullptr;
    auto *dialog = new NodeDetailDialog(m_connection, name, this);
    dialog->show();
    return dialog;
}

QString NodesPage::pageTitle()
{
    return tr("Nodes");
}

QString NodesPage::title() const
{
    return pageTitle();
}

} // namespace suanli::app
