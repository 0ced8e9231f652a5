import { useId, useMemo, useState } from 'react';
import {
  Fieldset,
  FieldsetLegend,
  FormLabel,
  Heading1,
  Heading2,
  Link,
  RadioButton,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import type { ImportMode, ImportReport, ImportRowReport } from '../../../../shared/contract/register-import';
import {
  columnLetter,
  importFields,
  requiredImportFields,
  type ColumnMapping,
  type ImportField,
  type ImportIssue,
} from '../../../../shared/domain/register-import';
import { ApiError } from '../../../../shared/errors';
import { getApi } from '../../api';
import { Button, FileField, Notice, SelectField } from '../../components/forms';
import { errorText } from '../../errors';
import { isMessageKey, plural, useT, type T } from '../../i18n';
import { navigate } from '../../state/router';
import { fileToBase64 } from '../minutes/files';

/** More lines than this are not drawn at once; the filter shows the refused ones. */
const SHOWN = 1000;
const modes: readonly ImportMode[] = ['alles_of_niets', 'geweigerde_overslaan'];
type Filter = 'all' | 'refused' | 'ok';

/**
 * "Register importeren" (#/dossiers/importeren), for those who may write dossiers: choose a file,
 * check the columns and the report per line (the backend reads and checks; nothing is stored), choose
 * all-or-nothing or skipping refused lines, import, and see the dossier number each line became.
 */
export function RegisterImport() {
  const t = useT();
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [mode, setMode] = useState<ImportMode>('alles_of_niets');
  const [filter, setFilter] = useState<Filter>('all');
  const [busy, setBusy] = useState<'reading' | 'importing' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mappingErrors, setMappingErrors] = useState<Partial<Record<ImportField, string>>>({});
  // Once imported the screen shows the result only; a run that imported nothing can be tried again.
  const done = report?.outcome === 'imported';

  const preview = async (f: { name: string; base64: string }, mapping?: ColumnMapping) => {
    setBusy('reading');
    setError(null);
    try {
      setReport(await getApi()['dossiers.import.preview']({ file: f, ...(mapping ? { mapping } : {}) }));
      setMappingErrors({});
    } catch (e) {
      const fields = mappingFieldErrors(e, t);
      if (Object.keys(fields).length) setMappingErrors(fields);
      else {
        setReport(null);
        setError(fileErrorText(e, t));
      }
    } finally {
      setBusy(null);
    }
  };

  const choose = async (files: File[]) => {
    const chosen = files[0];
    setReport(null);
    setFile(null);
    if (!chosen) return;
    const f = { name: chosen.name, base64: await fileToBase64(chosen) };
    setFile(f);
    await preview(f);
  };

  const run = async () => {
    if (!file || !report) return;
    setBusy('importing');
    setError(null);
    try {
      setReport(await getApi()['dossiers.import.run']({ file, mapping: report.mapping, mode }));
    } catch (e) {
      setError(fileErrorText(e, t));
    } finally {
      setBusy(null);
    }
  };

  return (
    <main id="main" tabIndex={-1} className="register-import">
      <Heading1>{t('import.title')}</Heading1>
      <p>{t('import.intro')}</p>
      {done ? null : (
        <FileField
          label={t('import.file')}
          help={t('import.file.help')}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(files) => void choose(files)}
        />
      )}
      {busy ? <p role="status">{t(busy === 'reading' ? 'import.reading' : 'import.running')}</p> : null}
      <Notice kind="error">{error}</Notice>
      {report && file ? (
        <>
          {report.outcome === 'preview' ? null : <Outcome report={report} t={t} />}
          {done ? null : (
            <Mapping
              report={report}
              errors={mappingErrors}
              isDisabled={busy !== null}
              onChange={(mapping) => void preview(file, mapping)}
              t={t}
            />
          )}
          <Rows report={report} filter={filter} onFilter={setFilter} t={t} />
          {done ? (
            <div className="import-actions">
              <Button variant="primary" onPress={() => navigate('dossiers')}>
                {t('import.toRegister')}
              </Button>
              <Button
                onPress={() => {
                  setReport(null);
                  setFile(null);
                }}
              >
                {t('import.again')}
              </Button>
            </div>
          ) : (
            <ModeAndRun report={report} mode={mode} onMode={setMode} busy={busy !== null} onRun={run} t={t} />
          )}
        </>
      ) : null}
      {done ? null : (
        <p>
          <Link href="#/dossiers">{t('import.toRegister')}</Link>
        </p>
      )}
    </main>
  );
}

