import { useCallback, useEffect, useState, type ReactElement, type ReactNode } from 'react';
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MonitoringReport, OutcomeRow, ReportName } from '../../../../shared/contract/reports';
import { isIsoDate } from '../../../../shared/domain/dates';
import {
  outcomeCategories,
  tracks,
  type EndedBy,
  type OutcomeCategory,
  type PermitGround,
  type StuckReason,
  type Track,
} from '../../../../shared/domain/dossier';
import { getApi } from '../../api';
import { Button, Notice, SelectField, DateField } from '../../components/forms';
import { errorText } from '../../errors';
import { useT, type T } from '../../i18n';
import { useDates } from '../../i18n/dates';
import { useLabels, type DomainLabels } from '../../i18n/domain';
import { useLocale } from '../../i18n/index';
import { useCan } from '../../state/session';
import { saveFile } from '../../files';

/*
 * "Rapportages": the monitoring the gemeente, its koepel and the ministry ask for, computed in the
 * backend (reports.monitoring) over a period and a track. Counts only: no names, no V-nummers. Every
 * chart has its numbers in a table beside it; the chart itself is an image with a text alternative
 * that points to the table, so screen readers read the table, not the drawing.
 */

const todayLocal = (): string => new Date().toLocaleDateString('sv-SE', { timeZone: 'Europe/Amsterdam' });

/** Chart colours from the theme's tokens, so each house style colours the charts too. */
const colour: Record<OutcomeCategory | 'ONVOLLEDIG' | 'inBegeleiding', string> = {
  inBegeleiding: 'var(--lvv-color-primary-soft)',
  TERUGKEER: 'var(--lvv-color-primary)',
  VERBLIJFSVERGUNNING: 'var(--lvv-color-ok)',
  DOORMIGRATIE: 'var(--lvv-color-primary-strong)',
  MOB: 'var(--lvv-color-danger)',
  OVERIG: 'var(--lvv-color-muted)',
  ONVOLLEDIG: 'var(--lvv-color-warn-text)',
};

export function rowLabel(code: string, t: T, labels: DomainLabels): string {
  if (code === 'totaal' || code === 'in_begeleiding' || code === 'uitgestroomd' || code === 'ONVOLLEDIG')
    return t(`reports.row.${code}`);
  if (code === 'MOB.overig') return t('reports.row.MOB.overig');
  const [cat, sub] = code.split('.') as [OutcomeCategory, string | undefined];
  if (!sub) return labels.outcome[cat];
  if (sub === 'onbekend') return t('reports.row.onbekend');
  if (cat === 'VERBLIJFSVERGUNNING') return labels.permitGround[sub as PermitGround];
  const subs: Record<string, string> = labels.outcomeSubkinds[cat];
  return subs[sub] ?? sub;
}

type Download = (what: { format: 'csv' | 'xlsx' | 'docx'; report?: ReportName }) => Promise<void>;

function Section(props: {
  id: string;
  title: string;
  children: ReactNode;
  /** The reports of this section, each offered as CSV and XLSX (same numbers as the tables). */
  exports?: { name: ReportName; label: string }[];
  download?: Download;
}) {
  const t = useT();
  const { id, title, children, exports, download } = props;
  return (
    <section aria-labelledby={id} className="report-section">
      <h2 id={id}>{title}</h2>
      {children}
      {download
        ? exports?.map((e) => (
            <div
              key={e.name}
              className="report-downloads"
              role="group"
              aria-label={t('reports.export.group', { report: e.label })}
            >
              <span>{exports.length > 1 ? e.label : t('reports.export.h')}:</span>
              {(['csv', 'xlsx'] as const).map((format) => (
                <Button
                  key={format}
                  aria-label={t('reports.export.one', { format: format.toUpperCase(), report: e.label })}
                  onPress={() => void download({ format, report: e.name })}
                >
                  {format.toUpperCase()}
                </Button>
              ))}
            </div>
          ))
        : null}
    </section>
  );
}

/** A chart drawn by recharts, shown as one image whose text says where its numbers are. */
function Chart({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="report-chart" role="img" aria-label={label}>
      <ResponsiveContainer width="100%" height={280}>
        {children as ReactElement}
      </ResponsiveContainer>
    </div>
  );
}

