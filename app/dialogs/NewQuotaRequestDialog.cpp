#include "app/dialogs/NewQuotaRequestDialog.h"

#include "app/dialogs/SetQuotaDialog.h"
#include "app/dialogs/TextLimitHint.h"
#include "app/models/QuotaImpact.h"
#include "app/models/Words.h"
#include "client/Actions.h"
#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/QuotaRules.h"
#include "widgets/Palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimeZone>
#include <QVBoxLayout>
#include <algorithm>
#include <climits>

namespace suanli::app {

namespace {
// The model box's value for the limit across all models (no model has it).
constexpr int kAllModels = -1;
} // namespace

NewQuotaRequestDialog::NewQuotaRequestDialog(const QHash<QString, v1::Tenant> &tenants,
    const QList<v1::AcceleratorModel> &models, const v1::CreateQuotaRequestRequest &initial,
    QWidget *parent)
    : QDialog(parent)
    , m_tenants(tenants)
    , m_target(new QComboBox(this))
    , m_model(new QComboBox(this))
    , m_accelerators(new QSpinBox(this))
    , m_hours(new QSpinBox(this))
    , m_justification(new QPlainTextEdit(this))
    , m_limited(new QCheckBox(tr("Only &until"), this))
    , m_until(new QDateEdit(this))
    , m_summary(new QLabel(this))
    , m_warning(new QLabel(this))
    , m_overcommit(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Request quota"));
    QStringList ids = tenants.keys();
    std::sort(ids.begin(), ids.end());
    for (const QString &id : std::as_const(ids)) {
        const v1::Tenant &tenant = tenants.value(id);
        // As the Tenants page names them, projects under their tenant.
        m_target->addItem(Words::tenantName(tenant.id(), tenant.name(), tenant.name_zh()),
            QStringList { id, QString() });
        for (const v1::Project &p : tenant.projects())
            m_target->addItem(
                QStringLiteral("    ") + Words::tenantName(p.id(), p.name(), p.name_zh()),
                QStringList { id, QString::fromStdString(p.id()) });
    }
    const int targetIndex = m_target->findData(QStringList {
        QString::fromStdString(initial.tenant()), QString::fromStdString(initial.project()) });
    m_target->setCurrentIndex(std::max(targetIndex, 0));
    m_model->addItem(Words::quotaKindName(QuotaKind::acrossAllModels()), kAllModels);
    m_model->setItemData(0,
        tr("One limit on the accelerators of every model together; where the tenant or project "
           "has one, it is reached before any model's limit above it"),
        Qt::ToolTipRole);
    for (v1::AcceleratorModel model : models)
        m_model->addItem(Words::modelName(model), static_cast<int>(model));
    const int modelIndex
        = m_model->findData(initial.all_models() ? kAllModels : static_cast<int>(initial.model()));
    m_model->setCurrentIndex(modelIndex >= 0 ? modelIndex : std::min(1, m_model->count() - 1));
    m_warning->setObjectName(QStringLiteral("QuotaRequestWarning"));
    m_warning->setWordWrap(true);
    m_warning->setStyleSheet(
        QStringLiteral("color: %1;").arg(widgets::Palette::warningText().name()));
    m_overcommit->setObjectName(QStringLiteral("QuotaRequestOvercommit"));
    m_overcommit->setWordWrap(true);
    m_overcommit->setStyleSheet(m_warning->styleSheet());
    m_overcommit->hide();

    m_accelerators->setRange(1, INT_MAX);
    m_accelerators->setSuffix(tr(" accelerators"));
    m_accelerators->setGroupSeparatorShown(true);
    m_accelerators->setToolTip(tr("The new limit in total, not an increment."));
    m_hours->setRange(0, INT_MAX);
    m_hours->setSingleStep(1000);
    m_hours->setGroupSeparatorShown(true);
    m_hours->setSpecialValueText(tr("no limit"));
    m_justification->setPlaceholderText(
        tr("Required: what the quota is for, e.g. the training run and its deadline"));
    m_justification->setTabChangesFocus(true);
    m_justification->setFixedHeight(m_justification->fontMetrics().lineSpacing() * 4 + 12);
    m_justificationHint = new TextLimitHint(m_justification, kJustificationLimit, this);
    const QDate tomorrow = QDate::currentDate().addDays(1);
    m_until->setMinimumDate(tomorrow);
    m_until->setDate(tomorrow.addMonths(1));
    m_until->setCalendarPopup(true);
    m_until->setDisplayFormat(QStringLiteral("yyyy-MM-dd")); // as every date (widgets::TimeText)
    m_until->setEnabled(false);
    connect(m_limited, &QCheckBox::toggled, m_until, &QWidget::setEnabled);

    auto *untilRow = new QHBoxLayout;
    untilRow->addWidget(m_limited);
    untilRow->addWidget(m_until, 1);
    auto *form = new QFormLayout;
    form->addRow(tr("&Tenant or project:"), m_target);
    form->addRow(tr("&Model:"), m_model);
    form->addRow(tr("&New limit:"), m_accelerators);
    form->addRow(tr("Accelerator-&hours a month:"), m_hours);
    form->addRow(tr("&Why:"), m_justification);
    form->addRow(QString(), m_justificationHint);
    form->addRow(tr("Needed:"), untilRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    m_summary->setWordWrap(true);
    layout->addWidget(m_summary);
    layout->addWidget(m_warning);
    layout->addWidget(m_overcommit);
    layout->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Send request"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_target, &QComboBox::currentIndexChanged, this,
        &NewQuotaRequestDialog::targetOrModelChanged);
    connect(m_model, &QComboBox::currentIndexChanged, this,
        &NewQuotaRequestDialog::targetOrModelChanged);
    connect(m_accelerators, &QSpinBox::valueChanged, this, &NewQuotaRequestDialog::update);
    connect(m_justificationHint, &TextLimitHint::measured, this, &NewQuotaRequestDialog::update);
    connect(m_limited, &QCheckBox::toggled, this, &NewQuotaRequestDialog::update);
    connect(m_until, &QDateEdit::dateChanged, this, &NewQuotaRequestDialog::update);
    targetOrModelChanged();
    if (initial.max_accelerators() > 0)
        m_accelerators->setValue(int(std::min<qint64>(initial.max_accelerators(), INT_MAX)));
    setMinimumWidth(520);
}

const v1::Tenant *NewQuotaRequestDialog::targetTenant() const
{
    const QStringList target = m_target->currentData().toStringList();
    if (target.size() != 2)
        return nullptr;
    const auto it = m_tenants.constFind(target.at(0));
    return it == m_tenants.constEnd() ? nullptr : &it.value();
}

qint64 NewQuotaRequestDialog::currentLimit() const
{
    const v1::Tenant *tenant = targetTenant();
    if (!tenant)
        return 0;
    const v1::CreateQuotaRequestRequest r = request();
    const v1::Project *project = projectOf(*tenant, r.project());
    const v1::QuotaLimit *limit
        = findQuotaLimit(project ? project->quotas() : tenant->quotas(), QuotaKind::of(r));
    return limit ? limit->max_accelerators() : 0;
}

void NewQuotaRequestDialog::targetOrModelChanged()
{
    // Start from what is in force: the user says the new total.
    const QSignalBlocker block(m_accelerators);
    m_accelerators->setValue(int(std::min<qint64>(currentLimit(), INT_MAX)));
    update();
}

void NewQuotaRequestDialog::update()
{
    const v1::CreateQuotaRequestRequest r = request();
    const QLocale locale;
    QString text
        = tr("%1: %2 %3 → %4 accelerators")
              .arg(Words::owner(r.tenant(), r.project()), Words::quotaKindName(QuotaKind::of(r)),
                  locale.toString(currentLimit()), locale.toString(r.max_accelerators()));
    text += u'\n'
        + (r.has_until_time() ? tr("until %1").arg(Words::date(r.until_time()))
                              : tr("permanently"));
    if (r.project().empty())
        text += u'\n' + tr("A tenant's own quota is decided by a centre admin.");
    m_summary->setText(text);
    // A model's limit above a limit across all models could never be reached: the gateway
    // refuses it, so say which limit to ask for instead.
    QString warning;
    if (const v1::Tenant *tenant = targetTenant(); tenant && !r.all_models()) {
        if (const auto below = allModelsLimitBelow(*tenant, r.project(), r.max_accelerators()))
            warning = tr("%1's limit across all models is %2 and is reached first: a higher %3 "
                         "limit would change nothing. Ask for the limit across all models "
                         "instead.")
                          .arg(QString::fromStdString(below->owner), locale.toString(below->limit),
                              Words::modelName(r.model()));
    }
    m_warning->setText(warning);
    m_warning->setVisible(!warning.isEmpty());
    const QString overcommit = warning.isEmpty() ? overcommitWarning() : QString();
    m_overcommit->setText(overcommit);
    m_overcommit->setVisible(!overcommit.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!r.tenant().empty() && !m_justification->toPlainText().trimmed().isEmpty()
            && m_justificationHint->fits() && warning.isEmpty());
}

void NewQuotaRequestDialog::setCentre(const v1::Overview &overview, bool allTenants)
{
    m_overview = overview;
    m_allTenants = allTenants;
    update();
}

QString NewQuotaRequestDialog::overcommitWarning() const
{
    // The request as it would be sent, judged as its detail judges it once it is.
    const v1::CreateQuotaRequestRequest asked = request();
    if (asked.tenant().empty())
        return {};
    v1::QuotaRequest r;
    r.set_tenant(asked.tenant());
    r.set_project(asked.project());
    r.set_model(asked.model());
    r.set_all_models(asked.all_models());
    r.set_max_accelerators(asked.max_accelerators());
    r.set_max_accelerator_hours(asked.max_accelerator_hours());
    r.set_current_max_accelerators(currentLimit());
    r.set_state(v1::QUOTA_REQUEST_STATE_PENDING);
    const QuotaImpact impact = QuotaImpact::of(r, m_tenants, m_overview, m_allTenants);
    if (!impact.known)
        return {};
    const QLocale locale;
    QStringList lines;
    if (impact.forProject && impact.needsAdmin)
        lines.append(tr("Beyond the tenant's quota: %1 Only a centre admin may approve it.")
                         .arg(impact.needsAdminReason));
    if (impact.committedKnown && impact.committedAfter > impact.committedNow
        && impact.capacityLeftAfter() < 0)
        lines.append(
            tr("Tenants' quotas would add up to %1 of the centre's %2 accelerators: "
               "overcommitted by %3.")
                .arg(locale.toString(impact.committedAfter), locale.toString(impact.centreTotal),
                    locale.toString(-impact.capacityLeftAfter())));
    return lines.join(u'\n');
}

v1::CreateQuotaRequestRequest NewQuotaRequestDialog::request() const
{
    v1::CreateQuotaRequestRequest r;
    const QStringList target = m_target->currentData().toStringList();
    if (target.size() == 2) {
        r.set_tenant(target.at(0).toStdString());
        r.set_project(target.at(1).toStdString());
    }
    const int model = m_model->currentData().toInt();
    r.set_all_models(model == kAllModels);
    r.set_model(model == kAllModels ? v1::ACCELERATOR_MODEL_UNSPECIFIED
                                    : static_cast<v1::AcceleratorModel>(model));
    r.set_max_accelerators(m_accelerators->value());
    r.set_max_accelerator_hours(m_hours->value());
    r.set_justification(m_justification->toPlainText().trimmed().toStdString());
    if (m_limited->isChecked()) {
        // The end of that local day: the last moment the quota is asked for.
        const QDateTime end(m_until->date(), QTime(23, 59, 59));
        r.mutable_until_time()->set_seconds(end.toSecsSinceEpoch());
    }
    return r;
}

bool NewQuotaRequestDialog::askFor(
    QWidget *parent, client::Connection *connection, v1::CreateQuotaRequestRequest *request)
{
    const auto dialog = forCentre(parent, connection, *request);
    if (dialog->exec() != QDialog::Accepted)
        return false;
    *request = dialog->request();
    return true;
}

std::unique_ptr<NewQuotaRequestDialog> NewQuotaRequestDialog::forCentre(
    QWidget *parent, client::Connection *connection, const v1::CreateQuotaRequestRequest &initial)
{
    auto *site = connection->site();
    const auto &user = connection->identity().user();
    QHash<QString, v1::Tenant> mine;
    for (const v1::Tenant &t : site->tenants().items) {
        if (user.role() == v1::ROLE_ADMIN
            || std::find(user.tenants().begin(), user.tenants().end(), t.id())
                != user.tenants().end())
            mine.insert(QString::fromStdString(t.id()), t);
    }
    auto dialog = std::make_unique<NewQuotaRequestDialog>(mine,
        SetQuotaDialog::offeredModels(site->overview().accelerators(), site->tenants().items),
        initial, parent);
    // An admin's list holds every tenant: the centre's quotas can be added up.
    dialog->setCentre(site->overview(), user.role() == v1::ROLE_ADMIN);
    return dialog;
}

void NewQuotaRequestDialog::send(
    client::Connection *connection, const v1::CreateQuotaRequestRequest &request, Notify notify)
{
    connection->actions()->createQuotaRequest(request,
        [notify = std::move(notify)](
            const client::ActionResult &result, const v1::QuotaRequest &created) {
            if (!result.ok()) {
                notify(result.summary(), true,
                    result.codeName + QStringLiteral(": ") + result.message);
                return;
            }
            const QString id = QString::fromStdString(created.id());
            const QString owner = Words::owner(created.tenant(), created.project());
            const QString count = QLocale().toString(created.max_accelerators());
            notify(created.all_models()
                    ? tr("Sent %1: %2 asks for %3 accelerators across all models.")
                          .arg(id, owner, count)
                    : tr("Sent %1: %2 asks for %3 %4.")
                          .arg(id, owner, count, Words::modelName(created.model())),
                false, {});
        });
}

} // namespace suanli::app
