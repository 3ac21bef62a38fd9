// Every call the page makes to the service goes through this module: the views never build URLs.
// Each function returns the shape the views use (documented on the function).

import * as session from './session.js';

/** A failed call, from an RFC 9457 problem (title, detail, errors) or from the network. */
export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || problem?.title || fallback || `HTTP ${status}`);
    this.status = status;
    this.title = problem?.title ?? null;
    this.detail = problem?.detail ?? null;
    /** Field → messages, from a validation problem. */
    this.errors = problem?.errors ?? null;
    /** The project rule that refused a stage change (docs/projects.md), e.g. skip-needs-reason. */
    this.rule = problem?.rule ?? null;
    /** The company's open project when a second one was refused (409 company-has-open-project). */
    this.existingProjectId = problem?.existingProjectId ?? null;
    /** A company's version now, when an edit or delete found it changed (409). */
    this.currentVersion = problem?.currentVersion ?? null;
  }
}

let unauthorized = () => {};

/** What to do when the service rejects the session's key (app.js: back to the sign-in screen). */
export function onUnauthorized(handler) {
  unauthorized = handler;
}

function url(path, query) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v !== null && v !== undefined && v !== '') {
      params.set(k, String(v));
    }
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function send(method, path, { query, body, key, accept } = {}) {
  const token = key ?? session.apiKey();
  const headers = { Accept: accept ?? 'application/json, application/problem+json' };
  if (token) {
    headers.Authorization = `Bearer ${token}`;
  }
  const form = body instanceof FormData;
  if (body !== undefined && !form) {
    headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers, body: body === undefined ? undefined : form ? body : JSON.stringify(body) });
  } catch (error) {
    throw new ApiError(0, null, `无法连接到服务（${error.message}）`);
  }
  if (response.ok) {
    return response;
  }
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // Not a problem document: the status alone says what happened.
  }
  const error = new ApiError(response.status, problem);
  if (response.status === 401 && key === undefined) {
    session.signOut();
    unauthorized(error);
  }
  throw error;
}

async function json(method, path, options) {
  const response = await send(method, path, options);
  return response.status === 204 ? null : response.json();
}

const get = (path, query) => json('GET', path, { query });

// A few reference lists change rarely; they are kept for the page's lifetime (chains until edited).
const cache = new Map();
function cached(key, load) {
  if (!cache.has(key)) {
    const promise = load();
    cache.set(key, promise);
    promise.catch(() => cache.delete(key));
  }
  return cache.get(key);
}

function forgetChain() {
  for (const key of [...cache.keys()]) {
    if (key.startsWith('chain')) {
      cache.delete(key);
    }
  }
}

const enc = encodeURIComponent;

// ---- access ----

/** GET /api/me with a key that is not yet the session's (sign-in). */
export function me(key) {
  return json('GET', '/api/me', { key });
}

/** Admins: [{ id, name, role, team, createdAt }] */
export function listUsers() {
  return get('/api/users');
}

/** Admins: → { user, key, token }; the token is shown only in this answer. */
export function createUser({ name, role, team }) {
  return json('POST', '/api/users', { body: { name, role, team } });
}

/** Admins: [{ id, userId, label, createdAt, revokedAt }] */
export function listKeys() {
  return get('/api/keys');
}

/** Admins: → { key, token } */
export function createKey({ userId, label }) {
  return json('POST', '/api/keys', { body: { userId, label } });
}

export function revokeKey(id) {
  return json('DELETE', `/api/keys/${enc(id)}`);
}

/** Admins: the latest changes, newest first: [{ id, at, userId, userName, method, path, status }] */
export function listAudit(limit = 50) {
  return get('/api/audit', { limit });
}

// ---- chains ----

/** [{ code, name, category, description }] */
export function listChains() {
  return cached('chains', () => get('/api/chains'));
}

/** The chain definition: { code, name, category, description, segments: [...], flows: [...] }. */
export function getChain(code) {
  return get(`/api/chains/${enc(code)}`);
}

