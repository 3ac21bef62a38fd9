// 合并到…: on a company's detail, an analyst or admin picks the company it really is (by search) and merges this
// one into it (POST /api/companies/{picked}/merge {from: this}); the service's refusal (two USCCs, two open
// projects, ...) is shown as it says it. After a merge the page shows the company that was kept.

import * as api from '../api.js';
import * as session from '../session.js';
import { h, replace } from '../dom.js';
import { errorBlock } from '../ui.js';

/** The "合并到…" panel for company `c`; `onMerged(keptId)` is called after a merge. Null for users who may not change data. */
export function mergePanel(c, onMerged) {
  if (!session.can.editChains()) {
    return null;
  }
  const results = h('div', { id: 'merge-results' });
  const input = h('input', { type: 'search', id: 'merge-search', placeholder: '输入另一家企业的名称', 'aria-label': '要合并到的企业' });
  const search = async () => {
    const q = input.value.trim();
    if (!q) {
      replace(results);
      return;
    }
    try {
      const page = await api.companies({ q, pageSize: 10 });
      const others = page.items.filter((o) => o.id !== c.id);
      replace(results, others.length === 0
        ? h('p', { class: 'muted' }, '没有找到其他企业。')
        : h('ul', { class: 'merge-candidates' }, others.map((o) => h('li', {},
          `${o.name}（${o.regionName}${o.uscc ? ` · ${o.uscc}` : ''}） `,
          h('button', { type: 'button', class: 'small-button', 'data-merge-into': o.id, onclick: (e) => merge(e.currentTarget, o) }, '合并到此企业')))));
    } catch (error) {
      replace(results, errorBlock(error));
    }
  };
  const merge = async (button, kept) => {
    if (!window.confirm(`把「${c.name}」合并到「${kept.name}」？「${c.name}」的环节、关系、渠道、项目都将转到「${kept.name}」，本企业记录随后删除。`)) {
      return;
    }
    button.disabled = true;
    try {
      await api.mergeCompany(kept.id, c.id, { fromVersion: c.version });
      onMerged(kept.id);
    } catch (error) {
      button.disabled = false;
      replace(results, h('div', { id: 'merge-error' }, errorBlock(error)));
    }
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      search();
    }
  });
  return h('details', { class: 'merge-panel', id: 'merge-panel' },
    h('summary', {}, '合并到…'),
    h('p', { class: 'small muted' }, '同一家企业在名单里出现了两次？找到保留的那一家，把本企业合并过去。'),
    h('div', { class: 'row' }, input, h('button', { type: 'button', class: 'small-button', id: 'merge-search-button', onclick: search }, '查找')),
    results);
}
