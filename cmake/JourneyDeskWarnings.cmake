# jd_set_warnings(target): the project's warning set for code we own (not generated code).
function(jd_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wpedantic -Wno-unused-parameter)
endfunction()
