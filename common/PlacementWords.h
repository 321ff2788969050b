#pragma once

#include "suanli/v1/placement.pb.h"

#include <string>

// The words for why work cannot run at a centre, in English and Chinese, shared by the gateway's
// messages, suanlictl and the console's tooltips, so all name the reasons alike.
namespace suanli {

// "no_such_model", "no_quota", "quota_exhausted", "over_queue_limit", "over_time_limit",
// "not_enough_nodes", "no_gang_fit", "backend_unreachable": for --json and scripts.
std::string placementObstacleCode(v1::PlacementObstacle obstacle);
// The reason with its numbers: "quota exhausted: 192 of 256 held, 128 asked" or, with
// `chinese`, "配额已用尽：已占用 192 / 256，申请 128".
std::string placementReasonText(const v1::PlacementReason &reason, bool chinese = false);

} // namespace suanli
