#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QVector>

namespace suanli::client {

// One series of QueryMetrics as the console draws it: times in seconds since the epoch, values
// with NaN where no sample exists, and whether the centre measures the metric at all.
struct MetricSeries {
    QString metric; // "utilisation_percent"
    QString unit; // "percent", "watts" ...
    QVector<double> times;
    QVector<double> values;
    // False when the centre has no source for the metric (no exporter): show "no data".
    bool available = true;
};

// What a QueryMetrics call returned: the status and, on success, the series.
struct MetricsResult {
    // 0 (OK) or a grpc::StatusCode, with the gateway's message.
    int code = 0;
    QString message;
    QList<MetricSeries> series;
    // History the gateway keeps for this scope.
    qint64 retentionSeconds = 0;
    bool ok() const { return code == 0; }
    // The series of a metric, or null.
    const MetricSeries *find(const QString &metric) const
    {
        for (const MetricSeries &s : series)
            if (s.metric == metric)
                return &s;
        return nullptr;
    }
};

// One live sample from StreamMetrics: metrics without a source are absent.
struct MetricPoint {
    double time = 0;
    QHash<QString, double> values;
};

} // namespace suanli::client
