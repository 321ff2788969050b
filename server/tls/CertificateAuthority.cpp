#include "server/tls/CertificateAuthority.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <ctime>
#include <fcntl.h>
#include <filesystem>
#include <iterator>
#include <memory>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <optional>
#include <stdexcept>
#include <strings.h>
#include <sys/stat.h>
#include <system_error>
#include <unistd.h>

namespace suanli::server {
namespace {

template <auto Free> struct OpenSslDeleter {
    template <class T> void operator()(T *p) const { Free(p); }
};
using X509Ptr = std::unique_ptr<X509, OpenSslDeleter<X509_free>>;
using KeyPtr = std::unique_ptr<EVP_PKEY, OpenSslDeleter<EVP_PKEY_free>>;
using BioPtr = std::unique_ptr<BIO, OpenSslDeleter<BIO_free_all>>;
using NamesPtr = std::unique_ptr<GENERAL_NAMES, OpenSslDeleter<GENERAL_NAMES_free>>;
using NamePtr = std::unique_ptr<GENERAL_NAME, OpenSslDeleter<GENERAL_NAME_free>>;
using ExtensionPtr = std::unique_ptr<X509_EXTENSION, OpenSslDeleter<X509_EXTENSION_free>>;
using BignumPtr = std::unique_ptr<BIGNUM, OpenSslDeleter<BN_free>>;
using IntegerPtr = std::unique_ptr<ASN1_INTEGER, OpenSslDeleter<ASN1_INTEGER_free>>;

constexpr int kCaDays = 3650;
constexpr int kLeafDays = 825;
// A server certificate this close to its end is reissued at start.
constexpr long kRenewBeforeSeconds = 30L * 24 * 3600;
// Backdating tolerates clocks a few minutes behind the gateway's.
constexpr long kBackdateSeconds = 300;
// X.520 upper bound of a commonName.
constexpr size_t kMaxCommonName = 64;

// Drains OpenSSL's error queue into one line.
std::string opensslErrors()
{
    std::string out;
    while (unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        if (!out.empty())
            out += "; ";
        out += buf;
    }
    return out.empty() ? std::string("no OpenSSL error reported") : out;
}

[[noreturn]] void fail(const std::string &what)
{
    throw std::runtime_error(what + ": " + opensslErrors());
}

[[noreturn]] void failErrno(const std::string &what, int err)
{
    throw std::runtime_error(what + ": " + std::strerror(err));
}

bool exists(const std::string &path)
{
    struct stat st { };
    return ::stat(path.c_str(), &st) == 0;
}

std::string readFile(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        failErrno("cannot read " + path, errno);
    std::string data;
    char buf[8192];
    for (;;) {
        const ssize_t n = ::read(fd, buf, sizeof buf);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            const int err = errno;
            ::close(fd);
            failErrno("cannot read " + path, err);
        }
        if (n == 0)
            break;
        data.append(buf, static_cast<size_t>(n));
    }
    ::close(fd);
    return data;
}

// Writes `data` to `path` with `mode` atomically: a temporary file is created
// 0600 by mkstemp (O_CREAT|O_EXCL), so a key is never readable by others, not
// even for a moment, then renamed over `path`.
void writeFileAtomic(const std::string &path, const std::string &data, mode_t mode)
{
    std::string tmp = path + ".tmp.XXXXXX";
    const int fd = ::mkstemp(tmp.data());
    if (fd < 0)
        failErrno("cannot create a temporary file for " + path, errno);
    auto abandon = [&](const std::string &what, int err) {
        ::close(fd);
        ::unlink(tmp.c_str());
        failErrno(what, err);
    };
    if (::fchmod(fd, mode) != 0)
        abandon("cannot set the mode of " + tmp, errno);
    size_t done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, data.size() - done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            abandon("cannot write " + tmp, errno);
        }
        done += static_cast<size_t>(n);
    }
    if (::fsync(fd) != 0)
        abandon("cannot sync " + tmp, errno);
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        failErrno("cannot close " + tmp, err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        failErrno("cannot rename " + tmp + " to " + path, err);
    }
}

