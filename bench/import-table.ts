/**
 * Import speed: a dry run and an import of a 10,000-row × 8-column workbook (STT, label, total and five funding
 * sources, Roman sections, numbered items, a grand total), from the .xlsx bytes to the answer, against an embedded
 * PostgreSQL. Target ≤ 2 s each. Prints median and worst of the timed runs, the memory used and the SQL statements
 * one run sends.
 *
 *   npm run bench:import   (= npm run build && node --max-semi-space-size=64 dist/bench/import-table.js)
 */
import 'reflect-metadata';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import type { EntityManager } from '@mikro-orm/postgresql';
import ExcelJS from 'exceljs';
import { Plan } from '../server/entities';
import { importTable } from '../server/import/import-table';
import { workbookGrid } from '../server/import/workbook-grid';
import { seedIfEmpty } from '../server/seed/load-seed';
import { openScratchDatabase, runBenchmark, startScratchPostgres } from './support/scratch-database';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 10_000);
const SECTION_EVERY = 500;
const RUNS = 3;

/** A consistent table: every total = Σ sources, every section and the grand total = Σ their items. */
async function workbook(): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('Phụ lục');
  sheet.addRow(['STT', 'Nội dung', 'Tổng số', 'Ngân sách Trung ương', 'Ngân sách địa phương', 'Vốn vay ưu đãi', 'Huy động cộng đồng', 'Vốn khác']);
  sheet.addRow([1, 2, 3, 4, 5, 6, 7, 8]);
  const sectionRows: ExcelJS.Row[] = [];
  const grand = [0, 0, 0, 0, 0, 0];
  let section: number[] = [];
  let item = 0;
  const roman = (n: number) => ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII', 'XIII', 'XIV', 'XV', 'XVI', 'XVII', 'XVIII', 'XIX', 'XX', 'XXI'][n];
  for (let r = 0; r < ROWS - 1; r++) {
    if (r % SECTION_EVERY === 0) {
      section = [0, 0, 0, 0, 0, 0];
      const row = sheet.addRow([roman(r / SECTION_EVERY), `Phần ${r / SECTION_EVERY + 1}`]);
      sectionRows.push(row);
      (row as unknown as { sums: number[] }).sums = section;
      item = 0;
      continue;
    }
    item += 1;
    const sources = [r % 97, (r * 7) % 89, (r * 13) % 83, 0, (r * 3) % 79];
    const total = sources.reduce((a, b) => a + b, 0);
    sheet.addRow([String(item), `Dự án ${r}`, total, ...sources]);
    [total, ...sources].forEach((value, index) => {
      section[index] += value;
      grand[index] += value;
    });
  }
  for (const row of sectionRows) (row as unknown as { sums: number[] }).sums.forEach((value, index) => (row.getCell(index + 3).value = value));
  sheet.addRow(['', 'Tổng cộng', ...grand]);
  sheet.eachRow((row, number) => {
    if (number > 2) for (let c = 3; c <= 8; c++) row.getCell(c).numFmt = '#,##0';
  });
  return Buffer.from(await book.xlsx.writeBuffer());
}

function mb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}

async function main(): Promise<void> {
  console.log(`import bench: ${ROWS} rows × 8 columns; node ${process.version}; load ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
  await startScratchPostgres();
  let statements = 0;
  const orm = await openScratchDatabase({ debug: ['query'], logger: () => (statements += 1) });
  await seedIfEmpty(orm.em.fork());
  const body = await workbook();
  console.log(`workbook: ${(body.length / 1024).toFixed(0)} KiB`);
  const planId = (await orm.em.fork().findOneOrFail(Plan, { documentNumber: '132/KH-UBND' })).id;

  for (const dryRun of [true, false]) {
    const samples: number[] = [];
    let runStatements = 0;
    const cpuSamples: number[] = [];
    let peakRss = 0;
    let heapGrowth = 0;
    for (let run = 0; run <= RUNS; run++) {
      const em = orm.em.fork() as EntityManager;
      const plan = await em.findOneOrFail(Plan, { id: planId });
      global.gc?.();
      statements = 0;
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      const { grid, origin } = await workbookGrid(body, {});
      const outcome = await importTable(em, plan, { planId, title: `Bench ${dryRun ? 'dry' : 'import'} ${run}`, unitOfMeasure: 'triệu đồng', grid, origin, dryRun });
      const ms = performance.now() - started;
      const cpu = process.cpuUsage(cpuBefore);
      const sent = statements;
      const memory = process.memoryUsage();
      peakRss = Math.max(peakRss, memory.rss);
      heapGrowth = Math.max(heapGrowth, memory.heapUsed - heapBefore);
      if (outcome.analysis.structure.dataRows !== ROWS || outcome.analysis.findings.length !== 0) throw new Error('the bench table was not read as built');
      if (run > 0) {
        // run 0 warms up
        samples.push(ms);
        cpuSamples.push((cpu.user + cpu.system) / 1000);
        runStatements = sent;
      }
    }
    samples.sort((a, b) => a - b);
    cpuSamples.sort((a, b) => a - b);
    console.log(`${dryRun ? 'dry run' : 'import '}: median ${samples[Math.floor(samples.length / 2)].toFixed(0)} ms, worst ${samples[samples.length - 1].toFixed(0)} ms over ${RUNS} runs (target ≤ 2000 ms); CPU time of this process median ${cpuSamples[Math.floor(cpuSamples.length / 2)].toFixed(0)} ms (PostgreSQL's not included); load ${os.loadavg()[0].toFixed(2)}; peak RSS ${mb(peakRss)}, heap growth during one run ≤ ${mb(heapGrowth)}; ${runStatements} SQL statements a run`);
  }
}

runBenchmark(main);
