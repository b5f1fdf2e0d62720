# The out-of-tree plugin build, as IT would do it (ctest: plugin_sdk_out_of_tree_build):
#  1. install the SDK component of BUILD_DIR into a fresh prefix;
#  2. configure and build TEMPLATE_DIR against it (with CXX when given, e.g. clang++);
#  3. load the result through the real host (LOAD_CHECK).
# Inputs: BUILD_DIR TEMPLATE_DIR WORK_DIR CXX GENERATOR LOAD_CHECK HOST_PROCESS.
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})
set(prefix ${WORK_DIR}/sdk)

function(run step)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "${step} failed (${result}):\n${out}\n${err}")
  endif()
  message(STATUS "${step}: ok")
endfunction()

run("install the SDK" ${CMAKE_COMMAND} --install ${BUILD_DIR} --component sdk --prefix ${prefix})
if(NOT EXISTS ${prefix}/lib/cmake/JourneyDeskPluginSDK/JourneyDeskPluginSDKConfig.cmake)
  message(FATAL_ERROR "the SDK package config was not installed under ${prefix}")
endif()

set(compiler_args)
if(CXX)
  set(compiler_args -DCMAKE_CXX_COMPILER=${CXX})
endif()
run("configure the template against the installed SDK"
  ${CMAKE_COMMAND} -S ${TEMPLATE_DIR} -B ${WORK_DIR}/build -G ${GENERATOR}
  -DCMAKE_PREFIX_PATH=${prefix} -DCMAKE_BUILD_TYPE=Release ${compiler_args})
run("build the template" ${CMAKE_COMMAND} --build ${WORK_DIR}/build)
run("load it through the host" ${LOAD_CHECK} ${WORK_DIR}/build/journeydesk-plugins template template ${HOST_PROCESS})
