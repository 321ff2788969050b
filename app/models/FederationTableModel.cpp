#include "app/models/FederationTableModel.h"

#include "app/models/FederationModel.h"
#include "app/models/GatewayWords.h"
#include "app/models/ModelRoles.h"
#include "app/models/Words.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "widgets/AgeText.h"
#include "widgets/Palette.h"

#include <QDateTime>
#include <QFont>
#include <QLocale>
#include <algorithm>
#include <cmath>

namespace suanli::app {

namespace {
using Figure = FederationModel::Figure;

// One utilisation sample this often, kept this long: the Trend column's 15 minutes.
constexpr qint64 kSampleMs = 10000;
constexpr int kSamples = 90;
constexpr int kAttentionRank = 0;
constexpr int kTotalRank = 1000000;

bool isOpenCritical(const v1::Alert &a)
{
    return a.severity() == v1::SEVERITY_CRITICAL && !a.has_clear_time() && !a.acknowledged();
}

// The FederationModel figure shown in a column, if the column shows one.
std::optional<Figure> figureOf(int column)
{
    switch (column) {
    case FederationTableModel::StateColumn:
        return Figure::Connection;
    case FederationTableModel::DataAgeColumn:
        return Figure::DataAge;
    case FederationTableModel::UtilisationColumn:
        return Figure::Utilisation;
    case FederationTableModel::RunningColumn:
        return Figure::JobsRunning;
    case FederationTableModel::PendingColumn:
        return Figure::JobsPending;
    case FederationTableModel::PowerColumn:
        return Figure::FacilityPower;
    case FederationTableModel::PueColumn:
        return Figure::Pue;
    case FederationTableModel::CarbonColumn:
        return Figure::Carbon;
    default:
        return std::nullopt;
    }
}

std::optional<qint64> tallyOf(const AcceleratorTally &t, int column)
{
    switch (column) {
    case FederationTableModel::InUseColumn:
        return t.inUse;
    case FederationTableModel::FreeColumn:
        return t.free;
    case FederationTableModel::DownColumn:
        return t.down;
    case FederationTableModel::DrainedColumn:
        return t.unavailable;
    default:
        return std::nullopt;
    }
}

} // namespace

FederationTableModel::FederationTableModel(
    FederationModel *figures, bool totalOnly, QObject *parent)
    : QAbstractItemModel(parent)
    , m_figures(figures)
    , m_totalOnly(totalOnly)
{
    const auto changed = [this] { scheduleRefresh(); };
    connect(m_figures, &QAbstractItemModel::dataChanged, this, changed);
    connect(m_figures, &QAbstractItemModel::modelReset, this, changed);
    connect(m_figures, &QAbstractItemModel::columnsRemoved, this, changed);
    connect(m_figures, &QAbstractItemModel::columnsInserted, this,
        [this](const QModelIndex &, int first, int last) {
            // A new centre's critical alerts count as they change.
            for (int column = first; column <= last; ++column) {
                client::Connection *centre = m_figures->centreAt(column);
                if (!centre || m_totalOnly)
                    continue;
                const auto alerts = [this] {
                    if (m_figures->isActive())
                        scheduleRefresh();
                };
                connect(&centre->site()->alerts(), &client::CollectionSignals::reset, this, alerts);
                connect(
                    &centre->site()->alerts(), &client::CollectionSignals::changed, this, alerts);
            }
            scheduleRefresh();
        });
    if (!m_totalOnly) {
        auto *sampler = new QTimer(this);
        connect(sampler, &QTimer::timeout, this, &FederationTableModel::sample);
        sampler->start(int(kSampleMs));
    }
    refresh();
}

void FederationTableModel::scheduleRefresh()
{
    if (m_refreshPending)
        return;
    m_refreshPending = true;
    QMetaObject::invokeMethod(this, &FederationTableModel::refresh, Qt::QueuedConnection);
}

void FederationTableModel::sample()
{
    // Every centre, shown or not: the trend has no hole where the page was hidden.
    for (client::Connection *centre : m_figures->centres()) {
        const auto util
            = OverviewFigures(centre->site()->overview()).value(EnergyFigures::Figure::Utilisation);
        if (!util)
            continue;
        QList<double> &samples = m_trends[centre];
        samples.append(*util);
        if (samples.size() > kSamples)
            samples.removeFirst();
    }
    for (auto it = m_trends.begin(); it != m_trends.end();)
        it = m_figures->columnOf(it.key()) < 0 ? m_trends.erase(it) : std::next(it);
    if (m_figures->isActive())
        for (client::Connection *centre : m_figures->centres())
            if (const QModelIndex at = indexOf(centre, TrendColumn); at.isValid())
                Q_EMIT dataChanged(at, at, { TrendRole });
}

QList<double> FederationTableModel::trend(client::Connection *centre) const
{
    return m_trends.value(centre);
}

int FederationTableModel::criticalAlerts(client::Connection *centre) const
{
    return m_criticals.value(centre);
}

QString FederationTableModel::attentionReason(client::Connection *centre) const
{
    QStringList reasons;
    const int column = m_figures->columnOf(centre);
    if (column < 0)
        return {};
    if (m_figures->isStale(centre))
        reasons.append(
            m_figures->index(m_figures->rowOf(Figure::Connection), column).data().toString());
    const qint64 down = m_figures->figures(column).accelerators().down;
    if (down > 0)
        reasons.append(tr("%n accelerator(s) down", nullptr, int(down)));
    if (const int critical = criticalAlerts(centre); critical > 0)
        reasons.append(tr("%n open critical alert(s)", nullptr, critical));
    return Words::list(reasons);
}

QString FederationTableModel::groupOf(client::Connection *centre) const
{
    if (!attentionReason(centre).isEmpty())
        return tr("Needs attention");
    const QString province = QString::fromStdString(centre->site()->overview().province());
    return province.isEmpty() ? tr("Province not configured") : GatewayWords::province(province);
}

QList<FederationTableModel::Node> FederationTableModel::buildNodes() const
{
    QList<Node> nodes;
    if (m_totalOnly) {
        Node total;
        total.kind = Kind::Total;
        total.name = tr("Total");
        total.rank = kTotalRank;
        total.figures = m_figures->figures(m_figures->totalColumn());
        nodes.append(total);
        return nodes;
    }
    // Groups by name, the attention group first whatever its name sorts as.
    QMap<QString, QList<client::Connection *>> groups;
    QList<client::Connection *> attention;
    for (client::Connection *centre : m_figures->centres()) {
        if (!attentionReason(centre).isEmpty())
            attention.append(centre);
        else
            groups[groupOf(centre)].append(centre);
    }
    auto addGroup = [&](const QString &name, int rank, const QList<client::Connection *> &members) {
        Node group;
        group.kind = Kind::Group;
        group.name = name;
        group.rank = rank;
        const int at = int(nodes.size());
        nodes.append(group);
        for (client::Connection *centre : members) {
            Node row;
            row.kind = Kind::Centre;
            row.parent = at;
            row.centre = centre;
            row.figures = m_figures->figures(m_figures->columnOf(centre));
            nodes[at].figures += row.figures;
            const int rowAt = int(nodes.size());
            row.row = int(nodes[at].children.size());
            nodes[at].children.append(rowAt);
            nodes.append(row);
            // Each model of the centre, unfolded on demand.
            const QStringList models = nodes[rowAt].figures.models();
            for (const QString &model : models) {
                Node m;
                m.kind = Kind::Model;
                m.parent = rowAt;
                m.centre = centre;
                m.name = model;
                m.row = int(nodes[rowAt].children.size());
                nodes[rowAt].children.append(int(nodes.size()));
                nodes.append(m);
            }
        }
    };
    if (!attention.isEmpty())
        addGroup(tr("Needs attention"), kAttentionRank, attention);
    int rank = kAttentionRank + 1;
    for (auto it = groups.cbegin(); it != groups.cend(); ++it)
        addGroup(it.key(), rank++, it.value());
    return nodes;
}

QStringList FederationTableModel::shapeOf(const QList<Node> &nodes)
{
    QStringList shape;
    for (const Node &n : nodes)
        shape.append(QStringLiteral("%1/%2/%3/%4")
                         .arg(int(n.kind))
                         .arg(n.parent)
                         .arg(n.name)
                         .arg(quintptr(n.centre)));
    return shape;
}

void FederationTableModel::refresh()
{
    m_refreshPending = false;
    m_criticals.clear();
    for (client::Connection *centre : m_figures->centres()) {
        const auto &alerts = centre->site()->alerts().items;
        m_criticals.insert(
            centre, int(std::count_if(alerts.cbegin(), alerts.cend(), isOpenCritical)));
    }
    QList<Node> nodes = buildNodes();
    QList<int> top;
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).parent < 0) {
            nodes[i].row = int(top.size());
            top.append(i);
        }
    }
    if (shapeOf(nodes) != shapeOf(m_nodes)) {
        // Centres came, went or changed group: a handful of times, not once per update.
        beginResetModel();
        m_nodes = std::move(nodes);
        m_top = std::move(top);
        endResetModel();
        return;
    }
    m_nodes = std::move(nodes);
    m_top = std::move(top);
    if (!m_top.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_top.size()) - 1, ColumnCount - 1));
    for (int i = 0; i < m_nodes.size(); ++i) {
        const Node &n = m_nodes.at(i);
        if (n.children.isEmpty())
            continue;
        const QModelIndex parent = createIndex(n.row, 0, quintptr(i));
        Q_EMIT dataChanged(
            index(0, 0, parent), index(int(n.children.size()) - 1, ColumnCount - 1, parent));
    }
}

