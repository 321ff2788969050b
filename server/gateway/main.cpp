// suanlid: the Suanli gateway of one compute centre.
#include "server/gateway/Gateway.h"
#include "server/gateway/Log.h"
#include "server/store/Store.h"

#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <pthread.h>
#include <string>
#include <vector>

using namespace suanli::server;

namespace {

const char *kUsage = R"(usage: suanlid COMMAND [options]

Commands:
  serve                 run the gateway
  user add NAME --role ROLE [--tenant T]...   add a user; prints its token once
  user list             list users and their tokens' ids
  user remove NAME      remove a user and all their tokens
  token create USER     issue another token for a user; prints it once
  token revoke TOKEN_ID revoke one token

Common options:
  --data-dir DIR        the gateway's data (store, TLS); default ./suanli-data
  -h, --help            this help (also `suanlid serve --help`)
  --version             print suanlid's version and exit

serve options:
  --listen ADDR         address to listen on (default 127.0.0.1:7443; port 0 picks a free one)
  --backend sim|slurm   scheduler backend (sim: the built-in simulated centre; slurm: a Slurm cluster)
  --sim-site NAME       lingang, wuhan, xian, zhengzhou, nanjing, chengdu (default lingang)
  --sim-nodes N         nodes in the simulated centre (default 512)
  --sim-jobs N          active jobs to keep (default 4000)
  --sim-seed N          seed; the same seed gives the same centre (default 1)
  --sim-speed X         simulated seconds per real second (default 1)
  --sim-history HOURS   hours the centre has already run when it starts serving: they are
                        replayed first, so its charts and alerts have a past (default 1; a
                        day takes about 25 s per 1,000 nodes on one core)
  --tick SECONDS        seconds between backend ticks (default 1)
  --forecast-every SECONDS  seconds between forecasts of every waiting job's start, which
                        GetForecastAccuracy scores (default 30; 0: none)

slurm backend options (Slurm 22.05):
  --slurm-api libslurm|rest  how nodes, jobs and partitions are read (default libslurm:
                        Slurm's client library, as squeue and sinfo; the gateway's host is a
                        Slurm client and acts as its own Unix user, an operator in Slurm);
                        rest: through slurmrestd only (costly at scale, see docs/slurm.md)
  --slurm-conf FILE     the cluster's slurm.conf (default: SLURM_CONF, else /etc/slurm/slurm.conf)
  --slurm-url URL       slurmrestd's address, e.g. http://127.0.0.1:6820 (with --slurm-api rest)
  --slurm-user NAME     the Slurm user slurmrestd acts as (with --slurm-api rest)
  --slurm-jwt-key FILE  slurm's jwt_key: the gateway mints its own short-lived tokens (rest)
  --slurm-token-file FILE  or a token from `scontrol token` (re-read when the file changes)
  --slurm-cluster NAME  the cluster's name in slurmdbd (default: slurm.conf's ClusterName)
  --slurm-bin DIR       where scontrol and sacctmgr are (default: PATH)
  --slurm-timeout SECONDS  longest a Slurm request or command may take (default 10)
  --topology FILE       racks: lines 'RACK HOSTLIST' or Slurm's 'SwitchName=RACK Nodes=HOSTLIST'
                        (default: racks from node names, lg-r0017-n3 -> lg-r0017)
  --metrics-url URL     a DCGM or Ascend exporter's Prometheus endpoint for accelerator
                        utilisation, temperature and power (without it: "no data")
  --site-name NAME      the centre's name in consoles (default: the Slurm cluster's name)
  --pue X               the centre's PUE (facility power / IT power, 1.0..3.0), e.g. 1.25;
                        without it PUE, facility power and emissions are "not configured"
  --province NAME       where the centre draws power; its grid carbon factor comes from the
                        province table (2022 MEE factors: Shanghai, Jiangsu, Hubei, Henan,
                        Shaanxi, Sichuan, Guangdong; English or Chinese name)
  --carbon-g-per-kwh G  the grid's carbon intensity in gCO2/kWh (0..2000), e.g. 581; wins over
                        the province's factor. Without it or a known --province, grid carbon
                        and emissions are "not configured"
  --tls-cert FILE --tls-key FILE   serve this certificate instead of suanlid's own CA
  --tls-san NAME        extra name or IP for the generated certificate (repeatable)
  --client-ca FILE      require client certificates signed by this CA
  --log-level LEVEL     debug, info, warn, error (default info)

