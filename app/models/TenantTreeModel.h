#pragma once

#include "app/models/ModelRoles.h"
#include "client/SiteState.h"
#include "common/QuotaRules.h"

#include <QAbstractItemModel>
#include <QHash>
#include <QList>
#include <QStringList>
#include <memory>
#include <string>
#include <vector>

namespace suanli::app {

// TenantTreeModel is the tenants page's tree: tenants, each with its projects, and one column
// per accelerator model in the data, and one for the limit across all models where any tenant
// has one, whose cells give used and limit (UsedRole, LimitRole) for a quota bar.
class TenantTreeModel : public QAbstractItemModel {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantTreeModel)
    Q_PROPERTY(bool chineseNames READ chineseNames WRITE setChineseNames NOTIFY chineseNamesChanged)
public:
    // Column 0 is the name; columns 1.. are what quotas limit (kindAt()): all models together
    // first where the data has such a limit, then accelerator models.
    static constexpr int NameColumn = 0;

    explicit TenantTreeModel(client::SiteState *site, QObject *parent = nullptr);
    ~TenantTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Names in Chinese (name_zh) when the UI speaks Chinese; English otherwise.
    bool chineseNames() const { return m_chineseNames; }
    void setChineseNames(bool chinese);

    // The accelerator model of a column; ACCELERATOR_MODEL_UNSPECIFIED for the name column and
    // the one across all models.
    v1::AcceleratorModel modelAt(int column) const;
    // What a column's quotas limit: a model, or all models together; a default QuotaKind (no
    // model, not all models) for the name column.
    QuotaKind kindAt(int column) const;
    // The column of a model, or of the limit across all models; -1 when no tenant or project
    // has it.
    int columnOf(v1::AcceleratorModel model) const;
    int columnOf(QuotaKind kind) const;

    // The tenant row of an id, the project row of a tenant's project; invalid when absent.
    QModelIndex tenantIndex(const QString &tenantId) const;
    QModelIndex projectIndex(const QString &tenantId, const QString &projectId) const;
    // The tenant or project of a row; nullptr for a row of the other kind or out of range.
    const v1::Tenant *tenantAt(const QModelIndex &index) const;
    const v1::Project *projectAt(const QModelIndex &index) const;

Q_SIGNALS:
    void chineseNamesChanged(bool chinese);

private:
    // One tenant row; its address is the internal pointer of its project rows.
    struct TenantRow {
        QString id;
        int row = 0;
        // Columns under this tenant; every parent moves to a new model column on its own, so
        // each column insert is announced for a parent whose count matches.
        int columns = 1;
        QStringList projects; // row -> project id
        QHash<QString, int> projectRows; // project id -> row
        QHash<QString, int> protoIndex; // project id -> index in Tenant.projects
        // Project id -> its last serialised state: a tenant's update says the tenant changed,
        // this tells which of its projects did.
        QHash<QString, std::string> projectState;
    };

    void resetTenants();
    void applyChanges(const QStringList &upserted, const QStringList &removed);
    void updateTenant(TenantRow &row, const v1::Tenant &tenant);
    void addModels(const v1::Tenant &tenant, QList<v1::AcceleratorModel> *models) const;
    void emitAllRowsChanged(int firstColumn, int lastColumn, const QList<int> &roles);

    const v1::Tenant *findTenant(const QString &id) const;
    const v1::Project *findProject(const TenantRow &row, int projectRow) const;
    std::unique_ptr<TenantRow> makeRow(const v1::Tenant &tenant, int row) const;
    QString displayName(
        const std::string &id, const std::string &name, const std::string &nameZh) const;

    client::SiteState *m_site;
    bool m_chineseNames = false;
    QList<v1::AcceleratorModel> m_models; // column - 1 -> model; UNSPECIFIED: all models
    int m_rootColumns = 1;
    std::vector<std::unique_ptr<TenantRow>> m_tenants;
    QHash<QString, TenantRow *> m_byId;
};

} // namespace suanli::app
