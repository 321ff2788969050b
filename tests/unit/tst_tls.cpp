// Tests of the gateway's certificates: what suanlid writes on first start,
// what it reuses, when it reissues, and what consoles and clients can verify.
#include "server/tls/CertificateAuthority.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <regex>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

using namespace suanli::server;

namespace {

struct X509Free {
    void operator()(X509 *x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr parse(const std::string &pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(
        BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), &BIO_free);
    X509Ptr cert(PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr));
    if (!cert)
        throw std::runtime_error("test: cannot parse certificate");
    return cert;
}

std::string readAll(const std::filesystem::path &path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

void writeAll(const std::filesystem::path &path, const std::string &data)
{
    std::ofstream(path, std::ios::binary | std::ios::trunc) << data;
}

mode_t modeOf(const std::filesystem::path &path)
{
    struct stat st { };
    if (::stat(path.c_str(), &st) != 0)
        return 0;
    return st.st_mode & 07777;
}

std::string localHostname()
{
    char buf[256] = {};
    ::gethostname(buf, sizeof buf - 1);
    return buf[0] ? buf : "localhost";
}

// Verifies `leafPem` against `caPem` as a TLS peer for `purpose`, checking
// the DNS name or IP address a client would check. Returns "" on success.
std::string verify(const std::string &leafPem, const std::string &caPem, int purpose,
    const std::string &host = {}, const std::string &ip = {})
{
    X509Ptr leaf = parse(leafPem);
    X509Ptr ca = parse(caPem);
    std::unique_ptr<X509_STORE, decltype(&X509_STORE_free)> store(
        X509_STORE_new(), &X509_STORE_free);
    X509_STORE_add_cert(store.get(), ca.get());
    std::unique_ptr<X509_STORE_CTX, decltype(&X509_STORE_CTX_free)> ctx(
        X509_STORE_CTX_new(), &X509_STORE_CTX_free);
    X509_STORE_CTX_init(ctx.get(), store.get(), leaf.get(), nullptr);
    X509_STORE_CTX_set_purpose(ctx.get(), purpose);
    X509_VERIFY_PARAM *param = X509_STORE_CTX_get0_param(ctx.get());
    if (!host.empty())
        X509_VERIFY_PARAM_set1_host(param, host.c_str(), 0);
    if (!ip.empty())
        X509_VERIFY_PARAM_set1_ip_asc(param, ip.c_str());
    if (X509_verify_cert(ctx.get()) == 1)
        return {};
    return X509_verify_cert_error_string(X509_STORE_CTX_get_error(ctx.get()));
}

// subjectAltName entries as "DNS:name" / "IP:address".
std::vector<std::string> altNames(const std::string &pem)
{
    X509Ptr cert = parse(pem);
    std::vector<std::string> out;
    auto *names = static_cast<GENERAL_NAMES *>(
        X509_get_ext_d2i(cert.get(), NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; names && i < sk_GENERAL_NAME_num(names); ++i) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names, i);
        if (gn->type == GEN_DNS) {
            out.push_back("DNS:"
                + std::string(reinterpret_cast<const char *>(ASN1_STRING_get0_data(gn->d.dNSName)),
                    ASN1_STRING_length(gn->d.dNSName)));
        } else if (gn->type == GEN_IPADD) {
            char text[INET6_ADDRSTRLEN] = {};
            const int len = ASN1_STRING_length(gn->d.iPAddress);
            inet_ntop(len == 4 ? AF_INET : AF_INET6, ASN1_STRING_get0_data(gn->d.iPAddress), text,
                sizeof text);
            out.push_back(std::string("IP:") + text);
        }
    }
    GENERAL_NAMES_free(names);
    return out;
}

std::string commonName(X509_NAME *name)
{
    char buf[256] = {};
    X509_NAME_get_text_by_NID(name, NID_commonName, buf, sizeof buf);
    return buf;
}

// Days between notBefore and notAfter.
int validityDays(const std::string &pem)
{
    X509Ptr cert = parse(pem);
    int days = 0, seconds = 0;
    ASN1_TIME_diff(
        &days, &seconds, X509_get0_notBefore(cert.get()), X509_get0_notAfter(cert.get()));
    return days;
}

bool contains(const std::vector<std::string> &v, const std::string &s)
{
    return std::find(v.begin(), v.end(), s) != v.end();
}

class TlsTest : public ::testing::Test {
protected:
    void SetUp() override
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "tst_tls.XXXXXX").string();
        ASSERT_NE(::mkdtemp(pattern.data()), nullptr);
        m_dir = pattern;
    }
    void TearDown() override { std::filesystem::remove_all(m_dir); }
    std::filesystem::path tls() const { return m_dir / "tls"; }
    std::filesystem::path m_dir;
};

