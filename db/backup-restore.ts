/**
 * Backs up a PostgreSQL database and proves the backup restores: `pg_dump -Fc`, `createdb` a fresh database
 * on the same server, `pg_restore` into it, then the row count of every table, source against restore.
 * Exits 1 on any difference. The source is counted inside the very snapshot pg_dump saves
 * (`--snapshot`), so a live database that keeps changing still compares exactly.
 *
 *   npx tsx db/backup-restore.ts --source postgres://…/labo [--keep-dump DIR] [--keep-restore]
 *
 * --source defaults to DATABASE_URL. --keep-dump keeps the dump (DIR/<database>-<time>.dump): a nightly
 * backup that is verified as it is made. The restored database is dropped unless --keep-restore.
 * The client tools must be of the server's major version or newer: /usr/lib/postgresql/<major>/bin is
 * preferred when present, PG_BIN overrides.
 */
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import postgres from "postgres";

const run = promisify(execFile);

export type TableCounts = Map<string, number>;

/** Every table outside the system schemas (the app's, and drizzle's migration journal), with its row count. */
async function countRows(sql: postgres.Sql | postgres.TransactionSql): Promise<TableCounts> {
  const tables = await sql<{ name: string }[]>`
    select format('%I.%I', schemaname, tablename) as name from pg_tables
     where schemaname not in ('pg_catalog', 'information_schema') order by 1`;
  if (tables.length === 0) return new Map();
  const query = tables.map(({ name }) => `select ${quoteLiteral(name)} as name, count(*)::bigint as n from ${name}`).join(" union all ");
  const rows = await sql.unsafe<{ name: string; n: string }[]>(query);
  return new Map(rows.map((row) => [row.name, Number(row.n)]));
}

const quoteLiteral = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** The lines that differ between two counts (a table missing on one side counts as a difference). */
export function compareCounts(source: TableCounts, restored: TableCounts): string[] {
  const names = [...new Set([...source.keys(), ...restored.keys()])].sort();
  return names.flatMap((name) => {
    const [a, b] = [source.get(name), restored.get(name)];
    return a === b ? [] : [`${name}: ${a ?? "missing"} in the source, ${b ?? "missing"} in the restore`];
  });
}

function withDatabase(url: string, database: string) {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/** pg_dump and friends of the server's major version when the machine has them side by side (Debian's layout). */
async function clientTools(serverMajor: number) {
  const bin = process.env.PG_BIN ?? [`/usr/lib/postgresql/${serverMajor}/bin`].find((dir) => existsSync(path.join(dir, "pg_dump")));
  const tool = (name: string) => (bin ? path.join(bin, name) : name);
  const { stdout } = await run(tool("pg_dump"), ["--version"]);
  const clientMajor = Number(/(\d+)(?:\.\d+)?/.exec(stdout)?.[1]);
  if (!(clientMajor >= serverMajor)) throw new Error(`pg_dump ${clientMajor} cannot back up a PostgreSQL ${serverMajor} server: install its client tools, or set PG_BIN.`);
  return { pgDump: tool("pg_dump"), pgRestore: tool("pg_restore"), createdb: tool("createdb"), version: stdout.trim() };
}

export async function backupAndVerify(input: { source: string; keepDump?: string; keepRestore?: boolean; log?: (line: string) => void }) {
  const log = input.log ?? ((line: string) => console.log(line));
  const sourceName = decodeURIComponent(new URL(input.source).pathname.slice(1));
  const restoreName = `${sourceName}_restore_${randomBytes(4).toString("hex")}`;
  const restoreUrl = withDatabase(input.source, restoreName);
  const maintenanceUrl = withDatabase(input.source, "postgres");
  const workDir = mkdtempSync(path.join(tmpdir(), "labo-backup-"));
  if (input.keepDump) mkdirSync(input.keepDump, { recursive: true });
  const dumpFile = input.keepDump ? path.join(input.keepDump, `${sourceName}-${new Date().toISOString().replace(/[:.]/g, "-")}.dump`) : path.join(workDir, "backup.dump");

  const source = postgres(input.source, { max: 1, onnotice: () => {} });
  const admin = postgres(maintenanceUrl, { max: 1, onnotice: () => {} });
  let restoreCreated = false;
  try {
    const [version] = await source<{ server_version_num: string }[]>`show server_version_num`;
    const tools = await clientTools(Math.floor(Number(version!.server_version_num) / 10_000));
    log(`Backing up ${sourceName} with ${tools.version}`);

    // One repeatable-read transaction holds the snapshot pg_dump saves while the source is counted in it.
    const sourceCounts = await source.begin("isolation level repeatable read read only", async (tx) => {
      const [exported] = await tx<{ snapshot: string }[]>`select pg_export_snapshot() as snapshot`;
      await run(tools.pgDump, ["--format=custom", `--snapshot=${exported!.snapshot}`, `--file=${dumpFile}`, `--dbname=${input.source}`]);
      return countRows(tx);
    });
    const total = [...sourceCounts.values()].reduce((a, b) => a + b, 0);
    log(`Dump written (${dumpFile}): ${sourceCounts.size} tables, ${total} rows`);

    await run(tools.createdb, [`--maintenance-db=${maintenanceUrl}`, restoreName]);
    restoreCreated = true;
    await run(tools.pgRestore, ["--no-owner", "--no-privileges", "--exit-on-error", "--jobs=2", `--dbname=${restoreUrl}`, dumpFile]);
    const restore = postgres(restoreUrl, { max: 1, onnotice: () => {} });
    const restoredCounts = await countRows(restore).finally(() => restore.end());
    log(`Restored into ${restoreName}`);

    const differences = compareCounts(sourceCounts, restoredCounts);
    if (sourceCounts.size === 0) differences.push("the source has no table: nothing was backed up");
    for (const line of differences) log(`  DIFFERENT ${line}`);
    if (!differences.length) log(`Every table has the same number of rows in the restore (${sourceCounts.size} tables, ${total} rows).`);
    return { ok: differences.length === 0, differences, sourceCounts, restoredCounts, dumpFile: input.keepDump ? dumpFile : null, restoreName };
  } finally {
    await source.end();
    if (restoreCreated && !input.keepRestore) await admin.unsafe(`drop database if exists "${restoreName.replaceAll('"', '""')}" with (force)`);
    else if (restoreCreated) log(`Kept the restore: ${restoreName}`);
    await admin.end();
    rmSync(workDir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name: string) => {
    const at = args.indexOf(name);
    return at === -1 ? undefined : args[at + 1];
  };
  const source = option("--source") ?? process.env.DATABASE_URL;
  if (!source) {
    console.error("Usage: npx tsx db/backup-restore.ts --source postgres://user@host:5432/database [--keep-dump DIR] [--keep-restore] (or DATABASE_URL)");
    process.exit(2);
  }
  try {
    const result = await backupAndVerify({ source, keepDump: option("--keep-dump"), keepRestore: args.includes("--keep-restore") });
    process.exit(result.ok ? 0 : 1);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(2);
  }
}
