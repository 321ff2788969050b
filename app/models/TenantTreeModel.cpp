#include "app/models/TenantTreeModel.h"

#include "app/models/RowRanges.h"
#include "app/models/Words.h"

#include <QGuiApplication>
#include <QLocale>
#include <QPalette>
#include <QSet>
#include <algorithm>

namespace suanli::app {

namespace {

using Limits = google::protobuf::RepeatedPtrField<v1::QuotaLimit>;
using Usages = google::protobuf::RepeatedPtrField<v1::QuotaUsage>;

// The column key of a limit or use: its model, or UNSPECIFIED for the one across all models.
v1::AcceleratorModel columnModel(QuotaKind kind)
{
    return kind.allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED : kind.model;
}

QuotaKind kindOfColumn(v1::AcceleratorModel model)
{
    return model == v1::ACCELERATOR_MODEL_UNSPECIFIED ? QuotaKind::acrossAllModels()
                                                      : QuotaKind { model, false };
}

// One quota cell of a tenant or a project: "48 / 64", used and limit for the bar.
QVariant quotaCell(const Limits &limits, const Usages &usages, QuotaKind kind, int role)
{
    const v1::QuotaLimit *limit = findQuotaLimit(limits, kind);
    const v1::QuotaUsage *usage = findQuotaUsage(usages, kind);
    if (!limit && !usage)
        return {};
    const qint64 used = usage ? usage->accelerators_in_use() : 0;
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        if (limit)
            return TenantTreeModel::tr("%1 / %2").arg(
                locale.toString(used), locale.toString(limit->max_accelerators()));
        return locale.toString(used);
    case SortRole:
    case UsedRole:
        return QVariant::fromValue<qint64>(used);
    case LimitRole:
        return limit ? QVariant::fromValue<qint64>(limit->max_accelerators()) : QVariant();
    case Qt::TextAlignmentRole:
        return QVariant::fromValue(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter));
    case Qt::ToolTipRole: {
        QStringList lines;
        if (kind.allModels) {
            if (limit)
                lines.append(
                    TenantTreeModel::tr("%1 of %2 accelerators in use, of every model "
                                        "together")
                        .arg(locale.toString(used), locale.toString(limit->max_accelerators())));
            else
                lines.append(TenantTreeModel::tr("%1 accelerators in use, of every model together; "
                                                 "no limit of its own across all models")
                                 .arg(locale.toString(used)));
        } else {
            const QString name = Words::modelName(kind.model);
            if (limit)
                lines.append(TenantTreeModel::tr("%1 of %2 %3 in use")
                                 .arg(locale.toString(used),
                                     locale.toString(limit->max_accelerators()), name));
            else
                lines.append(TenantTreeModel::tr("%1 %2 in use, no quota set")
                                 .arg(locale.toString(used), name));
        }
        if (usage && usage->accelerators_pending() > 0)
            lines.append(TenantTreeModel::tr("%1 more asked for by pending jobs")
                             .arg(locale.toString(usage->accelerators_pending())));
        const double hoursUsed = usage ? usage->accelerator_hours_used() : 0.0;
        if (limit && limit->max_accelerator_hours() > 0)
            lines.append(TenantTreeModel::tr("accelerator-hours this month: %1 of %2")
                             .arg(locale.toString(hoursUsed, 'f', 0),
                                 locale.toString(limit->max_accelerator_hours())));
        else if (hoursUsed > 0)
            lines.append(TenantTreeModel::tr("accelerator-hours this month: %1")
                             .arg(locale.toString(hoursUsed, 'f', 0)));
        return lines.join(u'\n');
    }
    default:
        return {};
    }
}

void collectModels(const Limits &limits, const Usages &usages, QList<v1::AcceleratorModel> *out)
{
    for (const v1::QuotaLimit &l : limits) {
        if (!out->contains(columnModel(QuotaKind::of(l))))
            out->append(columnModel(QuotaKind::of(l)));
    }
    for (const v1::QuotaUsage &u : usages) {
        if (!out->contains(columnModel(QuotaKind::of(u))))
            out->append(columnModel(QuotaKind::of(u)));
    }
}

