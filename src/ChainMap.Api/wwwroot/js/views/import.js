// 导入: upload a company list (CSV or xlsx) to POST /api/imports/companies, watch the job's progress
// and counts (GET /api/imports/{id}), read its row problems and download the CSV error report.
// A CSV is previewed in the browser first (encoding and columns). Only admins and analysts import.
// Analysts and admins also see the synthetic demo set here while it is in the store, and remove it (DELETE /api/demo).
// Route: #/import?job=ID (the job being watched, so a reload or a shared link shows it again)

import * as api from '../api.js';
import * as router from '../router.js';
import * as session from '../session.js';
import { h, replace, number } from '../dom.js';
import { loading, empty, errorBlock, pager, generations } from '../ui.js';
import { ROLES } from '../labels.js';

const PREVIEW_ROWS = 8;
// Rows read from the head of a file for the preview: enough to find a header below a title or export notes (as the import does).
const PREVIEW_HEAD_ROWS = 25;
/** How often a running job is asked for its progress. */
const POLL_MS = 700;
/** Problems per page of the list; the CSV report has all of them. */
const PROBLEMS_PER_PAGE = 50;

const STATES = {
  queued: '排队中',
  running: '正在导入',
  succeeded: '已完成',
  failed: '失败',
  cancelled: '已取消',
  'timed-out': '已超时',
  undone: '已撤销',
};

/** States of a job that has ended; the page stops polling then. */
const FINISHED = new Set(['succeeded', 'failed', 'cancelled', 'timed-out', 'undone']);

const COUNTS = [
  ['rowsRead', '读取行数'],
  ['inserted', '新增'],
  ['updated', '更新'],
  ['unchanged', '未变化'],
  ['rejected', '拒绝'],
  ['unassigned', '未归入环节'],
  ['problems', '问题'],
  ['analystValuesKept', '保留的分析员修改'],
];

