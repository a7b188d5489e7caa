# Project-wide compiler settings, applied to every target through inbox_apply_settings().

add_library(inbox_settings INTERFACE)
target_compile_definitions(inbox_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER)

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(inbox_settings INTERFACE
        -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast
        -Wcast-align -Woverloaded-virtual -Wformat=2 -Wimplicit-fallthrough)
    if(INBOX_WARNINGS_AS_ERRORS)
        target_compile_options(inbox_settings INTERFACE -Werror)
    endif()
elseif(MSVC)
    target_compile_options(inbox_settings INTERFACE /W4 /permissive- /Zc:__cplusplus)
    if(INBOX_WARNINGS_AS_ERRORS)
        target_compile_options(inbox_settings INTERFACE /WX)
    endif()
endif()

option(INBOX_WARNINGS_AS_ERRORS "Treat compiler warnings as errors" OFF)
option(INBOX_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(INBOX_SANITIZE)
    target_compile_options(inbox_settings INTERFACE
        -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    target_link_options(inbox_settings INTERFACE -fsanitize=address,undefined)
endif()
