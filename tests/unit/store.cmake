suanli_gtest(tst_store SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_store.cpp LIBS suanli_store)
