#include "app/pages/FederationPage.h"

#include "app/charts/FederationEnergyChart.h"
#include "app/models/EnergyFigures.h"
#include "app/models/FederationModel.h"
#include "app/models/FederationProxyModel.h"
#include "app/models/FederationTableModel.h"
#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "widgets/KpiTile.h"
#include "widgets/SparklineDelegate.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollBar>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace suanli::app {

using Figure = FederationModel::Figure;

namespace {
// Up to this many centres the chart shows every one while none is selected: more lines than
// this cannot be told apart.
constexpr int kChartAllUpTo = 6;
} // namespace

FederationPage::FederationPage(QWidget *parent)
    : Page(parent)
    , m_model(new FederationModel(this))
    , m_rows(new FederationTableModel(m_model, false, this))
    , m_total(new FederationTableModel(m_model, true, this))
    , m_proxy(new FederationProxyModel(this))
    , m_filter(new QLineEdit(this))
    , m_table(new QTreeView(this))
    , m_totalView(new QTreeView(this))
    , m_chartSlot(new QVBoxLayout)
    , m_chartHint(new QLabel(this))
{
    setObjectName(QStringLiteral("FederationPage"));
    auto *grid = new QGridLayout;
    auto tile = [&](const QString &name, const QString &title, int row, int column) {
        auto *t = new widgets::KpiTile(title, this);
        t->setObjectName(name);
        grid->addWidget(t, row, column);
        return t;
    };
    m_inUse = tile(QStringLiteral("InUse"), tr("Accelerators in use"), 0, 0);
    m_free = tile(QStringLiteral("Free"), tr("Accelerators free"), 0, 1);
    m_down = tile(QStringLiteral("Down"), tr("Accelerators down"), 0, 2);
    // Drained accelerators have their own tile, so in use, free, down and unavailable add up
    // to the total.
    m_unavailable = tile(QStringLiteral("Unavailable"), tr("Accelerators unavailable"), 0, 3);
    m_utilisation = tile(QStringLiteral("Utilisation"), tr("Utilisation"), 0, 4);
    m_running = tile(QStringLiteral("Running"), tr("Jobs running"), 1, 0);
    m_pending = tile(QStringLiteral("Pending"), tr("Jobs pending"), 1, 1);
    m_power = tile(QStringLiteral("Power"), tr("Facility power"), 1, 2);
    m_carbon = tile(QStringLiteral("Carbon"), tr("Carbon per hour"), 1, 3);

    m_filter->setObjectName(QStringLiteral("FederationFilter"));
    m_filter->setPlaceholderText(tr("Filter centres by name or province…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, [this](const QString &text) {
        m_proxy->setFilterText(text);
        m_table->expandToDepth(0);
    });

    m_proxy->setSourceModel(m_rows);
    m_table->setObjectName(QStringLiteral("FederationTable"));
    m_table->setModel(m_proxy);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setUniformRowHeights(true);
    m_table->setItemDelegateForColumn(FederationTableModel::TrendColumn,
        new widgets::SparklineDelegate(FederationTableModel::TrendRole, m_table));
    // In the federation's order until a column is clicked.
    m_table->header()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->setSortingEnabled(true);
    m_table->header()->setStretchLastSection(false);
    m_table->header()->setSectionsMovable(false);
    connect(m_table, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (auto *centre = qobject_cast<client::Connection *>(
                index.data(FederationTableModel::CentreRole).value<QObject *>()))
            Q_EMIT centreActivated(centre);
    });
    // Groups open, centres folded: a centre's models on demand.
    connect(m_proxy, &QAbstractItemModel::modelReset, m_table, [this] {
        m_table->expandToDepth(0);
        fitColumns();
    });
    connect(
        m_proxy, &QAbstractItemModel::rowsInserted, m_table, [this] { m_table->expandToDepth(0); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
        &FederationPage::updateChart);

    // The Total, pinned under the rows whatever their scroll, its columns lined up with theirs.
    m_totalView->setObjectName(QStringLiteral("FederationTotal"));
    m_totalView->setModel(m_total);
    m_totalView->setHeaderHidden(true);
    m_totalView->header()->setStretchLastSection(false);
    m_totalView->setSelectionMode(QAbstractItemView::NoSelection);
    m_totalView->setFocusPolicy(Qt::NoFocus);
    m_totalView->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totalView->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_totalView->setIndentation(m_table->indentation());
    m_totalView->setUniformRowHeights(true);
    connect(m_table->header(), &QHeaderView::sectionResized, m_totalView,
        [this](int column, int, int size) { m_totalView->setColumnWidth(column, size); });
    connect(m_table->horizontalScrollBar(), &QScrollBar::valueChanged,
        m_totalView->horizontalScrollBar(), &QScrollBar::setValue);

    m_chartHint->setObjectName(QStringLiteral("FederationChartHint"));
    m_chartHint->setText(tr("Select centres in the table to compare their power and emissions."));
    m_chartHint->setWordWrap(true);
    m_chartHint->hide();

    auto *title = new QLabel(tr("All centres"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title->setFont(font);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(grid);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_totalView);
    layout->addWidget(m_chartHint);
    layout->addLayout(m_chartSlot);

    connect(m_model, &QAbstractItemModel::modelReset, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, &FederationPage::updateChart);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &FederationPage::updateChart);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FederationPage::refreshTiles);

    // Data ages move with the clock, not only when data arrives.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, m_model, [this] {
        if (m_model->isActive())
            m_model->refreshAges();
    });
    clock->start(1000);
    refreshTiles();
}

