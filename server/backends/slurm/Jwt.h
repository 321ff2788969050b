#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace suanli::server {

// Base64url without padding (RFC 7515 §2), as JWTs use it.
std::string base64Url(std::string_view bytes);

// A Slurm auth/jwt token: HS256 over {"alg":"HS256","typ":"JWT"} and
// {"exp":EXP,"iat":IAT,"sun":USER}, signed with slurm's jwt_key file (the
// same claims `scontrol token` issues).
std::string mintSlurmJwt(
    std::string_view key, const std::string &user, int64_t issuedAt, int64_t expiresAt);

} // namespace suanli::server