QList<int> changingRoles()
{
    return { Qt::DisplayRole, Qt::ToolTipRole, SortRole, UsedRole, LimitRole };
}

} // namespace

TenantTreeModel::TenantTreeModel(client::SiteState *site, QObject *parent)
    : QAbstractItemModel(parent)
    , m_site(site)
{
    Q_ASSERT(site);
    connect(
        &site->tenants(), &client::CollectionSignals::reset, this, &TenantTreeModel::resetTenants);
    connect(&site->tenants(), &client::CollectionSignals::changed, this,
        &TenantTreeModel::applyChanges);
    connect(site, &client::SiteState::freshnessChanged, this, [this] {
        emitAllRowsChanged(0, m_rootColumns - 1, { StaleRole, Qt::ForegroundRole });
    });
    resetTenants();
}

TenantTreeModel::~TenantTreeModel() = default;

QModelIndex TenantTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (!hasIndex(row, column, parent))
        return {};
    if (!parent.isValid())
        return createIndex(row, column, nullptr);
    return createIndex(row, column, m_tenants.at(parent.row()).get());
}

QModelIndex TenantTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const auto *tenant = static_cast<const TenantRow *>(child.internalPointer());
    if (!tenant)
        return {};
    return createIndex(tenant->row, 0, nullptr);
}

int TenantTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return static_cast<int>(m_tenants.size());
    // Only a tenant's first column has children.
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return static_cast<int>(m_tenants.at(parent.row())->projects.size());
}

int TenantTreeModel::columnCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return m_rootColumns;
    if (parent.internalPointer() || parent.column() != 0)
        return 0;
    return m_tenants.at(parent.row())->columns;
}

QVariant TenantTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.model() != this)
        return {};
    if (role == StaleRole)
        return m_site->stale();
    if (role == Qt::ForegroundRole)
        return m_site->stale()
            ? QVariant(QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text))
            : QVariant();
    const auto *parentRow = static_cast<const TenantRow *>(index.internalPointer());
    const int column = index.column();

    if (!parentRow) {
        const TenantRow &row = *m_tenants.at(index.row());
        if (role == KeyRole)
            return row.id;
        const v1::Tenant *tenant = findTenant(row.id);
        if (!tenant)
            return {};
        if (role == MessageRole)
            return QVariant::fromValue<const google::protobuf::Message *>(tenant);
        if (column == NameColumn) {
            if (role == Qt::DisplayRole || role == SortRole)
                return displayName(tenant->id(), tenant->name(), tenant->name_zh());
            if (role == Qt::ToolTipRole)
                return tr("tenant %1: %2")
                    .arg(QString::fromStdString(tenant->id()),
                        displayName(tenant->id(), tenant->name(), tenant->name_zh()));
            return {};
        }
        return quotaCell(tenant->quotas(), tenant->usage(), kindAt(column), role);
    }

    const v1::Project *project = findProject(*parentRow, index.row());
    if (role == KeyRole)
        return parentRow->projects.at(index.row());
    if (!project)
        return {};
    if (role == MessageRole)
        return QVariant::fromValue<const google::protobuf::Message *>(project);
    if (column == NameColumn) {
        if (role == Qt::DisplayRole || role == SortRole)
            return displayName(project->id(), project->name(), project->name_zh());
        if (role == Qt::ToolTipRole)
            return tr("project %1: %2")
                .arg(QString::fromStdString(project->id()),
                    displayName(project->id(), project->name(), project->name_zh()));
        return {};
    }
    return quotaCell(project->quotas(), project->usage(), kindAt(column), role);
}

