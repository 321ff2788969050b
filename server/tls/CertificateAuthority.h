#pragma once

#include <string>
#include <vector>

// Certificates for suanlid: its own CA and server certificate kept under
// DATA_DIR/tls, operator-supplied certificates, client certificates for
// --client-ca, and the fingerprints a console pins. Every failure throws
// std::runtime_error naming the file and carrying OpenSSL's error string.
namespace suanli::server {

// What the gateway needs to serve TLS and to tell an operator what to pin.
struct TlsMaterial {
    // PEM of the CA that signed the server certificate; empty for
    // operator-supplied certificates (their CA is not known to suanlid).
    std::string caCertPem;
    // PEM of the server certificate (with the rest of its chain for
    // operator-supplied files, leaf first), and its private key (PKCS#8).
    std::string serverCertPem;
    std::string serverKeyPem;
    // SHA-256 of the certificate's DER, upper-case hex with colons, exactly as
    // `openssl x509 -noout -fingerprint -sha256` prints it. caFingerprint is
    // empty when caCertPem is.
    std::string caFingerprint;
    std::string serverFingerprint;
    // True when this call wrote new files (a new CA, or a new server
    // certificate from the existing CA); false when it only loaded them.
    bool created = false;
};

// A client certificate and its private key (PKCS#8), both PEM.
struct ClientCertificate {
    std::string certPem;
    std::string keyPem;
};

// Loads DIR/tls/{ca.pem,ca.key,server.pem,server.key}, creating what is
// missing:
// - no DIR/tls/ca.pem: a new CA (EC P-256, CN "Suanli CA <hostname>", 10
//   years, CA:TRUE critical, keyUsage keyCertSign,cRLSign) and a server
//   certificate signed by it; ca.pem is written last, so a start interrupted
//   half-way starts over cleanly.
// - an existing CA: it is always kept (consoles trust it). The server
//   certificate is reissued from it when it is missing, does not match its
//   key, was not signed by this CA, expires within 30 days, or does not cover
//   every name asked for.
// The server certificate is EC P-256, valid 825 days, CN = hostname,
// extendedKeyUsage serverAuth, a random 128-bit serial and subjectAltName
// DNS:localhost, IP:127.0.0.1, IP:::1, DNS:<hostname> plus each extraSans
// entry: "IP:"/"DNS:" prefixes are honoured, otherwise an entry that parses as
// an IPv4/IPv6 address (brackets allowed) is an IP, anything else a DNS name.
// Keys are 0600, certificates 0644, DIR/tls 0700; files are written to a
// temporary file created 0600 and renamed into place.
TlsMaterial ensureServerCertificate(
    const std::string &dataDir, const std::vector<std::string> &extraSans);

// Reads operator-supplied --tls-cert (a certificate or a chain, leaf first)
// and --tls-key files and checks that the key belongs to the certificate
// ("--tls-key does not match --tls-cert ...") and that the certificate has
// not expired. Encrypted keys are refused (suanlid cannot prompt).
TlsMaterial loadCertificateFiles(const std::string &certFile, const std::string &keyFile);

// SHA-256 fingerprint of the first certificate in `pem`, formatted like
// `openssl x509 -fingerprint -sha256` ("AB:01:...", 95 characters).
std::string fingerprintSha256(const std::string &pem);

// Issues a client certificate (EC P-256, 825 days, CN = commonName,
// extendedKeyUsage clientAuth) from the CA in DIR/tls, which
// ensureServerCertificate must have created. Nothing is written to disk.
ClientCertificate issueClientCertificate(const std::string &dataDir, const std::string &commonName);

} // namespace suanli::server
