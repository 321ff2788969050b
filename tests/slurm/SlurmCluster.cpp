#include "tests/slurm/SlurmCluster.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

namespace suanli::test {

namespace {
std::string readFile(const std::string &path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' '))
        s.pop_back();
    size_t i = 0;
    while (i < s.size() && s[i] == ' ')
        ++i;
    return s.substr(i);
}

// The cluster's folder: the ctest fixture's, or one named by the environment.
std::string clusterDir()
{
    if (const char *d = std::getenv("SUANLI_SLURM_CLUSTER_DIR"); d && *d)
        return d;
    if (const char *b = std::getenv("SUANLI_BUILD_DIR"); b && *b)
        return std::string(b) + "/slurm-cluster";
    return "slurm-cluster";
}

SlurmCluster g_cluster;
} // namespace

std::vector<std::string> lines(const std::string &text)
{
    std::vector<std::string> out;
    std::istringstream in(text);
    std::string line;
    while (std::getline(in, line))
        if (!line.empty())
            out.push_back(line);
    return out;
}

bool waitUntil(const std::function<bool()> &done, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        if (done())
            return true;
        if (std::chrono::steady_clock::now() >= deadline)
            return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

SlurmCluster &SlurmCluster::instance()
{
    return g_cluster;
}

int SlurmCluster::load()
{
    SlurmCluster &c = g_cluster;
    c.m_dir = clusterDir();
    const std::string unavailable = c.m_dir + "/unavailable";
    if (std::filesystem::exists(unavailable)) {
        std::cout << "SKIPPED: no Slurm test cluster on this machine: "
                  << trimmed(readFile(unavailable)) << '\n';
        return 77;
    }
    const std::string envFile = c.m_dir + "/env";
    if (!std::filesystem::exists(envFile)) {
        std::cerr << "The Slurm test cluster is not running: " << envFile
                  << " is missing. Run the fixture (ctest -L slurm starts it) or "
                  << "scripts/slurm/start.sh " << c.m_dir << ", and see the logs in " << c.m_dir
                  << "/log.\n";
        return 1;
    }
    for (const std::string &line : lines(readFile(envFile))) {
        const auto eq = line.find('=');
        if (eq != std::string::npos)
            c.m_env[line.substr(0, eq)] = line.substr(eq + 1);
    }
    for (const char *key :
        { "SLURM_CONF", "SUANLI_SLURM_URL", "SUANLI_SLURM_USER", "SUANLI_SLURM_JWT_KEY",
            "SUANLI_SLURM_TOKEN", "SUANLI_SLURM_CLUSTER", "SUANLI_SLURM_BIN" }) {
        if (c.env(key).empty()) {
            std::cerr << envFile << " lacks " << key << "; restart the cluster with "
                      << "scripts/slurm/stop.sh and start.sh.\n";
            return 1;
        }
    }
    return 0;
}

std::string SlurmCluster::env(const std::string &key) const
{
    const auto it = m_env.find(key);
    return it == m_env.end() ? std::string() : it->second;
}

RunResult SlurmCluster::slurm(
    const std::string &command, const std::vector<std::string> &args) const
{
    std::vector<std::string> argv = { env("SUANLI_SLURM_BIN") + "/" + command };
    argv.insert(argv.end(), args.begin(), args.end());
    return run(argv, { { "SLURM_CONF", env("SLURM_CONF") } }, std::chrono::seconds(30));
}

RunResult SlurmCluster::rest(const std::string &path, const std::string &token) const
{
    std::vector<std::string> argv = { "/usr/bin/curl", "-s", "--max-time", "20", "-w",
        "\n%{http_code}", "-H", "X-SLURM-USER-NAME: " + env("SUANLI_SLURM_USER") };
    if (!token.empty())
        argv.push_back("-H"), argv.push_back("X-SLURM-USER-TOKEN: " + token);
    argv.push_back(env("SUANLI_SLURM_URL") + path);
    return run(argv, {}, std::chrono::seconds(30));
}

RunResult SlurmCluster::ctld(const std::string &action) const
{
    return run({ "/bin/bash", std::string(SUANLI_SLURM_SCRIPTS) + "/ctld.sh", m_dir, action }, {},
        std::chrono::seconds(120));
}

std::vector<std::string> SlurmCluster::gatewayArgs(const std::string &tick) const
{
    std::vector<std::string> args = { "--backend", "slurm", "--slurm-url", env("SUANLI_SLURM_URL"),
        "--slurm-user", env("SUANLI_SLURM_USER"), "--slurm-jwt-key", env("SUANLI_SLURM_JWT_KEY"),
        "--slurm-conf", env("SLURM_CONF"), "--slurm-cluster", env("SUANLI_SLURM_CLUSTER"), "--tick",
        tick };
    // The same tests run once for each read path (libslurm, the default, and rest).
    if (const char *api = std::getenv("SUANLI_SLURM_API"); api && *api) {
        args.push_back("--slurm-api");
        args.push_back(api);
    }
    return args;
}

std::string SlurmCluster::submit(
    const std::vector<std::string> &args, const std::string &command, std::string *error) const
{
    std::vector<std::string> argv = { "--parsable", "-o", "/dev/null", "-e", "/dev/null" };
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back("--wrap");
    argv.push_back(command);
    const RunResult r = slurm("sbatch", argv);
    std::string id = trimmed(r.out);
    if (const auto semi = id.find(';'); semi != std::string::npos)
        id.resize(semi);
    if (r.exitCode != 0 || id.empty()) {
        if (error)
            *error = "sbatch failed (" + std::to_string(r.exitCode) + "): " + r.err;
        return {};
    }
    return id;
}

std::string SlurmCluster::jobField(const std::string &id, const std::string &field) const
{
    const RunResult r = slurm("scontrol", { "-o", "show", "job", id });
    std::istringstream in(r.out);
    std::string word;
    const std::string prefix = field + "=";
    while (in >> word)
        if (word.rfind(prefix, 0) == 0)
            return word.substr(prefix.size());
    return {};
}

std::string SlurmCluster::nodeState(const std::string &node) const
{
    const RunResult r = slurm("sinfo", { "-h", "-n", node, "-o", "%t" });
    const auto ls = lines(r.out);
    return ls.empty() ? std::string() : trimmed(ls.front());
}

bool SlurmCluster::reset(std::string *error) const
{
    slurm("scancel", { "--user", "root" });
    const bool noJobs = waitUntil(
        [&] {
            return trimmed(slurm("squeue", { "-h", "-o", "%i" }).out).empty();
        },
        std::chrono::seconds(30));
    if (!noJobs) {
        *error = "jobs still in the queue 30 s after scancel: "
            + slurm("squeue", { "-o", "%i %T %r" }).out;
        return false;
    }
    for (const std::string &node :
        lines(slurm("sinfo", { "-h", "-N", "-t", "drain,drng,down", "-o", "%N" }).out))
        slurm("scontrol", { "update", "nodename=" + trimmed(node), "state=resume" });
    const bool idle = waitUntil(
        [&] {
            const RunResult r = slurm("sinfo", { "-h", "-N", "-o", "%t" });
            if (r.exitCode != 0 || r.out.empty())
                return false;
            for (const std::string &s : lines(r.out))
                if (trimmed(s) != "idle")
                    return false;
            return true;
        },
        std::chrono::seconds(30));
    if (!idle) {
        *error = "nodes not idle 30 s after resume: " + slurm("sinfo", { "-N" }).out;
        return false;
    }
    // The limits start.sh set: gres/gpu=8 on tenanta, none elsewhere.
    const std::string none = "gres/gpu=-1,gres/gpu:a100=-1,gres/gpu:910b=-1";
    slurm("sacctmgr",
        { "-i", "modify", "account", "where", "name=tenanta-nlp,tenanta-cv,tenantb,tenantb-llm",
            "set", "GrpTRES=" + none });
    slurm("sacctmgr",
        { "-i", "modify", "account", "where", "name=tenanta", "set",
            "GrpTRES=gres/gpu:a100=-1,gres/gpu:910b=-1,gres/gpu=8" });
    const RunResult assoc = slurm(
        "sacctmgr", { "-n", "-P", "show", "assoc", "where", "user=", "format=account,grptres" });
    for (const std::string &line : lines(assoc.out)) {
        const bool isTenantA = line.rfind("tenanta|", 0) == 0;
        const std::string limits = line.substr(line.find('|') + 1);
        if ((isTenantA && limits != "gres/gpu=8") || (!isTenantA && !limits.empty())) {
            *error = "quotas not back to start.sh's: " + assoc.out;
            return false;
        }
    }
    return true;
}

int SlurmCluster::extraNodes() const
{
    const std::string n = env("SUANLI_SLURM_EXTRA_NODES");
    return n.empty() ? 0 : std::stoi(n);
}

std::vector<std::string> SlurmCluster::extraPartitions() const
{
    std::vector<std::string> out;
    std::istringstream in(env("SUANLI_SLURM_EXTRA_PARTITIONS"));
    for (std::string p; std::getline(in, p, ',');)
        if (!p.empty())
            out.push_back(p);
    return out;
}

std::string SlurmCluster::extraNodeList() const
{
    return env("SUANLI_SLURM_EXTRA_NODELIST");
}

std::string SlurmCluster::extraNodeName(int index)
{
    constexpr int perRack = 8; // PER_RACK in scripts/slurm/start.sh
    char name[32];
    std::snprintf(name, sizeof name, "lg-r%04d-n%02d", index / perRack + 1, index % perRack + 1);
    return name;
}

long SlurmCluster::labJobs() const
{
    const std::string n = env("SUANLI_SLURM_LAB_JOBS");
    return n.empty() ? -1 : std::stol(n);
}

} // namespace suanli::test
