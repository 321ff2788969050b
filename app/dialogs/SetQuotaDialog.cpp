#include "app/dialogs/SetQuotaDialog.h"

#include "app/dialogs/TextLimitHint.h"
#include "app/models/Words.h"
#include "widgets/Palette.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace suanli::app {

namespace {

using Limits = google::protobuf::RepeatedPtrField<v1::QuotaLimit>;

// The model box's value for the limit across all models (no model has it).
constexpr int kAllModels = -1;

QString hoursText(qint64 hours)
{
    return hours > 0 ? QLocale().toString(hours) : SetQuotaDialog::tr("no limit");
}

} // namespace

SetQuotaDialog::SetQuotaDialog(const QHash<QString, v1::Tenant> &tenants,
    const QList<v1::AcceleratorModel> &models, const QuotaChange &initial, QWidget *parent)
    : QDialog(parent)
    , m_tenants(tenants)
    , m_target(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_accelerators(new QSpinBox(this))
    , m_hours(new QSpinBox(this))
    , m_reason(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Set quota"));
    QStringList ids = tenants.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : std::as_const(ids)) {
        const v1::Tenant &tenant = tenants.value(id);
        const QString name = QString::fromStdString(tenant.name());
        m_target->addItem(name.isEmpty() || name == id ? id : tr("%1 (%2)").arg(id, name),
            QStringList { id, QString() });
        for (const v1::Project &p : tenant.projects()) {
            m_target->addItem(QStringLiteral("    ") + Words::owner(tenant.id(), p.id()),
                QStringList { id, QString::fromStdString(p.id()) });
        }
    }
    const int targetIndex = m_target->findData(QStringList { initial.tenant, initial.project });
    m_target->setCurrentIndex(std::max(targetIndex, 0));
    m_model->addItem(Words::quotaKindName(QuotaKind::acrossAllModels()), kAllModels);
    m_model->setItemData(0,
        tr("One limit on the accelerators of every model together, beside each model's own"),
        Qt::ToolTipRole);
    for (v1::AcceleratorModel model : models)
        m_model->addItem(Words::modelName(model), static_cast<int>(model));
    const int preselected = initial.allModels ? kAllModels : static_cast<int>(initial.model);
    const int modelIndex = m_model->findData(preselected);
    m_model->setCurrentIndex(modelIndex >= 0 ? modelIndex : std::min(1, m_model->count() - 1));

    m_accelerators->setRange(0, INT_MAX);
    m_accelerators->setSuffix(tr(" accelerators"));
    m_accelerators->setGroupSeparatorShown(true);
    m_hours->setRange(0, INT_MAX);
    m_hours->setSingleStep(1000);
    m_hours->setGroupSeparatorShown(true);
    m_hours->setSpecialValueText(tr("no limit"));
    m_hours->setToolTip(tr("Accelerator-hours that may be consumed per calendar month; 0 for no "
                           "limit."));
    m_reason->setPlaceholderText(tr("Optional: kept in the audit log"));
    m_reasonHint = new TextLimitHint(m_reason, kReasonLimit, this);

    auto *form = new QFormLayout;
    form->addRow(tr("&Tenant or project:"), m_target);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&At once:"), m_accelerators);
    form->addRow(tr("Accelerator-&hours a month:"), m_hours);
    form->addRow(tr("&Reason:"), m_reason);
    form->addRow(QString(), m_reasonHint);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_summary->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("SetQuotaSummary"));
    layout->addWidget(m_summary);
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(
        QStringLiteral("color: %1;").arg(widgets::Palette::warningText().name()));
    layout->addWidget(m_warning);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Set quota"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_target, &QComboBox::currentIndexChanged, this, &SetQuotaDialog::targetOrModelChanged);
    connect(m_model, &QComboBox::currentIndexChanged, this, &SetQuotaDialog::targetOrModelChanged);
    connect(m_accelerators, &QSpinBox::valueChanged, this, &SetQuotaDialog::update);
    connect(m_hours, &QSpinBox::valueChanged, this, &SetQuotaDialog::update);
    connect(m_reasonHint, &TextLimitHint::measured, this, &SetQuotaDialog::update);
    targetOrModelChanged();
    if (initial.accelerators > 0)
        m_accelerators->setValue(int(std::min<qint64>(initial.accelerators, INT_MAX)));
    setMinimumWidth(520);
    m_accelerators->setFocus();
    m_accelerators->selectAll();
}

QuotaChange SetQuotaDialog::change() const
{
    QuotaChange c;
    const QStringList target = m_target->currentData().toStringList();
    if (target.size() == 2) {
        c.tenant = target.at(0);
        c.project = target.at(1);
    }
    const int model = m_model->currentData().toInt();
    c.allModels = model == kAllModels;
    c.model = c.allModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED
                          : static_cast<v1::AcceleratorModel>(model);
    c.accelerators = m_accelerators->value();
    c.acceleratorHours = m_hours->value();
    c.reason = m_reason->text().trimmed();
    return c;
}

