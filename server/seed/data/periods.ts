import type { SeedPeriod } from './types';

/**
 * Reporting periods. A stock (a rate, a number of poor households) belongs to the period at whose
 * end it is measured; a flow (households that escaped poverty, houses built, a reduction) is the
 * total over the period. See the header of indicator-values.ts for how the documents map onto these.
 */
export const seedPeriods: SeedPeriod[] = [
  // Deadlines from plan 132 (Tổ chức thực hiện): 6-month reports before 15 June, annual reports before 15 November.
  { key: '2021-2025', label: 'Giai đoạn 2021 – 2025', startsOn: '2021-01-01', endsOn: '2025-12-31' },
  { key: '2021', label: 'Năm 2021', startsOn: '2021-01-01', endsOn: '2021-12-31' },
  { key: '2022', label: 'Năm 2022', startsOn: '2022-01-01', endsOn: '2022-12-31', reportDeadline: '2022-11-15' },
  { key: '2023', label: 'Năm 2023', startsOn: '2023-01-01', endsOn: '2023-12-31', reportDeadline: '2023-11-15' },
  { key: '2024', label: 'Năm 2024', startsOn: '2024-01-01', endsOn: '2024-12-31', reportDeadline: '2024-11-15' },
  { key: '2024-H1', label: '6 tháng đầu năm 2024', startsOn: '2024-01-01', endsOn: '2024-06-30', reportDeadline: '2024-06-15' },
  { key: '2025', label: 'Năm 2025', startsOn: '2025-01-01', endsOn: '2025-12-31', reportDeadline: '2025-11-15' },
];
