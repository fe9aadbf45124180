// The environment of every git child keywarden starts. A scan never fetches and never writes into .git: in a
// partial clone git would otherwise fetch each missing blob from the promisor remote as it is read (network
// access without --verify, and a new pack in .git/objects). GIT_NO_LAZY_FETCH turns that off where git knows
// it (2.44, and the 2024-05 security releases from 2.39.4 on); older git honours GIT_ALLOW_PROTOCOL (since
// 2.1), and an empty list allows no transport at all, so a lazy fetch fails before it connects. keywarden's
// own git calls are all local, so neither setting changes anything else. Missing blobs are then noted and
// make the exit code 2 (missing-blobs.ts).
export function gitChildEnv(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_NO_LAZY_FETCH: '1', GIT_ALLOW_PROTOCOL: '' };
}
