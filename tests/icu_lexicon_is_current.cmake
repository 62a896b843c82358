# ctest icu_lexicon_is_current: the committed data/lexicon/icu_*.txt and data/facts/umalqura.txt
# must be exactly what
# basira_gen_icu_lexicon writes from this machine's ICU. Run as
#   cmake -DGEN=<basira_gen_icu_lexicon> -DSOURCE_DIR=<repo> -DWORK_DIR=<scratch dir> -P this-file
cmake_minimum_required(VERSION 3.20)
foreach(var GEN SOURCE_DIR WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "icu_lexicon_is_current.cmake: -D${var}=... is required")
  endif()
endforeach()
file(MAKE_DIRECTORY ${WORK_DIR})

# Regenerates data/PATH into WORK_DIR (the generator run with the extra ARGN) and appends
# to `stale` when the committed copy differs.
set(stale "")
function(check path)
  get_filename_component(name ${path} NAME)
  set(fresh ${WORK_DIR}/${name})
  execute_process(COMMAND ${GEN} ${ARGN} ${fresh} RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "basira_gen_icu_lexicon ${ARGN} failed (${rc}): ${err}")
  endif()
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${SOURCE_DIR}/data/${path}
                          ${fresh} RESULT_VARIABLE differ)
  if(NOT differ EQUAL 0)
    string(JOIN " " command build/native/basira_gen_icu_lexicon ${ARGN} > data/${path})
    string(APPEND stale "  data/${path} differs from ${fresh}\n"
           "    regenerate with: ${command}\n")
    set(stale "${stale}" PARENT_SCOPE)
  endif()
endfunction()
check(lexicon/icu_places.txt)
check(lexicon/icu_currencies.txt --currencies)
check(facts/umalqura.txt --umalqura)

if(stale)
  message(FATAL_ERROR "The ICU lexicon files are stale (ICU's data or the generator changed):\n"
                      "${stale}"
                      "then review the diff and commit it.")
endif()
message(STATUS "data/lexicon/icu_places.txt, icu_currencies.txt and data/facts/umalqura.txt are current")
