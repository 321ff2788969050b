#pragma once

#include "common/QuotaRules.h"
#include "suanli/v1/cluster.pb.h"
#include "suanli/v1/tenancy.pb.h"

#include <QDialog>
#include <QHash>
#include <QList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace suanli::app {

class TextLimitHint;

// A quota to set: whose (a tenant, or one of its projects), for which model (or all models
// together), and the limits.
struct QuotaChange {
    QString tenant;
    QString project; // empty: the tenant's own quota
    v1::AcceleratorModel model = v1::ACCELERATOR_MODEL_UNSPECIFIED;
    bool allModels = false; // the limit across all models; model is then UNSPECIFIED
    QuotaKind kind() const
    {
        return { allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED : model, allModels };
    }
    qint64 accelerators = 0;
    qint64 acceleratorHours = 0; // a month; 0 = no limit
    QString reason;
};

// SetQuotaDialog lets a centre admin set a tenant's or project's quota for one model, or its
// limit across all models: it shows the limit in force, and names the change (from → to) on
// the button's side before it is sent.
class SetQuotaDialog : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetQuotaDialog)
public:
    // tenants: the centre's tenant tree; models: those offered (the centre's and the quotas'),
    // after "All models"; initial: what is preselected (tenant, project, model or all models).
    SetQuotaDialog(const QHash<QString, v1::Tenant> &tenants,
        const QList<v1::AcceleratorModel> &models, const QuotaChange &initial,
        QWidget *parent = nullptr);

    QuotaChange change() const;
    // "galaxy / galaxy-llm: Ascend 910B 40 → 48 accelerators; accelerator-hours a month:
    // no limit → 20,000"; "galaxy: All models 64 → 80 accelerators at once"
    static QString describe(const QuotaChange &change, qint64 acceleratorsNow, qint64 hoursNow);
    // The limit in force for change's tenant, project and model (or all models): accelerators
    // and hours.
    static std::pair<qint64, qint64> current(
        const QHash<QString, v1::Tenant> &tenants, const QuotaChange &change);

    // The models a centre offers: those of its accelerators, then any other a quota names.
    static QList<v1::AcceleratorModel> offeredModels(
        const google::protobuf::RepeatedPtrField<v1::AcceleratorCounts> &centre,
        const QHash<QString, v1::Tenant> &tenants);

    // Shows the dialog with *change preselected; true with the change when the user confirmed.
    static bool ask(QWidget *parent, const QHash<QString, v1::Tenant> &tenants,
        const QList<v1::AcceleratorModel> &models, QuotaChange *change);

private:
    void targetOrModelChanged();
    void update();

    QHash<QString, v1::Tenant> m_tenants;
    QComboBox *m_target;
    QComboBox *m_model;
    QSpinBox *m_accelerators;
    QSpinBox *m_hours;
    QLineEdit *m_reason;
    QLabel *m_summary;
    QLabel *m_warning;
    TextLimitHint *m_reasonHint = nullptr;
    QDialogButtonBox *m_buttons;
};

} // namespace suanli::app
