#!/usr/bin/env bash
# The organisation scan's last job (.github/workflows/org-scan.yml): `keywarden merge` of every repository's
# JSON report in REPORTS into OUT/keywarden.{html,json,sarif,txt}, the counts as step outputs (findings, keys,
# failed: repositories whose REPORTS/NAME.failed says they were not scanned completely) and in the job summary.
# Usage: merge.sh REPORTS OUT   (KEYWARDEN: the keywarden CLI's bin/keywarden.js)
set -uo pipefail
reports=$1
out=$2
mkdir -p "$out"
shopt -s nullglob
jsons=("$reports"/*.json)
failures=("$reports"/*.failed)
output=${GITHUB_OUTPUT:-/dev/stdout}
summary=${GITHUB_STEP_SUMMARY:-/dev/null}
echo "failed=${#failures[@]}" >> "$output"
if [ ${#jsons[@]} -eq 0 ]; then
  echo "::error::keywarden: no repository report to merge"
  exit 2
fi
for format in html json sarif text; do
  extension=$format
  [ "$format" = text ] && extension=txt
  node "$KEYWARDEN" merge --quiet --format "$format" --output "$out/keywarden.$extension" "${jsons[@]}"
  status=$?
  # 0 nothing found, 1 findings: both are a merged report; 2 is a report merge refused.
  [ "$status" -le 1 ] || exit "$status"
done
counts=$(node -e '
  const merged = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`findings=${merged.findings.length}`);
  console.log(`keys=${merged.keys.filter((key) => key.keyId !== null).length}`);
  console.log(`repositories=${merged.reports.length}`);
  console.log(`affected=${new Set(merged.findings.map((finding) => finding.repository)).size}`);
' "$out/keywarden.json") || exit 2
echo "$counts" >> "$output"
while IFS== read -r name value; do declare "$name=$value"; done <<< "$counts"
{
  echo "## keywarden organisation scan"
  echo
  echo "$repositories repositories scanned: $findings findings, $keys keys to rotate, in $affected repositories."
  if [ ${#failures[@]} -gt 0 ]; then
    echo
    echo ":x: ${#failures[@]} repositories were not scanned completely (their .failed files in the reports say why)."
  fi
  echo
  echo "The keywarden-organisation-report artifact holds keywarden.html (open it in a browser), keywarden.json, keywarden.sarif and keywarden.txt."
} >> "$summary"
