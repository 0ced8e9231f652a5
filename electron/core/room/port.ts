import type { Dispatch } from '../../../shared/dispatcher';

/*
 * What the backend needs from its host to let participants join from their own laptops: a way to
 * listen with HTTPS on one address (electron/room/server.ts implements it). Injected through Ports so
 * the core never opens a socket itself and every host decides whether it can listen at all (the
 * command line cannot).
 */

/** Why a session on the listener ended, for the participant's page and the log. */
export type RoomEndReason = 'logout' | 'removed' | 'closed' | 'expired';

/** What the listener hears from the backend. */
export type RoomEvent =
  | { type: 'change'; revision: number }
  /** One caller's session ended: close its event streams, forget its cookie. */
  | { type: 'end'; callerId: string; reason: RoomEndReason };

/** The backend as the listener sees it: the guarded dispatcher plus what sessions need. */
export interface RoomGateway {
  /** The backend's dispatcher; callers on the listener have ids starting with `room:`. */
  dispatch: Dispatch;
  /** Whether this caller still has a live session on the listener (not ended, expired or removed). */
  isLive(callerId: string): boolean;
  /** The caller made a request: keeps the connection list's "last seen" current. */
  seen(callerId: string): void;
  revision(): number;
  subscribe(listener: (event: RoomEvent) => void): () => void;
  /**
   * A request refused before it reached the dispatcher (foreign origin, no session, missing CSRF
   * token, too large, too many): counted for the audit log, coalesced per source so a flood cannot
   * flood the audit chain too.
   */
  refused(source: string, why: string): void;
}

export interface RoomListenOptions {
  address: string;
  /** 0: any free port. */
  port: number;
  /** The listener's TLS key and certificate chain (PEM), fresh for this start. */
  keyPem: string;
  certPem: string;
  gateway: RoomGateway;
}

export interface RoomListener {
  port: number;
  close(): Promise<void>;
}

export interface RoomPort {
  listen(options: RoomListenOptions): Promise<RoomListener>;
}
