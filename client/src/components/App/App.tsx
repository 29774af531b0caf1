import { useEffect } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso';
import { ADMIN_ROLES, FLOOR_ROLES, INSTRUCTOR_ROLES } from '../../protocol.js';
import { StoresProvider, useStores, type Stores } from '../../state/context.js';
import { CallPage } from '../CallPage/CallPage.js';
import { CallsPage } from '../CallsPage/CallsPage.js';
import { ClassPage } from '../ClassesPage/ClassPage.js';
import { ClassesPage } from '../ClassesPage/ClassesPage.js';
import { FloorPage } from '../FloorPage/FloorPage.js';
import { Header } from '../Header/Header.js';
import { HistoryPage } from '../HistoryPage/HistoryPage.js';
import { HomePage } from '../HomePage/HomePage.js';
import { InvitePage } from '../InvitePage/InvitePage.js';
import { LoginPage } from '../LoginPage/LoginPage.js';
import { PasswordPage } from '../PasswordPage/PasswordPage.js';
import { guarded } from '../RequireRole/RequireRole.js';
import { ReviewPage } from '../ReviewPage/ReviewPage.js';
import { ScenariosPage } from '../ScenariosPage/ScenariosPage.js';
import { SupervisePage } from '../SupervisePage/SupervisePage.js';
import { UsersPage } from '../UsersPage/UsersPage.js';
import { usePageTitle } from '../../title.js';

const Floor = guarded(FLOOR_ROLES, FloorPage);
const Scenarios = guarded(INSTRUCTOR_ROLES, ScenariosPage);
const Supervise = guarded(FLOOR_ROLES, SupervisePage);
const Classes = guarded(FLOOR_ROLES, ClassesPage);
const Class = guarded(FLOOR_ROLES, ClassPage);
const Users = guarded(ADMIN_ROLES, UsersPage);

/** Pages a signed-out visitor may open: signing in, and following a one-time link. */
const PUBLIC_PATHS = ['/login', '/invite'];

function NotFound() {
  usePageTitle('Page not found');
  return (
    <section class="page">
      <h1>Page not found</h1>
      <p>
        <a href="/">Back to the start</a>
      </p>
    </section>
  );
}

/** Sends anyone without a session to /login, remembering where they were going. */
function Shell() {
  const { session } = useStores();
  const { path, url, route } = useLocation();
  const status = session.status.value;
  const mustLogin = status === 'anonymous' && !PUBLIC_PATHS.includes(path);

  useEffect(() => {
    if (!mustLogin) return;
    const back = path !== '/' && !session.loggedOut.value;
    route(back ? `/login?next=${encodeURIComponent(url)}` : '/login', true);
  }, [mustLogin, path, url]);

  if (status === 'loading') return <p class="boot" role="status">Connecting to the console…</p>;
  if (mustLogin) return null;

  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      {status === 'signed-in' && <Header />}
      <main id="main" tabIndex={-1}>
        <Router>
          <Route path="/login" component={LoginPage} />
          <Route path="/" component={HomePage} />
          <Route path="/calls" component={CallsPage} />
          <Route path="/calls/:id" component={CallPage} />
          <Route path="/calls/:id/review" component={ReviewPage} />
          <Route path="/calls/:id/supervise" component={Supervise} />
          <Route path="/trainees/:id/history" component={HistoryPage} />
          <Route path="/floor" component={Floor} />
          <Route path="/scenarios" component={Scenarios} />
          <Route path="/classes" component={Classes} />
          <Route path="/classes/:id" component={Class} />
          <Route path="/users" component={Users} />
          <Route path="/invite" component={InvitePage} />
          <Route path="/account/password" component={PasswordPage} />
          <Route default component={NotFound} />
        </Router>
      </main>
    </>
  );
}

export function App({ stores }: { stores: Stores }) {
  return (
    <StoresProvider stores={stores}>
      {/* Links to the server's own routes (single sign-on) are real navigations, never client routes. */}
      <LocationProvider scope={/^\/(?!api\/)/}>
        <Shell />
      </LocationProvider>
    </StoresProvider>
  );
}
