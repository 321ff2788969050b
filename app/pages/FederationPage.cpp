#include "app/pages/FederationPage.h"

#include "app/models/EnergyFigures.h"
#include "app/models/FederationModel.h"
#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "widgets/KpiTile.h"

#include <QGridLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace suanli::app {

using Figure = FederationModel::Figure;

FederationPage::FederationPage(QWidget *parent)
    : Page(parent)
    , m_model(new FederationModel(this))
    , m_table(new QTableView(this))
    , m_chartSlot(new QVBoxLayout)
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

    m_table->setObjectName(QStringLiteral("FederationTable"));
    m_table->setModel(m_model);
    m_table->setAlternatingRowColors(true);
    m_table->setSelectionMode(QAbstractItemView::NoSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionsClickable(true);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    auto activate = [this](int column) {
        if (auto *centre = m_model->centreAt(column))
            Q_EMIT centreActivated(centre);
    };
    connect(m_table, &QTableView::clicked, this,
        [activate](const QModelIndex &index) { activate(index.column()); });
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, activate);

    auto *title = new QLabel(tr("All centres"), this);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title->setFont(font);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addLayout(grid);
    layout->addWidget(m_table, 1);
    layout->addLayout(m_chartSlot);

    connect(m_model, &QAbstractItemModel::modelReset, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::columnsInserted, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::columnsRemoved, this, &FederationPage::refreshTiles);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &FederationPage::refreshTiles);

    // Data ages move with the clock, not only when data arrives.
    auto *clock = new QTimer(this);
    connect(clock, &QTimer::timeout, m_model, &FederationModel::refreshAges);
    clock->start(1000);
    refreshTiles();
}

void FederationPage::addCentre(client::Connection *centre, int place)
{
    m_model->addCentre(centre, place);
}

void FederationPage::removeCentre(client::Connection *centre)
{
    m_model->removeCentre(centre);
}

void FederationPage::setEnergyChart(QWidget *chart)
{
    if (chart == m_chart)
        return;
    delete m_chart;
    m_chart = chart;
    if (chart)
        m_chartSlot->addWidget(chart);
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
