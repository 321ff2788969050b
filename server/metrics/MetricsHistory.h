#pragma once

#include "server/backends/Backend.h"
#include "suanli/v1/telemetry.pb.h"

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <map>
#include <optional>
#include <set>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

namespace suanli::server {

// MetricsHistory keeps the gateway's telemetry history in bounded memory and
// answers QueryMetrics and StreamMetrics from it. Thread-safe: recording takes
// a write lock, queries a shared lock, so queries run alongside each other.
//
// Time is in minutes (unix seconds / 60). Every ring slot remembers which
// minute it holds; a slot holding another minute reads as NaN, so skipped
// minutes are gaps, times beyond the retention are NaN and a wrapped ring
// never shows data from a previous lap. Recording a minute again overwrites
// what that call provides (the last sample of a minute wins).
//
// Layout, structure of arrays, entity-major so one entity's history is
// contiguous for queries ([entity * slots + slot]):
// - nodes: the last hour in one-minute slots, and 24 h in five-minute slots
//   that each hold the mean of the minutes recorded in them (a node's chart
//   over a day needs no finer step; minutes of the last hour read the
//   one-minute slots, older minutes their five-minute slot's mean);
// - accelerators: 60 one-minute slots (1 h) per accelerator, entity
//   node * acceleratorsPerNode + index;
// each slot quantised to 5 bytes, the top code meaning "no sample" (NaN):
//   utilisation_percent, memory_used_percent: uint8, 0.5 % steps (0..200);
//   temperature_celsius: uint8, 0.5 °C steps, 0..127 °C (0..254);
//   power_watts: uint16, 1 W steps, 0..65,534 W.
// Out-of-range values are clamped. 20,000 nodes × 8 accelerators take
// 20,000 × (60 + 288) × 5 + 160,000 × 60 × 5 = 82.8 MB (memoryBytes()), made
// at the first sample: a centre without a telemetry source holds none of it.
// - site, queue and tenant series: 10,080 one-minute slots (7 days) of float
//   per (target, metric), allocated when first recorded (40 KB each) plus
//   80 KB of slot minutes per target. A target with nothing recorded within
//   7 days of its scope's newest minute is dropped.
class MetricsHistory {
public:
    // Error codes, numbered like grpc::StatusCode (gRPC is not linked here).
    static constexpr int kOk = 0;
    static constexpr int kInvalidArgument = 3;
    static constexpr int kNotFound = 5;

    static constexpr int64_t kNodeMinutes = 24 * 60;
    // Node history at one-minute resolution; older minutes are kept as
    // means of kNodeBucketMinutes.
    static constexpr int64_t kNodeFineMinutes = 60;
    static constexpr int64_t kNodeBucketMinutes = 5;
    static constexpr int64_t kAcceleratorMinutes = 60;
    static constexpr int64_t kSeriesMinutes = 7 * 24 * 60;
    static constexpr int64_t kMaxPointsPerSeries = 11000;

    // Room for nodes 0..nodeCount-1 with up to acceleratorsPerNode each.
    explicit MetricsHistory(size_t nodeCount = 0, size_t acceleratorsPerNode = 0);
    MetricsHistory(const MetricsHistory &) = delete;
    MetricsHistory &operator=(const MetricsHistory &) = delete;

    // Changes the room: history of nodes below the new count is kept;
    // accelerator history is kept only when acceleratorsPerNode is unchanged.
    void resize(size_t nodeCount, size_t acceleratorsPerNode);
    size_t nodeCount() const;
    size_t acceleratorsPerNode() const;

    // Records node and accelerator telemetry for `minute`. Samples whose
    // nodeIndex is beyond nodeCount(), and accelerators beyond
    // acceleratorsPerNode(), are ignored (resize() first). Returns false, and
    // records nothing, for a minute already older than 24 h of history. A
    // minute older than the last hour sets its five-minute slot (the last
    // sample wins there too).
    bool recordNodes(int64_t minute, const std::vector<NodeSample> &samples);

    // Records named values of a site (target ""), queue (its name) or tenant
    // (its id), e.g. "jobs_pending" or, per accelerator model,
    // "accelerators_in_use:H100". Returns false, recording nothing, for other
    // scopes, a site target that is not empty, or a minute older than 7 days
    // of that target's history.
    bool recordSeries(v1::MetricScope scope, const std::string &target, int64_t minute,
        const std::vector<std::pair<std::string, double>> &values);

    // False when the backend has no accelerator telemetry source: node and
    // accelerator series are then reported available=false with no points,
    // and latest() has no node or accelerator values.
    void setNodeTelemetryAvailable(bool available);
    bool nodeTelemetryAvailable() const;

