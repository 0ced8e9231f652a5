import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract/index';
import {
  filterDossiers,
  indexRows,
  type Dossier,
  type DossierDetail,
} from '../../../shared/contract/dossiers';
import {
  computeTargetDate,
  dossierIssues,
  vNumberIssue,
  normaliseVNumber,
  type DossierInput,
  type DossierIssue,
  type DossierUpdate,
} from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import { insertDossierRow } from '../dossiers/insert';
import {
  addHistory,
  dossierWithVNumber,
  findDossier,
  historyOf,
  listRows,
  nextDossierNumber,
  proceduresOf,
  writeDossier,
  type WritableField,
} from '../dossiers/repo';
import { conclusionOf, maySeeSpecial, readSpecial, writeSpecial } from '../dossiers/special';
import { getMeta } from '../environment/setup';

type DossierHandlers = Pick<
  Handlers,
  | 'dossiers.list'
  | 'dossiers.get'
  | 'dossiers.create'
  | 'dossiers.update'
  | 'dossiers.checkVNumber'
  | 'dossiers.special.get'
  | 'dossiers.special.update'
  | 'dossiers.procedures.add'
  | 'dossiers.procedures.update'
>;

type Fields = z.output<typeof DossierInput>;
type Changes = z.output<typeof DossierUpdate>['changes'];

const termMonths = (db: Db): number => Number(getMeta(db, 'term_months') ?? 6);

/** Field errors with the domain's codes; the UI shows the Dutch text for each code at its field. */
function invalid(issues: readonly DossierIssue[]): AppError {
  return new AppError('BAD_INPUT', 'Invalid dossier', {
    fields: issues.map((i) => ({ path: i.path, code: i.code, message: i.code })),
  });
}

function requireDossier(db: Db, id: number): Dossier {
  const d = findDossier(db, id);
  if (!d) throw new AppError('NOT_FOUND', 'No such dossier');
  return d;
}

function checkLeadNgo(db: Db, id: number | null): void {
  if (id !== null && !db.prepare('SELECT 1 FROM organisations WHERE id = ?').get(id)) {
    throw new AppError('BAD_INPUT', 'Unknown organisation', {
      fields: [{ path: 'leadNgoId', code: 'invalid_value', message: 'Unknown organisation' }],
    });
  }
}

function checkVNumberFree(db: Db, vNumber: string | null, exceptId: number | null): void {
  if (vNumber === null) return;
  const existing = dossierWithVNumber(db, vNumber, exceptId);
  if (existing) {
    throw new AppError('DUPLICATE_V_NUMBER', `V-nummer already in ${existing.number}`, {
      fields: [{ path: 'vNumber', code: 'duplicate_v_number', message: 'Duplicate V-nummer' }],
      info: { number: existing.number },
    });
  }
}

/** The target date: the override when there is one, otherwise computed from the city's term. */
function targetFor(
  d: Pick<Fields, 'referredAt' | 'intakeDate' | 'targetOverride' | 'targetDate'>,
  term: number,
): string | null {
  return d.targetOverride ? d.targetDate : computeTargetDate(d, term);
}

function detailOf(db: Db, session: Session, id: number): DossierDetail {
  return {
    dossier: requireDossier(db, id),
    history: historyOf(db, id),
    procedures: proceduresOf(db, id),
    special: conclusionOf(db, id, maySeeSpecial(db, session)),
  };
}

function requireSpecialAccess(db: Db, session: Session): void {
  if (!maySeeSpecial(db, session)) throw new AppError('FORBIDDEN', 'No access to special-category data');
}

/** The stored dossier as the editable fields, so an update can be merged over it and validated whole. */
function fieldsOf(d: Dossier): Fields {
  return {
    vNumber: d.vNumber,
    name: d.name,
    aliases: d.aliases,
    sex: d.sex,
    birthDate: d.birthDate,
    birthDateEstimated: d.birthDateEstimated,
    countryOfOrigin: d.countryOfOrigin,
    nationality: d.nationality,
    firstKnownNl: d.firstKnownNl,
    exAmv: d.exAmv,
    familyInNl: d.familyInNl,
    languages: d.languages,
    leadNgoId: d.leadNgoId,
    casemanager: d.casemanager,
    shelter: d.shelter,
    referredAt: d.referredAt,
    intakeDate: d.intakeDate,
    track: d.track,
    status: d.status,
    targetDate: d.targetDate,
    targetOverride: d.targetOverride,
    targetOverrideReason: d.targetOverrideReason,
    reviewDate: d.reviewDate,
    stuck: d.stuck,
    stuckReason: d.stuckReason,
    onHold: d.onHold,
    vulnerable: d.vulnerable,
    notes: d.notes,
  };
}

/** What is stored for the fields: the reasons for flags that are off are dropped, the target settled. */
function settle(f: Fields, term: number): Pick<Dossier, WritableField> {
  const { targetOverride: _, ...rest } = f;
  return {
    ...rest,
    stuckReason: f.stuck ? f.stuckReason : null,
    targetOverrideReason: f.targetOverride ? f.targetOverrideReason : null,
    targetDate: targetFor(f, term),
  };
}

