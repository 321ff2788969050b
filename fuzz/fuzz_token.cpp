// What a caller presents as its identity: the "authorization" header's value, through the
// gateway's bearer-token parsing to the store's token lookup. Any value is refused or accepted
// without failing, and only the one token the store issued is accepted, as its user. An input
// may write @TOKEN@ where that token goes, so the accepting path is tried too.
#include "server/auth/BearerToken.h"
#include "server/store/Store.h"

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

using namespace suanli;

namespace {

struct Issued {
    std::filesystem::path dir;
    std::unique_ptr<server::Store> store;
    std::string token;

    Issued()
    {
        std::string pattern
            = (std::filesystem::temp_directory_path() / "suanli-fuzz-XXXXXX").string();
        if (!mkdtemp(pattern.data()))
            std::abort();
        dir = pattern;
        store = std::make_unique<server::Store>(dir.string());
        token = store->createUser("fuzz", v1::ROLE_OPERATOR, {});
    }
    ~Issued()
    {
        store.reset();
        std::error_code ignored;
        std::filesystem::remove_all(dir, ignored);
    }
};

Issued &issued()
{
    static Issued one;
    return one;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Issued &is = issued();
    std::string header(reinterpret_cast<const char *>(data), size);
    constexpr std::string_view marker = "@TOKEN@";
    for (auto at = header.find(marker); at != std::string::npos; at = header.find(marker, at))
        header.replace(at, marker.size(), is.token), at += is.token.size();

    const std::string token = server::bearerTokenOf(header);
    if (!token.empty() && header.size() != token.size() + 7)
        std::abort(); // the token is what follows "Bearer ", nothing else
    const auto principal = is.store->authenticate(token);
    if (principal.has_value() != (token == is.token))
        std::abort();
    if (principal && (principal->user != "fuzz" || principal->role != v1::ROLE_OPERATOR))
        std::abort();
    return 0;
}
