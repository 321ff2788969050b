#include "server/backends/slurm/ExporterMetrics.h"

#include <cctype>
#include <cstdlib>
#include <sstream>
#include <string_view>

namespace suanli::server {

namespace {

// name{a="x",b="y"} value [timestamp]
bool parseLine(const std::string &line, std::string *name,
    std::map<std::string, std::string> *labels, double *value)
{
    size_t i = 0;
    while (i < line.size() && (std::isalnum(uint8_t(line[i])) || line[i] == '_' || line[i] == ':'))
        ++i;
    if (i == 0)
        return false;
    *name = line.substr(0, i);
    labels->clear();
    if (i < line.size() && line[i] == '{') {
        ++i;
        while (i < line.size() && line[i] != '}') {
            const size_t eq = line.find('=', i);
            if (eq == std::string::npos || eq + 1 >= line.size() || line[eq + 1] != '"')
                return false;
            std::string key = line.substr(i, eq - i);
            while (!key.empty() && (key.front() == ' ' || key.front() == ','))
                key.erase(0, 1);
            std::string val;
            size_t j = eq + 2;
            for (; j < line.size() && line[j] != '"'; ++j) {
                if (line[j] == '\\' && j + 1 < line.size())
                    ++j;
                val += line[j];
            }
            (*labels)[key] = val;
            i = j + 1;
            while (i < line.size() && (line[i] == ',' || line[i] == ' '))
                ++i;
        }
        ++i;
    }
    const char *start = line.c_str() + i;
    char *end = nullptr;
    *value = std::strtod(start, &end);
    return end != start;
}

std::string nodeOf(const std::map<std::string, std::string> &labels, const std::string &fallback)
{
    for (const char *key : { "Hostname", "hostname", "node", "nodename" }) {
        if (auto it = labels.find(key); it != labels.end() && !it->second.empty())
            return it->second;
    }
    if (auto it = labels.find("instance"); it != labels.end() && !it->second.empty()) {
        std::string host = it->second;
        if (auto colon = host.rfind(':'); colon != std::string::npos)
            host.resize(colon);
        return host;
    }
    return fallback;
}

int indexOf(const std::map<std::string, std::string> &labels)
{
    for (const char *key : { "gpu", "id", "npu", "device_id" }) {
        if (auto it = labels.find(key); it != labels.end()) {
            char *end = nullptr;
            const long n = std::strtol(it->second.c_str(), &end, 10);
            if (end != it->second.c_str())
                return int(n);
        }
    }
    return -1;
}

} // namespace

ExporterReadings parseExporterMetrics(const std::string &text, const std::string &defaultNode)
{
    ExporterReadings out;
    std::istringstream lines(text);
    std::string line, name;
    std::map<std::string, std::string> labels;
    double value = 0;
    constexpr double MiB = 1024.0 * 1024.0;
    std::map<std::string, std::map<int, double>> fbFree;
    while (std::getline(lines, line)) {
        if (line.empty() || line[0] == '#')
            continue;
        if (!parseLine(line, &name, &labels, &value))
            continue;
        const int index = indexOf(labels);
        const std::string node = nodeOf(labels, defaultNode);
        if (index < 0 || node.empty())
            continue;
        if (name == "DCGM_FI_DEV_GPU_UTIL" || name == "npu_chip_info_utilization") {
            auto &r = out[node][index];
            r.hasUtilisation = true;
            r.utilisationPercent = value;
        } else if (name == "DCGM_FI_DEV_GPU_TEMP" || name == "npu_chip_info_temperature") {
            auto &r = out[node][index];
            r.hasTemperature = true;
            r.temperatureCelsius = value;
        } else if (name == "DCGM_FI_DEV_POWER_USAGE" || name == "npu_chip_info_power") {
            auto &r = out[node][index];
            r.hasPower = true;
            r.powerWatts = value;
        } else if (name == "DCGM_FI_DEV_FB_USED") {
            auto &r = out[node][index];
            r.hasMemory = true;
            r.memoryUsedBytes = value * MiB;
        } else if (name == "DCGM_FI_DEV_FB_FREE") {
            fbFree[node][index] = value * MiB;
        } else if (name == "npu_chip_info_hbm_used_memory") {
            auto &r = out[node][index];
            r.hasMemory = true;
            r.memoryUsedBytes = value * MiB;
        } else if (name == "npu_chip_info_hbm_total_memory") {
            out[node][index].memoryTotalBytes = value * MiB;
        }
    }
    for (auto &[node, cards] : fbFree)
        for (auto &[index, free] : cards)
            if (auto &r = out[node][index]; r.hasMemory)
                r.memoryTotalBytes = r.memoryUsedBytes + free;
    return out;
}

} // namespace suanli::server
