# The Slurm backend's parsers and mappings, on answers captured from a real Slurm 22.05
# (tests/unit/data/slurm), its JWT minting and its command runner.
if(NOT TARGET suanli_slurm)
  return()
endif()
suanli_test(tst_slurm_text LIBS suanli_slurm)
suanli_test(tst_slurm_mapping LIBS suanli_slurm)
target_compile_definitions(tst_slurm_mapping
                           PRIVATE SUANLI_SLURM_FIXTURES="${CMAKE_CURRENT_LIST_DIR}/data/slurm")
suanli_test(tst_slurm_jwt LIBS suanli_slurm)
suanli_test(tst_slurm_command LIBS suanli_slurm)
suanli_test(tst_slurm_backend LIBS suanli_slurm)
# Site facts (PUE, province, grid carbon) as suanlid serve takes them.
suanli_test(tst_sitefacts LIBS suanli_slurm suanli_sim)
target_compile_definitions(tst_sitefacts PRIVATE SUANLID_PATH="$<TARGET_FILE:suanlid>")
add_dependencies(tst_sitefacts suanlid)