QModelIndex FederationTableModel::indexOf(client::Connection *centre, int column) const
{
    for (int i = 0; i < m_nodes.size(); ++i)
        if (m_nodes.at(i).kind == Kind::Centre && m_nodes.at(i).centre == centre)
            return createIndex(m_nodes.at(i).row, column, quintptr(i));
    return {};
}

QModelIndex FederationTableModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    const QList<int> &siblings
        = parent.isValid() ? m_nodes.at(int(parent.internalId())).children : m_top;
    if (row >= siblings.size())
        return {};
    return createIndex(row, column, quintptr(siblings.at(row)));
}

QModelIndex FederationTableModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_nodes.at(int(child.internalId())).parent;
    if (parent < 0)
        return {};
    return createIndex(m_nodes.at(parent).row, 0, quintptr(parent));
}

int FederationTableModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_top.size());
    if (parent.column() != 0)
        return 0;
    return int(m_nodes.at(int(parent.internalId())).children.size());
}

int FederationTableModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QVariant FederationTableModel::figuresData(const OverviewFigures &f, int column, int role) const
{
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    if (const auto count = tallyOf(f.accelerators(), column)) {
        if (f.models().isEmpty())
            return role == Qt::DisplayRole ? QVariant(Words::noData()) : QVariant();
        return role == Qt::DisplayRole ? QVariant(QLocale().toString(*count)) : QVariant(*count);
    }
    const auto figure = figureOf(column);
    if (!figure)
        return {};
    const auto v = FederationModel::valueOf(f, *figure);
    if (role == SortRole)
        return v ? QVariant(*v) : QVariant();
    if (!v)
        return (*figure == Figure::Connection || *figure == Figure::DataAge)
            ? QVariant()
            : QVariant(Words::noData());
    return FederationModel::figureText(*figure, *v);
}

