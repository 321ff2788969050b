# The gateway's certificates: CA, server and client certificates, pinning fingerprints.
suanli_test(tst_tls LIBS suanli_tls)
