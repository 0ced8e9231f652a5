import { spawnSync } from 'node:child_process';

/** Runs Debian's openssl; a missing binary fails loudly instead of reading as a rejection. */
export function openssl(args: string[], cwd?: string): { status: number | null; output: string } {
  const r = spawnSync('openssl', args, { encoding: 'utf8', cwd });
  if (r.error) throw new Error(`openssl could not run (install Debian's openssl): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

/** What a recipient runs: a detached CAdES signature over the exact file, checked against a CA file. */
export function opensslCmsVerify(p7s: string, content: string, caFile: string) {
  return openssl([
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    p7s,
    '-content',
    content,
    '-CAfile',
    caFile,
    '-cades',
    '-out',
    '/dev/null',
  ]);
}
