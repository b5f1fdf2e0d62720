# journeydesk_add_plugin(<target>
#     ID <plugin id>                  # the folder name, equal to "id" in plugin.json
#     MANIFEST <plugin.json>
#     SOURCES <file>...
#     [OUTPUT_DIR <dir>]              # default ${CMAKE_BINARY_DIR}/journeydesk-plugins
#     [INSTALL_DESTINATION <dir>])    # installs <dir>/<id>/{plugin.json,library}
#
# Builds a channel plugin: a MODULE library with the generated C++ of the plugin protocol
# compiled in (its own copy, lite runtime), only the ABI entry symbol exported, and
# plugin.json copied beside it into <OUTPUT_DIR>/<id>/ — the layout the desktop discovers.
# The library file is named lib<target>.so; plugin.json's "library" must say so.
# Needs JD_PLUGIN_SDK_PROTO_DIR and JD_PLUGIN_SDK_INCLUDE_DIR (set by the package config).
function(journeydesk_add_plugin target)
  cmake_parse_arguments(PARSE_ARGV 1 arg "" "ID;MANIFEST;OUTPUT_DIR;INSTALL_DESTINATION" "SOURCES")
  if(NOT arg_ID OR NOT arg_MANIFEST OR NOT arg_SOURCES)
    message(FATAL_ERROR "journeydesk_add_plugin(${target}): ID, MANIFEST and SOURCES are required")
  endif()
  if(NOT arg_OUTPUT_DIR)
    set(arg_OUTPUT_DIR ${CMAKE_BINARY_DIR}/journeydesk-plugins)
  endif()
  get_filename_component(manifest ${arg_MANIFEST} ABSOLUTE)
  set(plugin_dir ${arg_OUTPUT_DIR}/${arg_ID})

  add_library(${target} MODULE ${arg_SOURCES})
  # The protocol's C++ (its own copy per plugin; protoc called directly so that the output
  # path does not depend on where the .proto lives relative to this folder).
  set(generated_dir ${CMAKE_CURRENT_BINARY_DIR}/${target}_protocol)
  set(proto ${JD_PLUGIN_SDK_PROTO_DIR}/journeydesk/plugin/v1/plugin.proto)
  set(generated ${generated_dir}/journeydesk/plugin/v1/plugin.pb.cc ${generated_dir}/journeydesk/plugin/v1/plugin.pb.h)
  file(MAKE_DIRECTORY ${generated_dir})
  add_custom_command(OUTPUT ${generated}
    COMMAND protobuf::protoc --cpp_out=${generated_dir} -I ${JD_PLUGIN_SDK_PROTO_DIR} ${proto}
    DEPENDS ${proto} protobuf::protoc
    COMMENT "Plugin protocol for ${target}")
  target_sources(${target} PRIVATE ${generated})
  target_include_directories(${target} PRIVATE ${generated_dir} ${JD_PLUGIN_SDK_INCLUDE_DIR})
  target_link_libraries(${target} PRIVATE protobuf::libprotobuf-lite)
  target_compile_features(${target} PRIVATE cxx_std_17)
  set_target_properties(${target} PROPERTIES
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${plugin_dir})
  target_link_options(${target} PRIVATE -Wl,--exclude-libs,ALL -Wl,--no-undefined)
  add_custom_command(TARGET ${target} POST_BUILD
    COMMAND ${CMAKE_COMMAND} -E copy_if_different ${manifest} ${plugin_dir}/plugin.json
    COMMENT "Plugin ${arg_ID}: ${plugin_dir}")

  if(arg_INSTALL_DESTINATION)
    install(TARGETS ${target} LIBRARY DESTINATION ${arg_INSTALL_DESTINATION}/${arg_ID} COMPONENT plugins)
    install(FILES ${manifest} DESTINATION ${arg_INSTALL_DESTINATION}/${arg_ID} COMPONENT plugins)
  endif()
endfunction()