/**
 * The chain map the map view draws: { code, name, homeRegion, homeName, chainLevel, tiers: [{ tier, label,
 * segments: [{ code, name, parent, localCompanies, localRegisteredCapital, unconfirmed, unconfirmedAll, rating, ratingLabel,
 * action, actionLabel, explanation, candidates }] }], flows, ratings: [{ rating, label, segments }] }.
 * unconfirmed counts the home region's 待确认 memberships, unconfirmedAll those of all regions; neither is in
 * localCompanies, the ratings or the candidates. chainLevel counts the chain's memberships that name no segment (环节待定), anywhere.
 * The tiers come from /api/chains/{code}/map; the gap rating (strong | potential | weak | missing)
 * and action of each segment from /api/chains/{code}/investment-map.
 */
export function getChainMap(code) {
  return cached(`chain-map:${code}`, async () => {
    const [map, invest] = await Promise.all([
      get(`/api/chains/${enc(code)}/map`),
      get(`/api/chains/${enc(code)}/investment-map`, { top: 0, paths: 0 }),
    ]);
    const gaps = new Map(invest.segments.map((s) => [s.code, s]));
    for (const tier of map.tiers) {
      for (const segment of tier.segments) {
        const gap = gaps.get(segment.code);
        segment.rating = gap?.rating ?? null;
        segment.ratingLabel = gap?.ratingLabel ?? null;
        segment.action = gap?.action ?? null;
        segment.actionLabel = gap?.actionLabel ?? null;
        segment.explanation = gap?.explanation ?? null;
        segment.candidates = gap?.candidates ?? null;
        segment.unconfirmedAll = gap?.unconfirmed ?? 0;
      }
    }
    map.ratings = invest.summary;
    return map;
  });
}

/**
 * One segment of the investment map with its top targets (and one introduction path each):
 * { code, name, rating, ratingLabel, action, actionLabel, explanation, candidates, topTargets: [target] }.
 */
export async function investmentSegment(chain, segment, { region, top = 8 } = {}) {
  const invest = await get(`/api/chains/${enc(chain)}/investment-map`, { region, top, paths: 1 });
  return invest.segments.find((s) => s.code === segment) ?? null;
}

/** How many segments of a chain are rated 优势/潜力/薄弱/空白: [{ rating, label, segments }]. */
export async function investmentSummary(chain) {
  const invest = await get(`/api/chains/${enc(chain)}/investment-map`, { top: 0, paths: 0 });
  return invest.summary;
}

/** PUT /api/chains/{code}: the whole definition (segments and flows). */
export async function saveChain(code, definition) {
  const saved = await json('PUT', `/api/chains/${enc(code)}`, { body: definition });
  forgetChain();
  return saved;
}

export async function addSegment(code, segment) {
  const saved = await json('POST', `/api/chains/${enc(code)}/segments`, { body: segment });
  forgetChain();
  return saved;
}

export async function updateSegment(code, segmentCode, segment) {
  const saved = await json('PUT', `/api/chains/${enc(code)}/segments/${enc(segmentCode)}`, { body: segment });
  forgetChain();
  return saved;
}

// ---- regions ----

/** The home region: { code, name, units, teams }. */
export function home() {
  return cached('home', () => get('/api/home'));
}

/** [{ name, alias, members: [{ code, name, level, parentCode, fullName }] }] */
export function regionGroups() {
  return cached('region-groups', () => get('/api/region-groups'));
}

export function provinces() {
  return cached('provinces', () => get('/api/regions', { level: 'province', limit: 100 }));
}

/** { code, name, level, fullName, lineage, children } by code or unambiguous name. */
export function region(codeOrName) {
  return cached(`region:${codeOrName}`, () => get(`/api/regions/${enc(codeOrName)}`));
}

export function searchRegions(q, limit = 20) {
  return get('/api/regions', { q, limit });
}

/**
 * What a region parameter of the URL means: '' is all of China, a region group's name (长三角),
 * or a division's code or name. → { kind: 'all'|'group'|'division', value, label, level, parts }
 * where parts are the next level down (group members, a province's cities, a city's counties).
 */
export async function resolveRegion(value) {
  if (!value) {
    return { kind: 'all', value: '', label: '全国', level: null, parts: await provinces() };
  }
  const groups = await regionGroups();
  const group = groups.find((g) => g.name === value || g.alias === value);
  if (group) {
    return { kind: 'group', value: group.name, label: group.name, level: null, parts: group.members };
  }
  const division = await region(value);
  return {
    kind: 'division', value: division.code, label: division.fullName, level: division.level,
    lineage: division.lineage, parts: division.children.length > 0 ? division.children : [division],
  };
}