export function mount(root, initial) {
  const page = h('section', { class: 'view-import' });
  replace(root, page);
  const allowed = session.can.importCompanies();
  const preview = h('div', { class: 'import-preview' });
  const jobArea = h('div', { class: 'import-job', id: 'import-job', 'aria-live': 'polite' });
  const nextJob = generations();
  let timer = 0;
  let params = {};

  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.xlsx,.xls', onchange: () => showPreview(file.files[0], preview, mapping.value) });
  const dryRun = h('input', { type: 'checkbox', id: 'import-dry-run' });
  const allOrNothing = h('input', { type: 'checkbox', id: 'import-all-or-nothing' });
  const overwriteAnalyst = h('input', { type: 'checkbox', id: 'import-overwrite-analyst' });
  const mapping = h('textarea', { id: 'import-mapping', rows: 2, placeholder: '{"公司名称":"name","所在地":"region"}', spellcheck: 'false', onchange: () => showPreview(file.files[0], preview, mapping.value) });
  const submit = h('button', { type: 'submit', class: 'primary', id: 'import-submit' }, '上传并导入');
  const formMessage = h('div', { class: 'form-message' });
  const demoArea = h('div', { class: 'demo-data', id: 'demo-data' });
  const form = h('form', { class: 'import-form', id: 'import-form', onsubmit: upload },
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, '企业名单（CSV：UTF-8 或 GBK/GB18030；Excel .xlsx 或 .xls；或 Excel 另存的“Unicode 文本” .txt）'), file),
    h('label', { class: 'check' }, dryRun, ' 试运行（只检查，不写入）'),
    h('label', { class: 'check' }, allOrNothing, ' 全部成功才写入（有任何被拒绝的行则一行也不写）'),
    h('label', { class: 'check' }, overwriteAnalyst, ' 覆盖分析员手工修改的值（默认保留并计数）'),
    h('details', { class: 'mapping' },
      h('summary', {}, '列名对应（可选）'),
      h('p', { class: 'muted small' }, '列名通常会被自动识别。无法识别时，用 JSON 写明“文件中的列名 → 字段”，字段如 name、uscc、region、registered_capital、industry、segment、tags；值为空表示跳过该列。选好文件后，预览表头下方一行显示每列将被读作什么。'),
      mapping),
    h('div', { class: 'form-actions' }, submit),
    formMessage);

  replace(page,
    h('div', { class: 'toolbar' }, h('h1', {}, '导入企业名单')),
    allowed
      ? null
      : h('div', { class: 'state state-pending', id: 'import-not-allowed' },
        h('strong', {}, '当前角色不能导入。'),
        h('p', {}, `导入会新增和修改企业数据，只有管理员和分析员可以上传；您的角色是“${ROLES[session.user()?.role] ?? session.user()?.role ?? '未知'}”。`
          + '您仍可在下方预览文件（不会上传），或请分析员代为导入。')),
    h('div', { class: 'import-layout' },
      h('div', { class: 'import-left' },
        allowed ? form : h('label', { class: 'field' }, h('span', { class: 'field-label' }, '预览 CSV 文件（不上传）'), file),
        preview,
        demoArea),
      jobArea));

  update(initial);
  if (session.can.editChains()) {
    showDemo();
  }
  return { update, unmount: () => clearTimeout(timer) };

  /** The demo set (ADR 0195): its counts and the one-step removal; nothing is shown when the store holds no demo data. */
  async function showDemo() {
    let answer;
    try {
      answer = await api.demo();
    } catch (error) {
      replace(demoArea, errorBlock(error, { retry: showDemo }));
      return;
    }
    demoArea.dataset.state = answer.present ? 'present' : 'none';
    if (!answer.present) {
      replace(demoArea);
      return;
    }
    const c = answer.counts;
    const button = h('button', { type: 'button', class: 'small-button danger', id: 'remove-demo', onclick: () => removeDemo(button, c) }, '移除示例数据');
    replace(demoArea,
      h('h2', {}, '示例数据'),
      h('p', { id: 'demo-counts' }, `库中有系统自带的合成示例数据（名称带“(示例)”）：企业 ${number(c.companies)} 家、渠道 ${number(c.channels)} 个、`
        + `渠道联系 ${number(c.channelLinks)} 条、企业关系 ${number(c.relations)} 条。导入本市真实名单前可一次移除；您自己导入或录入的企业不受影响。`),
      button);
  }

  async function removeDemo(button, c) {
    if (!window.confirm(`移除全部示例数据？将删除示例企业 ${c.companies} 家（连同其环节归属、关系和渠道联系）、示例渠道 ${c.channels} 个和示例关系。此操作不能撤销。`)) {
      return;
    }
    button.disabled = true;
    try {
      const { removed } = await api.removeDemo();
      demoArea.dataset.state = 'removed';
      replace(demoArea, h('p', { class: 'state state-ok', id: 'demo-removed' },
        `已移除示例数据：企业 ${number(removed.companies)} 家、渠道 ${number(removed.channels)} 个、渠道联系 ${number(removed.channelLinks)} 条、企业关系 ${number(removed.relations)} 条。`));
    } catch (error) {
      button.disabled = false;
      demoArea.querySelector('#demo-error')?.remove();
      demoArea.append(h('div', { id: 'demo-error' }, errorBlock(error)));
    }
  }

  function update(next) {
    const previous = params;
    params = next;
    if (params.job !== previous.job || !jobArea.hasChildNodes()) {
      clearTimeout(timer);
      if (params.job) {
        watch(params.job);
      } else {
        showRecent();
      }
    }
  }

  async function upload(event) {
    event.preventDefault();
    const chosen = file.files[0];
    if (!chosen) {
      replace(formMessage, errorBlock({ status: 400, title: '请选择文件', detail: '先选择要导入的 CSV 或 xlsx 文件。' }));
      return;
    }
    submit.disabled = true;
    replace(formMessage, loading(`正在上传 ${chosen.name}…`));
    try {
      const job = await api.importCompanies(chosen, { dryRun: dryRun.checked, allOrNothing: allOrNothing.checked, overwriteAnalyst: overwriteAnalyst.checked, mapping: mapping.value });
      replace(formMessage, h('p', { class: 'state state-ok' }, `已上传 ${chosen.name}，导入任务 ${job.id} 已开始。`));
      router.setParams({ job: job.id });
    } catch (error) {
      replace(formMessage, errorBlock(error, { explain: '文件未被接受，没有写入任何数据。' }));
    } finally {
      submit.disabled = false;
    }
  }

  async function showRecent() {
    const isLatest = nextJob();
    replace(jobArea, h('h2', {}, '最近的导入'), loading());
    try {
      const jobs = await api.importJobs(10);
      if (!isLatest()) {
        return;
      }
      replace(jobArea, h('h2', {}, '最近的导入'),
        jobs.length === 0
          ? empty('还没有导入记录。上传文件后，进度、计数和问题清单会显示在这里。')
          : h('table', { class: 'data', id: 'recent-imports' },
            h('thead', {}, h('tr', {}, h('th', {}, '文件'), h('th', {}, '状态'), h('th', { class: 'num' }, '读取'), h('th', { class: 'num' }, '问题'), h('th', {}, '时间'))),
            h('tbody', {}, jobs.map((j) => h('tr', {},
              h('td', {}, h('a', { href: router.href('import', { job: j.id }) }, j.file)),
              h('td', {}, `${STATES[j.state] ?? j.state}${j.dryRun ? '（试运行）' : ''}${j.overwriteAnalyst ? '（覆盖分析员修改）' : ''}`),
              h('td', { class: 'num' }, number(j.rowsRead)),
              h('td', { class: 'num' }, number(j.problems)),
              h('td', { class: 'date' }, new Date(j.createdAt).toLocaleString('zh-CN')))))));
    } catch (error) {
      if (isLatest()) {
        replace(jobArea, h('h2', {}, '最近的导入'), errorBlock(error, { retry: showRecent }));
      }
    }
  }

  async function watch(id) {
    const isLatest = nextJob();
    replace(jobArea, h('h2', {}, '导入任务'), loading('正在读取导入任务…'));
    const poll = async () => {
      let job;
      try {
        job = await api.importJob(id);
      } catch (error) {
        if (isLatest()) {
          replace(jobArea, h('h2', {}, '导入任务'), errorBlock(error, { retry: () => watch(id) }));
        }
        return;
      }
      if (!isLatest()) {
        return;
      }
      const done = FINISHED.has(job.state);
      renderJob(job, done);
      if (!done) {
        timer = setTimeout(poll, POLL_MS);
      } else if (job.problems > 0) {
        loadProblems(job, isLatest);
      }
    };
    await poll();
  }

  function renderJob(job, done) {
    const progress = job.progress ?? (done ? 1 : 0);
    const outcome = job.state === 'undone'
      ? h('p', { class: 'state state-pending', id: 'import-undone' }, `已撤销：${job.message ?? ''}`)
      : job.state === 'failed' || job.state === 'cancelled' || job.state === 'timed-out'
      ? h('div', { class: 'state state-error', role: 'alert', id: 'import-stopped' },
        h('strong', {}, job.state === 'failed' ? '导入失败' : STATES[job.state]), job.message ? h('p', {}, job.message) : null)
      : done
        ? h('p', { class: job.problems > 0 ? 'state state-pending' : 'state state-ok', id: 'import-outcome' }, outcomeText(job))
        : null;
    replace(jobArea,
      h('div', { class: 'panel-head' },
        h('h2', {}, `导入任务 ${job.id}`),
        h('a', { class: 'more', href: router.href('import', {}) }, '最近的导入')),
      h('p', { class: 'muted', id: 'import-options' }, `${job.file} · ${job.dryRun ? '试运行 · ' : ''}${job.allOrNothing ? '全部成功才写入 · ' : ''}${job.overwriteAnalyst ? '覆盖分析员手工修改的值 · ' : ''}开始于 ${new Date(job.createdAt).toLocaleString('zh-CN')}`),
      h('p', {}, '状态：', h('strong', { id: 'import-state', dataset: { state: job.state } }, STATES[job.state] ?? job.state)),
      h('progress', { id: 'import-progress', max: 100, value: Math.round(progress * 100) }, `${Math.round(progress * 100)}%`),
      done ? null : h('button', { type: 'button', class: 'small-button', id: 'cancel-import', onclick: (e) => cancelJob(e.currentTarget, job) }, '取消导入'),
      done && job.written && !job.dryRun && job.state !== 'undone' && session.can.editChains()
        ? h('button', { type: 'button', class: 'small-button', id: 'undo-import', onclick: (e) => undoJob(e.currentTarget, job) }, '撤销此次导入')
        : null,
      h('dl', { class: 'counts', id: 'import-counts' }, COUNTS.map(([key, label]) => [
        h('dt', {}, label), h('dd', { dataset: { count: key } }, number(job[key])),
      ])),
      outcome,
      done && job.problems > 0
        ? h('div', { class: 'problems' },
          h('h3', {}, `问题清单（${number(job.problems)}）`,
            h('button', { type: 'button', class: 'small-button', id: 'download-report', onclick: (e) => downloadReport(e.currentTarget, job) }, '下载错误报告 CSV')),
          h('div', { id: 'import-problems' }, loading('正在读取问题清单…')))
        : null);
  }

  async function cancelJob(button, job) {
    button.disabled = true;
    try {
      await api.cancelImport(job.id);
      button.textContent = '正在取消…';
    } catch (error) {
      button.disabled = false;
      button.replaceWith(errorBlock(error));
    }
  }

  /** Undo (ADR 0191): the service removes what the job created and restores what it changed, or says which later changes are in the way. */
  async function undoJob(button, job) {
    if (!window.confirm(`撤销导入 ${job.file}？它新增的企业将被删除，它改过的数值恢复原值。`)) {
      return;
    }
    button.disabled = true;
    try {
      await api.undoImport(job.id);
      watch(job.id);
    } catch (error) {
      button.disabled = false;
      button.after(h('div', { id: 'undo-error' }, errorBlock(error)));
    }
  }

  async function loadProblems(job, isLatest, problemPage = 1) {
    const holder = jobArea.querySelector('#import-problems');
    if (!holder) {
      return;
    }
    try {
      const problems = await api.importProblems(job.id, { page: problemPage, pageSize: PROBLEMS_PER_PAGE });
      if (!isLatest()) {
        return;
      }
      replace(holder,
        h('table', { class: 'data', id: 'problems-table' },
          h('thead', {}, h('tr', {}, h('th', { class: 'num' }, '行'), h('th', {}, '列'), h('th', {}, '值'), h('th', {}, '原因'), h('th', {}, '级别'))),
          h('tbody', {}, problems.map((p) => h('tr', { class: `severity-${p.severity}` },
            h('td', { class: 'num' }, p.line),
            h('td', {}, p.column ?? '—'),
            h('td', { class: 'value' }, p.value ?? ''),
            h('td', {}, p.reason),
            h('td', {}, p.severity === 'error' ? '错误' : p.severity === 'warning' ? '警告' : p.severity))))),
        job.problems > PROBLEMS_PER_PAGE
          ? pager({ page: problemPage, pageSize: PROBLEMS_PER_PAGE, total: job.problems }, (n) => loadProblems(job, isLatest, n))
          : null);
    } catch (error) {
      if (isLatest()) {
        replace(holder, errorBlock(error, { retry: () => loadProblems(job, isLatest, problemPage) }));
      }
    }
  }

  async function downloadReport(button, job) {
    button.disabled = true;
    try {
      await api.download(api.importReportPath(job.id), `${job.id}-errors.csv`);
    } catch (error) {
      button.after(errorBlock(error));
    } finally {
      button.disabled = false;
    }
  }
}

