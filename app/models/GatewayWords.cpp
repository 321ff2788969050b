#include "app/models/GatewayWords.h"

#include "app/models/Words.h"

#include <QDateTime>
#include <QLocale>

namespace suanli::app {

int GatewayWords::alertCauseArgs(v1::AlertCause cause)
{
    switch (cause) {
    case v1::ALERT_CAUSE_XID_79_FELL_OFF_BUS:
    case v1::ALERT_CAUSE_NODE_NOT_RESPONDING:
    case v1::ALERT_CAUSE_XID_48_DOUBLE_BIT_ECC:
    case v1::ALERT_CAUSE_XID_31_PAGE_FAULT:
    case v1::ALERT_CAUSE_XID_13_ENGINE_EXCEPTION:
    case v1::ALERT_CAUSE_AI_CORE_EXCEPTION:
    case v1::ALERT_CAUSE_CORRECTABLE_ECC_STORM:
        return 0;
    case v1::ALERT_CAUSE_ROCE_LINK_DOWN:
    case v1::ALERT_CAUSE_IB_LINK_DOWN:
    case v1::ALERT_CAUSE_UNCORRECTABLE_ECC:
    case v1::ALERT_CAUSE_CORE_EXCEPTION:
    case v1::ALERT_CAUSE_MEMORY_PAGE_FAULT:
    case v1::ALERT_CAUSE_THERMAL_THROTTLING:
        return 1;
    case v1::ALERT_CAUSE_HEARTBEAT_LOST:
    case v1::ALERT_CAUSE_DEVICE_NOT_RESPONDING:
        return 2;
    case v1::ALERT_CAUSE_DEVICE_COUNT_LOW:
    case v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE:
        return 3;
    default:
        return -1;
    }
}

QString GatewayWords::alertCause(v1::AlertCause cause, const QStringList &args)
{
    if (alertCauseArgs(cause) < 0 || args.size() != alertCauseArgs(cause))
        return {};
    const auto arg = [&](int i) { return args.at(i); };
    switch (cause) {
    case v1::ALERT_CAUSE_XID_79_FELL_OFF_BUS:
        return tr("XID 79: GPU fell off the bus");
    case v1::ALERT_CAUSE_HEARTBEAT_LOST:
        return tr("NHC: %1 %2 heartbeat lost").arg(arg(0), arg(1));
    case v1::ALERT_CAUSE_DEVICE_NOT_RESPONDING:
        return tr("NHC: %1 %2 not responding").arg(arg(0), arg(1));
    case v1::ALERT_CAUSE_ROCE_LINK_DOWN:
        return tr("NHC: RoCE link down (%1)").arg(arg(0));
    case v1::ALERT_CAUSE_IB_LINK_DOWN:
        return tr("NHC: IB link down (%1)").arg(arg(0));
    case v1::ALERT_CAUSE_NODE_NOT_RESPONDING:
        return tr("Not responding");
    case v1::ALERT_CAUSE_DEVICE_COUNT_LOW:
        return tr("NHC: %1 count %2 < %3").arg(arg(0), arg(1), arg(2));
    case v1::ALERT_CAUSE_XID_48_DOUBLE_BIT_ECC:
        return tr("XID 48: double-bit ECC error");
    case v1::ALERT_CAUSE_UNCORRECTABLE_ECC:
        if (arg(0) == u"HBM")
            return tr("uncorrectable HBM ECC error");
        if (arg(0) == u"memory")
            return tr("uncorrectable memory ECC error");
        return tr("uncorrectable %1 ECC error").arg(arg(0));
    case v1::ALERT_CAUSE_XID_31_PAGE_FAULT:
        return tr("XID 31: GPU memory page fault");
    case v1::ALERT_CAUSE_XID_13_ENGINE_EXCEPTION:
        return tr("XID 13: graphics engine exception");
    case v1::ALERT_CAUSE_AI_CORE_EXCEPTION:
        return tr("AI Core exception");
    case v1::ALERT_CAUSE_CORRECTABLE_ECC_STORM:
        return tr("HBM correctable ECC storm");
    case v1::ALERT_CAUSE_CORE_EXCEPTION:
        return tr("%1 core exception").arg(arg(0));
    case v1::ALERT_CAUSE_MEMORY_PAGE_FAULT:
        return tr("%1 memory page fault").arg(arg(0));
    case v1::ALERT_CAUSE_THERMAL_THROTTLING:
        return tr("thermal throttling at %1 °C").arg(arg(0));
    case v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE: {
        const QString backend = arg(0);
        const QString scheduler = backend == u"slurm" ? tr("Slurm")
            : backend == u"sim"                       ? tr("the simulated scheduler")
                                                      : backend;
        bool ok = false;
        const qint64 since = arg(1).toLongLong(&ok);
        google::protobuf::Timestamp at;
        at.set_seconds(since);
        const QString when = ok ? Words::dateTime(at) : arg(1);
        return arg(2).isEmpty()
            ? tr("%1 (the centre's scheduler) unreachable since %2").arg(scheduler, when)
            : tr("%1 (the centre's scheduler) unreachable since %2: %3")
                  .arg(scheduler, when, arg(2));
    }
    default:
        return {};
    }
}

QString GatewayWords::alertSummary(const v1::Alert &alert)
{
    const QString fallback = QString::fromStdString(alert.summary());
    QStringList args;
    for (const std::string &a : alert.cause_args())
        args.append(QString::fromStdString(a));
    const QString cause = alertCause(alert.cause(), args);
    if (cause.isEmpty())
        return fallback;
    const QString target = QString::fromStdString(alert.target());
    if (alert.kind() == "node_down")
        return tr("%1 down: %2").arg(target, cause);
    const qsizetype slash = target.lastIndexOf(u'/');
    if (slash > 0 && !alert.device().empty())
        return tr("%1 %2 %3: %4")
            .arg(target.left(slash), QString::fromStdString(alert.device()), target.mid(slash + 1),
                cause);
    // An alert about the centre as a whole (its scheduler): the cause says it all.
    if (alert.cause() == v1::ALERT_CAUSE_SCHEDULER_UNREACHABLE)
        return cause;
    return tr("%1: %2").arg(target, cause);
}

namespace {

// The provinces whose grid carbon factors the gateway has (suanlid serve --province), by the
// name it sends.
struct ProvinceName {
    const char *name;
    const char *words;
};
constexpr ProvinceName kProvinces[] = {
    { "Shanghai", QT_TRANSLATE_NOOP("GatewayWords", "Shanghai") },
    { "Jiangsu", QT_TRANSLATE_NOOP("GatewayWords", "Jiangsu") },
    { "Hubei", QT_TRANSLATE_NOOP("GatewayWords", "Hubei") },
    { "Henan", QT_TRANSLATE_NOOP("GatewayWords", "Henan") },
    { "Shaanxi", QT_TRANSLATE_NOOP("GatewayWords", "Shaanxi") },
    { "Sichuan", QT_TRANSLATE_NOOP("GatewayWords", "Sichuan") },
    { "Guangdong", QT_TRANSLATE_NOOP("GatewayWords", "Guangdong") },
};

} // namespace

QStringList GatewayWords::knownProvinces()
{
    QStringList names;
    for (const ProvinceName &p : kProvinces)
        names.append(QString::fromLatin1(p.name));
    return names;
}

QString GatewayWords::province(const QString &name)
{
    for (const ProvinceName &p : kProvinces)
        if (name == QLatin1String(p.name))
            return tr(p.words);
    return name;
}

} // namespace suanli::app
