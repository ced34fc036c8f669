import { Link, NavLink, Outlet } from 'react-router-dom';
import { type Area, can, ROLE_LABEL } from '../auth/access.ts';
import { useSession, useUser } from '../auth/session.tsx';

const NAV: readonly { to: string; label: string; area: Area; reviewerLabel?: string }[] = [
  { to: '/queue', label: 'Case queue', reviewerLabel: 'My cases', area: 'queue' },
  { to: '/intake', label: 'New application', area: 'intake' },
  { to: '/dashboard', label: 'Dashboard', area: 'dashboard' },
  { to: '/search', label: 'Search letters', area: 'search' },
  { to: '/admin', label: 'Administration', area: 'admin' },
];

/** The frame of every signed-in page: skip link, header, role-aware navigation, main landmark. */
export function Layout() {
  const user = useUser();
  const { signOut } = useSession();
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="app-header">
        <Link className="brand" to="/queue">
          IMR Desk
        </Link>
        <div className="who">
          <span>
            <span className="signed-in-as">Signed in as </span>
            <strong>{user.displayName}</strong>
          </span>
          <span className="role">{ROLE_LABEL[user.role]}</span>
          <button type="button" className="btn small secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav className="app-nav" aria-label="Main">
        <ul>
          {NAV.filter((n) => can(user.role, n.area)).map((n) => (
            <li key={n.to}>
              <NavLink to={n.to}>{user.role === 'reviewer' && n.reviewerLabel ? n.reviewerLabel : n.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
