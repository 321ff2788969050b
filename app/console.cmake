# The console: suanli_app (everything but main, so GUI tests can link it) and the suanli program.
find_package(Qt6Keychain CONFIG REQUIRED)
# Every source of the console's folders; each area adds files without editing this list.
file(GLOB SUANLI_APP_SOURCES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_LIST_DIR}/*.cpp ${CMAKE_CURRENT_LIST_DIR}/pages/*.cpp
     ${CMAKE_CURRENT_LIST_DIR}/dialogs/*.cpp ${CMAKE_CURRENT_LIST_DIR}/charts/*.cpp
     ${CMAKE_CURRENT_LIST_DIR}/wall/*.cpp)
list(REMOVE_ITEM SUANLI_APP_SOURCES ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
add_library(suanli_app STATIC ${SUANLI_APP_SOURCES})
suanli_qt_target(suanli_app)
target_link_libraries(suanli_app PUBLIC suanli_app_models suanli_widgets suanli_client Qt6::Widgets
                      Qt6Keychain::Qt6Keychain)

add_executable(suanli ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
suanli_qt_target(suanli)
target_compile_definitions(suanli PRIVATE SUANLI_VERSION="${PROJECT_VERSION}")
target_link_libraries(suanli PRIVATE suanli_app suanli_allocator)
install(TARGETS suanli RUNTIME DESTINATION bin)

if(EXISTS ${PROJECT_SOURCE_DIR}/translations/suanli_zh_CN.ts)
# Translations, embedded under :/i18n/. `ninja translations_update` refreshes
# the .ts files from every console source (app, widgets, client): Chinese has
# every string, English only the plural forms. tst_translations fails while
# any string lacks its Chinese translation.
set(SUANLI_TS_ZH ${PROJECT_SOURCE_DIR}/translations/suanli_zh_CN.ts)
set(SUANLI_TS_EN ${PROJECT_SOURCE_DIR}/translations/suanli_en.ts)
set(SUANLI_LUPDATE_DIRS ${PROJECT_SOURCE_DIR}/app ${PROJECT_SOURCE_DIR}/widgets
    ${PROJECT_SOURCE_DIR}/client)
add_custom_target(translations_update
  COMMAND Qt6::lupdate -silent -locations none -no-obsolete -I ${PROJECT_SOURCE_DIR} -source-language en
          -target-language zh_CN ${SUANLI_LUPDATE_DIRS} -ts ${SUANLI_TS_ZH}
  COMMAND Qt6::lupdate -silent -locations none -no-obsolete -I ${PROJECT_SOURCE_DIR} -source-language en
          -target-language en -pluralonly ${SUANLI_LUPDATE_DIRS} -ts ${SUANLI_TS_EN}
  COMMENT "Refreshing translations/*.ts from the sources" VERBATIM)
qt_add_lrelease(suanli_app TS_FILES ${SUANLI_TS_ZH} ${SUANLI_TS_EN}
                QM_FILES_OUTPUT_VARIABLE SUANLI_QM_FILES)
qt_add_resources(suanli_app suanli_translations PREFIX /i18n BASE ${CMAKE_CURRENT_BINARY_DIR}
                 FILES ${SUANLI_QM_FILES})
endif()
