#include "server/metrics/MetricsHistory.h"

#include "common/MetricNames.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <mutex>
#include <string_view>

namespace suanli::server {
namespace {

constexpr uint8_t kMissing8 = 0xFF;
constexpr uint16_t kMissing16 = 0xFFFF;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Metric numbers of the quantised rings, in nodeMetrics() order.
enum RingMetric { Utilisation = 0, Temperature = 1, Power = 2, Memory = 3 };

int64_t floorDiv(int64_t a, int64_t b)
{
    const int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

int64_t floorMod(int64_t a, int64_t b)
{
    return a - floorDiv(a, b) * b;
}

// Clamps to [0, max] and quantises to `stepsPerUnit`; NaN becomes `missing`.
template <class T> T quantise(float v, float max, float stepsPerUnit, T missing)
{
    if (std::isnan(v))
        return missing;
    const float clamped = std::clamp(v, 0.0f, max);
    return static_cast<T>(std::lround(clamped * stepsPerUnit));
}

uint8_t encodePercent(float v)
{
    return quantise<uint8_t>(v, 100.0f, 2.0f, kMissing8);
}
uint8_t encodeTemperature(float v)
{
    return quantise<uint8_t>(v, 127.0f, 2.0f, kMissing8);
}
uint16_t encodePower(float v)
{
    return quantise<uint16_t>(v, 65534.0f, 1.0f, kMissing16);
}
double decodeHalf(uint8_t code)
{
    return code == kMissing8 ? kNaN : code * 0.5;
}
double decodePower(uint16_t code)
{
    return code == kMissing16 ? kNaN : static_cast<double>(code);
}

// Resizes to exactly `size` elements without the doubling of vector growth.
template <class T> void resizeExact(std::vector<T> &v, size_t size, bool keep, T fill)
{
    std::vector<T> next;
    next.reserve(size);
    if (keep)
        next.assign(v.begin(), v.begin() + static_cast<ptrdiff_t>(std::min(v.size(), size)));
    next.resize(size, fill);
    v.swap(next);
}

template <class T> size_t bytesOf(const std::vector<T> &v)
{
    return v.capacity() * sizeof(T);
}

const std::vector<std::string> &seriesDefaults(v1::MetricScope scope)
{
    using namespace ::suanli::metric;
    static const std::vector<std::string> site = {
        kUtilisationPercent,
        kItPowerWatts,
        kFacilityPowerWatts,
        kPue,
        kCarbonIntensityGPerKwh,
        kEmissionsKgPerHour,
        kJobsRunning,
        kJobsPending,
        kAcceleratorsInUse,
    };
    static const std::vector<std::string> queue = {
        kJobsPending,
        kJobsRunning,
        kWaitSecondsP50,
        kWaitSecondsP95,
        kAcceleratorsFree,
    };
    static const std::vector<std::string> tenant = { kAcceleratorsInUse, kAcceleratorHours };
    static const std::vector<std::string> none;
    switch (scope) {
    case v1::METRIC_SCOPE_SITE:
        return site;
    case v1::METRIC_SCOPE_QUEUE:
        return queue;
    case v1::METRIC_SCOPE_TENANT:
        return tenant;
    default:
        return none;
    }
}

bool isSeriesScope(v1::MetricScope scope)
{
    return scope == v1::METRIC_SCOPE_SITE || scope == v1::METRIC_SCOPE_QUEUE
        || scope == v1::METRIC_SCOPE_TENANT;
}

const char *scopeWord(v1::MetricScope scope)
{
    switch (scope) {
    case v1::METRIC_SCOPE_SITE:
        return "site";
    case v1::METRIC_SCOPE_NODE:
        return "node";
    case v1::METRIC_SCOPE_ACCELERATOR:
        return "accelerator";
    case v1::METRIC_SCOPE_TENANT:
        return "tenant";
    case v1::METRIC_SCOPE_QUEUE:
        return "queue";
    default:
        return "unspecified";
    }
}

std::string timeText(int64_t seconds)
{
    const time_t t = static_cast<time_t>(seconds);
    struct tm tm { };
    char buf[40];
    if (!gmtime_r(&t, &tm) || std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
        return std::to_string(seconds) + "s";
    return buf;
}

std::string durationText(const google::protobuf::Duration &d)
{
    if (d.nanos() == 0)
        return std::to_string(d.seconds()) + "s";
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.9g", d.seconds() + d.nanos() / 1e9);
    return std::string(buf) + "s";
}

std::string joined(const std::vector<std::string> &names)
{
    std::string out;
    for (const std::string &n : names) {
        if (!out.empty())
            out += ", ";
        out += n;
    }
    return out;
}

bool setError(int *errorCode, std::string *error, int code, std::string message)
{
    if (errorCode)
        *errorCode = code;
    if (error)
        *error = std::move(message);
    return false;
}

// Points of a query: step-aligned from start to end inclusive.
int64_t pointCount(int64_t start, int64_t end, int64_t step)
{
    return (end - floorDiv(start, step) * step) / step + 1;
}

} // namespace

// ---------------------------------------------------------------------------
// Quantised rings

void MetricsHistory::QuantisedRing::reshape(size_t newEntities, bool keep)
{
    if (slotMinute.size() != static_cast<size_t>(slots))
        resizeExact(slotMinute, static_cast<size_t>(slots), false, kNoMinute);
    if (newest == kNoMinute) {
        // Nothing recorded yet (a centre without a telemetry source may never
        // record anything): the rings are made at the first sample.
        for (auto *v : { &utilisation, &temperature, &memory })
            std::vector<uint8_t>().swap(*v);
        std::vector<uint16_t>().swap(power);
        entities = newEntities;
        return;
    }
    const size_t size = newEntities * static_cast<size_t>(slots);
    resizeExact(utilisation, size, keep, kMissing8);
    resizeExact(temperature, size, keep, kMissing8);
    resizeExact(power, size, keep, kMissing16);
    resizeExact(memory, size, keep, kMissing8);
    if (slotMinute.size() != static_cast<size_t>(slots))
        resizeExact(slotMinute, static_cast<size_t>(slots), false, kNoMinute);
    entities = newEntities;
}

int64_t MetricsHistory::QuantisedRing::start(int64_t minute) const
{
    return floorDiv(minute, width) * width;
}

bool MetricsHistory::QuantisedRing::covers(int64_t minute) const
{
    return newest != kNoMinute && minute <= newest
        && floorDiv(minute, width) > floorDiv(newest, width) - slots;
}

// Makes `minute`'s slot current (clearing what a previous lap left there).
// False when the minute is already out of the ring.
bool MetricsHistory::QuantisedRing::prepare(int64_t minute)
{
    if (slots == 0
        || (newest != kNoMinute && floorDiv(minute, width) <= floorDiv(newest, width) - slots))
        return false;
    if (const size_t size = entities * static_cast<size_t>(slots); utilisation.size() != size) {
        resizeExact(utilisation, size, false, kMissing8);
        resizeExact(temperature, size, false, kMissing8);
        resizeExact(power, size, false, kMissing16);
        resizeExact(memory, size, false, kMissing8);
    }
    const size_t slot = static_cast<size_t>(floorMod(floorDiv(minute, width), slots));
    if (slotMinute[slot] != start(minute)) {
        for (size_t e = 0; e < entities; ++e) {
            const size_t i = e * static_cast<size_t>(slots) + slot;
            utilisation[i] = kMissing8;
            temperature[i] = kMissing8;
            power[i] = kMissing16;
            memory[i] = kMissing8;
        }
        slotMinute[slot] = start(minute);
    }
    newest = newest == kNoMinute ? minute : std::max(newest, minute);
    return true;
}

void MetricsHistory::QuantisedRing::write(
    size_t entity, int64_t minute, float u, float t, float p, float m)
{
    const size_t i = entity * static_cast<size_t>(slots)
        + static_cast<size_t>(floorMod(floorDiv(minute, width), slots));
    utilisation[i] = encodePercent(u);
    temperature[i] = encodeTemperature(t);
    power[i] = encodePower(p);
    memory[i] = encodePercent(m);
}

double MetricsHistory::QuantisedRing::value(int metric, size_t entity, int64_t minute) const
{
    if (!covers(minute))
        return kNaN;
    const size_t slot = static_cast<size_t>(floorMod(floorDiv(minute, width), slots));
    if (slotMinute[slot] != start(minute))
        return kNaN;
    const size_t i = entity * static_cast<size_t>(slots) + slot;
    switch (metric) {
    case Utilisation:
        return decodeHalf(utilisation[i]);
    case Temperature:
        return decodeHalf(temperature[i]);
    case Power:
        return decodePower(power[i]);
    case Memory:
        return decodeHalf(memory[i]);
    default:
        return kNaN;
    }
}

size_t MetricsHistory::QuantisedRing::bytes() const
{
    return bytesOf(utilisation) + bytesOf(temperature) + bytesOf(power) + bytesOf(memory)
        + bytesOf(slotMinute);
}

double MetricsHistory::SeriesTarget::value(const std::vector<float> &ring, int64_t minute) const
{
    if (newest == kNoMinute || minute > newest || minute <= newest - kSeriesMinutes)
        return kNaN;
    const size_t slot = static_cast<size_t>(floorMod(minute, kSeriesMinutes));
    return slotMinute[slot] == minute ? static_cast<double>(ring[slot]) : kNaN;
}

// ---------------------------------------------------------------------------
// Recording

MetricsHistory::MetricsHistory(size_t nodeCount, size_t acceleratorsPerNode)
{
    m_nodes.slots = kNodeFineMinutes;
    m_nodeBuckets.slots = kNodeMinutes / kNodeBucketMinutes;
    m_nodeBuckets.width = kNodeBucketMinutes;
    m_accelerators.slots = kAcceleratorMinutes;
    resize(nodeCount, acceleratorsPerNode);
}

void MetricsHistory::resize(size_t nodeCount, size_t acceleratorsPerNode)
{
    std::unique_lock lock(m_mutex);
    m_nodes.reshape(nodeCount, true);
    m_nodeBuckets.reshape(nodeCount, true);
    m_accelerators.reshape(
        nodeCount * acceleratorsPerNode, acceleratorsPerNode == m_acceleratorsPerNode);
    m_acceleratorsPerNode = acceleratorsPerNode;
}

size_t MetricsHistory::nodeCount() const
{
    std::shared_lock lock(m_mutex);
    return m_nodes.entities;
}

size_t MetricsHistory::acceleratorsPerNode() const
{
    std::shared_lock lock(m_mutex);
    return m_acceleratorsPerNode;
}

void MetricsHistory::foldIntoBucket(size_t node, int64_t minute)
{
    // A late minute of a slot whose first minutes have left the hour leaves the slot as it was.
    const int64_t bucket = m_nodeBuckets.start(minute);
    if (!m_nodes.covers(bucket))
        return;
    float sums[4] = {};
    int counts[4] = {};
    for (int64_t m = bucket; m < bucket + kNodeBucketMinutes; ++m) {
        for (int metric = Utilisation; metric <= Memory; ++metric) {
            const double v = m_nodes.value(metric, node, m);
            if (!std::isnan(v)) {
                sums[metric] += static_cast<float>(v);
                ++counts[metric];
            }
        }
    }
    auto mean = [&](int metric) {
        return counts[metric] ? sums[metric] / static_cast<float>(counts[metric])
                              : std::numeric_limits<float>::quiet_NaN();
    };
    m_nodeBuckets.write(node, minute, mean(Utilisation), mean(Temperature), mean(Power), mean(Memory));
}

bool MetricsHistory::recordNodes(int64_t minute, const std::vector<NodeSample> &samples)
{
    std::unique_lock lock(m_mutex);
    if (!m_nodeBuckets.prepare(minute))
        return false;
    if (!m_nodes.prepare(minute)) {
        // Older than the last hour: the sample is its five-minute slot's value.
        for (const NodeSample &s : samples) {
            if (s.nodeIndex < m_nodeBuckets.entities)
                m_nodeBuckets.write(s.nodeIndex, minute, s.utilisationPercent,
                    s.temperatureCelsius, s.powerWatts, s.memoryUsedPercent);
        }
        return true;
    }
    // Accelerators keep only an hour, as the one-minute node slots do.
    const bool accelerators = m_accelerators.prepare(minute);
    for (const NodeSample &s : samples) {
        if (s.nodeIndex >= m_nodes.entities)
            continue;
        m_nodes.write(s.nodeIndex, minute, s.utilisationPercent, s.temperatureCelsius, s.powerWatts,
            s.memoryUsedPercent);
        foldIntoBucket(s.nodeIndex, minute);
        if (!accelerators)
            continue;
        const size_t count = std::min(s.accelerators.size(), m_acceleratorsPerNode);
        for (size_t a = 0; a < count; ++a) {
            const NodeSample::Acc &acc = s.accelerators[a];
            m_accelerators.write(s.nodeIndex * m_acceleratorsPerNode + a, minute,
                acc.utilisationPercent, acc.temperatureCelsius, acc.powerWatts,
                acc.memoryUsedPercent);
        }
    }
    return true;
}

bool MetricsHistory::recordSeries(v1::MetricScope scope, const std::string &target, int64_t minute,
    const std::vector<std::pair<std::string, double>> &values)
{
    if (!isSeriesScope(scope) || (scope == v1::METRIC_SCOPE_SITE) != target.empty())
        return false;
    std::unique_lock lock(m_mutex);
    SeriesTarget &t = m_series[{ scope, target }];
    if (t.slotMinute.empty())
        t.slotMinute.assign(kSeriesMinutes, kNoMinute);
    if (t.newest != kNoMinute && minute <= t.newest - kSeriesMinutes)
        return false;
    const size_t slot = static_cast<size_t>(floorMod(minute, kSeriesMinutes));
    if (t.slotMinute[slot] != minute) {
        for (auto &[name, ring] : t.values)
            ring[slot] = std::numeric_limits<float>::quiet_NaN();
        t.slotMinute[slot] = minute;
    }
    t.newest = t.newest == kNoMinute ? minute : std::max(t.newest, minute);
    std::set<std::string> &recorded = m_recordedNames[scope];
    for (const auto &[name, value] : values) {
        std::vector<float> &ring = t.values[name];
        if (ring.empty()) {
            ring.assign(kSeriesMinutes, std::numeric_limits<float>::quiet_NaN());
            recorded.insert(name);
        }
        ring[slot] = static_cast<float>(value);
    }

    // Targets gone quiet for the whole retention (a deleted queue or tenant)
    // are dropped, once per minute the scope advances.
    auto [newest, inserted] = m_scopeNewest.try_emplace(scope, minute);
    if (!inserted && minute > newest->second) {
        newest->second = minute;
        for (auto it = m_series.lower_bound({ scope, std::string() });
             it != m_series.end() && it->first.first == scope;) {
            if (it->second.newest <= minute - kSeriesMinutes)
                it = m_series.erase(it);
            else
                ++it;
        }
    }
    return true;
}

void MetricsHistory::setNodeTelemetryAvailable(bool available)
{
    m_nodeTelemetryAvailable.store(available);
}

bool MetricsHistory::nodeTelemetryAvailable() const
{
    return m_nodeTelemetryAvailable.load();
}

void MetricsHistory::setUnavailableSeries(v1::MetricScope scope, std::set<std::string> metrics)
{
    {
        std::shared_lock lock(m_mutex);
        auto it = m_unavailableSeries.find(scope);
        if (it == m_unavailableSeries.end() ? metrics.empty() : it->second == metrics)
            return;
    }
    std::unique_lock lock(m_mutex);
    m_unavailableSeries[scope] = std::move(metrics);
}

// ---------------------------------------------------------------------------
// Queries

const std::vector<std::string> &MetricsHistory::nodeMetrics()
{
    using namespace ::suanli::metric;
    static const std::vector<std::string> names = {
        kUtilisationPercent,
        kTemperatureCelsius,
        kPowerWatts,
        kMemoryUsedPercent,
    };
    return names;
}

std::string MetricsHistory::unitOf(const std::string &metric)
{
    const std::string_view base = ::suanli::metric::baseName(metric);
    auto endsWith = [&](std::string_view s) {
        return base.size() >= s.size() && base.substr(base.size() - s.size()) == s;
    };
    auto startsWith = [&](std::string_view s) { return base.substr(0, s.size()) == s; };
    if (base == ::suanli::metric::kPue)
        return "ratio";
    if (endsWith("_percent"))
        return "percent";
    if (endsWith("_watts"))
        return "watts";
    if (endsWith("_celsius"))
        return "celsius";
    if (endsWith("_g_per_kwh"))
        return "g_per_kwh";
    if (endsWith("_kg_per_hour"))
        return "kg_per_hour";
    if (endsWith("_bytes"))
        return "bytes";
    if (endsWith("_hours"))
        return "hours";
    if (endsWith("_seconds") || base.find("_seconds_") != std::string_view::npos)
        return "seconds";
    if (startsWith("jobs_") || startsWith("accelerators_") || startsWith("nodes_"))
        return "count";
    return {};
}

// What a validated request reads. Pointers are valid while the lock is held.
struct MetricsHistory::Plan {
    struct Metric {
        std::string name;
        int ringMetric = -1; // node and accelerator scopes
        const std::vector<float> *ring = nullptr; // series scopes; null: never recorded
        bool available = true;
    };
    const QuantisedRing *quantised = nullptr;
    // Node scope: the five-minute means, read for minutes older than `quantised` holds.
    const QuantisedRing *older = nullptr;
    size_t entity = 0;
    const SeriesTarget *target = nullptr; // null: nothing recorded for it yet
    int64_t retentionMinutes = 0;
    bool available = true;
    std::vector<Metric> metrics;

    int64_t newest() const
    {
        if (quantised)
            return quantised->newest;
        return target ? target->newest : kNoMinute;
    }
    double value(const Metric &m, int64_t minute) const
    {
        if (older && !quantised->covers(minute))
            return older->value(m.ringMetric, entity, minute);
        if (quantised)
            return quantised->value(m.ringMetric, entity, minute);
        return target && m.ring ? target->value(*m.ring, minute) : kNaN;
    }
};

bool MetricsHistory::knownSeriesMetric(v1::MetricScope scope, const std::string &metric) const
{
    const std::string base(::suanli::metric::baseName(metric));
    const std::vector<std::string> &defaults = seriesDefaults(scope);
    for (const std::string &name : { metric, base }) {
        if (std::find(defaults.begin(), defaults.end(), name) != defaults.end())
            return true;
        auto recorded = m_recordedNames.find(scope);
        if (recorded != m_recordedNames.end() && recorded->second.count(name))
            return true;
    }
    return false;
}

std::vector<std::string> MetricsHistory::knownMetrics(v1::MetricScope scope) const
{
    if (!isSeriesScope(scope))
        return nodeMetrics();
    std::vector<std::string> names = seriesDefaults(scope);
    if (auto recorded = m_recordedNames.find(scope); recorded != m_recordedNames.end()) {
        for (const std::string &name : recorded->second) {
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(name);
        }
    }
    return names;
}

bool MetricsHistory::plan(v1::MetricScope scope, const std::string &target,
    const google::protobuf::RepeatedPtrField<std::string> &metrics,
    std::optional<uint32_t> nodeIndex, Plan *out, int *errorCode, std::string *error) const
{
    // Argument checks first (INVALID_ARGUMENT), then existence (NOT_FOUND).
    std::optional<uint32_t> acceleratorIndex;
    switch (scope) {
    case v1::METRIC_SCOPE_SITE:
        if (!target.empty())
            return setError(errorCode, error, kInvalidArgument,
                "target must be empty for METRIC_SCOPE_SITE (got \"" + target + "\")");
        break;
    case v1::METRIC_SCOPE_NODE:
    case v1::METRIC_SCOPE_QUEUE:
    case v1::METRIC_SCOPE_TENANT:
        if (target.empty())
            return setError(errorCode, error, kInvalidArgument,
                std::string("target must name a ") + scopeWord(scope) + " for "
                    + v1::MetricScope_Name(scope));
        break;
    case v1::METRIC_SCOPE_ACCELERATOR: {
        const size_t slash = target.rfind('/');
        const std::string index = slash == std::string::npos ? "" : target.substr(slash + 1);
        if (slash == 0 || index.empty() || index.size() > 4
            || !std::all_of(
                index.begin(), index.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return setError(errorCode, error, kInvalidArgument,
                "target must be \"node/index\" for METRIC_SCOPE_ACCELERATOR, e.g. "
                "\"lg-r0017-n3/5\" (got \""
                    + target + "\")");
        acceleratorIndex = static_cast<uint32_t>(std::stoul(index));
        break;
    }
    default:
        return setError(errorCode, error, kInvalidArgument,
            "scope must be one of METRIC_SCOPE_SITE, METRIC_SCOPE_NODE, "
            "METRIC_SCOPE_ACCELERATOR, METRIC_SCOPE_TENANT, METRIC_SCOPE_QUEUE (got "
                + std::to_string(static_cast<int>(scope)) + ")");
    }

    const bool series = isSeriesScope(scope);
    for (int i = 0; i < metrics.size(); ++i) {
        const std::string &name = metrics.Get(i);
        const bool known = series
            ? knownSeriesMetric(scope, name)
            : std::find(nodeMetrics().begin(), nodeMetrics().end(), name) != nodeMetrics().end();
        if (!known)
            return setError(errorCode, error, kInvalidArgument,
                "metrics[" + std::to_string(i) + "]: unknown metric \"" + name + "\" for "
                    + v1::MetricScope_Name(scope) + "; known: " + joined(knownMetrics(scope)));
    }

    Plan plan;
    if (series) {
        plan.retentionMinutes = kSeriesMinutes;
        auto it = m_series.find({ scope, target });
        plan.target = it == m_series.end() ? nullptr : &it->second;
        std::vector<std::string> names(metrics.begin(), metrics.end());
        if (names.empty()) {
            names = seriesDefaults(scope);
            if (plan.target) {
                for (const auto &[name, ring] : plan.target->values) {
                    if (std::find(names.begin(), names.end(), name) == names.end())
                        names.push_back(name);
                }
            }
        }
        const auto unavailable = m_unavailableSeries.find(scope);
        for (std::string &name : names) {
            Plan::Metric m;
            m.available = unavailable == m_unavailableSeries.end()
                || !unavailable->second.count(std::string(::suanli::metric::baseName(name)));
            if (plan.target && m.available) {
                auto ring = plan.target->values.find(name);
                m.ring = ring == plan.target->values.end() ? nullptr : &ring->second;
            }
            m.name = std::move(name);
            plan.metrics.push_back(std::move(m));
        }
    } else {
        const bool accelerator = scope == v1::METRIC_SCOPE_ACCELERATOR;
        const std::string node = accelerator ? target.substr(0, target.rfind('/')) : target;
        if (!nodeIndex || *nodeIndex >= m_nodes.entities)
            return setError(errorCode, error, kNotFound, "node \"" + node + "\" not found");
        if (accelerator && *acceleratorIndex >= m_acceleratorsPerNode)
            return setError(errorCode, error, kNotFound,
                "accelerator \"" + target + "\" not found (history keeps "
                    + std::to_string(m_acceleratorsPerNode) + " accelerators per node)");
        plan.quantised = accelerator ? &m_accelerators : &m_nodes;
        plan.older = accelerator ? nullptr : &m_nodeBuckets;
        plan.entity
            = accelerator ? *nodeIndex * m_acceleratorsPerNode + *acceleratorIndex : *nodeIndex;
        plan.retentionMinutes = accelerator ? kAcceleratorMinutes : kNodeMinutes;
        plan.available = m_nodeTelemetryAvailable.load();
        std::vector<std::string> names(metrics.begin(), metrics.end());
        if (names.empty())
            names = nodeMetrics();
        for (std::string &name : names) {
            Plan::Metric m;
            m.ringMetric
                = static_cast<int>(std::find(nodeMetrics().begin(), nodeMetrics().end(), name)
                    - nodeMetrics().begin());
            m.name = std::move(name);
            plan.metrics.push_back(std::move(m));
        }
    }
    *out = std::move(plan);
    setError(errorCode, error, kOk, {});
    return true;
}

v1::QueryMetricsResponse MetricsHistory::query(const v1::QueryMetricsRequest &request,
    std::optional<uint32_t> nodeIndex, int *errorCode, std::string *error) const
{
    const int64_t start = request.start_time().seconds();
    const int64_t end = request.end_time().seconds();
    const google::protobuf::Duration &stepField = request.step();
    const int64_t step = stepField.seconds();
    if (!request.has_start_time() || !request.has_end_time()) {
        setError(errorCode, error, kInvalidArgument,
            request.has_start_time() ? "end_time must be set" : "start_time must be set");
        return {};
    }
    if (start >= end) {
        setError(errorCode, error, kInvalidArgument,
            "start_time must be before end_time (got start_time " + timeText(start) + ", end_time "
                + timeText(end) + ")");
        return {};
    }
    if (step < 60 || (step == 60 && stepField.nanos() < 0)) {
        setError(errorCode, error, kInvalidArgument,
            "step must be at least 60s (got " + durationText(stepField) + ")");
        return {};
    }
    if (step % 60 != 0 || stepField.nanos() != 0) {
        setError(errorCode, error, kInvalidArgument,
            "step must be a multiple of 60s (got " + durationText(stepField) + ")");
        return {};
    }
    const int64_t points = pointCount(start, end, step);
    if (points > kMaxPointsPerSeries) {
        int64_t suggested = ((end - start) / (kMaxPointsPerSeries - 1) + 59) / 60 * 60;
        while (pointCount(start, end, suggested) > kMaxPointsPerSeries)
            suggested += 60;
        setError(errorCode, error, kInvalidArgument,
            "step " + std::to_string(step) + "s from start_time to end_time gives "
                + std::to_string(points) + " points per series, more than "
                + std::to_string(kMaxPointsPerSeries) + "; use a step of at least "
                + std::to_string(suggested) + "s or a shorter range");
        return {};
    }

    std::shared_lock lock(m_mutex);
    Plan p;
    if (!plan(
            request.scope(), request.target(), request.metrics(), nodeIndex, &p, errorCode, error))
        return {};

    v1::QueryMetricsResponse response;
    response.mutable_retention()->set_seconds(p.retentionMinutes * 60);
    const int64_t first = floorDiv(start, step) * step;
    const int64_t stepMinutes = step / 60;
    const int64_t newest = p.newest();
    // Only minutes still held can have values: clamp each bucket to them.
    const int64_t oldestHeld = newest == kNoMinute ? 0 : newest - p.retentionMinutes + 1;
    for (const Plan::Metric &metric : p.metrics) {
        v1::Series *series = response.add_series();
        series->set_metric(metric.name);
        series->set_unit(unitOf(metric.name));
        series->set_available(p.available && metric.available);
        if (!series->available())
            continue;
        series->mutable_times()->Reserve(static_cast<int>(points));
        series->mutable_values()->Reserve(static_cast<int>(points));
        for (int64_t k = 0; k < points; ++k) {
            const int64_t t = first + k * step;
            double sum = 0;
            int count = 0;
            if (newest != kNoMinute) {
                const int64_t from = std::max(floorDiv(t, 60), oldestHeld);
                const int64_t to = std::min(floorDiv(t, 60) + stepMinutes - 1, newest);
                for (int64_t minute = from; minute <= to; ++minute) {
                    const double v = p.value(metric, minute);
                    if (!std::isnan(v)) {
                        sum += v;
                        ++count;
                    }
                }
            }
            series->add_times(t);
            series->add_values(count ? sum / count : kNaN);
        }
    }
    return response;
}

std::optional<v1::MetricsPoint> MetricsHistory::latest(const v1::StreamMetricsRequest &request,
    std::optional<uint32_t> nodeIndex, int *errorCode, std::string *error) const
{
    std::shared_lock lock(m_mutex);
    Plan p;
    if (!plan(
            request.scope(), request.target(), request.metrics(), nodeIndex, &p, errorCode, error))
        return std::nullopt;
    int64_t newest = p.newest();
    if (newest == kNoMinute && !p.available) {
        for (const auto &[scope, minute] : m_scopeNewest)
            newest = std::max(newest, minute);
    }
    if (newest == kNoMinute)
        return std::nullopt;
    v1::MetricsPoint point;
    point.mutable_time()->set_seconds(newest * 60);
    if (!p.available)
        return point;
    for (const Plan::Metric &metric : p.metrics) {
        if (!metric.available)
            continue;
        const double v = p.value(metric, newest);
        if (!std::isnan(v))
            (*point.mutable_values())[metric.name] = v;
    }
    return point;
}

size_t MetricsHistory::memoryBytes() const
{
    std::shared_lock lock(m_mutex);
    size_t bytes
        = sizeof(*this) + m_nodes.bytes() + m_nodeBuckets.bytes() + m_accelerators.bytes();
    // Map nodes cost roughly their payload plus ~48 bytes of tree links.
    constexpr size_t kMapNode = 48;
    for (const auto &[key, target] : m_series) {
        bytes += kMapNode + sizeof(key) + key.second.capacity() + sizeof(target)
            + bytesOf(target.slotMinute);
        for (const auto &[name, ring] : target.values)
            bytes += kMapNode + sizeof(name) + name.capacity() + sizeof(ring) + bytesOf(ring);
    }
    for (const auto &[scope, names] : m_recordedNames) {
        for (const std::string &name : names)
            bytes += kMapNode + sizeof(name) + name.capacity();
    }
    return bytes;
}

} // namespace suanli::server
