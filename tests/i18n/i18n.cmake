# Every visible string of the console has its Chinese translation.
if(NOT TARGET suanli_app)
  return()
endif()
add_executable(tst_translations ${CMAKE_CURRENT_LIST_DIR}/tst_translations.cpp)
suanli_qt_target(tst_translations)
target_link_libraries(tst_translations PRIVATE suanli_app Qt6::Test)
target_compile_definitions(tst_translations PRIVATE
  SUANLI_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  SUANLI_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
add_test(NAME tst_translations COMMAND tst_translations)
set_tests_properties(tst_translations PROPERTIES LABELS unit TIMEOUT 120
                     ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
