import { FormFieldErrorMessage, FormLabel, Link, Textbox } from '@utrecht/component-library-react';
import { useEffect, useId, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import { plannedMinutesRange, type AgendaItemView } from '../../../../shared/contract/meetings';
import { Button } from '../../components/forms';
import { useT } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useAgendaLabel } from '../../i18n/domain';
import { reasonText } from './format';
import { Signals } from './Signals';

export interface AgendaEditorProps {
  meetingId: number;
  items: AgendaItemView[];
  editable: boolean;
  /** Whether this user may record at the table: then each dossier item links to its work panel. */
  canWork: boolean;
  orgName: (id: number) => string;
  onReorder: (itemIds: number[], moved: AgendaItemView) => Promise<void>;
  onMinutes: (item: AgendaItemView, minutes: number) => Promise<void>;
  onRemove: (item: AgendaItemView) => Promise<void>;
}

/**
 * The stored agenda. Reordering works three ways, all ending in one `meetings.agenda.reorder` call:
 * the up/down buttons, Alt+ArrowUp/Alt+ArrowDown anywhere in an item (focus stays on the moved item),
 * and dragging with the mouse (native drag and drop). A live region says where the item went.
 */
export function AgendaEditor(props: AgendaEditorProps) {
  const t = useT();
  const dates = useDates();
  const label = useAgendaLabel();
  const [dragging, setDragging] = useState<number | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const [announce, setAnnounce] = useState('');
  const refocus = useRef<{ id: number; selector: string } | null>(null);
  const listRef = useRef<HTMLOListElement>(null);

  // After a keyboard move, put focus back where it was, on the moved item.
  useEffect(() => {
    const r = refocus.current;
    if (!r) return;
    refocus.current = null;
    const li = listRef.current?.querySelector<HTMLElement>(`[data-item-id="${r.id}"]`);
    ((r.selector ? li?.querySelector<HTMLElement>(r.selector) : null) ?? li)?.focus();
  }, [props.items]);

  const move = async (item: AgendaItemView, to: number, selector = '') => {
    const ids = props.items.map((i) => i.id).filter((id) => id !== item.id);
    const target = Math.max(0, Math.min(ids.length, to));
    ids.splice(target, 0, item.id);
    if (ids.every((id, i) => id === props.items[i]?.id)) return;
    refocus.current = { id: item.id, selector };
    await props.onReorder(ids, item);
    setAnnounce(t('meeting.item.moved', { label: label(item), n: target + 1, total: ids.length }));
  };

  const onKey = (e: KeyboardEvent<HTMLLIElement>, item: AgendaItemView, index: number) => {
    if (!props.editable || !e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    const focused = e.target as HTMLElement;
    const selector = focused.dataset.focusKey ? `[data-focus-key="${focused.dataset.focusKey}"]` : '';
    void move(item, e.key === 'ArrowUp' ? index - 1 : index + 1, selector);
  };

  const onDrop = (e: DragEvent, index: number) => {
    e.preventDefault();
    const item = props.items.find((i) => i.id === dragging);
    setDragging(null);
    setOver(null);
    if (item) void move(item, index);
  };

  return (
    <>
      <ol className="agenda" ref={listRef}>
        {props.items.map((item, index) => (
          <li
            key={item.id}
            data-item-id={item.id}
            tabIndex={props.editable ? 0 : undefined}
            aria-label={`${t('meeting.item.number', { n: index + 1 })}: ${label(item)}`}
            aria-keyshortcuts={props.editable ? 'Alt+ArrowUp Alt+ArrowDown' : undefined}
            className={`agenda-item${dragging === item.id ? ' is-dragging' : ''}${over === index ? ' is-over' : ''}`}
            draggable={props.editable}
            onDragStart={(e) => {
              setDragging(item.id);
              e.dataTransfer.effectAllowed = 'move';
              e.dataTransfer.setData('text/plain', String(item.id));
            }}
            onDragEnd={() => {
              setDragging(null);
              setOver(null);
            }}
            onDragOver={(e) => {
              if (dragging === null) return;
              e.preventDefault();
              setOver(index);
            }}
            onDrop={(e) => onDrop(e, index)}
            onKeyDown={(e) => onKey(e, item, index)}
          >
            <span className="agenda-number" aria-hidden="true">
              {index + 1}
            </span>
            <div className="agenda-body">
              <strong>{label(item)}</strong>
              <span className="agenda-reasons">
                {item.reasons.length > 0
                  ? item.reasons.map((r) => reasonText(r, t, dates, props.orgName)).join(' · ')
                  : item.kind === 'dossier'
                    ? t('meeting.item.byHand')
                    : ''}
              </span>
              <Signals signals={item.signals} />
              {item.status !== 'open' ? (
                <span className="agenda-status">{t(`meeting.item.status.${item.status}`)}</span>
              ) : null}
            </div>
            {props.canWork && item.kind === 'dossier' ? (
              <Link
                className="agenda-work"
                href={`#/punt/${props.meetingId}/${item.id}`}
                aria-label={t('meeting.item.work.label', { label: label(item) })}
              >
                {t('meeting.item.work')}
              </Link>
            ) : null}
            {props.editable ? (
              <div className="agenda-tools">
                <MinutesInput item={item} onMinutes={props.onMinutes} />
                <Button
                  data-focus-key="up"
                  aria-label={t('meeting.item.up', { label: label(item) })}
                  aria-keyshortcuts="Alt+ArrowUp"
                  isDisabled={index === 0}
                  onPress={() => void move(item, index - 1, '[data-focus-key="up"]')}
                >
                  ↑
                </Button>
                <Button
                  data-focus-key="down"
                  aria-label={t('meeting.item.down', { label: label(item) })}
                  aria-keyshortcuts="Alt+ArrowDown"
                  isDisabled={index === props.items.length - 1}
                  onPress={() => void move(item, index + 1, '[data-focus-key="down"]')}
                >
                  ↓
                </Button>
                <Button
                  aria-label={t('meeting.item.remove', { label: label(item) })}
                  onPress={() => void props.onRemove(item)}
                >
                  ✕
                </Button>
              </div>
            ) : (
              <span className="agenda-minutes">{item.plannedMinutes}′</span>
            )}
          </li>
        ))}
      </ol>
      <p className="visually-hidden" role="status">
        {announce}
      </p>
    </>
  );
}

/**
 * Planned minutes, with a visible label and unit: saved when the field loses focus or on Enter, only
 * when changed and within the backend's range. A value outside it stays in the field with a message
 * saying what is allowed (rather than silently jumping back); Escape restores the saved value.
 */
function MinutesInput({
  item,
  onMinutes,
}: {
  item: AgendaItemView;
  onMinutes: AgendaEditorProps['onMinutes'];
}) {
  const t = useT();
  const label = useAgendaLabel();
  const id = useId();
  const [value, setValue] = useState(String(item.plannedMinutes));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setValue(String(item.plannedMinutes)), [item.plannedMinutes]);
  const { min, max } = plannedMinutesRange;
  const commit = () => {
    const n = Number(value.trim());
    if (value.trim() === '' || !Number.isInteger(n) || n < min || n > max) {
      setError(t('meeting.item.minutes.range', { min, max }));
      return;
    }
    setError(null);
    if (n !== item.plannedMinutes) void onMinutes(item, n);
  };
  return (
    <div className="minutes-field">
      <FormLabel htmlFor={`${id}-input`}>{t('meeting.item.minutes.label')}</FormLabel>
      <Textbox
        id={`${id}-input`}
        className="minutes-input"
        invalid={Boolean(error)}
        type="number"
        min={min}
        max={max}
        step={1}
        data-focus-key="minutes"
        aria-label={t('meeting.item.minutes', { label: label(item) })}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') {
            setValue(String(item.plannedMinutes));
            setError(null);
          }
        }}
      />
      <span aria-hidden="true">{t('meeting.item.minutes.unit')}</span>
      {error ? (
        <FormFieldErrorMessage id={`${id}-error`} className="field-error" role="alert">
          {error}
        </FormFieldErrorMessage>
      ) : null}
    </div>
  );
}
