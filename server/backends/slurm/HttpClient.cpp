#include "server/backends/slurm/HttpClient.h"

#include <curl/curl.h>
#include <mutex>

namespace suanli::server {

namespace {
size_t appendBody(char *data, size_t size, size_t count, void *user)
{
    static_cast<std::string *>(user)->append(data, size * count);
    return size * count;
}
} // namespace

HttpClient::HttpClient(std::chrono::milliseconds timeout)
    : m_timeout(timeout)
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpResponse HttpClient::get(const std::string &url, const Headers &headers) const
{
    return request("GET", url, nullptr, headers);
}

HttpResponse HttpClient::post(
    const std::string &url, const std::string &jsonBody, const Headers &headers) const
{
    return request("POST", url, &jsonBody, headers);
}

HttpResponse HttpClient::del(const std::string &url, const Headers &headers) const
{
    return request("DELETE", url, nullptr, headers);
}

HttpResponse HttpClient::request(const char *method, const std::string &url,
    const std::string *body, const Headers &headers) const
{
    HttpResponse response;
    CURL *curl = curl_easy_init();
    if (!curl) {
        response.error = "cannot start an HTTP request (libcurl)";
        return response;
    }
    char errorBuffer[CURL_ERROR_SIZE] = {};
    curl_slist *list = nullptr;
    for (const auto &[name, value] : headers)
        list = curl_slist_append(list, (name + ": " + value).c_str());
    if (body)
        list = curl_slist_append(list, "Content-Type: application/json");
    curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
    curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, list);
    curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(m_timeout.count()));
    curl_easy_setopt(
        curl, CURLOPT_CONNECTTIMEOUT_MS, long(std::min<int64_t>(m_timeout.count(), 3000)));
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, appendBody);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
    curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");
    if (body) {
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body->c_str());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE, long(body->size()));
    }
    const CURLcode rc = curl_easy_perform(curl);
    if (rc == CURLE_OK) {
        response.answered = true;
        curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
    } else {
        response.error = errorBuffer[0] ? errorBuffer : curl_easy_strerror(rc);
    }
    curl_slist_free_all(list);
    curl_easy_cleanup(curl);
    return response;
}

} // namespace suanli::server
