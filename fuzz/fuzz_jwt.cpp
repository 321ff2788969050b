// The Slurm token the gateway mints for slurmrestd (auth/jwt): any key, user name and times give
// a well-formed JWT that slurmrestd can read back. An input is 8 bytes of issue time, 8 of
// expiry, then the key up to the first newline, then the user name.
//
// What must hold: three base64url parts; the header is HS256/JWT; the claims are one JSON
// object whose "sun" is the user name (control characters dropped, quotes and backslashes kept)
// and whose "iat"/"exp" are the times; the signature is 32 bytes (SHA-256); and base64Url
// round-trips any bytes.
#include "server/backends/slurm/Jwt.h"

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace {

std::optional<std::string> fromBase64Url(std::string_view text)
{
    auto value = [](char c) -> int {
        if (c >= 'A' && c <= 'Z')
            return c - 'A';
        if (c >= 'a' && c <= 'z')
            return c - 'a' + 26;
        if (c >= '0' && c <= '9')
            return c - '0' + 52;
        if (c == '-')
            return 62;
        if (c == '_')
            return 63;
        return -1;
    };
    if (text.size() % 4 == 1)
        return std::nullopt;
    std::string out;
    uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        const int v = value(c);
        if (v < 0)
            return std::nullopt;
        bits = bits << 6 | uint32_t(v);
        count += 6;
        if (count >= 8) {
            count -= 8;
            out += char(bits >> count & 0xff);
        }
    }
    return out;
}

void check(bool holds)
{
    if (!holds)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const std::string_view whole(reinterpret_cast<const char *>(data), size);
    check(fromBase64Url(suanli::server::base64Url(whole)) == std::string(whole));
    if (size < 16)
        return 0;
    int64_t issuedAt = 0;
    int64_t expiresAt = 0;
    std::memcpy(&issuedAt, data, 8);
    std::memcpy(&expiresAt, data + 8, 8);
    const std::string_view rest = whole.substr(16);
    const auto newline = rest.find('\n');
    const std::string_view key = rest.substr(0, newline);
    const std::string user(newline == std::string_view::npos ? "" : rest.substr(newline + 1));

    const std::string token = suanli::server::mintSlurmJwt(key, user, issuedAt, expiresAt);
    const auto dot1 = token.find('.');
    const auto dot2 = token.find('.', dot1 + 1);
    check(dot1 != std::string::npos && dot2 != std::string::npos);
    check(token.find('.', dot2 + 1) == std::string::npos);
    const auto header = fromBase64Url(std::string_view(token).substr(0, dot1));
    const auto claims = fromBase64Url(std::string_view(token).substr(dot1 + 1, dot2 - dot1 - 1));
    const auto signature = fromBase64Url(std::string_view(token).substr(dot2 + 1));
    check(header && claims && signature);
    check(*header == R"({"alg":"HS256","typ":"JWT"})");
    check(signature->size() == 32);

    std::string expectedUser;
    for (char c : user)
        if (uint8_t(c) >= 0x20)
            expectedUser += c;
    // Slurm reads the claims as JSON: they parse (a user name that is not UTF-8 is refused by
    // any JSON reader, so only valid UTF-8 is compared).
    const auto parsed = nlohmann::json::parse(*claims, nullptr, false);
    if (parsed.is_discarded()) {
        bool valid = true;
        try {
            (void)nlohmann::json(expectedUser).dump();
        } catch (const nlohmann::json::type_error &) {
            valid = false;
        }
        check(!valid);
        return 0;
    }
    check(parsed.is_object() && parsed.size() == 3);
    check(parsed.at("iat") == issuedAt && parsed.at("exp") == expiresAt);
    check(parsed.at("sun") == expectedUser);
    return 0;
}
