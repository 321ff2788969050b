#include "server/backends/slurm/SiteFacts.h"

#include "server/backends/facts/GridCarbon.h"

#include <cmath>
#include <sstream>

namespace suanli::server {

namespace {
// PUE is facility power over IT power: at least 1; above 3 is a typing error, not a centre.
constexpr double kMinPue = 1.0;
constexpr double kMaxPue = 3.0;
// The dirtiest grids (lignite) emit about 1,200 g/kWh; 0 is a site on its own green power.
constexpr double kMaxCarbon = 2000.0;

bool parseNumber(const std::string &text, double *out)
{
    try {
        size_t used = 0;
        const double v = std::stod(text, &used);
        if (used != text.size() || !std::isfinite(v))
            return false;
        *out = v;
        return true;
    } catch (...) {
        return false;
    }
}

bool fail(std::string *error, const std::string &message)
{
    if (error)
        *error = message;
    return false;
}
} // namespace

const std::vector<std::string> &SiteFacts::keys()
{
    static const std::vector<std::string> names = { "pue", "province", "carbon-g-per-kwh" };
    return names;
}

bool SiteFacts::set(std::string_view key, const std::string &text, std::string *error)
{
    double v = 0;
    if (key == "pue") {
        if (!parseNumber(text, &v) || v < kMinPue || v > kMaxPue)
            return fail(error,
                "pue must be the centre's facility power / IT power, a number from 1.0 to 3.0 "
                "(got "
                    + text + ")");
        pue = v;
        return true;
    }
    if (key == "carbon-g-per-kwh") {
        if (!parseNumber(text, &v) || v < 0 || v > kMaxCarbon)
            return fail(error,
                "carbon-g-per-kwh must be the grid's gCO2 per kWh, a number from 0 to 2000 (got "
                    + text + ")");
        carbonGPerKwh = v;
        return true;
    }
    if (key == "province") {
        if (text.empty())
            return fail(error, "province must name a province, e.g. Shanghai");
        const auto *known = GridCarbon::find(text);
        province = known ? known->name : text;
        return true;
    }
    return fail(error,
        "unknown site fact '" + std::string(key) + "' (known: pue, province, carbon-g-per-kwh)");
}

bool SiteFacts::resolve(std::string *error)
{
    if (province.empty() || carbonGPerKwh)
        return true;
    if (const auto *known = GridCarbon::find(province)) {
        carbonGPerKwh = known->gPerKwh;
        return true;
    }
    return fail(error,
        "province '" + province + "' has no grid carbon factor here (known: " + GridCarbon::names()
            + "); give the grid's factor with carbon-g-per-kwh");
}

void SiteFacts::applyTo(SiteInfo *site) const
{
    if (pue)
        site->pue = pue;
    if (!province.empty())
        site->province = province;
    if (carbonGPerKwh)
        site->carbonGPerKwh = carbonGPerKwh;
}

} // namespace suanli::server
