# Built with the console only (SUANLI_CONSOLE and app/ in the tree).
if(NOT TARGET suanli_app_models)
  return()
endif()

# QtTest programs of suanli_app_models (app/models), run offscreen.
# suanli_models_test(NAME): tests/models/NAME.cpp as one program, registered with ctest under the
# label "models".
function(suanli_models_test name)
  add_executable(${name} ${CMAKE_CURRENT_LIST_DIR}/${name}.cpp ${CMAKE_CURRENT_LIST_DIR}/ModelFixtures.h)
  suanli_qt_target(${name})
  target_include_directories(${name} PRIVATE ${CMAKE_CURRENT_LIST_DIR})
  # The models need no widgets; the tests show them in views.
  target_link_libraries(${name} PRIVATE Qt6::Test Qt6::Widgets suanli_app_models)
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES LABELS models TIMEOUT 300
                       ENVIRONMENT "QT_QPA_PLATFORM=offscreen")
endfunction()

file(GLOB SUANLI_MODEL_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/tst_*.cpp)
foreach(source IN LISTS SUANLI_MODEL_TESTS)
  get_filename_component(name ${source} NAME_WE)
  suanli_models_test(${name})
endforeach()
# The CSV of what a view shows is written beside the views' TableTools, in the console.
if(TARGET tst_csvexport)
  target_link_libraries(tst_csvexport PRIVATE suanli_app)
endif()
