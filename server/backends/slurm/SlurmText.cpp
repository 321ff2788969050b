#include "server/backends/slurm/SlurmText.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace suanli::server::slurm {

namespace {

std::string_view trim(std::string_view s)
{
    while (!s.empty() && std::isspace(uint8_t(s.front())))
        s.remove_prefix(1);
    while (!s.empty() && std::isspace(uint8_t(s.back())))
        s.remove_suffix(1);
    return s;
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

std::string lower(std::string_view s)
{
    std::string out(s);
    for (auto &c : out)
        c = char(std::tolower(uint8_t(c)));
    return out;
}

// Splits at `sep` outside (), [] brackets.
std::vector<std::string_view> splitTop(std::string_view text, char sep)
{
    std::vector<std::string_view> parts;
    int depth = 0;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '(' || c == '[')
            ++depth;
        else if ((c == ')' || c == ']') && depth > 0)
            --depth;
        else if (c == sep && depth == 0) {
            parts.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    parts.push_back(text.substr(start));
    return parts;
}

bool toInt(std::string_view s, int64_t *out)
{
    s = trim(s);
    if (s.empty())
        return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
    return ec == std::errc() && end == s.data() + s.size();
}

} // namespace

std::vector<std::string> expandHostlist(std::string_view list)
{
    std::vector<std::string> out;
    for (std::string_view item : splitTop(trim(list), ',')) {
        item = trim(item);
        if (item.empty())
            continue;
        const size_t open = item.find('[');
        const size_t close = item.find(']', open == std::string_view::npos ? 0 : open);
        if (open == std::string_view::npos || close == std::string_view::npos) {
            out.emplace_back(item);
            continue;
        }
        const std::string_view prefix = item.substr(0, open);
        const std::string_view suffix = item.substr(close + 1);
        const std::string_view ranges = item.substr(open + 1, close - open - 1);
        // Suffixes with more brackets ("a[1-2]b[1-2]") expand recursively.
        std::vector<std::string> tails = suffix.find('[') == std::string_view::npos
            ? std::vector<std::string> { std::string(suffix) }
            : expandHostlist(suffix);
        for (std::string_view range : splitTop(ranges, ',')) {
            range = trim(range);
            const size_t dash = range.find('-');
            const std::string_view a = range.substr(0, dash);
            const std::string_view b = dash == std::string_view::npos ? a : range.substr(dash + 1);
            int64_t from = 0, to = 0;
            if (!toInt(a, &from) || !toInt(b, &to) || to < from || to - from > 1000000
                || tails.empty()
                || out.size() + uint64_t(to - from + 1) * tails.size() > kMaxHostlistNames) {
                out.emplace_back(item);
                break;
            }
            const size_t width = a.size();
            for (int64_t n = from; n <= to; ++n) {
                std::string number = std::to_string(n);
                if (number.size() < width)
                    number.insert(0, width - number.size(), '0');
                for (const auto &tail : tails)
                    out.push_back(std::string(prefix) + number + tail);
            }
        }
    }
    return out;
}

std::vector<int> parseIndexList(std::string_view list)
{
    std::vector<int> out;
    for (std::string_view part : splitTop(trim(list), ',')) {
        part = trim(part);
        const size_t dash = part.find('-');
        int64_t from = 0, to = 0;
        if (!toInt(part.substr(0, dash), &from))
            continue;
        to = from;
        if (dash != std::string_view::npos && !toInt(part.substr(dash + 1), &to))
            continue;
        for (int64_t i = from; i <= to && i - from < 4096; ++i)
            out.push_back(int(i));
    }
    return out;
}

std::vector<Gres> parseGres(std::string_view text)
{
    std::vector<Gres> out;
    text = trim(text);
    if (text.empty() || text == "(null)")
        return out;
    for (std::string_view item : splitTop(text, ',')) {
        item = trim(item);
        if (item.empty())
            continue;
        // Slurm writes "gres:gpu:..." in some places (tres_per_node).
        if (startsWith(item, "gres:") || startsWith(item, "gres/"))
            item.remove_prefix(5);
        Gres g;
        std::string_view details;
        if (const size_t paren = item.find('('); paren != std::string_view::npos) {
            details = item.substr(paren + 1);
            if (!details.empty() && details.back() == ')')
                details.remove_suffix(1);
            item = item.substr(0, paren);
        }
        const auto fields = splitTop(item, ':');
        g.name = std::string(fields[0]);
        int64_t n = 0;
        if (fields.size() == 1) {
            g.count = 1;
        } else if (fields.size() == 2) {
            if (toInt(fields[1], &n))
                g.count = n;
            else {
                g.type = std::string(fields[1]);
                g.count = 1;
            }
        } else {
            g.type = std::string(fields[1]);
            if (toInt(fields[2], &n))
                g.count = n;
        }
        // "(IDX:0-1)", "(S:0-1)", "(IDX:N/A)".
        for (std::string_view d : splitTop(details, ';')) {
            d = trim(d);
            if (startsWith(d, "IDX:"))
                g.indexes = parseIndexList(d.substr(4));
        }
        out.push_back(std::move(g));
    }
    return out;
}

AcceleratorGres acceleratorGres(std::string_view text)
{
    AcceleratorGres out;
    for (const auto &g : parseGres(text)) {
        if (g.name != "gpu" && g.name != "npu")
            continue;
        if (out.count == 0)
            out.type = g.type;
        else if (out.type != g.type)
            out.type.clear(); // mixed models on one node: count them, name none
        out.count += g.count;
        out.indexes.insert(out.indexes.end(), g.indexes.begin(), g.indexes.end());
    }
    std::sort(out.indexes.begin(), out.indexes.end());
    return out;
}

Tres parseTres(std::string_view text)
{
    Tres out;
    for (std::string_view item : splitTop(trim(text), ',')) {
        item = trim(item);
        const size_t eq = item.find('=');
        if (eq == std::string_view::npos)
            continue;
        const std::string key(trim(item.substr(0, eq)));
        std::string_view value = trim(item.substr(eq + 1));
        int64_t scale = 1;
        if (!value.empty() && std::isalpha(uint8_t(value.back()))) {
            switch (std::toupper(uint8_t(value.back()))) {
            case 'K':
                scale = 0; // KiB: rounded to MiB below
                break;
            case 'M':
                scale = 1;
                break;
            case 'G':
                scale = 1024;
                break;
            case 'T':
                scale = 1024 * 1024;
                break;
            case 'P':
                scale = int64_t(1024) * 1024 * 1024;
                break;
            default:
                continue;
            }
            value.remove_suffix(1);
        }
        int64_t n = 0;
        if (!toInt(value, &n))
            continue;
        int64_t scaled = 0;
        if (scale == 0)
            scaled = n / 1024;
        else if (__builtin_mul_overflow(n, scale, &scaled))
            continue; // no count is that large: not a count
        out[key] = scaled;
    }
    return out;
}

std::string formatTres(const Tres &tres)
{
    std::string out;
    for (const auto &[key, value] : tres) {
        if (!out.empty())
            out += ',';
        out += key + "=" + std::to_string(value);
    }
    return out;
}

TresAccelerators tresAccelerators(const Tres &tres)
{
    TresAccelerators out;
    int typed = 0;
    for (const auto &[key, value] : tres) {
        if (startsWith(key, "gres/gpu:") || startsWith(key, "gres/npu:")) {
            out.type = key.substr(9);
            out.count += value;
            ++typed;
        }
    }
    if (typed > 1)
        out.type.clear();
    if (typed == 0) {
        if (auto it = tres.find("gres/gpu"); it != tres.end())
            out.count = it->second;
        else if (auto it = tres.find("gres/npu"); it != tres.end())
            out.count = it->second;
    }
    return out;
}

NodeStateResult mapNodeState(std::string_view base, const std::vector<std::string> &flags)
{
    NodeStateResult out;
    bool drain = false, maintenance = false, fail = false;
    for (const auto &f : flags) {
        const std::string flag = lower(f);
        if (flag == "drain")
            drain = true;
        else if (flag == "maintenance" || flag == "maint")
            maintenance = true;
        else if (flag == "reboot_requested" || flag == "reboot_issued")
            out.rebootPending = true;
        else if (flag == "fail")
            fail = true;
    }
    const std::string b = lower(base);
    const bool busy = b == "allocated" || b == "mixed" || b == "completing";
    if (maintenance || out.rebootPending) {
        // A node waiting for its reboot (or in a maintenance reservation) is out
        // for maintenance; with jobs still on it, it is draining towards it.
        out.state = busy && !maintenance ? v1::NODE_STATE_DRAINING : v1::NODE_STATE_MAINTENANCE;
    } else if (b == "unknown" && drain && !fail) {
        // Drained while slurmctld has not heard from it (a node that is not
        // responding): an operator took it out, which is what matters here.
        out.state = v1::NODE_STATE_DRAINED;
    } else if (b == "down" || b == "error" || b == "unknown" || b == "future") {
        out.state = v1::NODE_STATE_DOWN;
    } else if (drain || fail) {
        out.state = busy ? v1::NODE_STATE_DRAINING
                         : (fail ? v1::NODE_STATE_DOWN : v1::NODE_STATE_DRAINED);
    } else if (b == "idle") {
        out.state = v1::NODE_STATE_IDLE;
    } else if (b == "allocated" || b == "completing") {
        out.state = v1::NODE_STATE_ALLOCATED;
    } else if (b == "mixed") {
        out.state = v1::NODE_STATE_MIXED;
    } else {
        out.state = v1::NODE_STATE_DOWN;
    }
    return out;
}

v1::JobState mapJobState(std::string_view state, std::string_view reason)
{
    const std::string s = lower(state);
    if (s == "pending" || s == "requeued" || s == "requeue_hold" || s == "requeue_fed"
        || s == "resv_del_hold") {
        const v1::PendingReason r = mapPendingReason(reason);
        return r == v1::PENDING_REASON_HELD_BY_USER || r == v1::PENDING_REASON_HELD_BY_ADMIN
                || s == "requeue_hold" || s == "resv_del_hold"
            ? v1::JOB_STATE_HELD
            : v1::JOB_STATE_PENDING;
    }
    if (s == "running" || s == "suspended" || s == "configuring" || s == "resizing"
        || s == "signaling" || s == "stage_out")
        return v1::JOB_STATE_RUNNING;
    if (s == "completing")
        return v1::JOB_STATE_COMPLETING;
    if (s == "completed")
        return v1::JOB_STATE_COMPLETED;
    if (s == "cancelled" || s == "preempted" || s == "revoked")
        return v1::JOB_STATE_CANCELLED;
    // FAILED, TIMEOUT, NODE_FAIL, BOOT_FAIL, DEADLINE, OUT_OF_MEMORY, SPECIAL_EXIT.
    return v1::JOB_STATE_FAILED;
}

v1::PendingReason mapPendingReason(std::string_view reason)
{
    reason = trim(reason);
    if (reason.empty() || reason == "None")
        return v1::PENDING_REASON_NOT_EVALUATED;
    if (reason == "Priority")
        return v1::PENDING_REASON_PRIORITY;
    if (reason == "Resources")
        return v1::PENDING_REASON_RESOURCES;
    if (reason == "JobHeldAdmin")
        return v1::PENDING_REASON_HELD_BY_ADMIN;
    if (reason == "JobHeldUser" || reason == "launch failed requeued held")
        return v1::PENDING_REASON_HELD_BY_USER;
    if (startsWith(reason, "AssocGrp")) {
        if (reason.find("Minutes") != std::string_view::npos)
            return v1::PENDING_REASON_TENANT_HOURS;
        return v1::PENDING_REASON_TENANT_QUOTA;
    }
    if (reason == "AssociationResourceLimit")
        return v1::PENDING_REASON_TENANT_QUOTA;
    if (startsWith(reason, "ReqNodeNotAvail") || reason == "NodeDown" || reason == "Reservation"
        || reason == "ReqNodeNotAvailable")
        return v1::PENDING_REASON_NODES_UNAVAILABLE;
    if (reason == "Dependency" || reason == "DependencyNeverSatisfied")
        return v1::PENDING_REASON_DEPENDENCY;
    if (reason == "BeginTime")
        return v1::PENDING_REASON_BEGIN_TIME;
    return v1::PENDING_REASON_OTHER;
}

std::string reasonWords(std::string_view reason)
{
    struct Entry {
        std::string_view code;
        std::string_view words;
    };
    static constexpr Entry kWords[] = {
        { "QOSMaxGRESPerUser", "the QoS limit on accelerators per user is reached" },
        { "QOSMaxGRESPerJob", "the job asks for more accelerators than its QoS allows per job" },
        { "QOSMaxGRESPerNode", "the job asks for more accelerators per node than its QoS allows" },
        { "QOSGrpGRES", "the QoS's limit on accelerators in use is reached" },
        { "QOSGrpGRESMinutes", "the QoS's accelerator-hours are used up" },
        { "QOSGrpGRESRunMinutes",
            "the QoS's limit on accelerator-hours of running jobs is reached" },
        { "QOSMaxJobsPerUserLimit", "the QoS limit on running jobs per user is reached" },
        { "QOSMaxSubmitJobPerUserLimit", "the QoS limit on queued jobs per user is reached" },
        { "QOSGrpCpuLimit", "the QoS's limit on CPUs in use is reached" },
        { "QOSMaxWallDurationPerJobLimit", "the job's time limit is longer than its QoS allows" },
        { "QOSJobLimit", "a job limit of the QoS is reached" },
        { "QOSResourceLimit", "a resource limit of the QoS is reached" },
        { "QOSTimeLimit", "a time limit of the QoS is reached" },
        { "AssocMaxGRESPerJob",
            "the job asks for more accelerators than its account allows per job" },
        { "AssocMaxJobsLimit", "the account's limit on running jobs is reached" },
        { "AssocMaxSubmitJobLimit", "the account's limit on queued jobs is reached" },
        { "AssocMaxWallDurationPerJobLimit",
            "the job's time limit is longer than its account allows" },
        { "AssociationJobLimit", "the account's job limit is reached" },
        { "AssociationTimeLimit", "the account's time limit is reached" },
        { "PartitionDown", "the queue is down" },
        { "PartitionInactive", "the queue is inactive" },
        { "PartitionNodeLimit", "the job asks for more or fewer nodes than the queue allows" },
        { "PartitionTimeLimit", "the job's time limit is longer than the queue allows" },
        { "PartitionConfig", "the job asks for more than the queue's nodes have" },
        { "Licenses", "waiting for licenses" },
        { "BadConstraints", "no node can satisfy the job's constraints" },
        { "InvalidAccount", "the job's account is not valid; ask an admin" },
        { "InvalidQOS", "the job's QoS is not valid; ask an admin" },
        { "JobArrayTaskLimit", "the job array's limit on tasks running at once is reached" },
        { "Cleaning", "waiting for its earlier run to finish cleaning up" },
        { "Prolog", "its nodes are running the prolog" },
        { "BurstBufferResources", "waiting for burst buffer space" },
        { "FrontEndDown", "no front-end node is available" },
        { "SystemFailure", "a Slurm failure; ask an admin" },
    };
    reason = trim(reason);
    for (const auto &e : kWords)
        if (reason == e.code)
            return std::string(e.words);
    if (startsWith(reason, "QOS"))
        return "a limit of the job's QoS is reached";
    if (startsWith(reason, "Assoc"))
        return "a limit of the job's account is reached";
    return {};
}

} // namespace suanli::server::slurm
