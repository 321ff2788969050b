#pragma once

#include <map>
#include <string>

namespace suanli::server {

// Telemetry of one accelerator from an exporter; a field is set only when
// the exporter reports it.
struct AcceleratorReading {
    bool hasUtilisation = false, hasTemperature = false, hasPower = false, hasMemory = false;
    double utilisationPercent = 0;
    double temperatureCelsius = 0;
    double powerWatts = 0;
    double memoryUsedBytes = 0;
    double memoryTotalBytes = 0;
};

// Readings by node name, then accelerator index.
using ExporterReadings = std::map<std::string, std::map<int, AcceleratorReading>>;

// Parses Prometheus text exposition from NVIDIA's DCGM exporter
// (DCGM_FI_DEV_GPU_UTIL, _GPU_TEMP, _POWER_USAGE, _FB_USED, _FB_FREE; labels
// gpu and Hostname) or Huawei's Ascend npu-exporter (npu_chip_info_utilization,
// _temperature, _power, _hbm_used_memory, _hbm_total_memory; label id). The
// node comes from a Hostname, hostname, node or instance label, else
// `defaultNode` (an exporter scraped directly on one node).
ExporterReadings parseExporterMetrics(const std::string &text, const std::string &defaultNode = {});

} // namespace suanli::server
