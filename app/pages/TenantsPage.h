#pragma once

#include "app/dialogs/SetQuotaDialog.h"
#include "app/pages/Page.h"
#include "suanli/v1/tenancy.pb.h"

#include <QList>
#include <QWidget>
#include <functional>

class QAction;
class QGridLayout;
class QLabel;
class QLineEdit;
class QModelIndex;
class QTreeView;

namespace suanli::client {
class Connection;
}
namespace suanli::widgets {
class QuotaBar;
}

namespace suanli::app {

class FilterBar;
class FilterProxyModel;
class TableTools;
class TenantTreeModel;

// TenantsPage shows a centre's tenants and their projects with a quota bar per accelerator
// model (used / limit, coloured by how full), the selected tenant's projects in detail, and
// lets an admin set quotas and those acting for a tenant ask for more.
class TenantsPage : public Page {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TenantsPage)
public:
    // Asks for the quota to set, preselected; true with the change when the user confirmed it.
    using SetQuotaPrompt = std::function<bool(QuotaChange *change)>;
    // Asks for the quota request to send, preselected; true when the user sent it.
    using RequestPrompt = std::function<bool(v1::CreateQuotaRequestRequest *request)>;

    explicit TenantsPage(client::Connection *connection, QWidget *parent = nullptr);
    QString title() const override;
    // The title, before the page is built (the sidebar lists pages not shown yet).
    static QString pageTitle();
    ~TenantsPage() override;

    // The selected tenant and project (empty for a tenant's row); empty when nothing is.
    QString selectedTenant() const;
    QString selectedProject() const;
    // Selects a tenant's row, or one of its projects; the model column preselects it in Set
    // quota.
    void setSelected(const QString &tenant, const QString &project = {},
        v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED);
    // The same on the column of a model's quota or of the limit across all models, which
    // Set quota and Request quota then preselect.
    void setSelected(const QString &tenant, const QString &project, QuotaKind kind);
    void setFilterText(const QString &text);
    void setSetQuotaPrompt(SetQuotaPrompt prompt);
    void setRequestPrompt(RequestPrompt prompt);

    QAction *setQuotaAction() const { return m_setQuota; }
    QAction *requestAction() const { return m_request; }
    QTreeView *tree() const { return m_tree; }
    TenantTreeModel *model() const { return m_model; }
    // The detail area's text, as shown.
    QString detailText() const;
    // Room under the detail for a chart of the selected tenant's use; empty and hidden until
    // a widget is put in it.
    QWidget *chartArea() const { return m_chartArea; }

    void saveState() const override;
    void restoreState() override;

Q_SIGNALS:
    // The selected tenant changed (empty when none): for a chart of its use.
    void tenantSelected(const QString &tenant);

private:
    // The selected tenant's usage against its quota, over time; none when nothing is selected.
    void showTenantChart(const QString &tenant);
    QModelIndex currentSourceIndex() const;
    QStringList userTenants() const;
    void updateActions();
    void updateDetail();
    void setQuota();
    void requestQuota();

    client::Connection *m_connection;
    TenantTreeModel *m_model;
    FilterProxyModel *m_proxy;
    FilterBar *m_filter;
    QLabel *m_scope;
    QTreeView *m_tree;
    QLabel *m_detailTitle;
    QWidget *m_detailGrid;
    QGridLayout *m_grid;
    QWidget *m_chartArea;
    QAction *m_setQuota;
    QAction *m_request;
    QAction *m_expand;
    TableTools *m_tools;
    SetQuotaPrompt m_setQuotaPrompt;
    RequestPrompt m_requestPrompt;
    QString m_detailTenant;
    QStringList m_detailKeys;
    QList<widgets::QuotaBar *> m_bars;
    QStringList m_rowLabels;
    QString m_lastSelectedTenant;
    QWidget *m_chart = nullptr;
};

} // namespace suanli::app