// ---- companies ----

/** { items: [company], page, pageSize, total } */
export function companies({ q, chain, segment, region, page = 1, pageSize = 20 } = {}) {
  return get('/api/companies', { q, chain, segment, region, page, pageSize });
}

/** { company, relations, provenance: [{ field, importId, file, at, source: 'import'|'analyst', by, byId }] } */
export function company(id) {
  return get(`/api/companies/${enc(id)}`);
}

/**
 * PATCH /api/companies/{id}: { version, and the fields to change } (analysts, admins). Answers the company detail;
 * 409 (error.currentVersion) when someone changed the company since it was read. Maps and gap ratings may change.
 */
export async function editCompany(id, changes) {
  const detail = await json('PATCH', `/api/companies/${enc(id)}`, { body: changes });
  forgetChain();
  return detail;
}

/** DELETE /api/companies/{id}?version= (analysts, admins); 409 names the projects that refer to the company. */
export async function deleteCompany(id, version) {
  await json('DELETE', `/api/companies/${enc(id)}`, { query: { version } });
  forgetChain();
}

/**
 * PUT /api/companies/{id}/memberships/{segment}: status 'confirmed' (an analyst confirms a 待确认 guess)
 * or 'unconfirmed'. Answers the company detail; the chain maps' counts change, so they are reloaded.
 */
export async function setMembershipStatus(id, segment, status) {
  const detail = await json('PUT', `/api/companies/${enc(id)}/memberships/${enc(segment)}`, { body: { status } });
  forgetChain();
  return detail;
}

/**
 * The review queue (GET /api/memberships): { items: [{ companyId, companyName, regionName, chain, segment, segmentName, role, confidence,
 * evidence, status, source, suggestedSegments }], page, pageSize, total, lowConfidence }. chainLevel: only the chain-level ones (环节待定).
 */
export function memberships({ status, chain, segment, chainLevel, region, import: importId, page = 1, pageSize = 50 } = {}) {
  return get('/api/memberships', { status, chain, segment, chainLevel, region, import: importId, page, pageSize });
}

/**
 * POST /api/memberships/chain-level/suggest: queues the job that gives the chain-level memberships stored without suggested
 * segments their suggestions (ADR 0425) → the job (see importJob).
 */
export async function suggestChainLevelSegments() {
  return json('POST', '/api/memberships/chain-level/suggest');
}

/**
 * POST /api/companies/reclassify: queues the job that classifies every stored company again with the current chain
 * definitions (ADR 0136; only the classifier's memberships change) → the job (see importJob: rowsRead, updated, unassigned,
 * unconfirmed). Maps and targets change when it ends: call reclassified() then.
 */
export async function reclassifyCompanies() {
  return json('POST', '/api/companies/reclassify');
}

/** After a re-classification has ended: the chains' maps and lists are read again. */
export function reclassified() {
  forgetChain();
}

/**
 * POST /api/memberships/review: [{ companyId, segment, action: confirm|reject|move, toSegment?, role?, version? }], all or
 * nothing; a version the company is no longer at is refused (409, currentVersion). Answers { reviewed, companies: [{ companyId, version }] }.
 */
export async function reviewMemberships(items) {
  const result = await json('POST', '/api/memberships/review', { body: { items } });
  forgetChain();
  return result;
}

/**
 * POST /api/companies/{id}/merge {from}: company `from` is merged into `id` (ADR 0190). Answers { id, merged,
 * takenFields, memberships, relations, channelLinks, projects, company }; maps and targets change, so chains are reloaded.
 */
export async function mergeCompany(id, from, { version, fromVersion } = {}) {
  const result = await json('POST', `/api/companies/${enc(id)}/merge`, { body: { from, version, fromVersion } });
  forgetChain();
  return result;
}

/** POST /api/companies/{id}/memberships: an analyst adds the company to a segment with a role (at the company's version read); answers the company detail. */
export async function addMembership(id, segment, role, version) {
  const detail = await json('POST', `/api/companies/${enc(id)}/memberships`, { body: { segment, role, version } });
  forgetChain();
  return detail;
}

