import type { Handlers } from '../../../shared/contract/index';
import { requireSession, writeAudited, type CoreContext } from '../context';
import { previewImport, runImport, type ImportSource } from '../register-import/import';
import { readGrid } from '../register-import/read';

type RegisterImportHandlers = Pick<Handlers, 'dossiers.import.preview' | 'dossiers.import.run'>;

/** Import of an existing register: the file is read here, in the backend, never in the window. */
export function registerImportHandlers(ctx: CoreContext): RegisterImportHandlers {
  const source = async (input: {
    file: { name: string; base64: string };
    mapping?: ImportSource['mapping'];
  }): Promise<ImportSource> => {
    const bytes = Buffer.from(input.file.base64, 'base64');
    return { fileName: input.file.name, bytes, grid: await readGrid(bytes), mapping: input.mapping };
  };

  return {
    'dossiers.import.preview': async (input, { session }) => {
      requireSession(session);
      const src = await source(input);
      return previewImport(ctx.vault.database(), src, ctx.today());
    },

    'dossiers.import.run': async (input, { session }) => {
      const s = requireSession(session);
      const src = await source(input);
      return writeAudited(ctx, s, (db) => runImport(db, s, src, input.mode, ctx.today(), ctx.nowIso()));
    },
  };
}
