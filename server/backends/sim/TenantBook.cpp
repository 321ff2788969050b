#include "server/backends/sim/TenantBook.h"

#include <algorithm>
#include <cmath>

namespace suanli::server {

namespace {
struct ProjectDef {
    const char *id;
    const char *name;
    const char *nameZh;
    char profile;
    double activity;
};
struct TenantDef {
    const char *id;
    const char *name;
    const char *nameZh;
    double size;
    std::vector<ProjectDef> projects;
};

// Fictional organisations of the kinds that rent AI compute in China.
const std::vector<TenantDef> &tenantDefs()
{
    static const std::vector<TenantDef> defs = {
        { "galaxy", "Galaxy LLM", "星河大模型", 3.0,
            { { "galaxy-llm70b", "LLM 70B pretraining", "70B 大模型预训练", 'L', 3.0 },
                { "galaxy-chat", "Chat alignment", "对话对齐", 'F', 2.0 },
                { "galaxy-eval", "Benchmarks and evaluation", "基准评测", 'R', 1.5 } } },
        { "health", "Smart Health Institute", "智慧医疗研究院", 1.5,
            { { "health-imaging", "Medical imaging", "医学影像", 'F', 1.5 },
                { "health-genomics", "Genomics", "基因组学", 'S', 1.0 },
                { "health-clinical", "Clinical notes LLM", "临床文本大模型", 'F', 1.0 } } },
        { "autodrive", "Autonomous Driving Lab", "自动驾驶实验室", 2.0,
            { { "ad-perception", "Perception", "感知模型", 'F', 2.0 },
                { "ad-worldmodel", "World model", "世界模型", 'L', 1.5 },
                { "ad-sim", "Simulation", "仿真平台", 'I', 1.0 } } },
        { "ecu", "East China University", "华东大学", 1.5,
            { { "ecu-nlp", "NLP group", "自然语言处理组", 'R', 1.2 },
                { "ecu-cv", "Computer vision group", "计算机视觉组", 'R', 1.2 },
                { "ecu-ai4sci", "AI for Science", "科学智能", 'S', 0.8 },
                { "ecu-teaching", "Teaching", "教学实验", 'R', 0.6 } } },
        { "jinxin", "Jinxin Financial Cloud", "金信金融云", 1.0,
            { { "jx-risk", "Risk models", "风控模型", 'F', 1.0 },
                { "jx-service", "Customer service assistant", "智能客服", 'I', 1.2 } } },
        { "tianqi", "Tianqi Weather Technology", "天启气象科技", 1.0,
            { { "tq-forecast", "Weather forecasting model", "天气预报大模型", 'S', 1.2 },
                { "tq-climate", "Climate downscaling", "气候降尺度", 'S', 0.8 } } },
        { "lingxi", "Lingxi Robotics", "灵犀机器人", 1.2,
            { { "lx-embodied", "Embodied AI", "具身智能", 'L', 1.2 },
                { "lx-vision", "Robot vision", "机器人视觉", 'F', 0.8 } } },
        { "huaying", "Huaying Digital Media", "华影数字传媒", 1.2,
            { { "hy-video", "Video generation", "视频生成", 'F', 1.2 },
                { "hy-voice", "Speech synthesis", "语音合成", 'F', 0.7 },
                { "hy-serving", "Online inference", "在线推理", 'I', 1.0 } } },
        { "kangyuan", "Kangyuan Biotech", "康源生物", 0.8,
            { { "ky-protein", "Protein design", "蛋白质设计", 'S', 1.0 },
                { "ky-docking", "Molecular docking", "分子对接", 'R', 0.6 } } },
    };
    return defs;
}

const char *const kUserNames[] = {
    "zhangwei",
    "wangfang",
    "lina",
    "liuyang",
    "chenjing",
    "yangli",
    "huangmin",
    "zhaolei",
    "wujie",
    "zhouxin",
    "xuming",
    "sunhao",
    "maqiang",
    "zhuyan",
    "hujun",
    "guoqing",
    "linfeng",
    "heyun",
    "gaoyu",
    "luoxi",
    "zhengkai",
    "liangchen",
    "songjia",
    "xieting",
    "hanlu",
    "tangrui",
    "fengbo",
    "dengyi",
    "caoyue",
    "pengfei",
    "zengli",
    "xiaoyu",
    "tianhao",
    "dongmei",
    "panjie",
    "yuanshan",
    "jiangtao",
    "caiwen",
    "jiayi",
    "weining",
    "suxin",
    "lumeng",
};

int64_t roundTo8(double x)
{
    return std::max<int64_t>(8, int64_t(std::llround(x / 8.0)) * 8);
}
} // namespace

void TenantBook::build(const std::vector<int64_t> &queueAccelerators, SimRandom &rng)
{
    const size_t queues = queueAccelerators.size();
    m_users.assign(std::begin(kUserNames), std::end(kUserNames));
    m_tenants.clear();
    m_projects.clear();

    for (const auto &def : tenantDefs()) {
        Tenant t;
        t.id = def.id;
        t.name = def.name;
        t.nameZh = def.nameZh;
        t.size = def.size;
        t.limits.assign(queues, {});
        t.usage.assign(queues, {});
        for (const auto &pd : def.projects) {
            Project p;
            p.id = pd.id;
            p.name = pd.name;
            p.nameZh = pd.nameZh;
            p.tenant = uint16_t(m_tenants.size());
            p.profile = pd.profile;
            p.activity = pd.activity;
            p.limits.assign(queues, {});
            p.usage.assign(queues, {});
            const int64_t userCount = rng.uniformInt(3, 6);
            while (int64_t(p.users.size()) < userCount) {
                const auto u = uint16_t(rng.uniformInt(0, int64_t(m_users.size()) - 1));
                if (std::find(p.users.begin(), p.users.end(), u) == p.users.end())
                    p.users.push_back(u);
            }
            t.projects.push_back(uint16_t(m_projects.size()));
            m_projects.push_back(std::move(p));
        }
        m_tenants.push_back(std::move(t));
    }

    // Which tenants rent which models: most rent most, every model has at
    // least three tenants and every tenant at least one model.
    const size_t tenantCount = m_tenants.size();
    std::vector<std::vector<bool>> rents(tenantCount, std::vector<bool>(queues, false));
    for (size_t q = 0; q < queues; ++q) {
        size_t count = 0;
        for (size_t t = 0; t < tenantCount; ++t) {
            rents[t][q] = rng.chance(0.75);
            count += rents[t][q];
        }
        for (size_t t = 0; count < std::min<size_t>(3, tenantCount) && t < tenantCount; ++t) {
            if (!rents[t][q]) {
                rents[t][q] = true;
                ++count;
            }
        }
    }
    size_t largest = 0;
    for (size_t q = 0; q < queues; ++q)
        if (queueAccelerators[q] > queueAccelerators[largest])
            largest = q;
    for (size_t t = 0; t < tenantCount && queues > 0; ++t)
        if (std::find(rents[t].begin(), rents[t].end(), true) == rents[t].end())
            rents[t][largest] = true;

    for (size_t q = 0; q < queues; ++q) {
        std::vector<double> weight(tenantCount, 0);
        double total = 0;
        for (size_t t = 0; t < tenantCount; ++t) {
            if (rents[t][q])
                weight[t] = m_tenants[t].size * rng.uniform(0.6, 1.4);
            total += weight[t];
        }
        for (size_t t = 0; t < tenantCount; ++t) {
            if (weight[t] <= 0)
                continue;
            Tenant &tenant = m_tenants[t];
            const int64_t tq = roundTo8(1.3 * double(queueAccelerators[q]) * weight[t] / total);
            tenant.limits[q] = { tq, 0, true };
            // Projects split the tenant's limit by how busy they are, in
            // whole servers where they can; the biggest takes the remainder.
            double activity = 0;
            size_t biggest = tenant.projects.front();
            for (uint16_t p : tenant.projects) {
                activity += m_projects[p].activity;
                if (m_projects[p].activity > m_projects[biggest].activity)
                    biggest = p;
            }
            int64_t given = 0;
            for (uint16_t p : tenant.projects) {
                const int64_t pq
                    = 8 * int64_t(std::floor(double(tq) / 8.0 * m_projects[p].activity / activity));
                m_projects[p].limits[q] = { pq, 0, true };
                given += pq;
            }
            m_projects[biggest].limits[q].maxAccelerators += tq - given;
        }
    }
}

namespace {

TenantBook::Usage sum(const std::vector<TenantBook::Usage> &usage)
{
    TenantBook::Usage total;
    for (const auto &u : usage) {
        total.inUse += u.inUse;
        total.pending += u.pending;
        total.hours += u.hours;
    }
    return total;
}

bool hoursUsedUp(const TenantBook::Limit &l, const TenantBook::Usage &u)
{
    return l.maxHours > 0 && u.hours >= double(l.maxHours);
}

} // namespace

TenantBook::Verdict TenantBook::check(uint16_t project, size_t queue, int64_t accelerators) const
{
    using namespace ::suanli::v1;
    const Project &p = m_projects[project];
    const Tenant &t = m_tenants[p.tenant];
    // The centre's one order for which limit a job is held by, as the Slurm backend's
    // quotaThatBinds decides it and slurmctld looks: the project's before the tenant's (the
    // job's own account, then the one above it), and at each the limit across all models before
    // the model's own (raising the model's alone would not let the job start).
    const Limit &pa = p.allModels;
    if (pa.present) {
        const Usage pu = sum(p.usage);
        if (hoursUsedUp(pa, pu))
            return { PENDING_REASON_OTHER, int64_t(pu.hours), pa.maxHours, true };
        if (pu.inUse + accelerators > pa.maxAccelerators)
            return { PENDING_REASON_PROJECT_QUOTA, pu.inUse, pa.maxAccelerators, true };
    }
    const Limit &pl = p.limits[queue];
    const Usage &pu = p.usage[queue];
    // The API has no reason for a project's hours; Slurm's own word says it.
    if (hoursUsedUp(pl, pu))
        return { PENDING_REASON_OTHER, int64_t(pu.hours), pl.maxHours };
    if (pu.inUse + accelerators > pl.maxAccelerators)
        return { PENDING_REASON_PROJECT_QUOTA, pu.inUse, pl.maxAccelerators };
    const Limit &ta = t.allModels;
    if (ta.present) {
        const Usage tu = sum(t.usage);
        if (hoursUsedUp(ta, tu))
            return { PENDING_REASON_TENANT_HOURS, int64_t(tu.hours), ta.maxHours, true };
        if (tu.inUse + accelerators > ta.maxAccelerators)
            return { PENDING_REASON_TENANT_QUOTA, tu.inUse, ta.maxAccelerators, true };
    }
    const Limit &tl = t.limits[queue];
    const Usage &tu = t.usage[queue];
    if (hoursUsedUp(tl, tu))
        return { PENDING_REASON_TENANT_HOURS, int64_t(tu.hours), tl.maxHours };
    if (tu.inUse + accelerators > tl.maxAccelerators)
        return { PENDING_REASON_TENANT_QUOTA, tu.inUse, tl.maxAccelerators };
    return {};
}

int64_t TenantBook::headroom(uint16_t project, size_t queue) const
{
    const Project &p = m_projects[project];
    const Tenant &t = m_tenants[p.tenant];
    if (hoursUsedUp(t.limits[queue], t.usage[queue])
        || hoursUsedUp(p.limits[queue], p.usage[queue]))
        return 0;
    int64_t room = std::min(t.limits[queue].maxAccelerators - t.usage[queue].inUse,
        p.limits[queue].maxAccelerators - p.usage[queue].inUse);
    for (const auto *owner : { &t.allModels, &p.allModels }) {
        if (!owner->present)
            continue;
        const Usage used = sum(owner == &t.allModels ? t.usage : p.usage);
        if (hoursUsedUp(*owner, used))
            return 0;
        room = std::min(room, owner->maxAccelerators - used.inUse);
    }
    return room;
}

void TenantBook::addInUse(uint16_t project, size_t queue, int64_t delta)
{
    Project &p = m_projects[project];
    p.usage[queue].inUse += delta;
    m_tenants[p.tenant].usage[queue].inUse += delta;
}

void TenantBook::addPending(uint16_t project, size_t queue, int64_t delta)
{
    Project &p = m_projects[project];
    p.usage[queue].pending += delta;
    m_tenants[p.tenant].usage[queue].pending += delta;
}

void TenantBook::accrue(double dtHours)
{
    for (auto &p : m_projects)
        for (auto &u : p.usage)
            u.hours += double(u.inUse) * dtHours;
    for (auto &t : m_tenants)
        for (auto &u : t.usage)
            u.hours += double(u.inUse) * dtHours;
}

void TenantBook::scaleHours(double factor)
{
    for (auto &p : m_projects)
        for (auto &u : p.usage)
            u.hours *= factor;
    for (auto &t : m_tenants)
        for (auto &u : t.usage)
            u.hours *= factor;
}

void TenantBook::resetHours()
{
    scaleHours(0);
}

int TenantBook::findTenant(const std::string &id) const
{
    for (size_t i = 0; i < m_tenants.size(); ++i)
        if (m_tenants[i].id == id)
            return int(i);
    return -1;
}

int TenantBook::findProject(int tenant, const std::string &id) const
{
    if (tenant < 0)
        return -1;
    for (uint16_t p : m_tenants[size_t(tenant)].projects)
        if (m_projects[p].id == id)
            return p;
    return -1;
}

void TenantBook::setLimit(
    int tenant, int project, size_t queue, int64_t maxAccelerators, int64_t maxHours)
{
    Limit &l = project < 0 ? m_tenants[size_t(tenant)].limits[queue]
                           : m_projects[size_t(project)].limits[queue];
    l = { maxAccelerators, maxHours, true };
}

void TenantBook::setAllModelsLimit(
    int tenant, int project, int64_t maxAccelerators, int64_t maxHours)
{
    Limit &l
        = project < 0 ? m_tenants[size_t(tenant)].allModels : m_projects[size_t(project)].allModels;
    l = { maxAccelerators, maxHours, true };
}

std::vector<::suanli::v1::Tenant> TenantBook::toProto(
    const std::vector<::suanli::v1::AcceleratorModel> &models) const
{
    // The limit across all models and, where one applies (the account's own or its tenant's),
    // the use of every model together.
    auto fillAll = [](const Limit &limit, const std::vector<Usage> &usage, bool applies,
                       auto *quotas, auto *usages) {
        if (limit.present) {
            auto *l = quotas->Add();
            l->set_all_models(true);
            l->set_max_accelerators(limit.maxAccelerators);
            l->set_max_accelerator_hours(limit.maxHours);
        }
        if (!applies)
            return;
        const Usage u = sum(usage);
        auto *x = usages->Add();
        x->set_all_models(true);
        x->set_accelerators_in_use(u.inUse);
        x->set_accelerators_pending(u.pending);
        x->set_accelerator_hours_used(std::round(u.hours * 100.0) / 100.0);
    };
    auto fill = [&](const std::vector<Limit> &limits, const std::vector<Usage> &usage, auto *quotas,
                    auto *usages) {
        for (size_t q = 0; q < models.size(); ++q) {
            if (limits[q].present) {
                auto *l = quotas->Add();
                l->set_model(models[q]);
                l->set_max_accelerators(limits[q].maxAccelerators);
                l->set_max_accelerator_hours(limits[q].maxHours);
            }
            const Usage &u = usage[q];
            if (limits[q].present || u.inUse || u.pending || u.hours > 0) {
                auto *x = usages->Add();
                x->set_model(models[q]);
                x->set_accelerators_in_use(u.inUse);
                x->set_accelerators_pending(u.pending);
                // Rounded to a hundredth of an hour so readers see a stable figure.
                x->set_accelerator_hours_used(std::round(u.hours * 100.0) / 100.0);
            }
        }
    };
    std::vector<::suanli::v1::Tenant> out;
    out.reserve(m_tenants.size());
    for (const Tenant &t : m_tenants) {
        ::suanli::v1::Tenant pt;
        pt.set_id(t.id);
        pt.set_name(t.name);
        pt.set_name_zh(t.nameZh);
        fillAll(t.allModels, t.usage, t.allModels.present, pt.mutable_quotas(), pt.mutable_usage());
        fill(t.limits, t.usage, pt.mutable_quotas(), pt.mutable_usage());
        for (uint16_t pi : t.projects) {
            const Project &p = m_projects[pi];
            auto *pp = pt.add_projects();
            pp->set_id(p.id);
            pp->set_tenant(t.id);
            pp->set_name(p.name);
            pp->set_name_zh(p.nameZh);
            fillAll(p.allModels, p.usage, t.allModels.present || p.allModels.present,
                pp->mutable_quotas(), pp->mutable_usage());
            fill(p.limits, p.usage, pp->mutable_quotas(), pp->mutable_usage());
        }
        out.push_back(std::move(pt));
    }
    return out;
}

} // namespace suanli::server
