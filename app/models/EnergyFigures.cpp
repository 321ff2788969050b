#include "app/models/EnergyFigures.h"

#include "app/models/Words.h"

namespace suanli::app {

std::optional<double> EnergyFigures::value(const v1::Overview &o, Figure figure)
{
    if (missing(o, figure) != Missing::None)
        return std::nullopt;
    switch (figure) {
    case Figure::Utilisation:
        return o.utilisation_percent();
    case Figure::ItPower:
        return o.it_power_watts();
    case Figure::FacilityPower:
        return o.facility_power_watts();
    case Figure::Pue:
        return o.pue();
    case Figure::CarbonIntensity:
        return o.carbon_intensity_g_per_kwh();
    case Figure::Emissions:
        return o.emissions_kg_per_hour();
    }
    return std::nullopt;
}

EnergyFigures::Missing EnergyFigures::missing(const v1::Overview &o, Figure figure)
{
    const bool measured = o.telemetry_available();
    switch (figure) {
    case Figure::Utilisation:
    case Figure::ItPower:
        return measured ? Missing::None : Missing::NoTelemetry;
    case Figure::FacilityPower:
        return !measured                   ? Missing::NoTelemetry
            : o.has_facility_power_watts() ? Missing::None
                                           : Missing::NotConfigured;
    case Figure::Emissions:
        return !measured                    ? Missing::NoTelemetry
            : o.has_emissions_kg_per_hour() ? Missing::None
                                            : Missing::NotConfigured;
    case Figure::Pue:
        return o.has_pue() ? Missing::None : Missing::NotConfigured;
    case Figure::CarbonIntensity:
        return o.has_carbon_intensity_g_per_kwh() ? Missing::None : Missing::NotConfigured;
    }
    return Missing::None;
}

QString EnergyFigures::text(Missing missing)
{
    switch (missing) {
    case Missing::NoTelemetry:
        return Words::noTelemetry();
    case Missing::NotConfigured:
        return notConfigured();
    case Missing::None:
        break;
    }
    return {};
}

QString EnergyFigures::tooltip(Missing missing)
{
    switch (missing) {
    case Missing::NoTelemetry:
        return Words::noTelemetryTooltip();
    case Missing::NotConfigured:
        return notConfiguredTooltip();
    case Missing::None:
        break;
    }
    return {};
}

QString EnergyFigures::notConfigured()
{
    return tr("Not configured");
}

QString EnergyFigures::notConfiguredTooltip()
{
    return tr("This centre's gateway was not given its PUE or its grid's carbon factor, so "
              "facility power and emissions are not known. Its operators set them with suanlid "
              "serve --pue and --province (or --carbon-g-per-kwh).");
}

} // namespace suanli::app