QVariant TenantTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= m_rootColumns)
        return QAbstractItemModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole)
        return section == NameColumn ? tr("Tenant / project")
                                     : Words::quotaKindName(kindAt(section));
    if (role == Qt::ToolTipRole && section != NameColumn)
        return kindAt(section).allModels
            ? tr("Accelerators of every model together in use / the limit across all models")
            : tr("%1 accelerators in use / quota").arg(Words::modelName(modelAt(section)));
    return QAbstractItemModel::headerData(section, orientation, role);
}

QHash<int, QByteArray> TenantTreeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractItemModel::roleNames();
    names.insert(KeyRole, QByteArrayLiteral("key"));
    names.insert(SortRole, QByteArrayLiteral("sortValue"));
    names.insert(StaleRole, QByteArrayLiteral("stale"));
    names.insert(UsedRole, QByteArrayLiteral("used"));
    names.insert(LimitRole, QByteArrayLiteral("limit"));
    return names;
}

void TenantTreeModel::setChineseNames(bool chinese)
{
    if (chinese == m_chineseNames)
        return;
    m_chineseNames = chinese;
    emitAllRowsChanged(NameColumn, NameColumn, { Qt::DisplayRole, Qt::ToolTipRole, SortRole });
    Q_EMIT chineseNamesChanged(m_chineseNames);
}

v1::AcceleratorModel TenantTreeModel::modelAt(int column) const
{
    if (column <= 0 || column > m_models.size())
        return v1::ACCELERATOR_MODEL_UNSPECIFIED;
    return m_models.at(column - 1);
}

QuotaKind TenantTreeModel::kindAt(int column) const
{
    if (column <= 0 || column > m_models.size())
        return {};
    return kindOfColumn(m_models.at(column - 1));
}

int TenantTreeModel::columnOf(v1::AcceleratorModel model) const
{
    if (model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
        return -1;
    return columnOf(QuotaKind { model, false });
}

int TenantTreeModel::columnOf(QuotaKind kind) const
{
    const qsizetype i = m_models.indexOf(columnModel(kind));
    return i < 0 || i + 1 >= m_rootColumns ? -1 : static_cast<int>(i + 1);
}

QModelIndex TenantTreeModel::tenantIndex(const QString &tenantId) const
{
    const TenantRow *row = m_byId.value(tenantId);
    return row ? createIndex(row->row, 0, nullptr) : QModelIndex();
}

QModelIndex TenantTreeModel::projectIndex(const QString &tenantId, const QString &projectId) const
{
    TenantRow *row = m_byId.value(tenantId);
    if (!row)
        return {};
    const int projectRow = row->projectRows.value(projectId, -1);
    return projectRow < 0 ? QModelIndex() : createIndex(projectRow, 0, row);
}

const v1::Tenant *TenantTreeModel::tenantAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalPointer())
        return nullptr;
    return findTenant(m_tenants.at(index.row())->id);
}

const v1::Project *TenantTreeModel::projectAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || !index.internalPointer())
        return nullptr;
    return findProject(*static_cast<const TenantRow *>(index.internalPointer()), index.row());
}

const v1::Tenant *TenantTreeModel::findTenant(const QString &id) const
{
    const auto &items = m_site->tenants().items;
    const auto it = items.constFind(id);
    return it == items.constEnd() ? nullptr : &it.value();
}

const v1::Project *TenantTreeModel::findProject(const TenantRow &row, int projectRow) const
{
    if (projectRow < 0 || projectRow >= row.projects.size())
        return nullptr;
    const v1::Tenant *tenant = findTenant(row.id);
    const int i = row.protoIndex.value(row.projects.at(projectRow), -1);
    if (!tenant || i < 0 || i >= tenant->projects_size())
        return nullptr;
    return &tenant->projects(i);
}

QString TenantTreeModel::displayName(
    const std::string &id, const std::string &name, const std::string &nameZh) const
{
    if (m_chineseNames && !nameZh.empty())
        return QString::fromStdString(nameZh);
    if (!name.empty())
        return QString::fromStdString(name);
    if (!nameZh.empty())
        return QString::fromStdString(nameZh);
    return QString::fromStdString(id);
}

