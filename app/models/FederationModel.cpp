#include "app/models/FederationModel.h"

#include "app/models/EnergyFigures.h"
#include "app/models/ModelRoles.h"
#include "app/models/OverviewFigures.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/AgeText.h"
#include "widgets/Palette.h"

#include <QFont>
#include <QLocale>
#include <algorithm>
#include <utility>

namespace suanli::app {

namespace {
using Figure = FederationModel::Figure;

// Figures that need accelerator telemetry or the site's configured facts (PUE, grid carbon): a
// centre without them has no value, not zero or a default.
std::optional<EnergyFigures::Figure> energyFigure(Figure f)
{
    switch (f) {
    case Figure::Utilisation:
        return EnergyFigures::Figure::Utilisation;
    case Figure::ItPower:
        return EnergyFigures::Figure::ItPower;
    case Figure::FacilityPower:
        return EnergyFigures::Figure::FacilityPower;
    case Figure::Pue:
        return EnergyFigures::Figure::Pue;
    case Figure::Carbon:
        return EnergyFigures::Figure::Emissions;
    default:
        return std::nullopt;
    }
}

bool isAcceleratorFigure(Figure f)
{
    return f == Figure::AcceleratorsTotal || f == Figure::AcceleratorsInUse
        || f == Figure::AcceleratorsFree || f == Figure::AcceleratorsDown
        || f == Figure::AcceleratorsUnavailable;
}

std::optional<double> figureOf(const OverviewFigures &f, Figure figure, const QString &model)
{
    if (!f.reported())
        return std::nullopt;
    if (const auto energy = energyFigure(figure))
        return f.value(*energy);
    if (isAcceleratorFigure(figure)) {
        const auto counts = f.accelerators(model);
        // A centre without that model shows nothing rather than a row of zeros.
        if (!counts)
            return std::nullopt;
        switch (figure) {
        case Figure::AcceleratorsTotal:
            return double(counts->total);
        case Figure::AcceleratorsInUse:
            return double(counts->inUse);
        case Figure::AcceleratorsFree:
            return double(counts->free);
        case Figure::AcceleratorsUnavailable:
            return double(counts->unavailable);
        default:
            return double(counts->down);
        }
    }
    switch (figure) {
    case Figure::JobsRunning:
        return double(f.jobsRunning());
    case Figure::JobsPending:
        return double(f.jobsPending());
    default:
        return std::nullopt;
    }
}
} // namespace

FederationModel::FederationModel(QObject *parent)
    : QAbstractTableModel(parent)
    , m_updates(new QTimer(this))
{
    m_rows = rowsFor();
    m_updates->setSingleShot(true);
    m_updates->setInterval(1000);
    connect(m_updates, &QTimer::timeout, this, &FederationModel::takeChanges);
}

void FederationModel::setActive(bool active)
{
    if (active == m_active)
        return;
    m_active = active;
    if (m_active)
        takeChanges();
    else
        m_updates->stop();
}

void FederationModel::setUpdateInterval(int milliseconds)
{
    m_updates->setInterval(milliseconds);
}

void FederationModel::addCentre(client::Connection *centre, int place)
{
    if (!centre || m_centres.contains(centre))
        return;
    const int column = place < 0 || place > m_centres.size() ? int(m_centres.size()) : place;
    beginInsertColumns({}, column, column);
    m_centres.insert(column, centre);
    m_figures.insert(column, OverviewFigures());
    endInsertColumns();
    // Figures a new centre already holds are shown with its column.
    recompute(centre);
    auto changed = [this, centre] { centreChanged(centre); };
    connect(centre->site(), &client::SiteState::overviewChanged, this, changed);
    connect(centre->site(), &client::SiteState::freshnessChanged, this, changed);
    connect(centre, &client::Connection::stateChanged, this, changed);
    connect(centre, &client::Connection::retryInSecondsChanged, this, changed);
    connect(centre, &QObject::destroyed, this, [this, centre] { removeCentre(centre); });
}

void FederationModel::removeCentre(client::Connection *centre)
{
    const int column = int(m_centres.indexOf(centre));
    if (column < 0)
        return;
    // The connection may be half destroyed: only pointers are compared from here on.
    disconnect(centre, nullptr, this, nullptr);
    beginRemoveColumns({}, column, column);
    m_centres.removeAt(column);
    m_total -= m_figures.takeAt(column);
    endRemoveColumns();
    m_changed.removeAll(centre);
    updateRows();
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, totalColumn()), index(int(m_rows.size()) - 1, totalColumn()));
    Q_EMIT headerDataChanged(Qt::Horizontal, totalColumn(), totalColumn());
}