QVariant FederationTableModel::centreData(const Node &node, int column, int role) const
{
    client::Connection *centre = node.centre;
    const int at = m_figures->columnOf(centre);
    if (at < 0)
        return {};
    const bool stale = m_figures->isStale(centre);
    if (role == Qt::ForegroundRole) {
        if (column == CriticalColumn && criticalAlerts(centre) > 0)
            return widgets::Palette::severityColour(widgets::SeverityColour::Critical);
        if (column == DownColumn && node.figures.accelerators().down > 0)
            return widgets::Palette::severityColour(widgets::SeverityColour::Warning);
        return stale && column != StateColumn ? QVariant(widgets::Palette::noDataColour())
                                              : QVariant();
    }
    if (role == StaleRole)
        return stale;
    switch (column) {
    case CentreColumn:
        if (role == Qt::DisplayRole)
            return Words::centreName(centre);
        if (role == SortRole)
            return Words::centreName(centre);
        if (role == Qt::ToolTipRole) {
            const QString why = attentionReason(centre);
            const QString province = GatewayWords::province(
                QString::fromStdString(centre->site()->overview().province()));
            return why.isEmpty() ? province : why;
        }
        return {};
    case TrendColumn:
        if (role == TrendRole)
            return QVariant::fromValue(m_trends.value(centre));
        if (role == SortRole && !m_trends.value(centre).isEmpty())
            return m_trends.value(centre).constLast();
        if (role == Qt::ToolTipRole)
            return tr("Utilisation over the last %n minute(s), sampled by this console", nullptr,
                int((m_trends.value(centre).size() * kSampleMs + 59999) / 60000));
        return {};
    case CriticalColumn:
        if (role == Qt::DisplayRole)
            return QLocale().toString(criticalAlerts(centre));
        if (role == SortRole)
            return criticalAlerts(centre);
        return {};
    default:
        break;
    }
    if (tallyOf({}, column))
        return figuresData(node.figures, column, role);
    if (const auto figure = figureOf(column)) {
        const QModelIndex cell = m_figures->index(m_figures->rowOf(*figure), at);
        if (role == SortRole && *figure == Figure::DataAge) {
            const QDateTime time = centre->site()->dataTime();
            return time.isValid() ? QVariant(time.secsTo(QDateTime::currentDateTimeUtc()))
                                  : QVariant();
        }
        if (role == Qt::DisplayRole || role == Qt::ToolTipRole || role == SortRole)
            return cell.data(role);
        if (role == Qt::DecorationRole && *figure == Figure::Connection)
            return cell.data(role);
    }
    return {};
}

QVariant FederationTableModel::modelData(const Node &node, int column, int role) const
{
    const int at = m_figures->columnOf(node.centre);
    if (at < 0)
        return {};
    if (column == CentreColumn)
        return role == Qt::DisplayRole || role == SortRole ? QVariant(node.name) : QVariant();
    const auto counts = m_figures->figures(at).accelerators(node.name);
    if (!counts)
        return {};
    const auto count = tallyOf(*counts, column);
    if (!count)
        return {};
    if (role == Qt::DisplayRole)
        return QLocale().toString(*count);
    if (role == SortRole)
        return *count;
    return {};
}

