# Built with the console only (SUANLI_CONSOLE and app/ in the tree).
if(NOT TARGET suanli_app_models)
  return()
endif()

# QtTest programs of suanli_app_models (app/models), run offscreen.

file(GLOB SUANLI_MODEL_TESTS CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/tst_*.cpp)
foreach(source IN LISTS SUANLI_MODEL_TESTS)
  get_filename_component(name ${source} NAME_WE)
  # The models need no widgets; the tests show them in views.
  suanli_test(${name} QT OFFSCREEN SOURCES ${source} ${CMAKE_CURRENT_LIST_DIR}/ModelFixtures.h
              LIBS Qt6::Widgets suanli_app_models LABELS models TIMEOUT 300)
endforeach()
# The CSV of what a view shows is written beside the views' TableTools, in the console.
if(TARGET tst_csvexport)
  target_link_libraries(tst_csvexport PRIVATE suanli_app)
endif()
