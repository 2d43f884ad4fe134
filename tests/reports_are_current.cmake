# Runs `crosscheck check facts` into a scratch folder and fails when reports/ differs.
file(REMOVE_RECURSE ${WORK_DIR})
execute_process(COMMAND ${CROSSCHECK} check facts --out ${WORK_DIR} --quiet
                WORKING_DIRECTORY ${SOURCE_DIR} RESULT_VARIABLE rc)
if(NOT rc EQUAL 0 AND NOT rc EQUAL 1)
  message(FATAL_ERROR "crosscheck check facts exited ${rc}")
endif()
file(GLOB written RELATIVE ${WORK_DIR} ${WORK_DIR}/*)
foreach(name IN LISTS written)
  execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${WORK_DIR}/${name}
                          ${SOURCE_DIR}/reports/${name} RESULT_VARIABLE differs)
  if(differs)
    message(FATAL_ERROR "reports/${name} is not current: run `make check` and commit reports/")
  endif()
endforeach()
