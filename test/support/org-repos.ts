// Several real repositories for the organisation-scan, merge and HTML tests: each gets a few commits on dated
// days (so a timeline has a spread), one key pair shared by all of them (the same key leaked in several
// repositories), a key of its own in some, and hostile names where asked. Keys are generated per run.
import { fakeLeak, type Leak } from './fakes.js';
import { Repo } from './repo.js';

export interface OrgRepo {
  name: string;
  repo: Repo;
  /** The key pairs committed to this repository (the shared one first). */
  leaks: Leak[];
}

/** A file name and a commit subject no viewer may treat as markup or script. */
export const HOSTILE_FILE = 'conf/<img src=x onerror=alert(1)>.env';
export const HOSTILE_SUBJECT = 'add </script><script>alert(2)</script> config';

/**
 * One repository per name. `shared` is committed to every one; the repositories whose index is odd also get a
 * key of their own; with `hostile`, the first repository's shared key sits in HOSTILE_FILE, committed with
 * HOSTILE_SUBJECT.
 */
export function orgRepos(names: readonly string[], options: { shared?: Leak; hostile?: boolean } = {}): { repos: OrgRepo[]; shared: Leak } {
  const shared = options.shared ?? fakeLeak();
  const repos = names.map((name, index) => {
    const repo = Repo.init();
    const day = (n: number) => `2024-0${1 + (index % 9)}-${String(1 + n).padStart(2, '0')}T12:00:00Z`;
    const commit = (date: string, message: string, files: Record<string, string>) => {
      for (const [file, content] of Object.entries(files)) repo.write(file, content);
      repo.git('add', '-A');
      repo.gitWith({ GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date }, 'commit', '-q', '-m', message);
    };
    commit(day(0), 'initial commit', { 'README.md': `# ${name}\n` });
    const hostile = options.hostile && index === 0;
    commit(day(1 + index), hostile ? HOSTILE_SUBJECT : 'add deployment settings', { [hostile ? HOSTILE_FILE : 'deploy/settings.env']: shared.text });
    const leaks = [shared];
    if (index % 2 === 1) {
      const own = fakeLeak();
      commit(day(10 + index), 'add the uploader', { 'tools/upload.py': `AWS_ACCESS_KEY_ID = "${own.id}"\nAWS_SECRET_ACCESS_KEY = "${own.secret}"\n` });
      leaks.push(own);
    }
    return { name, repo, leaks };
  });
  return { repos, shared };
}
