import { useCallback, useEffect, useMemo, useState } from 'react';
import type { AppStatusView } from '../shared/ipc/index.ts';
import { AppContext, type AppContextValue, type Route } from './app/app-context.tsx';
import { call } from './bridge.ts';
import { ErrorAlert } from './components/Alert.tsx';
import { Header } from './components/Header.tsx';
import { Nav } from './components/Nav.tsx';
import { I18nProvider, useI18n } from './i18n/i18n.tsx';
import { Charge } from './screens/Charge.tsx';
import { MemberDetail } from './screens/MemberDetail.tsx';
import { Members } from './screens/Members.tsx';
import { OwnerSetup } from './screens/OwnerSetup.tsx';
import { RegisterCard } from './screens/RegisterCard.tsx';
import { Settings } from './screens/Settings.tsx';
import { SignIn } from './screens/SignIn.tsx';

export function App() {
  return (
    <I18nProvider>
      <Desk />
    </I18nProvider>
  );
}

/** Status first: it decides between first-run setup, sign-in and the app itself. */
function Desk() {
  const { t } = useI18n();
  const [status, setStatus] = useState<AppStatusView | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const result = await call('getAppStatus', {});
    if (result.ok) {
      setStatus(result.value);
      setFailure(null);
    } else {
      setFailure(result.error.message);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return window.autopay.on.statusChanged(() => void refresh());
  }, [refresh]);

  if (!status) {
    return (
      <main className="screen">
        {failure ? <ErrorAlert>{failure}</ErrorAlert> : <p>{t('app.loading')}</p>}
      </main>
    );
  }
  if (status.needsOwner || !status.operator) {
    return (
      <>
        <Header status={status} />
        <main className="screen screen-narrow">
          {status.needsOwner ? <OwnerSetup onDone={refresh} /> : <SignIn onDone={refresh} />}
        </main>
      </>
    );
  }
  return <Shell status={status} refresh={refresh} />;
}

function Shell({ status, refresh }: { status: AppStatusView; refresh: () => Promise<void> }) {
  const [route, setRoute] = useState<Route>({ name: 'members' });
  const context = useMemo<AppContextValue>(
    () => ({ status, refresh, navigate: setRoute }),
    [status, refresh],
  );

  async function signOut() {
    await call('signOut', {});
    await refresh();
  }

  return (
    <AppContext value={context}>
      <Header status={status} onSignOut={() => void signOut()}>
        <Nav route={route} navigate={setRoute} />
      </Header>
      <main className="screen">
        <Screen route={route} />
      </main>
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
  }
}