int FederationModel::columnOf(client::Connection *centre) const
{
    return int(m_centres.indexOf(centre));
}

client::Connection *FederationModel::centreAt(int column) const
{
    return column >= 0 && column < m_centres.size() ? m_centres.at(column) : nullptr;
}

QList<FederationModel::Row> FederationModel::rowsFor() const
{
    QList<Row> rows { { Figure::Connection, {} }, { Figure::DataAge, {} } };
    for (const QString &model : acceleratorModels())
        for (Figure f :
            { Figure::AcceleratorsTotal, Figure::AcceleratorsInUse, Figure::AcceleratorsFree,
                Figure::AcceleratorsDown, Figure::AcceleratorsUnavailable })
            rows.append({ f, model });
    for (Figure f : { Figure::Utilisation, Figure::JobsRunning, Figure::JobsPending,
             Figure::ItPower, Figure::FacilityPower, Figure::Pue, Figure::Carbon })
        rows.append({ f, {} });
    return rows;
}

QStringList FederationModel::acceleratorModels() const
{
    return m_total.models();
}

void FederationModel::updateRows()
{
    const QList<Row> rows = rowsFor();
    if (rows == m_rows)
        return;
    // A centre reported a model no other centre has (or the last one with it left): the rows
    // themselves change, which happens once per model, not per data tick.
    beginResetModel();
    m_rows = rows;
    endResetModel();
}

void FederationModel::centreChanged(client::Connection *centre)
{
    if (!m_changed.contains(centre))
        m_changed.append(centre);
    // The first change after a quiet second shows at once; the next ones wait for the interval.
    if (m_active && !m_updates->isActive())
        takeChanges();
}

void FederationModel::takeChanges()
{
    if (!m_active || m_changed.isEmpty())
        return;
    const QList<client::Connection *> changed = std::exchange(m_changed, {});
    for (client::Connection *centre : changed)
        recompute(centre);
    m_updates->start();
}

void FederationModel::recompute(client::Connection *centre)
{
    const int column = columnOf(centre);
    if (column < 0)
        return;
    ++m_recomputations;
    // The total follows this centre alone: its old figures out, its new ones in.
    m_total -= m_figures.at(column);
    m_figures[column] = OverviewFigures(centre->site()->overview());
    m_total += m_figures.at(column);
    const QList<Row> before = m_rows;
    updateRows();
    if (before != m_rows)
        return;
    Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
    Q_EMIT dataChanged(index(0, totalColumn()), index(int(m_rows.size()) - 1, totalColumn()));
    Q_EMIT headerDataChanged(Qt::Horizontal, column, totalColumn());
}

void FederationModel::refreshAges()
{
    for (Figure f : { Figure::Connection, Figure::DataAge }) {
        const int row = rowOf(f);
        Q_EMIT dataChanged(index(row, 0), index(row, totalColumn()), { Qt::DisplayRole });
    }
}

int FederationModel::rowOf(Figure figure, const QString &acceleratorModel) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows[i].figure == figure
            && (!isAcceleratorFigure(figure) || m_rows[i].model == acceleratorModel))
            return i;
    return -1;
}

bool FederationModel::isStale(client::Connection *centre) const
{
    return centre->state() != client::Connection::State::Live || centre->site()->stale();
}

int FederationModel::reportingCentres() const
{
    return m_total.centres();
}

int FederationModel::telemetryCentres() const
{
    // IT power is there exactly where accelerator telemetry is.
    return m_total.centresWith(EnergyFigures::Figure::ItPower);
}

int FederationModel::centresWith(Figure figure) const
{
    return int(std::count_if(m_figures.cbegin(), m_figures.cend(),
        [figure](const OverviewFigures &f) { return figureOf(f, figure, {}).has_value(); }));
}

bool FederationModel::totalIsPartial(Figure figure) const
{
    return energyFigure(figure) && centresWith(figure) < reportingCentres();
}

QList<EnergyFigures::Missing> FederationModel::missingAt(Figure figure) const
{
    QList<EnergyFigures::Missing> out;
    const auto energy = energyFigure(figure);
    if (!energy)
        return out;
    for (int i = 0; i < m_centres.size(); ++i) {
        const auto &o = m_centres.at(i)->site()->overview();
        if (m_figures.at(i).reported()
            && EnergyFigures::missing(o, *energy) != EnergyFigures::Missing::None)
            out.append(EnergyFigures::missing(o, *energy));
    }
    return out;
}

