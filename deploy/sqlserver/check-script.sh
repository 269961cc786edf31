#!/usr/bin/env bash
# Regenerates the idempotent SQL Server migration script into a temporary file and compares it with the checked-in
# deploy/sqlserver/recognition.sql. Exits non-zero (and prints the difference) when the checked-in script is stale.
#   bash deploy/sqlserver/check-script.sh           # check (CI)
#   bash deploy/sqlserver/check-script.sh --update  # regenerate the checked-in script after adding a migration
# No SQL Server is needed: `dotnet ef migrations script` only reads the migrations assembly.
set -euo pipefail
cd "$(dirname "$0")/../.."

project=src/NuMeng.Recognition.Data.Migrations.SqlServer
target=deploy/sqlserver/recognition.sql
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Build into a private artifacts folder so a check never collides with other builds of the work tree.
export UseArtifactsOutput=true
export ArtifactsPath="$tmp/artifacts"

dotnet tool restore >/dev/null
dotnet build "$project" -nologo -v quiet
dotnet ef migrations script --idempotent --no-build \
  --project "$project" --startup-project "$project" \
  --output "$tmp/recognition.sql" >/dev/null

if [ "${1:-}" = "--update" ]; then
  cp "$tmp/recognition.sql" "$target"
  echo "updated $target"
  exit 0
fi

if ! diff -u "$target" "$tmp/recognition.sql" >"$tmp/diff"; then
  echo "STALE: $target differs from the migrations in $project." >&2
  echo "Regenerate it with: bash deploy/sqlserver/check-script.sh --update" >&2
  head -n 80 "$tmp/diff" >&2
  exit 1
fi
echo "$target is current"
