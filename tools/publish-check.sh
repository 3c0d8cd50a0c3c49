#!/usr/bin/env bash
# Runs the Dockerfile's own restore and publish commands (read from the Dockerfile, so they cannot drift) into a
# temporary directory, then starts the published operator with --help the way the image's ENTRYPOINT does.
# There is no Docker engine in CI; this proves the image's build steps and entrypoint work. Exits non-zero on failure.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

restore="$(sed -n 's/^RUN \(dotnet restore .*\)$/\1/p' Dockerfile)"
publish="$(sed -n 's/^RUN \(dotnet publish .*\)$/\1/p' Dockerfile)"
if [[ -z "$restore" || -z "$publish" || "$publish" != *" -o /app" ]]; then
  echo "publish-check: could not find 'RUN dotnet restore' and 'RUN dotnet publish ... -o /app' in the Dockerfile" >&2
  exit 1
fi
publish="${publish% -o /app} -o $out"
# The Dockerfile's commands read BuildKit's TARGETARCH; here it is this machine's architecture.
case "$(uname -m)" in
  aarch64|arm64) TARGETARCH=arm64 ;;
  *) TARGETARCH=amd64 ;;
esac
restore="${restore//\$TARGETARCH/$TARGETARCH}"
publish="${publish//\$TARGETARCH/$TARGETARCH}"

echo "publish-check: $restore"
$restore
echo "publish-check: $publish"
$publish

entry="$out/ebops.dll"
[[ -f "$entry" ]] || { echo "publish-check: $entry was not published" >&2; exit 1; }

echo "publish-check: dotnet ebops.dll --help"
help="$(DOTNET_EnableDiagnostics=0 dotnet "$entry" --help)"
echo "$help"
grep -q "generate-crds" <<<"$help" || { echo "publish-check: --help does not list the verbs" >&2; exit 1; }
echo "publish-check: OK"
