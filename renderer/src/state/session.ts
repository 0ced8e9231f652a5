import { create } from 'zustand';
import type { AppStatus, DemoUser } from '../../../shared/contract/auth';
import { can, type Action } from '../../../shared/domain/permissions';
import { getApi } from '../api';

interface SessionState {
  status: AppStatus | null;
  /** Demo users to show once after "Demo openen". */
  demoUsers: DemoUser[] | null;
  /** Recovery key to show once after set-up or a re-key; cleared when confirmed. */
  recoveryKey: string | null;
  /** After a re-key: key holders who need a new password (null after set-up). */
  rekeyNeedNewPassword: string[] | null;
  /** Whether someone was logged in during this page's life: the login screen then says "Vergrendeld". */
  hadSession: boolean;
  refresh: () => Promise<void>;
  login: (username: string, password: string) => Promise<void>;
  /** A key holder closes the environment for everyone; anyone else only leaves. */
  lock: () => Promise<void>;
  /** Ends only this person's session. */
  logout: () => Promise<void>;
  /** Showing the login form to let someone else take a turn on this machine, while still logged in. */
  switching: boolean;
  setSwitching: (switching: boolean) => void;
  setDemoUsers: (users: DemoUser[] | null) => void;
  setRecoveryKey: (key: string | null, rekeyNeedNewPassword?: string[]) => void;
}

export const useSession = create<SessionState>((set, get) => ({
  status: null,
  demoUsers: null,
  recoveryKey: null,
  rekeyNeedNewPassword: null,
  hadSession: false,
  refresh: async () => {
    const status = await getApi()['app.status']({});
    set((s) => ({ status, hadSession: s.hadSession || status.session !== null }));
  },
  login: async (username, password) => {
    await getApi()['auth.login']({ username, password });
    set({ switching: false });
    await get().refresh();
  },
  lock: async () => {
    await getApi()['auth.lock']({});
    await get().refresh();
  },
  logout: async () => {
    await getApi()['auth.logout']({});
    await get().refresh();
  },
  switching: false,
  setSwitching: (switching) => set({ switching }),
  setDemoUsers: (demoUsers) => set({ demoUsers }),
  setRecoveryKey: (recoveryKey, rekeyNeedNewPassword) =>
    set({ recoveryKey, rekeyNeedNewPassword: rekeyNeedNewPassword ?? null }),
}));

/**
 * Whether the logged-in user may do `action` (shared/domain/permissions.ts): the same table the
 * backend checks, so a button shows exactly when its call would be allowed by role.
 */
export function useCan(action: Action): boolean {
  const session = useSession((s) => s.status?.session ?? null);
  return can(session, action);
}