// Creates `path` as a directory private to its owner (0700), tightening an
// existing one.
void ensurePrivateDirectory(const std::string &path)
{
    if (::mkdir(path.c_str(), 0700) != 0 && errno != EEXIST)
        failErrno("cannot create " + path, errno);
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        failErrno("cannot stat " + path, errno);
    if (!S_ISDIR(st.st_mode))
        throw std::runtime_error(path + " exists but is not a directory");
    if ((st.st_mode & 07777) != 0700 && ::chmod(path.c_str(), 0700) != 0)
        failErrno("cannot make " + path + " private (chmod 0700)", errno);
}

void syncDirectory(const std::string &path)
{
    const int fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        ::fsync(fd); // best effort: the files themselves are already synced
        ::close(fd);
    }
}

BioPtr memoryBio(const std::string &data)
{
    BioPtr bio(BIO_new_mem_buf(data.data(), static_cast<int>(data.size())));
    if (!bio)
        fail("cannot allocate a memory BIO");
    return bio;
}

// Refuses encrypted keys instead of letting OpenSSL prompt on the terminal.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

std::vector<X509Ptr> parseCertificates(const std::string &pem, const std::string &source)
{
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    std::vector<X509Ptr> certs;
    while (X509 *cert = PEM_read_bio_X509(bio.get(), nullptr, noPassphrase, nullptr))
        certs.emplace_back(cert);
    // The loop ends with "no start line" at the end of the data; anything else
    // is a damaged certificate.
    const unsigned long last = ERR_peek_last_error();
    if (ERR_GET_LIB(last) == ERR_LIB_PEM && ERR_GET_REASON(last) == PEM_R_NO_START_LINE)
        ERR_clear_error();
    else if (last != 0)
        fail(source + ": not a valid PEM certificate");
    if (certs.empty())
        throw std::runtime_error(source + ": no PEM certificate found");
    return certs;
}

X509Ptr parseCertificate(const std::string &pem, const std::string &source)
{
    return std::move(parseCertificates(pem, source).front());
}

KeyPtr parseKey(const std::string &pem, const std::string &source)
{
    ERR_clear_error();
    BioPtr bio = memoryBio(pem);
    KeyPtr key(PEM_read_bio_PrivateKey(bio.get(), nullptr, noPassphrase, nullptr));
    if (!key)
        fail(source + ": not an unencrypted PEM private key");
    return key;
}

std::string bioText(BIO *bio)
{
    char *data = nullptr;
    const long len = BIO_get_mem_data(bio, &data);
    return std::string(data, static_cast<size_t>(len));
}

std::string certificatePem(X509 *cert)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio || PEM_write_bio_X509(bio.get(), cert) != 1)
        fail("cannot encode a certificate as PEM");
    return bioText(bio.get());
}

std::string keyPem(EVP_PKEY *key)
{
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio
        || PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr) != 1)
        fail("cannot encode a private key as PEM");
    return bioText(bio.get());
}

std::string fingerprint(X509 *cert)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (X509_digest(cert, EVP_sha256(), md, &len) != 1)
        fail("cannot compute a SHA-256 fingerprint");
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(len * 3);
    for (unsigned int i = 0; i < len; ++i) {
        if (i)
            out += ':';
        out += kHex[md[i] >> 4];
        out += kHex[md[i] & 0xF];
    }
    return out;
}

std::string timeText(const ASN1_TIME *t)
{
    struct tm tm { };
    if (ASN1_TIME_to_tm(t, &tm) != 1)
        return "an unreadable date";
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
    return buf;
}

// True when `notAfter` is less than `seconds` from now (or already past).
bool expiresWithin(const ASN1_TIME *notAfter, long seconds)
{
    time_t limit = std::time(nullptr) + seconds;
    return X509_cmp_time(notAfter, &limit) < 0;
}

std::string localHostname()
{
    char buf[256] = {};
    if (::gethostname(buf, sizeof buf - 1) != 0 || buf[0] == '\0')
        return "localhost";
    return buf;
}