ROLE is viewer, operator, tenant-manager or admin.
)";

int usageError(const std::string &message)
{
    std::cerr << "suanlid: " << message << "\n\n" << kUsage;
    return 2;
}

bool parseRole(const std::string &text, suanli::v1::Role *role)
{
    if (text == "viewer")
        *role = suanli::v1::ROLE_VIEWER;
    else if (text == "operator")
        *role = suanli::v1::ROLE_OPERATOR;
    else if (text == "tenant-manager")
        *role = suanli::v1::ROLE_TENANT_MANAGER;
    else if (text == "admin")
        *role = suanli::v1::ROLE_ADMIN;
    else
        return false;
    return true;
}

template <class T> bool parseNumber(const std::string &text, T *out)
{
    try {
        size_t used = 0;
        if constexpr (std::is_floating_point_v<T>)
            *out = static_cast<T>(std::stod(text, &used));
        else
            *out = static_cast<T>(std::stoll(text, &used));
        return used == text.size();
    } catch (...) {
        return false;
    }
}

int serve(const std::vector<std::string> &args, const std::string &dataDir)
{
    GatewayOptions options;
    options.dataDir = dataDir;
    options.sim.historySeconds = 3600.0;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string &a = args[i];
        auto value = [&](std::string *out) {
            if (i + 1 >= args.size())
                return false;
            *out = args[++i];
            return true;
        };
        std::string v;
        if (a == "--listen" && value(&v))
            options.listen = v;
        else if (a == "--backend" && value(&v))
            options.backend = v;
        else if (a == "--sim-site" && value(&v))
            options.sim.site = v;
        else if (a == "--sim-nodes" && value(&v)) {
            if (!parseNumber(v, &options.sim.nodes) || options.sim.nodes < 1
                || options.sim.nodes > 100000)
                return usageError("--sim-nodes must be 1..100000 (got " + v + ")");
        } else if (a == "--sim-jobs" && value(&v)) {
            if (!parseNumber(v, &options.sim.jobs) || options.sim.jobs < 0
                || options.sim.jobs > 1000000)
                return usageError("--sim-jobs must be 0..1000000 (got " + v + ")");
        } else if (a == "--sim-seed" && value(&v)) {
            if (!parseNumber(v, &options.sim.seed))
                return usageError("--sim-seed must be a number (got " + v + ")");
        } else if (a == "--sim-history" && value(&v)) {
            double hours = 0;
            if (!parseNumber(v, &hours) || hours < 0 || hours > 168)
                return usageError("--sim-history must be 0..168 hours (got " + v + ")");
            options.sim.historySeconds = hours * 3600.0;
        } else if (a == "--sim-speed" && value(&v)) {
            if (!parseNumber(v, &options.sim.speed) || options.sim.speed < 0
                || options.sim.speed > 3600)
                return usageError("--sim-speed must be 0..3600 (got " + v + ")");
        } else if (a == "--tick" && value(&v)) {
            if (!parseNumber(v, &options.tickSeconds) || options.tickSeconds < 0.05
                || options.tickSeconds > 60)
                return usageError("--tick must be 0.05..60 seconds (got " + v + ")");
        } else if (a == "--forecast-every" && value(&v)) {
            if (!parseNumber(v, &options.forecastEverySeconds) || options.forecastEverySeconds < 0
                || options.forecastEverySeconds > 3600)
                return usageError("--forecast-every must be 0..3600 seconds (got " + v + ")");
        } else if (a == "--slurm-api" && value(&v)) {
            if (v != "libslurm" && v != "rest")
                return usageError("--slurm-api must be libslurm or rest (got " + v + ")");
            options.slurm.api = v;
        } else if (a == "--slurm-url" && value(&v))
            options.slurm.url = v;
        else if (a == "--slurm-user" && value(&v))
            options.slurm.user = v;
        else if (a == "--slurm-jwt-key" && value(&v))
            options.slurm.jwtKeyFile = v;
        else if (a == "--slurm-token-file" && value(&v))
            options.slurm.tokenFile = v;
        else if (a == "--slurm-conf" && value(&v))
            options.slurm.slurmConf = v;
        else if (a == "--slurm-cluster" && value(&v))
            options.slurm.cluster = v;
        else if (a == "--slurm-bin" && value(&v))
            options.slurm.binDir = v;
        else if (a == "--slurm-timeout" && value(&v)) {
            if (!parseNumber(v, &options.slurm.timeoutSeconds) || options.slurm.timeoutSeconds < 0.5
                || options.slurm.timeoutSeconds > 600)
                return usageError("--slurm-timeout must be 0.5..600 seconds (got " + v + ")");
        } else if (a == "--topology" && value(&v))
            options.slurm.topologyFile = v;
        else if (a == "--metrics-url" && value(&v))
            options.slurm.metricsUrl = v;
        else if (a == "--site-name" && value(&v))
            options.slurm.siteName = v;
        else if ((a == "--pue" || a == "--province" || a == "--carbon-g-per-kwh") && value(&v)) {
            // The flag without its dashes is the fact's key, as in a config file.
            std::string error;
            if (!options.slurm.site.set(a.substr(2), v, &error))
                return usageError("--" + error);
        } else if (a == "-h" || a == "--help") {
            std::printf("%s", kUsage);
            return 0;
        } else if (a == "--tls-cert" && value(&v))
            options.tlsCert = v;
        else if (a == "--tls-key" && value(&v))
            options.tlsKey = v;
        else if (a == "--tls-san" && value(&v))
            options.tlsSans.push_back(v);
        else if (a == "--client-ca" && value(&v))
            options.clientCa = v;
        else if (a == "--log-level" && value(&v)) {
            LogLevel level;
            if (!Log::parseLevel(v, &level))
                return usageError("--log-level must be debug, info, warn or error");
            Log::setLevel(level);
        } else
            return usageError("unknown or incomplete option '" + a + "' for serve");
    }
    if (options.tlsCert.empty() != options.tlsKey.empty())
        return usageError("--tls-cert and --tls-key go together");
    options.sim.tickSeconds = options.tickSeconds;
    if (options.backend == "slurm" && options.slurm.api == "rest") {
        if (options.slurm.url.empty())
            return usageError("--slurm-api rest needs --slurm-url (slurmrestd's address)");
        if (options.slurm.user.empty())
            return usageError("--slurm-api rest needs --slurm-user");
        if (options.slurm.jwtKeyFile.empty() == options.slurm.tokenFile.empty())
            return usageError(
                "--slurm-api rest needs one of --slurm-jwt-key or --slurm-token-file");
    } else if (options.backend != "slurm" && !options.slurm.url.empty()) {
        return usageError("--slurm-url is for --backend slurm");
    }
    if (options.backend != "slurm" && !options.slurm.site.empty())
        return usageError("--pue, --province and --carbon-g-per-kwh are for --backend slurm (a "
                          "simulated centre has its own)");
    if (std::string error; !options.slurm.site.resolve(&error))
        return usageError("--" + error);

    // Signals are taken by sigwait below, never by a gRPC or tick thread.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGTERM);
    sigaddset(&signals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);

    Gateway gateway(options);
    try {
        gateway.start();
    } catch (const std::exception &e) {
        LOG_ERROR("cannot start: " << e.what());
        std::fprintf(stderr, "suanlid: cannot start: %s\n", e.what());
        return 1;
    }
    std::printf("suanlid: TLS CA certificate %s\n", gateway.caPath().c_str());
    std::printf("suanlid: TLS CA fingerprint SHA256 %s\n", gateway.caFingerprint().c_str());
    std::printf("suanlid: serving %s on port %d\n", gateway.describe().c_str(), gateway.port());
    std::fflush(stdout);
    LOG_INFO("serving " << gateway.describe() << " on " << options.listen << " (port "
                        << gateway.port() << ")");
    if (options.backend == "slurm") {
        const auto &site = options.slurm.site;
        if (!site.pue)
            LOG_INFO("PUE not configured (--pue): facility power and emissions are reported as "
                     "not configured");
        if (!site.carbonGPerKwh)
            LOG_INFO("grid carbon not configured (--province or --carbon-g-per-kwh): carbon "
                     "intensity and emissions are reported as not configured");
    }

    int sig = 0;
    sigwait(&signals, &sig);
    LOG_INFO("signal " << sig << ": shutting down");
    gateway.shutdown();
    LOG_INFO("stopped");
    return 0;
}

