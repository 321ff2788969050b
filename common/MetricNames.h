#pragma once

#include "suanli/v1/common.pb.h"

#include <string>
#include <string_view>

// The names of the series Telemetry.QueryMetrics answers, spelled once for the gateway that
// records them and the console and suanlictl that ask for them. A name carries its unit as a
// suffix ("_watts", "_percent"); a per-model series adds ":" and the model's short name.
namespace suanli::metric {

// A site's series (scope SITE).
inline constexpr char kUtilisationPercent[] = "utilisation_percent"; // also a node's
inline constexpr char kItPowerWatts[] = "it_power_watts";
inline constexpr char kFacilityPowerWatts[] = "facility_power_watts";
inline constexpr char kPue[] = "pue";
inline constexpr char kCarbonIntensityGPerKwh[] = "carbon_intensity_g_per_kwh";
inline constexpr char kEmissionsKgPerHour[] = "emissions_kg_per_hour";
inline constexpr char kJobsRunning[] = "jobs_running"; // also a queue's
inline constexpr char kJobsPending[] = "jobs_pending"; // also a queue's
inline constexpr char kAcceleratorsInUse[] = "accelerators_in_use"; // also a tenant's
inline constexpr char kWaitSecondsP50[] = "wait_seconds_p50"; // also a queue's
inline constexpr char kWaitSecondsP95[] = "wait_seconds_p95"; // also a queue's
// A queue's series (scope QUEUE).
inline constexpr char kAcceleratorsFree[] = "accelerators_free";
inline constexpr char kAcceleratorsPending[] = "accelerators_pending";
// A tenant's series (scope TENANT).
inline constexpr char kAcceleratorHours[] = "accelerator_hours";
// A node's series (scope NODE), besides kUtilisationPercent.
inline constexpr char kTemperatureCelsius[] = "temperature_celsius";
inline constexpr char kPowerWatts[] = "power_watts";
inline constexpr char kMemoryUsedPercent[] = "memory_used_percent";

// The series of one model: "accelerators_in_use:H100".
std::string perModel(std::string_view metric, v1::AcceleratorModel model);
// The metric without a per-model suffix: "accelerators_in_use:H100" -> "accelerators_in_use".
std::string_view baseName(std::string_view metric);

} // namespace suanli::metric