void FederationPage::showEvent(QShowEvent *event)
{
    Page::showEvent(event);
    m_model->setActive(true);
    m_rows->refresh();
    m_total->refresh();
    fitColumns();
}

void FederationPage::hideEvent(QHideEvent *event)
{
    Page::hideEvent(event);
    // A minimised window's page is hidden as well: no one sees it either.
    m_model->setActive(false);
}

void FederationPage::addCentre(client::Connection *centre, int place)
{
    m_model->addCentre(centre, place);
}

void FederationPage::removeCentre(client::Connection *centre)
{
    m_model->removeCentre(centre);
}

void FederationPage::updateChart()
{
    // Once for many centres added together, after the selection has settled.
    if (m_chartPending)
        return;
    m_chartPending = true;
    QMetaObject::invokeMethod(
        this,
        [this] {
            m_chartPending = false;
            QList<client::Connection *> centres;
            for (const QModelIndex &row : m_table->selectionModel()->selectedRows())
                if (auto *c = qobject_cast<client::Connection *>(
                        row.data(FederationTableModel::CentreRole).value<QObject *>());
                    c && !centres.contains(c))
                    centres.append(c);
            // In the federation's order, whatever order they were selected in.
            QList<client::Connection *> ordered;
            const QList<client::Connection *> all = m_model->centres();
            for (client::Connection *c : all)
                if (centres.contains(c) || (centres.isEmpty() && all.size() <= kChartAllUpTo))
                    ordered.append(c);
            m_chartHint->setVisible(ordered.isEmpty() && !all.isEmpty());
            if (ordered == m_charted && (m_chart || ordered.isEmpty()))
                return;
            m_charted = ordered;
            delete m_chart;
            m_chart = ordered.isEmpty() ? nullptr : new FederationEnergyChart(ordered, this);
            if (m_chart)
                m_chartSlot->addWidget(m_chart);
        },
        Qt::QueuedConnection);
}

void FederationPage::fitColumns()
{
    for (int column = 0; column < FederationTableModel::ColumnCount; ++column)
        if (column != FederationTableModel::TrendColumn)
            m_table->resizeColumnToContents(column);
    m_table->setColumnWidth(FederationTableModel::TrendColumn, 110);
    // Every column, not only those whose width just changed: the Total's own model may have
    // gained its columns after the table's were sized.
    m_totalView->header()->setStretchLastSection(false);
    for (int column = 0; column < FederationTableModel::ColumnCount; ++column)
        m_totalView->setColumnWidth(column, m_table->columnWidth(column));
    m_totalView->setFixedHeight(
        std::max(m_totalView->sizeHintForRow(0), 20) + 2 * m_totalView->frameWidth());
}

widgets::KpiTile *FederationPage::tile(const QString &objectName) const
{
    return findChild<widgets::KpiTile *>(objectName);
}

