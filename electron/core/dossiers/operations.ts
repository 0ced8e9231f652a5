import type { z } from 'zod';
import type { Handlers } from '../../../shared/contract/index';
import type { Dossier, DossierDetail, Procedure, SpecialData } from '../../../shared/contract/dossiers';
import {
  computeTargetDate,
  dossierIssues,
  isFinished,
  type DossierInput,
  type DossierStatus,
  type DossierIssue,
  type DossierUpdate,
} from '../../../shared/domain/dossier';
import type { Session } from '../../../shared/domain/roles';
import { AppError } from '../../../shared/errors';
import type { AuditFacts } from '../context';
import type { Db } from '../db/open';
import { organisationExists } from '../organisations/repo';
import { getSetting } from '../settings/settings';
import { episodesOf } from '../decisions/outflow-repo';
import { insertDossierRow } from './insert';
import {
  addHistory,
  dossierWithVNumber,
  findDossier,
  historyOf,
  insertProcedure,
  nextDossierNumber,
  procedureDossierId,
  proceduresOf,
  updateProcedure,
  writeDossier,
  type WritableField,
} from './repo';
import { conclusionOf, maySeeSpecial, readSpecial, writeSpecial } from './special';

/*
 * Registering and changing dossiers, their special-category data and procedures. Each change is a
 * function from the database (inside the caller's transaction) to the result and its audit facts,
 * like decisions/operations.ts; the handler wraps it in writeAudited.
 */

type Input<M extends keyof Handlers> = Parameters<Handlers[M]>[0];
type Change<T> = { result: T; audit: AuditFacts | AuditFacts[] };

type Fields = z.output<typeof DossierInput>;
type Changes = z.output<typeof DossierUpdate>['changes'];

