#!/usr/bin/env bash
# Set up briefing-pipeline on Debian/Ubuntu: the system libraries WeasyPrint needs (Pango) and
# fonts, ShellCheck for the workflow test, then a virtual environment in .venv with the package and
# its test tools, and what the browser test drives: Debian's chromium and axe-core (npm, into
# ./node_modules).
# Safe to run again: it installs only what is missing. SETUP_NO_BROWSER=1 skips the browser tools
# (the browser test then skips, saying why).
set -euo pipefail
cd "$(dirname "$0")"

APT_PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra)
BROWSER_PACKAGES=(chromium libatomic1)  # libatomic1: the Node.js that Playwright ships links it
TEST_PACKAGES=(shellcheck)  # actionlint checks the CI workflow's scripts with it when it is there
NPM_PACKAGES=(nodejs npm)  # only when there is no npm yet (a NodeSource node brings its own)
AXE_CORE_VERSION=4.11.1

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || echo "$p"
  done
}

APT_UPDATED=""
apt_install() {
  local what=$1
  shift
  local missing
  missing=$(missing_packages "$@")
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null; then
    echo "setup.sh: please install $what with your package manager:" $missing >&2
    return 0
  fi
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "setup.sh: installing $what:" $missing
  if [ -z "$APT_UPDATED" ]; then
    $sudo apt-get update -q >/dev/null
    APT_UPDATED=1
  fi
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q --no-install-recommends $missing >/dev/null
}

install_system_packages() {
  apt_install "Pango (>= 1.44) and the DejaVu fonts" "${APT_PACKAGES[@]}"
  apt_install "ShellCheck, for the workflow test" "${TEST_PACKAGES[@]}" ||
    echo "setup.sh: could not install ${TEST_PACKAGES[*]}; actionlint will not check shell scripts" >&2
}

install_browser_tools() {
  [ "${SETUP_NO_BROWSER:-0}" = "1" ] && return 0
  # Not fatal: without them the browser test skips and says what is missing.
  apt_install "the browser test's chromium" "${BROWSER_PACKAGES[@]}" ||
    echo "setup.sh: could not install ${BROWSER_PACKAGES[*]}; the browser test will skip" >&2
  command -v npm >/dev/null || apt_install "npm, for axe-core" "${NPM_PACKAGES[@]}" ||
    echo "setup.sh: could not install ${NPM_PACKAGES[*]}; the browser test will skip" >&2
  if [ -f node_modules/axe-core/package.json ] &&
    grep -q "\"version\": \"$AXE_CORE_VERSION\"" node_modules/axe-core/package.json; then
    return 0
  fi
  if command -v npm >/dev/null; then
    npm install --prefix "$PWD" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
      "axe-core@$AXE_CORE_VERSION" >/dev/null ||
      echo "setup.sh: npm could not install axe-core; the browser test will skip" >&2
  fi
}

install_python_packages() {
  [ -x .venv/bin/python ] || python3 -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -e ".[test]"
}

install_system_packages
install_python_packages
install_browser_tools
echo "setup.sh: ready (.venv/bin/snakemake, .venv/bin/pytest)"
