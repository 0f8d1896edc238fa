# Install rules for the header-only oncostate target (included from the top-level CMakeLists.txt
# when ONCOSTATE_INSTALL is ON). Installs:
#   <includedir>/oncostate/**                      the headers
#   <datadir>/cmake/oncostate/oncostate*.cmake     CMake package: find_package(oncostate CONFIG)
#   <datadir>/pkgconfig/oncostate.pc               pkg-config file (Cflags only; nothing to link)
# Header-only and architecture independent, hence datadir rather than libdir.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(ONCOSTATE_INSTALL_CMAKEDIR "${CMAKE_INSTALL_DATADIR}/cmake/oncostate"
    CACHE STRING "Where to install oncostate's CMake package files (relative to the prefix)")
set(ONCOSTATE_INSTALL_PKGCONFIGDIR "${CMAKE_INSTALL_DATADIR}/pkgconfig"
    CACHE STRING "Where to install oncostate.pc (relative to the prefix)")

# Headers: the whole include/oncostate tree, headers only.
install(DIRECTORY "${oncostate_SOURCE_DIR}/include/oncostate"
        DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}"
        FILES_MATCHING PATTERN "*.hpp" PATTERN "*.h" PATTERN "*.ipp" PATTERN "*.inl")

# The installed target needs an include directory. If the top-level file expanded
# ${CMAKE_INSTALL_INCLUDEDIR} before GNUInstallDirs was included, its INSTALL_INTERFACE is
# empty: warn, and add the directory here instead so the package still works.
get_target_property(_oncostate_incdirs oncostate INTERFACE_INCLUDE_DIRECTORIES)
string(FIND "${_oncostate_incdirs}" "$<INSTALL_INTERFACE:>" _oncostate_empty_install_dir)
if(_oncostate_empty_install_dir EQUAL -1)
  install(TARGETS oncostate EXPORT oncostateTargets)
else()
  message(AUTHOR_WARNING "oncostate: $<INSTALL_INTERFACE:> is empty; include(GNUInstallDirs) "
                         "before target_include_directories(oncostate ...) in CMakeLists.txt")
  install(TARGETS oncostate EXPORT oncostateTargets INCLUDES DESTINATION "${CMAKE_INSTALL_INCLUDEDIR}")
endif()

install(EXPORT oncostateTargets
        NAMESPACE oncostate::
        DESTINATION "${ONCOSTATE_INSTALL_CMAKEDIR}")

configure_package_config_file(
  "${CMAKE_CURRENT_LIST_DIR}/oncostateConfig.cmake.in"
  "${PROJECT_BINARY_DIR}/oncostateConfig.cmake"
  INSTALL_DESTINATION "${ONCOSTATE_INSTALL_CMAKEDIR}")
write_basic_package_version_file(
  "${PROJECT_BINARY_DIR}/oncostateConfigVersion.cmake"
  VERSION "${oncostate_VERSION}"
  COMPATIBILITY SameMajorVersion
  ARCH_INDEPENDENT)
install(FILES "${PROJECT_BINARY_DIR}/oncostateConfig.cmake"
              "${PROJECT_BINARY_DIR}/oncostateConfigVersion.cmake"
        DESTINATION "${ONCOSTATE_INSTALL_CMAKEDIR}")

# pkg-config: relocatable, the prefix is found from the .pc file's own location, so
# `cmake --install . --prefix <anywhere>` gives a working file.
if(IS_ABSOLUTE "${ONCOSTATE_INSTALL_PKGCONFIGDIR}")
  set(ONCOSTATE_PC_PREFIX "${CMAKE_INSTALL_PREFIX}")
else()
  string(REGEX REPLACE "[^/]+" ".." _oncostate_up "${ONCOSTATE_INSTALL_PKGCONFIGDIR}")  # share/pkgconfig -> ../..
  set(ONCOSTATE_PC_PREFIX "\${pcfiledir}/${_oncostate_up}")
endif()
if(IS_ABSOLUTE "${CMAKE_INSTALL_INCLUDEDIR}")
  set(ONCOSTATE_PC_INCLUDEDIR "${CMAKE_INSTALL_INCLUDEDIR}")
else()
  set(ONCOSTATE_PC_INCLUDEDIR "\${prefix}/${CMAKE_INSTALL_INCLUDEDIR}")
endif()
configure_file("${CMAKE_CURRENT_LIST_DIR}/oncostate.pc.in" "${PROJECT_BINARY_DIR}/oncostate.pc" @ONLY)
install(FILES "${PROJECT_BINARY_DIR}/oncostate.pc" DESTINATION "${ONCOSTATE_INSTALL_PKGCONFIGDIR}")
