import { type Dispatch, type SetStateAction, useCallback, useEffect, useState } from 'react';
import type { AppStatusView } from '../../shared/ipc/index.ts';
import { call, onSignInRequired } from '../bridge.ts';

/** Why the lock screen is showing: it says so, and after a lock it offers the same operator first. */
export interface LockNotice {
  readonly reason: 'manual' | 'idle' | 'expired' | 'switch';
  readonly operatorId: number | null;
}

/**
 * The lock for the whole desk. Locking drops the operator from the status at once, so the signed-in
 * screens (and everything they hold) unmount before main has even answered the sign-out.
 */
export function useDeskLock(
  setStatus: Dispatch<SetStateAction<AppStatusView | null>>,
  refresh: () => Promise<void>,
) {
  const [notice, setNotice] = useState<LockNotice | null>(null);

  const lock = useCallback(
    (next: LockNotice) => {
      setStatus((current) => current && { ...current, operator: null });
      // The first reason stays: a call answering SIGN_IN_REQUIRED after Ctrl+L is not news.
      setNotice((previous) => previous ?? next);
      void call('signOut', {}).then(refresh);
    },
    [setStatus, refresh],
  );

  useEffect(() => onSignInRequired(() => lock({ reason: 'expired', operatorId: null })), [lock]);

  // The notice goes only once the new operator is in the status: until then it says whose locked
  // screen may be resumed (App keeps that shell for the same operator).
  const unlocked = useCallback(async () => {
    await refresh();
    setNotice(null);
  }, [refresh]);

  return { notice, lock, unlocked };
}

/** The signed-in side: Ctrl+L / Cmd+L, the idle timer, and the header's lock and switch buttons. */
export function useShellLock(status: AppStatusView, lock: (notice: LockNotice) => void) {
  const operatorId = status.operator?.id ?? null;
  const lockScreen = useCallback(() => lock({ reason: 'manual', operatorId }), [lock, operatorId]);
  const lockIdle = useCallback(() => lock({ reason: 'idle', operatorId }), [lock, operatorId]);
  const switchOperator = useCallback(() => lock({ reason: 'switch', operatorId: null }), [lock]);
  useLockShortcut(lockScreen);
  useIdleLock(status.idleLockMinutes, lockIdle);
  return { lockScreen, switchOperator };
}

/** Ctrl+L, or Cmd+L on a Mac. By physical key, so it works with the Korean keyboard layout too. */
function useLockShortcut(lock: () => void): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey || event.code !== 'KeyL')
        return;
      event.preventDefault();
      lock();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [lock]);
}

const INPUT_EVENTS = ['keydown', 'pointerdown', 'pointermove', 'wheel', 'touchstart'] as const;

/**
 * Locks after `minutes` without input (0: never). Main signs the operator out on its own too, but
 * only when the next call arrives: this takes the member data off a screen nobody is using.
 */
function useIdleLock(minutes: number, lock: () => void): void {
  useEffect(() => {
    if (minutes <= 0) return;
    const ms = minutes * 60_000;
    let timer = setTimeout(lock, ms);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, ms);
    };
    for (const name of INPUT_EVENTS) window.addEventListener(name, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of INPUT_EVENTS) window.removeEventListener(name, restart);
    };
  }, [minutes, lock]);
}