function fileErrorText(e: unknown, t: T): string {
  if (e instanceof ApiError && e.code === 'BAD_INPUT') {
    for (const f of e.error.fields ?? []) {
      for (const code of [f.code, f.message]) {
        const key = `import.error.${code}`;
        if (f.path.startsWith('file') && isMessageKey(key)) return t(key);
      }
    }
  }
  return errorText(e, t);
}

function mappingFieldErrors(e: unknown, t: T): Partial<Record<ImportField, string>> {
  if (!(e instanceof ApiError) || e.code !== 'BAD_INPUT') return {};
  const out: Partial<Record<ImportField, string>> = {};
  for (const f of e.error.fields ?? []) {
    const [head, field] = f.path.split('.');
    if (head === 'mapping' && (importFields as readonly string[]).includes(field ?? ''))
      out[field as ImportField] = t('import.mapping.twice');
  }
  return out;
}

export function issueText(i: ImportIssue, t: T): string {
  return t(`import.reason.${i.code}`, {
    field: t(`import.field.${i.field}`),
    line: i.line ?? '',
    number: i.number ?? '',
  });
}

function Mapping(props: {
  report: ImportReport;
  errors: Partial<Record<ImportField, string>>;
  isDisabled: boolean;
  onChange(m: ColumnMapping): void;
  t: T;
}) {
  const { report, t } = props;
  const options = report.headers.map((h, i) => ({
    value: String(i),
    label: t('import.mapping.column', { letter: columnLetter(i), header: h || '—' }),
  }));
  const used = new Set(Object.values(report.mapping).filter((c): c is number => c !== null));
  const ignored = report.headers
    .map((h, i) => ({ h, i }))
    .filter(({ h, i }) => h && !used.has(i))
    .map(({ h, i }) => `${columnLetter(i)} (${h})`);
  const missing = requiredImportFields.filter((f) => report.mapping[f] === null);
  return (
    <section aria-labelledby="import-mapping-h">
      <Heading2 id="import-mapping-h">{t('import.mapping.title')}</Heading2>
      <p className="help">
        {t('import.mapping.help')} {report.sheet ? t('import.sheet', { sheet: report.sheet }) : null}
      </p>
      <div className="import-mapping">
        {importFields.map((f) => {
          const recognised = report.recognised[f];
          return (
            <SelectField
              key={f}
              label={t(`import.field.${f}`)}
              value={report.mapping[f] === null ? '' : String(report.mapping[f])}
              placeholder={t('import.mapping.none')}
              options={options}
              error={props.errors[f]}
              help={
                recognised === null
                  ? t('import.mapping.notFound')
                  : t('import.mapping.recognised', { letter: columnLetter(recognised) })
              }
              onChange={(v) => {
                if (props.isDisabled) return;
                props.onChange({ ...report.mapping, [f]: v === '' ? null : Number(v) });
              }}
            />
          );
        })}
      </div>
      {missing.map((f) => (
        <Notice key={f} kind="warning">
          {t('import.mapping.missing', { field: t(`import.field.${f}`) })}
        </Notice>
      ))}
      {ignored.length ? <p className="help">{t('import.ignored', { columns: ignored.join(', ') })}</p> : null}
    </section>
  );
}

