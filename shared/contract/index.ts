import { z } from 'zod';
import type { HandlerContext, MethodSpec } from './define';
import { authMethods } from './auth';
import { dossierMethods } from './dossiers';
import { itemsMethods } from './items';
import { meetingMethods } from './meetings';
import { minutesMethods } from './minutes';
import { registerImportMethods } from './register-import';
import { reportMethods } from './reports';
import { themeMethods } from './theme';
import { trustMethods } from './trust';
import { roomMethods } from './room';
import { backupMethods } from './backups';

/** The whole API: every method the renderer may call, with its input, output and access rule. */
export const contract = {
  ...authMethods,
  ...dossierMethods,
  ...itemsMethods,
  ...meetingMethods,
  ...minutesMethods,
  ...trustMethods,
  ...themeMethods,
  ...roomMethods,
  ...registerImportMethods,
  ...backupMethods,
  ...reportMethods,
} as const satisfies Record<string, MethodSpec>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export const methodNames = Object.keys(contract) as MethodName[];

export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;

/** What a client sees: one async function per method. */
export type Api = { [M in MethodName]: (input: MethodInput<M>) => Promise<MethodOutput<M>> };

/** What the backend implements: parsed input in, plain data out. */
export type Handlers = {
  [M in MethodName]: (
    input: z.output<Contract[M]['input']>,
    ctx: HandlerContext,
  ) => MethodOutput<M> | Promise<MethodOutput<M>>;
};

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}
