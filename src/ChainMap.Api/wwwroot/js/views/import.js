// 导入: upload a company list (CSV or xlsx), watch progress, read and download the row error report.
// The import API (/api/imports) arrives in round 2; until then this view previews a CSV in the
// browser (encoding and columns) and says how to import it on the server.
// Route: #/import

import * as api from '../api.js';
import * as session from '../session.js';
import { h, replace } from '../dom.js';
import { empty, pending } from '../ui.js';

const PREVIEW_ROWS = 8;

export function mount(root) {
  const page = h('section', { class: 'view-import' });
  const preview = h('div', { class: 'table-area' });
  const file = h('input', { type: 'file', id: 'import-file', accept: '.csv,.txt,.xlsx', onchange: () => showPreview(file.files[0], preview) });
  replace(root, page);
  replace(page,
    h('div', { class: 'toolbar' }, h('h1', {}, '导入企业名单')),
    api.features.imports
      ? null
      : pending('网页上传导入（进度、逐行错误报告下载）将在导入接口上线后开放。目前可在服务器上用命令行导入：'
        + 'dotnet run --project src/ChainMap.Cli -- import companies 名单.csv'),
    session.can.importCompanies() ? null : h('p', { class: 'muted' }, '导入需要管理员或分析员角色。'),
    h('p', {}, '先在本机预览文件：检查编码（UTF-8 或 GB18030/GBK）和列名是否被识别。文件不会上传。'),
    h('label', { class: 'field' }, h('span', { class: 'field-label' }, '选择 CSV 文件'), file),
    preview);
  return {};
}

/** Decodes as UTF-8, or as GB18030 when the bytes are not valid UTF-8 (Excel's usual Chinese CSV). */
function decode(bytes) {
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'UTF-8' };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'GB18030' };
  }
}

/** Splits CSV text into rows (quoted fields with commas, quotes and line breaks). */
function parseCsv(text, maxRows) {
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
    } else if (c === ',') {
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

async function showPreview(file, target) {
  if (!file) {
    replace(target);
    return;
  }
  if (/\.xlsx$/i.test(file.name)) {
    replace(target, pending('xlsx 文件需要上传到服务后解析，导入接口上线后可直接上传。'));
    return;
  }
  // The head of the file is enough for a preview; a large list is not read whole.
  const bytes = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const { text, encoding } = decode(bytes);
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), PREVIEW_ROWS + 1);
  if (rows.length === 0) {
    replace(target, empty('文件是空的。'));
    return;
  }
  const [header, ...body] = rows;
  replace(target,
    h('p', {}, `${file.name} · ${(file.size / 1024).toFixed(0)} KB · 编码 ${encoding} · ${header.length} 列`),
    h('table', { class: 'data' },
      h('thead', {}, h('tr', {}, header.map((c) => h('th', {}, c)))),
      h('tbody', {}, body.map((r) => h('tr', {}, header.map((_, i) => h('td', {}, r[i] ?? '')))))));
}
