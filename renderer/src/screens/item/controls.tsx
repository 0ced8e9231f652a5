import { useId, type KeyboardEvent } from 'react';

/*
 * Small form controls for the item panel: a labelled textarea and select with their error announced,
 * and `id`/data attributes passed through so keyboard shortcuts can move the focus to them.
 */

export function TextArea(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
  id?: string;
  rows?: number;
  isRequired?: boolean;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-err` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>
        {props.label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </label>
      <textarea
        id={id}
        value={props.value}
        rows={props.rows ?? 3}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-required={props.isRequired ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.help ? (
        <span id={`${id}-help`} className="help">
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${id}-err`} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function Select<V extends string>(props: {
  label: string;
  value: NoInfer<V> | '';
  onChange(value: NoInfer<V> | ''): void;
  options: readonly { value: V; label: string }[];
  placeholder?: string;
  error?: string | undefined;
  id?: string;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V | '')}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-err` : undefined}
      >
        {props.placeholder !== undefined ? <option value="">{props.placeholder}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {props.error ? (
        <span id={`${id}-err`} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

export function TextInput(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
  id?: string;
  placeholder?: string;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const describedBy = [props.help ? `${id}-help` : null, props.error ? `${id}-err` : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        value={props.value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy || undefined}
      />
      {props.help ? (
        <span id={`${id}-help`} className="help">
          {props.help}
        </span>
      ) : null}
      {props.error ? (
        <span id={`${id}-err`} className="field-error">
          {props.error}
        </span>
      ) : null}
    </div>
  );
}

/** Ctrl+Enter (Cmd+Enter on a Mac) submits the form the focus is in, from any field, textareas too. */
export function submitOnCtrlEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}
