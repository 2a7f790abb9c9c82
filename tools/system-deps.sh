#!/usr/bin/env bash
# The system packages SpineCoach needs, in one list; installs the missing ones.
#
#   tools/system-deps.sh runtime|test [--check | --list] [--family debian|fedora|arch]
#
#   runtime  what the Qt modules SpineCoach imports load (QtCore, QtGui, QtWidgets, QtSvg,
#            QtDBus, QtNetwork, QtMultimedia, QtTextToSpeech, QtOpenGL through pyqtgraph) and
#            the plug-ins they use: the xcb platform (a real window on X11 or XWayland), the
#            FFmpeg sound back-end, image formats, input methods; plus one font
#   test     runtime, and what the tests start for real: Xvfb, a private D-Bus, gsettings,
#            the validators for the shipped desktop files
#   --check  only say what is missing (exit 1 when something is); install nothing
#   --list   print the package names, one a line, and exit
#   --family pick the package names of that family instead of the one detected
#
# `make run` and `make test` call it before the virtual environment is made, so a missing
# library is a package name here, never a Python traceback later. When everything is present it
# is one dpkg-query (rpm, pacman) call, ~15 ms, and prints nothing. Missing packages are
# installed with apt-get as root, else through sudo (which may ask for your password); the
# package index is refreshed only then. Fedora (dnf) and Arch (pacman) get the same list under
# their names; anywhere else the list is printed and the exit code is 1. Set
# SPINECOACH_SYSTEM_DEPS=skip to bypass this script once the libraries are in place some other
# way. Not needed on macOS or Windows: PySide6's wheels carry everything there.
#
# The Debian list is checked against the real libraries in tests/test_system_deps.py: every
# library that a Qt module we import, or a plug-in listed above, links is provided by a package
# here (or by dpkg and apt themselves). `a|b` means either package (Ubuntu 24.04 renamed
# libglib2.0-0 to libglib2.0-0t64).
set -euo pipefail

# --- the list ------------------------------------------------------------------------------------

debian_runtime=(
    "libglib2.0-0t64|libglib2.0-0"  # QtCore: the GLib event loop
    libegl1 libgl1 libdrm2          # QtGui and QtOpenGL: EGL, OpenGL (libglvnd); FFmpeg
    libfontconfig1 libfreetype6     # text
    libxkbcommon0 libxkbcommon-x11-0
    libdbus-1-3                     # QtDBus, and QtGui talks to the desktop over D-Bus
    libgssapi-krb5-2 libbrotli1     # QtNetwork (we use only its local sockets, it links them)
    libx11-6 libx11-xcb1 libxext6 libxrandr2
    libxcb1 libxcb-cursor0 libxcb-glx0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1
    libxcb-randr0 libxcb-render0 libxcb-render-util0 libxcb-shape0 libxcb-shm0 libxcb-sync1
    libxcb-util1 libxcb-xfixes0 libxcb-xkb1
    libpulse0                       # QtMultimedia and QtTextToSpeech do not import without it
    libxss1                         # idle time on X11 (XScreenSaver, loaded with ctypes)
    pulseaudio-utils                # pactl: a microphone in use means a call (desktop/calls.py)
    fonts-dejavu-core               # fontconfig needs one font, or every text is empty boxes
)
debian_test=(
    xvfb xauth                      # the real-window tests (Xvfb, xvfb-run)
    dbus-daemon                     # a private session bus (idle, notifications, do-not-disturb)
    libxtst6                        # the tests' fake input (XTest)
    libglib2.0-bin gsettings-desktop-schemas  # GNOME's do-not-disturb, read with gsettings
    appstream desktop-file-utils    # appstreamcli validate, desktop-file-validate
    shared-mime-info                # update-mime-database: the programme file's MIME type
    binutils                        # objdump: PyInstaller reads the bundle's libraries with it
    trayer                          # an X11 system tray: the tray's own message balloon
)

# Only for CI (`tools/system-deps.sh ci`): a sound server for the real call test. Never on a
# person's machine through `make test`: on a PipeWire desktop a second server fights for the sound.
debian_ci=(pulseaudio)
fedora_ci=(pulseaudio)
arch_ci=(pulseaudio)

fedora_runtime=(
    glib2 mesa-libEGL mesa-libGL libdrm fontconfig freetype libxkbcommon libxkbcommon-x11
    dbus-libs krb5-libs libbrotli libX11 libX11-xcb libXext libXrandr libxcb xcb-util
    xcb-util-cursor xcb-util-image xcb-util-keysyms xcb-util-renderutil xcb-util-wm
    pulseaudio-libs pulseaudio-utils libXScrnSaver dejavu-sans-fonts
)
fedora_test=(
    xorg-x11-server-Xvfb xorg-x11-xauth dbus-daemon libXtst glib2
    gsettings-desktop-schemas appstream desktop-file-utils shared-mime-info binutils
)

arch_runtime=(
    glib2 libglvnd mesa libdrm fontconfig freetype2 libxkbcommon libxkbcommon-x11 dbus krb5
    brotli libx11 libxext libxrandr libxcb xcb-util xcb-util-cursor xcb-util-image
    xcb-util-keysyms xcb-util-renderutil xcb-util-wm libpulse libxss ttf-dejavu
)
arch_test=(
    xorg-server-xvfb xorg-xauth dbus libxtst glib2 gsettings-desktop-schemas appstream
    desktop-file-utils shared-mime-info binutils
)

# --- the work ------------------------------------------------------------------------------------

usage() {
    echo "usage: $0 runtime|test|ci [--check | --list] [--family debian|fedora|arch]" >&2
    exit 2
}

