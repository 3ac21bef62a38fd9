// 用户与密钥 (admins): users and their roles, API keys (create, revoke) and the audit log of changes.
// A new key is shown once, right after it is created. Route: #/users

import * as api from '../api.js';
import * as session from '../session.js';
import { h, replace, select } from '../dom.js';
import { ROLES } from '../labels.js';
import { loading, empty, errorBlock, field, generations } from '../ui.js';

const time = new Intl.DateTimeFormat('zh-CN', { dateStyle: 'short', timeStyle: 'short' });

function when(value) {
  return value ? time.format(new Date(value)) : '—';
}

export function mount(root) {
  const page = h('section', { class: 'view-users' });
  replace(root, page);
  if (!session.can.admin()) {
    replace(page, h('div', { class: 'toolbar' }, h('h1', {}, '用户与密钥')),
      errorBlock({ status: 403, title: '只有管理员可以管理用户与密钥。' }));
    return {};
  }
  const nextLoad = generations();
  const lists = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel', 'aria-live': 'polite' });
  page.append(h('div', { class: 'toolbar' }, h('h1', {}, '用户与密钥')), h('div', { class: 'split' }, lists, side));
  renderForm();
  load();
  return {};

  async function load() {
    const isLatest = nextLoad();
    replace(lists, loading());
    try {
      const [users, keys, audit, home] = await Promise.all([api.listUsers(), api.listKeys(), api.listAudit(50), api.home().catch(() => null)]);
      if (!isLatest()) {
        return;
      }
      const names = new Map(users.map((u) => [u.id, u.name]));
      const teams = new Map((home?.teams ?? []).map((t) => [t.id, t.name]));
      // Revoking the key this page signed in with would lock the admin out in the middle of the work.
      const ownKey = (session.apiKey() ?? '').split('_')[1];
      replace(lists,
        h('h2', {}, `用户（${users.length}）`),
        h('table', { class: 'data', id: 'users-table' },
          h('thead', {}, h('tr', {}, h('th', {}, '名称'), h('th', {}, '角色'), h('th', {}, '专班'), h('th', {}, '创建'), h('th', {}, '操作'))),
          h('tbody', {}, users.map((u) => h('tr', { dataset: { id: u.id } },
            h('td', {}, u.name), h('td', {}, ROLES[u.role] ?? u.role), h('td', {}, u.team ? teams.get(u.team) ?? u.team : '—'), h('td', { class: 'date' }, when(u.createdAt)),
            h('td', {}, h('button', { type: 'button', class: 'small-button', onclick: () => newKey(u) }, '新建密钥')))))),
        h('h2', {}, `API 密钥（${keys.length}）`),
        h('table', { class: 'data', id: 'keys-table' },
          h('thead', {}, h('tr', {}, h('th', {}, '编号'), h('th', {}, '用户'), h('th', {}, '标签'), h('th', {}, '创建'), h('th', {}, '状态'), h('th', {}, '操作'))),
          h('tbody', {}, keys.map((k) => h('tr', { dataset: { id: k.id } },
            h('td', { class: 'code' }, h('code', {}, k.id)), h('td', {}, names.get(k.userId) ?? k.userId), h('td', {}, k.label),
            h('td', { class: 'date' }, when(k.createdAt)),
            h('td', { class: 'key-state' }, k.revokedAt ? `已撤销 ${when(k.revokedAt)}` : k.id === ownKey ? '有效（当前登录）' : '有效'),
            h('td', {}, k.revokedAt || k.id === ownKey ? null : h('button', {
              type: 'button', class: 'small-button danger', 'aria-label': `撤销密钥 ${k.id}`, onclick: () => revoke(k, names.get(k.userId)),
            }, '撤销')))))),
        h('h2', {}, '最近的修改记录'),
        audit.length === 0 ? empty('还没有修改记录。') : h('table', { class: 'data', id: 'audit-table' },
          h('thead', {}, h('tr', {}, h('th', {}, '时间'), h('th', {}, '用户'), h('th', {}, '操作'), h('th', { class: 'num' }, '结果'))),
          h('tbody', {}, audit.map((a) => h('tr', {},
            h('td', { class: 'date' }, when(a.at)), h('td', {}, a.userName ?? '（未登录）'),
            h('td', {}, h('code', {}, `${a.method} ${a.path}`)), h('td', { class: 'num' }, a.status))))));
    } catch (error) {
      if (isLatest()) {
        replace(lists, errorBlock(error, { retry: load }));
      }
    }
  }

  async function renderForm(notice) {
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const name = h('input', { id: 'user-name', name: 'name', autocomplete: 'off', required: true, maxlength: 100 });
    const role = select({ id: 'user-role', name: 'role' }, Object.entries(ROLES).map(([value, label]) => ({ value, label })), 'viewer');
    const teams = await api.home().then((home) => home.teams).catch(() => []);
    const team = select({ id: 'user-team', name: 'team' }, [{ value: '', label: '（无）' }, ...teams.map((t) => ({ value: t.id, label: t.name }))], '');
    const form = h('form', { class: 'edit-form', id: 'create-user', onsubmit: submit },
      h('h2', {}, '新建用户'),
      field('名称', name),
      field('角色', role),
      field('驻点专班', team, '驻点专班成员必须选择专班'),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '创建用户并生成密钥')),
      status);
    replace(side, notice ?? null, form);

    async function submit(event) {
      event.preventDefault();
      replace(status, loading('正在创建…'));
      try {
        const created = await api.createUser({ name: name.value.trim(), role: role.value, team: team.value || null });
        await renderForm(shownOnce(`已创建用户“${created.user.name}”（${ROLES[created.user.role] ?? created.user.role}）。`, created.token));
        load();
      } catch (error) {
        replace(status, errorBlock(error));
      }
    }
  }

  async function newKey(user) {
    try {
      const created = await api.createKey({ userId: user.id, label: '网页创建' });
      await renderForm(shownOnce(`已为“${user.name}”生成新密钥。`, created.token));
      load();
    } catch (error) {
      replace(side, errorBlock(error));
    }
  }

  async function revoke(key, userName) {
    if (!window.confirm(`撤销 ${userName ?? key.userId} 的密钥 ${key.id}？使用它的人将立即无法访问。`)) {
      return;
    }
    try {
      await api.revokeKey(key.id);
      load();
    } catch (error) {
      replace(side, errorBlock(error));
    }
  }
}

/** The new key, shown once: the service stores only its hash. */
function shownOnce(message, token) {
  const text = h('input', { id: 'new-key', readonly: true, value: token, 'aria-label': '新密钥' });
  return h('div', { class: 'state state-ok', role: 'status' },
    h('p', {}, message),
    h('p', {}, h('strong', {}, '请立即复制并交给使用者：密钥只显示这一次。')),
    text,
    h('button', {
      type: 'button', onclick: async (e) => {
        text.select();
        try {
          await navigator.clipboard.writeText(token);
          e.target.textContent = '已复制';
        } catch {
          e.target.textContent = '请按 Ctrl+C 复制';
        }
      },
    }, '复制'));
}
