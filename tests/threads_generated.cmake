# The reports are the same byte for byte whatever the number of threads, on a generated
# base (bench/generate.py, with planted contradictions in many components, articles and
# quotes): `crosscheck check` with --threads 1, 2 and 3 writes every report format, and
# each file of the 2- and 3-thread runs must equal the 1-thread run's (report.html's drawn
# graphs included: one machine, one Graphviz).
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${PYTHON} ${SOURCE_DIR}/bench/generate.py --facts 4000 --plant 40
                        --seed 3 --out ${WORK_DIR}/base
                RESULT_VARIABLE rc OUTPUT_QUIET)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "bench/generate.py exited ${rc}")
endif()

foreach(threads 1 2 3)
  execute_process(COMMAND ${CROSSCHECK} check facts --threads ${threads}
                          --format json,md,html,sarif --out ${WORK_DIR}/threads-${threads} --quiet
                  WORKING_DIRECTORY ${WORK_DIR}/base RESULT_VARIABLE rc OUTPUT_QUIET)
  if(NOT rc EQUAL 1)  # the planted contradictions are errors: exit status 1
    message(FATAL_ERROR "crosscheck check --threads ${threads} exited ${rc}, not 1")
  endif()
endforeach()

file(READ ${WORK_DIR}/threads-1/report.json json)
string(REGEX MATCHALL "\"rule\": \"conflict\"" conflicts "${json}")
list(LENGTH conflicts found)
if(found LESS 5)  # else the comparison would say little about the threads
  message(FATAL_ERROR "only ${found} conflicts in the generated base's report.json")
endif()

foreach(name report.json report.md report.html report.sarif)
  foreach(threads 2 3)
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK_DIR}/threads-1/${name}
                            ${WORK_DIR}/threads-${threads}/${name}
                    RESULT_VARIABLE differ)
    if(NOT differ EQUAL 0)
      message(FATAL_ERROR "${name} differs between --threads 1 and --threads ${threads}")
    endif()
  endforeach()
endforeach()
