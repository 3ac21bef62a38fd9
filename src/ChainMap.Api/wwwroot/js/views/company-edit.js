// The editable part of a company's detail (issue 16): where each value came from (an import's file, or the analyst who
// set it), and for analysts and admins an edit form that sends only the changed fields with the version it was read at,
// and a delete button with an inline confirmation. The service's refusals (stale version, bad value, another company's
// name, projects that refer to the company) are shown as it words them.

import * as api from '../api.js';
import * as session from '../session.js';
import { h, replace } from '../dom.js';

const FIELD_LABELS = {
  name: '企业名称',
  uscc: '统一社会信用代码',
  region: '所在地区',
  registered_capital: '注册资本',
  founded: '成立日期',
  employees: '员工',
  revenue: '营业收入',
  listed_code: '股票代码',
  tags: '标签',
  products: '主营产品',
  address: '地址',
  industry: '行业',
  scope: '经营范围',
};

/** The form's inputs: wire field, label, input type, and the company's value as the input shows it. */
const INPUTS = [
  ['name', '企业名称', 'text', (c) => c.name],
  ['region', '所在地区（代码或名称）', 'text', (c) => c.regionCode],
  ['registeredCapital', '注册资本（万元）', 'number', (c) => c.registeredCapital ?? ''],
  ['revenue', '营业收入（万元）', 'number', (c) => c.revenue ?? ''],
  ['employees', '员工人数', 'number', (c) => c.employees ?? ''],
  ['founded', '成立日期', 'date', (c) => c.founded ?? ''],
  ['listedCode', '股票代码', 'text', (c) => c.listedCode ?? ''],
  ['products', '主营产品', 'text', (c) => c.products ?? ''],
  ['address', '地址', 'text', (c) => c.address ?? ''],
  ['tags', '标签（用、分隔）', 'text', (c) => c.tags.join('、')],
];

/** "注册资本：分析员 张三 2026-12-04" or "注册资本：导入 名单.csv 2026-12-01", one line per field. */
export function provenanceList(provenance) {
  if (!provenance?.length) {
    return h('p', { class: 'muted', id: 'company-provenance' }, '没有记录来源。');
  }
  return h('ul', { class: 'provenance small', id: 'company-provenance' }, provenance.map((p) => h('li', {
    dataset: { field: p.field, source: p.source ?? 'import' },
  },
  `${FIELD_LABELS[p.field] ?? p.field}：`,
  p.source === 'analyst'
    ? h('span', { class: 'tag analyst' }, `analyst ${p.by ?? ''} ${day(p.at)}`)
    : h('span', { class: 'muted' }, `导入 ${p.file ?? ''} ${day(p.at)}`))));
}

/**
 * Edit and delete controls for analysts and admins (null for other roles: the detail stays read-only). onSaved gets
 * the new detail; onDeleted runs after a delete; onReload re-reads the company (after a stale version).
 */
export function editControls(c, { onSaved, onDeleted, onReload }) {
  if (!session.can.editChains()) {
    return null;
  }
  const area = h('div', { class: 'company-edit', id: 'company-edit' });
  showButtons();
  return area;

  function showButtons(message) {
    replace(area,
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'small-button', id: 'edit-company', onclick: showForm }, '编辑企业信息'),
        h('button', { type: 'button', class: 'small-button danger', id: 'delete-company', onclick: confirmDelete }, '删除企业')),
      message ?? null);
  }

  function showForm() {
    const inputs = new Map();
    const errors = new Map();
    const message = h('div', { class: 'form-message', id: 'company-edit-message', role: 'alert' });
    const form = h('form', { class: 'edit-form', id: 'company-edit-form', onsubmit: save },
      h('input', { type: 'hidden', name: 'version', value: String(c.version) }),
      h('p', { class: 'muted small' }, `版本 ${c.version}：保存时若他人已修改，将提示重新载入。`),
      INPUTS.map(([field, label, type, value]) => {
        const input = h('input', { type, name: field, id: `edit-${field}`, value: String(value(c)), step: type === 'number' ? 'any' : null });
        const error = h('span', { class: 'field-error state-error small', dataset: { field } });
        inputs.set(field, input);
        errors.set(field, error);
        return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), input, error);
      }),
      h('div', { class: 'form-actions' },
        h('button', { type: 'submit', class: 'primary', id: 'save-company' }, '保存'),
        h('button', { type: 'button', class: 'small-button', id: 'cancel-edit', onclick: () => showButtons() }, '取消')),
      message);
    replace(area, form);
    inputs.get('name').focus();

    async function save(e) {
      e.preventDefault();
      for (const error of errors.values()) {
        error.textContent = '';
      }
      replace(message);
      const changes = { version: c.version };
      for (const [field, , type, value] of INPUTS) {
        const text = inputs.get(field).value.trim();
        if (text === String(value(c)).trim()) {
          continue;
        }
        if (field === 'tags') {
          changes.tags = text ? text.split(/[、,，;；]/).map((t) => t.trim()).filter(Boolean) : [];
        } else if (type === 'number') {
          changes[field] = text === '' ? null : Number(text);
        } else {
          changes[field] = text === '' && field !== 'name' && field !== 'region' ? null : text;
        }
      }
      if (Object.keys(changes).length === 1) {
        replace(message, h('span', { class: 'muted' }, '没有修改任何字段。'));
        return;
      }
      const button = form.querySelector('#save-company');
      button.disabled = true;
      try {
        onSaved(await api.editCompany(c.id, changes));
      } catch (error) {
        button.disabled = false;
        for (const [field, messages] of Object.entries(error.errors ?? {})) {
          if (errors.has(field)) {
            errors.get(field).textContent = ` ${messages.join(' ')}`;
          }
        }
        const stale = error.status === 409 && error.currentVersion;
        replace(message,
          stale ? h('strong', {}, `该企业已被他人修改（现为版本 ${error.currentVersion}），本次修改未保存。`) : null,
          h('span', { class: 'state-error' }, error.message ?? '保存失败'),
          stale
            ? h('button', { type: 'button', class: 'small-button', id: 'reload-company', onclick: onReload }, '重新载入最新版本')
            : null);
      }
    }
  }

  function confirmDelete() {
    replace(area,
      h('p', { class: 'state state-pending' }, `确定删除“${c.name}”及其环节归属、关联关系和渠道联系？此操作不能撤销。`),
      h('div', { class: 'form-actions' },
        h('button', { type: 'button', class: 'primary danger', id: 'confirm-delete', onclick: remove }, '确认删除'),
        h('button', { type: 'button', class: 'small-button', id: 'cancel-delete', onclick: () => showButtons() }, '取消')));
  }

  async function remove(e) {
    e.currentTarget.disabled = true;
    try {
      await api.deleteCompany(c.id, c.version);
      onDeleted();
    } catch (error) {
      showButtons(h('p', { class: 'state-error', id: 'delete-refused', role: 'alert' },
        error.status === 409 && !error.currentVersion ? '无法删除：仍有项目引用该企业。' : '删除失败：', error.message ?? ''));
    }
  }
}

function day(at) {
  return at ? String(at).slice(0, 10) : '';
}
