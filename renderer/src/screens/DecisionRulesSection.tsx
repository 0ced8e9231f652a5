import { useEffect, useState } from 'react';
import {
  decisionDirectionLabels,
  type DecisionDirection,
  type RequiredParties,
} from '../../../shared/domain/consent';
import type { Organisation } from '../../../shared/domain/environment';
import type { OrganisationKind } from '../../../shared/domain/roles';
import { getApi } from '../api';
import { Button, Checkbox, Form, Notice, TextAreaField } from '../components/forms';
import { errorText } from '../errors';
import { useT } from '../i18n';

const directions = Object.keys(decisionDirectionLabels) as DecisionDirection[];

/**
 * The beheerder's rule of the gedragen besluit for this city (issue 11): per direction, the parties
 * whose consent a carried decision needs. Without them a decision is at most provisionally carried.
 * Parties are chosen by kind (the IND, DT&V, the gemeente, …), named by this city's organisations.
 */
export function DecisionRulesSection({ orgs }: { orgs: Organisation[] }) {
  const t = useT();
  const api = getApi();
  const [rules, setRules] = useState<RequiredParties | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; text: string } | null>(null);
  const [bodies, setBodies] = useState('');

  useEffect(() => {
    api['decisions.requiredParties.get']({}).then(setRules, (e: unknown) =>
      setMessage({ kind: 'error', text: errorText(e, t) }),
    );
    api['escalations.bodies']({}).then(
      (b) => setBodies(b.join('\n')),
      (e: unknown) => setMessage({ kind: 'error', text: errorText(e, t) }),
    );
  }, [api, t]);

  const kinds = [...new Set(orgs.filter((o) => o.active).map((o) => o.kind))];
  const kindName = (k: OrganisationKind) =>
    orgs
      .filter((o) => o.active && o.kind === k)
      .map((o) => o.name)
      .join(' / ');

  const toggle = (d: DecisionDirection, k: OrganisationKind, on: boolean) =>
    setRules((r) => (r ? { ...r, [d]: on ? [...new Set([...r[d], k])] : r[d].filter((x) => x !== k) } : r));

  return (
    <section aria-labelledby="rules-h">
      <h2 id="rules-h">{t('rules.title')}</h2>
      <p className="help">{t('rules.help')}</p>
      {message ? <Notice kind={message.kind}>{message.text}</Notice> : null}
      {rules ? (
        <Form
          onSubmit={async () => {
            try {
              setRules(await api['decisions.requiredParties.update'](rules));
              setMessage({ kind: 'success', text: t('admin.saved') });
            } catch (e) {
              setMessage({ kind: 'error', text: errorText(e, t) });
            }
          }}
        >
          {directions.map((d) => (
            <fieldset key={d}>
              <legend>{t(`direction.${d}`)}</legend>
              {kinds.map((k) => (
                <Checkbox
                  key={k}
                  label={t('rules.requires', { direction: t(`direction.${d}`), org: kindName(k) })}
                  checked={rules[d].includes(k)}
                  onChange={(on) => toggle(d, k, on)}
                />
              ))}
            </fieldset>
          ))}
          <Button type="submit">{t('common.save')}</Button>
        </Form>
      ) : null}
      <Form
        onSubmit={async () => {
          try {
            const list = bodies
              .split('\n')
              .map((b) => b.trim())
              .filter(Boolean);
            setBodies((await api['escalations.setBodies']({ bodies: list })).join('\n'));
            setMessage({ kind: 'success', text: t('admin.saved') });
          } catch (e) {
            setMessage({ kind: 'error', text: errorText(e, t) });
          }
        }}
      >
        <TextAreaField label={t('rules.bodies')} value={bodies} onChange={setBodies} rows={4} />
        <p className="help">{t('rules.bodies.help')}</p>
        <Button type="submit">{t('common.save')}</Button>
      </Form>
    </section>
  );
}
