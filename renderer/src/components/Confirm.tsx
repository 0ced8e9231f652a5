import { useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n';
import { Button } from './forms';

/**
 * A step that cannot be undone in one click (adopting minutes, putting a decision to a body, reopening a
 * decision): the first press asks, the second runs it. The question is announced and focus moves to
 * "Ja, doorgaan"; cancelling puts focus back on the button that asked.
 */
export function ConfirmStep(props: {
  /** The button's text, and the name of the question's group. */
  label: ReactNode;
  question: string;
  variant?: 'primary' | 'secondary' | 'danger';
  isDisabled?: boolean;
  /** Checked before asking (e.g. a required field): return false to stay, having shown why. */
  canAsk?: () => boolean;
  onConfirm(): unknown;
}) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  const asker = useRef<HTMLSpanElement>(null);
  if (!asking)
    return (
      <span ref={asker} className="confirm-ask">
        <Button
          variant={props.variant}
          isDisabled={props.isDisabled}
          onPress={() => {
            if (!props.canAsk || props.canAsk()) setAsking(true);
          }}
        >
          {props.label}
        </Button>
      </span>
    );
  return (
    <div className="confirm" role="group" aria-label={props.question}>
      <p role="alert">{props.question}</p>
      <Button
        variant={props.variant === 'secondary' ? 'primary' : (props.variant ?? 'primary')}
        autoFocus
        onPress={() => {
          setAsking(false);
          void props.onConfirm();
        }}
      >
        {t('beamer.confirm.yes')}
      </Button>
      <Button
        onPress={() => {
          setAsking(false);
          // Back where the user was: the button that asked (rendered again on the next frame).
          requestAnimationFrame(() => asker.current?.querySelector('button')?.focus());
        }}
      >
        {t('common.cancel')}
      </Button>
    </div>
  );
}
