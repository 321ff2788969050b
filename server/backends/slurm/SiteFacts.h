#pragma once

#include "server/backends/Backend.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace suanli::server {

// SiteFacts are what a real centre's operators know and its scheduler does not: its PUE and
// where it draws power (a province whose grid factor GridCarbon has, or the factor itself).
// Set by key, the same keys as flags (`suanlid serve --pue 1.25`) and in a config file
// (`pue = 1.25`). A fact nobody set stays absent: it is reported as not configured, never as a
// default.
struct SiteFacts {
    std::optional<double> pue;
    // As configured; GridCarbon's English name when the table knows the province.
    std::string province;
    std::optional<double> carbonGPerKwh;

    // "pue", "province", "carbon-g-per-kwh".
    static const std::vector<std::string> &keys();
    // Sets one fact from its text. False, changing nothing, with a message that starts with the
    // key and says what it accepts, for an unknown key or a value out of range.
    bool set(std::string_view key, const std::string &text, std::string *error);
    // Once every key is set: the grid factor of the province, unless a factor was given
    // (a site's own factor wins over its province's). False with a message naming the known
    // provinces when the province has no factor here and none was given.
    bool resolve(std::string *error);
    bool empty() const { return !pue && province.empty() && !carbonGPerKwh; }
    // Puts the configured facts over what the backend knows of its site.
    void applyTo(SiteInfo *site) const;
};

} // namespace suanli::server
