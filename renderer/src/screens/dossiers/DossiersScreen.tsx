import { DossierDetail, NewDossier } from './DossierDetail';
import { DossierList } from './DossierList';
import { RegisterImport } from './RegisterImport';
import { useMayWrite } from './shared';

/**
 * #/dossiers (the register), #/dossiers/nieuw (a new dossier), #/dossiers/importeren (import an
 * existing register, for those who may write dossiers), #/dossiers/<id> (one dossier).
 */
export function DossiersScreen({ rest }: { rest: string[] }) {
  const [first] = rest;
  const mayWrite = useMayWrite();
  if (first === 'nieuw') return <NewDossier />;
  if (first === 'importeren' && mayWrite) return <RegisterImport />;
  const id = Number(first);
  if (first && Number.isInteger(id) && id > 0) return <DossierDetail key={id} id={id} />;
  return <DossierList />;
}
