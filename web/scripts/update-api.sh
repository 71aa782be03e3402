#!/usr/bin/env bash
# Refreshes web/openapi.json from the server's live OpenAPI document, then the TypeScript types
# generated from it (src/api/schema.d.ts). Run after changing any API endpoint or record.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
source "$ROOT/scripts/java-home.sh"
cd "$ROOT"
./mvnw -B -q -Dskip.web=true -pl server -am test -Dtest=OpenApiSnapshotTest -Dopenapi.update=true \
  -Dsurefire.failIfNoSpecifiedTests=false
cd web && npm run --silent gen:api
echo "web/openapi.json and web/src/api/schema.d.ts are up to date"