set_name="" mode=install family=""
while (($#)); do
    case $1 in
        runtime | test | ci) set_name=$1 ;;
        --check) mode=check ;;
        --list) mode=list ;;
        --family)
            (($# > 1)) || usage
            family=$2
            shift
            ;;
        *) usage ;;
    esac
    shift
done
[[ -n $set_name ]] || usage

if [[ ${SPINECOACH_SYSTEM_DEPS:-} == skip && $mode == install ]]; then
    exit 0
fi
if [[ -z $family ]]; then
    if [[ $(uname -s) != Linux ]]; then
        exit 0  # macOS and Windows: PySide6's wheels carry their libraries
    elif command -v dpkg-query >/dev/null && command -v apt-get >/dev/null; then
        family=debian
    elif command -v rpm >/dev/null && command -v dnf >/dev/null; then
        family=fedora
    elif command -v pacman >/dev/null; then
        family=arch
    else
        family=unknown
    fi
fi

case $family in
    debian | fedora | arch | unknown) ;;
    *) usage ;;
esac
list_family=$family
[[ $family == unknown ]] && list_family=debian
declare -n runtime_list="${list_family}_runtime" test_list="${list_family}_test"
declare -n ci_list="${list_family}_ci"
wanted=("${runtime_list[@]}")
[[ $set_name == test || $set_name == ci ]] && wanted+=("${test_list[@]}")
[[ $set_name == ci ]] && wanted+=("${ci_list[@]}")
# PyInstaller (the bundle test) needs the interpreter as a shared library, which Debian's own
# Python keeps in a package of its own (pyenv's or python.org's builds carry it).
if [[ $set_name != runtime && $list_family == debian ]]; then
    python_version=$("${PYTHON:-python3}" -c 'import sys; print("%d.%d" % sys.version_info[:2])' \
        2>/dev/null || true)
    if [[ -n $python_version && $("${PYTHON:-python3}" -c 'import sys; print(sys.base_prefix)' \
            2>/dev/null) == /usr ]]; then
        wanted+=("libpython$python_version")
    fi
fi

if [[ $mode == list ]]; then
    printf '%s\n' "${wanted[@]}"
    exit 0
fi

if [[ $family == unknown ]]; then
    echo "SpineCoach needs these system libraries, and this script does not know your package" >&2
    echo "manager. Their Debian package names are:" >&2
    echo "  ${wanted[*]//|/ or }" >&2
    echo "Install the same libraries with your package manager, then run this again with" >&2
    echo "SPINECOACH_SYSTEM_DEPS=skip." >&2
    exit 1
fi

# The names installed now, one call for the whole list.
installed_names() {
    local names=()
    local entry
    for entry in "${wanted[@]}"; do
        IFS='|' read -ra alternatives <<<"$entry"
        names+=("${alternatives[@]}")
    done
    case $family in
        debian)
            dpkg-query -W -f='${Package} ${db:Status-Status}\n' "${names[@]}" 2>/dev/null \
                | while read -r name status; do
                    [[ $status == installed ]] && echo "$name"
                done || true
            ;;
        fedora)
            rpm -q --qf '%{NAME}\n' "${names[@]}" 2>/dev/null | grep -v ' ' || true
            ;;
        arch)
            pacman -Q "${names[@]}" 2>/dev/null | while read -r name _; do echo "$name"; done || true
            ;;
    esac
    return 0
}

declare -A present=()
while read -r name; do
    [[ -n $name ]] && present[$name]=1
done < <(installed_names)

missing=()
for entry in "${wanted[@]}"; do
    IFS='|' read -ra alternatives <<<"$entry"
    found=""
    for name in "${alternatives[@]}"; do
        [[ -n ${present[$name]:-} ]] && found=$name
    done
    [[ -n $found ]] || missing+=("$entry")
done

if ((${#missing[@]} == 0)); then
    exit 0
fi
if [[ $mode == check ]]; then
    echo "Missing system packages ($set_name): ${missing[*]//|/ or }" >&2
    exit 1
fi

sudo=()
if [[ $(id -u) != 0 ]]; then
    if ! command -v sudo >/dev/null; then
        echo "SpineCoach needs these system packages: ${missing[*]//|/ or }" >&2
        echo "Install them as root (there is no sudo here), then run this again." >&2
        exit 1
    fi
    sudo=(sudo)
    echo "Installing system packages with sudo (it may ask for your password):" >&2
else
    echo "Installing system packages:" >&2
fi

case $family in
    debian)
        echo "  ${missing[*]//|/ or }" >&2
        # Wait for another apt (an unattended upgrade) instead of failing on its lock.
        apt=(env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=300)
        "${sudo[@]}" "${apt[@]}" update -qq
        # Of `a|b`, the first name this system's archive has.
        chosen=()
        for entry in "${missing[@]}"; do
            IFS='|' read -ra alternatives <<<"$entry"
            pick=${alternatives[-1]}
            for name in "${alternatives[@]}"; do
                if apt-cache show --no-all-versions "$name" >/dev/null 2>&1; then
                    pick=$name
                    break
                fi
            done
            chosen+=("$pick")
        done
        "${sudo[@]}" "${apt[@]}" install -y -qq --no-install-recommends "${chosen[@]}"
        ;;
    fedora)
        echo "  ${missing[*]}" >&2
        "${sudo[@]}" dnf install -y "${missing[@]}"
        ;;
    arch)
        echo "  ${missing[*]}" >&2
        "${sudo[@]}" pacman -S --needed --noconfirm "${missing[@]}"
        ;;
esac
