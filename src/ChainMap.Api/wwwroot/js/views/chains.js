// 产业链维护: read a chain's segments (sub-segments indented) and flow edges; admins and analysts
// edit them. A segment is saved with PUT/POST on its own endpoint; flows and deletions replace the
// whole definition (PUT /api/chains/{code}). The service validates; its 400 problem is shown as is.
// Route: #/chains?chain=ZQ&segment=ZQ-HYD (that segment's form) or &add=segment (a new one)

import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import { h, replace, select, splitList } from '../dom.js';
import { CATEGORIES, TIERS, tierLabel } from '../labels.js';
import { loading, empty, errorBlock, field, generations } from '../ui.js';

export function mount(root, initial) {
  const page = h('section', { class: 'view-chains' });
  replace(root, page);
  const nextLoad = generations();
  let params = {};
  let chain = null;
  const toolbar = h('div', { class: 'toolbar' });
  const info = h('div', { class: 'note-row' });
  const table = h('div', { class: 'table-area' });
  const side = h('aside', { class: 'side-panel', 'aria-live': 'polite' });
  page.append(toolbar, info, h('div', { class: 'split' }, table, side));

  update(initial);
  return { update };

  async function update(next) {
    const previous = params;
    params = next;
    if (chain && previous.chain === next.chain) {
      renderSide();
      markSelected();
      return;
    }
    await load();
  }

  async function load(message) {
    const isLatest = nextLoad();
    replace(table, loading('正在加载产业链…'));
    try {
      const chains = await api.listChains();
      if (chains.length === 0) {
        replace(table, empty('还没有任何产业链。'));
        return;
      }
      if (!params.chain) {
        router.setParams({ chain: chains[0].code }, { replace: true });
        return;
      }
      const loaded = await api.getChain(params.chain);
      if (!isLatest()) {
        return;
      }
      chain = loaded;
      renderToolbar(chains);
      renderTable();
      renderSide(message);
    } catch (error) {
      if (isLatest()) {
        replace(table, errorBlock(error, { retry: () => load() }));
      }
    }
  }

  function renderToolbar(chains) {
    const editable = session.can.editChains();
    replace(toolbar,
      h('h1', {}, '产业链维护'),
      h('label', { class: 'inline-field' }, '产业链',
        select({ id: 'chain-select', onchange: (e) => router.setParams({ chain: e.target.value, segment: null, add: null }) },
          chains.map((c) => ({ value: c.code, label: c.name })), chain.code)),
      editable ? h('button', { type: 'button', id: 'add-segment', onclick: () => router.setParams({ add: 'segment', segment: null }) }, '＋ 新增环节') : null,
      h('a', { class: 'link', href: router.href('map', { chain: chain.code }) }, '查看图谱 →'));
    replace(info,
      h('strong', {}, chain.name), h('span', { class: 'muted' }, ` · ${chain.code} · ${CATEGORIES[chain.category] ?? chain.category}`),
      h('span', { class: 'muted' }, ` · ${chain.segments.length} 个环节 · ${chain.flows.length} 条供给关系`),
      editable ? null : h('span', { class: 'muted' }, ' · 只读（编辑需要管理员或分析员角色）'),
      chain.description ? h('p', { class: 'small' }, chain.description) : null);
  }

  function ordered() {
    // Tier by tier; each sub-segment right under its parent.
    const rows = [];
    for (const tier of TIERS) {
      const inTier = chain.segments.filter((s) => s.tier === tier.value);
      const codes = new Set(inTier.map((s) => s.code));
      const place = (segment, depth) => {
        rows.push({ segment, depth });
        inTier.filter((s) => s.parent === segment.code).forEach((s) => place(s, depth + 1));
      };
      inTier.filter((s) => !s.parent || !codes.has(s.parent)).forEach((s) => place(s, 0));
    }
    return rows;
  }

  function renderTable() {
    const editable = session.can.editChains();
    if (chain.segments.length === 0) {
      replace(table, empty('这条产业链还没有环节。'));
      return;
    }
    let lastTier = null;
    const body = [];
    for (const { segment: s, depth } of ordered()) {
      if (s.tier !== lastTier) {
        lastTier = s.tier;
        body.push(h('tr', { class: 'group-row' }, h('th', { colspan: editable ? 5 : 4 }, tierLabel(s.tier))));
      }
      body.push(h('tr', { dataset: { code: s.code } },
        h('td', { class: 'code' }, h('code', {}, s.code)),
        h('td', { class: `name depth-${Math.min(depth, 3)}` }, h('a', { href: router.href('chains', { chain: chain.code, segment: s.code }) }, s.name)),
        h('td', { class: 'small' }, s.aliases.join('、')),
        h('td', { class: 'small' }, s.keywords.slice(0, 6).join('、') + (s.keywords.length > 6 ? '…' : '')),
        editable ? h('td', {}, h('button', {
          type: 'button', class: 'small-button edit-segment', 'aria-label': `编辑 ${s.name}`,
          onclick: () => router.setParams({ segment: s.code, add: null }),
        }, '编辑')) : null));
    }
    replace(table, h('table', { class: 'data', id: 'segments-table' },
      h('thead', {}, h('tr', {}, h('th', {}, '编码'), h('th', {}, '名称'), h('th', {}, '别名'), h('th', {}, '关键词'), editable ? h('th', {}, '操作') : null)),
      h('tbody', {}, body)));
    markSelected();
  }

  function markSelected() {
    for (const row of table.querySelectorAll('tr[data-code]')) {
      row.classList.toggle('selected', row.dataset.code === params.segment);
    }
  }

  function renderSide(message) {
    const notice = message ? h('p', { class: 'state state-ok', role: 'status' }, message) : null;
    if (params.add === 'segment' && session.can.editChains()) {
      replace(side, notice, segmentForm(null));
      return;
    }
    const segment = params.segment ? chain.segments.find((s) => s.code === params.segment) : null;
    if (params.segment && !segment) {
      replace(side, errorBlock({ status: 404, title: '环节不存在', detail: `产业链 ${chain.name} 中没有编码为 ${params.segment} 的环节。` }));
      return;
    }
    if (segment) {
      replace(side, notice, session.can.editChains() ? segmentForm(segment) : segmentFacts(segment));
      return;
    }
    replace(side, notice, flowsPanel());
  }

  function nameOf(code) {
    return chain.segments.find((s) => s.code === code)?.name ?? code;
  }

  function segmentFacts(s) {
    const line = (label, value) => [h('dt', {}, label), h('dd', {}, value || '—')];
    return h('div', {},
      h('div', { class: 'panel-head' }, h('h2', {}, s.name),
        h('a', { class: 'link close', 'aria-label': '关闭', href: router.href('chains', { chain: chain.code }) }, '×')),
      h('dl', { class: 'facts' },
        line('编码', s.code), line('层级', tierLabel(s.tier)), line('上级环节', s.parent ? nameOf(s.parent) : ''),
        line('别名', s.aliases.join('、')), line('主营产品', s.products.join('、')),
        line('关键词', s.keywords.join('、')), line('行业代码', s.industryCodes.join('、'))),
      flowList(chain.flows.filter((f) => f.from === s.code || f.to === s.code), false));
  }

  function segmentForm(s) {
    const isNew = s === null;
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const input = (name, value, attrs = {}) => h('input', { name, value: value ?? '', autocomplete: 'off', ...attrs });
    const code = input('code', s?.code ?? `${chain.code}-`, { readonly: !isNew, required: true });
    const name = input('name', s?.name, { required: true, id: 'segment-name' });
    const tier = select({ name: 'tier' }, TIERS, s?.tier ?? 'upstream');
    const parent = select({ name: 'parent' }, [{ value: '', label: '（无，作为顶层环节）' },
      ...chain.segments.filter((x) => x.code !== s?.code).map((x) => ({ value: x.code, label: `${tierLabel(x.tier)} · ${x.name}` }))], s?.parent ?? '');
    const list = (n, values) => h('textarea', { name: n, rows: 2 }, (values ?? []).join('、'));
    const aliases = list('aliases', s?.aliases);
    const products = list('products', s?.products);
    const keywords = list('keywords', s?.keywords);
    const industryCodes = input('industryCodes', (s?.industryCodes ?? []).join('、'));
    const save = h('button', { type: 'submit', class: 'primary', id: 'save-segment' }, isNew ? '创建环节' : '保存');
    const form = h('form', { class: 'edit-form', onsubmit: submit },
      h('div', { class: 'panel-head' }, h('h2', {}, isNew ? '新增环节' : `编辑环节：${s.name}`),
        h('a', { class: 'link close', 'aria-label': '关闭', href: router.href('chains', { chain: chain.code }) }, '×')),
      field('编码', code, isNew ? '字母、数字和连字符，如 ZQ-NEWPART；创建后不能修改' : null),
      field('名称', name),
      h('div', { class: 'field-row' }, field('层级', tier), field('上级环节', parent)),
      field('别名', aliases, '多个值用顿号、逗号或换行分隔'),
      field('主营产品', products),
      field('关键词', keywords, '用于把企业自动归入环节'),
      field('行业代码', industryCodes, 'GB/T 4754 行业代码'),
      h('div', { class: 'form-actions' }, save,
        isNew ? null : h('button', { type: 'button', class: 'danger', onclick: () => removeSegment(s, status) }, '删除环节')),
      status,
      isNew ? null : flowList(chain.flows.filter((f) => f.from === s.code || f.to === s.code), false));
    return form;

    async function submit(event) {
      event.preventDefault();
      const body = {
        code: code.value.trim(),
        name: name.value.trim(),
        tier: tier.value,
        parent: parent.value || null,
        aliases: splitList(aliases.value),
        products: splitList(products.value),
        keywords: splitList(keywords.value),
        industryCodes: splitList(industryCodes.value),
      };
      save.disabled = true;
      replace(status, h('p', { class: 'state state-loading' }, '正在保存…'));
      try {
        const saved = isNew ? await api.addSegment(chain.code, body) : await api.updateSegment(chain.code, s.code, body);
        chain = null;
        router.setParams({ segment: saved.code, add: null }, { replace: true });
        await load(`已保存环节“${saved.name}”。`);
      } catch (error) {
        replace(status, errorBlock(error));
        save.disabled = false;
      }
    }
  }

  async function removeSegment(s, status) {
    if (!window.confirm(`删除环节“${s.name}”及其供给关系？企业与该环节的归属也会失去对应环节。`)) {
      return;
    }
    const definition = {
      ...chain,
      segments: chain.segments.filter((x) => x.code !== s.code),
      flows: chain.flows.filter((f) => f.from !== s.code && f.to !== s.code),
    };
    await saveDefinition(definition, `已删除环节“${s.name}”。`, status, { segment: null });
  }

  async function saveDefinition(definition, message, status, paramsAfter = {}) {
    replace(status, h('p', { class: 'state state-loading' }, '正在保存…'));
    try {
      await api.saveChain(chain.code, definition);
      if (Object.keys(paramsAfter).length > 0) {
        router.setParams(paramsAfter, { replace: true });
      }
      chain = null;
      await load(message);
    } catch (error) {
      replace(status, errorBlock(error));
    }
  }

  function flowList(flows, removable) {
    if (flows.length === 0) {
      return h('div', {}, h('h3', {}, '供给关系'), empty('没有供给关系。'));
    }
    return h('div', {},
      h('h3', {}, `供给关系（${flows.length}）`),
      h('ul', { class: 'flow-list', id: removable ? 'flows' : null }, flows.map((f) => h('li', {},
        h('span', { class: 'flow' }, nameOf(f.from), ' → ', nameOf(f.to)),
        f.description ? h('span', { class: 'muted small' }, ` ${f.description}`) : null,
        removable ? h('button', {
          type: 'button', class: 'small-button', 'aria-label': `删除 ${nameOf(f.from)} → ${nameOf(f.to)}`,
          onclick: (e) => removeFlow(f, e.target.closest('aside').querySelector('.form-status')),
        }, '删除') : null))));
  }

  function flowsPanel() {
    const editable = session.can.editChains();
    const status = h('div', { class: 'form-status', 'aria-live': 'polite' });
    const options = [{ value: '', label: '选择环节…' }, ...ordered().map(({ segment: s, depth }) =>
      ({ value: s.code, label: `${tierLabel(s.tier)} · ${'　'.repeat(depth)}${s.name}` }))];
    const from = select({ name: 'from', 'aria-label': '上游环节' }, options, '');
    const to = select({ name: 'to', 'aria-label': '下游环节' }, options, '');
    const description = h('input', { name: 'description', placeholder: '说明（可选）', autocomplete: 'off' });
    const add = editable ? h('form', { class: 'edit-form', id: 'add-flow', onsubmit: addFlow },
      h('h3', {}, '新增供给关系'),
      h('div', { class: 'field-row' }, field('从', from), field('到', to)),
      field('说明', description),
      h('div', { class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, '添加')),
    ) : null;
    return h('div', {},
      h('p', { class: 'muted small' }, editable ? '点击环节名称或“编辑”修改环节；供给关系在下方增删。' : '点击环节名称查看详情。'),
      add,
      status,
      flowList(chain.flows, editable));

    async function addFlow(event) {
      event.preventDefault();
      const flow = { from: from.value, to: to.value, description: description.value.trim() };
      if (!flow.from || !flow.to) {
        replace(status, errorBlock({ status: 400, title: '请选择上游和下游环节' }));
        return;
      }
      await saveDefinition({ ...chain, flows: [...chain.flows, flow] }, `已添加供给关系：${nameOf(flow.from)} → ${nameOf(flow.to)}。`, status);
    }
  }

  async function removeFlow(flow, status) {
    const flows = chain.flows.filter((f) => !(f.from === flow.from && f.to === flow.to));
    await saveDefinition({ ...chain, flows }, `已删除供给关系：${nameOf(flow.from)} → ${nameOf(flow.to)}。`, status);
  }
}
