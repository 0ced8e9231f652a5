import { methodNames, type Api } from './contract/index';
import { ApiError, type RpcResult } from './errors';

/** Carries one call to the backend: IPC in Electron, fetch in the browser host, a function call in tests. */
export type Transport = (method: string, input: unknown) => Promise<RpcResult<unknown>>;

/** The one client: an object with exactly the contract's methods, each resolving or throwing ApiError. */
export function createApi(transport: Transport): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const name of methodNames) {
    api[name] = async (input: unknown) => {
      const result = await transport(name, input ?? {});
      if (result.ok) return result.value;
      throw new ApiError(result.error);
    };
  }
  return Object.freeze(api) as unknown as Api;
}
