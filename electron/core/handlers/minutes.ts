import type { Handlers } from '../../../shared/contract/index';
import { AppError } from '../../../shared/errors';
import { can } from '../../../shared/domain/permissions';
import type { Session } from '../../../shared/domain/roles';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import { decideCorrection, proposeCorrection } from '../minutes/corrections';
import { minutesDetail } from '../minutes/detail';
import { exportMinutes, verifyMinutes, type ExportScope } from '../minutes/files';
import { commitSignature, PendingCertificate, prepareSignature } from '../minutes/signatures';
import { requireState, stateAfter } from '../minutes/state';
import {
  commitAdoption,
  ensureLatestVersion,
  listMinutes,
  prepareAdoption,
  requireMeeting,
  setVersionState,
  startNewVersion,
  versionByDocxHash,
} from '../minutes/versions';
import { organisationName as findOrganisationName } from '../organisations/repo';
import { getSetting, setSetting } from '../settings/settings';
import { parseCertificates } from '../signing/certificates';
import { certificateRecord, saveRequest } from '../signing/store';
import { trustedCertificatesPem } from '../signing/trust';

type MinutesHandlers = Pick<
  Handlers,
  | 'minutes.list'
  | 'minutes.get'
  | 'minutes.startCorrections'
  | 'minutes.proposeCorrection'
  | 'minutes.decideCorrection'
  | 'minutes.adopt'
  | 'minutes.sign'
  | 'minutes.newVersion'
  | 'minutes.exportFull'
  | 'minutes.exportExtract'
  | 'minutes.verify'
  | 'minutes.settings.get'
  | 'minutes.settings.update'
>;

function readableCa(pem: string): string {
  try {
    parseCertificates(pem);
    return pem;
  } catch {
    throw new AppError('BAD_INPUT', 'The CA file is not a PEM certificate', {
      fields: [{ path: 'caPem', code: 'invalid_certificate', message: 'Not a PEM certificate' }],
    });
  }
}

function organisationName(db: Db, id: number): string {
  const name = findOrganisationName(db, id);
  if (name === undefined) throw new AppError('NOT_FOUND', 'No such organisation');
  return name;
}

