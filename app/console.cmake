# The console: suanli_app (everything but main, so GUI tests can link it) and the suanli program.
find_package(Qt6Keychain CONFIG REQUIRED)
add_library(suanli_app STATIC
  ${CMAKE_CURRENT_LIST_DIR}/MainWindow.cpp
  ${CMAKE_CURRENT_LIST_DIR}/NotificationBar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/DemoFederation.cpp
  ${CMAKE_CURRENT_LIST_DIR}/ProfileStore.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dialogs/ConfirmActionDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/dialogs/PriorityDialog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/AlertsPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/AuditPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/FilterBar.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/JobsPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/NodesPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/OverviewPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/QueuesPage.cpp
  ${CMAKE_CURRENT_LIST_DIR}/pages/TableTools.cpp)
suanli_qt_target(suanli_app)
target_include_directories(suanli_app PUBLIC ${CMAKE_CURRENT_LIST_DIR})
target_link_libraries(suanli_app PUBLIC suanli_app_models suanli_widgets suanli_client Qt6::Widgets
                      Qt6Keychain::Qt6Keychain)

add_executable(suanli ${CMAKE_CURRENT_LIST_DIR}/main.cpp)
suanli_qt_target(suanli)
target_link_libraries(suanli PRIVATE suanli_app)
install(TARGETS suanli RUNTIME DESTINATION bin)
