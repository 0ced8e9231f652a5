import { DossierDetail, NewDossier } from './DossierDetail';
import { DossierList } from './DossierList';

/** #/dossiers (the register), #/dossiers/nieuw (a new dossier), #/dossiers/<id> (one dossier). */
export function DossiersScreen({ rest }: { rest: string[] }) {
  const [first] = rest;
  if (first === 'nieuw') return <NewDossier />;
  const id = Number(first);
  if (first && Number.isInteger(id) && id > 0) return <DossierDetail key={id} id={id} />;
  return <DossierList />;
}
