#pragma once

#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QPlainTextEdit;
class QSpinBox;

namespace suanli::client {
class Connection;
}

namespace suanli::app {

class TextLimitHint;

// NewQuotaRequestDialog asks a centre for more quota on behalf of a tenant or one of its
// projects: the model or all models together, the new total (not an increment, starting from the
// limit in force), why, and until when; it says when a model's limit would change nothing under a
// limit across all models, and warns, as the request's detail does once sent, when the new limit
// would take the tenant's projects beyond its quota or the tenants' quotas beyond the centre.
class NewQuotaRequestDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NewQuotaRequestDialog)
public:
    // tenants: those the user acts for; models: those offered, after "All models"; initial:
    // what is preselected (tenant, project, model or all models).
    NewQuotaRequestDialog(const QHash<QString, v1::Tenant> &tenants,
        const QList<v1::AcceleratorModel> &models, const v1::CreateQuotaRequestRequest &initial,
        QWidget *parent = nullptr);

    v1::CreateQuotaRequestRequest request() const;
    // The centre the request goes to, for the warning before sending: its overview, and whether
    // `tenants` holds every tenant of it (not only a tenant manager's own).
    void setCentre(const v1::Overview &overview, bool allTenants);
    // The warning shown before sending (the new limit overcommits the tenant or the centre), or
    // empty.
    QString overcommitWarning() const;

    // Shows the dialog with *request preselected for the connection's user; true with the
    // request when the user sent it. The tenants offered are those the user acts for
    // (every tenant for an admin), the models those the centre has.
    static bool askFor(
        QWidget *parent, client::Connection *connection, v1::CreateQuotaRequestRequest *request);
    // The dialog askFor() shows, not yet shown; the caller owns it.
    static std::unique_ptr<NewQuotaRequestDialog> forCentre(QWidget *parent,
        client::Connection *connection, const v1::CreateQuotaRequestRequest &initial);
    // Sends the request; `notify` gets the line for the notification area, whether it failed,
    // and the gateway's status.
    using Notify = std::function<void(const QString &, bool, const QString &)>;
    static void send(client::Connection *connection, const v1::CreateQuotaRequestRequest &request,
        Notify notify);

private:
    void targetOrModelChanged();
    void update();
    const v1::Tenant *targetTenant() const;
    qint64 currentLimit() const;

    QHash<QString, v1::Tenant> m_tenants;
    QComboBox *m_target;
    QComboBox *m_model;
    QSpinBox *m_accelerators;
    QSpinBox *m_hours;
    QPlainTextEdit *m_justification;
    QCheckBox *m_limited;
    QDateEdit *m_until;
    QLabel *m_summary;
    QLabel *m_warning;
    QLabel *m_overcommit;
    v1::Overview m_overview;
    bool m_allTenants = false;
    TextLimitHint *m_justificationHint = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
