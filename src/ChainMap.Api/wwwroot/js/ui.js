// Shared pieces of every view: loading, empty and error states, the pager, page headings.

import { h, number } from './dom.js';

export function loading(text = '正在加载…') {
  return h('p', { class: 'state state-loading', role: 'status' }, text);
}

export function empty(text) {
  return h('p', { class: 'state state-empty' }, text);
}

/** A note about something the service does not offer yet. */
export function pending(text) {
  return h('p', { class: 'state state-pending' }, text);
}

const HEADLINES = {
  0: '无法连接到服务',
  400: '输入有误',
  401: '未登录或 API 密钥无效',
  403: '当前角色无权执行此操作',
  404: '未找到',
  409: '与现有数据冲突',
  413: '上传内容过大',
  429: '请求过于频繁，请稍后再试',
  503: '数据存储暂不可用',
};

function headline(status) {
  if (HEADLINES[status]) {
    return HEADLINES[status];
  }
  return status >= 500 ? '服务器出错' : `请求失败（HTTP ${status}）`;
}

/**
 * The error in words: a Chinese headline for the status, then the service's own title, detail and
 * per-field messages (ProblemDetails), so the user learns what was wrong and where. explain adds
 * a sentence of the view's own.
 */
export function errorBlock(error, { retry, explain } = {}) {
  const status = error?.status ?? 0;
  const lines = [];
  if (error?.title && error.title !== error.detail) {
    lines.push(h('p', { class: 'problem-title' }, error.title));
  }
  if (error?.detail || (!error?.title && error?.message)) {
    lines.push(h('p', { class: 'problem-detail' }, error.detail ?? error.message));
  }
  const fields = error?.errors ? Object.entries(error.errors) : [];
  return h('div', { class: 'state state-error', role: 'alert' },
    h('strong', {}, `${headline(status)}${status ? `（${status}）` : ''}`),
    explain ? h('p', {}, explain) : null,
    lines,
    fields.length > 0
      ? h('ul', { class: 'problem-errors' }, fields.map(([field, messages]) =>
        h('li', {}, h('code', {}, field || '（整体）'), '：', [].concat(messages).join('；'))))
      : null,
    retry ? h('button', { type: 'button', class: 'link', onclick: retry }, '重试') : null);
}

/** « 上一页 · 第 2 / 13 页 · 共 250 条 · 下一页 » */
export function pager({ page, pageSize, total }, onPage) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h('nav', { class: 'pager', 'aria-label': '分页' },
    h('button', { type: 'button', disabled: page <= 1, onclick: () => onPage(page - 1) }, '‹ 上一页'),
    h('span', { class: 'pager-info' }, `第 ${page} / ${pages} 页 · 共 ${number(total)} 条`),
    h('button', { type: 'button', disabled: page >= pages, onclick: () => onPage(page + 1) }, '下一页 ›'));
}

/** A view heading with optional tools on the right. */
export function heading(title, ...tools) {
  return h('div', { class: 'view-head' }, h('h1', {}, title), h('div', { class: 'view-tools' }, tools));
}

/** A labelled form control: label text above the control. */
export function field(label, control, hint) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control, hint ? h('small', { class: 'field-hint' }, hint) : null);
}

/**
 * Guards against late answers when parameters change quickly: const next = generations(); then per
 * render: const isLatest = next(); await ...; if (!isLatest()) return;
 */
export function generations() {
  let counter = 0;
  return () => {
    const mine = ++counter;
    return () => mine === counter;
  };
}
