/**
 * The benchmark's baseline: a minimal node:http + postgres.js server, no framework, that runs the SAME SQL
 * as the app for the benchmark's scenarios and writes a comparable (escaped) HTML fragment, so that
 * `npm run bench` can print the app's throughput as a ratio of it.
 *
 * Where the SQL comes from: a throw-away run of the production app with postgres.js `debug` logging on
 * (db/client.ts, not committed), one request per scenario, the statements copied below verbatim, with
 * the app's parameters in the same order. Same pool size as the app (10) and, like the app, named
 * statements (postgres.js's default for `unsafe`; the app's client asks for them, db/client.ts). Per
 * request it does what the app does:
 * - list / search (anonymous): the 4 referential reads of the loader (kept 60 s in process, like
 *   referential-cache.server.ts), the page (keyset cursor `apres`),
 *   the counts per filter (kept 10 s in process, shared by concurrent requests, like count-cache.server.ts),
 *   and for a search the ts_headline excerpts of the page's rows;
 * - proposal page (anonymous): proposal + timeline, support panel, contribution counts, the first 50
 *   contributions and their replies;
 * - support / withdraw: the session lookup (lucia: session + user + role grants in one statement, extended
 *   when less than 15 days are left), the two rate-limit upserts (account and address), then one statement
 *   (a CTE that locks the proposal's row, checks it, inserts or deletes the support, moves the counter and,
 *   for a support, follows and qualifies the proposal with its timeline event when the threshold is crossed).
 *
 * Usage: DATABASE_URL=… PORT=… node --import tsx tests/bench/baseline-server.ts
 */
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import postgres from "postgres";

const sql = postgres(process.env.DATABASE_URL!, { max: 10, onnotice: () => {} });
const port = Number(process.env.PORT ?? 3999);

const placeholders = (from: number, n: number) => Array.from({ length: n }, (_, i) => `$${from + i}`).join(", ");

