/**
 * EXPLAIN ANALYZE of the queries behind /propositions (pages, counts per filter, account lists) on a table
 * filled like real use, plus their median time through the app's own functions. It reports; it asserts
 * nothing. Needs PostgreSQL (PGlite's planner is the same, its timings are not):
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npx tsx tests/bench/finding-explain.ts [rows] [--plans] [--keep]
 *
 * A throw-away database is created next to DATABASE_URL's and dropped at the end (kept with --keep, to
 * try other queries in psql: its name is printed).
 */
import postgres from "postgres";

const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) throw new Error("Set DATABASE_URL to a PostgreSQL server (this script creates and drops its own database).");
const rowCount = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 20_000);
const showPlans = process.argv.includes("--plans");
const keep = process.argv.includes("--keep");
const name = `labo_finding_explain_${Date.now().toString(36)}`;
const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database "${name}"`);
const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
// "test" turns the count cache off: every count below is really computed.
process.env.NODE_ENV = "test";

const raw = postgres(url.toString(), { max: 1, onnotice: () => {} });
try {
  // The app's modules read DATABASE_URL when first imported.
  const { dbHandle } = await import("#app/db.server.ts");
  const { migrateDb } = await import("#db/migrate.ts");
  const { seedReferential } = await import("#db/seed.ts");
  await migrateDb(dbHandle);
  await seedReferential(dbHandle.db);
  const search = await import("#app/modules/proposals-search/proposal-search-queries.server.ts");
  const own = await import("#app/modules/proposals-search/own-proposals-queries.server.ts");
  const { encodeCursor } = await import("#app/modules/proposals-search/proposal-cursor.server.ts");

  let started = performance.now();
  await fill(raw, rowCount);
  console.log(`Filled ${rowCount} proposals in ${((performance.now() - started) / 1000).toFixed(1)} s; vacuum analyze…`);
  started = performance.now();
  await raw.unsafe("vacuum analyze");
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);

  type Explainable = { toSQL: () => { sql: string; params: unknown[] } };
  async function explain(label: string, query: Explainable) {
    const { sql, params } = query.toSQL();
    const plan = (await raw.unsafe(`explain (analyze, buffers) ${sql}`, params as never[])) as unknown as { "QUERY PLAN": string }[];
    const lines = plan.map((row) => row["QUERY PLAN"]);
    const time = lines.find((l) => l.startsWith("Execution Time"))?.replace("Execution Time: ", "") ?? "?";
    const nodes = lines
      .filter((l) => /(Scan|Sort|Aggregate|Limit|Join|Nested Loop|Hash|Append|Gather|MixedAggregate)/.test(l) && !/^\s*(Sort Key|Hash Cond|Buffers)/.test(l))
      .map((l) => l.trim().replace(/\s*\(cost=.*?\)/, "").replace(/ \(actual time=[^)]*\)/, (m) => m.replace(/actual time=[\d.]+\.\./, "t=").replace(/ loops=1/, "")))
      .slice(0, 8);
    console.log(`• ${label}: ${time}`);
    for (const node of showPlans ? lines : nodes) console.log(`    ${node}`);
  }

  async function median(label: string, run: () => Promise<unknown>, times = 15) {
    await run();
    const samples: number[] = [];
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    samples.sort((a, b) => a - b);
    console.log(`  ⏱ ${label}: median ${samples[Math.floor(times / 2)]!.toFixed(2)} ms, max ${samples.at(-1)!.toFixed(2)} ms`);
  }

  /** The row at `offset` of a sort, as a cursor (a "deep page"). */
  async function cursorAt(filters: Parameters<typeof search.pageQuery>[0], sort: "recent" | "supported" | "relevance", offset: number) {
    const rows = await search.pageQuery(filters, sort, {}, offset + 1);
    const row = rows.at(-1)!;
    return encodeCursor({ sort, value: sort === "recent" ? row.date : sort === "supported" ? row.supportCount : row.rank, id: row.id });
  }
  const decodeFor = async (cursor: string, sort: "recent" | "supported" | "relevance") => (await import("#app/modules/proposals-search/proposal-cursor.server.ts")).decodeCursor(cursor, sort)!;

  console.log("## Pages (LIMIT 21)");
  await explain("recent, no filter, page 1", search.pageQuery({}, "recent", {}, 21));
  const deepAll = await cursorAt({}, "recent", Math.floor(rowCount * 0.8));
  await explain("recent, no filter, page at 80% of the list", search.pageQuery({}, "recent", { after: await decodeFor(deepAll, "recent") }, 21));
  await explain("ambition 3, recent, page 1", search.pageQuery({ ambition: 3 }, "recent", {}, 21));
  const deepAmbition = await cursorAt({ ambition: 3 }, "recent", Math.floor(rowCount / 12 / 2));
  await explain("ambition 3, recent, deep page (middle of the ambition)", search.pageQuery({ ambition: 3 }, "recent", { after: await decodeFor(deepAmbition, "recent") }, 21));
  const deepSupported = await cursorAt({ ambition: 3 }, "supported", Math.floor(rowCount / 12 / 2));
  await explain("ambition 3, most supported, deep page", search.pageQuery({ ambition: 3 }, "supported", { after: await decodeFor(deepSupported, "supported") }, 21));
  await explain("ambition 3, most discussed, page 1", search.pageQuery({ ambition: 3 }, "discussed", {}, 21));
  await explain("quartier, recent, page 1", search.pageQuery({ quartier: "QP062024" }, "recent", {}, 21));
  await explain("quartier, most supported, page 1", search.pageQuery({ quartier: "QP062024" }, "supported", {}, 21));
  await explain("commune lens (commune or its quartiers), recent", search.pageQuery({ commune: "lens" }, "recent", {}, 21));
  await explain("pilier 2, recent", search.pageQuery({ pilier: 2 }, "recent", {}, 21));
  await explain("status awaiting + ambition 3, recent", search.pageQuery({ status: "awaiting", ambition: 3 }, "recent", {}, 21));
  await explain("origin conseil citoyen (rare), recent", search.pageQuery({ origin: "conseil_citoyen" }, "recent", {}, 21));
  await explain("search 'école', relevance, page 1", search.pageQuery({ q: "école" }, "relevance", {}, 21));
  const deepSearch = await cursorAt({ q: "école" }, "relevance", 400);
  await explain("search 'école', relevance, deep page (400)", search.pageQuery({ q: "école" }, "relevance", { after: await decodeFor(deepSearch, "relevance") }, 21));
  await explain("search 'école', recent", search.pageQuery({ q: "école" }, "recent", {}, 21));
  await explain("search 'jardin partagé' + ambition 8, relevance", search.pageQuery({ q: "jardin partagé", ambition: 8 }, "relevance", {}, 21));

  console.log("\n## Counts per filter");
  for (const [label, filters] of [
    ["no filter", {}],
    ["ambition 3", { ambition: 3 }],
    ["ambition 3 + quartier", { ambition: 3, quartier: "QP062024" }],
    ["search 'école'", { q: "école" }],
  ] as const) {
    for (const plan of search.facetPlans(filters)) {
      await explain(`facets, ${label}: serves ${plan.serves.join("+")}`, search.facetQuery(filters, plan.serves, plan.except));
    }
  }
  await explain("counts for an ambition page (by status)", search.statusCountQuery({ ambition: 3 }));

  console.log("\n## Through the app's functions (median of 15, warm; counts uncached)");
  await median("searchProposals ambition 3 page 1", () => search.searchProposals({ ambition: 3 }));
  await median("searchProposals ambition 3 deep page", () => search.searchProposals({ ambition: 3, after: deepAmbition }));
  await median("searchProposals no filter deep page", () => search.searchProposals({ after: deepAll }));
  await median("searchProposals search 'école' (with excerpts)", () => search.searchProposals({ q: "école" }));
  await median("counts, no filter", () => search.countProposalFacets({}));
  await median("counts, ambition 3", () => search.countProposalFacets({ ambition: 3 }));
  await median("counts, ambition 3 + quartier", () => search.countProposalFacets({ ambition: 3, quartier: "QP062024" }));
  await median("counts, search 'école'", () => search.countProposalFacets({ q: "école" }));
  await median("counts for an ambition page", () => search.countProposalsByStatus({ ambition: 3 }));
  await median("account: own proposals (~10)", () => own.listOwnProposals("bench-1", "authored"));
  await median("account: own supports (300)", () => own.listOwnProposals("bench-1", "supported"));
  await dbHandle.close();
} finally {
  await raw.end();
  if (keep) console.log(`\nKept database ${name}`);
  else await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
}

/** N proposals skewed like real use: most open, a few very popular, dates over two years, French words. */
async function fill(sql: postgres.Sql, count: number) {
  const userCount = Math.max(100, Math.floor(count / 10));
  await sql.unsafe(`insert into users (id, email, display_name) select 'bench-' || g, 'bench' || g || '@example.org', 'Habitant ' || g from generate_series(1, ${userCount}) g`);
  await sql.unsafe(`
    with words as (
      select array['banc','école','jardin','parc','bus','navette','éclairage','trottoir','propreté','poubelle','sport','terrain',
        'foot','médiathèque','devoirs','santé','emploi','formation','jeunes','seniors','fête','marché','vélo','piste','arbre','ombre',
        'square','aire','jeux','logement','chauffage','isolation','bruit','sécurité','crèche','collège','lycée','association',
        'culture','musique','théâtre','cinéma','piscine','stade','potager','compost','recyclage','mobilité','accessibilité',
        'handicap','numérique','permanence','mairie','quartier','cité','voisins','entraide','repas','cuisine','couture','atelier',
        'partagé','écoles','enfants','parents','sortie','classes','soleil','hiver','soir','samedi','familles'] as w
    ),
    codes as (select array_agg(code order by code) as c from quartiers),
    base as (
      select g, random() as r, random() as o, codes.c[1 + floor(random() * array_length(codes.c, 1))::int] as qc
      from generate_series(1, ${count}) g, codes
    )
    insert into proposals (author_id, title, body, ambition_number, quartier_code, commune_slug, status, origin,
      support_count, contribution_count, published_at, created_at, hidden_at)
    select
      'bench-' || (1 + g % ${userCount}),
      initcap(w[1 + floor(random() * array_length(w, 1))::int]) || ' ' || w[1 + floor(random() * array_length(w, 1))::int] || ' pour le ' || w[1 + floor(random() * array_length(w, 1))::int] || ' ' || g,
      array_to_string(array(select w[1 + floor(random() * array_length(w, 1))::int] from generate_series(1, 40) s where s > 0 * g), ' '),
      1 + floor(random() * 12)::int,
      qc,
      case when o < 0.8 then (select commune_slug from quartier_communes x where x.quartier_code = base.qc order by commune_slug limit 1) end,
      case when r < 0.01 then 'draft' when r < 0.86 then 'published' when r < 0.94 then 'qualified' when r < 0.97 then 'under_review'
           when r < 0.98 then 'on_copil_agenda' when r < 0.99 then 'decided' else 'withdrawn' end,
      case when o < 0.9 then 'resident' when o < 0.96 then 'labo_session' else 'conseil_citoyen' end,
      floor(power(random(), 8) * 500)::int,
      floor(power(random(), 6) * 200)::int,
      case when r < 0.01 then null else now() - random() * interval '730 days' end,
      now() - interval '731 days' + (g * interval '1 second'),
      case when random() < 0.005 then now() end
    from base, words`);
  await sql.unsafe(`insert into supports (proposal_id, user_id) select id, 'bench-1' from proposals where status <> 'draft' order by id limit 300`);
}