export function dossierHandlers(ctx: CoreContext): DossierHandlers {
  const db = () => ctx.vault.database();

  return {
    'dossiers.list': (query) => {
      const today = ctx.today();
      const rows = listRows(db());
      const filtered = filterDossiers(indexRows(rows), query, today).map(({ haystack: _, ...r }) => r);
      return { rows: filtered, today, termMonths: termMonths(db()) };
    },

    'dossiers.get': ({ id }, { session }) => detailOf(db(), requireSession(session), id),

    'dossiers.create': (input, { session }) => {
      const s = requireSession(session);
      const issues = dossierIssues(input, ctx.today());
      if (issues.length) throw invalid(issues);
      return writeAudited(ctx, s, (tx) => {
        checkLeadNgo(tx, input.leadNgoId);
        checkVNumberFree(tx, input.vNumber, null);
        const at = ctx.nowIso();
        const values = settle(input, termMonths(tx));
        const id = insertDossierRow(tx, {
          ...values,
          number: nextDossierNumber(tx, Number(ctx.today().slice(0, 4))),
          city: getMeta(tx, 'city') ?? '',
          updatedAt: at,
        });
        // The timeline starts with the status and track the dossier was registered with.
        for (const field of ['status', 'track'] as const) {
          addHistory(tx, {
            dossierId: id,
            at,
            userId: s.userId,
            field,
            from: null,
            to: values[field],
            reason: '',
          });
        }
        return {
          result: detailOf(tx, s, id),
          audit: { action: 'dossier.create', entity: 'dossiers', ids: [id] },
        };
      });
    },

    'dossiers.update': ({ id, version, changes, reason }, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (tx) => {
        const current = requireDossier(tx, id);
        if (current.version !== version) {
          throw new AppError(
            'CONFLICT',
            `Dossier ${current.number} was changed by someone else (version ${current.version})`,
            {
              info: { number: current.number },
            },
          );
        }
        const given = Object.fromEntries(
          Object.entries(changes).filter(([, v]) => v !== undefined),
        ) as Partial<Changes>;
        const merged: Fields = { ...fieldsOf(current), ...given };
        const issues = dossierIssues(merged, ctx.today());
        const next = settle(merged, termMonths(tx));
        const changedTrackOrStatus = next.status !== current.status || next.track !== current.track;
        if (changedTrackOrStatus && !reason) issues.push({ path: 'reason', code: 'required' });
        if (issues.length) throw invalid(issues);
        if (given.leadNgoId !== undefined) checkLeadNgo(tx, next.leadNgoId);
        if (next.vNumber !== current.vNumber) checkVNumberFree(tx, next.vNumber, id);

        const before = fieldsOf(current);
        const unchanged = (Object.keys(next) as WritableField[]).every(
          (k) => JSON.stringify(next[k]) === JSON.stringify(before[k]),
        );
        if (unchanged) return { result: detailOf(tx, s, id), audit: [] };

        const at = ctx.nowIso();
        if (!writeDossier(tx, id, version, next, at)) {
          throw new AppError('CONFLICT', `Dossier ${current.number} was changed by someone else`, {
            info: { number: current.number },
          });
        }
        for (const field of ['status', 'track'] as const) {
          if (next[field] !== current[field]) {
            addHistory(tx, {
              dossierId: id,
              at,
              userId: s.userId,
              field,
              from: current[field],
              to: next[field],
              reason: reason ?? '',
            });
          }
        }
        // An overridden target date is a decision worth keeping in the timeline too, with its reason.
        if (next.targetOverrideReason && next.targetDate && next.targetDate !== current.targetDate) {
          addHistory(tx, {
            dossierId: id,
            at,
            userId: s.userId,
            field: 'target_date',
            from: current.targetDate,
            to: next.targetDate,
            reason: next.targetOverrideReason,
          });
        }
        return {
          result: detailOf(tx, s, id),
          audit: { action: 'dossier.update', entity: 'dossiers', ids: [id] },
        };
      });
    },

    'dossiers.checkVNumber': ({ vNumber, exceptId }) => {
      const issue = vNumberIssue(vNumber);
      return {
        issue,
        existing: issue ? null : dossierWithVNumber(db(), normaliseVNumber(vNumber), exceptId ?? null),
      };
    },

    // Each read of the detail is audited in the same transaction as the read itself.
    'dossiers.special.get': ({ id }, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (tx) => {
        requireSpecialAccess(tx, s);
        requireDossier(tx, id);
        return {
          result: readSpecial(tx, id),
          audit: { action: 'special.view', entity: 'dossier_special', ids: [id] },
        };
      });
    },

    'dossiers.special.update': ({ id, special }, { session }) => {
      const s = requireSession(session);
      return writeAudited(ctx, s, (tx) => {
        requireSpecialAccess(tx, s);
        requireDossier(tx, id);
        writeSpecial(tx, id, special);
        return {
          result: readSpecial(tx, id),
          audit: { action: 'special.update', entity: 'dossier_special', ids: [id] },
        };
      });
    },

    'dossiers.procedures.add': ({ dossierId, procedure: p }, { session }) =>
      writeAudited(ctx, requireSession(session), (tx) => {
        requireDossier(tx, dossierId);
        const procId = Number(
          tx
            .prepare(
              'INSERT INTO procedures (dossier_id, kind, started_on, ended_on, result) VALUES (?, ?, ?, ?, ?)',
            )
            .run(dossierId, p.kind, p.startedOn, p.endedOn, p.result).lastInsertRowid,
        );
        return {
          result: proceduresOf(tx, dossierId),
          audit: { action: 'procedure.create', entity: 'procedures', ids: [procId] },
        };
      }),

    'dossiers.procedures.update': ({ id, procedure: p }, { session }) =>
      writeAudited(ctx, requireSession(session), (tx) => {
        const row = tx.prepare('SELECT dossier_id FROM procedures WHERE id = ?').get(id) as
          { dossier_id: number } | undefined;
        if (!row) throw new AppError('NOT_FOUND', 'No such procedure');
        tx.prepare(
          'UPDATE procedures SET kind = ?, started_on = ?, ended_on = ?, result = ? WHERE id = ?',
        ).run(p.kind, p.startedOn, p.endedOn, p.result, id);
        return {
          result: proceduresOf(tx, row.dossier_id),
          audit: { action: 'procedure.update', entity: 'procedures', ids: [id] },
        };
      }),
  };
}
