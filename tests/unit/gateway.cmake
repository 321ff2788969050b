suanli_gtest(tst_rbac SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_rbac.cpp LIBS suanli_auth)
suanli_gtest(tst_collection SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_collection.cpp LIBS suanli_cache)
suanli_gtest(tst_overview SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_overview.cpp LIBS suanli_cache)
suanli_gtest(tst_actionexecutor SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_actionexecutor.cpp LIBS suanli_gateway_core)
