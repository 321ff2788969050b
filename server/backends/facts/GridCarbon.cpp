#include "server/backends/facts/GridCarbon.h"

#include <algorithm>

namespace suanli::server {

namespace {
bool sameAscii(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
        auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
        return lower(x) == lower(y);
    });
}
} // namespace

const std::vector<GridCarbon::Province> &GridCarbon::provinces()
{
    // Provincial factors for 2022, kgCO2/kWh x 1000 (docs/FACTS.md section 3, source [16]).
    static const std::vector<Province> table = {
        { "Shanghai", "上海", 584.9 },
        { "Jiangsu", "江苏", 597.8 },
        { "Hubei", "湖北", 436.4 },
        { "Henan", "河南", 605.8 },
        { "Shaanxi", "陕西", 655.8 },
        { "Sichuan", "四川", 140.4 },
        { "Guangdong", "广东", 440.3 },
    };
    return table;
}

const GridCarbon::Province *GridCarbon::find(std::string_view name)
{
    for (const Province &p : provinces())
        if (sameAscii(name, p.name) || name == p.nameZh)
            return &p;
    return nullptr;
}

std::string GridCarbon::names()
{
    std::string out;
    for (const Province &p : provinces())
        out += (out.empty() ? "" : ", ") + p.name;
    return out;
}

} // namespace suanli::server
