// The signed-in user. The API key lives in sessionStorage: it is gone when the tab closes and is
// never sent anywhere but this service's /api (as Authorization: Bearer).

const KEY = 'chainmap.apiKey';
const USER = 'chainmap.user';

export function apiKey() {
  return sessionStorage.getItem(KEY);
}

/** The user from GET /api/me: { id, name, role, team }. */
export function user() {
  const raw = sessionStorage.getItem(USER);
  return raw ? JSON.parse(raw) : null;
}

export function signIn(key, me) {
  sessionStorage.setItem(KEY, key);
  sessionStorage.setItem(USER, JSON.stringify(me));
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  sessionStorage.removeItem(USER);
}

function hasRole(...roles) {
  return roles.includes(user()?.role);
}

/** What the signed-in user may do (docs/access.md); the service enforces it, the page only hides controls. */
export const can = {
  editChains: () => hasRole('admin', 'analyst'),
  importCompanies: () => hasRole('admin', 'analyst'),
  export: () => hasRole('admin', 'analyst', 'planner', 'team-member'),
  changeProjects: () => hasRole('admin', 'team-member'),
  admin: () => hasRole('admin'),
};
