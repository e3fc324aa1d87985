import type { z } from 'zod';
import type { ChannelName, Contract } from '../../../shared/ipc/index.ts';
import type { OpenRegistrationWindow } from '../billing/index.ts';
import type { Operator } from '../staff/index.ts';
import type { DeskHost } from './desk-host.ts';

/*
 * The types the handler groups and createDeskApi share, in a module of their own: the groups
 * import these, createDeskApi imports the groups, and neither imports the other's module.
 */

/** Who is calling: main keeps one per window; sign-in and sign-out change it. */
export interface Session {
  operator: Operator | null;
  /** The last call made while signed in: main signs the operator out after the idle time. */
  lastActiveAt?: number;
}

/** A channel's work, after main has checked the sender, parsed the request and checked the role. */
export type Handler<C extends ChannelName> = (
  request: z.output<Contract[C]['request']>,
  session: Session,
) => Promise<z.input<Contract[C]['response']>> | z.input<Contract[C]['response']>;

export type DeskApi = { readonly [C in ChannelName]: Handler<C> };

export interface DeskApiDeps {
  readonly host: DeskHost;
  readonly version: string;
  readonly now: () => Date;
  /** Whether the app starts with the computer: the OS keeps this, so the shell reads and sets it. */
  readonly launchAtLogin: { get(): boolean; set(enabled: boolean): void };
  /**
   * Opens Toss's card registration window (the shell's BrowserWindow in the app, the emulator's
   * stand-in page in tests) and resolves with how it ended.
   */
  readonly openRegistrationWindow: OpenRegistrationWindow;
  /**
   * The system's open dialog (the shell's): a backup file or a folder, or null when cancelled.
   * Absent where there is none; the screens then take a typed path.
   */
  readonly choosePath?: (kind: 'backupFile' | 'folder') => Promise<string | null>;
  /** Told after sign-in, sign-out and training switches, so the shell can push statusChanged. */
  readonly onStatusChanged?: () => void;
}
