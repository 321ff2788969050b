#pragma once

#include "server/placement/Forecaster.h"
#include "suanli/v1/placement.pb.h"

#include <optional>
#include <string>

namespace suanli::server::placement {

// Quoter answers "where can this run?" for one centre: per acceptable model, whether the work
// fits now, when it would start (Forecaster), the tenant's quota headroom, the energy and
// emissions of the whole run with the carbon factor's provenance, whether the accelerators are
// domestic, and the reasons, with their numbers, why it cannot run here.
class Quoter {
public:
    // The centre's facts for energy: PUE and grid factor when configured, and the province.
    struct Site {
        std::optional<double> pue;
        std::optional<double> carbonGPerKwh;
        std::string province;
    };
    static constexpr const char *kMethod = "suanli replay";

    Quoter(const ForecastInput &input, const Forecaster &forecaster, Site site);

    // INVALID_ARGUMENT-worthy problems of the shape, in words naming the field; empty when
    // the shape is sound.
    static std::string checkShape(const v1::QuotePlacementRequest &request);
    // One ModelQuote per acceptable model, in the order asked (start times from input.nowS).
    void quote(const v1::QuotePlacementRequest &request, v1::QuotePlacementResponse *out) const;

    // The carbon factor's provenance for a site: the published provincial annual average when
    // the factor is the province's, else "configured".
    static v1::CarbonFactor carbonOf(const Site &site);
    // Power of one accelerator of the model at typical load, watts; 0 when not known.
    static double typicalWatts(v1::AcceleratorModel model);
    static bool domestic(v1::AcceleratorModel model);
    // "quota exhausted: 192 of 256 held, 128 asked", in English.
    static std::string describe(const v1::PlacementReason &reason);

private:
    void quoteModel(const v1::QuotePlacementRequest &request, v1::AcceleratorModel value,
        const std::string &name, v1::ModelQuote *out) const;

    const ForecastInput &m_input;
    const Forecaster &m_forecaster;
    Site m_site;
};

} // namespace suanli::server::placement