// One subjectAltName entry: a lower-case DNS name or the bytes of an address.
struct AltName {
    bool ip = false;
    std::string dns;
    std::string address; // 4 or 16 bytes
    std::string text; // "DNS:name" / "IP:addr" for messages
    bool operator==(const AltName &o) const
    {
        return ip == o.ip && (ip ? address == o.address : dns == o.dns);
    }
};

bool startsWithNoCase(const std::string &s, const char *prefix)
{
    const size_t n = std::strlen(prefix);
    return s.size() >= n && ::strncasecmp(s.c_str(), prefix, n) == 0;
}

std::optional<AltName> parseAddress(std::string text)
{
    if (text.size() > 2 && text.front() == '[' && text.back() == ']')
        text = text.substr(1, text.size() - 2);
    unsigned char buf[16];
    AltName name;
    name.ip = true;
    if (::inet_pton(AF_INET, text.c_str(), buf) == 1)
        name.address.assign(reinterpret_cast<char *>(buf), 4);
    else if (::inet_pton(AF_INET6, text.c_str(), buf) == 1)
        name.address.assign(reinterpret_cast<char *>(buf), 16);
    else
        return std::nullopt;
    name.text = "IP:" + text;
    return name;
}

bool isDnsName(const std::string &s)
{
    if (s.empty() || s.size() > 253 || s.front() == '.' || s.front() == '-')
        return false;
    return std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '.' || c == '-' || c == '_' || c == '*';
    });
}

AltName parseAltName(const std::string &entry)
{
    std::string value = entry;
    value.erase(0, value.find_first_not_of(" \t"));
    value.erase(value.find_last_not_of(" \t") + 1);
    bool wantIp = false, wantDns = false;
    if (startsWithNoCase(value, "IP:")) {
        wantIp = true;
        value.erase(0, 3);
    } else if (startsWithNoCase(value, "DNS:")) {
        wantDns = true;
        value.erase(0, 4);
    }
    if (!wantDns) {
        if (auto ip = parseAddress(value))
            return *ip;
        if (wantIp)
            throw std::runtime_error(
                "subject alternative name \"" + entry + "\" is not an IPv4 or IPv6 address");
    }
    std::transform(value.begin(), value.end(), value.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (!isDnsName(value))
        throw std::runtime_error(
            "subject alternative name \"" + entry + "\" is neither an IP address nor a DNS name");
    AltName name;
    name.dns = value;
    name.text = "DNS:" + value;
    return name;
}

std::vector<AltName> serverAltNames(
    const std::string &hostname, const std::vector<std::string> &extra)
{
    std::vector<AltName> names;
    auto add = [&](const AltName &n) {
        if (std::find(names.begin(), names.end(), n) == names.end())
            names.push_back(n);
    };
    add(parseAltName("DNS:localhost"));
    add(parseAltName("IP:127.0.0.1"));
    add(parseAltName("IP:::1"));
    std::string host = hostname;
    std::transform(host.begin(), host.end(), host.begin(),
        [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (isDnsName(host))
        add(parseAltName("DNS:" + host));
    for (const std::string &e : extra)
        add(parseAltName(e));
    return names;
}

std::vector<AltName> certificateAltNames(X509 *cert)
{
    std::vector<AltName> out;
    NamesPtr names(static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names)
        return out;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names.get(), i);
        AltName n;
        if (gn->type == GEN_DNS) {
            const ASN1_IA5STRING *s = gn->d.dNSName;
            n.dns.assign(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                static_cast<size_t>(ASN1_STRING_length(s)));
            std::transform(n.dns.begin(), n.dns.end(), n.dns.begin(),
                [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        } else if (gn->type == GEN_IPADD) {
            n.ip = true;
            const ASN1_OCTET_STRING *s = gn->d.iPAddress;
            n.address.assign(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                static_cast<size_t>(ASN1_STRING_length(s)));
        } else {
            continue;
        }
        out.push_back(std::move(n));
    }
    return out;
}

KeyPtr generateKey()
{
    ERR_clear_error();
    KeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key)
        fail("cannot generate an EC P-256 key");
    return key;
}

enum class Role { Ca, Server, Client };

void addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const char *value)
{
    ExtensionPtr ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!ext || X509_add_ext(cert, ext.get(), -1) != 1)
        fail(std::string("cannot add the ") + OBJ_nid2sn(nid) + " extension");
}

