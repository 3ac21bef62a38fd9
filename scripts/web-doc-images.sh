#!/usr/bin/env bash
# Copies the screenshots docs/web.md shows from the last browser test run
# (dotnet test --filter "FullyQualifiedName~Browser", which writes test-results/screenshots) into docs/images.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs/images
for name in project-new project-signed project-refused-move project-activity-blocker project-other-team team project-next-step-overdue-blocker team-next-steps cockpit geo-china geo-city; do
  cp "test-results/screenshots/$name.png" "docs/images/$name.png"
done
echo "web-doc-images: docs/images updated"
