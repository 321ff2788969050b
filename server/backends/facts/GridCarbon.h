#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace suanli::server {

// GridCarbon is China's grid carbon factor by province (MEE and NBS, 2022 figures, docs/FACTS.md
// section 3): what the simulated centres draw from their provinces' grids, and what a real
// centre configured with its province (suanlid serve --province) reports.
class GridCarbon {
public:
    struct Province {
        std::string name; // "Shanghai"
        std::string nameZh; // "上海"
        double gPerKwh = 0; // 2022 factor, gCO2 per kWh
    };

    GridCarbon() = delete;

    // The province named in English (any case: "shanghai") or Chinese ("上海"); nullptr when
    // the table has no factor for it.
    static const Province *find(std::string_view name);
    static const std::vector<Province> &provinces();
    // "Shanghai, Jiangsu, ...": the names find() knows, for messages.
    static std::string names();
};

} // namespace suanli::server
