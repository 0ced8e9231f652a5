import type { Handlers } from '../../../shared/contract/index';
import type { TrustedRoots } from '../../../shared/contract/trust';
import { AppError } from '../../../shared/errors';
import { requireSession, writeAudited, type CoreContext } from '../context';
import type { Db } from '../db/open';
import { parseCertificate } from '../signing/certificates';
import {
  checkNewTrustedRoot,
  describeCertificate,
  environmentCaInfo,
  TrustRootError,
} from '../signing/trust';
import {
  deleteTrustedRoot,
  insertTrustedRoot,
  listTrustedRootRows,
  trustedRootBySha256,
} from '../signing/trust-repo';

type TrustHandlers = Pick<Handlers, 'trust.roots.list' | 'trust.roots.add' | 'trust.roots.remove'>;

/** The beheerder's list of trusted roots (the contract admits only the beheerder). */
export function trustHandlers(ctx: CoreContext): TrustHandlers {
  const db = () => ctx.vault.database();

  function list(d: Db): TrustedRoots {
    return {
      environmentCa: environmentCaInfo(d),
      roots: listTrustedRootRows(d).map((r) => ({
        ...describeCertificate(parseCertificate(r.certificatePem)),
        id: r.id,
        addedAt: r.addedAt,
      })),
    };
  }

  return {
    'trust.roots.list': () => list(db()),

    'trust.roots.add': ({ pem }, { session }) => {
      const s = requireSession(session);
      let checked;
      try {
        checked = checkNewTrustedRoot(db(), pem);
      } catch (e) {
        if (!(e instanceof TrustRootError)) throw e;
        throw new AppError('BAD_INPUT', e.message, {
          fields: [{ path: 'pem', code: e.reason, message: e.message }],
        });
      }
      writeAudited(ctx, s, (d) => {
        // Checked again inside the transaction, where no other write can come in between.
        if (trustedRootBySha256(d, checked.info.sha256)) {
          throw new AppError('BAD_INPUT', 'Already trusted', {
            fields: [{ path: 'pem', code: 'already_trusted', message: 'Already trusted' }],
          });
        }
        const id = insertTrustedRoot(
          d,
          {
            certificatePem: checked.certificatePem,
            sha256: checked.info.sha256,
            subject: checked.info.subject,
            notAfter: checked.info.notAfter,
            addedAt: ctx.nowIso(),
          },
          s.userId,
        );
        return { result: id, audit: { action: 'trust.root.add', entity: 'trusted_roots', ids: [id] } };
      });
      return list(db());
    },

    'trust.roots.remove': ({ id }, { session }) => {
      const s = requireSession(session);
      writeAudited(ctx, s, (d) => {
        if (!deleteTrustedRoot(d, id)) throw new AppError('NOT_FOUND', 'No such trusted root');
        return { result: null, audit: { action: 'trust.root.remove', entity: 'trusted_roots', ids: [id] } };
      });
      return list(db());
    },
  };
}