void TenantTreeModel::addModels(const v1::Tenant &tenant, QList<v1::AcceleratorModel> *models) const
{
    collectModels(tenant.quotas(), tenant.usage(), models);
    for (const v1::Project &p : tenant.projects())
        collectModels(p.quotas(), p.usage(), models);
}

std::unique_ptr<TenantTreeModel::TenantRow> TenantTreeModel::makeRow(
    const v1::Tenant &tenant, int row) const
{
    auto out = std::make_unique<TenantRow>();
    out->id = QString::fromStdString(tenant.id());
    out->row = row;
    out->columns = m_rootColumns;
    for (int i = 0; i < tenant.projects_size(); ++i) {
        const QString id = QString::fromStdString(tenant.projects(i).id());
        if (out->protoIndex.contains(id))
            continue;
        out->protoIndex.insert(id, i);
        out->projectState.insert(id, tenant.projects(i).SerializeAsString());
        out->projectRows.insert(id, static_cast<int>(out->projects.size()));
        out->projects.append(id);
    }
    return out;
}

void TenantTreeModel::resetTenants()
{
    beginResetModel();
    m_tenants.clear();
    m_byId.clear();
    m_models.clear();
    const auto &items = m_site->tenants().items;
    QStringList ids = items.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : std::as_const(ids))
        addModels(items.value(id), &m_models);
    std::sort(m_models.begin(), m_models.end());
    m_rootColumns = 1 + static_cast<int>(m_models.size());
    m_tenants.reserve(ids.size());
    for (const QString &id : std::as_const(ids)) {
        m_tenants.push_back(makeRow(items.value(id), static_cast<int>(m_tenants.size())));
        m_byId.insert(id, m_tenants.back().get());
    }
    endResetModel();
}

void TenantTreeModel::applyChanges(const QStringList &upserted, const QStringList &removed)
{
    const auto &items = m_site->tenants().items;

    // Removed tenants, from the last range back; rows after each range are renumbered before
    // endRemoveRows(), as parent() of their projects reads them.
    QList<int> goneRows;
    for (const QString &id : removed) {
        if (const TenantRow *row = m_byId.value(id))
            goneRows.append(row->row);
    }
    const QList<std::pair<int, int>> goneRanges = contiguousRanges(goneRows);
    for (auto range = goneRanges.crbegin(); range != goneRanges.crend(); ++range) {
        const auto [first, last] = *range;
        beginRemoveRows({}, first, last);
        for (int row = first; row <= last; ++row)
            m_byId.remove(m_tenants.at(row)->id);
        m_tenants.erase(m_tenants.begin() + first, m_tenants.begin() + last + 1);
        for (int row = first; row < static_cast<int>(m_tenants.size()); ++row)
            m_tenants.at(row)->row = row;
        endRemoveRows();
    }

    // Models no tenant had before become new columns at the end, announced for each parent.
    QList<v1::AcceleratorModel> models = m_models;
    for (const QString &id : upserted) {
        const auto it = items.constFind(id);
        if (it != items.constEnd())
            addModels(it.value(), &models);
    }
    if (models.size() > m_models.size()) {
        m_models = models;
        const int columns = 1 + static_cast<int>(m_models.size());
        beginInsertColumns({}, m_rootColumns, columns - 1);
        m_rootColumns = columns;
        endInsertColumns();
        for (const auto &row : m_tenants) {
            beginInsertColumns(createIndex(row->row, 0, nullptr), row->columns, columns - 1);
            row->columns = columns;
            endInsertColumns();
        }
    }

    // Changed tenants: their projects first, then their own rows.
    QList<int> changedRows;
    QList<const v1::Tenant *> added;
    for (const QString &id : upserted) {
        const auto it = items.constFind(id);
        if (it == items.constEnd())
            continue;
        if (TenantRow *row = m_byId.value(id)) {
            updateTenant(*row, it.value());
            changedRows.append(row->row);
        } else {
            added.append(&it.value());
        }
    }
    for (const auto &[first, last] : contiguousRanges(changedRows))
        Q_EMIT dataChanged(index(first, 0), index(last, m_rootColumns - 1), changingRoles());

    // New tenants at the end, with their projects.
    if (!added.isEmpty()) {
        const int first = static_cast<int>(m_tenants.size());
        beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
        for (const v1::Tenant *tenant : std::as_const(added)) {
            m_tenants.push_back(makeRow(*tenant, static_cast<int>(m_tenants.size())));
            m_byId.insert(m_tenants.back()->id, m_tenants.back().get());
        }
        endInsertRows();
    }
}

