/**
 * Reference lists that are not in the seed documents' tables: the program, its phase, the
 * funding sources and support policies named in the plans, and the table templates with their
 * rules. Aliases are folded labels (lower case, no diacritics) as published headings use them.
 */

export const programSeed = {
  key: 'CTMTQG-GNBV',
  name: 'Chương trình mục tiêu quốc gia giảm nghèo bền vững',
  nameEn: 'National Target Program for Sustainable Poverty Reduction',
};

export const phaseSeed = {
  key: '2021-2025',
  name: 'Giai đoạn 2021 – 2025',
  startsOn: '2021-01-01',
  endsOn: '2025-12-31',
  legalBasis: '90/QĐ-TTg (18/01/2022)',
};

export const fundingSourceSeeds = [
  {
    key: 'central-budget',
    name: 'Ngân sách Trung ương',
    nameEn: 'Central budget',
    aliases: ['ngan sach trung uong', 'nstw', 'von ngan sach trung uong'],
  },
  {
    key: 'local-budget',
    name: 'Ngân sách địa phương',
    nameEn: 'Local budget',
    aliases: ['ngan sach dia phuong', 'ngan sach thanh pho', 'ngan sach tinh', 'ngan sach huyen', 'nsdp', 'von ngan sach dia phuong'],
  },
  {
    key: 'preferential-loans',
    name: 'Vốn vay ưu đãi (tín dụng chính sách)',
    nameEn: 'Preferential loans (Vietnam Bank for Social Policies)',
    aliases: ['von vay uu dai', 'tin dung chinh sach', 'von tin dung chinh sach', 'von tin dung uu dai'],
  },
  {
    key: 'community',
    name: 'Huy động cộng đồng và vốn hợp pháp khác',
    nameEn: 'Community and other lawful mobilisation',
    aliases: ['huy dong cong dong', 'von huy dong hop phap khac', 'huy dong hop phap khac', 'von huy dong', 'von doi ung'],
  },
  {
    key: 'integrated',
    name: 'Vốn lồng ghép',
    nameEn: 'Integrated from other programs',
    aliases: ['von long ghep', 'long ghep'],
  },
];

export const supportPolicySeeds = [
  { key: 'preferential-credit', name: 'Tín dụng ưu đãi', nameEn: 'Preferential credit', aliases: ['tin dung uu dai', 'vay von uu dai'] },
  { key: 'health', name: 'Hỗ trợ về y tế', nameEn: 'Health support', aliases: ['ve y te', 'bao hiem y te', 'the bhyt'] },
  { key: 'education', name: 'Hỗ trợ về giáo dục', nameEn: 'Education support', aliases: ['ve giao duc', 'hoc phi', 'chi phi hoc tap'] },
  { key: 'electricity', name: 'Hỗ trợ tiền điện', nameEn: 'Electricity support', aliases: ['tien dien'] },
  { key: 'clean-water', name: 'Hỗ trợ nước sạch', nameEn: 'Clean water support', aliases: ['nuoc sach'] },
  { key: 'ethnic-minority-students', name: 'Hỗ trợ sinh viên nghèo dân tộc thiểu số', nameEn: 'Support for poor ethnic-minority students', aliases: ['sinh vien ngheo dan toc thieu so'] },
  { key: 'tet-allowance', name: 'Trợ cấp Tết Nguyên đán', nameEn: 'Lunar New Year allowance', aliases: ['tet nguyen dan'] },
];

/**
 * Rules name columns by role so that one template fits any subset of funding sources:
 * "TOTAL" is the Tổng số column, "FUNDING_SOURCES" every column linked to a funding source.
 */
export const templateSeeds = [
  {
    key: 'budget-by-funding-source',
    name: 'Dự toán kinh phí theo nguồn vốn (budget estimate by funding source)',
    rules: [
      { id: 'row-total', kind: 'ROW_SUM', severity: 'ERROR', totalColumn: 'TOTAL', partColumns: 'FUNDING_SOURCES', missing: 'ROLLUP' },
      { id: 'parent-sum', kind: 'HIERARCHY_SUM', severity: 'ERROR', missing: 'ROLLUP' },
      { id: 'grand-total', kind: 'GRAND_TOTAL', severity: 'ERROR', missing: 'ROLLUP' },
      { id: 'non-negative', kind: 'NON_NEGATIVE', severity: 'ERROR' },
    ],
  },
];