TEST_F(TlsTest, FirstStartCreatesCaAndServerCertificateWithPrivateKeys)
{
    // A permissive umask must not leak into the key files' modes.
    const mode_t oldMask = ::umask(0);
    const TlsMaterial m
        = ensureServerCertificate(m_dir.string(), { "10.1.2.3", "head.example.org" });
    ::umask(oldMask);

    EXPECT_TRUE(m.created);
    EXPECT_EQ(modeOf(tls()), 0700u);
    EXPECT_EQ(modeOf(tls() / "ca.key"), 0600u);
    EXPECT_EQ(modeOf(tls() / "server.key"), 0600u);
    EXPECT_EQ(modeOf(tls() / "ca.pem"), 0644u);
    EXPECT_EQ(modeOf(tls() / "server.pem"), 0644u);
    // No temporary files left behind.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(tls()), {}), 4);

    EXPECT_EQ(readAll(tls() / "ca.pem"), m.caCertPem);
    EXPECT_EQ(readAll(tls() / "server.pem"), m.serverCertPem);
    EXPECT_EQ(readAll(tls() / "server.key"), m.serverKeyPem);
    EXPECT_NE(m.serverKeyPem.find("PRIVATE KEY"), std::string::npos);

    // What a console connecting to 127.0.0.1, localhost or an extra name checks.
    EXPECT_EQ(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, "localhost"), "");
    EXPECT_EQ(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, {}, "127.0.0.1"), "");
    EXPECT_EQ(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, {}, "::1"), "");
    EXPECT_EQ(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, {}, "10.1.2.3"), "");
    EXPECT_EQ(
        verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, "head.example.org"), "");
    EXPECT_NE(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, {}, "10.9.9.9"), "");
    EXPECT_NE(
        verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_SERVER, "other.example.org"), "");
    // A server certificate is no client certificate.
    EXPECT_NE(verify(m.serverCertPem, m.caCertPem, X509_PURPOSE_SSL_CLIENT), "");

    const std::vector<std::string> sans = altNames(m.serverCertPem);
    EXPECT_TRUE(contains(sans, "DNS:localhost"));
    EXPECT_TRUE(contains(sans, "IP:127.0.0.1"));
    EXPECT_TRUE(contains(sans, "IP:::1"));
    EXPECT_TRUE(contains(sans, "IP:10.1.2.3"));
    EXPECT_TRUE(contains(sans, "DNS:head.example.org"));

    X509Ptr ca = parse(m.caCertPem);
    X509Ptr server = parse(m.serverCertPem);
    const std::string host = localHostname();
    EXPECT_EQ(commonName(X509_get_subject_name(ca.get())), ("Suanli CA " + host).substr(0, 64));
    EXPECT_EQ(commonName(X509_get_subject_name(server.get())), host.substr(0, 64));
    EXPECT_EQ(X509_check_ca(ca.get()), 1);
    EXPECT_TRUE(X509_get_key_usage(ca.get()) & KU_KEY_CERT_SIGN);
    EXPECT_TRUE(X509_get_key_usage(ca.get()) & KU_CRL_SIGN);
    EXPECT_EQ(X509_check_ca(server.get()), 0);
    EXPECT_TRUE(X509_get_extended_key_usage(server.get()) & XKU_SSL_SERVER);
    EXPECT_EQ(validityDays(m.caCertPem), 3650);
    EXPECT_EQ(validityDays(m.serverCertPem), 825);
    EXPECT_EQ(EVP_PKEY_get_bits(X509_get0_pubkey(server.get())), 256);
    EXPECT_EQ(EVP_PKEY_get_base_id(X509_get0_pubkey(ca.get())), EVP_PKEY_EC);
    // 128 random bits: a serial under 2^100 happens once in 2^28 runs.
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(
        ASN1_INTEGER_to_BN(X509_get0_serialNumber(server.get()), nullptr), &BN_free);
    EXPECT_GT(BN_num_bits(serial.get()), 100);
    EXPECT_LE(BN_num_bits(serial.get()), 128);
}