void setRandomSerial(X509 *cert)
{
    unsigned char bytes[16];
    if (RAND_bytes(bytes, sizeof bytes) != 1)
        fail("cannot draw a random serial number");
    if (std::all_of(std::begin(bytes), std::end(bytes), [](unsigned char b) { return b == 0; }))
        bytes[sizeof bytes - 1] = 1; // a serial must be positive
    BignumPtr bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    IntegerPtr serial(bn ? BN_to_ASN1_INTEGER(bn.get(), nullptr) : nullptr);
    if (!serial || X509_set_serialNumber(cert, serial.get()) != 1)
        fail("cannot set the serial number");
}

// Builds and signs one certificate. `issuer` null means self-signed by `key`.
X509Ptr makeCertificate(Role role, const std::string &commonName, EVP_PKEY *key,
    const std::vector<AltName> &altNames, X509 *issuer, EVP_PKEY *issuerKey)
{
    ERR_clear_error();
    X509Ptr cert(X509_new());
    if (!cert)
        fail("cannot allocate a certificate");
    const int days = role == Role::Ca ? kCaDays : kLeafDays;
    const std::string cn = commonName.substr(0, kMaxCommonName);
    X509_NAME *subject = X509_get_subject_name(cert.get());
    if (X509_set_version(cert.get(), X509_VERSION_3) != 1
        || !X509_gmtime_adj(X509_getm_notBefore(cert.get()), -kBackdateSeconds)
        || !X509_time_adj_ex(X509_getm_notAfter(cert.get()), days, -kBackdateSeconds, nullptr)
        || X509_set_pubkey(cert.get(), key) != 1
        || X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
               reinterpret_cast<const unsigned char *>(cn.c_str()), -1, -1, 0)
            != 1
        || X509_set_issuer_name(cert.get(), issuer ? X509_get_subject_name(issuer) : subject) != 1)
        fail("cannot fill in the certificate for \"" + cn + "\"");
    setRandomSerial(cert.get());

    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer ? issuer : cert.get(), cert.get(), nullptr, nullptr, 0);
    switch (role) {
    case Role::Ca:
        addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:TRUE");
        addExtension(cert.get(), &ctx, NID_key_usage, "critical,keyCertSign,cRLSign");
        break;
    case Role::Server:
    case Role::Client:
        addExtension(cert.get(), &ctx, NID_basic_constraints, "critical,CA:FALSE");
        addExtension(cert.get(), &ctx, NID_key_usage, "critical,digitalSignature");
        addExtension(cert.get(), &ctx, NID_ext_key_usage,
            role == Role::Server ? "serverAuth" : "clientAuth");
        break;
    }
    addExtension(cert.get(), &ctx, NID_subject_key_identifier, "hash");
    addExtension(cert.get(), &ctx, NID_authority_key_identifier, "keyid:always");

    if (!altNames.empty()) {
        // Built as structures, not as a "DNS:a,IP:b" config string, so no
        // name can smuggle in a separator.
        NamesPtr names(GENERAL_NAMES_new());
        for (const AltName &n : altNames) {
            NamePtr gn(GENERAL_NAME_new());
            ASN1_STRING *value
                = ASN1_STRING_type_new(n.ip ? V_ASN1_OCTET_STRING : V_ASN1_IA5STRING);
            const std::string &bytes = n.ip ? n.address : n.dns;
            if (!names || !gn || !value
                || ASN1_STRING_set(value, bytes.data(), static_cast<int>(bytes.size())) != 1) {
                ASN1_STRING_free(value);
                fail("cannot encode the subject alternative name " + n.text);
            }
            GENERAL_NAME_set0_value(gn.get(), n.ip ? GEN_IPADD : GEN_DNS, value);
            if (sk_GENERAL_NAME_push(names.get(), gn.get()) == 0)
                fail("cannot encode the subject alternative name " + n.text);
            gn.release();
        }
        if (X509_add1_ext_i2d(cert.get(), NID_subject_alt_name, names.get(), 0, X509V3_ADD_DEFAULT)
            != 1)
            fail("cannot add the subjectAltName extension");
    }

    if (X509_sign(cert.get(), issuerKey ? issuerKey : key, EVP_sha256()) <= 0)
        fail("cannot sign the certificate for \"" + cn + "\"");
    return cert;
}

