import { Heading2 } from '@utrecht/component-library-react';
import { useEffect, useRef, useState } from 'react';
import type { CurrentTheme } from '../../../shared/contract/theme';
import { ApiError } from '../../../shared/errors';
import { ShippedThemeId } from '../../../shared/theme/themes';
import { getApi } from '../api';
import { Button, FileField, Form, Notice, SelectField } from '../components/forms';
import { errorText, fieldText } from '../errors';
import { useT, type T } from '../i18n';
import { applyTheme } from '../theme/apply';

/**
 * The beheerder's choice of house style (issue 14): a shipped theme or the city's own token file. The
 * backend reads and checks the file; a refused file leaves the theme as it was and says which token
 * is missing or malformed. The new theme shows here at once and for everyone at their next load.
 */
export function ThemeSection() {
  const t = useT();
  const api = getApi();
  const [current, setCurrent] = useState<CurrentTheme | null>(null);
  const [choice, setChoice] = useState<ShippedThemeId | 'eigen'>('standaard');
  const [file, setFile] = useState<File | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'success'; lines: string[] } | null>(null);
  // The stored theme may arrive after the beheerder has already picked one (a slow backend): it then
  // shows what is stored, but does not undo the pick.
  const picked = useRef(false);

  useEffect(() => {
    api['theme.get']({}).then(
      (theme) => {
        setCurrent(theme);
        if (!picked.current) setChoice(theme.id);
      },
      (e: unknown) => setMessage({ kind: 'error', lines: [errorText(e, t)] }),
    );
  }, [api, t]);

  const done = (theme: CurrentTheme) => {
    setCurrent(theme);
    setChoice(theme.id);
    applyTheme(theme.tokens);
    setMessage({ kind: 'success', lines: [t('theme.saved')] });
  };

  const options: { value: ShippedThemeId | 'eigen'; label: string }[] = [
    ...ShippedThemeId.options.map((id) => ({
      value: id,
      label: t(`theme.${id}`),
    })),
    ...(current?.id === 'eigen'
      ? [{ value: 'eigen' as const, label: t('theme.eigen', { name: current.name ?? '' }) }]
      : []),
  ];

  return (
    <section aria-labelledby="theme-h">
      <Heading2 id="theme-h">{t('theme.title')}</Heading2>
      <p>{t('theme.intro')}</p>
      {message ? (
        <Notice kind={message.kind}>
          {message.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </Notice>
      ) : null}
      <Form
        className="theme-choice"
        onSubmit={async () => {
          if (choice === 'eigen') return;
          try {
            done(await api['theme.set']({ id: choice }));
          } catch (e) {
            setMessage({ kind: 'error', lines: [errorText(e, t)] });
          }
        }}
      >
        <SelectField
          label={t('theme.choice')}
          value={choice}
          onChange={(id) => {
            picked.current = true;
            setChoice(id);
          }}
          options={options}
        />
        <Button type="submit" variant="primary">
          {t('theme.save')}
        </Button>
      </Form>
      <Form
        onSubmit={async () => {
          if (!file) {
            setMessage({ kind: 'error', lines: [t('theme.file.none')] });
            return;
          }
          try {
            done(await api['theme.set']({ id: 'eigen', name: file.name, file: await file.text() }));
          } catch (e) {
            setMessage({ kind: 'error', lines: refusal(e, t) });
          }
        }}
      >
        <FileField
          label={t('theme.file')}
          help={t('theme.file.help')}
          accept=".json,application/json"
          onChange={(files) => setFile(files[0] ?? null)}
        />
        <Button type="submit">{t('theme.file.submit')}</Button>
      </Form>
    </section>
  );
}

/** Why a token file was refused: one line per token at fault, after the general sentence. */
function refusal(e: unknown, t: T): string[] {
  if (!(e instanceof ApiError) || e.code !== 'BAD_INPUT' || !e.error.fields) return [errorText(e, t)];
  const lines = e.error.fields.map((f) => {
    const token = f.path.startsWith('file.') ? f.path.slice('file.'.length) : '';
    if (!token) return fieldText(f, t);
    const key = `theme.issue.${f.code}` as const;
    return key === 'theme.issue.theme_missing' ||
      key === 'theme.issue.theme_malformed' ||
      key === 'theme.issue.theme_contrast'
      ? t(key, { token: `--${token}` })
      : fieldText(f, t);
  });
  return [t('theme.file.refused'), ...lines];
}
