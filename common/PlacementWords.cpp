#include "common/PlacementWords.h"

#include <cmath>

namespace suanli {

namespace {
std::string n(int64_t v)
{
    return std::to_string(v);
}
std::string hours(int64_t seconds)
{
    const double h = double(seconds) / 3600.0;
    const double rounded = std::round(h * 10.0) / 10.0;
    std::string text = std::to_string(rounded);
    text.erase(text.find_last_not_of('0') + 1);
    if (!text.empty() && text.back() == '.')
        text.pop_back();
    return text;
}
} // namespace

std::string placementObstacleCode(v1::PlacementObstacle obstacle)
{
    switch (obstacle) {
    case v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL:
        return "no_such_model";
    case v1::PLACEMENT_OBSTACLE_NO_QUOTA:
        return "no_quota";
    case v1::PLACEMENT_OBSTACLE_QUOTA_EXHAUSTED:
        return "quota_exhausted";
    case v1::PLACEMENT_OBSTACLE_OVER_QUEUE_LIMIT:
        return "over_queue_limit";
    case v1::PLACEMENT_OBSTACLE_OVER_TIME_LIMIT:
        return "over_time_limit";
    case v1::PLACEMENT_OBSTACLE_NOT_ENOUGH_NODES:
        return "not_enough_nodes";
    case v1::PLACEMENT_OBSTACLE_NO_GANG_FIT:
        return "no_gang_fit";
    case v1::PLACEMENT_OBSTACLE_BACKEND_UNREACHABLE:
        return "backend_unreachable";
    default:
        return "unknown";
    }
}

std::string placementReasonText(const v1::PlacementReason &r, bool chinese)
{
    switch (r.obstacle()) {
    case v1::PLACEMENT_OBSTACLE_NO_SUCH_MODEL:
        return chinese ? "本中心没有该型号" : "no such model here";
    case v1::PLACEMENT_OBSTACLE_NO_QUOTA:
        return chinese ? "租户在本中心没有该型号的配额" : "the tenant has no quota for it here";
    case v1::PLACEMENT_OBSTACLE_QUOTA_EXHAUSTED:
        return chinese
            ? "配额已用尽：已占用 " + n(r.have()) + " / " + n(r.limit()) + "，申请 " + n(r.asked())
            : "quota exhausted: " + n(r.have()) + " of " + n(r.limit()) + " held, " + n(r.asked())
                + " asked";
    case v1::PLACEMENT_OBSTACLE_OVER_QUEUE_LIMIT:
        return chinese
            ? "超出队列上限：申请 " + n(r.asked()) + " 卡，队列共 " + n(r.limit()) + " 卡"
            : "larger than the queue: " + n(r.asked()) + " accelerators asked, it holds "
                + n(r.limit());
    case v1::PLACEMENT_OBSTACLE_OVER_TIME_LIMIT:
        return chinese
            ? "超出队列时限：申请 " + hours(r.asked()) + " 小时，上限 " + hours(r.limit()) + " 小时"
            : "longer than the queue's time limit: " + hours(r.asked()) + " h asked, limit "
                + hours(r.limit()) + " h";
    case v1::PLACEMENT_OBSTACLE_NOT_ENOUGH_NODES:
        return chinese
            ? "可用节点不足：在役 " + n(r.have()) + " 个，需要 " + n(r.asked()) + " 个"
            : "not enough nodes in service: " + n(r.have()) + ", " + n(r.asked()) + " needed";
    case v1::PLACEMENT_OBSTACLE_NO_GANG_FIT:
        return chinese ? "没有节点组合能容纳该成组形状：可容纳的节点 " + n(r.have()) + " 个，需要 "
                + n(r.asked()) + " 个"
                       : "no node set fits the gang shape: " + n(r.have())
                + " nodes have room for it, " + n(r.asked()) + " needed";
    case v1::PLACEMENT_OBSTACLE_BACKEND_UNREACHABLE:
        return chinese ? "本中心的调度器无响应" : "the centre's scheduler does not answer";
    default:
        return chinese ? "未知原因" : "unknown reason";
    }
}

} // namespace suanli