const PILIERS = "select \"number\", \"key\", \"short_title\", \"title\", \"summary\", \"evaluative_questions\", \"updated_at\" from \"piliers\" order by \"piliers\".\"number\" asc";
const AMBITIONS = "select \"number\", \"pilier_number\", \"title\", \"summary\", \"description\", \"support_threshold\", \"updated_at\" from \"ambitions\" order by \"ambitions\".\"number\" asc";
const QUARTIERS = "select \"quartiers\".\"code\", \"quartiers\".\"name\", \"quartiers\".\"population\", \"quartiers\".\"npnru\", \"quartiers\".\"summary\", coalesce(json_agg(json_build_object('slug', \"communes\".\"slug\", 'name', \"communes\".\"name\") order by \"communes\".\"name\") filter (where \"communes\".\"slug\" is not null), '[]') from \"quartiers\" left join \"quartier_communes\" on \"quartier_communes\".\"quartier_code\" = \"quartiers\".\"code\" left join \"communes\" on \"communes\".\"slug\" = \"quartier_communes\".\"commune_slug\" group by \"quartiers\".\"code\" order by \"quartiers\".\"name\" asc";
const COMMUNES = "select \"slug\", \"name\" from \"communes\" order by \"communes\".\"name\" asc";
const LIST_PAGE = "select \"proposals\".\"id\", \"proposals\".\"title\", \"proposals\".\"status\", \"proposals\".\"decision\", \"proposals\".\"origin\", \"proposals\".\"ambition_number\", \"ambitions\".\"title\", \"proposals\".\"quartier_code\", \"quartiers\".\"name\", \"proposals\".\"commune_slug\", \"communes\".\"name\", \"proposals\".\"support_count\", \"proposals\".\"contribution_count\", to_char(coalesce(\"proposals\".\"published_at\", \"proposals\".\"created_at\") at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 0 from \"proposals\" inner join \"ambitions\" on \"ambitions\".\"number\" = \"proposals\".\"ambition_number\" left join \"quartiers\" on \"quartiers\".\"code\" = \"proposals\".\"quartier_code\" left join \"communes\" on \"communes\".\"slug\" = \"proposals\".\"commune_slug\" where ((\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) and \"proposals\".\"ambition_number\" = $1) order by \"proposals\".\"published_at\" desc nulls last, \"proposals\".\"id\" desc nulls last limit $2";
const LIST_AFTER = "select \"proposals\".\"id\", \"proposals\".\"title\", \"proposals\".\"status\", \"proposals\".\"decision\", \"proposals\".\"origin\", \"proposals\".\"ambition_number\", \"ambitions\".\"title\", \"proposals\".\"quartier_code\", \"quartiers\".\"name\", \"proposals\".\"commune_slug\", \"communes\".\"name\", \"proposals\".\"support_count\", \"proposals\".\"contribution_count\", to_char(coalesce(\"proposals\".\"published_at\", \"proposals\".\"created_at\") at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), 0 from \"proposals\" inner join \"ambitions\" on \"ambitions\".\"number\" = \"proposals\".\"ambition_number\" left join \"quartiers\" on \"quartiers\".\"code\" = \"proposals\".\"quartier_code\" left join \"communes\" on \"communes\".\"slug\" = \"proposals\".\"commune_slug\" where ((\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) and \"proposals\".\"ambition_number\" = $1 and (\"proposals\".\"published_at\", \"proposals\".\"id\") < ($2::timestamptz, $3::uuid)) order by \"proposals\".\"published_at\" desc nulls last, \"proposals\".\"id\" desc nulls last limit $4";
const LIST_FACETS_OTHERS = "select case when grouping(\"proposals\".\"quartier_code\") = 0 then $1 when grouping(\"proposals\".\"status\") = 0 then $2 when grouping(\"proposals\".\"origin\") = 0 then $3 end, null, \"quartier_code\", \"commune_slug\", \"status\", \"origin\", count(*) from \"proposals\" where ((\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) and \"proposals\".\"ambition_number\" = $4) group by grouping sets ((\"proposals\".\"quartier_code\", \"proposals\".\"commune_slug\"), (\"proposals\".\"status\"), (\"proposals\".\"origin\"))";
const LIST_FACETS_AMBITION = "select case when grouping(\"proposals\".\"ambition_number\") = 0 then $1 end, \"ambition_number\", null, null, null, null, count(*) from \"proposals\" where (\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) group by grouping sets ((\"proposals\".\"ambition_number\"))";
const SEARCH_PAGE = "select \"proposals\".\"id\", \"proposals\".\"title\", \"proposals\".\"status\", \"proposals\".\"decision\", \"proposals\".\"origin\", \"proposals\".\"ambition_number\", \"ambitions\".\"title\", \"proposals\".\"quartier_code\", \"quartiers\".\"name\", \"proposals\".\"commune_slug\", \"communes\".\"name\", \"proposals\".\"support_count\", \"proposals\".\"contribution_count\", to_char(coalesce(\"proposals\".\"published_at\", \"proposals\".\"created_at\") at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), \"rank\" from (select \"id\", ts_rank(\"search\", websearch_to_tsquery('french', $1)) as \"rank\" from \"proposals\" where ((\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) and \"proposals\".\"search\" @@ websearch_to_tsquery('french', $2)) order by \"proposals\".\"published_at\" desc nulls last, \"proposals\".\"id\" desc nulls last limit $3) \"candidates\" inner join \"proposals\" on \"proposals\".\"id\" = \"candidates\".\"id\" inner join \"ambitions\" on \"ambitions\".\"number\" = \"proposals\".\"ambition_number\" left join \"quartiers\" on \"quartiers\".\"code\" = \"proposals\".\"quartier_code\" left join \"communes\" on \"communes\".\"slug\" = \"proposals\".\"commune_slug\" where true order by \"rank\" desc nulls last, \"candidates\".\"id\" desc nulls last limit $4";
const SEARCH_FACETS = "select case when grouping(\"proposals\".\"ambition_number\") = 0 then $1 when grouping(\"proposals\".\"quartier_code\") = 0 then $2 when grouping(\"proposals\".\"status\") = 0 then $3 when grouping(\"proposals\".\"origin\") = 0 then $4 end, \"ambition_number\", \"quartier_code\", \"commune_slug\", \"status\", \"origin\", count(*) from \"proposals\" where ((\"proposals\".\"status\" <> 'draft' and \"proposals\".\"hidden_at\" is null and \"proposals\".\"published_at\" is not null) and \"proposals\".\"search\" @@ websearch_to_tsquery('french', $5)) group by grouping sets ((\"proposals\".\"ambition_number\"), (\"proposals\".\"quartier_code\", \"proposals\".\"commune_slug\"), (\"proposals\".\"status\"), (\"proposals\".\"origin\"))";
const SEARCH_HEADLINES = (n: number) => "select \"id\", \"body\", ts_headline('french', \"body\", websearch_to_tsquery('french', $1), $2) from \"proposals\" where \"proposals\".\"id\" in (" + placeholders(3, n) + ")";
const PAGE_PROPOSAL = "select \"proposals\".\"id\", \"proposals\".\"title\", \"proposals\".\"body\", \"proposals\".\"status\", \"proposals\".\"decision\", \"proposals\".\"origin\", \"proposals\".\"origin_quartier_code\", \"origin_quartiers\".\"name\", \"proposals\".\"author_id\", \"users\".\"display_name\", \"proposals\".\"ambition_number\", \"ambitions\".\"title\", \"proposals\".\"quartier_code\", \"quartiers\".\"name\", \"proposals\".\"commune_slug\", \"communes\".\"name\", exists (select 1 from \"quartier_communes\" where \"quartier_communes\".\"commune_slug\" = \"proposals\".\"commune_slug\"), \"proposals\".\"place_description\", \"proposals\".\"support_count\", \"proposals\".\"contribution_count\", \"proposals\".\"created_at\", \"proposals\".\"published_at\", \"proposals\".\"withdrawn_at\", \"proposals\".\"hidden_at\", coalesce((\n          select json_agg(json_build_object('number', a.number, 'title', a.title) order by a.number)\n          from \"proposal_ambitions\" pa join \"ambitions\" a on a.number = pa.ambition_number\n          where pa.proposal_id = \"proposals\".\"id\"), '[]'::json), coalesce((\n          select json_agg(json_build_object('key', t.key, 'title', t.title) order by t.position)\n          from \"proposal_axes\" px join \"transversal_axes\" t on t.key = px.axis_key\n          where px.proposal_id = \"proposals\".\"id\"), '[]'::json) from \"proposals\" inner join \"ambitions\" on \"ambitions\".\"number\" = \"proposals\".\"ambition_number\" left join \"users\" on \"users\".\"id\" = \"proposals\".\"author_id\" left join \"quartiers\" on \"quartiers\".\"code\" = \"proposals\".\"quartier_code\" left join \"communes\" on \"communes\".\"slug\" = \"proposals\".\"commune_slug\" left join \"quartiers\" \"origin_quartiers\" on \"origin_quartiers\".\"code\" = \"proposals\".\"origin_quartier_code\" where \"proposals\".\"id\" = $1 limit $2";
const PAGE_EVENTS = "select \"proposal_events\".\"id\", \"proposal_events\".\"kind\", \"proposal_events\".\"payload\", \"proposal_events\".\"created_at\", \"users\".\"display_name\" from \"proposal_events\" left join \"users\" on \"users\".\"id\" = \"proposal_events\".\"actor_id\" where \"proposal_events\".\"proposal_id\" = $1 order by \"proposal_events\".\"created_at\" asc, array_position(array['created', 'published', 'edited', 'updated', 'qualified', 'withdrawn', 'under_review', 'on_copil_agenda', 'decided', 'in_progress', 'done', 'answered', 'merged', 'merged_in', 'decision_corrected', 'milestone_added', 'milestone_reached', 'progress']::text[], \"proposal_events\".\"kind\"), \"proposal_events\".\"id\" asc";
const PAGE_SUPPORT_PANEL = "select \"proposals\".\"status\", \"proposals\".\"hidden_at\", \"proposals\".\"author_id\", \"proposals\".\"support_count\", \"proposals\".\"qualified_at\", \"ambitions\".\"support_threshold\", false, false from \"proposals\" inner join \"ambitions\" on \"ambitions\".\"number\" = \"proposals\".\"ambition_number\" where \"proposals\".\"id\" = $1 limit $2";
const PAGE_CONTRIBUTION_COUNTS = "select \"contribution_count\", \"status\", \"hidden_at\", (select count(*) from contributions c where c.proposal_id = $1 and c.parent_id is null) from \"proposals\" where \"proposals\".\"id\" = $2";
const PAGE_CONTRIBUTIONS = "select \"contributions\".\"id\", \"contributions\".\"parent_id\", \"contributions\".\"author_id\", case when (\"contributions\".\"deleted_at\" is null and \"contributions\".\"hidden_at\" is null) then \"contributions\".\"body\" end, \"contributions\".\"stance\", \"contributions\".\"useful_count\", \"contributions\".\"created_at\", \"contributions\".\"edited_at\", \"contributions\".\"deleted_at\", \"contributions\".\"hidden_at\", \"users\".\"display_name\", \"proposals\".\"author_id\", false from \"contributions\" inner join \"proposals\" on \"proposals\".\"id\" = \"contributions\".\"proposal_id\" left join \"users\" on \"users\".\"id\" = \"contributions\".\"author_id\" where (\"contributions\".\"proposal_id\" = $1 and \"contributions\".\"parent_id\" is null) order by \"contributions\".\"created_at\" asc, \"contributions\".\"id\" asc limit $2";
const SESSION_EXTEND = "update \"sessions\" set \"expires_at\" = $1 where \"sessions\".\"id\" = $2";
const SESSION_USER = "select \"sessions\".\"id\", \"sessions\".\"user_id\", \"sessions\".\"expires_at\", \"users\".\"email\", \"users\".\"display_name\", \"users\".\"locale\", \"users\".\"email_verified_at\", \"users\".\"charter_version\", \"users\".\"suspended_until\", coalesce((select json_agg(json_build_object('role', \"role_grants\".\"role\", 'communeSlug', \"role_grants\".\"commune_slug\", 'quartierCode', \"role_grants\".\"quartier_code\")) from \"role_grants\" where \"role_grants\".\"user_id\" = \"users\".\"id\"), '[]'::json) from \"sessions\" inner join \"users\" on \"users\".\"id\" = \"sessions\".\"user_id\" where \"sessions\".\"id\" = $1";
const RATE_LIMIT = "insert into \"rate_limits\" (\"key\", \"points\", \"expire\") values ($1, $2, $3) on conflict (\"key\") do update set \"points\" = CASE WHEN \"rate_limits\".\"expire\" <= $4 THEN $5 ELSE \"rate_limits\".\"points\" + $6 END, \"expire\" = CASE WHEN \"rate_limits\".\"expire\" <= $7 THEN $8 ELSE \"rate_limits\".\"expire\" END returning \"key\", \"points\", \"expire\"";
const SUPPORT = "with target as (\n    select \"proposals\".\"id\" as id, \"proposals\".\"status\" as status, \"proposals\".\"author_id\" as author_id,\n      \"proposals\".\"support_count\" as support_count, \"proposals\".\"qualified_at\" is not null as qualified,\n      \"proposals\".\"ambition_number\" as ambition_number, (\"proposals\".\"status\" in ($1, $2, $3, $4) and \"proposals\".\"hidden_at\" is null) as open\n    from \"proposals\" where \"proposals\".\"id\" = $5\n    for no key update),\n    threshold as (\n      select \"ambitions\".\"support_threshold\" as threshold from \"ambitions\", target where \"ambitions\".\"number\" = target.ambition_number),\n    inserted as (\n      insert into \"supports\" (proposal_id, user_id)\n      select target.id, $6 from target\n      where target.open and target.author_id is distinct from $7\n      on conflict do nothing\n      returning \"supports\".\"proposal_id\" as proposal_id),\n    counted as (\n      update \"proposals\" set\n        support_count = \"proposals\".\"support_count\" + 1,\n        status = case when target.status = 'published' and \"proposals\".\"support_count\" + 1 >= threshold.threshold then 'qualified' else \"proposals\".\"status\" end,\n        qualified_at = case when target.status = 'published' and \"proposals\".\"support_count\" + 1 >= threshold.threshold then now() else \"proposals\".\"qualified_at\" end\n      from inserted, target, threshold where \"proposals\".\"id\" = inserted.proposal_id\n      returning \"proposals\".\"support_count\" as support_count, (target.status = 'published' and \"proposals\".\"support_count\" >= threshold.threshold) as just_qualified),\n    followed as (\n      insert into \"proposal_follows\" (proposal_id, user_id)\n      select proposal_id, $8 from inserted\n      on conflict do nothing),\n    qualified_event as (\n      insert into \"proposal_events\" (proposal_id, kind, actor_id, payload)\n      select $9, 'qualified', null, jsonb_build_object('threshold', threshold.threshold, 'supports', counted.support_count)\n      from counted, threshold where counted.just_qualified)\n    select target.status, target.author_id, target.open, target.qualified,\n      coalesce((select support_count from counted), target.support_count) as support_count,\n      exists (select 1 from inserted) as changed,\n      coalesce((select just_qualified from counted), false) as just_qualified,\n      (select threshold from threshold) as threshold\n    from target";
const WITHDRAW = "with target as (\n    select \"proposals\".\"id\" as id, \"proposals\".\"status\" as status, \"proposals\".\"author_id\" as author_id,\n      \"proposals\".\"support_count\" as support_count, \"proposals\".\"qualified_at\" is not null as qualified,\n      \"proposals\".\"ambition_number\" as ambition_number, (\"proposals\".\"status\" in ($1, $2, $3, $4) and \"proposals\".\"hidden_at\" is null) as open\n    from \"proposals\" where \"proposals\".\"id\" = $5\n    for no key update),\n    deleted as (\n      delete from \"supports\" using target\n      where \"supports\".\"proposal_id\" = target.id and \"supports\".\"user_id\" = $6 and target.open\n      returning \"supports\".\"proposal_id\" as proposal_id),\n    counted as (\n      update \"proposals\" set support_count = \"proposals\".\"support_count\" - 1\n      from deleted where \"proposals\".\"id\" = deleted.proposal_id\n      returning \"proposals\".\"support_count\" as support_count)\n    select target.status, target.author_id, target.open, target.qualified,\n      coalesce((select support_count from counted), target.support_count) as support_count,\n      exists (select 1 from deleted) as changed\n    from target";
const PAGE_REPLIES = (n: number) => "select \"contributions\".\"id\", \"contributions\".\"parent_id\", \"contributions\".\"author_id\", case when (\"contributions\".\"deleted_at\" is null and \"contributions\".\"hidden_at\" is null) then \"contributions\".\"body\" end, \"contributions\".\"stance\", \"contributions\".\"useful_count\", \"contributions\".\"created_at\", \"contributions\".\"edited_at\", \"contributions\".\"deleted_at\", \"contributions\".\"hidden_at\", \"users\".\"display_name\", \"proposals\".\"author_id\", false from \"contributions\" inner join \"proposals\" on \"proposals\".\"id\" = \"contributions\".\"proposal_id\" left join \"users\" on \"users\".\"id\" = \"contributions\".\"author_id\" where \"contributions\".\"parent_id\" in (" + placeholders(1, n) + ") order by \"contributions\".\"created_at\" asc, \"contributions\".\"id\" asc";

