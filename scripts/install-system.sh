#!/usr/bin/env bash
# Installs the Debian packages ringdown needs and the mediasoup 3.8.4 worker.
# The worker comes from Debian's experimental suite, fetched through a private apt
# configuration so the system's own sources are left untouched.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(redis-server nginx-light chromium firefox-esr iproute2 flite sox espeak-ng libpocketsphinx3 pocketsphinx-en-us
  libsrtp2-1 libusrsctp2 libuv1 libssl3 ca-certificates postgresql-client)
# The backup tests run a PostgreSQL of the client tools' own version (pg_dump refuses a newer
# server, and the embedded one is 18); the production image needs only the client.
[ "${NODE_ENV:-}" = production ] || PACKAGES+=(postgresql)
WORKER_VERSION="3.8.4"
WORKER_DIR="vendor/mediasoup-worker"
WORKER_BIN="$WORKER_DIR/usr/lib/x86_64-linux-gnu/mediasoup/mediasoup-worker"
WORKER_STAMP="$WORKER_DIR/VERSION"

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" != "0" ]; then
    echo "ringdown needs these Debian packages: ${missing[*]}" >&2
    echo "Install them as root, then run this again:" >&2
    echo "  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# Prometheus, for the metrics test: Debian's package unpacked into vendor/, not installed, so
# no prometheus service is enabled on the machine. Its binary needs only libc.
PROMETHEUS_DIR="vendor/prometheus"
if [ ! -x "$PROMETHEUS_DIR/usr/bin/prometheus" ]; then
  echo "Fetching Debian's prometheus (for the tests) into $PROMETHEUS_DIR"
  deb_dir=$(mktemp -d)
  (cd "$deb_dir" && { apt-get download -qq prometheus 2>/dev/null || { apt-get update -qq && apt-get download -qq prometheus; }; })
  rm -rf "$PROMETHEUS_DIR" && mkdir -p "$PROMETHEUS_DIR"
  dpkg -x "$deb_dir"/prometheus_*.deb "$PROMETHEUS_DIR"
  rm -rf "$deb_dir"
fi

# Unpacks one package of another Debian suite into a folder, fetched through a private apt
# configuration that reuses the system's Debian mirror (its own sources are left untouched).
scratch_dirs=()
trap 'rm -rf "${scratch_dirs[@]}"' EXIT
fetch_from_suite() { # suite package[=version] folder
  local suite=$1 package=$2 folder=$3 apt_dir uris
  apt_dir=$(mktemp -d)
  scratch_dirs+=("$apt_dir")
  uris=$(awk '/^URIs:/ && /debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  [ -n "$uris" ] || uris=$(awk '$1=="deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  [ -n "$uris" ] || { echo "no Debian apt source found to reuse" >&2; exit 1; }
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
  cat > "$apt_dir/$suite.sources" <<SRC
Types: deb
URIs: $uris
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
  local apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/$suite.sources" -o "Dir::Etc::SourceParts=/dev/null"
    -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
  apt-get "${apt_opts[@]}" update -qq
  (cd "$apt_dir" && apt-get "${apt_opts[@]}" download "$package")
  rm -rf "$folder" && mkdir -p "$folder"
  dpkg -x "$apt_dir"/*.deb "$folder"
}

if [ ! -x "$WORKER_BIN" ] || [ "$(cat "$WORKER_STAMP" 2>/dev/null)" != "$WORKER_VERSION" ]; then
  echo "Fetching mediasoup-worker $WORKER_VERSION from Debian experimental"
  fetch_from_suite experimental "mediasoup-worker=${WORKER_VERSION}~dfsg1-1" "$WORKER_DIR"
  if ldd "$WORKER_BIN" | grep -q "not found"; then
    echo "mediasoup-worker is missing libraries:" >&2; ldd "$WORKER_BIN" | grep "not found" >&2; exit 1
  fi
  echo "$WORKER_VERSION" > "$WORKER_STAMP"
  echo "mediasoup-worker installed at $WORKER_BIN"
fi

# kustomize, for the test that builds deploy/kubernetes/ as `kubectl apply -k` would: Debian
# has it only in unstable (a static Go program). Not needed in the production image.
KUSTOMIZE_DIR="vendor/kustomize"
if [ "${NODE_ENV:-}" != production ] && [ ! -x "$KUSTOMIZE_DIR/usr/bin/kustomize" ]; then
  echo "Fetching kustomize from Debian unstable into $KUSTOMIZE_DIR"
  fetch_from_suite sid kustomize "$KUSTOMIZE_DIR"
fi