struct TlsPaths {
    std::string dir, caCert, caKey, serverCert, serverKey;
    explicit TlsPaths(const std::string &dataDir)
        : dir((std::filesystem::path(dataDir) / "tls").string())
        , caCert(dir + "/ca.pem")
        , caKey(dir + "/ca.key")
        , serverCert(dir + "/server.pem")
        , serverKey(dir + "/server.key")
    {
    }
};

// Loads the CA's key and checks it belongs to the CA certificate.
KeyPtr loadCaKey(const TlsPaths &paths, X509 *ca)
{
    KeyPtr key = parseKey(readFile(paths.caKey), paths.caKey);
    ERR_clear_error();
    if (X509_check_private_key(ca, key.get()) != 1)
        fail(paths.caKey + " is not the key of the CA certificate " + paths.caCert);
    return key;
}

// Why the server certificate on disk cannot be used as is; empty if it can.
std::string serverCertificateProblem(
    const TlsPaths &paths, X509 *ca, const std::vector<AltName> &wanted, X509Ptr *cert, KeyPtr *key)
{
    if (!exists(paths.serverCert) || !exists(paths.serverKey))
        return "it is missing";
    try {
        *cert = parseCertificate(readFile(paths.serverCert), paths.serverCert);
        *key = parseKey(readFile(paths.serverKey), paths.serverKey);
    } catch (const std::runtime_error &e) {
        return e.what();
    }
    ERR_clear_error();
    if (X509_check_private_key(cert->get(), key->get()) != 1)
        return paths.serverKey + " does not match " + paths.serverCert + ": " + opensslErrors();
    KeyPtr caPublic(X509_get_pubkey(ca));
    if (!caPublic || X509_verify(cert->get(), caPublic.get()) != 1) {
        ERR_clear_error();
        return paths.serverCert + " was not signed by " + paths.caCert;
    }
    if (expiresWithin(X509_get0_notAfter(cert->get()), kRenewBeforeSeconds))
        return paths.serverCert + " expires on " + timeText(X509_get0_notAfter(cert->get()));
    const std::vector<AltName> have = certificateAltNames(cert->get());
    for (const AltName &n : wanted) {
        if (std::find(have.begin(), have.end(), n) == have.end())
            return paths.serverCert + " does not cover " + n.text;
    }
    return {};
}

} // namespace

std::string fingerprintSha256(const std::string &pem)
{
    return fingerprint(parseCertificate(pem, "certificate").get());
}

