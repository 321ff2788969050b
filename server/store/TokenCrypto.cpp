#include "server/store/TokenCrypto.h"

#include "server/store/Store.h"

#include <cstdint>
#include <openssl/evp.h>
#include <openssl/rand.h>

namespace suanli::server::crypto {

std::string hexOf(const unsigned char *data, size_t size)
{
    static constexpr char digits[] = "0123456789abcdef";
    std::string out;
    out.reserve(size * 2);
    for (size_t i = 0; i < size; ++i) {
        out += digits[data[i] >> 4];
        out += digits[data[i] & 0xf];
    }
    return out;
}

std::string sha256Hex(std::string_view data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (EVP_Digest(data.data(), data.size(), md, &size, EVP_sha256(), nullptr) != 1)
        throw StoreError("SHA-256 failed (OpenSSL)");
    return hexOf(md, size);
}

std::string randomBytes(size_t count)
{
    std::string out(count, '\0');
    if (RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), int(count)) != 1)
        throw StoreError("RAND_bytes failed: the system has no usable randomness");
    return out;
}

std::string base64UrlNoPadding(std::string_view data)
{
    static constexpr char alphabet[]
        = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    std::string out;
    uint32_t bits = 0;
    int count = 0;
    for (unsigned char c : data) {
        bits = (bits << 8) | c;
        count += 8;
        while (count >= 6) {
            count -= 6;
            out += alphabet[(bits >> count) & 0x3f];
        }
    }
    if (count > 0)
        out += alphabet[(bits << (6 - count)) & 0x3f];
    return out;
}

std::string newTokenSecret()
{
    return "sl_" + base64UrlNoPadding(randomBytes(32));
}

} // namespace suanli::server::crypto