function outcomeText(job) {
  const changed = `新增 ${number(job.inserted)} 家、更新 ${number(job.updated)} 家、未变化 ${number(job.unchanged)} 家`;
  const rejected = job.rejected > 0 ? `，拒绝 ${number(job.rejected)} 行` : '';
  if (job.dryRun) {
    return `试运行完成：若正式导入将${changed}${rejected}。没有写入任何数据。`;
  }
  if (!job.written) {
    return `没有写入任何数据${rejected}（全部成功才写入）。请按问题清单修改文件后重新上传。`;
  }
  const kept = job.analystValuesKept > 0 ? `保留了 ${number(job.analystValuesKept)} 个分析员手工修改的值（未被文件覆盖）。` : '';
  return `导入完成：${changed}${rejected}。${kept}${job.problems > 0 ? '请查看下方问题清单。' : ''}`;
}

/** Decodes as UTF-8, or as GB18030 when the bytes are not valid UTF-8 (Excel's usual Chinese CSV). */
function decode(bytes) {
  // Excel's "Unicode 文本" export: UTF-16 with its byte-order mark (the service reads it the same way: docs/import.md).
  if (bytes[0] === 0xFF && bytes[1] === 0xFE) {
    return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'UTF-16LE' };
  }
  if (bytes[0] === 0xFE && bytes[1] === 0xFF) {
    return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'UTF-16BE' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

const DELIMITER_NAMES = { ',': '逗号', ';': '分号', '\t': '制表符' };

/**
 * The import's delimiter rule (TableReader.DetectDelimiterAsync): of comma, semicolon and tab, the one found most often outside
 * quotes in the first line that holds any (a title line above the header does not decide); comma on a tie.
 */
function detectDelimiter(text) {
  let commas = 0;
  let semicolons = 0;
  let tabs = 0;
  let quoted = false;
  let started = false;
  for (let i = 0; i < text.length && i < 64 * 1024; i++) {
    const c = text[i];
    if (c === '"') {
      quoted = !quoted;
    } else if (!quoted && (c === '\n' || c === '\r')) {
      if (started && commas + semicolons + tabs > 0) {
        break;
      }
      started = false;
    } else if (!quoted) {
      started ||= c.trim() !== '';
      commas += c === ',' ? 1 : 0;
      semicolons += c === ';' ? 1 : 0;
      tabs += c === '\t' ? 1 : 0;
    }
  }
  return tabs > commas && tabs >= semicolons ? '\t' : semicolons > commas ? ';' : ',';
}

/** Splits delimited text into rows (quoted fields with delimiters, quotes and line breaks). */
function parseCsv(text, maxRows, delimiter = ',') {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length && rows.length < maxRows; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        cell += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') {
        i++;
      }
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      cell += c;
    }
  }
  if ((cell !== '' || row.length > 0) && rows.length < maxRows) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