void TenantTreeModel::updateTenant(TenantRow &row, const v1::Tenant &tenant)
{
    const QModelIndex parent = createIndex(row.row, 0, nullptr);

    // Rows read projects through protoIndex: point it at the new message first.
    row.protoIndex.clear();
    QStringList ids;
    for (int i = 0; i < tenant.projects_size(); ++i) {
        const QString id = QString::fromStdString(tenant.projects(i).id());
        if (row.protoIndex.contains(id))
            continue;
        row.protoIndex.insert(id, i);
        ids.append(id);
    }

    QList<int> goneRows;
    for (int r = 0; r < row.projects.size(); ++r) {
        if (!row.protoIndex.contains(row.projects.at(r)))
            goneRows.append(r);
    }
    const QList<std::pair<int, int>> goneRanges = contiguousRanges(goneRows);
    for (auto range = goneRanges.crbegin(); range != goneRanges.crend(); ++range) {
        const auto [first, last] = *range;
        beginRemoveRows(parent, first, last);
        for (int r = first; r <= last; ++r)
            row.projectState.remove(row.projects.at(r));
        row.projects.remove(first, last - first + 1);
        row.projectRows.clear();
        for (int r = 0; r < row.projects.size(); ++r)
            row.projectRows.insert(row.projects.at(r), r);
        endRemoveRows();
    }

    QList<int> changedRows;
    for (int r = 0; r < row.projects.size(); ++r) {
        const QString &id = row.projects.at(r);
        std::string state = tenant.projects(row.protoIndex.value(id)).SerializeAsString();
        auto previous = row.projectState.find(id);
        if (previous != row.projectState.end() && previous.value() != state) {
            previous.value() = std::move(state);
            changedRows.append(r);
        }
    }
    if (row.columns > 0) {
        for (const auto &[first, last] : contiguousRanges(changedRows))
            Q_EMIT dataChanged(
                index(first, 0, parent), index(last, row.columns - 1, parent), changingRoles());
    }

    QStringList addedIds;
    for (const QString &id : std::as_const(ids)) {
        if (!row.projectRows.contains(id))
            addedIds.append(id);
    }
    if (!addedIds.isEmpty()) {
        const int first = static_cast<int>(row.projects.size());
        beginInsertRows(parent, first, first + static_cast<int>(addedIds.size()) - 1);
        for (const QString &id : std::as_const(addedIds)) {
            row.projectState.insert(
                id, tenant.projects(row.protoIndex.value(id)).SerializeAsString());
            row.projectRows.insert(id, static_cast<int>(row.projects.size()));
            row.projects.append(id);
        }
        endInsertRows();
    }
}

void TenantTreeModel::emitAllRowsChanged(int firstColumn, int lastColumn, const QList<int> &roles)
{
    if (m_tenants.empty() || firstColumn > lastColumn)
        return;
    Q_EMIT dataChanged(index(0, firstColumn),
        index(static_cast<int>(m_tenants.size()) - 1, std::min(lastColumn, m_rootColumns - 1)),
        roles);
    for (const auto &row : m_tenants) {
        if (row->projects.isEmpty())
            continue;
        const QModelIndex parent = createIndex(row->row, 0, nullptr);
        Q_EMIT dataChanged(index(0, firstColumn, parent),
            index(static_cast<int>(row->projects.size()) - 1,
                std::min(lastColumn, row->columns - 1), parent),
            roles);
    }
}

} // namespace suanli::app