int userCommand(const std::vector<std::string> &args, const std::string &dataDir)
{
    if (args.empty())
        return usageError("user needs add, list or remove");
    Store store(dataDir);
    if (args[0] == "add") {
        if (args.size() < 2)
            return usageError("user add needs a NAME");
        suanli::v1::Role role = suanli::v1::ROLE_UNSPECIFIED;
        std::vector<std::string> tenants;
        for (size_t i = 2; i < args.size(); ++i) {
            if (args[i] == "--role" && i + 1 < args.size()) {
                if (!parseRole(args[++i], &role))
                    return usageError(
                        "--role must be viewer, operator, tenant-manager or admin (got " + args[i]
                        + ")");
            } else if (args[i] == "--tenant" && i + 1 < args.size()) {
                tenants.push_back(args[++i]);
            } else {
                return usageError("unknown or incomplete option '" + args[i] + "' for user add");
            }
        }
        if (role == suanli::v1::ROLE_UNSPECIFIED)
            return usageError("user add needs --role");
        if (store.user(args[1])) {
            std::fprintf(stderr, "suanlid: user '%s' already exists\n", args[1].c_str());
            return 1;
        }
        const std::string token = store.createUser(args[1], role, tenants);
        std::printf("%s\n", token.c_str());
        return 0;
    }
    if (args[0] == "list") {
        for (const auto &u : store.listUsers()) {
            std::string tenants, tokens;
            for (const auto &t : u.tenants())
                tenants += (tenants.empty() ? "" : ",") + t;
            for (const auto &t : u.tokens())
                tokens += (tokens.empty() ? "" : ",") + t.id();
            std::printf("%-20s %-15s tenants=%s tokens=%s\n", u.name().c_str(),
                suanli::v1::Role_Name(u.role()).c_str() + 5,
                tenants.empty() ? "-" : tenants.c_str(), tokens.empty() ? "-" : tokens.c_str());
        }
        return 0;
    }
    if (args[0] == "remove") {
        if (args.size() != 2)
            return usageError("user remove needs a NAME");
        if (!store.deleteUser(args[1])) {
            std::fprintf(stderr, "suanlid: user '%s' not found\n", args[1].c_str());
            return 1;
        }
        return 0;
    }
    return usageError("unknown user command '" + args[0] + "'");
}

