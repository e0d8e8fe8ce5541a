/** The plans in the seed documents, and the appendix tables transcribed from them. */
export interface PlanSeed {
  documentNumber: string;
  issuedOn: string | null;
  issuingUnitKey: string;
  documentKey: string;
  periodStart: string;
  periodEnd: string;
  title: string;
  tables: {
    title: string;
    caption: string;
    unitOfMeasure: string;
    template: string;
    /** CSV under server/seed/files, a verbatim copy of the published appendix. */
    file: string;
    componentLinks?: Record<string, string>;
  }[];
}

export const planSeeds: PlanSeed[] = [
  {
    documentNumber: '132/KH-UBND',
    issuedOn: '2022-06-20',
    issuingUnitKey: '92@2004',
    documentKey: 'can-tho-132-2022',
    periodStart: '2021-01-01',
    periodEnd: '2025-12-31',
    title: 'Kế hoạch thực hiện Chương trình mục tiêu quốc gia giảm nghèo bền vững giai đoạn 2021 – 2025 thành phố Cần Thơ',
    tables: [
      {
        title: 'Phụ lục 2',
        caption: 'Dự toán nguồn kinh phí chi kế hoạch thực hiện Chương trình MTQG giảm nghèo bền vững thành phố Cần Thơ giai đoạn 2021 – 2025',
        unitOfMeasure: 'triệu đồng',
        template: 'budget-by-funding-source',
        file: 'can-tho-plan-132-appendix-2.csv',
        // "Tập huấn công tác giảm nghèo" (training) shares no words with the national sub-project names;
        // training of poverty officers is national Dự án 7 Tiểu dự án 1 (capacity building).
        componentLinks: { 'III.6.1': 'DA7.TDA1' },
      },
    ],
  },
  {
    documentNumber: '415/KH-UBND',
    issuedOn: null, // the seed article does not give the date of issue
    issuingUnitKey: '04@1978',
    documentKey: 'cao-bang-415-2024',
    periodStart: '2024-01-01',
    periodEnd: '2024-12-31',
    title: 'Kế hoạch thực hiện Chương trình Mục tiêu quốc gia giảm nghèo bền vững năm 2024 trên địa bàn tỉnh Cao Bằng',
    tables: [],
  },
];
