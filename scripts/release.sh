#!/usr/bin/env bash
# Builds LTTH's release files into dist/ (make release):
#   ltth-VERSION-windows-amd64-setup.exe    NSIS installer (per-user, shortcuts, uninstaller)
#   ltth-VERSION-windows-amd64-portable.zip ltth.exe alone
#   ltth_VERSION_amd64.deb                  Debian/Ubuntu package
#   ltth-VERSION-linux-amd64.tar.gz         ltth + desktop entry + icon
#   SHA256SUMS                              sha256sum of all of them (the updater checks it)
# Release builds are stripped (-s -w); the exe carries its icon, manifest and
# version resource. VERSION: $RELEASE_VERSION, else the newest vX.Y.Z tag, else 0.1.0.
# Needs: go, mingw-w64, nsis, imagemagick, dpkg-deb, zip; frontend/dist built (make frontend).
set -euo pipefail
cd "$(dirname "$0")/.."
VERSION=${RELEASE_VERSION:-$(git describe --tags --match 'v[0-9]*' --abbrev=0 2>/dev/null | sed 's/^v//' || true)}
VERSION=${VERSION:-0.1.0}
[[ $VERSION =~ ^([0-9]+)\.([0-9]+)\.([0-9]+)(-[0-9A-Za-z.-]+)?$ ]] || { echo "release: VERSION $VERSION is not semantic (x.y.z)" >&2; exit 2; }
NUM="${BASH_REMATCH[1]}.${BASH_REMATCH[2]}.${BASH_REMATCH[3]}"
DIST=${DIST:-dist}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK" rsrc_windows_amd64.syso' EXIT
LDFLAGS="-s -w -X main.version=$VERSION"
say() { printf '\033[1;36m==>\033[0m %s\n' "$*" >&2; }
[ -f frontend/dist/index.html ] || { echo "release: frontend/dist is missing (make frontend)" >&2; exit 1; }
rm -rf "$DIST" && mkdir -p "$DIST"

say "Windows resources (icon, manifest, version $VERSION)"
mkdir -p "$WORK/win"
convert build/appicon.png -define icon:auto-resize=256,64,48,32,16 "$WORK/win/ltth.ico"
sed -e "s|@VERSION@|$VERSION|g" -e "s|@VERSIONCOMMA@|${NUM//./,},0|g" \
    -e "s|@ICON@|$WORK/win/ltth.ico|" -e "s|@MANIFEST@|$PWD/build/windows/ltth.exe.manifest|" \
    build/windows/ltth.rc.in > "$WORK/win/ltth.rc"
x86_64-w64-mingw32-windres -O coff -i "$WORK/win/ltth.rc" -o rsrc_windows_amd64.syso

say "Windows desktop build (stripped)"
CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
  go build -trimpath -tags desktop,production -ldflags "$LDFLAGS -H windowsgui" -o "$WORK/win/ltth.exe" .
rm -f rsrc_windows_amd64.syso

say "NSIS installer"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DVERSION4="$NUM.0" -DSRCDIR="$WORK/win" \
  -DOUTFILE="$PWD/$DIST/ltth-$VERSION-windows-amd64-setup.exe" \
  ${WEBVIEW2_SETUP:+-DWEBVIEW2_SETUP="$WEBVIEW2_SETUP"} build/windows/installer/ltth.nsi

say "portable zip"
(cd "$WORK/win" && zip -q -9 "$OLDPWD/$DIST/ltth-$VERSION-windows-amd64-portable.zip" ltth.exe)

say "Linux desktop build (stripped)"
mkdir -p "$WORK/linux"
CGO_ENABLED=1 go build -trimpath -tags desktop,production,webkit2_41 -ldflags "$LDFLAGS" -o "$WORK/linux/ltth" .

say ".deb"
DEB=$WORK/deb
install -Dm755 "$WORK/linux/ltth" "$DEB/usr/bin/ltth"
install -Dm644 build/ltth.desktop "$DEB/usr/share/applications/ltth.desktop"
install -Dm644 build/appicon.png "$DEB/usr/share/icons/hicolor/256x256/apps/ltth.png"
install -Dm644 build/linux/copyright "$DEB/usr/share/doc/ltth/copyright"
mkdir -p "$DEB/DEBIAN"
sed -e "s|@VERSION@|$VERSION|" -e "s|@SIZE@|$(du -sk "$DEB/usr" | cut -f1)|" build/linux/control.in > "$DEB/DEBIAN/control"
dpkg-deb --root-owner-group -Zxz --build "$DEB" "$DIST/ltth_${VERSION}_amd64.deb" >/dev/null

say "tarball"
T=$WORK/tar/ltth-$VERSION-linux-amd64
install -Dm755 "$WORK/linux/ltth" "$T/ltth"
install -Dm644 build/ltth.desktop "$T/ltth.desktop"
install -Dm644 build/appicon.png "$T/ltth.png"
install -Dm644 README.md "$T/README.md"
tar -C "$WORK/tar" --owner=0 --group=0 -czf "$DIST/ltth-$VERSION-linux-amd64.tar.gz" "ltth-$VERSION-linux-amd64"

(cd "$DIST" && sha256sum -- * > SHA256SUMS)
say "release $VERSION in $DIST/:"
(cd "$DIST" && ls -l --block-size=K -- * | awk '{printf "  %8s  %s\n", $5, $9}')
printf '  %8s  %s\n' "$(du -k "$WORK/win/ltth.exe" | cut -f1)K" "(ltth.exe inside)" "$(du -k "$WORK/linux/ltth" | cut -f1)K" "(Linux ltth inside)"