int tokenCommand(const std::vector<std::string> &args, const std::string &dataDir)
{
    if (args.size() != 2)
        return usageError("token needs create USER or revoke TOKEN_ID");
    Store store(dataDir);
    if (args[0] == "create") {
        if (!store.user(args[1])) {
            std::fprintf(stderr, "suanlid: user '%s' not found\n", args[1].c_str());
            return 1;
        }
        auto [info, token] = store.createToken(args[1]);
        std::printf("%s\n", token.c_str());
        std::fprintf(stderr, "token id %s\n", info.id().c_str());
        return 0;
    }
    if (args[0] == "revoke") {
        if (!store.revokeToken(args[1])) {
            std::fprintf(stderr, "suanlid: token '%s' not found\n", args[1].c_str());
            return 1;
        }
        return 0;
    }
    return usageError("unknown token command '" + args[0] + "'");
}

} // namespace

int main(int argc, char **argv)
{
    setvbuf(stdout, nullptr, _IOLBF, 0);
    std::vector<std::string> args(argv + 1, argv + argc);
    std::string dataDir = "suanli-data";
    for (size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "--data-dir") {
            if (i + 1 >= args.size())
                return usageError("--data-dir needs a folder");
            dataDir = args[i + 1];
            args.erase(args.begin() + i, args.begin() + i + 2);
            break;
        }
    }
    if (!args.empty() && args[0] == "--version") {
        std::printf("suanlid %s\n", SUANLI_VERSION);
        return 0;
    }
    if (args.empty() || args[0] == "-h" || args[0] == "--help" || args[0] == "help") {
        std::printf("%s", kUsage);
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "serve")
            return serve(args, dataDir);
        if (command == "user")
            return userCommand(args, dataDir);
        if (command == "token")
            return tokenCommand(args, dataDir);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "suanlid: %s\n", e.what());
        return 1;
    }
    return usageError("unknown command '" + command + "'");
}