EnergyFigures::Missing FederationModel::missing(int column, Figure figure) const
{
    using Missing = EnergyFigures::Missing;
    const auto energy = energyFigure(figure);
    if (!energy)
        return Missing::None;
    if (auto *centre = centreAt(column))
        return m_figures.at(column).reported()
            ? EnergyFigures::missing(centre->site()->overview(), *energy)
            : Missing::None;
    // The Total: a reason when no centre has the figure and every one that reports misses it
    // for the same reason.
    if (column != totalColumn() || reportingCentres() == 0 || centresWith(figure) > 0)
        return Missing::None;
    const QList<Missing> reasons = missingAt(figure);
    return reasons.count(reasons.value(0)) == reasons.size() ? reasons.value(0) : Missing::None;
}

int FederationModel::liveCentres() const
{
    return int(std::count_if(
        m_centres.cbegin(), m_centres.cend(), [this](auto *c) { return !isStale(c); }));
}

qint64 FederationModel::ageSeconds(client::Connection *centre) const
{
    const QDateTime time = centre->site()->dataTime();
    return time.isValid() ? time.secsTo(QDateTime::currentDateTimeUtc()) : -1;
}

std::optional<double> FederationModel::value(
    int column, Figure figure, const QString &acceleratorModel) const
{
    if (figure == Figure::Connection || figure == Figure::DataAge)
        return std::nullopt;
    return figureOf(figures(column), figure, acceleratorModel);
}

const OverviewFigures &FederationModel::figures(int column) const
{
    static const OverviewFigures none;
    if (column >= 0 && column < m_figures.size())
        return m_figures.at(column);
    return column == totalColumn() ? m_total : none;
}

int FederationModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int FederationModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_centres.size()) + 1;
}

QString FederationModel::text(int column, const Row &row) const
{
    using State = client::Connection::State;
    auto *centre = centreAt(column);
    if (row.figure == Figure::Connection) {
        if (!centre)
            return tr("%1 of %2 live").arg(liveCentres()).arg(m_centres.size());
        switch (centre->state()) {
        case State::Live:
            return centre->site()->stale() ? tr("Backend unreachable") : tr("Live");
        case State::Connecting:
            return tr("Connecting…");
        case State::Reconnecting:
            return tr("Reconnecting in %1 s").arg(centre->retryInSeconds());
        case State::Unauthenticated:
            return tr("Token refused");
        case State::CertificateUnknown:
            return tr("Certificate not trusted yet");
        case State::CertificateChanged:
            return tr("Certificate changed — blocked");
        case State::Disconnected:
            return tr("Disconnected");
        }
        return {};
    }
    if (row.figure == Figure::DataAge) {
        qint64 age = -1;
        if (centre) {
            age = ageSeconds(centre);
        } else {
            for (auto *c : m_centres)
                age = std::max(age, ageSeconds(c));
        }
        if (age < 0)
            return Words::noData();
        return centre ? widgets::AgeText::of(age) : tr("oldest %1").arg(widgets::AgeText::of(age));
    }
    const auto v = value(column, row.figure, row.model);
    if (!v && centre && isAcceleratorFigure(row.figure) && m_figures.at(column).reported())
        return {};
    if (!v) {
        const auto why = missing(column, row.figure);
        return why != EnergyFigures::Missing::None ? EnergyFigures::text(why) : Words::noData();
    }
    const QString figure = figureText(row.figure, *v);
    if (!energyFigure(row.figure))
        return figure;
    // The Total of a measured or configured figure covers only the centres that have it.
    if (!centre && totalIsPartial(row.figure))
        return tr("%1 (%2 of %3 centres)")
            .arg(figure)
            .arg(centresWith(row.figure))
            .arg(reportingCentres());
    return figure;
}

std::optional<double> FederationModel::valueOf(
    const OverviewFigures &figures, Figure figure, const QString &acceleratorModel)
{
    return figureOf(figures, figure, acceleratorModel);
}

QString FederationModel::figureText(Figure figure, double v)
{
    const QLocale locale;
    switch (figure) {
    case Figure::Utilisation:
        return Words::percent(v);
    case Figure::ItPower:
    case Figure::FacilityPower:
        return Words::power(v);
    case Figure::Pue:
        return v <= 0 ? Words::noData() : locale.toString(v, 'f', 2);
    case Figure::Carbon:
        return v >= 1000 ? tr("%1 t CO₂/h").arg(locale.toString(v / 1000, 'f', 2))
                         : tr("%1 kg CO₂/h").arg(locale.toString(v, 'f', 0));
    default:
        return locale.toString(qint64(v));
    }
}