/** DELETE /api/companies/{id}/memberships/{segment}: an analyst removes (rejects) a membership; answers the company detail. */
export async function removeMembership(id, segment, version) {
  const query = version ? `?version=${enc(version)}` : '';
  const detail = await json('DELETE', `/api/companies/${enc(id)}/memberships/${enc(segment)}${query}`);
  forgetChain();
  return detail;
}

// ---- targets ----

/**
 * Ranked targets outside the home region (GET /api/targets): { items: [target], page, pageSize,
 * total, reason, region: { kind, name } } where a target is { rank, companyId, name, regionCode,
 * regionName, registeredCapital, employees, tags, segment: { code, name, rating, ratingLabel,
 * actionLabel }, score, scoreParts: { gap, strength, links, channels }, reasons: [text], homeLinks,
 * channels, paths: [{ hops, strength, summary, steps: [{ from, to, relation, label }] }] }.
 * reason says why the list is empty, when it is.
 */
export function targets({ chain, segment, region, tags, minCapital, page = 1, pageSize = 20, paths = 3 }) {
  return get('/api/targets', { chain, segment, region, tags, minCapital, page, pageSize, paths });
}

// Counting requests run a few at a time so a distribution does not flood the service.
async function inBatches(items, size, work) {
  const results = [];
  for (let i = 0; i < items.length; i += size) {
    results.push(...(await Promise.all(items.slice(i, i + size).map(work))));
  }
  return results;
}

/**
 * Where a chain's (or a segment's) companies are, one level below the region: by province for all
 * of China, by member for a group, by city for a province. → [{ code, name, count }], largest first.
 * Counted with /api/companies (one small request per part, cached): it works for any region level,
 * which the investment map's province/city counts (top places only) do not.
 */
export function distribution({ chain, segment, region: regionValue }) {
  return cached(`distribution:${chain}|${segment ?? ''}|${regionValue ?? ''}`, async () => {
    const area = await resolveRegion(regionValue);
    const counts = await inBatches(area.parts, 8, async (part) => {
      const page = await companies({ chain, segment, region: part.code, pageSize: 1 });
      return { code: part.code, name: part.name, count: page.total };
    });
    return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  });
}

/**
 * Like distribution(), counting the ranked targets (GET /api/targets, one small request per part, cached):
 * → [{ code, name, count }], largest first.
 */
export function targetDistribution({ chain, segment, region: regionValue }) {
  return cached(`target-distribution:${chain}|${segment ?? ''}|${regionValue ?? ''}`, async () => {
    const area = await resolveRegion(regionValue);
    const counts = await inBatches(area.parts, 6, async (part) => {
      const page = await targets({ chain, segment, region: part.code, pageSize: 1, paths: 0 });
      return { code: part.code, name: part.name, count: page.total };
    });
    return counts.filter((c) => c.count > 0).sort((a, b) => b.count - a.count);
  });
}

// ---- exports ----

/** The formats of GET /api/chains/{code}/export, most useful first. */
export const CHAIN_FORMATS = [
  { format: 'xlsx', label: 'Excel（环节与目标）' },
  { format: 'png', label: 'PNG 图片' },
  { format: 'svg', label: 'SVG 矢量图' },
  { format: 'csv', label: '产业链定义（CSV 压缩包）' },
  { format: 'json', label: 'JSON' },
  { format: 'graphml', label: 'GraphML（yEd、Gephi）' },
  { format: 'mermaid', label: 'Mermaid 流程图' },
  { format: 'cypher', label: 'Cypher 脚本（Neo4j）' },
];

const EXPORTS = {
  // The export ranks as /api/targets does, with the same filters (at most 10,000 rows).
  targets: ({ chain, segment, region, tags, minCapital }) => ['csv', 'xlsx'].map((format) => ({
    format,
    label: `导出 ${format === 'csv' ? 'CSV' : 'Excel'}`,
    path: url('/api/targets/export', { chain, segment, region, tags, minCapital, format }),
    filename: `targets.${format}`,
  })),
  chain: ({ chain }) => CHAIN_FORMATS.map(({ format, label }) => ({
    format,
    label,
    path: url(`/api/chains/${enc(chain)}/export`, { format }),
    filename: `${chain}.${format}`,
  })),
};

/** Export links of a view ('targets', 'chain'): [{ format, label, path, filename }] to pass to download(). */
export function exportLinks(kind, params) {
  return EXPORTS[kind] ? EXPORTS[kind](params) : [];
}

