import type { SeedSuccession, SeedUnit } from './types';

/**
 * Administrative units the seed documents and DOMAIN.md need, with their validity, and the
 * 1 July 2025 reorganisation (Nghị quyết 202/2025/QH15: 63 provinces → 34, district level abolished).
 *
 * Conventions
 * - key = "<official code>@<year of validFrom>"; a code reused by a successor gets a new key
 *   ("92@2004" old Cần Thơ, "92@2025" new Cần Thơ).
 * - validTo is the last day the unit existed (inclusive): every province that was merged, and every
 *   district, ends on 2025-06-30; the merged provinces start on 2025-07-01.
 * - Cao Bằng (04) was not merged: it continues as one record with no validTo.
 * - Districts get no successions: no seed names the communes that replaced them, and roll-ups go
 *   through the province-level successions below.
 * - The Cần Thơ plan 132 names no quận/huyện (it only says "Ủy ban nhân dân quận, huyện"), so no
 *   Cần Thơ districts are modelled.
 */
export const seedUnits: SeedUnit[] = [
  // ---- Provinces that existed until the 2025 reorganisation ----------------------------------
  {
    // Thành phố Cần Thơ trực thuộc TW: Nghị quyết 22/2003/QH11, in force 2004-01-01 (Hậu Giang split off the same day).
    key: '92@2004',
    code: '92',
    name: 'Thành phố Cần Thơ',
    nameEn: 'Can Tho City',
    level: 'PROVINCE',
    validFrom: '2004-01-01',
    validTo: '2025-06-30',
  },
  {
    // Split from the former Cần Thơ province together with the city, in force 2004-01-01.
    key: '93@2004',
    code: '93',
    name: 'Tỉnh Hậu Giang',
    nameEn: 'Hau Giang Province',
    level: 'PROVINCE',
    validFrom: '2004-01-01',
    validTo: '2025-06-30',
  },
  {
    // Re-established when Hậu Giang (1976–1991) was split into Cần Thơ and Sóc Trăng (Quốc hội,
    // 26/12/1991); the province started operating on 1/4/1992. Day not verified against the resolution.
    key: '94@1992',
    code: '94',
    name: 'Tỉnh Sóc Trăng',
    nameEn: 'Soc Trang Province',
    level: 'PROVINCE',
    validFrom: '1992-04-01',
    validTo: '2025-06-30',
  },
  {
    // Re-established from Minh Hải, in force 1997-01-01.
    key: '95@1997',
    code: '95',
    name: 'Tỉnh Bạc Liêu',
    nameEn: 'Bac Lieu Province',
    level: 'PROVINCE',
    validFrom: '1997-01-01',
    validTo: '2025-06-30',
  },
  {
    // Re-established from Minh Hải, in force 1997-01-01.
    key: '96@1997',
    code: '96',
    name: 'Tỉnh Cà Mau',
    nameEn: 'Ca Mau Province',
    level: 'PROVINCE',
    validFrom: '1997-01-01',
    validTo: '2025-06-30',
  },
  {
    // Saigon – Gia Định renamed Thành phố Hồ Chí Minh by the National Assembly on 2/7/1976.
    key: '79@1976',
    code: '79',
    name: 'Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City',
    level: 'PROVINCE',
    validFrom: '1976-07-02',
    validTo: '2025-06-30',
  },
  {
    // Sông Bé split into Bình Dương and Bình Phước, in force 1997-01-01.
    key: '74@1997',
    code: '74',
    name: 'Tỉnh Bình Dương',
    nameEn: 'Binh Duong Province',
    level: 'PROVINCE',
    validFrom: '1997-01-01',
    validTo: '2025-06-30',
  },
  {
    // Established by the National Assembly resolution of 12/8/1991 (from Đồng Nai and the Vũng Tàu – Côn
    // Đảo special zone). Unverified: the day it took effect may differ from the resolution date.
    key: '77@1991',
    code: '77',
    name: 'Tỉnh Bà Rịa – Vũng Tàu',
    nameEn: 'Ba Ria – Vung Tau Province',
    level: 'PROVINCE',
    validFrom: '1991-08-12',
    validTo: '2025-06-30',
  },

  // ---- Province that continues unchanged ------------------------------------------------------
  {
    // Cao Bằng was part of Cao Lạng (1975–1978) and was re-established when Cao Lạng was split
    // (National Assembly resolution of 29/12/1978). Not merged in 2025: one record, no validTo.
    key: '04@1978',
    code: '04',
    name: 'Tỉnh Cao Bằng',
    nameEn: 'Cao Bang Province',
    level: 'PROVINCE',
    validFrom: '1978-12-29',
  },

  // ---- Provinces formed on 1 July 2025 ---------------------------------------------------------
  {
    // Cần Thơ + Sóc Trăng + Hậu Giang.
    key: '92@2025',
    code: '92',
    name: 'Thành phố Cần Thơ',
    nameEn: 'Can Tho City',
    level: 'PROVINCE',
    validFrom: '2025-07-01',
  },
  {
    // Bạc Liêu + Cà Mau.
    key: '96@2025',
    code: '96',
    name: 'Tỉnh Cà Mau',
    nameEn: 'Ca Mau Province',
    level: 'PROVINCE',
    validFrom: '2025-07-01',
  },
  {
    // Hồ Chí Minh City + Bình Dương + Bà Rịa – Vũng Tàu.
    key: '79@2025',
    code: '79',
    name: 'Thành phố Hồ Chí Minh',
    nameEn: 'Ho Chi Minh City',
    level: 'PROVINCE',
    validFrom: '2025-07-01',
  },

  // ---- Districts named in the seeds (district level abolished after 2025-06-30) ---------------
  {
    // Thị xã Bạc Liêu became Thành phố Bạc Liêu by Nghị quyết 32/NQ-CP of 27/8/2010 (same code 954);
    // the earlier thị xã is not modelled because no seed needs it.
    key: '954@2010',
    code: '954',
    name: 'Thành phố Bạc Liêu',
    nameEn: 'Bac Lieu City',
    level: 'DISTRICT',
    parentKey: '95@1997',
    validFrom: '2010-08-27',
    validTo: '2025-06-30',
  },
  {
    // Unverified validFrom: huyện Duyên Hải (transferred to Hồ Chí Minh City in 1978) was renamed
    // huyện Cần Giờ in 1991; the exact day of the renaming was not verified, 1991-01-01 is a placeholder.
    key: '787@1991',
    code: '787',
    name: 'Huyện Cần Giờ',
    nameEn: 'Can Gio District',
    level: 'DISTRICT',
    parentKey: '79@1976',
    validFrom: '1991-01-01',
    validTo: '2025-06-30',
  },
];

const REORGANISATION_2025 = 'Nghị quyết 202/2025/QH15 sắp xếp đơn vị hành chính cấp tỉnh, hiệu lực 01/7/2025';

export const seedSuccessions: SeedSuccession[] = [
  { predecessorKey: '92@2004', successorKey: '92@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '94@1992', successorKey: '92@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '93@2004', successorKey: '92@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '95@1997', successorKey: '96@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '96@1997', successorKey: '96@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '79@1976', successorKey: '79@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '74@1997', successorKey: '79@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
  { predecessorKey: '77@1991', successorKey: '79@2025', effectiveOn: '2025-07-01', kind: 'MERGE', note: REORGANISATION_2025 },
];
