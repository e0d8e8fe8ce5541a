import type { SeedDocument } from './types';

/**
 * One record per seed file in server/seed/files (the appendix CSV is seeded with its plan elsewhere).
 * Titles are as published (the test checks each occurs in its file, ignoring case and line breaks).
 *
 * News articles have no issuing authority of their own in this model: issuingUnitKey is the unit the
 * article reports on (and whose authority issued the plan or held the review it describes).
 * Kế hoạch 82/KH-UBND (20/4/2023, Cần Thơ, plan for 2023) is only mentioned inside
 * can-tho-2023-results.txt; it is not a seed file and is not recorded as a document.
 */
export const seedDocuments: SeedDocument[] = [
  {
    key: 'can-tho-132-2022',
    file: 'can-tho-plan-132-KH-UBND-2022.txt',
    title: 'Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025 thành phố Cần Thơ',
    documentNumber: '132/KH-UBND',
    // "Kèm theo Kế hoạch số 132/KH-UBND ngày 20 tháng 6 năm 2022 của Ủy ban nhân dân thành phố" (Phụ lục 2).
    issuedOn: '2022-06-20',
    issuingUnitKey: '92@2004',
    kind: 'PLAN',
  },
  {
    // Lao động và Xã hội (LĐXH) article by Mỹ Hạnh on Cần Thơ's 2023 results and 2024 targets;
    // the file gives no publication date.
    key: 'can-tho-2023-results',
    file: 'can-tho-2023-results.txt',
    title: 'Thành phố Cần Thơ tích cực giảm nghèo bền vững',
    issuingUnitKey: '92@2004',
    kind: 'NEWS',
  },
  {
    // Báo Bạc Liêu article (Minh Luân). The page shows "04/07/2024", but the same stamp is on every
    // unrelated "related article" of the page and the text itself is written before the end of 2023
    // ("Dự kiến đến cuối năm", "Từ nay đến cuối năm"), so it is not taken as the publication date.
    key: 'bac-lieu-city-2023',
    file: 'bac-lieu-city-2023-results.txt',
    title: 'TP. Bạc Liêu: Nhiều nỗ lực trong công tác giảm nghèo bền vững',
    issuingUnitKey: '954@2010',
    kind: 'NEWS',
  },
  {
    // Báo Cao Bằng article summarising Kế hoạch 415/KH-UBND (UBND tỉnh Cao Bằng, plan for 2024).
    // documentNumber is that of the plan the article reports; neither the plan's date nor the
    // article's date is given in the file.
    key: 'cao-bang-415-2024',
    file: 'cao-bang-plan-415-KH-UBND-2024.txt',
    title: 'Thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn tỉnh',
    documentNumber: '415/KH-UBND',
    issuingUnitKey: '04@1978',
    kind: 'NEWS',
  },
  {
    // Article on the review conference held on 19/7 (2024) by the district Fatherland Front and the
    // district labour office; no publication date in the file. It contains no indicator figures.
    key: 'can-gio-2024-h1',
    file: 'can-gio-2024-h1-review.txt',
    title: 'Cần Giờ: sơ kết công tác phối hợp thực hiện Chương trình mục tiêu quốc gia Giảm nghèo bền vững',
    issuingUnitKey: '787@1991',
    kind: 'NEWS',
  },
];
