#pragma once

#include "app/models/CollectionTableModel.h"

#include <QList>
#include <QTimer>
#include <string>
#include <unordered_map>

namespace suanli::app {

// JobTableModel is the jobs table: one row per active job of the site, with why a waiting job
// waits in plain words and how long it has waited or run.
class JobTableModel : public CollectionTableModel<v1::Job> {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobTableModel)
public:
    enum Column {
        IdColumn,
        NameColumn,
        OwnerColumn, // tenant / project
        UserColumn,
        QueueColumn,
        StateColumn,
        ReasonColumn, // why it waits
        AcceleratorsColumn,
        ModelColumn,
        PriorityColumn,
        SubmittedColumn,
        ElapsedColumn, // waited for (pending, held) or ran for (running, ended)
        ColumnCount
    };
    Q_ENUM(Column)

    explicit JobTableModel(client::SiteState *site, QObject *parent = nullptr);
    ~JobTableModel() override;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(
        int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Seconds a job has waited (pending, held) or ran (running, ended) at nowSeconds; -1 when
    // its times are unknown.
    static qint64 elapsedSeconds(const v1::Job &job, qint64 nowSeconds);

protected:
    QVariant cellData(const v1::Job &job, int column, int role) const override;
    ColumnMask changedColumns(const v1::Job &before, const v1::Job &after) const override;

private:
    // The roles of the reason column that read a tenant's figures.
    static QList<int> reasonRoles();
    // Tenants whose quotas or use changed: the reasons of jobs waiting on their quotas, row by
    // row up to kWholeColumnRows of them, the whole column beyond.
    void tenantsChanged(const QStringList &tenants);
    static constexpr qsizetype kWholeColumnRows = 2000;
    // The jobs held by a quota, by tenant: a change of a tenant's figures touches only their rows.
    // A tenant's keys are listed up to kWholeColumnRows of them; beyond, only counted (its change
    // then announces the whole column) until the next snapshot lists them again.
    struct HeldJobs {
        qsizetype count = 0;
        bool listed = true;
        QList<QString> keys;
    };
    void holdChanged(const QString &key, const v1::Job *before, const v1::Job *after);
    std::unordered_map<std::string, HeldJobs> m_held;

    // Waited / ran for grows with the clock: refreshed once a minute.
    QTimer m_clock;
};

} // namespace suanli::app
