// Sign-in: paste an API key; GET /api/me checks it; the key is kept in sessionStorage.

import * as api from '../api.js';
import * as session from '../session.js';
import { h, replace } from '../dom.js';
import { errorBlock } from '../ui.js';
import { ROLES } from '../labels.js';

/** params.next: the route to go back to after signing in; params.reason: why the user is here. */
export function mount(root, params, { onSignedIn }) {
  const input = h('input', {
    id: 'api-key', type: 'password', name: 'api-key', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'cmk_…', required: true, 'aria-describedby': 'api-key-hint',
  });
  const message = h('div', { class: 'signin-message', 'aria-live': 'polite' });
  const button = h('button', { type: 'submit', class: 'primary' }, '登录');
  const form = h('form', { class: 'signin-form', onsubmit: submit },
    h('h1', {}, '登录'),
    h('p', {}, '请粘贴管理员发给您的 API 密钥（以 cmk_ 开头）。密钥只保存在本浏览器标签页中，关闭标签页即失效。'),
    h('label', { for: 'api-key', class: 'field-label' }, 'API 密钥'),
    input,
    h('small', { id: 'api-key-hint', class: 'field-hint' }, '首次启动服务时，管理员密钥会在服务器控制台打印一次。'),
    button,
    message);
  if (params.reason === 'expired') {
    message.append(h('p', { class: 'state state-error', role: 'alert' }, '登录已失效（密钥无效或已被撤销），请重新输入 API 密钥。'));
  }
  replace(root, h('section', { class: 'signin' }, form));
  input.focus();

  async function submit(event) {
    event.preventDefault();
    const key = input.value.trim();
    if (!/^cmk_[^_\s]+_\S+$/.test(key)) {
      replace(message, h('p', { class: 'state state-error', role: 'alert' }, 'API 密钥的格式应为 cmk_<编号>_<密文>，请检查是否复制完整。'));
      return;
    }
    button.disabled = true;
    replace(message, h('p', { class: 'state state-loading', role: 'status' }, '正在验证…'));
    try {
      const me = await api.me(key);
      session.signIn(key, me);
      replace(message, h('p', { class: 'state' }, `欢迎，${me.name}（${ROLES[me.role] ?? me.role}）`));
      onSignedIn(params.next);
    } catch (error) {
      replace(message, errorBlock(error, {
        explain: error.status === 401 ? '服务不认识这个密钥，或它已被撤销。请向管理员确认密钥后重试。' : null,
      }));
      button.disabled = false;
      input.select();
    }
  }
}
