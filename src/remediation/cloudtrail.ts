// The CloudTrail command every playbook uses to look for a credential's use: event history is kept per region,
// and an attacker picks regions you do not use, so the lookup runs in every enabled region ($REGIONS, set once
// at the top of the playbook: playbook.ts VARIABLES).

/** Events whose `attribute` (AccessKeyId, Username) is `value` (already shell-safe), region by region. */
export function lookupEventsEveryRegion(attribute: 'AccessKeyId' | 'Username', value: string, columns: string): string {
  return [
    `for region in $REGIONS; do`,
    `  echo "== $region"`,
    `  aws cloudtrail lookup-events --region "$region" \\`,
    `    --lookup-attributes AttributeKey=${attribute},AttributeValue=${value} \\`,
    `    --query 'Events[].[${columns}]' --output text`,
    `done`,
  ].join('\n');
}
