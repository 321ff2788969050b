#pragma once

#include "suanli/v1/tenancy.pb.h"

#include <QDialog>
#include <QHash>
#include <QList>
#include <functional>

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
// projects: the model or all models together, the new total (not an increment), why, and until
// when; it says when a model's limit would change nothing under a limit across all models.
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

    // Shows the dialog with *request preselected; true with the request when the user sent it.
    static bool ask(QWidget *parent, const QHash<QString, v1::Tenant> &tenants,
        const QList<v1::AcceleratorModel> &models, v1::CreateQuotaRequestRequest *request);
    // The same for the connection's user: the tenants offered are those the user acts for
    // (every tenant for an admin), the models those the centre has.
    static bool askFor(
        QWidget *parent, client::Connection *connection, v1::CreateQuotaRequestRequest *request);
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
    TextLimitHint *m_justificationHint = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
