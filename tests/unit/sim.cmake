suanli_gtest(tst_sim SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sim.cpp LIBS suanli_sim)
