/**
 * The command line's minutes commands:
 *   minutes export --db PATH --meeting ID|latest --out DIR [--user NAAM --password-file F | --recovery-key-file F]
 *   verify FILE.docx [--ca ca.pem]
 * `verify` opens no database: it needs only the files a recipient has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { can } from '../../shared/domain/permissions';
import { appendAudit } from '../core/audit/audit';
import { parseRecoveryKey } from '../core/crypto/keywrap';
import type { Db } from '../core/db/open';
import type { Vault } from '../core/environment/vault';
import type { Api } from '../../shared/contract/index';
import type { Session } from '../../shared/domain/roles';
import {
  exportMinutes,
  statusFromLists,
  verifyMinutes,
  verifyReasonNl,
  type SignatureCheck,
} from '../core/minutes/files';
import { readRevocationLists, type RevocationLists } from '../core/signing/revocations';
import { writeFileAtomic } from '../core/storage/atomic';

export class MinutesCliError extends Error {}

export interface UnlockOptions {
  user?: string | undefined;
  login(api: Api, user: string, password: string): Promise<Session>;
  readSecret(file: string | undefined): string;
  passwordFile?: string | undefined;
  recoveryKeyFile?: string | undefined;
}

/**
 * "latest": the most recent meeting whose minutes were adopted; without any, the most recent meeting
 * held (not in the future).
 */
function meetingFor(db: Db, ref: string, today: string): number {
  if (ref !== 'latest') {
    const id = Number(ref);
    if (!Number.isInteger(id) || id <= 0)
      throw new MinutesCliError('--meeting must be a meeting id or "latest"');
    return id;
  }
  const row = (db
    .prepare(
      `SELECT m.id FROM meetings m JOIN minutes_versions v ON v.meeting_id = m.id WHERE v.adopted_at IS NOT NULL
       ORDER BY m.date DESC, m.id DESC LIMIT 1`,
    )
    .get() ??
    db.prepare('SELECT id FROM meetings WHERE date <= ? ORDER BY date DESC, id DESC LIMIT 1').get(today)) as
    { id: number } | undefined;
  if (!row) throw new MinutesCliError('no meeting with minutes in this environment');
  return row.id;
}

export async function minutesExportCommand(
  vault: Vault,
  api: Api,
  opts: UnlockOptions & { meeting: string | undefined; out: string | undefined; now: Date; today: string },
): Promise<number> {
  if (!opts.meeting) throw new MinutesCliError('--meeting ID|latest is required');
  if (!opts.out) throw new MinutesCliError('--out DIR is required');
  if (vault.state() === 'leeg') throw new MinutesCliError(`no environment at ${vault.dbFile}`);
  let userId: number | null = null;
  let organisationId: number | null = null;
  if (opts.user) {
    const session = await opts.login(api, opts.user, opts.readSecret(opts.passwordFile));
    // The same rule as the API's minutes.exportFull: the beheerder reads no dossier data.
    if (!can(session, 'minutes.exportFull')) {
      vault.lock();
      throw new MinutesCliError('only the chair or the secretary may export full minutes');
    }
    userId = session.userId;
    organisationId = session.organisationId;
  } else {
    const key = parseRecoveryKey(opts.readSecret(opts.recoveryKeyFile));
    if (!key) throw new MinutesCliError('the recovery key must be 64 hexadecimal digits');
    vault.open(key);
    key.fill(0);
  }
  try {
    const db = vault.database();
    const meetingId = meetingFor(db, opts.meeting, opts.today);
    const result = await exportMinutes(
      db,
      meetingId,
      { kind: 'full' },
      { at: opts.now.toISOString(), now: opts.now },
    );
    fs.mkdirSync(opts.out, { recursive: true });
    for (const file of result.files) writeFileAtomic(path.join(opts.out, file.name), file.bytes);
    db.transaction(() =>
      appendAudit(db, {
        at: opts.now.toISOString(),
        userId,
        organisationId,
        action: 'minutes.export.full',
        entity: 'meetings',
        ids: [meetingId],
      }),
    )();
    console.log(
      `Verslag van overleg ${meetingId}, versie ${result.version} (${result.state}), geschreven naar ${opts.out}:`,
    );
    for (const file of result.files) console.log(`  ${file.name}`);
    if (result.state !== 'ondertekend')
      console.log('Let op: dit verslag is (nog) niet door voorzitter en secretaris ondertekend.');
    return 0;
  } finally {
    vault.lock();
  }
}

/** The signature files that belong to a DOCX: "<stem>.<anything>.p7s" in the same folder. */
export function signaturesBeside(docxFile: string): string[] {
  const dir = path.dirname(docxFile);
  const stem = path.basename(docxFile).replace(/\.docx$/i, '');
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(`${stem}.`) && name.toLowerCase().endsWith('.p7s'))
    .sort()
    .map((name) => path.join(dir, name));
}

export async function verifyCommand(
  docxFile: string | undefined,
  caFile: string | undefined,
): Promise<number> {
  if (!docxFile) throw new MinutesCliError('name the DOCX to verify: verify FILE.docx [--ca ca.pem]');
  if (!fs.existsSync(docxFile)) throw new MinutesCliError(`no file ${docxFile}`);
  const ca = caFile ?? path.join(path.dirname(docxFile), 'ca.pem');
  if (!fs.existsSync(ca)) throw new MinutesCliError(`no CA certificate ${ca}; pass --ca ca.pem`);
  const signatureFiles = signaturesBeside(docxFile);
  if (signatureFiles.length === 0) throw new MinutesCliError(`no .p7s signatures beside ${docxFile}`);
  const caPem = fs.readFileSync(ca, 'utf8');
  const lists = await readRevocationLists(caPem);
  const result = await verifyMinutes(
    new Uint8Array(fs.readFileSync(docxFile)),
    signatureFiles.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) })),
    caPem,
    statusFromLists(lists),
  );
  for (const s of result.signatures) {
    const who = s.signer
      ? `${s.signer.name ?? '?'} (${s.signer.organisation ?? '?'})`
      : 'onbekende ondertekenaar';
    const when = s.signingTime ? `, ondertekend ${s.signingTime}` : '';
    console.log(
      s.valid
        ? `GELDIG       ${s.file}: ${who}${when}`
        : `NIET GELDIG  ${s.file}: ${verifyReasonNl[s.reason!]} — ${who}${when}`,
    );
    for (const line of certificateLines(s, lists)) console.log(`             ${line}`);
  }
  return result.allValid ? 0 : 1;
}

/** Which certificate signed, and what the revocation list of its issuer in ca.pem says about it. */
function certificateLines(s: SignatureCheck, lists: RevocationLists): string[] {
  const cert = s.certificate;
  if (!cert) return [];
  const fingerprint = (cert.sha256.match(/.{2}/g) ?? []).join(':').toUpperCase();
  const listDate = lists.issuers.get(cert.issuer);
  return [
    `certificaat: ${cert.subject}; serienummer ${cert.serial.toUpperCase()}`,
    `SHA-256: ${fingerprint}`,
    cert.revokedAt
      ? `INGETROKKEN sinds ${cert.revokedAt}`
      : listDate
        ? `niet ingetrokken volgens de intrekkingslijst van de uitgever (${listDate})`
        : 'intrekking onbekend: ca.pem bevat geen intrekkingslijst van de uitgever',
  ];
}