// What each field is called on the page (the import's field names: src/ChainMap/Import/CompanyColumns.cs).
const FIELD_LABELS = {
  name: '企业名称', uscc: '统一社会信用代码', region_code: '行政区划代码', province: '省份', city: '城市', county: '区县',
  region: '地区', address: '地址', industry: '行业', products: '主营产品', scope: '经营范围', segment: '环节', role: '角色',
  registered_capital: '注册资本', founded: '成立日期', employees: '员工人数', revenue: '营业收入', listed_code: '股票代码',
  tags: '标签', controller: '企业性质', status: '登记状态',
};

/** The row under the preview's header: what the import will read from each column (asked of the service, no upload). */
async function columnReading(rows, mapping) {
  let read;
  try {
    read = await api.importColumns(rows, mapping);
  } catch (error) {
    return { row: null, note: h('p', { class: 'state state-error', id: 'preview-columns-error' }, `列名对应有误：${error.message}`) };
  }
  const row = h('tr', { class: 'column-reading', id: 'preview-columns' },
    read.columns.map((c) => h('td', { class: c.field ? 'small' : 'small muted', dataset: { field: c.field ?? '' } },
      c.field ? `读作 ${FIELD_LABELS[c.field] ?? c.field}${c.whenEmpty ? `（${c.whenEmpty}为空时）` : ''}` : '忽略')));
  const note = read.hasName
    ? null
    : h('p', { class: 'state state-error', id: 'preview-no-name' }, '没有找到企业名称列：导入会拒绝这个文件。请在“列名对应”中指明哪一列是企业名称（name）。');
  return { row, note, secondHeaderRow: read.secondHeaderRow === true, headerRow: read.headerRow ?? 0 };
}

