/**
 * The command line's minutes commands:
 *   minutes export --db PATH --meeting ID|latest --out DIR --user NAAM [--password-file F]
 *   verify FILE.docx [--ca ca.pem]
 * `verify` opens no database: it needs only the files a recipient has.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Api } from '../../shared/contract/index';
import type { Session } from '../../shared/domain/roles';
import { terminalSafe } from '../../shared/text';
import { statusFromLists, verifyMinutes, verifyReasonNl, type SignatureCheck } from '../core/minutes/files';
import { readRevocationLists, type RevocationLists } from '../core/signing/revocations';
import { writeFileAtomic } from '../core/storage/atomic';
import { CliError, refusal } from './open';

/** A meeting id or "latest"; checked before anything is opened. */
export function parseMinutesMeeting(ref: string | undefined): number | 'latest' {
  if (!ref) throw new CliError('--meeting ID|latest is required');
  if (ref === 'latest') return 'latest';
  const id = Number(ref);
  if (!Number.isInteger(id) || id <= 0) throw new CliError('--meeting must be a meeting id or "latest"');
  return id;
}

/**
 * "latest": the most recent meeting whose minutes were adopted (a version after the first means an
 * earlier one was); without any, the most recent meeting held (not in the future).
 */
async function resolve(api: Api, ref: number | 'latest', today: string): Promise<number> {
  if (ref !== 'latest') return ref;
  const list = await api['minutes.list']({}); // newest first
  const adopted = list.find((m) => m.state === 'vastgesteld' || m.state === 'ondertekend' || m.version > 1);
  const id = (adopted ?? list.find((m) => m.date <= today))?.meetingId;
  if (id === undefined) throw new CliError('no meeting with minutes in this environment');
  return id;
}

/**
 * `minutes export`: the full minutes with their signatures and ca.pem, through minutes.exportFull,
 * so the API's rule holds here too: the chair and the secretary only (not the beheerder, not a
 * recovery session); the API audits the export. The files are written atomically.
 */
export async function minutesExportCommand(
  api: Api,
  session: Session,
  opts: { meeting: number | 'latest'; out: string; today: string },
): Promise<number> {
  let meetingId: number;
  let result;
  try {
    meetingId = await resolve(api, opts.meeting, opts.today);
    result = await api['minutes.exportFull']({ meetingId });
  } catch (e) {
    throw refusal(e, session, 'only the chair or the secretary may export full minutes');
  }
  fs.mkdirSync(opts.out, { recursive: true });
  for (const file of result.files)
    writeFileAtomic(path.join(opts.out, file.name), Buffer.from(file.base64, 'base64'));
  console.log(
    `Verslag van overleg ${meetingId}, versie ${result.version} (${result.state}), geschreven naar ${opts.out}:`,
  );
  for (const file of result.files) console.log(`  ${file.name}`);
  if (result.state !== 'ondertekend')
    console.log('Let op: dit verslag is (nog) niet door voorzitter en secretaris ondertekend.');
  return 0;
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
  if (!docxFile) throw new CliError('name the DOCX to verify: verify FILE.docx [--ca ca.pem]');
  if (!fs.existsSync(docxFile)) throw new CliError(`no file ${docxFile}`);
  const ca = caFile ?? path.join(path.dirname(docxFile), 'ca.pem');
  if (!fs.existsSync(ca)) throw new CliError(`no CA certificate ${ca}; pass --ca ca.pem`);
  const signatureFiles = signaturesBeside(docxFile);
  if (signatureFiles.length === 0) throw new CliError(`no .p7s signatures beside ${docxFile}`);
  const caPem = fs.readFileSync(ca, 'utf8');
  const lists = await readRevocationLists(caPem);
  const result = await verifyMinutes(
    new Uint8Array(fs.readFileSync(docxFile)),
    signatureFiles.map((f) => ({ name: path.basename(f), bytes: new Uint8Array(fs.readFileSync(f)) })),
    caPem,
    statusFromLists(lists),
  );
  // Names and file names come from the files a sender chose: printed without control characters.
  const print = (line: string) => console.log(terminalSafe(line));
  for (const s of result.signatures) {
    const who = s.signer
      ? `${s.signer.name ?? '?'} (${s.signer.organisation ?? '?'})`
      : 'onbekende ondertekenaar';
    const when = s.signingTime ? `, ondertekend ${s.signingTime}` : '';
    print(
      s.valid
        ? `GELDIG       ${s.file}: ${who}${when}`
        : `NIET GELDIG  ${s.file}: ${verifyReasonNl[s.reason!]} — ${who}${when}`,
    );
    for (const line of certificateLines(s, lists)) print(`             ${line}`);
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