TEST_F(TlsTest, SecondStartLoadsTheSameCertificates)
{
    const TlsMaterial first = ensureServerCertificate(m_dir.string(), { "10.1.2.3" });
    const TlsMaterial second = ensureServerCertificate(m_dir.string(), { "10.1.2.3" });
    EXPECT_FALSE(second.created);
    EXPECT_EQ(second.caFingerprint, first.caFingerprint);
    EXPECT_EQ(second.serverFingerprint, first.serverFingerprint);
    EXPECT_EQ(second.serverKeyPem, first.serverKeyPem);

    // Asking for fewer names than the certificate has needs no new certificate.
    const TlsMaterial third = ensureServerCertificate(m_dir.string(), {});
    EXPECT_FALSE(third.created);
    EXPECT_EQ(third.serverFingerprint, first.serverFingerprint);
}

TEST_F(TlsTest, NewNameReissuesServerCertificateFromTheSameCa)
{
    const TlsMaterial first = ensureServerCertificate(m_dir.string(), {});
    const TlsMaterial second
        = ensureServerCertificate(m_dir.string(), { "IP:192.168.7.8", "dns:Wuhan-Head" });
    EXPECT_TRUE(second.created);
    EXPECT_EQ(second.caFingerprint, first.caFingerprint);
    EXPECT_EQ(second.caCertPem, first.caCertPem);
    EXPECT_NE(second.serverFingerprint, first.serverFingerprint);
    EXPECT_NE(second.serverKeyPem, first.serverKeyPem);
    EXPECT_TRUE(contains(altNames(second.serverCertPem), "IP:192.168.7.8"));
    EXPECT_TRUE(contains(altNames(second.serverCertPem), "DNS:wuhan-head"));
    EXPECT_EQ(
        verify(second.serverCertPem, first.caCertPem, X509_PURPOSE_SSL_SERVER, {}, "192.168.7.8"),
        "");
    EXPECT_EQ(modeOf(tls() / "server.key"), 0600u);
    EXPECT_EQ(readAll(tls() / "server.pem"), second.serverCertPem);

    const TlsMaterial third
        = ensureServerCertificate(m_dir.string(), { "192.168.7.8", "wuhan-head" });
    EXPECT_FALSE(third.created);
    EXPECT_EQ(third.serverFingerprint, second.serverFingerprint);
}

TEST_F(TlsTest, DamagedServerFilesAreReissuedKeepingTheCa)
{
    const TlsMaterial first = ensureServerCertificate(m_dir.string(), {});
    // A key that is not the certificate's (here: the CA's) must not be served.
    writeAll(tls() / "server.key", readAll(tls() / "ca.key"));
    const TlsMaterial second = ensureServerCertificate(m_dir.string(), {});
    EXPECT_TRUE(second.created);
    EXPECT_EQ(second.caFingerprint, first.caFingerprint);
    EXPECT_NO_THROW(
        loadCertificateFiles((tls() / "server.pem").string(), (tls() / "server.key").string()));

    std::filesystem::remove(tls() / "server.pem");
    const TlsMaterial third = ensureServerCertificate(m_dir.string(), {});
    EXPECT_TRUE(third.created);
    EXPECT_EQ(third.caFingerprint, first.caFingerprint);
    EXPECT_EQ(
        verify(third.serverCertPem, first.caCertPem, X509_PURPOSE_SSL_SERVER, "localhost"), "");
}