void FederationPage::refreshTiles()
{
    const int total = m_model->totalColumn();
    const QLocale locale;
    const OverviewFigures &all = m_model->figures(total);
    const AcceleratorTally &accelerators = all.accelerators();
    const bool any = !all.models().isEmpty();
    auto count = [&](qint64 v) { return any ? locale.toString(v) : Words::noData(); };
    m_inUse->setValueText(count(accelerators.inUse));
    m_inUse->setUnit(any ? tr("of %1").arg(locale.toString(accelerators.total)) : QString());
    m_free->setValueText(count(accelerators.free));
    m_down->setValueText(count(accelerators.down));
    m_down->setSeverity(!any        ? widgets::SeverityColour::None
            : accelerators.down > 0 ? widgets::SeverityColour::Warning
                                    : widgets::SeverityColour::Ok);
    m_unavailable->setValueText(count(accelerators.unavailable));
    m_unavailable->setExplanation(
        tr("On draining, drained or maintenance nodes: not down, but taking no new work."));
    // Utilisation, power and carbon come only from centres with accelerator telemetry, power and
    // carbon only from those whose PUE and grid carbon factor are configured too.
    auto absent = [&](Figure f) {
        const auto why = m_model->missing(total, f);
        return why != EnergyFigures::Missing::None ? EnergyFigures::text(why) : Words::noData();
    };
    const auto util = m_model->value(total, Figure::Utilisation);
    m_utilisation->setValueText(util ? Words::percent(*util) : absent(Figure::Utilisation));
    const auto running = m_model->value(total, Figure::JobsRunning);
    m_running->setValueText(running ? locale.toString(qint64(*running)) : Words::noData());
    const auto pending = m_model->value(total, Figure::JobsPending);
    m_pending->setValueText(pending ? locale.toString(qint64(*pending)) : Words::noData());
    const auto power = m_model->value(total, Figure::FacilityPower);
    m_power->setValueText(power ? Words::power(*power) : absent(Figure::FacilityPower));
    const auto pue = m_model->value(total, Figure::Pue);
    m_power->setSubtitle(pue ? tr("PUE %1").arg(locale.toString(*pue, 'f', 2))
            : m_model->missing(total, Figure::Pue) == EnergyFigures::Missing::NotConfigured
            ? tr("PUE not configured")
            : QString());
    const auto carbon = m_model->value(total, Figure::Carbon);
    m_carbon->setValueText(
        carbon ? locale.toString(*carbon / 1000, 'f', 2) : absent(Figure::Carbon));
    m_carbon->setUnit(carbon ? tr("t CO₂") : QString());

    const int live = m_model->liveCentres();
    const int centres = int(m_model->centres().size());
    const QString note = live < centres
        ? tr("%1 of %2 centres live: includes last known figures").arg(live).arg(centres)
        : centres == 0 ? tr("No centre connected")
        : centres == 1 ? tr("1 centre, live")
                       : tr("%1 centres, all live").arg(centres);
    for (auto *t :
        { m_inUse, m_free, m_down, m_unavailable, m_utilisation, m_running, m_pending, m_carbon }) {
        t->setStale(live < centres);
        t->setSubtitle(note);
    }
    m_power->setStale(live < centres);
    if (m_model->totalIsPartial(Figure::Utilisation))
        m_utilisation->setSubtitle(tr("only the %1 of %2 centres with telemetry")
                                       .arg(m_model->telemetryCentres())
                                       .arg(m_model->reportingCentres()));
    if (m_model->totalIsPartial(Figure::Carbon))
        m_carbon->setSubtitle(tr("only %1 of %2 centres")
                                  .arg(m_model->centresWith(Figure::Carbon))
                                  .arg(m_model->reportingCentres()));
    // The tiles say why as the Total column does.
    auto why = [&](Figure f) {
        return m_model->index(m_model->rowOf(f), total).data(Qt::ToolTipRole).toString();
    };
    m_utilisation->setExplanation(why(Figure::Utilisation));
    m_power->setExplanation(why(Figure::FacilityPower));
    m_carbon->setExplanation(why(Figure::Carbon));
}

QString FederationPage::title() const
{
    return tr("Federation");
}

} // namespace suanli::app