export function ReportsScreen() {
  const t = useT();
  const labels = useLabels();
  const dates = useDates();
  const locale = useLocale((s) => s.locale);
  const today = todayLocal();
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`);
  const [to, setTo] = useState(today);
  const [track, setTrack] = useState<Track | 'alle'>('alle');
  const [report, setReport] = useState<MonitoringReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [recordsDone, setRecordsDone] = useState<string | null>(null);
  const mayExportRecords = useCan('reports.records');

  const load = useCallback(
    async (q: { from: string; to: string; track: Track | 'alle' }) => {
      const bad: Record<string, string> = {};
      if (!isIsoDate(q.from)) bad.from = t('dossiers.issue.date_format');
      if (!isIsoDate(q.to)) bad.to = t('dossiers.issue.date_format');
      setFieldErrors(bad);
      if (Object.keys(bad).length) return;
      try {
        setReport(await getApi()['reports.monitoring'](q));
        setError(null);
      } catch (e) {
        setError(errorText(e, t));
      }
    },
    [t],
  );
  useEffect(() => {
    void load({ from: `${todayLocal().slice(0, 4)}-01-01`, to: todayLocal(), track: 'alle' });
  }, [load]);

  // Downloads follow the report on screen (its query), not fields edited since.
  const download: Download = async ({ format, report: name }) => {
    if (!report) return;
    const q = report.query as { from: string; to: string; track: Track | 'alle' };
    try {
      const file = await getApi()['reports.export']({
        from: q.from,
        to: q.to,
        track: q.track,
        format,
        ...(name ? { report: name } : {}),
      });
      saveFile(file.base64, file.fileName, file.mimeType);
      setDownloaded(file.fileName);
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const downloadRecords = async (format: 'csv' | 'xlsx') => {
    if (!report) return;
    const q = report.query as { from: string; to: string; track: Track | 'alle' };
    try {
      const file = await getApi()['reports.records']({ from: q.from, to: q.to, track: q.track, format });
      saveFile(file.base64, file.fileName, file.mimeType);
      setRecordsDone(
        t('reports.records.done', {
          file: file.fileName,
          count: file.count,
          from: dates.date(q.from),
          to: dates.date(q.to),
        }),
      );
      setError(null);
    } catch (e) {
      setError(errorText(e, t));
    }
  };
  const pct = (x: number | null) =>
    x === null
      ? '—'
      : new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(x);
  const num = (x: number | null) =>
    x === null ? '—' : new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(x);

  return (
    <main id="main" tabIndex={-1} className="reports">
      <h1>{t('reports.title')}</h1>
      <p>{t('reports.intro')}</p>
      <form
        className="report-filters"
        aria-label={t('reports.filters')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void load({ from, to, track });
        }}
      >
        <DateField
          label={t('reports.from')}
          value={from}
          onChange={setFrom}
          placeholder={t('beamer.date.placeholder')}
          pickerLabel={t('beamer.date.pick', { label: t('reports.from') })}
          error={fieldErrors.from}
        />
        <DateField
          label={t('reports.to')}
          value={to}
          onChange={setTo}
          placeholder={t('beamer.date.placeholder')}
          pickerLabel={t('beamer.date.pick', { label: t('reports.to') })}
          error={fieldErrors.to}
        />
        <SelectField
          label={t('reports.track')}
          value={track}
          onChange={(v) => setTrack(v)}
          options={[
            { value: 'alle' as const, label: t('reports.track.all') },
            ...tracks.map((tr) => ({ value: tr, label: labels.track[tr] })),
          ]}
        />
        <Button type="submit" variant="primary">
          {t('reports.show')}
        </Button>
      </form>
      <p className="help">{t('reports.period.help')}</p>
      {error ? <Notice kind="error">{error}</Notice> : null}
      {report ? (
        <>
          <p role="status">{t('reports.summary', { population: report.population, left: report.left })}</p>
          <section aria-labelledby="rep-export" className="report-section report-export">
            <h2 id="rep-export">{t('reports.export.h')}</h2>
            <p>{t('reports.export.intro')}</p>
            <div className="report-downloads">
              <Button variant="primary" onPress={() => void download({ format: 'docx' })}>
                {t('reports.export.docx')}
              </Button>
              <Button onPress={() => void download({ format: 'xlsx' })}>{t('reports.export.xlsxAll')}</Button>
            </div>
            <div role="status">{downloaded ? t('reports.export.done', { file: downloaded }) : null}</div>
          </section>
          {mayExportRecords ? (
            <section aria-labelledby="rep-records" className="report-section report-export">
              <h2 id="rep-records">{t('reports.records.h')}</h2>
              <Notice kind="warning">{t('reports.records.warning')}</Notice>
              <div className="report-downloads">
                <Button onPress={() => void downloadRecords('csv')}>{t('reports.records.csv')}</Button>
                <Button onPress={() => void downloadRecords('xlsx')}>{t('reports.records.xlsx')}</Button>
              </div>
              <Notice kind="success">{recordsDone}</Notice>
            </section>
          ) : null}
          <Section
            id="rep-outcomes"
            title={t('reports.outcomes.h')}
            download={download}
            exports={[{ name: 'uitkomsten', label: t('reports.outcomes.h') }]}
          >
            <OutcomeTable rows={report.outcomes} pct={pct} />
          </Section>
          <Section
            id="rep-duration"
            title={t('reports.duration.h')}
            download={download}
            exports={[{ name: 'doorlooptijd', label: t('reports.duration.h') }]}
          >
            <div className="report-pair">
              <Table className="table">
                <TableCaption>{t('reports.duration.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('reports.duration.group')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.col.n')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.duration.mean')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.duration.median')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {(['left', 'stillIn'] as const).map((g) => (
                    <TableRow key={g}>
                      <TableHeaderCell scope="row">{t(`reports.duration.${g}`)}</TableHeaderCell>
                      <TableCell>{report.duration[g].n}</TableCell>
                      <TableCell>{num(report.duration[g].meanMonths)}</TableCell>
                      <TableCell>{num(report.duration[g].medianMonths)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <Table className="table">
                <TableCaption>{t('reports.within.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('reports.duration.group')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.col.n')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.within.share')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.duration.within.map((w) => (
                    <TableRow key={w.months}>
                      <TableHeaderCell scope="row">
                        {t('reports.within.months', { months: w.months })}
                      </TableHeaderCell>
                      <TableCell>{w.n}</TableCell>
                      <TableCell>{pct(w.share)}</TableCell>
                    </TableRow>
                  ))}
                  <TableRow>
                    <TableHeaderCell scope="row">
                      {t('reports.within.term', { months: report.termMonths })}
                    </TableHeaderCell>
                    <TableCell>{report.duration.withinTerm.n}</TableCell>
                    <TableCell>{pct(report.duration.withinTerm.share)}</TableCell>
                  </TableRow>
                </TableBody>
              </Table>
            </div>
          </Section>
          <Section
            id="rep-flow"
            title={t('reports.flow.h')}
            download={download}
            exports={[{ name: 'kwartalen', label: t('reports.flow.h') }]}
          >
            <div className="report-pair">
              <Chart label={`${t('reports.flow.h')}. ${t('reports.chartAlt')}`}>
                <BarChart data={report.flow} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="quarter" interval={0} />
                  <YAxis allowDecimals={false} />
                  <Tooltip />
                  <Legend />
                  <Bar dataKey="inflow" name={t('reports.flow.inflow')} fill={colour.TERUGKEER} />
                  <Bar dataKey="outflow" name={t('reports.flow.outflow')} fill={colour.VERBLIJFSVERGUNNING} />
                </BarChart>
              </Chart>
              <Table className="table">
                <TableCaption>{t('reports.flow.caption')}</TableCaption>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell scope="col">{t('reports.flow.quarter')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.flow.inflow')}</TableHeaderCell>
                    <TableHeaderCell scope="col">{t('reports.flow.outflow')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {report.flow.map((q) => (
                    <TableRow key={q.quarter}>
                      <TableHeaderCell scope="row">{q.quarter}</TableHeaderCell>
                      <TableCell>{q.inflow}</TableCell>
                      <TableCell>{q.outflow}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </div>
          </Section>
          <Section
            id="rep-track"
            title={t('reports.track.h')}
            download={download}
            exports={[{ name: 'traject', label: t('reports.track.h') }]}
          >
            <div className="report-pair">
              <Chart label={`${t('reports.track.h')}. ${t('reports.chartAlt')}`}>
                <BarChart
                  data={report.byTrack.map((r) => ({ ...r, name: labels.track[r.track] }))}
                  layout="vertical"
                  accessibilityLayer={false}
                >
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="name" width={120} interval={0} />
                  <Tooltip />
                  <Legend />
                  <Bar
                    dataKey="inBegeleiding"
                    stackId="a"
                    name={t('reports.row.in_begeleiding')}
                    fill={colour.inBegeleiding}
                  />
                  {outcomeCategories.map((c) => (
                    <Bar key={c} dataKey={c} stackId="a" name={labels.outcome[c]} fill={colour[c]} />
                  ))}
                  <Bar
                    dataKey="ONVOLLEDIG"
                    stackId="a"
                    name={t('reports.row.ONVOLLEDIG')}
                    fill={colour.ONVOLLEDIG}
                  />
                </BarChart>
              </Chart>
              <ScrollRegion label={t('reports.track.caption')}>
                <Table className="table">
                  <TableCaption>{t('reports.track.caption')}</TableCaption>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell scope="col">{t('reports.track')}</TableHeaderCell>
                      <TableHeaderCell scope="col">{t('reports.row.in_begeleiding')}</TableHeaderCell>
                      {outcomeCategories.map((c) => (
                        <TableHeaderCell key={c} scope="col">
                          {labels.outcome[c]}
                        </TableHeaderCell>
                      ))}
                      <TableHeaderCell scope="col">{t('reports.row.ONVOLLEDIG')}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {report.byTrack.map((r) => (
                      <TableRow key={r.track}>
                        <TableHeaderCell scope="row">{labels.track[r.track]}</TableHeaderCell>
                        <TableCell>{r.inBegeleiding}</TableCell>
                        {outcomeCategories.map((c) => (
                          <TableCell key={c}>{r[c]}</TableCell>
                        ))}
                        <TableCell>{r.ONVOLLEDIG}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </ScrollRegion>
            </div>
          </Section>
          <Section
            id="rep-ended"
            title={t('reports.endedBy.h')}
            download={download}
            exports={[{ name: 'beeindigd_door', label: t('reports.endedBy.h') }]}
          >
            <Table className="table">
              <TableCaption>{t('reports.endedBy.caption')}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t('reports.endedBy.who')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.endedBy.all')}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t('reports.endedBy.mob')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {report.endedBy.map((e, i) => (
                  <TableRow key={e.code}>
                    <TableHeaderCell scope="row">
                      {e.code === 'niet_vastgelegd'
                        ? t('reports.endedBy.niet_vastgelegd')
                        : labels.endedBy[e.code as EndedBy]}
                    </TableHeaderCell>
                    <TableCell>{e.n}</TableCell>
                    <TableCell>{report.endedByMob[i]?.n ?? 0}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Section>
          <Section
            id="rep-now"
            title={t('reports.now.h', { date: dates.date(report.today) })}
            download={download}
            exports={[
              { name: 'vastgelopen', label: t('reports.stuck.caption') },
              { name: 'escalaties', label: t('reports.escalations.caption') },
              { name: 'acties_verlopen', label: t('reports.overdue.caption') },
            ]}
          >
            <div className="report-pair">
              <SimpleTable
                caption={t('reports.stuck.caption')}
                head={[t('reports.stuck.reason'), t('reports.col.n')]}
                rows={report.stuck.map((s) => [
                  s.code === 'niet_gekozen'
                    ? t('reports.stuck.niet_gekozen')
                    : labels.stuckReason[s.code as StuckReason],
                  s.n,
                ])}
                none={t('reports.none')}
              />
              <SimpleTable
                caption={t('reports.escalations.caption')}
                head={[t('reports.escalations.body'), t('reports.col.n'), t('reports.escalations.oldest')]}
                rows={report.escalations.map((e) => [e.body, e.n, dates.date(e.oldest.slice(0, 10))])}
                none={t('reports.none')}
              />
              <SimpleTable
                caption={t('reports.overdue.caption')}
                head={[t('reports.overdue.org'), t('reports.col.n')]}
                rows={report.overdueActions.map((a) => [a.organisation, a.n])}
                none={t('reports.none')}
              />
            </div>
          </Section>
        </>
      ) : null}
    </main>
  );
}

function OutcomeTable({ rows, pct }: { rows: OutcomeRow[]; pct: (x: number | null) => string }) {
  const t = useT();
  const labels = useLabels();
  return (
    <ScrollRegion label={t('reports.outcomes.caption')}>
      <Table className="table report-outcomes">
        <TableCaption>{t('reports.outcomes.caption')}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHeaderCell scope="col">{t('reports.col.outcome')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.col.n')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.col.ofAll')}</TableHeaderCell>
            <TableHeaderCell scope="col">{t('reports.col.ofLeft')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.code} className={`report-row-${r.level}`}>
              <TableHeaderCell scope="row">{rowLabel(r.code, t, labels)}</TableHeaderCell>
              <TableCell>{r.n}</TableCell>
              <TableCell>{pct(r.shareOfAll)}</TableCell>
              <TableCell>{pct(r.shareOfLeft)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollRegion>
  );
}

/** A table wider than the screen scrolls; keyboard users reach the scroll area too (WCAG 2.1.1). */
function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

function SimpleTable(props: { caption: string; head: string[]; rows: (string | number)[][]; none: string }) {
  return (
    <Table className="table">
      <TableCaption>{props.caption}</TableCaption>
      <TableHeader>
        <TableRow>
          {props.head.map((h) => (
            <TableHeaderCell key={h} scope="col">
              {h}
            </TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {props.rows.length ? (
          props.rows.map((r, i) => (
            <TableRow key={i}>
              <TableHeaderCell scope="row">{r[0]}</TableHeaderCell>
              {r.slice(1).map((c, j) => (
                <TableCell key={j}>{c}</TableCell>
              ))}
            </TableRow>
          ))
        ) : (
          <TableRow>
            <TableCell colSpan={props.head.length}>{props.none}</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
