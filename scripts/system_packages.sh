#!/usr/bin/env bash
# The system packages KOK Learn needs, from deploy/system-packages.txt.
#
#   scripts/system_packages.sh list runtime|test     print the packages (test = runtime + test), one a line
#   scripts/system_packages.sh missing runtime|test  print the ones not installed
#   scripts/system_packages.sh ensure runtime|test   install the missing ones with apt-get (as root, or with
#                                                   sudo); where that is impossible, exit 1 with one message
#                                                   naming the packages and the command that installs them
#
# `make run` ensures runtime, `make test` ensures test. Tests override the list (KOK_SYSTEM_PACKAGES) and the
# apt-get command (KOK_APT_GET; empty: no apt-get on this machine).
set -euo pipefail

here="$(cd "$(dirname "$0")/.." && pwd)"
list_file="${KOK_SYSTEM_PACKAGES:-$here/deploy/system-packages.txt}"

usage() { echo "usage: $0 list|missing|ensure runtime|test" >&2; exit 2; }
[ -r "$list_file" ] || { echo "$0: cannot read $list_file" >&2; exit 2; }

# Lines "package [command]" of the sections a kind needs.
entries() {
  local kind="$1" sections
  case "$kind" in
    runtime) sections="runtime" ;;
    test) sections="runtime test" ;;
    *) usage ;;
  esac
  awk -v want=" $sections " '
    /^[[:space:]]*(#|$)/ { next }
    /^\[/ { gsub(/[\[\]]/, ""); section = $1; next }
    index(want, " " section " ") { print $1, $2 }
  ' "$list_file"
}

installed() {
  local package="$1" command="${2:-}"
  if [ -n "$command" ] && command -v "$command" >/dev/null 2>&1; then
    return 0
  fi
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"
}

missing() {
  local package command
  while read -r package command; do
    installed "$package" "$command" || echo "$package"
  done < <(entries "$1")
}

ensure() {
  local kind="$1" packages apt sudo=""
  packages="$(missing "$kind" | tr '\n' ' ' | sed 's/ *$//')"
  [ -z "$packages" ] && return 0
  apt="${KOK_APT_GET-apt-get}"
  if [ "$(id -u)" != 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
      sudo="sudo"
    else
      sudo="none"
    fi
  fi
  if [ -n "$apt" ] && command -v "$apt" >/dev/null 2>&1 && [ "$sudo" != none ]; then
    echo "Installing system packages ($kind): $packages"
    # shellcheck disable=SC2086
    if $sudo env DEBIAN_FRONTEND=noninteractive "$apt" install -y -qq $packages >/dev/null \
      || { $sudo "$apt" update -qq && $sudo env DEBIAN_FRONTEND=noninteractive "$apt" install -y -qq $packages >/dev/null; }; then
      packages="$(missing "$kind" | tr '\n' ' ' | sed 's/ *$//')"
      [ -z "$packages" ] && return 0
    fi
  fi
  {
    echo "Missing system packages for '$kind': $packages"
    echo "Install them (as root) and run the command again:"
    echo "  apt-get install $packages"
  } >&2
  return 1
}

[ $# -eq 2 ] || usage
case "$1" in
  list) entries "$2" | awk '{ print $1 }' ;;
  missing) missing "$2" ;;
  ensure) ensure "$2" ;;
  *) usage ;;
esac