/**
 * The file name of a Content-Disposition header: filename* (RFC 5987, UTF-8''percent-encoded)
 * wins over the plain filename, which is only an ASCII fallback.
 */
export function dispositionName(header) {
  const text = header ?? '';
  const star = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(text);
  if (star) {
    try {
      return decodeURIComponent(star[2].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(text);
  return plain ? (plain[1] ?? plain[2]).trim() : null;
}

/**
 * Downloads a file from the service with the session's key (a plain link could not send it) and
 * saves it under the server's file name. → { name, size }
 */
export async function download(path, fallbackName) {
  const response = await send('GET', path, { accept: '*/*' });
  const name = dispositionName(response.headers.get('Content-Disposition')) || fallbackName;
  const blob = await response.blob();
  const blobUrl = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = blobUrl;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(blobUrl), 10000);
  return { name, size: blob.size };
}

// ---- imports ----

/**
 * POST /api/imports/companies: uploads a CSV or xlsx (multipart part 'file') with the options
 * dryRun, allOrNothing, overwriteAnalyst (replace values analysts set by hand) and an optional column mapping
 * (JSON text {"列名":"field"}). → the queued job.
 */
export function importCompanies(file, { dryRun = false, allOrNothing = false, overwriteAnalyst = false, mapping = '' } = {}) {
  const form = new FormData();
  form.append('file', file, file.name);
  form.append('dryRun', String(dryRun));
  form.append('allOrNothing', String(allOrNothing));
  if (overwriteAnalyst) {
    form.append('overwriteAnalyst', 'true');
  }
  if (mapping.trim()) {
    form.append('mapping', mapping.trim());
  }
  return json('POST', '/api/imports/companies', { body: form });
}

/**
 * An import job: { id, kind, file, state: queued|running|succeeded|failed|cancelled|timed-out, dryRun, allOrNothing,
 * written, rowsRead, inserted, updated, unchanged, rejected, unassigned, problems, analystValuesKept, overwriteAnalyst, progress (0–1),
 * createdAt, finishedAt, message, errors (the report's path) }.
 */
export function importJob(id) {
  return get(`/api/imports/${enc(id)}`);
}

/**
 * POST /api/imports/companies/columns: how the import would read a file's first rows (at most 25; the service finds the
 * header among them as the import does: a title, export notes, a header merged over two rows) with an optional mapping
 * (JSON text), before any upload → { columns: [{ index, header, field, whenEmpty }], hasName, secondHeaderRow, headerRow }.
 */
export function importColumns(rows, mapping = '') {
  return json('POST', '/api/imports/companies/columns', { body: { rows, mapping: mapping.trim() || null } });
}

/** POST /api/imports/{id}/cancel: stops a queued or running job (its submitter or an admin) → the job. */
export function cancelImport(id) {
  return json('POST', `/api/imports/${enc(id)}/cancel`);
}

/** POST /api/imports/{id}/undo: takes back a company import (ADR 0191); answers the job, now state "undone". */
export async function undoImport(id) {
  const job = await json('POST', `/api/imports/${enc(id)}/undo`);
  forgetChain();
  return job;
}

/** GET /api/demo: whether the synthetic demo set is in the store → { present, counts: { companies, channels, channelLinks, relations, importRuns } }. */
export function demo() {
  return get('/api/demo');
}

/** DELETE /api/demo: removes the demo set and its network in one step (ADR 0195) → { removed: counts }; 409 while a project refers to a demo company. */
export async function removeDemo() {
  const answer = await json('DELETE', '/api/demo');
  forgetChain();
  return answer;
}

/** Recent import jobs, newest first. */
export function importJobs(limit = 10) {
  return get('/api/imports', { limit });
}

/** One page of the job's problems, in file order: [{ file, line, column, value, reason, severity }] (the job's problems count is the total). */
export function importProblems(id, { page = 1, pageSize = 50 } = {}) {
  return get(`/api/imports/${enc(id)}/errors`, { format: 'json', page, pageSize });
}

/** Where the CSV problem report of a job is downloaded from (pass to download()). */
export function importReportPath(id) {
  return url(`/api/imports/${enc(id)}/errors`, { format: 'csv' });
}

// ---- projects ----

/** [{ id, name, region, ... }]: the resident teams. */
export function teams() {
  return cached('teams', () => get('/api/teams'));
}

/**
 * GET /api/projects: { items: [{ id, name, company: { id, name }, chain: { code, name }, segment,
 * team: { code, name }, unit: { code, name }, plannedInvestment, isKey, stage, stageName, stageDate,
 * openBlockers, updatedBy }], page, pageSize, total }.
 */
export function projects({ team, unit, stage, chain, key, company, page = 1, pageSize = 50 } = {}) {
  return get('/api/projects', { team, unit, stage, chain, key, company, page, pageSize });
}

/** Every project matching the filters, page by page (500 at a time; a city has hundreds to a few thousand). */
export async function allProjects(filters = {}) {
  const items = [];
  for (let page = 1; ; page++) {
    const result = await projects({ ...filters, page, pageSize: 500 });
    items.push(...result.items);
    if (items.length >= result.total || result.items.length === 0) {
      return items;
    }
  }
}

/** The project of a company (GET /api/projects?company=), or null when it has none. */
export async function projectOfCompany(companyId) {
  const result = await projects({ company: companyId, pageSize: 1 });
  return result.items[0] ?? null;
}

/**
 * GET /api/projects/{id}: { project, history: [{ sequence, from, fromName, to, toName, kind, date, by, note, reason }],
 * transitions: [{ stage, stageName, kind, needsReason }], activities: [activity], blockers: [blocker] }.
 */
export function project(id) {
  return get(`/api/projects/${enc(id)}`);
}

/** POST /api/projects → the new ProjectDetail. */
export function createProject(fields) {
  return json('POST', '/api/projects', { body: fields });
}

/** PATCH /api/projects/{id} with expectedVersion → ProjectDetail. */
export function updateProject(id, fields) {
  return json('PATCH', `/api/projects/${enc(id)}`, { body: fields });
}

/** POST /api/projects/{id}/stage { stage, date, note, reason, expectedVersion } → ProjectDetail; 409 with the rule when refused. */
export function changeStage(id, change) {
  return json('POST', `/api/projects/${enc(id)}/stage`, { body: change });
}

/** POST /api/projects/{id}/activities { kind, title, date, peopleMet, ourPeople, notes, nextStep, nextStepDue } → Activity. */
export function logActivity(id, activity) {
  return json('POST', `/api/projects/${enc(id)}/activities`, { body: activity });
}

/** GET /api/activities: { items: [activity], page, pageSize, total }, newest first. */
export function activities({ team, project: projectId, company, from, to, page = 1, pageSize = 100 } = {}) {
  return get('/api/activities', { team, project: projectId, company, from, to, page, pageSize });
}

/**
 * GET /api/activities/next-steps: { today, days, items: [{ activity, nextStep, due, daysLeft, overdue }] }, the
 * current next steps due within `days` of the service's today (overdue ones included), earliest first.
 */
export function nextSteps({ team, days = 7 } = {}) {
  return get('/api/activities/next-steps', { team, days });
}

/** POST /api/projects/{id}/blockers { kind, description, owner, date, dueOn } → Blocker. */
export function openBlocker(id, blocker) {
  return json('POST', `/api/projects/${enc(id)}/blockers`, { body: blocker });
}

/** POST /api/projects/{id}/blockers/{blockerId}/close { date, note } → Blocker. */
export function closeBlocker(id, blockerId, closing) {
  return json('POST', `/api/projects/${enc(id)}/blockers/${enc(blockerId)}/close`, { body: closing });
}

/** A team's ranked targets (GET /api/teams/{id}/targets), the same shape as targets(). */
export function teamTargets(team, { chain, segment, page = 1, pageSize = 20, paths = 1 } = {}) {
  return get(`/api/teams/${enc(team)}/targets`, { chain, segment, page, pageSize, paths });
}

/** Where the results are downloaded from (pass to download()). */
export function resultsExportPath({ by, from, to, format = 'csv' }) {
  return url('/api/results/export', { by, from, to, format });
}

/**
 * GET /api/results?by=team: { from, to, by, groups: [{ key, name, stages: [{ stage, stageName,
 * projects, plannedInvestment }], conversions, activities }], total }.
 */
export function results({ by = 'team', from, to } = {}) {
  return get('/api/results', { by, from, to });
}
