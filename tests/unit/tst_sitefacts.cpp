// A real centre's site facts: its PUE and where it draws power, set as `suanlid serve --pue 1.25
// --province Shanghai` (or --carbon-g-per-kwh) and checked before the gateway starts; the
// province's grid factor comes from the same table the simulator uses (FACTS.md section 3).
#include "server/backends/facts/GridCarbon.h"
#include "server/backends/sim/SiteProfile.h"
#include "server/backends/slurm/SiteFacts.h"

#include <array>
#include <cstdio>
#include <gtest/gtest.h>
#include <string>
#include <sys/wait.h>

using namespace suanli::server;

namespace {

bool has(const std::string &text, const std::string &part)
{
    return text.find(part) != std::string::npos;
}

struct Ran {
    int exitCode = -1;
    std::string output; // stdout and stderr
};

// Runs suanlid with `args` (a shell-safe string) and returns its exit code and output.
Ran suanlid(const std::string &args)
{
    const std::string command = std::string(SUANLID_PATH) + " " + args + " 2>&1";
    Ran run;
    FILE *pipe = popen(command.c_str(), "r");
    if (!pipe)
        return run;
    std::array<char, 4096> buffer {};
    size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
        run.output.append(buffer.data(), n);
    const int status = pclose(pipe);
    run.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

} // namespace

TEST(GridCarbon, ProvincesHaveTheir2022Factors)
{
    // FACTS.md section 3, provinces 2022, kgCO2/kWh x 1000.
    const std::pair<const char *, double> expected[]
        = { { "Shanghai", 584.9 }, { "Jiangsu", 597.8 }, { "Hubei", 436.4 }, { "Henan", 605.8 },
              { "Shaanxi", 655.8 }, { "Sichuan", 140.4 }, { "Guangdong", 440.3 } };
    for (const auto &[name, factor] : expected) {
        const auto *p = GridCarbon::find(name);
        ASSERT_NE(p, nullptr) << name;
        EXPECT_EQ(p->name, name);
        EXPECT_DOUBLE_EQ(p->gPerKwh, factor) << name;
    }
    EXPECT_EQ(GridCarbon::provinces().size(), std::size(expected));
}

TEST(GridCarbon, FindsProvincesByEnglishOrChineseName)
{
    for (const char *name : { "Shanghai", "shanghai", "SHANGHAI", "上海" }) {
        const auto *p = GridCarbon::find(name);
        ASSERT_NE(p, nullptr) << name;
        EXPECT_EQ(p->name, "Shanghai");
    }
    EXPECT_EQ(GridCarbon::find("四川")->name, "Sichuan");
    for (const char *name : { "", "Atlantis", "Shanghai ", "Shang", "Beijing" })
        EXPECT_EQ(GridCarbon::find(name), nullptr) << name;
    EXPECT_TRUE(has(GridCarbon::names(), "Shanghai, Jiangsu")) << GridCarbon::names();
}

TEST(GridCarbon, IsTheTableTheSimulatedCentresDrawFrom)
{
    for (const SiteProfile &site : SiteProfile::all()) {
        const auto *p = GridCarbon::find(site.province);
        ASSERT_NE(p, nullptr) << site.id;
        EXPECT_DOUBLE_EQ(site.carbonGPerKwh, p->gPerKwh) << site.id;
    }
}

TEST(SiteFacts, NothingConfiguredIsNothingReported)
{
    SiteFacts facts;
    std::string error;
    EXPECT_TRUE(facts.empty());
    EXPECT_TRUE(facts.resolve(&error)) << error;
    SiteInfo site;
    site.name = "Slurm Centre";
    facts.applyTo(&site);
    EXPECT_FALSE(site.pue);
    EXPECT_FALSE(site.carbonGPerKwh);
    EXPECT_TRUE(site.province.empty());
}

TEST(SiteFacts, ProvinceGivesItsGridFactor)
{
    SiteFacts facts;
    std::string error;
    ASSERT_TRUE(facts.set("pue", "1.25", &error)) << error;
    ASSERT_TRUE(facts.set("province", "上海", &error)) << error;
    ASSERT_TRUE(facts.resolve(&error)) << error;
    SiteInfo site;
    facts.applyTo(&site);
    ASSERT_TRUE(site.pue && site.carbonGPerKwh);
    EXPECT_DOUBLE_EQ(*site.pue, 1.25);
    EXPECT_EQ(site.province, "Shanghai");
    EXPECT_DOUBLE_EQ(*site.carbonGPerKwh, 584.9);
}

TEST(SiteFacts, AGivenFactorWinsOverTheProvince)
{
    SiteFacts facts;
    std::string error;
    ASSERT_TRUE(facts.set("carbon-g-per-kwh", "581", &error)) << error;
    ASSERT_TRUE(facts.set("province", "Shanghai", &error)) << error;
    ASSERT_TRUE(facts.resolve(&error)) << error;
    EXPECT_DOUBLE_EQ(facts.carbonGPerKwh.value_or(-1), 581);
    // A province the table does not know is fine with a factor of its own.
    SiteFacts own;
    ASSERT_TRUE(own.set("province", "Inner Mongolia", &error)) << error;
    ASSERT_TRUE(own.set("carbon-g-per-kwh", "0", &error)) << error;
    ASSERT_TRUE(own.resolve(&error)) << error;
    EXPECT_EQ(own.province, "Inner Mongolia");
    EXPECT_DOUBLE_EQ(own.carbonGPerKwh.value_or(-1), 0);
    EXPECT_FALSE(own.pue);
}

TEST(SiteFacts, BadValuesAreRefusedWithWhatIsAccepted)
{
    struct Case {
        const char *key, *text, *says;
    };
    const Case cases[] = {
        { "pue", "0.9", "1.0 to 3.0 (got 0.9)" },
        { "pue", "3.5", "1.0 to 3.0 (got 3.5)" },
        { "pue", "1.2x", "(got 1.2x)" },
        { "pue", "", "(got )" },
        { "pue", "nan", "(got nan)" },
        { "carbon-g-per-kwh", "-5", "0 to 2000 (got -5)" },
        { "carbon-g-per-kwh", "2500", "0 to 2000 (got 2500)" },
        { "carbon-g-per-kwh", "inf", "(got inf)" },
        { "province", "", "name a province" },
        { "grid", "581", "unknown site fact 'grid'" },
    };
    for (const Case &c : cases) {
        SiteFacts facts;
        std::string error;
        EXPECT_FALSE(facts.set(c.key, c.text, &error)) << c.key << " " << c.text;
        EXPECT_TRUE(has(error, c.says)) << error;
        if (std::string(c.key) != "grid")
            EXPECT_EQ(error.rfind(c.key, 0), 0u) << "starts with its key: " << error;
        EXPECT_TRUE(facts.empty()) << c.key;
    }
    for (const char *good : { "1", "1.0", "1.25", "3" }) {
        SiteFacts facts;
        EXPECT_TRUE(facts.set("pue", good, nullptr)) << good;
    }
}

TEST(SiteFacts, UnknownProvinceWithoutAFactorNamesTheKnownOnes)
{
    SiteFacts facts;
    std::string error;
    ASSERT_TRUE(facts.set("province", "Atlantis", &error)) << error;
    EXPECT_FALSE(facts.resolve(&error));
    EXPECT_TRUE(has(error, "province 'Atlantis'")) << error;
    EXPECT_TRUE(has(error, "Shanghai, Jiangsu, Hubei")) << error;
    EXPECT_TRUE(has(error, "carbon-g-per-kwh")) << error;
    EXPECT_FALSE(facts.carbonGPerKwh);
}

TEST(SuanlidServe, HelpDocumentsTheSiteFacts)
{
    const Ran run = suanlid("serve --help");
    EXPECT_EQ(run.exitCode, 0) << run.output;
    for (const std::string &key : SiteFacts::keys())
        EXPECT_TRUE(has(run.output, "--" + key + " ")) << key;
    for (const auto &p : GridCarbon::provinces())
        EXPECT_TRUE(has(run.output, p.name)) << p.name;
    EXPECT_TRUE(has(run.output, "not configured"));
}

TEST(SuanlidServe, RefusesBadSiteFactsBeforeStarting)
{
    const std::string dir = "--data-dir " + std::string(::testing::TempDir()) + "sitefacts ";
    struct Case {
        std::string args, says;
    };
    const Case cases[] = {
        { "serve --backend slurm --pue 0.8", "--pue must be" },
        { "serve --backend slurm --carbon-g-per-kwh lots", "--carbon-g-per-kwh must be" },
        { "serve --backend slurm --province Atlantis", "--province 'Atlantis' has no grid" },
        { "serve --backend sim --pue 1.2",
            "--pue, --province and --carbon-g-per-kwh are for "
            "--backend slurm" },
        { "serve --province Shanghai",
            "--pue, --province and --carbon-g-per-kwh are for "
            "--backend slurm" },
        { "serve --backend slurm --pue", "unknown or incomplete option '--pue'" },
    };
    for (const Case &c : cases) {
        const Ran run = suanlid(dir + c.args);
        EXPECT_EQ(run.exitCode, 2) << c.args << "\n" << run.output;
        EXPECT_TRUE(has(run.output, "suanlid: " + c.says)) << c.args << "\n" << run.output;
    }
}