function Rows(props: { report: ImportReport; filter: Filter; onFilter(f: Filter): void; t: T }) {
  const { report, t } = props;
  const rows = useMemo(
    () => report.rows.filter((r) => props.filter === 'all' || r.status === props.filter),
    [report, props.filter],
  );
  const c = report.counts;
  const caption = t(report.outcome === 'imported' ? 'import.table.done' : 'import.table', {
    file: report.fileName,
  });
  return (
    <section aria-labelledby="import-rows-h">
      <Heading2 id="import-rows-h">{t('import.col.result')}</Heading2>
      <p role="status" className="import-summary">
        {t('import.summary', { rows: c.rows, ok: c.ok, refused: c.refused, empty: c.empty })}
      </p>
      <SelectField
        label={t('import.filter')}
        value={props.filter}
        onChange={props.onFilter}
        options={[
          { value: 'all', label: t('import.filter.all') },
          { value: 'refused', label: t('import.filter.refused') },
          { value: 'ok', label: t('import.filter.ok') },
        ]}
      />
      {rows.length > SHOWN ? (
        <p className="help">{t('import.shownFirst', { shown: SHOWN, total: rows.length })}</p>
      ) : null}
      {/* Scrolls on its own (a long sheet), so it takes the keyboard focus to scroll with arrows. */}
      <div className="import-table-wrap" tabIndex={0} role="region" aria-label={caption}>
        <Table className="table import-table">
          <TableCaption>{caption}</TableCaption>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('import.col.line')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('import.col.result')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('import.col.reasons')}</TableHeaderCell>
              {importFields.map((f) => (
                <TableHeaderCell key={f} scope="col">
                  {t(`import.field.${f}`)}
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.slice(0, SHOWN).map((r) => (
              <Line key={r.line} row={r} report={report} t={t} />
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}

function Line({ row, report, t }: { row: ImportRowReport; report: ImportReport; t: T }) {
  const result =
    row.number !== null
      ? t('import.status.imported', { number: row.number })
      : row.status === 'ok' && report.outcome !== 'preview'
        ? t('import.status.notImported')
        : t(`import.status.${row.status}`);
  return (
    <TableRow className={`import-row import-row-${row.status}`}>
      <TableHeaderCell scope="row">{row.line}</TableHeaderCell>
      <TableCell>{result}</TableCell>
      {/* Why, next to the result: on a narrow screen the sheet's own columns scroll, not the reason. */}
      <TableCell>{row.issues.map((i) => issueText(i, t)).join(' ')}</TableCell>
      {importFields.map((f) => (
        <TableCell key={f}>{row.cells[f]}</TableCell>
      ))}
    </TableRow>
  );
}

function ModeAndRun(props: {
  report: ImportReport;
  mode: ImportMode;
  onMode(m: ImportMode): void;
  busy: boolean;
  onRun(): unknown;
  t: T;
}) {
  const { report, mode, t } = props;
  const name = useId();
  const blocked = mode === 'alles_of_niets' && report.counts.refused > 0;
  return (
    <section aria-labelledby="import-run-h" className="import-run">
      <Heading2 id="import-run-h" className="visually-hidden">
        {t('import.run')}
      </Heading2>
      <Fieldset>
        <FieldsetLegend>{t('import.mode')}</FieldsetLegend>
        {modes.map((m) => (
          <div key={m} className="radio">
            <RadioButton
              id={`${name}-${m}`}
              name={name}
              value={m}
              checked={mode === m}
              onChange={() => props.onMode(m)}
            />
            <FormLabel htmlFor={`${name}-${m}`} type="radio">
              {t(`import.mode.${m}`)}
            </FormLabel>
          </div>
        ))}
      </Fieldset>
      {blocked ? <Notice kind="warning">{t('import.blocked')}</Notice> : null}
      <Button
        variant="primary"
        isDisabled={props.busy || report.counts.ok === 0}
        onPress={() => void props.onRun()}
      >
        {t('import.run')}
      </Button>
    </section>
  );
}

function Outcome({ report, t }: { report: ImportReport; t: T }) {
  if (report.outcome === 'imported')
    return (
      <Notice kind="success">
        {t(plural(report.imported, 'import.done.one', 'import.done.other'), { n: report.imported })}{' '}
        {report.counts.refused ? t('import.done.skipped', { n: report.counts.refused }) : null}
      </Notice>
    );
  return (
    <Notice kind="error">
      {report.counts.ok === 0
        ? t('import.nothing.none')
        : t('import.nothing.refused', { n: report.counts.refused })}
    </Notice>
  );
}
