# Fails when the .ts files are stale (lupdate would change them) or when an
# entry is unfinished. Run by CTest as `translations_up_to_date`:
#   cmake -DLUPDATE=... -DSOURCES_FILE=... -DTS_DIR=translations -DSOURCE_DIR=src -DWORK=dir -P CheckTranslations.cmake
file(STRINGS "${SOURCES_FILE}" sources)
file(GLOB TS_FILES "${TS_DIR}/*.ts")
file(REMOVE_RECURSE "${WORK}")
file(MAKE_DIRECTORY "${WORK}")
set(failed FALSE)
foreach(ts IN LISTS TS_FILES)
  get_filename_component(name "${ts}" NAME)
  file(COPY "${ts}" DESTINATION "${WORK}")
  execute_process(
    # The same options and include paths as qt_add_translations in widgets/.
    COMMAND "${LUPDATE}" -silent -no-obsolete -locations none
            -I "${SOURCE_DIR}/dashboard" -I "${SOURCE_DIR}/widgets"
            ${sources} -ts "${WORK}/${name}"
    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(SEND_ERROR "lupdate failed on ${name}: ${err}")
    set(failed TRUE)
    continue()
  endif()
  file(READ "${ts}" committed)
  file(READ "${WORK}/${name}" refreshed)
  if(NOT committed STREQUAL refreshed)
    message(SEND_ERROR "${name} is stale: run `cmake --build <build dir> --target update_translations` and translate what is new")
    set(failed TRUE)
  endif()
  string(FIND "${committed}" "type=\"unfinished\"" unfinished)
  if(NOT unfinished EQUAL -1)
    message(SEND_ERROR "${name} has unfinished translations")
    set(failed TRUE)
  endif()
endforeach()
if(failed)
  message(FATAL_ERROR "translations are not up to date")
endif()
message(STATUS "translations up to date and complete")
