import { useId, type ReactNode } from 'react';
import {
  Button as AriaButton,
  FieldError,
  Input,
  Label,
  Text,
  TextField,
  type ButtonProps,
} from 'react-aria-components';

/** A labelled text input with help text and an error message that screen readers announce. */
export function Field(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password' | 'number' | 'date' | 'search' | 'time';
  error?: string | undefined;
  help?: string;
  autoComplete?: string;
  autoFocus?: boolean;
  isRequired?: boolean;
  name?: string;
  inputMode?: 'numeric' | 'text';
}) {
  return (
    <TextField
      className="field"
      value={props.value}
      onChange={props.onChange}
      type={props.type ?? 'text'}
      isInvalid={Boolean(props.error)}
      isRequired={props.isRequired}
      autoFocus={props.autoFocus}
      autoComplete={props.autoComplete}
      name={props.name}
      validationBehavior="aria"
      inputMode={props.inputMode}
    >
      <Label>
        {props.label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </Label>
      <Input />
      {props.help ? (
        <Text slot="description" className="help">
          {props.help}
        </Text>
      ) : null}
      <FieldError className="field-error">{props.error}</FieldError>
    </TextField>
  );
}

/** A native select: fully keyboard accessible and announced correctly everywhere. */
export function SelectField<V extends string>(props: {
  label: string;
  value: NoInfer<V>;
  onChange: (value: NoInfer<V>) => void;
  options: readonly { value: V; label: string }[];
  error?: string | undefined;
  help?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-err` : props.help ? `${id}-help` : undefined}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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

export function Checkbox(props: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  const id = useId();
  return (
    <div className="checkbox">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

export function Button(props: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const { variant = 'secondary', className, ...rest } = props;
  return (
    <AriaButton
      {...rest}
      className={`btn btn-${variant} ${typeof className === 'string' ? className : ''}`}
    />
  );
}

/** Announced messages: errors interrupt (alert), confirmations wait their turn (status). */
export function Notice({
  kind,
  children,
}: {
  kind: 'error' | 'success' | 'info' | 'warning';
  children: ReactNode;
}) {
  if (!children) return null;
  return (
    <div className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}
