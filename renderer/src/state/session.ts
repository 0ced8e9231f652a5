import { create } from 'zustand';
import type { AppStatus, DemoUser } from '../../../shared/contract/auth';
import { can, type Action } from '../../../shared/domain/permissions';
import { getApi } from '../api';

interface SessionState {
  status: AppStatus | null;
  /** Demo users to show once after "Demo openen". */
  demoUsers: DemoUser[] | null;
  /** Recovery key to show once after set-up; cleared when confirmed. */
  recoveryKey: string | null;
  /** Whether someone was logged in during this page's life: the login screen then says "Vergrendeld". */
  hadSession: boolean;
  refresh: () => Promise<void>;
  login: (username: string, password: string) => Promise<void>;
  lock: () => Promise<void>;
  setDemoUsers: (users: DemoUser[] | null) => void;
  setRecoveryKey: (key: string | null) => void;
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  demoUsers: null,
  recoveryKey: null,
  hadSession: false,
  refresh: async () => {
    const status = await getApi()['app.status']({});
    set((s) => ({ status, hadSession: s.hadSession || status.session !== null }));
  },
  login: async (username, password) => {
    await getApi()['auth.login']({ username, password });
    await get().refresh();
  },
  lock: async () => {
    await getApi()['auth.lock']({});
    await get().refresh();
  },
  setDemoUsers: (demoUsers) => set({ demoUsers }),
  setRecoveryKey: (recoveryKey) => set({ recoveryKey }),
}));

/**
 * Whether the logged-in user may do `action` (shared/domain/permissions.ts): the same table the
 * backend checks, so a button shows exactly when its call would be allowed by role.
 */
export function useCan(action: Action): boolean {
  const session = useSession((s) => s.status?.session ?? null);
  return can(session, action);
}
