// A cheap byte-level test run before decoding: most blobs of a history hold no AWS credential, and
// searching their bytes for a few literals is an order of magnitude faster than decoding and running
// rules. It may say yes too often (the rules then decide) but must never say no to a chunk the rules
// would find something in. UTF-16 and other NUL-bearing content is always passed on: its ASCII letters
// are interleaved with NULs, so byte literals cannot see them.
//
// This is the git scanner's own conservative fallback; when the engine exports its prefilter, the worker
// should call that instead (it knows exactly which literals its rules need).

const NEEDLES = ['AKIA', 'ASIA', 'AGPA', 'AIDA', 'AROA', 'AIPA', 'ANPA', 'ANVA', 'ABIA', 'ACCA', 'APKA', 'ASCA', 'aws', 'AWS', 'Aws', 'secret', 'Secret', 'SECRET'].map((needle) => Buffer.from(needle, 'latin1'));

export function mayHoldSecret(data: Buffer): boolean {
  if (data.subarray(0, 8192).indexOf(0) !== -1) return true;
  for (const needle of NEEDLES) if (data.indexOf(needle) !== -1) return true;
  return false;
}