TEST_F(TlsTest, ReissueWithoutCaKeyFailsInsteadOfReplacingTheCa)
{
    const TlsMaterial first = ensureServerCertificate(m_dir.string(), {});
    std::filesystem::remove(tls() / "ca.key");
    // Loading still works: nothing needs signing.
    EXPECT_FALSE(ensureServerCertificate(m_dir.string(), {}).created);
    try {
        ensureServerCertificate(m_dir.string(), { "10.0.0.9" });
        FAIL() << "expected an exception";
    } catch (const std::runtime_error &e) {
        EXPECT_NE(std::string(e.what()).find("ca.key"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("does not cover IP:10.0.0.9"), std::string::npos)
            << e.what();
    }
    EXPECT_EQ(fingerprintSha256(readAll(tls() / "ca.pem")), first.caFingerprint);
}

TEST_F(TlsTest, BadSubjectAltNameIsRefusedBeforeAnythingIsWritten)
{
    try {
        ensureServerCertificate(m_dir.string(), { "not a host!" });
        FAIL() << "expected an exception";
    } catch (const std::runtime_error &e) {
        EXPECT_NE(std::string(e.what()).find("\"not a host!\""), std::string::npos) << e.what();
    }
    EXPECT_THROW(ensureServerCertificate(m_dir.string(), { "IP:300.1.1.1" }), std::runtime_error);
    EXPECT_FALSE(std::filesystem::exists(tls()));
}

TEST_F(TlsTest, OperatorCertificateFilesAreLoadedAndMismatchedKeyIsRefused)
{
    const TlsMaterial made = ensureServerCertificate(m_dir.string(), {});
    const std::string cert = (tls() / "server.pem").string();
    const std::string key = (tls() / "server.key").string();

    const TlsMaterial loaded = loadCertificateFiles(cert, key);
    EXPECT_FALSE(loaded.created);
    EXPECT_EQ(loaded.serverFingerprint, made.serverFingerprint);
    EXPECT_EQ(loaded.serverCertPem, made.serverCertPem);
    EXPECT_TRUE(loaded.caCertPem.empty());

    // A chain file (leaf then CA) keeps its order and pins the leaf.
    const std::filesystem::path chain = m_dir / "chain.pem";
    writeAll(chain, made.serverCertPem + made.caCertPem);
    const TlsMaterial fromChain = loadCertificateFiles(chain.string(), key);
    EXPECT_EQ(fromChain.serverCertPem, made.serverCertPem + made.caCertPem);
    EXPECT_EQ(fromChain.serverFingerprint, made.serverFingerprint);

    try {
        loadCertificateFiles(cert, (tls() / "ca.key").string());
        FAIL() << "expected an exception";
    } catch (const std::runtime_error &e) {
        EXPECT_EQ(std::string(e.what()).rfind("--tls-key does not match --tls-cert", 0), 0u)
            << e.what();
    }
    try {
        loadCertificateFiles((m_dir / "missing.pem").string(), key);
        FAIL() << "expected an exception";
    } catch (const std::runtime_error &e) {
        EXPECT_NE(std::string(e.what()).find("missing.pem"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("No such file"), std::string::npos) << e.what();
    }
    // A key file given as the certificate: named, with OpenSSL's reason.
    EXPECT_THROW(loadCertificateFiles(key, key), std::runtime_error);
}

TEST_F(TlsTest, FingerprintIsSha256OfDerLikeOpensslPrintsIt)
{
    const TlsMaterial m = ensureServerCertificate(m_dir.string(), {});
    const std::regex format("^([0-9A-F]{2}:){31}[0-9A-F]{2}$");
    EXPECT_TRUE(std::regex_match(m.caFingerprint, format)) << m.caFingerprint;
    EXPECT_TRUE(std::regex_match(m.serverFingerprint, format)) << m.serverFingerprint;
    EXPECT_EQ(fingerprintSha256(m.caCertPem), m.caFingerprint);
    EXPECT_NE(m.caFingerprint, m.serverFingerprint);

    // Independently: SHA-256 over the DER encoding.
    X509Ptr ca = parse(m.caCertPem);
    unsigned char *der = nullptr;
    const int len = i2d_X509(ca.get(), &der);
    unsigned char md[32];
    unsigned int mdLen = 0;
    EVP_Digest(der, len, md, &mdLen, EVP_sha256(), nullptr);
    OPENSSL_free(der);
    char expected[3 * 32] = {};
    for (unsigned i = 0; i < mdLen; ++i)
        std::snprintf(expected + 3 * i, 4, i + 1 < mdLen ? "%02X:" : "%02X", md[i]);
    EXPECT_EQ(m.caFingerprint, expected);

    EXPECT_THROW(fingerprintSha256("not a certificate"), std::runtime_error);
}

TEST_F(TlsTest, ClientCertificateIsSignedByTheCaForClientAuth)
{
    const TlsMaterial m = ensureServerCertificate(m_dir.string(), {});
    const ClientCertificate client = issueClientCertificate(m_dir.string(), "ops-alice");
    EXPECT_EQ(verify(client.certPem, m.caCertPem, X509_PURPOSE_SSL_CLIENT), "");
    EXPECT_NE(verify(client.certPem, m.caCertPem, X509_PURPOSE_SSL_SERVER), "");
    X509Ptr cert = parse(client.certPem);
    EXPECT_EQ(commonName(X509_get_subject_name(cert.get())), "ops-alice");
    EXPECT_TRUE(X509_get_extended_key_usage(cert.get()) & XKU_SSL_CLIENT);

    const std::filesystem::path certFile = m_dir / "client.pem", keyFile = m_dir / "client.key";
    writeAll(certFile, client.certPem);
    writeAll(keyFile, client.keyPem);
    EXPECT_NO_THROW(loadCertificateFiles(certFile.string(), keyFile.string()));

    // Issuing needs a CA.
    const std::filesystem::path empty = m_dir / "empty";
    EXPECT_THROW(issueClientCertificate(empty.string(), "ops-bob"), std::runtime_error);
}

} // namespace
