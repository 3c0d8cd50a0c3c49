#!/usr/bin/env bash
# Fetches the official AWS service models (npm package aws-sdk v2, apis/*.json) into .cache/aws-models.
# The tests validate every request the clients build, and every request the simulator accepts, against them.
# Idempotent: does nothing when the models are already there.
set -euo pipefail
version=2.1693.0
root=$(cd "$(dirname "$0")/../.." && pwd)
dest="$root/.cache/aws-models"
marker="$dest/.version-$version"
[ -f "$marker" ] && exit 0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "aws-sdk@$version" >/dev/null)
mkdir -p "$dest"
tar -xzf "$tmp"/aws-sdk-$version.tgz -C "$tmp"
for svc in elasticbeanstalk-2010-12-01 elasticloadbalancingv2-2015-12-01 rds-2014-10-31 ec2-2016-11-15 s3-2006-03-01 sts-2011-06-15; do
  for kind in min.json paginators.json normal.json; do
    [ -f "$tmp/package/apis/$svc.$kind" ] && cp "$tmp/package/apis/$svc.$kind" "$dest/"
  done
done
touch "$marker"
echo "aws-models: aws-sdk@$version models in $dest"