export const termMonths = (db: Db): number => getSetting(db, 'term_months');

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
  if (id !== null && !organisationExists(db, id)) {
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

export function detailOf(db: Db, session: Session, id: number): DossierDetail {
  return {
    dossier: requireDossier(db, id),
    episodes: episodesOf(db, id),
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
    regievoerder: d.regievoerder,
    casemanager: d.casemanager,
    clientWish: d.clientWish,
    clientWishText: d.clientWishText,
    futureTalkDate: d.futureTalkDate,
    lastContactDate: d.lastContactDate,
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
    stuckReasonCode: d.stuckReasonCode,
    onHold: d.onHold,
    vulnerable: d.vulnerable,
    notes: d.notes,
  };
}

/** What is stored for the fields: the reasons for flags that are off are dropped, the target settled. */
export function settle(f: Fields, term: number): Pick<Dossier, WritableField> {
  const { targetOverride: _, ...rest } = f;
  return {
    ...rest,
    stuckReason: f.stuck ? f.stuckReason : null,
    stuckReasonCode: f.stuck ? f.stuckReasonCode : null,
    targetOverrideReason: f.targetOverride ? f.targetOverrideReason : null,
    targetDate: targetFor(f, term),
  };
}

/**
 * Which status changes a plain edit may make. Leaving (uitgestroomd) needs the outflow form's facts,
 * and coming back needs a reopen that keeps the outcome as an earlier episode; a plain edit doing
 * either would leave an outcome nobody can count. Closing a dossier that has left is a plain edit.
 */
function plainStatusChangeAllowed(from: DossierStatus, to: DossierStatus): boolean {
  if (from === to) return true;
  if (to === 'gesloten') return from === 'uitgestroomd';
  return !isFinished(to) && !isFinished(from);
}

/** Registers a dossier with the next number of the year; its timeline starts with its status and track. */
export function createDossier(
  db: Db,
  s: Session,
  input: Input<'dossiers.create'>,
  today: string,
  at: string,
): Change<DossierDetail> {
  const issues = dossierIssues(input, today);
  // A new dossier cannot start out of the process: leaving goes through the outflow form.
  if (isFinished(input.status)) issues.push({ path: 'status', code: 'status_via_outflow' });
  if (issues.length) throw invalid(issues);
  checkLeadNgo(db, input.leadNgoId);
  checkVNumberFree(db, input.vNumber, null);
  const values = settle(input, termMonths(db));
  const id = insertDossierRow(db, {
    ...values,
    number: nextDossierNumber(db, Number(today.slice(0, 4))),
    city: getSetting(db, 'city'),
    updatedAt: at,
  });
  // The timeline starts with the status and track the dossier was registered with.
  for (const field of ['status', 'track'] as const) {
    addHistory(db, { dossierId: id, at, userId: s.userId, field, from: null, to: values[field], reason: '' });
  }
  return {
    result: detailOf(db, s, id),
    audit: { action: 'dossier.create', entity: 'dossiers', ids: [id] },
  };
}

/**
 * Changes a dossier: the given fields are merged over the stored ones and validated whole; a new
 * status or track needs a reason and goes into the timeline, as does an overridden target date.
 */
export function updateDossier(
  db: Db,
  s: Session,
  { id, version, changes, reason }: Input<'dossiers.update'>,
  today: string,
  at: string,
): Change<DossierDetail> {
  const current = requireDossier(db, id);
  if (current.version !== version) {
    throw new AppError(
      'CONFLICT',
      `Dossier ${current.number} was changed by someone else (version ${current.version})`,
      { info: { number: current.number } },
    );
  }
  const given = Object.fromEntries(
    Object.entries(changes).filter(([, v]) => v !== undefined),
  ) as Partial<Changes>;
  const merged: Fields = { ...fieldsOf(current), ...given };
  const issues = dossierIssues(merged, today);
  const next = settle(merged, termMonths(db));
  const changedTrackOrStatus = next.status !== current.status || next.track !== current.track;
  if (changedTrackOrStatus && !reason) issues.push({ path: 'reason', code: 'required' });
  if (!plainStatusChangeAllowed(current.status, next.status))
    issues.push({ path: 'status', code: 'status_via_outflow' });
  if (issues.length) throw invalid(issues);
  if (given.leadNgoId !== undefined) checkLeadNgo(db, next.leadNgoId);
  if (next.vNumber !== current.vNumber) checkVNumberFree(db, next.vNumber, id);

  const before = fieldsOf(current);
  const unchanged = (Object.keys(next) as WritableField[]).every(
    (k) => JSON.stringify(next[k]) === JSON.stringify(before[k]),
  );
  if (unchanged) return { result: detailOf(db, s, id), audit: [] };

  if (!writeDossier(db, id, version, next, at)) {
    throw new AppError('CONFLICT', `Dossier ${current.number} was changed by someone else`, {
      info: { number: current.number },
    });
  }
  for (const field of ['status', 'track'] as const) {
    if (next[field] !== current[field]) {
      addHistory(db, {
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
    addHistory(db, {
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
    result: detailOf(db, s, id),
    audit: { action: 'dossier.update', entity: 'dossiers', ids: [id] },
  };
}

/** The special-category record; each read is audited in the same transaction as the read itself. */
export function viewSpecial(db: Db, s: Session, id: number): Change<SpecialData> {
  requireSpecialAccess(db, s);
  requireDossier(db, id);
  return {
    result: readSpecial(db, id),
    audit: { action: 'special.view', entity: 'dossier_special', ids: [id] },
  };
}

export function changeSpecial(
  db: Db,
  s: Session,
  { id, special }: Input<'dossiers.special.update'>,
): Change<SpecialData> {
  requireSpecialAccess(db, s);
  requireDossier(db, id);
  writeSpecial(db, id, special);
  return {
    result: readSpecial(db, id),
    audit: { action: 'special.update', entity: 'dossier_special', ids: [id] },
  };
}

export function addProcedure(
  db: Db,
  { dossierId, procedure }: Input<'dossiers.procedures.add'>,
): Change<Procedure[]> {
  requireDossier(db, dossierId);
  const procId = insertProcedure(db, dossierId, procedure);
  return {
    result: proceduresOf(db, dossierId),
    audit: { action: 'procedure.create', entity: 'procedures', ids: [procId] },
  };
}

export function changeProcedure(
  db: Db,
  { id, procedure }: Input<'dossiers.procedures.update'>,
): Change<Procedure[]> {
  const dossierId = procedureDossierId(db, id);
  if (dossierId === undefined) throw new AppError('NOT_FOUND', 'No such procedure');
  updateProcedure(db, id, procedure);
  return {
    result: proceduresOf(db, dossierId),
    audit: { action: 'procedure.update', entity: 'procedures', ids: [id] },
  };
}