type Row = unknown[];
const q = (text: string, params: unknown[] = []) => sql.unsafe(text, params as never[]).values() as unknown as Promise<Row[]>;

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (value: unknown) => String(value ?? "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// ---------------------------------------------------------------------------------------------------
// Counts per filter: the app's count cache (10 s, concurrent requests share one computation).
const kept = new Map<string, { value: Row[][]; expires: number }>();
const pending = new Map<string, Promise<Row[][]>>();
function cached(key: string, compute: () => Promise<Row[][]>) {
  const hit = kept.get(key);
  if (hit && hit.expires > Date.now()) return Promise.resolve(hit.value);
  const running = pending.get(key);
  if (running) return running;
  const promise = compute()
    .then((value) => {
      const scanned = value[0]!.filter((r) => r[0] === value[0]![0]?.[0]).reduce((sum, r) => sum + Number(r[6]), 0);
      if (scanned >= 2_000) kept.set(key, { value, expires: Date.now() + 10_000 });
      return value;
    })
    .finally(() => pending.delete(key));
  pending.set(key, promise);
  return promise;
}

// The referential: read once a minute, as the app's referential cache does.
let referentialRead: { value: Promise<[Row[], Row[], Row[], Row[]]>; expires: number } | null = null;
function referential() {
  if (!referentialRead || referentialRead.expires <= Date.now()) referentialRead = { value: Promise.all([q(PILIERS), q(AMBITIONS), q(QUARTIERS), q(COMMUNES)]), expires: Date.now() + 60_000 };
  return referentialRead.value;
}

const HEADLINE_OPTIONS = "MaxFragments=1, MaxWords=28, MinWords=12, FragmentDelimiter=' … ', StartSel=\uE000, StopSel=\uE001";

function card(r: Row, excerpt?: string) {
  const place = [r[8], r[10]].filter(Boolean).map(esc).join(", ");
  const text = excerpt ? `<p class="excerpt">${esc(excerpt).replace(/\uE000/g, "<mark>").replace(/\uE001/g, "</mark>")}</p>` : "";
  return `<li class="card"><h2><a href="/propositions/${esc(r[0])}">${esc(r[1])}</a></h2><p class="tag">${esc(r[2])}</p><p>Ambition ${esc(r[5])} : ${esc(r[6])}</p><p>${place}</p>${text}<p>${esc(r[11])} soutiens · ${esc(r[12])} contributions · <time datetime="${esc(r[13])}">${esc(String(r[13]).slice(0, 10))}</time></p></li>`;
}

function facetList(rows: Row[][]) {
  return `<ul class="facets">${rows.flat().map((r) => `<li>${esc(r[0])} ${esc(r[1] ?? r[2] ?? r[4] ?? r[5])} : ${esc(r[6])}</li>`).join("")}</ul>`;
}

async function listPage(url: URL) {
  const [piliers, ambitions, quartiers, communes] = await referential();
  const text = url.searchParams.get("q");
  const ambition = Number(url.searchParams.get("ambition") ?? 0);
  let after: [string, string] | null = null;
  try {
    const decoded = JSON.parse(Buffer.from(url.searchParams.get("apres") ?? "", "base64url").toString()) as [string, string, string];
    if (decoded[0] === "t") after = [decoded[1], decoded[2]];
  } catch {
    // first page
  }
  let rows: Row[];
  let facets: Row[][];
  const excerpts = new Map<string, string>();
  if (text) {
    [rows, facets] = await Promise.all([
      q(SEARCH_PAGE, [text, text, 1000, 21]).then(async (page) => {
        const ids = page.slice(0, 20).map((r) => r[0]);
        if (ids.length) for (const h of await q(SEARCH_HEADLINES(ids.length), [text, HEADLINE_OPTIONS, ...ids])) excerpts.set(String(h[0]), String(h[2]));
        return page;
      }),
      cached(`q:${text}`, () => Promise.all([q(SEARCH_FACETS, ["ambition", "place", "status", "origin", text])])),
    ]);
  } else {
    [rows, facets] = await Promise.all([
      after ? q(LIST_AFTER, [ambition, after[0], after[1], 21]) : q(LIST_PAGE, [ambition, 21]),
      cached(`a:${ambition}`, () => Promise.all([q(LIST_FACETS_OTHERS, ["place", "status", "origin", ambition]), q(LIST_FACETS_AMBITION, ["ambition"])])),
    ]);
  }
  const items = rows.slice(0, 20);
  const last = items.at(-1);
  const next = rows.length > 20 && last ? Buffer.from(JSON.stringify(["t", last[13], last[0]])).toString("base64url") : null;
  const options = `<select name="ambition">${ambitions.map((a) => `<option value="${esc(a[0])}">${esc(a[2])}</option>`).join("")}</select><select name="quartier">${quartiers.map((x) => `<option value="${esc(x[0])}">${esc(x[1])}</option>`).join("")}</select><select name="commune">${communes.map((c) => `<option value="${esc(c[0])}">${esc(c[1])}</option>`).join("")}</select><p>${piliers.length} piliers</p>`;
  return `<main><h1>Propositions</h1><form>${options}</form>${facetList(facets)}<ol class="cards">${items.map((r) => card(r, excerpts.get(String(r[0])))).join("")}</ol>${next ? `<a href="/propositions?ambition=${ambition}&amp;apres=${next}">Suivantes</a>` : ""}</main>`;
}

async function proposalPage(id: string) {
  const [[proposal], events] = await Promise.all([q(PAGE_PROPOSAL, [id, 1]), q(PAGE_EVENTS, [id])]);
  if (!proposal || proposal[23]) return null;
  const [panel] = await q(PAGE_SUPPORT_PANEL, [id, 1]);
  const [counts] = await q(PAGE_CONTRIBUTION_COUNTS, [id, id]);
  const top = await q(PAGE_CONTRIBUTIONS, [id, 50]);
  const replies = top.length ? await q(PAGE_REPLIES(top.length), top.map((c) => c[0])) : [];
  const contribution = (c: Row) => `<li><p>${esc(c[10])} · ${esc(c[4])}</p><p>${c[3] === null ? "Contribution supprimée" : esc(c[3])}</p>`;
  const thread = top
    .map((c) => `${contribution(c)}<ol>${replies.filter((r) => r[1] === c[0]).map((r) => `${contribution(r)}</li>`).join("")}</ol></li>`)
    .join("");
  const body = String(proposal[2]).split(/\n{2,}/).map((p) => `<p>${esc(p)}</p>`).join("");
  return `<main><article><h1>${esc(proposal[1])}</h1><p>${esc(proposal[9])} · Ambition ${esc(proposal[10])} : ${esc(proposal[11])} · ${esc(proposal[13])}</p>${body}<ol class="timeline">${events.map((e) => `<li>${esc(e[1])} ${esc(e[3])}</li>`).join("")}</ol><p>${esc(panel?.[3])} soutiens</p><h2>${esc(counts?.[0])} contributions (${esc(counts?.[3])})</h2><ol>${thread}</ol></article></main>`;
}

const DAY = 86_400_000;
const storeKey = (value: string) => createHash("sha256").update(value.trim().toLowerCase()).digest("base64url").slice(0, 32);

async function viewerOf(req: IncomingMessage) {
  const sessionId = /(?:^|;\s*)labo_session=([^;]+)/.exec(req.headers.cookie ?? "")?.[1];
  if (!sessionId) return null;
  const [row] = await q(SESSION_USER, [sessionId]);
  if (!row) return null;
  const expiresAt = new Date(row[2] as string | Date).getTime();
  if (expiresAt <= Date.now()) return null;
  if (expiresAt - Date.now() < 15 * DAY) await q(SESSION_EXTEND, [new Date(Date.now() + 30 * DAY), sessionId]);
  return { id: String(row[1]), verified: row[6] !== null, roles: row[9] };
}

async function consume(key: string) {
  const now = new Date();
  const expire = new Date(now.getTime() + 600_000);
  await q(RATE_LIMIT, [key, 1, expire, now, 1, 1, now, expire]);
}

const OPEN = ["published", "qualified", "under_review", "on_copil_agenda"];

async function support(req: IncomingMessage, res: ServerResponse, proposalId: string) {
  const viewer = await viewerOf(req);
  if (!viewer) return send(res, 303, "", "text/plain", { location: "/connexion" });
  const form = new URLSearchParams(await readBody(req));
  const intent = form.get("intent");
  if (intent !== "support" && intent !== "withdraw") return send(res, 400, JSON.stringify({ error: "invalid" }), "application/json");
  await Promise.all([consume(`support:account:${storeKey(viewer.id)}`), consume(`support:address:${storeKey(req.socket.remoteAddress ?? "unknown")}`)]);
  if (!viewer.verified) return send(res, 403, JSON.stringify({ error: "verifyEmail" }), "application/json");
  // Columns: status, author_id, open, qualified, support_count, changed (and just_qualified, threshold for a support).
  const [row] = intent === "support" ? await q(SUPPORT, [...OPEN, proposalId, viewer.id, viewer.id, viewer.id, proposalId]) : await q(WITHDRAW, [...OPEN, proposalId, viewer.id]);
  if (!row || (row[0] === "draft" && row[1] !== viewer.id)) return send(res, 404, JSON.stringify({ error: "notFound" }), "application/json");
  if (intent === "support" && row[1] === viewer.id) return send(res, 409, JSON.stringify({ error: "ownProposal" }), "application/json");
  if (!row[2]) return send(res, 409, JSON.stringify({ error: "closed" }), "application/json");
  send(res, 200, JSON.stringify({ supported: intent === "support", supportCount: row[4], qualified: row[3], justQualified: intent === "support" && row[6] === true }), "application/json");
}

function readBody(req: IncomingMessage) {
  return new Promise<string>((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (data += chunk));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, body: string, type: string, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": `${type}; charset=utf-8`, "content-length": Buffer.byteLength(body), ...headers });
  res.end(body);
}

const page = (main: string) => `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>Labo</title></head><body>${main}</body></html>`;

createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://localhost");
  const soutien = /^\/propositions\/([0-9a-f-]{36})\/soutien$/.exec(url.pathname);
  const proposal = /^\/propositions\/([0-9a-f-]{36})$/.exec(url.pathname);
  (async () => {
    if (url.pathname === "/healthz") return send(res, 200, "ok", "text/plain");
    if (req.method === "POST" && soutien) return support(req, res, soutien[1]!);
    if (url.pathname === "/propositions") return send(res, 200, page(await listPage(url)), "text/html");
    if (proposal) {
      const main = await proposalPage(proposal[1]!);
      return main ? send(res, 200, page(main), "text/html") : send(res, 404, "", "text/plain");
    }
    send(res, 404, "", "text/plain");
  })().catch((error: unknown) => {
    console.error(error);
    if (!res.headersSent) send(res, 500, "", "text/plain");
  });
}).listen(port, () => console.log(`baseline on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void sql.end({ timeout: 5 }).finally(() => process.exit(0)));
