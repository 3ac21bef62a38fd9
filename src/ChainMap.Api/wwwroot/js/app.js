// The page shell: navigation, the signed-in user, and the route table. Each view module exports
// mount(root, params, context) and returns { update(params)?, unmount()? }: a change of parameters
// only (same view) calls update, a change of view unmounts and mounts.

import * as api from './api.js';
import * as router from './router.js';
import * as session from './session.js';
import { h, replace } from './dom.js';
import { ROLES } from './labels.js';
import { errorBlock } from './ui.js';
import * as signin from './views/signin.js';
import * as mapView from './views/map.js';
import * as targetsView from './views/targets.js';
import * as companiesView from './views/companies.js';
import * as chainsView from './views/chains.js';
import * as importView from './views/import.js';
import * as projectsView from './views/projects.js';
import * as projectView from './views/project.js';
import * as teamView from './views/team.js';
import * as cockpitView from './views/cockpit.js';
import * as geoView from './views/geo.js';
import * as usersView from './views/users.js';
import * as reviewView from './views/review.js';

/**
 * Route → view. carry: the parameters a nav link keeps when switching to this view; shown: whether
 * the signed-in user sees it in the navigation (default: everyone).
 */
const ROUTES = {
  map: { title: '产业链图谱', view: mapView, carry: ['chain', 'region'] },
  targets: { title: '招商目标', view: targetsView, carry: ['chain', 'region'] },
  geo: { title: '地图', view: geoView, carry: ['chain'] },
  companies: { title: '企业', view: companiesView, carry: ['chain', 'region'] },
  chains: { title: '产业链维护', view: chainsView, carry: ['chain'] },
  import: { title: '导入', view: importView, carry: [] },
  review: { title: '审核', view: reviewView, carry: ['chain', 'region'], shown: session.can.editChains },
  team: { title: '我的专班', view: teamView, carry: ['chain'] },
  projects: { title: '项目', view: projectsView, carry: [] },
  cockpit: { title: '驾驶舱', view: cockpitView, carry: [] },
  project: { title: '项目详情', view: projectView, carry: [], shown: () => false },
  users: { title: '用户与密钥', view: usersView, carry: [], shown: session.can.admin },
};
const HOME = 'map';

const viewRoot = document.getElementById('view');
const navRoot = document.getElementById('nav');
const userRoot = document.getElementById('user');
let mounted = null;
// The chain and region last chosen, so that views without them (导入, 项目) do not lose them.
const sticky = {};

function remember({ path, params }) {
  for (const key of ROUTES[path]?.carry ?? []) {
    sticky[key] = params[key];
  }
}

function renderNav({ path, params }) {
  const signedIn = Boolean(session.apiKey());
  navRoot.hidden = !signedIn;
  replace(navRoot, signedIn ? Object.entries(ROUTES).filter(([, { shown }]) => !shown || shown()).map(([route, { title, carry }]) => {
    const kept = Object.fromEntries(carry.map((k) => [k, params[k] ?? sticky[k]]));
    return h('a', { href: router.href(route, kept), class: route === path ? 'active' : null, 'aria-current': route === path ? 'page' : null }, title);
  }) : []);
  const me = session.user();
  replace(userRoot, me
    ? [
      h('span', { class: 'user-name', title: me.team ? `专班：${me.team}` : null }, me.name),
      h('span', { class: 'user-role' }, ROLES[me.role] ?? me.role),
      h('button', { type: 'button', class: 'link', id: 'sign-out', onclick: signOut }, '退出'),
    ]
    : []);
}

function signOut() {
  session.signOut();
  router.navigate('signin', {});
}

function unmount() {
  try {
    mounted?.instance?.unmount?.();
  } finally {
    mounted = null;
  }
}

function show() {
  const route = router.current();
  if (!session.apiKey() && route.path !== 'signin') {
    router.navigate('signin', { next: location.hash && route.path ? location.hash : null }, { replace: true });
    return;
  }
  if (route.path === '' || (route.path === 'signin' && session.apiKey())) {
    router.navigate(HOME, {}, { replace: true });
    return;
  }
  remember(route);
  renderNav(route);
  if (mounted && mounted.path === route.path && mounted.instance?.update) {
    mounted.instance.update(route.params);
    return;
  }
  unmount();
  if (route.path === 'signin') {
    document.title = '登录 · 产业链招商图谱';
    signin.mount(viewRoot, route.params, { onSignedIn: afterSignIn });
    mounted = { path: 'signin', instance: null };
    return;
  }
  const entry = ROUTES[route.path];
  if (!entry) {
    document.title = '页面不存在 · 产业链招商图谱';
    replace(viewRoot, h('div', { class: 'state state-error', role: 'alert' },
      h('strong', {}, '页面不存在'), h('p', {}, `地址 #/${route.path} 不是本系统的页面。`), h('a', { href: router.href(HOME) }, '返回产业链图谱')));
    return;
  }
  document.title = `${entry.title} · 产业链招商图谱`;
  try {
    mounted = { path: route.path, instance: entry.view.mount(viewRoot, route.params, {}) };
  } catch (error) {
    replace(viewRoot, errorBlock(error));
  }
}

function afterSignIn(next) {
  renderNav(router.current());
  if (next && next.startsWith('#/') && !next.startsWith('#/signin')) {
    location.hash = next;
  } else {
    router.navigate(HOME, {});
  }
}

api.onUnauthorized(() => {
  // Several calls of a view may be refused at once; the first one leads to the sign-in screen.
  if (router.current().path !== 'signin') {
    router.navigate('signin', { reason: 'expired', next: location.hash });
  }
});

window.addEventListener('hashchange', show);
show();