async function showPreview(file, target, mapping = '') {
  if (!file) {
    replace(target);
    return;
  }
  if (/\.xlsx?$/i.test(file.name)) {
    replace(target, h('p', { class: 'muted' }, `${file.name} · ${(file.size / 1024).toFixed(0)} KB · Excel 文件由服务解析，上传后可看到读取结果。`));
    return;
  }
  // The head of the file is enough for a preview; a large list is not read whole.
  const bytes = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const { text, encoding } = decode(bytes);
  const unmarked = text.replace(/^\uFEFF/, '');
  const delimiter = detectDelimiter(unmarked);
  const rows = parseCsv(unmarked, PREVIEW_HEAD_ROWS, delimiter);
  if (rows.length === 0) {
    replace(target, empty('文件是空的。'));
    return;
  }
  // The service finds the header among the first rows as the import does: a title or export notes above it are skipped,
  // a header merged over two rows (所在地区 over 省 | 市 | 区县) is read whole.
  const { row, note, secondHeaderRow, headerRow } = await columnReading(rows.map((r) => r.map((c) => c.slice(0, 10000))), mapping);
  const filled = (r) => r.some((c) => c.trim() !== '');
  const header = rows[headerRow] ?? rows[0];
  const below = rows.slice(headerRow + 1).filter(filled);
  const headerRows = secondHeaderRow ? [header, below[0]] : [header];
  const body = (secondHeaderRow ? below.slice(1) : below).slice(0, PREVIEW_ROWS);
  const skipped = rows.slice(0, headerRow).filter(filled).length;
  replace(target,
    h('p', { class: 'preview-summary' }, `预览：${file.name} · ${(file.size / 1024).toFixed(0)} KB · 编码 ${encoding} · ${DELIMITER_NAMES[delimiter]}分隔 · ${header.length} 列`),
    skipped > 0
      ? h('p', { class: 'muted', id: 'preview-skipped' }, `表头在第 ${headerRow + 1} 行：上面 ${skipped} 行是标题或导出说明，导入时跳过。`)
      : null,
    secondHeaderRow
      ? h('p', { class: 'muted', id: 'preview-second-header' }, '表头占两行（合并单元格）：第二行的列名（如 省、市、区县）与第一行一起作为表头读取，不作为企业导入。')
      : null,
    note,
    h('div', { class: 'table-area' },
      h('table', { class: 'data', id: 'preview-table' },
        h('thead', {}, ...headerRows.map((cells) => h('tr', {}, header.map((_, i) => h('th', {}, cells[i] ?? '')))), row),
        h('tbody', {}, body.map((r) => h('tr', {}, header.map((_, i) => h('td', {}, r[i] ?? ''))))))));
}