QVariant FederationTableModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const Node &node = m_nodes.at(int(index.internalId()));
    const int column = index.column();
    if (role == KindRole)
        return int(node.kind);
    if (role == RankRole)
        return node.rank;
    if (role == CentreRole)
        return node.centre ? QVariant::fromValue(static_cast<QObject *>(node.centre)) : QVariant();
    if (role == Qt::TextAlignmentRole)
        return column == CentreColumn || column == StateColumn || column == DataAgeColumn
            ? int(Qt::AlignLeft | Qt::AlignVCenter)
            : int(Qt::AlignRight | Qt::AlignVCenter);
    switch (node.kind) {
    case Kind::Centre:
        return centreData(node, column, role);
    case Kind::Model:
        return modelData(node, column, role);
    case Kind::Group:
    case Kind::Total:
        break;
    }
    // A group's subtotal, or the federation's total.
    if (role == Qt::FontRole) {
        QFont font;
        font.setBold(true);
        return font;
    }
    const bool total = node.kind == Kind::Total;
    const int members = total ? int(m_figures->centres().size()) : int(node.children.size());
    if (column == CentreColumn) {
        if (role == Qt::DisplayRole)
            return tr("%1 (%2)", "a group of centres and how many").arg(node.name).arg(members);
        if (role == SortRole)
            return node.rank;
        return {};
    }
    if (column == CriticalColumn && (role == Qt::DisplayRole || role == SortRole)) {
        int sum = 0;
        if (total)
            for (client::Connection *c : m_figures->centres())
                sum += criticalAlerts(c);
        else
            for (int child : node.children)
                sum += criticalAlerts(m_nodes.at(child).centre);
        return role == Qt::DisplayRole ? QVariant(QLocale().toString(sum)) : QVariant(sum);
    }
    if (column == StateColumn && role == Qt::DisplayRole) {
        int live = 0;
        if (total)
            live = m_figures->liveCentres();
        else
            for (int child : node.children)
                live += m_figures->isStale(m_nodes.at(child).centre) ? 0 : 1;
        return tr("%1 of %2 live").arg(live).arg(members);
    }
    if (column == DataAgeColumn && role == Qt::DisplayRole) {
        qint64 age = -1;
        const auto ageOf = [](client::Connection *c) {
            const QDateTime time = c->site()->dataTime();
            return time.isValid() ? time.secsTo(QDateTime::currentDateTimeUtc()) : qint64(-1);
        };
        if (total)
            for (client::Connection *c : m_figures->centres())
                age = std::max(age, ageOf(c));
        else
            for (int child : node.children)
                age = std::max(age, ageOf(m_nodes.at(child).centre));
        return age < 0 ? Words::noData() : tr("oldest %1").arg(widgets::AgeText::of(age));
    }
    if (total && figureOf(column) && role == Qt::DisplayRole) {
        // The Total's words say when it covers only some centres, as the federation's do.
        const QModelIndex cell
            = m_figures->index(m_figures->rowOf(*figureOf(column)), m_figures->totalColumn());
        return cell.data(role);
    }
    if (role == Qt::ToolTipRole && total && figureOf(column))
        return m_figures->index(m_figures->rowOf(*figureOf(column)), m_figures->totalColumn())
            .data(role);
    return figuresData(node.figures, column, role);
}

QVariant FederationTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == Qt::ToolTipRole) {
        switch (section) {
        case DrainedColumn:
            return tr("Accelerators on draining, drained or maintenance nodes: not down, but "
                      "taking no new work.");
        case TrendColumn:
            return tr("Utilisation over the last 15 minutes, sampled by this console.");
        case CriticalColumn:
            return tr("Critical alerts not cleared or acknowledged.");
        default:
            return {};
        }
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case CentreColumn:
        return tr("Centre");
    case StateColumn:
        return tr("State");
    case DataAgeColumn:
        return tr("Data age");
    case InUseColumn:
        return tr("In use");
    case FreeColumn:
        return tr("Free");
    case DownColumn:
        return tr("Down");
    case DrainedColumn:
        return tr("Drained");
    case UtilisationColumn:
        return tr("Utilisation");
    case TrendColumn:
        return tr("Trend");
    case RunningColumn:
        return tr("Running");
    case PendingColumn:
        return tr("Pending");
    case PowerColumn:
        return tr("Power");
    case PueColumn:
        return tr("PUE");
    case CarbonColumn:
        return tr("Carbon");
    case CriticalColumn:
        return tr("Critical");
    default:
        return {};
    }
}

} // namespace suanli::app
