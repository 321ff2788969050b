# Every visible string of the console has its Chinese translation.
if(NOT TARGET suanli_app)
  return()
endif()
suanli_test(tst_translations QT OFFSCREEN LIBS suanli_app suanli_facts TIMEOUT 120)
target_compile_definitions(tst_translations PRIVATE
  SUANLI_LUPDATE="$<TARGET_FILE:Qt6::lupdate>"
  SUANLI_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
