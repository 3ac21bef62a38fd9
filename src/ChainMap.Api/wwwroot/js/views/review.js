// 审核: the membership review queue. Filters (chain, segment, region, status, import job), the list with
// its evidence, rows selected by checkbox or from the keyboard, and bulk confirm / reject / move.
// Keys in the list: ↑/↓ move between rows, Space selects the row, a confirms and r rejects the selected
// rows (or the current one when none is selected), m moves them to the segment chosen in 移至.
// A chain-level membership (环节待定, ADR 0370) shows its suggested segments as one-click 定环节 buttons and the chain's
// other segments in a list (ADR 0405); 只看环节待定 lists only those. When a listed one was stored without suggestions (before
// ADR 0405), 为环节待定的企业生成建议 runs the job that gives them theirs and lists the page again (ADR 0425).
// 重新分类全部企业 (analysts and admins) classifies every stored company again with the current chain definitions and rules
// (ADR 0136): only the classifier's memberships change; the page shows the job's progress and counts, then lists again.
// Route: #/review?status=unconfirmed&chain=ZQ&segment=ZQ-SAN&chainLevel=1&region=320000&import=job-id&page=2

import * as api from '../api.js';
import * as router from '../router.js';
import { h, replace, select } from '../dom.js';
import { regionPicker } from '../region-picker.js';
import { loading, empty, errorBlock, pager, generations } from '../ui.js';
import { can } from '../session.js';

const JOB_POLL_MS = 500;

const STATUSES = [
  { value: 'unconfirmed', label: '待确认' },
  { value: 'low', label: '低置信度' },
  { value: 'confirmed', label: '已确认' },
  { value: 'all', label: '全部' },
];

