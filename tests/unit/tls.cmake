# The gateway's certificates: CA, server and client certificates, pinning fingerprints.
suanli_gtest(tst_tls SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_tls.cpp LIBS suanli_tls LABELS unit)
