// Tokens the gateway mints for slurmrestd: HS256 over Slurm's claims.
#include "server/backends/slurm/Jwt.h"

#include <gtest/gtest.h>

using namespace suanli::server;

TEST(SlurmJwt, Base64UrlHasNoPaddingAndUrlAlphabet)
{
    EXPECT_EQ(base64Url(""), "");
    EXPECT_EQ(base64Url("f"), "Zg");
    EXPECT_EQ(base64Url("fo"), "Zm8");
    EXPECT_EQ(base64Url("foo"), "Zm9v");
    EXPECT_EQ(base64Url("\xfb\xff\xbf"), "-_-_");
}

TEST(SlurmJwt, MatchesAVectorComputedWithOpenssl)
{
    // H=$(printf '%s' '{"alg":"HS256","typ":"JWT"}' | openssl base64 -A | tr '+/' '-_' | tr -d '=')
    // C=$(printf '%s' '{"exp":1700001800,"iat":1700000000,"sun":"alice"}' | ...same...)
    // printf '%s' "$H.$C" | openssl dgst -sha256 -hmac 'suanli-test-key-0123456789abcdef' -binary
    //   | openssl base64 -A | tr '+/' '-_' | tr -d '='
    const std::string token
        = mintSlurmJwt("suanli-test-key-0123456789abcdef", "alice", 1700000000, 1700001800);
    EXPECT_EQ(token,
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9."
        "eyJleHAiOjE3MDAwMDE4MDAsImlhdCI6MTcwMDAwMDAwMCwic3VuIjoiYWxpY2UifQ."
        "sO8nbnBvu5lOgsGr2HeHxgqG2e1b5KRm3Qya-LFg_3I");
}

TEST(SlurmJwt, KeyAndUserChangeTheSignature)
{
    const std::string a = mintSlurmJwt("key-one-0123456789", "alice", 1, 2);
    EXPECT_NE(a, mintSlurmJwt("key-two-0123456789", "alice", 1, 2));
    EXPECT_NE(a, mintSlurmJwt("key-one-0123456789", "bob", 1, 2));
    // Binary keys (slurm's jwt_key is random bytes) sign too.
    const std::string binary("\x00\x01\xff\x10 key with a NUL", 20);
    EXPECT_NE(
        mintSlurmJwt(binary, "alice", 1, 2), mintSlurmJwt(binary.substr(0, 1), "alice", 1, 2));
}
