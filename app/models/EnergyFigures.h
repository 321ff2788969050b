#pragma once

#include "suanli/v1/cluster.pb.h"

#include <QCoreApplication>
#include <QString>
#include <optional>

namespace suanli::app {

// EnergyFigures reads the figures of a centre's overview that need accelerator telemetry or the
// site's configured facts (its PUE and grid carbon factor), and says why one is missing: not
// measured (no telemetry) or not configured. What is missing is shown in words, never as a
// default or a zero.
class EnergyFigures {
    Q_DECLARE_TR_FUNCTIONS(EnergyFigures)
public:
    EnergyFigures() = delete;

    enum class Figure {
        Utilisation,
        ItPower,
        FacilityPower, // IT power x PUE
        Pue,
        CarbonIntensity, // of the grid, g CO2 per kWh
        Emissions, // kg CO2 per hour
    };
    enum class Missing { None, NoTelemetry, NotConfigured };

    // The figure when the overview has it.
    static std::optional<double> value(const v1::Overview &o, Figure figure);
    // Why the overview does not have it; None when it does. Without telemetry a measured figure
    // is "not measured" whether or not the site's facts are configured.
    static Missing missing(const v1::Overview &o, Figure figure);
    // What is shown in its place (Words::noTelemetry(), notConfigured()), and the tooltip that
    // says why; empty for None.
    static QString text(Missing missing);
    static QString tooltip(Missing missing);

    // "Not configured": a site fact (PUE, grid carbon) its gateway was not given.
    static QString notConfigured();
    static QString notConfiguredTooltip();
};

} // namespace suanli::app
