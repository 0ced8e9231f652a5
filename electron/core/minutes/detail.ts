import type { MinutesDetail } from '../../../shared/contract/minutes';
import type { Session } from '../../../shared/domain/roles';
import { can } from '../../../shared/domain/permissions';
import type { Db } from '../db/open';
import { organisationRefs, organisationsInAttendance, type OrganisationRef } from '../organisations/repo';
import { correctionTargets, listCorrections } from './corrections';
import { listSignatures, signerRole } from './signatures';
import {
  changedSinceAdoption,
  latestVersion,
  listVersions,
  meetingSigners,
  requireMeeting,
  versionModel,
} from './versions';

/** The chair and the secretary see every correction and make the full minutes; parties their own. */
/** Who sees and decides every organisation's corrections: the permission table says (minutes.correctAll). */
export const isSecretariat = (s: Session): boolean => can(s, 'minutes.correctAll');

/** The minutes of a meeting as the caller may see them. */
export function minutesDetail(db: Db, meetingId: number, session: Session, at: string): MinutesDetail {
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
      (c) => isSecretariat(session) || c.organisationId === session.organisationId,
    ),
    targets: correctionTargets(db, meetingId, isSecretariat(session) ? null : session.organisationId).map(
      ({ organisationId: _org, ...t }) => t,
    ),
    mySignerRole,
    missingSigners: missingSigners(db, meetingId),
    organisations: extractOrganisations(db, meetingId),
    dossiers: model.items.flatMap((i) =>
      i.kind === 'dossier' ? [{ number: i.dossier.number, initials: i.dossier.initials }] : [],
    ),
  };
}

/** Who must still be recorded on the meeting before its minutes can be adopted (they sign). */
function missingSigners(db: Db, meetingId: number): MinutesDetail['missingSigners'] {
  const m = meetingSigners(db, meetingId);
  return [
    ...(m.chair === null ? (['voorzitter'] as const) : []),
    ...(m.secretary === null ? (['secretaris'] as const) : []),
  ];
}

/** The organisations an extract can be made for: those at the meeting, or all when no attendance was kept. */
function extractOrganisations(db: Db, meetingId: number): OrganisationRef[] {
  const present = organisationsInAttendance(db, meetingId);
  return present.length > 0 ? present : organisationRefs(db);
}
