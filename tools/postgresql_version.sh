#!/usr/bin/env bash
# Print the PostgreSQL major version Debian ships on this machine (15 on bookworm, 17 on trixie, 18 on sid
# in late 2026), so the Makefile names postgresql-NN and postgresql-NN-postgis-3 of this distribution.
# Order of trust: a cluster version already installed with PostGIS, then the `postgresql` metapackage's
# dependency in apt's lists, then the release's known default. Never hardcode one version in the Makefile.
# `--installed`: only a version installed with PostGIS and its server binary (the test cluster's), else exit 1.
set -euo pipefail
for dir in $(ls -d /usr/share/postgresql/*/extension 2>/dev/null | sort -Vr); do
  version=$(basename "$(dirname "$dir")")
  if [ -f "$dir/postgis.control" ] && [ -x "/usr/lib/postgresql/$version/bin/postgres" ]; then
    echo "$version"; exit 0
  fi
done
[ "${1:-}" = --installed ] && exit 1
from_apt=$(apt-cache show postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p' | sort -Vr | head -1)
if [ -n "$from_apt" ]; then echo "$from_apt"; exit 0; fi
. /etc/os-release
case "${VERSION_CODENAME:-}" in
  bookworm) echo 15 ;;
  trixie) echo 17 ;;
  *) echo 18 ;;  # forky/sid
esac
