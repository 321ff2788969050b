#include "server/backends/slurm/SlurmBackend.h"

#include "server/backends/PerTarget.h"
#include "server/backends/facts/AcceleratorSpec.h"
#include "server/backends/slurm/Jwt.h"
#include "server/backends/slurm/SlurmBackendParts.h"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

// SlurmBackend's set-up, its view of whether Slurm answers, and its requests to slurmrestd;
// the reads are in SlurmPoller.cpp, the model in SlurmModel.cpp, the actions in SlurmActions.cpp.

namespace suanli::server {

using slurm::Json;
using namespace slurm::parts;

namespace {

// Minted tokens live this long and are renewed when less than kRenewSeconds is left.
constexpr int64_t kTokenSeconds = 1800;
constexpr int64_t kRenewSeconds = 300;

std::string readWhole(const std::string &path, const char *what)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::invalid_argument(std::string("cannot read the ") + what + " " + path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string trimmed(std::string s)
{
    while (!s.empty() && std::isspace(uint8_t(s.back())))
        s.pop_back();
    while (!s.empty() && std::isspace(uint8_t(s.front())))
        s.erase(0, 1);
    return s;
}

} // namespace

SlurmBackend::SlurmBackend(SlurmOptions options)
    : m_options(std::move(options))
    , m_http(std::chrono::milliseconds(int64_t(m_options.timeoutSeconds * 1000)))
    , m_commands(m_options.binDir, m_options.slurmConf,
          std::chrono::milliseconds(int64_t(m_options.timeoutSeconds * 1000)))
{
    while (!m_options.url.empty() && m_options.url.back() == '/')
        m_options.url.pop_back();
    if (m_options.api != "libslurm" && m_options.api != "rest")
        throw std::invalid_argument("--slurm-api must be libslurm (Slurm's client library) or "
                                    "rest (slurmrestd), not '"
            + m_options.api + "'");
    if (useRest()) {
        if (m_options.url.empty())
            throw std::invalid_argument("--slurm-url is required with --slurm-api rest "
                                        "(slurmrestd's address, e.g. http://127.0.0.1:6820)");
        if (m_options.user.empty())
            throw std::invalid_argument("--slurm-user is required with --slurm-api rest "
                                        "(the Slurm user the gateway acts as)");
        if (m_options.jwtKeyFile.empty() == m_options.tokenFile.empty())
            throw std::invalid_argument("give exactly one of --slurm-jwt-key FILE (the gateway "
                                        "mints its own tokens) or --slurm-token-file FILE");
    }
    if (!m_options.jwtKeyFile.empty()) {
        m_jwtKey = readWhole(m_options.jwtKeyFile, "Slurm JWT key");
        if (m_jwtKey.size() < 16)
            throw std::invalid_argument("the Slurm JWT key " + m_options.jwtKeyFile
                + " is too short to be slurm's jwt_key");
    } else if (!m_options.tokenFile.empty()) {
        m_token = trimmed(readWhole(m_options.tokenFile, "Slurm token file"));
        if (m_token.empty())
            throw std::invalid_argument(
                "the Slurm token file " + m_options.tokenFile + " is empty");
    }
    if (!useRest())
        m_lib = std::make_unique<slurm::LibSlurm>(m_options.slurmConf);
    if (!m_options.topologyFile.empty())
        m_topology = Topology::fromFile(m_options.topologyFile);
    m_clusterName = m_options.cluster;
}

SlurmBackend::~SlurmBackend() = default;

SiteInfo SlurmBackend::site() const
{
    std::lock_guard lock(m_mutex);
    SiteInfo info;
    info.name = !m_options.siteName.empty() ? m_options.siteName
        : !m_clusterName.empty()            ? m_clusterName
                                            : std::string("Slurm cluster");
    for (const auto &[name, r] : m_nodes) {
        const auto model = r.node.model();
        if (model == v1::ACCELERATOR_MODEL_OTHER || model == v1::ACCELERATOR_MODEL_UNSPECIFIED)
            continue;
        info.peakTflopsFp16 += AcceleratorSpec::of(model).fp16Tflops * r.node.accelerators_total();
    }
    // Slurm knows neither the PUE nor the grid: only what the site configured.
    m_options.site.applyTo(&info);
    return info;
}

std::chrono::system_clock::time_point SlurmBackend::now() const
{
    return std::chrono::system_clock::now();
}

bool SlurmBackend::reachable() const
{
    std::lock_guard lock(m_mutex);
    return m_reachable;
}

void SlurmBackend::markReachable(bool ok, const std::string &error)
{
    std::lock_guard lock(m_mutex);
    if (!ok && m_reachable)
        m_unreachableSince = std::chrono::system_clock::now();
    m_reachable = ok;
    m_lastError = ok ? std::string() : error;
}

std::string SlurmBackend::unavailableMessage() const
{
    // The gateway says for how long and since when; this says why.
    std::lock_guard lock(m_mutex);
    return m_lastError.empty() ? std::string("Slurm does not answer") : m_lastError;
}

TargetResults SlurmBackend::unavailableResults(const std::vector<std::string> &targets) const
{
    const std::string message = unavailableMessage();
    return perTarget(targets,
        [&](const std::string &target) { return targetFailed(target, "UNAVAILABLE", message); });
}

// ---- talking to slurmrestd ------------------------------------------------

std::vector<std::pair<std::string, std::string>> SlurmBackend::authHeaders(std::string *error)
{
    std::lock_guard lock(m_tokenMutex);
    const int64_t now = wallSeconds();
    if (!m_jwtKey.empty()) {
        if (m_token.empty() || now + kRenewSeconds >= m_tokenExpiry) {
            m_tokenExpiry = now + kTokenSeconds;
            m_token = mintSlurmJwt(m_jwtKey, m_options.user, now, m_tokenExpiry);
        }
    } else {
        // A token file may be renewed by someone else: re-read it when it changes.
        std::error_code ec;
        const auto mtime = std::filesystem::last_write_time(m_options.tokenFile, ec);
        const int64_t stamp = ec ? -1 : int64_t(mtime.time_since_epoch().count());
        if (!ec && stamp != m_tokenFileMtime) {
            m_tokenFileMtime = stamp;
            try {
                if (auto token = trimmed(readWhole(m_options.tokenFile, "Slurm token file"));
                    !token.empty())
                    m_token = token;
            } catch (const std::exception &e) {
                *error = e.what();
            }
        }
    }
    return { { "X-SLURM-USER-NAME", m_options.user }, { "X-SLURM-USER-TOKEN", m_token } };
}

SlurmBackend::Reply SlurmBackend::rest(
    const char *method, const std::string &path, const std::string &body)
{
    Reply reply;
    std::string authError;
    const auto headers = authHeaders(&authError);
    const std::string url = m_options.url + path;
    HttpResponse r;
    if (std::string_view(method) == "GET")
        r = m_http.get(url, headers);
    else if (std::string_view(method) == "DELETE")
        r = m_http.del(url, headers);
    else
        r = m_http.post(url, body, headers);
    if (!r.answered) {
        reply.unreachable = true;
        if (contains(r.error, "timed out") || contains(r.error, "Timeout"))
            reply.error = "slurmrestd at " + m_options.url + " did not answer " + path
                + " within --slurm-timeout (" + r.error
                + "); it is running but slow: a large cluster's answer can take slurmrestd "
                  "longer than that (--slurm-api libslurm reads it without slurmrestd)";
        else
            reply.error = "cannot reach slurmrestd at " + m_options.url + " (" + r.error
                + "); is slurmrestd running?";
        return reply;
    }
    if (r.status == 304) {
        reply.status = Fetch::Unchanged;
        return reply;
    }
    reply.body = Json::parse(r.body, nullptr, false);
    std::string errors;
    if (reply.body.is_object()) {
        if (auto it = reply.body.find("errors"); it != reply.body.end() && it->is_array()) {
            for (const auto &e : *it) {
                std::string text = e.value("error", std::string());
                const std::string description = e.value("description", std::string());
                if (!description.empty() && description != text)
                    text += text.empty() ? description : " (" + description + ")";
                if (!errors.empty())
                    errors += "; ";
                errors += text;
            }
        }
    }
    if (r.status == 200 && errors.empty() && !reply.body.is_discarded()) {
        reply.status = Fetch::Changed;
        return reply;
    }
    if (!errors.empty()) {
        reply.error = "slurmrestd " + std::string(method) + " " + path + ": " + errors;
        reply.unreachable = controllerUnreachable(errors);
        // slurmrestd 22.05 says only "Unspecified error" when slurmctld does not answer it.
        if (contains(errors, "Unspecified error") && r.status >= 500)
            reply.error += " (is slurmctld running and reachable from slurmrestd?)";
    } else if (reply.body.is_discarded() && r.status < 300) {
        reply.error = "slurmrestd answered " + path + " with something that is not JSON";
    } else {
        std::string snippet = trimmed(r.body.substr(0, 200));
        reply.error = "slurmrestd answered " + std::string(method) + " " + path + " with HTTP "
            + std::to_string(r.status) + (snippet.empty() ? std::string() : ": " + snippet);
        if (r.status == 401 || r.status == 403 || r.status == 500)
            reply.error += " (slurmrestd answers 500 to a token it does not accept: check "
                           "--slurm-user and the --slurm-jwt-key or --slurm-token-file)";
    }
    if (!authError.empty())
        reply.error += "; " + authError;
    return reply;
}

} // namespace suanli::server
