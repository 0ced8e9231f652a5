import { useEffect, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { isIsoDate, parseDutchDate } from '../../../shared/domain/dates';
import { Button as AriaButton, type ButtonProps } from 'react-aria-components';
import {
  Alert,
  Checkbox as UtrechtCheckbox,
  FormFieldDescription,
  FormFieldErrorMessage,
  FormLabel,
  Select,
  SelectOption,
  Textarea,
  Textbox,
} from '@utrecht/component-library-react';

/*
 * The form primitives every screen uses, on the NL Design System's components (Utrecht component
 * library), so they take the city's design tokens. The props stayed as they were, so no screen
 * changed. The button keeps react-aria underneath (onPress, isDisabled, keyboard and touch handling)
 * with the NL Design System button's classes on it.
 */

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
  placeholder?: string;
}) {
  return (
    <NativeField label={props.label} error={props.error} help={props.help} isRequired={props.isRequired}>
      {(wiring) => (
        <Textbox
          {...wiring}
          invalid={Boolean(props.error)}
          type={props.type ?? 'text'}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value)}
          autoComplete={props.autoComplete}
          autoFocus={props.autoFocus}
          name={props.name}
          inputMode={props.inputMode}
          placeholder={props.placeholder}
        />
      )}
    </NativeField>
  );
}

/**
 * A calendar date (issue 11): typed as people write it here (7-12-2026, or 2026-12-07) or chosen with
 * the browser's date picker beside it. The parent gets the ISO date as soon as the text reads as one,
 * else the text as typed (so the backend can say what is wrong with it); the text stays as typed.
 */
export function DateField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
  isRequired?: boolean;
  pickerLabel: string;
  placeholder: string;
}) {
  const [text, setText] = useState(props.value);
  // A value set from outside (a reset after saving, a reload) replaces what is shown.
  useEffect(() => {
    setText((shown) => ((parseDutchDate(shown) ?? shown) === props.value ? shown : props.value));
  }, [props.value]);
  const iso = parseDutchDate(text);
  return (
    <NativeField label={props.label} error={props.error} help={props.help} isRequired={props.isRequired}>
      {(wiring) => (
        <div className="date-field">
          <Textbox
            {...wiring}
            invalid={Boolean(props.error)}
            type="text"
            inputMode="numeric"
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              props.onChange(parseDutchDate(e.target.value) ?? e.target.value);
            }}
            placeholder={props.placeholder}
          />
          <input
            type="date"
            className="date-picker"
            aria-label={props.pickerLabel}
            value={iso && isIsoDate(iso) ? iso : ''}
            onChange={(e) => {
              setText(e.target.value);
              props.onChange(e.target.value);
            }}
          />
        </div>
      )}
    </NativeField>
  );
}

/** What a native control needs to be tied to its label, help and error. */
interface ControlWiring {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  'aria-required': true | undefined;
}

/**
 * Label, help text and error message around one native control, tied to it by id so screen readers
 * announce them with it. `id` may be given so keyboard shortcuts can move the focus to the control.
 */
function NativeField(props: {
  label: string;
  error?: string | undefined;
  help?: string | undefined;
  id?: string | undefined;
  isRequired?: boolean | undefined;
  children: (wiring: ControlWiring) => ReactNode;
}) {
  const generated = useId();
  const id = props.id ?? generated;
  const describedBy = [props.help ? `${id}-help` : '', props.error ? `${id}-err` : '']
    .filter(Boolean)
    .join(' ');
  return (
    <div className={`utrecht-form-field field${props.error ? ' utrecht-form-field--invalid' : ''}`}>
      <FormLabel htmlFor={id}>
        {props.label}
        {props.isRequired ? <span aria-hidden="true"> *</span> : null}
      </FormLabel>
      {props.children({
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        'aria-required': props.isRequired ? true : undefined,
      })}
      {props.help ? (
        <FormFieldDescription id={`${id}-help`} className="help">
          {props.help}
        </FormFieldDescription>
      ) : null}
      {props.error ? (
        <FormFieldErrorMessage id={`${id}-err`} className="field-error">
          {props.error}
        </FormFieldErrorMessage>
      ) : null}
    </div>
  );
}

