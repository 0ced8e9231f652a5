import type { ProjectorView } from '../../../../shared/contract/meetings';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useAgendaLabel, useLabels } from '../../i18n/domain';
import { reasonText } from '../meetings/format';

/**
 * The current item as the wall shows it: pseudonym (or the name the chair revealed), track and
 * status, why it is on the agenda, and the draft decision the chair put up. Used by the projector
 * (its label is the page's h1) and by the participants' pages (an h2 under the meeting's heading).
 * It renders only what the backend's ProjectorView carries.
 */
export function ProjectorSlide({
  view,
  level,
  orgName,
}: {
  view: ProjectorView;
  level: 1 | 2;
  /** Names the organisations in the reasons ("op verzoek van IND"). */
  orgName: (id: number) => string;
}) {
  const t = useT();
  const dates = useDates();
  const labels = useLabels();
  const agendaLabel = useAgendaLabel();
  const item = view.item;
  if (!item) return null;
  const Label = level === 1 ? 'h1' : 'h2';
  const Sub = level === 1 ? 'h2' : 'h3';
  return (
    <>
      <Label className="projector-label" data-testid="projector-label">
        {item.name ?? agendaLabel(item)}
      </Label>
      {item.name ? <p className="projector-sub">{agendaLabel(item)}</p> : null}
      {item.track && item.status ? (
        <p className="projector-status">
          {t('projector.status', {
            status: labels.dossierStatus[item.status],
            track: labels.track[item.track],
          })}
        </p>
      ) : null}
      {item.reasons.length > 0 ? (
        <>
          <Sub>{t('projector.why')}</Sub>
          <ul className="projector-reasons">
            {item.reasons.map((r, i) => (
              <li key={i}>{reasonText(r, t, dates, orgName)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {view.decisionText ? (
        <section className="projector-decision" aria-labelledby={`projector-decision-h${level}`}>
          <Sub id={`projector-decision-h${level}`}>{t('projector.decision')}</Sub>
          <p>{view.decisionText}</p>
        </section>
      ) : null}
    </>
  );
}
