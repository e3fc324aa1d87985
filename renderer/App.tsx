import { Activity, useCallback, useEffect, useMemo, useState } from 'react';
import type { AppStatusView, CallOptions } from '../shared/ipc/index.ts';
import { AppContext, type AppContextValue, type Route } from './app/app-context.tsx';
import { type LockNotice, useDeskLock, useShellLock } from './app/use-lock.ts';
import { BACKGROUND, call } from './bridge.ts';
import { ErrorAlert } from './components/Alert.tsx';
import { Header } from './components/Header.tsx';
import { Nav } from './components/Nav.tsx';
import { I18nProvider, StoreTimeZone, useI18n } from './i18n/i18n.tsx';
import { AuditLog } from './screens/audit/AuditLog.tsx';
import { ChargeDetail } from './screens/charges/ChargeDetail.tsx';
import { ChargesLog } from './screens/charges/ChargesLog.tsx';
import { Receipt } from './screens/charges/Receipt.tsx';
import { Consents } from './screens/consent/Consents.tsx';
import { Charge } from './screens/counter/Charge.tsx';
import { RegisterCard } from './screens/counter/RegisterCard.tsx';
import { FirstRun } from './screens/first-run/FirstRun.tsx';
import { Home } from './screens/home/Home.tsx';
import { MemberDetail } from './screens/members/MemberDetail.tsx';
import { Members } from './screens/members/Members.tsx';
import { Review } from './screens/review/Review.tsx';
import { Settings } from './screens/settings/Settings.tsx';
import { SignIn } from './screens/sign-in/SignIn.tsx';
import { Staff } from './screens/staff/Staff.tsx';
import { CatchUps } from './screens/subscriptions/CatchUps.tsx';
import { Subscriptions } from './screens/subscriptions/Subscriptions.tsx';
import { Upcoming } from './screens/subscriptions/Upcoming.tsx';

export function App() {
  return (
    <I18nProvider>
      <Desk />
    </I18nProvider>
  );
}

/** The signed-in screens of one operator, kept (hidden) while that operator's screen is locked. */
interface KeptShell {
  readonly operatorId: number;
  /** A new one for every new operator: a different key mounts a fresh shell. */
  readonly generation: number;
  /** The status it was last shown with: a locked shell keeps rendering as its operator's. */
  readonly status: AppStatusView;
}

/** A lock the same person may come back from (Ctrl+L, the lock button, the idle timer). */
const resumable = (notice: LockNotice | null, operatorId: number) =>
  notice !== null &&
  (notice.reason === 'manual' || notice.reason === 'idle') &&
  notice.operatorId === operatorId;

/** Status first: it decides between first-run setup, sign-in and the app itself. */
function Desk() {
  const { t } = useI18n();
  const [status, setStatus] = useState<AppStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [kept, setKept] = useState<KeptShell | null>(null);
  // The owner was just made and first setup goes on (the recovery code) before the app opens.
  const [settingUp, setSettingUp] = useState(false);

  const refresh = useCallback(async (options?: CallOptions) => {
    const result = await call('getAppStatus', {}, options);
    if (result.ok) {
      setStatus(result.value);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, []);
  const setupDone = useCallback(async () => {
    setSettingUp(false);
    await refresh();
  }, [refresh]);

  useEffect(() => {
    void refresh();
    return window.autopay.on.statusChanged(() => void refresh(BACKGROUND));
  }, [refresh]);
  const { notice, lock, unlocked } = useDeskLock(setStatus, refresh);

  // Which shell lives, derived while rendering: the same operator back from a lock gets the screen
  // and any unsaved form as they were; anyone else, or a sign-out, gets a fresh one.
  const operator = status?.operator ?? null;
  if (status && operator && kept?.operatorId !== operator.id) {
    setKept({ operatorId: operator.id, generation: (kept?.generation ?? 0) + 1, status });
  } else if (status && operator && kept && kept.status !== status) {
    setKept({ ...kept, status });
  } else if (!operator && kept && !resumable(notice, kept.operatorId)) {
    setKept(null);
  }

  if (!status) {
    return (
      <main className="screen">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : <p>{t('app.loading')}</p>}
      </main>
    );
  }
  const shell = kept && (operator?.id === kept.operatorId || !operator) && (
    // Hidden, the shell keeps its state but shows nothing: the lock screen hides the member data.
    <Activity mode={operator ? 'visible' : 'hidden'}>
      <Shell key={kept.generation} status={operator ? status : kept.status} refresh={refresh} lock={lock} />
    </Activity>
  );
  const firstRun = status.needsOwner || settingUp;
  if (firstRun || !operator) {
    return (
      <>
        {!firstRun && shell}
        <Header status={status} />
        <main className="screen screen-narrow">
          {firstRun ? (
            <FirstRun onDone={setupDone} onSettingUp={setSettingUp} />
          ) : (
            <SignIn onDone={unlocked} notice={notice} />
          )}
        </main>
      </>
    );
  }
  return shell;
}

function Shell({
  status,
  refresh,
  lock,
}: {
  status: AppStatusView;
  refresh: () => Promise<void>;
  lock: (notice: LockNotice) => void;
}) {
  const [route, setRoute] = useState<Route>({ name: 'home' });
  const context = useMemo<AppContextValue>(
    () => ({ status, refresh, navigate: setRoute }),
    [status, refresh],
  );

  const { lockScreen, switchOperator } = useShellLock(status, lock);

  return (
    <AppContext value={context}>
      <StoreTimeZone timeZone={status.timeZone}>
        <Header status={status} onSignOut={switchOperator} onLock={lockScreen}>
          <Nav route={route} navigate={setRoute} />
        </Header>
        <main className="screen">
          <Screen route={route} />
        </main>
      </StoreTimeZone>
    </AppContext>
  );
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'members':
      return <Members />;
    case 'member':
      return <MemberDetail key={route.id} id={route.id} notice={route.notice} />;
    case 'register-card':
      return <RegisterCard key={route.memberId} memberId={route.memberId} />;
    case 'charge':
      return <Charge key={route.memberId} memberId={route.memberId} />;
    case 'settings':
      return <Settings />;
    case 'home':
      return <Home />;
    case 'charges':
      return <ChargesLog memberId={route.memberId} />;
    case 'charge-detail':
      return <ChargeDetail key={route.id} id={route.id} />;
    case 'receipt':
      return <Receipt key={route.chargeId} chargeId={route.chargeId} />;
    case 'review':
      return <Review />;
    case 'subscriptions':
      return <Subscriptions />;
    case 'upcoming':
      return <Upcoming />;
    case 'staff':
      return <Staff />;
    case 'audit':
      return <AuditLog />;
    case 'catch-ups':
      return <CatchUps />;
    case 'consents':
      return <Consents />;
  }
}
