# The Slurm backend's parsers and mappings, on answers captured from a real Slurm 22.05
# (tests/unit/data/slurm), its JWT minting and its command runner.
if(NOT TARGET suanli_slurm)
  return()
endif()
suanli_gtest(tst_slurm_text SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_slurm_text.cpp LIBS suanli_slurm)
suanli_gtest(tst_slurm_mapping SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_slurm_mapping.cpp
             LIBS suanli_slurm)
target_compile_definitions(tst_slurm_mapping
                           PRIVATE SUANLI_SLURM_FIXTURES="${CMAKE_CURRENT_LIST_DIR}/data/slurm")
suanli_gtest(tst_slurm_jwt SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_slurm_jwt.cpp LIBS suanli_slurm)
suanli_gtest(tst_slurm_command SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_slurm_command.cpp
             LIBS suanli_slurm)
suanli_gtest(tst_slurm_backend SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_slurm_backend.cpp
             LIBS suanli_slurm)
# Site facts (PUE, province, grid carbon) as suanlid serve takes them.
suanli_gtest(tst_sitefacts SOURCES ${CMAKE_CURRENT_LIST_DIR}/tst_sitefacts.cpp LIBS suanli_slurm suanli_sim)
target_compile_definitions(tst_sitefacts PRIVATE SUANLID_PATH="$<TARGET_FILE:suanlid>")
add_dependencies(tst_sitefacts suanlid)
