#include "server/backends/sim/SiteProfile.h"

#include "server/backends/facts/GridCarbon.h"

#include <stdexcept>

namespace suanli::server {

namespace {
double grid(std::string_view province)
{
    if (const auto *p = GridCarbon::find(province))
        return p->gPerKwh;
    throw std::logic_error("no grid factor for " + std::string(province));
}

std::vector<SiteProfile> makeSites()
{
    using namespace ::suanli::v1;
    // Carbon: the province's grid factor from GridCarbon (docs/FACTS.md section 3).
    // PUE: Yangtze Delta hub <= 1.25; western hubs about 1.2; others under
    // the national 1.3 target for large centres (docs/FACTS.md section 2).
    // Load: national intelligent-compute use was about 30 % (data to Nov 2024) while
    // flagship coastal centres were short of high-end accelerators, and many newer local
    // centres ran at 20-30 % (docs/FACTS.md section 6). So Lingang is saturated on every
    // model, Wuhan busy, and the inland Ascend / Cambricon centres partly idle.
    return {
        { "lingang", "lg", "Shanghai Lingang", "上海临港", "Shanghai", 1.23, grid("Shanghai"),
            { { ACCELERATOR_MODEL_NVIDIA_H100, 0.40 }, { ACCELERATOR_MODEL_NVIDIA_A100, 0.30 },
                { ACCELERATOR_MODEL_NVIDIA_H800, 0.20 }, { ACCELERATOR_MODEL_ASCEND_910B, 0.10 } },
            { { ACCELERATOR_MODEL_NVIDIA_H100, 1.8 }, { ACCELERATOR_MODEL_NVIDIA_A100, 1.5 },
                { ACCELERATOR_MODEL_NVIDIA_H800, 1.6 }, { ACCELERATOR_MODEL_ASCEND_910B, 1.4 } } },
        { "wuhan", "wh", "Wuhan", "武汉", "Hubei", 1.27, grid("Hubei"),
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.90 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.10 } },
            { { ACCELERATOR_MODEL_ASCEND_910B, 1.3 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.6 } } },
        { "xian", "xa", "Xi'an", "西安", "Shaanxi", 1.20, grid("Shaanxi"),
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.92 }, { ACCELERATOR_MODEL_HYGON_K100, 0.08 } },
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.30 }, { ACCELERATOR_MODEL_HYGON_K100, 0.40 } } },
        { "zhengzhou", "zz", "Zhengzhou", "郑州", "Henan", 1.28, grid("Henan"),
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.65 }, { ACCELERATOR_MODEL_HYGON_K100, 0.20 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.15 } },
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.70 }, { ACCELERATOR_MODEL_HYGON_K100, 0.50 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.40 } } },
        { "nanjing", "nj", "Nanjing", "南京", "Jiangsu", 1.24, grid("Jiangsu"),
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.50 }, { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.30 },
                { ACCELERATOR_MODEL_HYGON_K100, 0.20 } },
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.60 }, { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.35 },
                { ACCELERATOR_MODEL_HYGON_K100, 0.30 } } },
        { "chengdu", "cd", "Chengdu", "成都", "Sichuan", 1.19, grid("Sichuan"),
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.90 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.10 } },
            { { ACCELERATOR_MODEL_ASCEND_910B, 0.25 },
                { ACCELERATOR_MODEL_CAMBRICON_MLU370, 0.20 } } },
    };
}
} // namespace

SiteInfo SiteProfile::info() const
{
    SiteInfo info;
    info.name = name;
    info.nameZh = nameZh;
    info.province = province;
    info.pue = pue;
    info.carbonGPerKwh = carbonGPerKwh;
    return info;
}

double SiteProfile::demandOf(::suanli::v1::AcceleratorModel model) const
{
    for (const auto &[m, level] : demand)
        if (m == model)
            return level;
    return 1.5;
}

const std::vector<SiteProfile> &SiteProfile::all()
{
    static const std::vector<SiteProfile> sites = makeSites();
    return sites;
}

const SiteProfile *SiteProfile::find(std::string_view id)
{
    for (const auto &s : all())
        if (s.id == id)
            return &s;
    return nullptr;
}

} // namespace suanli::server