export function mount(root, initial) {
  const page = h('section', { class: 'view-review' });
  replace(root, page);
  const nextList = generations();
  let params = {};
  let rows = [];
  const selected = new Set();
  const toolbar = h('div', { class: 'toolbar' });
  const actions = h('div', { class: 'toolbar review-actions' });
  const table = h('div', { class: 'table-area' });
  const status = h('p', { class: 'review-status', role: 'status', 'aria-live': 'polite' });
  page.append(toolbar, actions, status, table);

  update(initial);
  return { update };

  async function update(next) {
    params = next;
    try {
      const chains = await api.listChains();
      renderToolbar(chains);
      await renderList();
    } catch (error) {
      replace(table, errorBlock(error, { retry: () => update(params) }));
    }
  }

  function statusValue() {
    return params.status ?? 'unconfirmed';
  }

  function renderToolbar(chains) {
    const importField = h('input', { type: 'text', id: 'review-import', value: params.import ?? '', placeholder: '导入任务编号', 'aria-label': '导入任务' });
    replace(toolbar,
      h('h1', {}, '环节归属审核'),
      h('label', { class: 'inline-field' }, '状态',
        select({ id: 'review-status', onchange: (e) => router.setParams({ status: e.target.value === 'unconfirmed' ? null : e.target.value, page: null }) },
          STATUSES, statusValue())),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'review-chain', onchange: (e) => router.setParams({ chain: e.target.value || null, segment: null, page: null }) },
          [{ value: '', label: '全部产业链' }, ...chains.map((c) => ({ value: c.code, label: c.name }))], params.chain ?? '')),
      h('label', { class: 'inline-field' }, '环节',
        h('input', { type: 'text', id: 'review-segment', value: params.segment ?? '', placeholder: '环节代码或名称', 'aria-label': '环节',
          disabled: Boolean(params.chainLevel), onchange: (e) => router.setParams({ segment: e.target.value.trim() || null, page: null }) })),
      h('label', { class: 'inline-field' },
        h('input', { type: 'checkbox', id: 'review-chain-level', checked: Boolean(params.chainLevel),
          onchange: (e) => router.setParams({ chainLevel: e.target.checked ? '1' : null, segment: null, page: null }) }),
        '只看环节待定'),
      h('div', { class: 'inline-field' }, h('span', {}, '地区'),
        regionPicker({ value: params.region ?? '', onChange: (region) => router.setParams({ region, page: null }) })),
      h('form', { class: 'inline-form', onsubmit: (e) => { e.preventDefault(); router.setParams({ import: importField.value.trim() || null, page: null }); } },
        importField, h('button', { type: 'submit' }, '按导入筛选')));
  }

  async function renderList() {
    const isLatest = nextList();
    const pageNumber = Math.max(1, Number.parseInt(params.page ?? '1', 10) || 1);
    replace(table, loading('正在加载待审核的环节归属…'));
    const s = statusValue();
    const result = await api.memberships({
      status: s === 'all' ? null : s, chain: params.chain, segment: params.chainLevel ? null : params.segment, chainLevel: params.chainLevel ? true : null,
      region: params.region, import: params.import, page: pageNumber,
    });
    const segmentsOf = await chainSegments(result.items);
    if (!isLatest()) {
      return;
    }
    rows = result.items;
    selected.clear();
    renderActions(rows.some(lacksSuggestions));
    if (rows.length === 0) {
      replace(table, empty('没有符合条件的环节归属。'));
      return;
    }
    const body = h('tbody', {}, ...rows.map((r, i) => row(r, i, segmentsOf)));
    const all = h('input', { type: 'checkbox', 'aria-label': '全选', onchange: (e) => { rows.forEach((_, i) => toggle(i, e.target.checked)); } });
    const grid = h('table', { class: 'data-table review-table', id: 'review-table', tabindex: '0', 'aria-label': '待审核列表：↑↓ 移动，空格选择，a 确认，r 驳回，m 移至' },
      h('thead', {}, h('tr', {}, h('th', {}, all), h('th', {}, '企业'), h('th', {}, '地区'), h('th', {}, '环节'), h('th', {}, '角色'),
        h('th', {}, '置信度'), h('th', {}, '依据'), h('th', {}, '状态'), h('th', {}, '来源'))),
      body);
    grid.addEventListener('keydown', onKey);
    replace(table, grid, h('p', { class: 'hint' }, `共 ${result.total} 条。键盘：↑↓ 移动，空格 选择，a 确认，r 驳回，m 移至所选环节。`),
      pager(result, (p) => router.setParams({ page: p > 1 ? String(p) : null })));
  }

  /** Chain code → its segments ({ code, name }) for the chains of the chain-level rows: what 定环节 offers. */
  async function chainSegments(items) {
    const chains = [...new Set(items.filter(isChainLevel).map((r) => r.chain))];
    const definitions = await Promise.all(chains.map((code) => api.getChain(code)));
    return new Map(definitions.map((d) => [d.code, d.segments.map((x) => ({ code: x.code, name: x.name }))]));
  }

  function isChainLevel(r) {
    return r.segment === r.chain;
  }

  /** A classifier's chain-level membership stored before ADR 0405: its evidence suggests no segment. */
  function lacksSuggestions(r) {
    return isChainLevel(r) && (r.suggestedSegments ?? []).length === 0 && (r.source ?? '').startsWith('classifier:');
  }

  /** Runs the suggestion job (ADR 0425), waits for it and lists the page again with the suggestions. */
  async function suggest(button) {
    await runJob(button, '正在为环节待定的企业生成建议…', api.suggestChainLevelSegments, null,
      (job) => (job.state === 'succeeded' ? `已生成建议：${job.updated} 家企业的环节待定有了可定环节。` : `生成建议未完成：${job.message ?? job.state}`));
  }

  /** Runs the re-classification job (ADR 0136) after the user agrees, shows its progress, then lists the page again. */
  async function reclassify(button) {
    if (!window.confirm('用当前的产业链定义和分类规则重新判断全部企业的环节归属？\n只替换分类器给出的归属：文件指定的、分析员确认或修改过的归属不变，驳回过的环节不会再给出。企业多时需要几分钟，期间可以继续使用。')) {
      return;
    }
    await runJob(button, '正在重新分类全部企业…', api.reclassifyCompanies,
      (job) => `正在重新分类全部企业…已读取 ${job.rowsRead} 家`,
      (job) => {
        api.reclassified();
        return job.state === 'succeeded'
          ? `重新分类完成：读取 ${job.rowsRead} 家企业，${job.updated} 家的归属有变，${job.unassigned} 家不在任何环节，待确认归属 ${job.unconfirmed} 条。`
          : `重新分类未完成：${job.message ?? job.state}`;
      });
  }

  /**
   * Starts a job with `start`, polls it every half second (`progress(job)` the status meanwhile, when given), then lists the
   * page again and shows `outcome(job)`. A refusal re-enables the button and says why.
   */
  async function runJob(button, startText, start, progress, outcome) {
    button.disabled = true;
    status.textContent = startText;
    try {
      let job = await start();
      while (job.state === 'queued' || job.state === 'running') {
        await new Promise((resolve) => { setTimeout(resolve, JOB_POLL_MS); });
        job = await api.importJob(job.id);
        if (progress) {
          status.textContent = progress(job);
        }
      }
      const text = outcome(job);
      await renderList();
      status.textContent = text;
    } catch (error) {
      button.disabled = false;
      status.textContent = `操作未执行：${error.message ?? '失败'}`;
    }
  }

  /** 环节待定: one button per suggested segment, then every segment of the chain in a list (ADR 0405). */
  function giveSegment(r, segments) {
    const suggested = (r.suggestedSegments ?? []).map((code) => segments.find((x) => x.code === code)).filter(Boolean);
    const list = h('select', { class: 'give-segment small', 'aria-label': `选择环节：${r.companyName}` },
      [...suggested, ...segments.filter((x) => !suggested.includes(x))].map((x) => h('option', { value: x.code }, x.name)));
    return h('div', { class: 'give-segments' },
      suggested.map((x) => h('button', { type: 'button', class: 'small-button give-suggested', 'data-segment': x.code, 'aria-label': `定环节：${r.companyName} → ${x.name}`,
        title: '分类器依据所指的环节', onclick: () => give(r, x.code) }, `定环节 → ${x.name}`)),
      list,
      h('button', { type: 'button', class: 'small-button give-listed', onclick: () => give(r, list.value) }, '定环节'));
  }

  async function give(r, toSegment) {
    try {
      await api.reviewMemberships([{ companyId: r.companyId, segment: r.segment, action: 'move', toSegment }]);
      await renderList();
      status.textContent = `已定环节：${r.companyName} → ${toSegment}`;
    } catch (error) {
      status.textContent = `操作未执行：${error.message ?? '失败'}`;
    }
  }

  function row(r, i, segmentsOf) {
    const box = h('input', { type: 'checkbox', class: 'review-select', 'aria-label': `选择：${r.companyName} · ${r.segmentName ?? r.segment}`, onchange: (e) => toggle(i, e.target.checked) });
    return h('tr', { class: 'review-row', 'data-index': String(i), 'data-company': String(r.companyId), 'data-segment': r.segment, tabindex: '-1',
      onclick: (e) => { if (e.target.tagName !== 'INPUT' && e.target.tagName !== 'A') { focusRow(i); } } },
    h('td', {}, box),
    h('td', {}, h('a', { href: router.href('companies', { id: String(r.companyId) }) }, r.companyName)),
    h('td', {}, r.regionName),
    h('td', {}, `${r.segmentName ?? r.segment}（${r.segment}）`, isChainLevel(r) && segmentsOf.has(r.chain) ? giveSegment(r, segmentsOf.get(r.chain)) : null),
    h('td', {}, r.role ?? ''),
    h('td', {}, r.confidence.toFixed(2)),
    h('td', { class: 'evidence' }, r.evidence ?? ''),
    h('td', {}, r.status === 'unconfirmed' ? '待确认' : '已确认'),
    h('td', {}, r.source ?? ''));
  }

  function rowElements() {
    return [...table.querySelectorAll('tr.review-row')];
  }

  function toggle(i, on) {
    const tr = rowElements()[i];
    if (!tr) {
      return;
    }
    if (on) {
      selected.add(i);
    } else {
      selected.delete(i);
    }
    tr.classList.toggle('selected', on);
    tr.setAttribute('aria-selected', on ? 'true' : 'false');
    tr.querySelector('input.review-select').checked = on;
    status.textContent = `已选 ${selected.size} 条`;
  }

  function current() {
    const active = document.activeElement?.closest?.('tr.review-row');
    return active ? Number(active.dataset.index) : -1;
  }

  function focusRow(i) {
    const list = rowElements();
    if (list.length === 0) {
      return;
    }
    const target = list[Math.max(0, Math.min(list.length - 1, i))];
    list.forEach((tr) => tr.classList.remove('current'));
    target.classList.add('current');
    target.focus();
  }

  function onKey(e) {
    if (e.target.tagName === 'INPUT' && e.target.type !== 'checkbox') {
      return;
    }
    const i = current();
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        focusRow(i + 1);
        break;
      case 'ArrowUp':
        e.preventDefault();
        focusRow(i < 0 ? 0 : i - 1);
        break;
      case ' ':
        if (i >= 0) {
          e.preventDefault();
          toggle(i, !selected.has(i));
        }
        break;
      case 'a':
        e.preventDefault();
        apply('confirm');
        break;
      case 'r':
        e.preventDefault();
        apply('reject');
        break;
      case 'm':
        e.preventDefault();
        apply('move');
        break;
      default:
    }
  }

  function renderActions(offerSuggestions) {
    const target = h('input', { type: 'text', id: 'review-move-to', placeholder: '目标环节代码或名称', 'aria-label': '移至环节' });
    replace(actions,
      h('button', { type: 'button', class: 'primary', id: 'review-confirm', onclick: () => apply('confirm') }, '确认所选'),
      h('button', { type: 'button', id: 'review-reject', onclick: () => apply('reject') }, '驳回所选'),
      h('label', { class: 'inline-field' }, '移至', target),
      h('button', { type: 'button', id: 'review-move', onclick: () => apply('move') }, '移动所选'),
      offerSuggestions
        ? h('button', { type: 'button', id: 'review-suggest', title: '这些环节待定的归属存于可定环节之前：为它们生成建议，其他归属不变',
          onclick: (e) => suggest(e.currentTarget) }, '为环节待定的企业生成建议')
        : null,
      can.editChains()
        ? h('button', { type: 'button', id: 'review-reclassify', title: '用当前的产业链定义和分类规则重新判断全部企业的环节归属；文件指定的、分析员确认或修改过的归属不变',
          onclick: (e) => reclassify(e.currentTarget) }, '重新分类全部企业')
        : null);
  }

  async function apply(action) {
    const indexes = selected.size > 0 ? [...selected].sort((a, b) => a - b) : (current() >= 0 ? [current()] : []);
    if (indexes.length === 0) {
      status.textContent = '请先选择要审核的行（勾选，或用 ↑↓ 和空格）。';
      return;
    }
    const toSegment = document.getElementById('review-move-to')?.value.trim();
    if (action === 'move' && !toSegment) {
      status.textContent = '移动前请在“移至”中填写目标环节。';
      document.getElementById('review-move-to')?.focus();
      return;
    }
    const items = indexes.map((i) => ({ companyId: rows[i].companyId, segment: rows[i].segment, action, toSegment: action === 'move' ? toSegment : null }));
    try {
      await api.reviewMemberships(items);
      const done = { confirm: '已确认', reject: '已驳回', move: '已移动' }[action];
      await renderList();
      status.textContent = `${done} ${items.length} 条`;
      focusRow(Math.min(indexes[0], rows.length - 1));
    } catch (error) {
      status.textContent = `操作未执行：${error.message ?? '失败'}`;
    }
  }
}
