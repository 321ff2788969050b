#include "app/models/Words.h"

#include "client/Connection.h"
#include "client/SiteState.h"
#include "common/Describe.h"
#include "widgets/TimeText.h"

#include <QDateTime>
#include <QLocale>
#include <QVariant>
#include <cmath>

namespace suanli::app {

QString Words::centreName(const client::Connection *centre)
{
    const QString &name = centre->profile().name;
    const auto &overview = centre->site()->overview();
    if (QLocale().language() == QLocale::Chinese && !overview.site_name_zh().empty()
        && name == QString::fromStdString(overview.site()))
        return QString::fromStdString(overview.site_name_zh());
    return name;
}

namespace {

bool isSet(const google::protobuf::Timestamp &time)
{
    return time.seconds() != 0 || time.nanos() != 0;
}

QDateTime localTime(const google::protobuf::Timestamp &time)
{
    return QDateTime::fromMSecsSinceEpoch(time.seconds() * 1000 + time.nanos() / 1'000'000)
        .toLocalTime();
}

} // namespace

QString Words::nodeState(int state)
{
    switch (state) {
    case v1::NODE_STATE_IDLE:
        return tr("idle");
    case v1::NODE_STATE_ALLOCATED:
        return tr("allocated");
    case v1::NODE_STATE_MIXED:
        return tr("mixed");
    case v1::NODE_STATE_DRAINING:
        return tr("draining");
    case v1::NODE_STATE_DRAINED:
        return tr("drained");
    case v1::NODE_STATE_DOWN:
        return tr("down");
    case v1::NODE_STATE_MAINTENANCE:
        return tr("maintenance");
    default:
        return tr("unknown");
    }
}

QString Words::jobState(int state)
{
    switch (state) {
    case v1::JOB_STATE_PENDING:
        return tr("pending");
    case v1::JOB_STATE_RUNNING:
        return tr("running");
    case v1::JOB_STATE_HELD:
        return tr("held");
    case v1::JOB_STATE_COMPLETING:
        return tr("completing");
    case v1::JOB_STATE_COMPLETED:
        return tr("completed");
    case v1::JOB_STATE_FAILED:
        return tr("failed");
    case v1::JOB_STATE_CANCELLED:
        return tr("cancelled");
    default:
        return tr("unknown");
    }
}

QString Words::severity(int severity)
{
    switch (severity) {
    case v1::SEVERITY_INFO:
        return tr("info");
    case v1::SEVERITY_WARNING:
        return tr("warning");
    case v1::SEVERITY_CRITICAL:
        return tr("critical");
    default:
        return tr("unknown");
    }
}

QString Words::quotaRequestState(int state)
{
    switch (state) {
    case v1::QUOTA_REQUEST_STATE_PENDING:
        return tr("pending", "quota request state");
    case v1::QUOTA_REQUEST_STATE_APPROVED:
        return tr("approved");
    case v1::QUOTA_REQUEST_STATE_REJECTED:
        return tr("rejected");
    case v1::QUOTA_REQUEST_STATE_EXPIRED:
        return tr("expired");
    default:
        return tr("unknown");
    }
}

QString Words::role(int role)
{
    switch (role) {
    case v1::ROLE_VIEWER:
        return tr("viewer");
    case v1::ROLE_OPERATOR:
        return tr("operator");
    case v1::ROLE_TENANT_MANAGER:
        return tr("tenant manager");
    case v1::ROLE_ADMIN:
        return tr("admin");
    default:
        return tr("unknown");
    }
}

QString Words::alertKind(const QString &kind)
{
    if (kind == u"node_down")
        return tr("node down");
    if (kind == u"xid")
        return tr("XID error");
    if (kind == u"ecc")
        return tr("ECC errors");
    if (kind == u"thermal")
        return tr("overheating");
    if (kind == u"queue_wait")
        return tr("long queue wait");
    if (kind == u"scheduler_unreachable")
        return tr("scheduler unreachable");
    return kind;
}

QString Words::modelName(v1::AcceleratorModel model, std::string_view backendName)
{
    return QString::fromStdString(modelDisplayName(model, backendName));
}

QString Words::quotaKindName(QuotaKind kind)
{
    return kind.allModels ? tr("All models") : modelName(kind.model);
}

QString Words::noData()
{
    return QStringLiteral("\u2014");
}

QString Words::noDataTooltip()
{
    return tr("no data");
}

QString Words::noTelemetry()
{
    return tr("No data");
}

QString Words::noTelemetryTooltip()
{
    return tr("This centre reports no accelerator telemetry, so utilisation, power and carbon "
              "are not measured. Start its gateway with --metrics-url to collect them.");
}

QString Words::number(qint64 value)
{
    return QLocale().toString(value);
}

QString Words::percent(double value)
{
    return tr("%1 %").arg(QLocale().toString(value, 'f', 1));
}

QString Words::power(double watts)
{
    const QLocale locale;
    const double magnitude = std::abs(watts);
    if (magnitude >= 1e6)
        return tr("%1 MW").arg(locale.toString(watts / 1e6, 'f', 2));
    if (magnitude >= 1e3)
        return tr("%1 kW").arg(locale.toString(watts / 1e3, 'f', 1));
    return tr("%1 W").arg(locale.toString(watts, 'f', 0));
}

QString Words::temperature(double celsius)
{
    return tr("%1 °C").arg(QLocale().toString(celsius, 'f', 0));
}

QString Words::duration(qint64 seconds)
{
    const QLocale locale;
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(locale.toString(seconds));
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%1 min").arg(locale.toString(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%1 h %2 min").arg(locale.toString(hours), locale.toString(minutes % 60));
    return tr("%1 d %2 h").arg(locale.toString(hours / 24), locale.toString(hours % 24));
}

// 24-hour and ISO-like in every language ("2026-12-07 13:31:05", widgets::TimeText); a centre's
// times are in its own clock's frame, the one the gateway stamps all its records with.
QString Words::dateTime(const google::protobuf::Timestamp &time)
{
    if (!isSet(time))
        return {};
    return widgets::TimeText::dateTime(localTime(time));
}

QString Words::date(const google::protobuf::Timestamp &time)
{
    if (!isSet(time))
        return {};
    return widgets::TimeText::date(localTime(time).date());
}

QVariant Words::seconds(const google::protobuf::Timestamp &time)
{
    if (!isSet(time))
        return {};
    return QVariant::fromValue<qint64>(time.seconds());
}

QString Words::owner(const std::string &tenant, const std::string &project)
{
    if (project.empty())
        return QString::fromStdString(tenant);
    return tr("%1 / %2").arg(QString::fromStdString(tenant), QString::fromStdString(project));
}

QString Words::tenantName(
    const std::string &id, const std::string &english, const std::string &chinese)
{
    const std::string &name
        = QLocale().language() == QLocale::Chinese && !chinese.empty() ? chinese : english;
    return name.empty() || name == id
        ? QString::fromStdString(id)
        : tr("%1 (%2)", "a tenant's name and its id: Galaxy AI (galaxy)")
              .arg(QString::fromStdString(name), QString::fromStdString(id));
}

QString Words::list(const QStringList &items)
{
    return items.join(tr(", ", "separator of list items"));
}

} // namespace suanli::app
