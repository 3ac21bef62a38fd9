// Writes tests/ChainMap.Tests/Import/fixtures/bureau-list.xls: an Excel 97-2003 (BIFF8) workbook shaped like a bureau's own
// spreadsheet (a title row above the header, text, numbers and date cells, a blank row, a second sheet that is not read).
// Made with SheetJS (npm `xlsx` 0.18.5, Apache-2.0): `npm install xlsx@0.18.5` in a scratch folder, then
//   NODE_PATH=<scratch>/node_modules node scripts/data/make_xls_fixture.mjs
// Issue #19 (session 41, ADR 0580). The companies are invented (示例); the test asserts every cell as written here.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const require = createRequire(import.meta.url);
const XLSX = require('xlsx');
const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '..', '..', 'tests', 'ChainMap.Tests', 'Import', 'fixtures', 'bureau-list.xls');

const rows = [
  ['随州市招商局重点企业名单（2026年11月，示例）'],
  ['序号', '企业名称', '统一社会信用代码', '省份', '城市', '区县', '注册资本(万元)', '成立日期', '主营产品'],
  [1, '随州市示例专用汽车有限公司', '91421303MA4K0XL011', '湖北省', '随州市', '曾都区', 5000, new Date(Date.UTC(2010, 4, 1)), '罐式车、厢式车'],
  [2, '隨州市示例液壓有限公司', '91421303MA4K0XL024', '湖北', '随州', '曾都', 1200.5, new Date(Date.UTC(2012, 2, 4)), '液压油缸'],
  [],
  [3, '苏州示例冷藏车有限公司', '', '江苏省', '苏州市', '苏州工业园区', null, null, '冷藏车厢'],
];
const sheet = XLSX.utils.aoa_to_sheet(rows, { cellDates: true, dateNF: 'yyyy-mm-dd' });
const notes = XLSX.utils.aoa_to_sheet([['说明'], ['第二个工作表不导入']]);
const book = XLSX.utils.book_new();
XLSX.utils.book_append_sheet(book, sheet, '名单');
XLSX.utils.book_append_sheet(book, notes, '说明');
XLSX.writeFile(book, out, { bookType: 'biff8' });
console.log(out);
