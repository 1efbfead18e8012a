# One INTERFACE target carries the compile policy; every target links it.
add_library(mm_compile_policy INTERFACE)
target_compile_features(mm_compile_policy INTERFACE cxx_std_20)
target_compile_definitions(mm_compile_policy INTERFACE
  QT_NO_CAST_FROM_ASCII
  QT_NO_CONTEXTLESS_CONNECT
  QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
  QT_USE_QSTRINGBUILDER
  QT_NO_URL_CAST_FROM_STRING
  QT_NO_FOREACH)
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
  target_compile_options(mm_compile_policy INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow=local -Wnon-virtual-dtor -Wcast-align
    -Woverloaded-virtual -Wno-unused-parameter)
  if(MM_WERROR)
    target_compile_options(mm_compile_policy INTERFACE -Werror)
  endif()
endif()

option(MM_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(MM_SANITIZE)
  target_compile_options(mm_compile_policy INTERFACE
    -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  target_link_options(mm_compile_policy INTERFACE -fsanitize=address,undefined)
endif()
