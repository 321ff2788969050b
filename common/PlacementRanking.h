#pragma once

#include "suanli/v1/placement.pb.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// How the answers of several centres to one placement question are ranked, the same in
// suanlictl and the console.
namespace suanli {

enum class PlacementOrder {
    Soonest, // earliest start (p50), then the narrower interval
    Greenest, // least CO2 for the whole run, then soonest
    Domestic, // domestic accelerators first, then soonest
};

// "soonest", "greenest", "domestic"; nullopt for another word.
std::optional<PlacementOrder> parsePlacementOrder(std::string_view text);

// One centre's answer: its name as the user knows it, the response, or why none came.
struct CentreAnswer {
    std::string centre;
    bool answered = false;
    v1::QuotePlacementResponse response;
    std::string error; // when not answered
};

// One row of the ranked table: a centre's option for one model, or a centre with no answer.
struct PlacementRow {
    size_t answer = 0; // index into the answers
    int quote = -1; // index into its response's quotes; -1: the centre did not answer
    bool runnable = false; // a forecast is available and no centre-wide reason stands
};

// Rows: every runnable option in the order asked, then the options that cannot run, then
// the centres that did not answer (each group by centre name, then model, where it has no
// order of its own).
std::vector<PlacementRow> rankPlacements(
    const std::vector<CentreAnswer> &answers, PlacementOrder order);

} // namespace suanli
