#pragma once

#include "server/backends/Backend.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace suanli::server {

// SiteProfile describes one of the named centres the simulator can play
// (docs/FACTS.md sections 2-4): where it is, its PUE, its province's grid carbon
// factor, and the accelerator models installed.
struct SiteProfile {
    std::string id; // "lingang"
    std::string prefix; // node-name prefix: "lg"
    std::string name; // "Shanghai Lingang"
    std::string nameZh; // "上海临港"
    std::string province;
    double pue = 1.3;
    // The province's grid factor (GridCarbon), gCO2/kWh.
    double carbonGPerKwh = 0;
    // Share of the centre's nodes per model; sums to 1.
    std::vector<std::pair<::suanli::v1::AcceleratorModel, double>> mix;
    // Load level per model: the accelerators its tenants keep asking for (running and
    // waiting) as a share of the model's accelerators. 1 or more: saturated, a queue
    // always waits; below 1: that share is busy and the rest sits idle. A model not
    // listed is saturated (docs/FACTS.md section 6: flagships short of accelerators,
    // newer inland centres used at 20-30 %).
    std::vector<std::pair<::suanli::v1::AcceleratorModel, double>> demand;

    // The load level of a model (1.5, saturated, when not listed).
    double demandOf(::suanli::v1::AcceleratorModel model) const;

    SiteInfo info() const;

    // nullptr when id names no known centre.
    static const SiteProfile *find(std::string_view id);
    static const std::vector<SiteProfile> &all();
};

} // namespace suanli::server
