# Cross-compiles to WebAssembly: uses $EMSDK's Emscripten.cmake when EMSDK is set, else Debian's.
if(DEFINED ENV{EMSDK} AND EXISTS "$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  include("$ENV{EMSDK}/upstream/emscripten/cmake/Modules/Platform/Emscripten.cmake")
elseif(EXISTS "/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  include("/usr/share/emscripten/cmake/Modules/Platform/Emscripten.cmake")
  # Debian's emscripten runs its JS tools (acorn, ...) with Node, which finds their modules only
  # through Debian's node path when the machine's Node is not Debian's: give it to every link.
  set(CMAKE_CXX_LINKER_LAUNCHER ${CMAKE_COMMAND} -E env NODE_PATH=/usr/share/nodejs)
else()
  message(FATAL_ERROR "No Emscripten found: install Debian's emscripten (tools/install-deps.sh) or set EMSDK")
endif()
