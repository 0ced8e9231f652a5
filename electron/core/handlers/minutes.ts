import type { Handlers } from '../../../shared/contract/index';
import type { MinutesDetail } from '../../../shared/contract/minutes';
import { can } from '../../../shared/domain/permissions';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import {
  correctionTargets,
  decideCorrection,
  listCorrections,
  proposeCorrection,
} from '../minutes/corrections';
import { exportMinutes, verifyMinutes, type ExportScope } from '../minutes/files';
import { fullNamesAllowed } from '../minutes/load';
import { commitSignature, listSignatures, prepareSignature, signerRole } from '../minutes/signatures';
import { requireState, stateAfter } from '../minutes/state';
import {
  changedSinceAdoption,
  commitAdoption,
  ensureLatestVersion,
  latestVersion,
  listVersions,
  prepareAdoption,
  requireMeeting,
  setVersionState,
  startNewVersion,
  versionModel,
} from '../minutes/versions';
import { parseCertificates } from '../signing/certificates';
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

function detail(db: Db, meetingId: number, session: Session, at: string): MinutesDetail {
  requireMeeting(db, meetingId);
  const latest = latestVersion(db, meetingId);
  const model = versionModel(db, meetingId, latest, at);
  let mySignerRole: MinutesDetail['mySignerRole'];
  try {
    mySignerRole = signerRole(db, meetingId, session);
  } catch {
    mySignerRole = null; // not the chair or secretary of this meeting
  }
  return {
    meetingId,
    city: model.city,
    date: model.meeting.date,
    place: model.meeting.place,
    chair: model.chair.name,
    secretary: model.secretary.name,
    version: latest?.version ?? 1,
    state: latest?.state ?? 'concept',
    changedSinceAdoption: latest ? changedSinceAdoption(db, meetingId, latest, at) : false,
    versions: listVersions(db, meetingId).map((v) => ({
      version: v.version,
      state: v.state,
      createdAt: v.created_at,
      adoptedAt: v.adopted_at,
      docxSha256: v.docx_sha256,
      contentSha256: v.content_sha256,
      auditHead: v.audit_head,
      signatures: listSignatures(db, v.id).map(({ role, name, organisation, signedAt }) => ({
        role,
        name,
        organisation,
        signedAt,
      })),
    })),
    corrections: listCorrections(db, meetingId).filter(
      (c) => can(session, 'minutes.correctAll') || c.organisationId === session.organisationId,
    ),
    targets: correctionTargets(
      db,
      meetingId,
      can(session, 'minutes.correctAll') ? null : session.organisationId,
    ).map(({ organisationId: _org, ...t }) => t),
    mySignerRole,
    organisations: extractOrganisations(db, meetingId),
    dossiers: model.items.flatMap((i) =>
      i.kind === 'dossier' ? [{ number: i.dossier.number, initials: i.dossier.initials }] : [],
    ),
  };
}

/** The organisations an extract can be made for: those at the meeting, or all when no attendance was kept. */
function extractOrganisations(db: Db, meetingId: number): { id: number; name: string }[] {
  const present = db
    .prepare(
      'SELECT o.id, o.name FROM attendance a JOIN organisations o ON o.id = a.organisation_id WHERE a.meeting_id = ? ORDER BY o.sort_order, o.id',
    )
    .all(meetingId) as { id: number; name: string }[];
  return present.length > 0
    ? present
    : (db.prepare('SELECT id, name FROM organisations ORDER BY sort_order, id').all() as {
        id: number;
        name: string;
      }[]);
}

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
  const row = db.prepare('SELECT name FROM organisations WHERE id = ?').get(id) as
    { name: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', 'No such organisation');
  return row.name;
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
    'minutes.list': () =>
      (
        db()
          .prepare(
            `SELECT m.id AS meetingId, m.date, m.place, m.state AS meetingState,
                    COALESCE(v.version, 1) AS version, COALESCE(v.state, 'concept') AS state,
                    (SELECT COUNT(*) FROM signatures s WHERE s.minutes_version_id = v.id) AS signatures
             FROM meetings m LEFT JOIN minutes_versions v ON v.meeting_id = m.id
               AND v.version = (SELECT MAX(version) FROM minutes_versions WHERE meeting_id = m.id)
             ORDER BY m.date DESC, m.id DESC`,
          )
          .all() as {
          meetingId: number;
          date: string;
          place: string;
          meetingState: string;
          version: number;
          state: string;
          signatures: number;
        }[]
      ).map((r) => ({ ...r, state: r.state as MinutesDetail['state'] })),

    'minutes.get': ({ meetingId }, { session }) =>
      detail(db(), meetingId, requireSession(session), ctx.nowIso()),

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
      return detail(db(), meetingId, s, ctx.nowIso());
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
      return detail(db(), input.meetingId, s, ctx.nowIso());
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
      return detail(db(), meetingId, s, ctx.nowIso());
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
      return detail(db(), meetingId, s, ctx.nowIso());
    },

    'minutes.sign': async ({ meetingId, password }, { session }) => {
      const s = requireSession(session);
      if (!(await ctx.passwords.check(s.userId, password))) {
        throw new AppError('WRONG_CREDENTIALS', 'Password does not match the signer', {
          fields: [{ path: 'password', code: 'wrong_password', message: 'Password does not match' }],
          info: { reason: 'wrong_password' },
        });
      }
      await withRetry(async () => {
        const prepared = await prepareSignature(db(), meetingId, s, ctx.ports.clock());
        writeAudited(ctx, s, (d) => {
          commitSignature(d, prepared, s.userId, ctx.nowIso());
          const audit = [{ action: 'minutes.sign', entity: 'minutes_versions', ids: [prepared.versionId] }];
          if (prepared.identity.isNew)
            audit.unshift({ action: 'certificate.issue', entity: 'users', ids: [s.userId] });
          return { result: null, audit };
        });
      });
      return detail(db(), meetingId, s, ctx.nowIso());
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
      return detail(db(), meetingId, s, ctx.nowIso());
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
      const ca = caPem ? readableCa(caPem) : await trustedCertificatesPem(d, ctx.ports.clock());
      const bytes = new Uint8Array(Buffer.from(docx.base64, 'base64'));
      const result = await verifyMinutes(
        bytes,
        signatures.map((sig) => ({
          name: sig.name,
          bytes: new Uint8Array(Buffer.from(sig.base64, 'base64')),
        })),
        ca,
      );
      const known = d
        .prepare(
          'SELECT v.meeting_id AS meetingId, m.date, v.version FROM minutes_versions v JOIN meetings m ON m.id = v.meeting_id WHERE v.docx_sha256 = ?',
        )
        .get(result.documentSha256) as { meetingId: number; date: string; version: number } | undefined;
      return {
        ...result,
        knownVersion: known ?? null,
        caSource: caPem ? ('file' as const) : ('environment' as const),
      };
    },

    'minutes.settings.get': () => ({ fullNames: fullNamesAllowed(db()) }),

    'minutes.settings.update': ({ fullNames }, { session }) =>
      writeAudited(ctx, session, (d) => {
        d.prepare(
          'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
        ).run('minutes_full_names', fullNames ? '1' : '0');
        return {
          result: { fullNames },
          audit: { action: 'settings.minutes_full_names', entity: 'meta', ids: [] },
        };
      }),
  };
}