/** A labelled multi-line text field with its help and error announced. */
export function TextAreaField(props: {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  help?: string;
  id?: string;
  rows?: number;
  isRequired?: boolean;
}) {
  return (
    <NativeField {...props}>
      {(wiring) => (
        <Textarea
          {...wiring}
          invalid={Boolean(props.error)}
          value={props.value}
          rows={props.rows ?? 3}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </NativeField>
  );
}

interface SelectProps<V extends string> {
  label: string;
  options: readonly { value: V; label: string }[];
  error?: string | undefined;
  help?: string;
  id?: string;
  /** Marks the label with * (like the other fields); the form still checks and says what is missing. */
  isRequired?: boolean;
}

/**
 * A native select: fully keyboard accessible and announced correctly everywhere. With a placeholder
 * it offers "nothing chosen" as the empty value '', and only then hands '' to onChange.
 */
export function SelectField<V extends string>(
  props: SelectProps<V> & {
    placeholder: string;
    value: NoInfer<V> | '';
    onChange: (value: NoInfer<V> | '') => void;
  },
): ReactNode;
export function SelectField<V extends string>(
  props: SelectProps<V> & { value: NoInfer<V>; onChange: (value: NoInfer<V>) => void },
): ReactNode;
export function SelectField<V extends string>(
  props: SelectProps<V> & {
    placeholder?: string;
    value: V | '';
    onChange: (value: V | '') => void;
  },
) {
  return (
    <NativeField
      label={props.label}
      error={props.error}
      help={props.help}
      id={props.id}
      isRequired={props.isRequired}
    >
      {(wiring) => (
        <Select
          {...wiring}
          invalid={Boolean(props.error)}
          value={props.value}
          onChange={(e) => props.onChange(e.target.value as V)}
        >
          {props.placeholder !== undefined ? <SelectOption value="">{props.placeholder}</SelectOption> : null}
          {props.options.map((o) => (
            <SelectOption key={o.value} value={o.value}>
              {o.label}
            </SelectOption>
          ))}
        </Select>
      )}
    </NativeField>
  );
}

/** A labelled file chooser; hands over the chosen files (none when the choice is cleared). */
export function FileField(props: {
  label: string;
  accept: string;
  onChange(files: File[]): void;
  multiple?: boolean;
  error?: string | undefined;
  help?: string;
}) {
  return (
    <NativeField label={props.label} error={props.error} help={props.help}>
      {(wiring) => (
        <input
          {...wiring}
          type="file"
          accept={props.accept}
          multiple={props.multiple}
          onChange={(e) => props.onChange([...(e.target.files ?? [])])}
        />
      )}
    </NativeField>
  );
}

/** A form that runs `onSubmit` (which may be async) instead of reloading the page; the browser's own validation is off. */
export function Form(props: { onSubmit(): unknown; children: ReactNode; className?: string }) {
  return (
    <form
      className={props.className}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void props.onSubmit();
      }}
    >
      {props.children}
    </form>
  );
}

/** Ctrl+Enter (Cmd+Enter on a Mac) submits the form the focus is in, from any field, textareas too. */
export function submitOnCtrlEnter(e: KeyboardEvent<HTMLFormElement>): void {
  if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') {
    e.preventDefault();
    e.currentTarget.requestSubmit();
  }
}

export function Checkbox(props: {
  label: string;
  checked: boolean;
  isDisabled?: boolean;
  onChange(checked: boolean): void;
}) {
  const id = useId();
  return (
    <div className="checkbox">
      <UtrechtCheckbox
        id={id}
        disabled={props.isDisabled}
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <FormLabel htmlFor={id} type="checkbox" disabled={props.isDisabled}>
        {props.label}
      </FormLabel>
    </div>
  );
}

/** The NL Design System button's look for each variant (its classes; react-aria does the behaviour). */
const buttonClasses = {
  primary: 'utrecht-button--primary-action',
  secondary: 'utrecht-button--secondary-action',
  danger: 'utrecht-button--primary-action utrecht-button--danger',
} as const;

export function Button(props: ButtonProps & { variant?: 'primary' | 'secondary' | 'danger' }) {
  const { variant = 'secondary', className, ...rest } = props;
  return (
    <AriaButton
      {...rest}
      className={({ isDisabled, isPressed }) =>
        [
          'utrecht-button',
          buttonClasses[variant],
          rest.type === 'submit' ? 'utrecht-button--submit' : '',
          isDisabled ? 'utrecht-button--disabled' : '',
          isPressed ? 'utrecht-button--active' : '',
          `btn btn-${variant}`,
          typeof className === 'string' ? className : '',
        ]
          .filter(Boolean)
          .join(' ')
      }
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
    <Alert
      type={kind === 'success' ? 'ok' : kind}
      className={`notice notice-${kind}`}
      role={kind === 'error' ? 'alert' : 'status'}
    >
      {children}
    </Alert>
  );
}
