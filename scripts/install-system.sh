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

if [ -x "$WORKER_BIN" ] && [ "$(cat "$WORKER_STAMP" 2>/dev/null)" = "$WORKER_VERSION" ]; then
  exit 0
fi

echo "Fetching mediasoup-worker $WORKER_VERSION from Debian experimental"
apt_dir=$(mktemp -d)
trap 'rm -rf "$apt_dir"' EXIT
uris=$(awk '/^URIs:/ && /debian\/?$/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
[ -n "$uris" ] || uris=$(awk '$1=="deb" && $0 !~ /security/ {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
[ -n "$uris" ] || { echo "no Debian apt source found to reuse" >&2; exit 1; }
mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial"
cat > "$apt_dir/experimental.sources" <<SRC
Types: deb
URIs: $uris
Suites: experimental
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SRC
apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/experimental.sources" -o "Dir::Etc::SourceParts=/dev/null"
  -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "Debug::NoLocking=1" -o "APT::Sandbox::User=root")
apt-get "${apt_opts[@]}" update -qq
(cd "$apt_dir" && apt-get "${apt_opts[@]}" download "mediasoup-worker=${WORKER_VERSION}~dfsg1-1")
rm -rf "$WORKER_DIR" && mkdir -p "$WORKER_DIR"
dpkg -x "$apt_dir"/mediasoup-worker_*.deb "$WORKER_DIR"
if ldd "$WORKER_BIN" | grep -q "not found"; then
  echo "mediasoup-worker is missing libraries:" >&2; ldd "$WORKER_BIN" | grep "not found" >&2; exit 1
fi
echo "$WORKER_VERSION" > "$WORKER_STAMP"
echo "mediasoup-worker installed at $WORKER_BIN"