QVariant FederationModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size() || index.column() > totalColumn())
        return {};
    const Row &row = m_rows.at(index.row());
    auto *centre = centreAt(index.column());
    const bool stale = centre ? isStale(centre) : liveCentres() < m_centres.size();
    switch (role) {
    case Qt::DisplayRole:
        return text(index.column(), row);
    case SortRole: {
        const auto v = value(index.column(), row.figure, row.model);
        return v ? QVariant(*v) : QVariant();
    }
    case StaleRole:
        return stale;
    case Qt::ForegroundRole:
        // A centre's last known figures are greyed; the Total keeps its colour but says so.
        if (centre && stale && row.figure != Figure::Connection)
            return widgets::Palette::noDataColour();
        return {};
    case Qt::DecorationRole:
        if (row.figure == Figure::Connection && centre) {
            using State = client::Connection::State;
            auto tone = widgets::SeverityColour::Ok;
            if (centre->state() == State::CertificateChanged
                || centre->state() == State::Unauthenticated)
                tone = widgets::SeverityColour::Critical;
            else if (stale)
                tone = widgets::SeverityColour::Warning;
            return widgets::Palette::severityColour(tone);
        }
        return {};
    case Qt::ToolTipRole:
        if (centre && row.figure == Figure::Connection)
            return centre->stateDetail();
        if (const auto why = missing(index.column(), row.figure);
            why != EnergyFigures::Missing::None)
            return EnergyFigures::tooltip(why);
        if (!centre && totalIsPartial(row.figure)) {
            const auto reasons = missingAt(row.figure);
            if (reasons.count(EnergyFigures::Missing::NoTelemetry) == reasons.size())
                return tr("Covers only the %1 of %2 centres that report accelerator telemetry.")
                    .arg(centresWith(row.figure))
                    .arg(reportingCentres());
            return tr("Covers only the %1 of %2 centres that have this figure: the others do not "
                      "measure accelerator power or were not given their PUE or grid carbon "
                      "factor.")
                .arg(centresWith(row.figure))
                .arg(reportingCentres());
        }
        if (!centre && stale)
            return tr("Includes the last known figures of centres that are not live.");
        return {};
    case Qt::FontRole:
        if (!centre) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::TextAlignmentRole:
        if (row.figure == Figure::Connection || row.figure == Figure::DataAge)
            return int(Qt::AlignLeft | Qt::AlignVCenter);
        return int(Qt::AlignRight | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant FederationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (section < 0 || section >= m_rows.size())
            return {};
        const Row &row = m_rows.at(section);
        if (role == Qt::FontRole && row.figure == Figure::AcceleratorsTotal) {
            QFont font;
            font.setBold(true);
            return font;
        }
        if (role != Qt::DisplayRole)
            return {};
        switch (row.figure) {
        case Figure::Connection:
            return tr("Connection");
        case Figure::DataAge:
            return tr("Data age");
        case Figure::AcceleratorsTotal:
            return tr("%1 accelerators", "accelerator model").arg(row.model);
        case Figure::AcceleratorsInUse:
            return tr("    in use");
        case Figure::AcceleratorsFree:
            return tr("    free");
        case Figure::AcceleratorsDown:
            return tr("    down");
        case Figure::AcceleratorsUnavailable:
            return tr("    unavailable (drained)");
        case Figure::Utilisation:
            return tr("Utilisation");
        case Figure::JobsRunning:
            return tr("Jobs running");
        case Figure::JobsPending:
            return tr("Jobs pending");
        case Figure::ItPower:
            return tr("IT power");
        case Figure::FacilityPower:
            return tr("Facility power");
        case Figure::Pue:
            return tr("PUE");
        case Figure::Carbon:
            return tr("Carbon");
        }
        return {};
    }
    auto *centre = centreAt(section);
    switch (role) {
    case Qt::DisplayRole:
        if (centre)
            return Words::centreName(centre);
        if (liveCentres() < m_centres.size())
            return tr("Total (%1 of %2 live)").arg(liveCentres()).arg(m_centres.size());
        return tr("Total");
    case Qt::ToolTipRole:
        return centre ? tr("%1 — click to open its overview").arg(Words::centreName(centre))
                      : tr("All centres summed");
    case Qt::ForegroundRole:
        if (centre && isStale(centre))
            return widgets::Palette::noDataColour();
        return {};
    default:
        return {};
    }
}

} // namespace suanli::app
