# Unit tests of suanli_common: the filter language, orderings, plain words and quota rules.
suanli_gtest(tst_filter SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_filter.cpp LIBS suanli_common)
suanli_gtest(tst_describe SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_describe.cpp LIBS suanli_common)
suanli_gtest(tst_errorinfo SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_errorinfo.cpp LIBS suanli_common)
suanli_gtest(tst_quotarules SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_quotarules.cpp LIBS suanli_common)
suanli_gtest(tst_contract SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_contract.cpp LIBS suanli_common)
