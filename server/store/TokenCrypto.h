#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// The store's cryptography (OpenSSL): token secrets, their SHA-256 hashes and token ids.
// Failures of the system's randomness or of OpenSSL throw StoreError.
namespace suanli::server::crypto {

std::string hexOf(const unsigned char *data, size_t size);
// Hex SHA-256, as token hashes and the audit chain store it.
std::string sha256Hex(std::string_view data);
std::string randomBytes(size_t count);
std::string base64UrlNoPadding(std::string_view data);
// A new bearer token: "sl_" and 32 random bytes, base64url.
std::string newTokenSecret();

} // namespace suanli::server::crypto