std::pair<qint64, qint64> SetQuotaDialog::current(
    const QHash<QString, v1::Tenant> &tenants, const QuotaChange &change)
{
    const auto it = tenants.constFind(change.tenant);
    if (it == tenants.constEnd())
        return { 0, 0 };
    const Limits *limits = quotaLimitsOf(*it, change.project.toStdString());
    if (!limits)
        return { 0, 0 };
    const v1::QuotaLimit *l = findQuotaLimit(*limits, change.kind());
    return l ? std::pair<qint64, qint64> { l->max_accelerators(), l->max_accelerator_hours() }
             : std::pair<qint64, qint64> { 0, 0 };
}

QString SetQuotaDialog::describe(const QuotaChange &change, qint64 acceleratorsNow, qint64 hoursNow)
{
    const QLocale locale;
    QString text = tr("%1: %2 %3 → %4 accelerators at once")
                       .arg(Words::owner(change.tenant.toStdString(), change.project.toStdString()),
                           Words::quotaKindName(change.kind()), locale.toString(acceleratorsNow),
                           locale.toString(change.accelerators));
    if (hoursNow != change.acceleratorHours)
        text += tr("; accelerator-hours a month: %1 → %2")
                    .arg(hoursText(hoursNow), hoursText(change.acceleratorHours));
    return text;
}

void SetQuotaDialog::targetOrModelChanged()
{
    const auto [accelerators, hours] = current(m_tenants, change());
    const QSignalBlocker a(m_accelerators);
    const QSignalBlocker h(m_hours);
    m_accelerators->setValue(int(std::min<qint64>(accelerators, INT_MAX)));
    m_hours->setValue(int(std::min<qint64>(hours, INT_MAX)));
    update();
}

void SetQuotaDialog::update()
{
    const QuotaChange c = change();
    const auto [accelerators, hours] = current(m_tenants, c);
    const bool changed = c.accelerators != accelerators || c.acceleratorHours != hours;
    m_summary->setText(changed ? describe(c, accelerators, hours)
                               : tr("This is the quota in force; change a limit to set it."));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(changed && !c.tenant.isEmpty() && m_reasonHint->fits());

    // Projects' quotas sum within their tenant's: say so when the new one does not. A model's
    // limit above a limit across all models is allowed but changes nothing: say that too.
    QStringList warnings;
    const auto it = m_tenants.constFind(c.tenant);
    if (it != m_tenants.constEnd()) {
        const std::string project = c.project.toStdString();
        if (!c.project.isEmpty()) {
            const ProjectsHold hold = projectsHold(*it, project, c.kind(), c.accelerators);
            if (hold.after > hold.tenantCap && c.allModels)
                warnings.append(tr("The projects of %1 would hold %2 accelerators across all "
                                   "models against the tenant's limit of %3.")
                                    .arg(c.tenant, QLocale().toString(hold.after),
                                        QLocale().toString(hold.tenantCap)));
            else if (hold.after > hold.tenantCap)
                warnings.append(
                    tr("The projects of %1 would hold %2 %3 against the tenant's quota of %4.")
                        .arg(c.tenant, QLocale().toString(hold.after), Words::modelName(c.model),
                            QLocale().toString(hold.tenantCap)));
        }
        if (!c.allModels) {
            if (const auto below = allModelsLimitBelow(*it, project, c.accelerators))
                warnings.append(
                    tr("%1's limit across all models is %2 and is reached first: "
                       "a higher %3 limit changes nothing.")
                        .arg(QString::fromStdString(below->owner), QLocale().toString(below->limit),
                            Words::modelName(c.model)));
        }
    }
    m_warning->setText(warnings.join(u'\n'));
    m_warning->setVisible(!warnings.isEmpty());
}

QList<v1::AcceleratorModel> SetQuotaDialog::offeredModels(
    const google::protobuf::RepeatedPtrField<v1::AcceleratorCounts> &centre,
    const QHash<QString, v1::Tenant> &tenants)
{
    QList<v1::AcceleratorModel> models;
    auto add = [&models](v1::AcceleratorModel m) {
        if (m != v1::ACCELERATOR_MODEL_UNSPECIFIED && m != v1::ACCELERATOR_MODEL_OTHER
            && !models.contains(m))
            models.append(m);
    };
    for (const v1::AcceleratorCounts &c : centre)
        add(c.model());
    for (const v1::Tenant &t : tenants) {
        for (const v1::QuotaLimit &l : t.quotas())
            add(l.model());
    }
    return models;
}

bool SetQuotaDialog::ask(QWidget *parent, const QHash<QString, v1::Tenant> &tenants,
    const QList<v1::AcceleratorModel> &models, QuotaChange *change)
{
    SetQuotaDialog dialog(tenants, models, *change, parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *change = dialog.change();
    return true;
}

} // namespace suanli::app
