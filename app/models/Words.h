#pragma once

#include "common/QuotaRules.h"
#include "suanli/v1/common.pb.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QVariant>
#include <google/protobuf/timestamp.pb.h>
#include <string_view>

namespace suanli::client {
class Connection;
}

namespace suanli::app {

// Words tells the console's models what to show: translated state names, and numbers, units,
// durations and times through QLocale, so "5.6 kW" and "97.3 %" read right in every language.
class Words {
    Q_DECLARE_TR_FUNCTIONS(Words)
public:
    Words() = delete;

    // A centre's name as the console shows it: the profile's name, or in a Chinese console the
    // gateway's Chinese name for the site when the profile is named as the gateway names it
    // ("Shanghai Lingang" → 上海临港). A name someone chose stays as they wrote it.
    static QString centreName(const client::Connection *centre);

    // State names by suanli.v1 enum number; "unknown" for a number the enum does not have.
    static QString nodeState(int state);
    static QString jobState(int state);
    static QString severity(int severity);
    static QString quotaRequestState(int state);
    static QString role(int role);
    // Alert kinds the gateway raises ("node_down", "xid") in words; others as they came.
    static QString alertKind(const QString &kind);

    // "H100", "Ascend 910B"; the backend's name for models Suanli does not know. Product names
    // are not translated.
    static QString modelName(v1::AcceleratorModel model, std::string_view backendName = {});
    // What a quota limits: the model's name, or "All models" for the one limit on every model
    // together.
    static QString quotaKindName(QuotaKind kind);

    // The dash shown where there is no value, and the tooltip that says why.
    static QString noData();
    static QString noDataTooltip();
    // Shown for utilisation, power and carbon of a centre whose overview says it has no
    // accelerator telemetry (telemetry_available false): the figure is not measured there.
    static QString noTelemetry();
    static QString noTelemetryTooltip();

    static QString number(qint64 value);
    // "97.3 %"
    static QString percent(double value);
    // "850 W", "5.6 kW", "1.25 MW"
    static QString power(double watts);
    // "64 °C"
    static QString temperature(double celsius);
    // "45 s", "12 min", "3 h 05 min", "2 d 4 h"
    static QString duration(qint64 seconds);
    // Local date and time, 24-hour and ISO-like in every language ("2026-12-07 13:31:05",
    // widgets::TimeText); empty when unset.
    static QString dateTime(const google::protobuf::Timestamp &time);
    // Local date, ISO-like in every language ("2026-12-07"); empty when unset.
    static QString date(const google::protobuf::Timestamp &time);
    // Seconds since the epoch, for SortRole; an invalid QVariant when unset.
    static QVariant seconds(const google::protobuf::Timestamp &time);
    // "galaxy / llm70b", or the tenant alone when there is no project.
    static QString owner(const std::string &tenant, const std::string &project);
    // A tenant or project as the Tenants page names it: "Galaxy AI (galaxy)", its Chinese name
    // when the console speaks Chinese and the gateway has one, the id alone when it has no name.
    static QString tenantName(
        const std::string &id, const std::string &english, const std::string &chinese);
    // Items of a list as the locale joins them ("a, b, c").
    static QString list(const QStringList &items);
};

} // namespace suanli::app