    // Series of a site, queue or tenant scope that have no source at this gateway (a site's
    // "pue" nobody configured): reported available=false with no points, and absent from
    // latest(), whatever was recorded. Replaces the scope's previous set.
    void setUnavailableSeries(v1::MetricScope scope, std::set<std::string> metrics);

    // Answers QueryMetrics. The caller resolves the node name (for
    // accelerators: the part of "node/index" before the last '/') to its
    // index, nullopt when there is no such node. Points are at multiples of
    // step from start_time rounded down to a step up to end_time (inclusive);
    // each is the mean of the minutes in [time, time + step), NaN when none
    // has a sample. On error returns an empty response, *errorCode
    // kInvalidArgument (bad scope, target, metric, range or step; the message
    // names the field) or kNotFound (no such node or accelerator), and
    // *error a message a person can act on; on success *errorCode is kOk.
    // An empty metric list means every metric the scope has.
    v1::QueryMetricsResponse query(const v1::QueryMetricsRequest &request,
        std::optional<uint32_t> nodeIndex, int *errorCode, std::string *error) const;

    // The newest recorded minute of the request's target as one point, for
    // StreamMetrics: metrics without a value that minute are absent. Validates
    // like query(); nullopt with *errorCode kOk when nothing is recorded yet.
    // Node and accelerator targets without a telemetry source get a point with
    // no values at the newest minute recorded for anything, so a chart learns
    // the gateway's time and asks query(), which says the source is missing.
    std::optional<v1::MetricsPoint> latest(const v1::StreamMetricsRequest &request,
        std::optional<uint32_t> nodeIndex, int *errorCode, std::string *error) const;

    // Bytes held by the history (capacities of its buffers).
    size_t memoryBytes() const;

    // The four node and accelerator metrics, in the order they are reported.
    static const std::vector<std::string> &nodeMetrics();
    // Unit of a metric from its name ("power_watts" → "watts"; "pue" →
    // "ratio"; "jobs_pending" → "count"); empty when the name says none.
    static std::string unitOf(const std::string &metric);

private:
    static constexpr int64_t kNoMinute = std::numeric_limits<int64_t>::min();

    // Quantised node or accelerator history; see the layout above. Each slot
    // holds `width` minutes (1, or kNodeBucketMinutes); slotMinute holds the
    // first minute of what a slot holds.
    struct QuantisedRing {
        int64_t slots = 0;
        int64_t width = 1;
        size_t entities = 0;
        std::vector<uint8_t> utilisation;
        std::vector<uint8_t> temperature;
        std::vector<uint16_t> power;
        std::vector<uint8_t> memory;
        std::vector<int64_t> slotMinute;
        int64_t newest = kNoMinute;

        void reshape(size_t newEntities, bool keep);
        bool prepare(int64_t minute);
        // The first minute of `minute`'s slot.
        int64_t start(int64_t minute) const;
        // True when `minute` is within what the ring holds (its slot may still be empty).
        bool covers(int64_t minute) const;
        void write(size_t entity, int64_t minute, float utilisation, float temperature, float power,
            float memory);
        double value(int metric, size_t entity, int64_t minute) const;
        size_t bytes() const;
    };

    // History of one site, queue or tenant.
    struct SeriesTarget {
        std::vector<int64_t> slotMinute;
        std::map<std::string, std::vector<float>> values;
        int64_t newest = kNoMinute;

        double value(const std::vector<float> &ring, int64_t minute) const;
    };

    // Sets a node's five-minute slot of `minute` to the mean of its minutes in the last hour.
    void foldIntoBucket(size_t node, int64_t minute);

    struct Plan;
    bool plan(v1::MetricScope scope, const std::string &target,
        const google::protobuf::RepeatedPtrField<std::string> &metrics,
        std::optional<uint32_t> nodeIndex, Plan *out, int *errorCode, std::string *error) const;
    bool knownSeriesMetric(v1::MetricScope scope, const std::string &metric) const;
    std::vector<std::string> knownMetrics(v1::MetricScope scope) const;

    mutable std::shared_mutex m_mutex;
    size_t m_acceleratorsPerNode = 0;
    QuantisedRing m_nodes; // the last hour
    QuantisedRing m_nodeBuckets; // 24 h of five-minute means
    QuantisedRing m_accelerators;
    std::map<std::pair<int, std::string>, SeriesTarget> m_series;
    // Names ever recorded per scope: they become valid metric names.
    std::map<int, std::set<std::string>> m_recordedNames;
    std::map<int, int64_t> m_scopeNewest;
    std::map<int, std::set<std::string>> m_unavailableSeries;
    std::atomic<bool> m_nodeTelemetryAvailable { true };
};

} // namespace suanli::server
