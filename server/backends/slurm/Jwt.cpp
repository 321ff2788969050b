#include "server/backends/slurm/Jwt.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <stdexcept>

namespace suanli::server {

std::string base64Url(std::string_view bytes)
{
    static const char *alphabet
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8
            | uint8_t(bytes[i + 2]);
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += alphabet[v >> 6 & 63];
        out += alphabet[v & 63];
    }
    if (i + 1 == bytes.size()) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16;
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
    } else if (i + 2 == bytes.size()) {
        const uint32_t v = uint32_t(uint8_t(bytes[i])) << 16 | uint32_t(uint8_t(bytes[i + 1])) << 8;
        out += alphabet[v >> 18 & 63];
        out += alphabet[v >> 12 & 63];
        out += alphabet[v >> 6 & 63];
    }
    return out;
}

namespace {
// The user name goes into JSON; Slurm user names never need more than this.
std::string jsonEscape(const std::string &text)
{
    std::string out;
    for (char c : text) {
        if (c == '"' || c == '\\')
            out += '\\';
        if (uint8_t(c) < 0x20)
            continue;
        out += c;
    }
    return out;
}
} // namespace

std::string mintSlurmJwt(
    std::string_view key, const std::string &user, int64_t issuedAt, int64_t expiresAt)
{
    const std::string header = R"({"alg":"HS256","typ":"JWT"})";
    const std::string claims = "{\"exp\":" + std::to_string(expiresAt)
        + ",\"iat\":" + std::to_string(issuedAt) + ",\"sun\":\"" + jsonEscape(user) + "\"}";
    const std::string signingInput = base64Url(header) + "." + base64Url(claims);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int macLength = 0;
    if (!HMAC(EVP_sha256(), key.data(), int(key.size()),
            reinterpret_cast<const unsigned char *>(signingInput.data()), signingInput.size(), mac,
            &macLength))
        throw std::runtime_error("HMAC-SHA256 failed while minting a Slurm token");
    return signingInput + "."
        + base64Url(std::string_view(reinterpret_cast<const char *>(mac), macLength));
}

} // namespace suanli::server
