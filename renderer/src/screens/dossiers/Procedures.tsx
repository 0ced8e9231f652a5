import {
  Heading2,
  Heading3,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '@utrecht/component-library-react';
import { useState } from 'react';
import type { Procedure } from '../../../../shared/contract/dossiers';
import type { ProcedureKind } from '../../../../shared/domain/dossier';
import { getApi } from '../../api';
import { Button, Field, Notice, SelectField } from '../../components/forms';
import { errorText } from '../../errors';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/domain';
import { dossierFieldErrors, useOptionalDates } from './shared';

/** Legal procedures with their dates and results; writers add and correct them. */
export function Procedures(props: {
  dossierId: number;
  procedures: Procedure[];
  mayWrite: boolean;
  onChange(p: Procedure[]): void;
}) {
  const t = useT();
  const kindLabels = useLabels().procedureKind;
  const showDate = useOptionalDates().short;
  const [editing, setEditing] = useState<Procedure | 'new' | null>(null);
  return (
    <section aria-labelledby="procedures-h" className="dossier-section">
      <Heading2 id="procedures-h">{t('dossiers.procedures')}</Heading2>
      {props.procedures.length === 0 ? (
        <p>{t('dossiers.procedures.empty')}</p>
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHeaderCell scope="col">{t('dossiers.procedures.kind')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dossiers.procedures.startedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dossiers.procedures.endedOn')}</TableHeaderCell>
              <TableHeaderCell scope="col">{t('dossiers.procedures.result')}</TableHeaderCell>
              {props.mayWrite ? (
                <TableHeaderCell scope="col">
                  <span className="visually-hidden">{t('dossiers.edit')}</span>
                </TableHeaderCell>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {props.procedures.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{kindLabels[p.kind]}</TableCell>
                <TableCell>{showDate(p.startedOn)}</TableCell>
                <TableCell>{showDate(p.endedOn)}</TableCell>
                <TableCell>{p.result ?? '—'}</TableCell>
                {props.mayWrite ? (
                  <TableCell>
                    <Button
                      onPress={() => setEditing(p)}
                      aria-label={t('dossiers.procedures.edit', { kind: kindLabels[p.kind] })}
                    >
                      {t('dossiers.edit')}
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {editing ? (
        <ProcedureForm
          key={editing === 'new' ? 'new' : editing.id}
          dossierId={props.dossierId}
          procedure={editing === 'new' ? null : editing}
          onDone={(list) => {
            if (list) props.onChange(list);
            setEditing(null);
          }}
        />
      ) : props.mayWrite ? (
        <Button onPress={() => setEditing('new')}>{t('dossiers.procedures.add')}</Button>
      ) : null}
    </section>
  );
}

function ProcedureForm(props: {
  dossierId: number;
  procedure: Procedure | null;
  onDone(list: Procedure[] | null): void;
}) {
  const t = useT();
  const kindLabels = useLabels().procedureKind;
  const p = props.procedure;
  const [kind, setKind] = useState<ProcedureKind>(p?.kind ?? 'asiel_eerste');
  const [startedOn, setStartedOn] = useState(p?.startedOn ?? '');
  const [endedOn, setEndedOn] = useState(p?.endedOn ?? '');
  const [result, setResult] = useState(p?.result ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    const procedure = {
      kind,
      startedOn: startedOn || null,
      endedOn: endedOn || null,
      result: result || null,
    };
    try {
      const api = getApi();
      props.onDone(
        p
          ? await api['dossiers.procedures.update']({ id: p.id, procedure })
          : await api['dossiers.procedures.add']({ dossierId: props.dossierId, procedure }),
      );
    } catch (e) {
      setErrors(dossierFieldErrors(e, t));
      setError(errorText(e, t));
    }
  };

  return (
    <form
      className="card"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      noValidate
    >
      <Heading3>
        {p ? t('dossiers.procedures.edit', { kind: kindLabels[p.kind] }) : t('dossiers.procedures.add')}
      </Heading3>
      <Notice kind="error">{error}</Notice>
      <SelectField
        label={t('dossiers.procedures.kind')}
        value={kind}
        onChange={setKind}
        options={(Object.keys(kindLabels) as ProcedureKind[]).map((k) => ({
          value: k,
          label: kindLabels[k],
        }))}
      />
      <Field
        label={t('dossiers.procedures.startedOn')}
        value={startedOn}
        onChange={setStartedOn}
        error={errors.startedOn}
        help={t('dossiers.f.date.help')}
      />
      <Field
        label={t('dossiers.procedures.endedOn')}
        value={endedOn}
        onChange={setEndedOn}
        error={errors.endedOn}
        help={t('dossiers.f.date.help')}
      />
      <Field
        label={t('dossiers.procedures.result')}
        value={result}
        onChange={setResult}
        error={errors.result}
      />
      <div className="actions">
        <Button type="submit" variant="primary">
          {t('common.save')}
        </Button>
        <Button onPress={() => props.onDone(null)}>{t('common.cancel')}</Button>
      </div>
    </form>
  );
}