TlsMaterial ensureServerCertificate(
    const std::string &dataDir, const std::vector<std::string> &extraSans)
{
    const std::string hostname = localHostname();
    // Bad names fail before anything is touched on disk.
    const std::vector<AltName> altNames = serverAltNames(hostname, extraSans);

    std::error_code ec;
    std::filesystem::create_directories(dataDir, ec);
    if (ec)
        throw std::runtime_error("cannot create " + dataDir + ": " + ec.message());
    const TlsPaths paths(dataDir);
    ensurePrivateDirectory(paths.dir);

    TlsMaterial material;
    X509Ptr ca;
    X509Ptr server;
    KeyPtr serverKey;
    if (!exists(paths.caCert)) {
        // A new CA. ca.pem goes last: it marks the CA as complete, so a start
        // interrupted before it begins afresh instead of trusting a stray key.
        KeyPtr caKey = generateKey();
        ca = makeCertificate(Role::Ca, "Suanli CA " + hostname, caKey.get(), {}, nullptr, nullptr);
        serverKey = generateKey();
        server = makeCertificate(
            Role::Server, hostname, serverKey.get(), altNames, ca.get(), caKey.get());
        writeFileAtomic(paths.caKey, keyPem(caKey.get()), 0600);
        writeFileAtomic(paths.serverKey, keyPem(serverKey.get()), 0600);
        writeFileAtomic(paths.serverCert, certificatePem(server.get()), 0644);
        writeFileAtomic(paths.caCert, certificatePem(ca.get()), 0644);
        syncDirectory(paths.dir);
        material.created = true;
    } else {
        // The CA is never replaced here: consoles have pinned it.
        ca = parseCertificate(readFile(paths.caCert), paths.caCert);
        const std::string problem
            = serverCertificateProblem(paths, ca.get(), altNames, &server, &serverKey);
        if (!problem.empty()) {
            if (!exists(paths.caKey))
                throw std::runtime_error("the server certificate must be reissued (" + problem
                    + ") but the CA key " + paths.caKey + " is missing; restore it, or remove "
                    + paths.dir + " to make a new CA that consoles must trust again");
            KeyPtr caKey = loadCaKey(paths, ca.get());
            serverKey = generateKey();
            server = makeCertificate(
                Role::Server, hostname, serverKey.get(), altNames, ca.get(), caKey.get());
            // Key first: a crash in between leaves a mismatched pair, which the
            // next start detects and reissues.
            writeFileAtomic(paths.serverKey, keyPem(serverKey.get()), 0600);
            writeFileAtomic(paths.serverCert, certificatePem(server.get()), 0644);
            syncDirectory(paths.dir);
            material.created = true;
        }
    }

    material.caCertPem = certificatePem(ca.get());
    material.serverCertPem = certificatePem(server.get());
    material.serverKeyPem = keyPem(serverKey.get());
    material.caFingerprint = fingerprint(ca.get());
    material.serverFingerprint = fingerprint(server.get());
    return material;
}

TlsMaterial loadCertificateFiles(const std::string &certFile, const std::string &keyFile)
{
    std::vector<X509Ptr> chain;
    KeyPtr key;
    try {
        chain = parseCertificates(readFile(certFile), certFile);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error(std::string("--tls-cert: ") + e.what());
    }
    try {
        key = parseKey(readFile(keyFile), keyFile);
    } catch (const std::runtime_error &e) {
        throw std::runtime_error(std::string("--tls-key: ") + e.what());
    }
    X509 *leaf = chain.front().get();
    ERR_clear_error();
    if (X509_check_private_key(leaf, key.get()) != 1)
        throw std::runtime_error("--tls-key does not match --tls-cert: " + keyFile
            + " is not the private key of the certificate in " + certFile + " (" + opensslErrors()
            + ")");
    if (expiresWithin(X509_get0_notAfter(leaf), 0))
        throw std::runtime_error("--tls-cert: the certificate in " + certFile + " expired on "
            + timeText(X509_get0_notAfter(leaf)));

    TlsMaterial material;
    for (const X509Ptr &cert : chain)
        material.serverCertPem += certificatePem(cert.get());
    material.serverKeyPem = keyPem(key.get());
    material.serverFingerprint = fingerprint(leaf);
    return material;
}

ClientCertificate issueClientCertificate(const std::string &dataDir, const std::string &commonName)
{
    if (commonName.empty() || commonName.size() > kMaxCommonName)
        throw std::runtime_error("client certificate common name must be 1 to 64 bytes (got "
            + std::to_string(commonName.size()) + ")");
    const TlsPaths paths(dataDir);
    if (!exists(paths.caCert) || !exists(paths.caKey))
        throw std::runtime_error(
            "no CA in " + paths.dir + " (ca.pem and ca.key); start suanlid once to create it");
    X509Ptr ca = parseCertificate(readFile(paths.caCert), paths.caCert);
    KeyPtr caKey = loadCaKey(paths, ca.get());
    KeyPtr key = generateKey();
    X509Ptr cert = makeCertificate(Role::Client, commonName, key.get(), {}, ca.get(), caKey.get());
    return { certificatePem(cert.get()), keyPem(key.get()) };
}

} // namespace suanli::server