export function minutesHandlers(ctx: CoreContext): MinutesHandlers {
  const { vault } = ctx;
  const db = () => vault.database();

  /** Adoption and signing build bytes asynchronously; a write in between makes the commit refuse, so retry. */
  async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    for (let i = 0; ; i++) {
      try {
        return await attempt();
      } catch (e) {
        if (i >= 2 || !(e instanceof AppError) || e.info?.reason !== 'changed_meanwhile') throw e;
      }
    }
  }

  /** Builds the files, audits the export and hands them over as base64. */
  async function exportFiles(s: Session, meetingId: number, scope: ExportScope, version: number | undefined) {
    const result = await exportMinutes(db(), meetingId, scope, {
      at: ctx.nowIso(),
      now: ctx.ports.clock(),
      version,
    });
    writeAudited(ctx, s, () => ({
      result: null,
      audit: { action: `minutes.export.${scope.kind}`, entity: 'meetings', ids: [meetingId] },
    }));
    return {
      version: result.version,
      state: result.state,
      files: result.files.map((f) => ({
        name: f.name,
        mediaType: f.mediaType,
        base64: Buffer.from(f.bytes).toString('base64'),
      })),
    };
  }

  return {
    'minutes.list': () => listMinutes(db()),

    'minutes.get': ({ meetingId }, { session }) =>
      minutesDetail(db(), meetingId, requireSession(session), ctx.nowIso()),

    'minutes.startCorrections': ({ meetingId }, { session }) => {
      const s = requireSession(session);
      writeAudited(ctx, s, (d) => {
        const row = ensureLatestVersion(d, meetingId, ctx.nowIso(), s.userId);
        requireState(row.state, 'startCorrections');
        setVersionState(d, row.id, stateAfter('startCorrections'));
        return {
          result: null,
          audit: { action: 'minutes.start_corrections', entity: 'minutes_versions', ids: [row.id] },
        };
      });
      return minutesDetail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.proposeCorrection': (input, { session }) => {
      const s = requireSession(session);
      writeAudited(ctx, s, (d) => {
        const id = proposeCorrection(
          d,
          input,
          { userId: s.userId, organisationId: s.organisationId },
          ctx.nowIso(),
        );
        return {
          result: id,
          audit: { action: 'minutes.correction.propose', entity: 'minutes_corrections', ids: [id] },
        };
      });
      return minutesDetail(db(), input.meetingId, s, ctx.nowIso());
    },

    'minutes.decideCorrection': ({ correctionId, accept, reason }, { session }) => {
      const s = requireSession(session);
      const meetingId = writeAudited(ctx, s, (d) => ({
        result: decideCorrection(d, correctionId, { accept, reason }, s.userId, ctx.nowIso()),
        audit: {
          action: accept ? 'minutes.correction.accept' : 'minutes.correction.reject',
          entity: 'minutes_corrections',
          ids: [correctionId],
        },
      }));
      return minutesDetail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.adopt': async ({ meetingId }, { session }) => {
      const s = requireSession(session);
      await withRetry(async () => {
        const at = ctx.nowIso();
        const prepared = await prepareAdoption(db(), meetingId, at);
        writeAudited(ctx, s, (d) => {
          commitAdoption(d, prepared, s.userId, at);
          return {
            result: null,
            audit: { action: 'minutes.adopt', entity: 'minutes_versions', ids: [prepared.versionId] },
          };
        });
      });
      return minutesDetail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.sign': async ({ meetingId, password }, { session }) => {
      const s = requireSession(session);
      if (!(await ctx.passwords.check(s.userId, password))) {
        throw new AppError('WRONG_CREDENTIALS', 'Password does not match the signer', {
          fields: [{ path: 'password', code: 'wrong_password', message: 'Password does not match' }],
          info: { reason: 'wrong_password' },
        });
      }
      try {
        await withRetry(async () => {
          const prepared = await prepareSignature(
            db(),
            meetingId,
            s,
            { password, kdf: vault.kdf },
            ctx.ports.clock(),
          );
          writeAudited(ctx, s, (d) => {
            commitSignature(d, prepared, s.userId, ctx.nowIso());
            return {
              result: null,
              audit: { action: 'minutes.sign', entity: 'minutes_versions', ids: [prepared.versionId] },
            };
          });
        });
      } catch (e) {
        if (!(e instanceof PendingCertificate)) throw e;
        // No certificate yet: the request (key pair made, private half wrapped with this password)
        // goes to the beheerder; the signature waits for the approval.
        const request = e.request;
        if (request) {
          writeAudited(ctx, s, (d) => {
            saveRequest(d, request, ctx.nowIso());
            return {
              result: null,
              audit: { action: 'certificate.request', entity: 'users', ids: [s.userId] },
            };
          });
        }
        throw e.refusal();
      }
      return minutesDetail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.newVersion': ({ meetingId }, { session }) => {
      const s = requireSession(session);
      writeAudited(ctx, s, (d) => {
        requireMeeting(d, meetingId);
        const row = startNewVersion(d, meetingId, ctx.nowIso(), s.userId);
        return {
          result: null,
          audit: { action: 'minutes.new_version', entity: 'minutes_versions', ids: [row.id] },
        };
      });
      return minutesDetail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.exportFull': ({ meetingId, version }, { session }) =>
      exportFiles(requireSession(session), meetingId, { kind: 'full' }, version),

    'minutes.exportExtract': ({ meetingId, scope, version }, { session }) => {
      const s = requireSession(session);
      const d = db();
      // A participant receives their own organisation's extract; other organisations' extracts and a
      // dossier's part of the full minutes are for the chair and the secretary.
      if (scope.organisationId !== s.organisationId && !can(s, 'minutes.exportOtherExtract')) {
        throw new AppError('FORBIDDEN', 'Participants may export only their own organisation’s extract', {
          info: { reason: 'own_extract_only' },
        });
      }
      const coreScope: ExportScope =
        scope.kind === 'organisation'
          ? { kind: 'organisation', organisation: organisationName(d, scope.organisationId) }
          : {
              kind: 'dossier',
              dossierNumber: scope.dossierNumber,
              organisation: scope.organisationId ? organisationName(d, scope.organisationId) : undefined,
            };
      return exportFiles(s, meetingId, coreScope, version);
    },

    'minutes.verify': async ({ docx, signatures, caPem }) => {
      const d = db();
      const ca = caPem ? readableCa(caPem) : trustedCertificatesPem(d);
      const bytes = new Uint8Array(Buffer.from(docx.base64, 'base64'));
      const result = await verifyMinutes(
        bytes,
        signatures.map((sig) => ({
          name: sig.name,
          bytes: new Uint8Array(Buffer.from(sig.base64, 'base64')),
        })),
        ca,
        ({ sha256 }) => {
          const record = certificateRecord(d, sha256);
          return {
            registered: record !== null,
            revokedAt: record?.revokedAt ?? null,
            revokedReason: record?.revokedReason ?? null,
          };
        },
      );
      const known = versionByDocxHash(d, result.documentSha256);
      return {
        ...result,
        knownVersion: known ?? null,
        caSource: caPem ? ('file' as const) : ('environment' as const),
      };
    },

    'minutes.settings.get': () => ({ fullNames: getSetting(db(), 'minutes_full_names') }),

    'minutes.settings.update': ({ fullNames }, { session }) =>
      writeAudited(ctx, session, (d) => {
        setSetting(d, 'minutes_full_names', fullNames);
        return {
          result: { fullNames },
          audit: { action: 'settings.minutes_full_names', entity: 'meta', ids: [] },
        };
      }),
  };
}
