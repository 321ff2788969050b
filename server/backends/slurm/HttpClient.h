#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace suanli::server {

// Answer to one HTTP request made by HttpClient.
struct HttpResponse {
    // False when no HTTP answer came at all (refused, timed out, DNS): see error.
    bool answered = false;
    long status = 0;
    std::string body;
    std::string error;
};

// HttpClient makes the gateway's few HTTP requests (slurmrestd, a metrics
// exporter) with libcurl: a well-kept library Debian ships
// (libcurl4-openssl-dev) that handles HTTP/1.1, TLS, proxies and timeouts,
// which a hand-written socket client would have to relearn. Thread-safe: each
// request has its own handle.
class HttpClient {
public:
    using Headers = std::vector<std::pair<std::string, std::string>>;

    explicit HttpClient(std::chrono::milliseconds timeout);

    HttpResponse get(const std::string &url, const Headers &headers = {}) const;
    HttpResponse post(
        const std::string &url, const std::string &jsonBody, const Headers &headers = {}) const;
    HttpResponse del(const std::string &url, const Headers &headers = {}) const;

private:
    HttpResponse request(const char *method, const std::string &url, const std::string *body,
        const Headers &headers) const;

    std::chrono::milliseconds m_timeout;
};

} // namespace suanli::server
