import type { SeedIndicatorValue } from './types';

/**
 * Indicator figures transcribed from the seed documents in server/seed/files.
 *
 * Every `value` is written exactly as published and occurs in `quote`; every `quote` is a verbatim
 * substring of the document file, line breaks included ("\n" where the published text wraps).
 * test/seed-data.test.ts checks this, and checks the comparator against the wording before the figure.
 *
 * PERIOD CONVENTION
 * - A stock (a rate, a number of poor households, models in operation) belongs to the period at whose
 *   END it is measured; a flow (a reduction, households that escaped poverty, houses built, money
 *   spent, people trained) is the total over the period.
 * - Baselines of plan 132 ("đầu kỳ", "đầu giai đoạn"): the result of the comprehensive review of poor
 *   and near-poor households under Nghị định 07/2021/NĐ-CP, approved by Quyết định 4363/QĐ-UBND of
 *   31/12/2021, i.e. the situation at the end of 2021 → period "2021", kind BASELINE.
 * - Targets of the 2021–2025 plans "đến năm 2025" / "đến cuối năm 2025" → the phase "2021-2025":
 *   stock targets are the value at the end of the phase (31/12/2025), flow targets ("giảm ít nhất
 *   2.343 hộ nghèo so với đầu kỳ", "trên 1.800 người lao động") are cumulative over the phase.
 *   The year "2025" is kept for figures about the year 2025 alone; no seed has one.
 * - Yearly plans and results → that year ("2023", "2024"). "2024-H1" is for six-month reports;
 *   the Cần Giờ 6-month review gives no figure.
 *
 * UNITS AND DISSOLVED UNITS
 * - Figures stay on the unit that existed when they were published (old Cần Thơ "92@2004", Bạc Liêu
 *   city "954@2010"); they roll up to today's units through the successions in units.ts.
 * - Plan 132's end-2025 targets belong to old Cần Thơ, which ceased to exist on 2025-06-30, before the
 *   end of the phase. A TARGET may therefore run past its unit's validTo (it was set while the unit
 *   existed); BASELINE and ACTUAL figures must lie inside the unit's validity. The test enforces this.
 *
 * COMPARATORS
 * - EQ (default, omitted) unless the figure is qualified: "dưới" → LT; "ít nhất", "tối thiểu",
 *   "từ … trở lên" → GE; "trên", "hơn" → GT; "khoảng", "gần" → APPROX.
 *
 * REDUCTIONS
 * - "Giảm N hộ nghèo" is POOR_HOUSEHOLDS_REDUCTION (net change of the stock, HIGHER_IS_BETTER), not a
 *   value of POOR_HOUSEHOLDS; "N hộ thoát nghèo" is HOUSEHOLDS_ESCAPED_POVERTY (gross exits).
 * - "Giảm 0,65% tỷ lệ nghèo" is POOR_RATE_REDUCTION_POINTS (percentage points), not a rate.
 *
 * One slot (indicator, unit, period, kind) has at most one figure per document; where a document
 * restates the same target, the restatement is noted in a comment rather than entered twice.
 */

type Figure = Omit<SeedIndicatorValue, 'unitKey' | 'documentKey'>;

const from =
  (documentKey: string, unitKey: string) =>
  (figure: Figure): SeedIndicatorValue => ({ ...figure, unitKey, documentKey });

// ------------------------------------------------------------------------------------------------
// Cần Thơ, Kế hoạch 132/KH-UBND (20/6/2022), plan for 2021–2025
// ------------------------------------------------------------------------------------------------
const ct132 = from('can-tho-132-2022', '92@2004');

const canTho132: SeedIndicatorValue[] = [
  // I. Thực trạng hộ nghèo: result of the review approved on 31/12/2021 (start of the period).
  // The announced breakdown "với những đặc trưng cơ bản như sau:" is not in the file (no table follows),
  // so there are no ethnic-minority baselines. "Ngoài ra, thành phố còn có 9.143 hộ cận nghèo, chiếm tỷ lệ
  // 2,50%" restates the near-poor baseline.
  ct132({ indicatorKey: 'POOR_HOUSEHOLDS', periodKey: '2021', kind: 'BASELINE', value: '2.901', quote: 'thành phố Cần Thơ có 2.901 hộ nghèo với' }),
  ct132({ indicatorKey: 'POOR_PERSONS', periodKey: '2021', kind: 'BASELINE', value: '10.038', quote: 'có 2.901 hộ nghèo với\n10.038 khẩu' }),
  ct132({ indicatorKey: 'POOR_HOUSEHOLD_RATE', periodKey: '2021', kind: 'BASELINE', value: '0,80', quote: '10.038 khẩu, chiếm tỷ lệ 0,80% so với hộ dân' }),
  ct132({ indicatorKey: 'NEAR_POOR_HOUSEHOLDS', periodKey: '2021', kind: 'BASELINE', value: '9.143', quote: 'so với hộ dân và 9.143 hộ cận nghèo với 35.273' }),
  ct132({ indicatorKey: 'NEAR_POOR_PERSONS', periodKey: '2021', kind: 'BASELINE', value: '35.273', quote: '9.143 hộ cận nghèo với 35.273\nkhẩu' }),
  ct132({ indicatorKey: 'NEAR_POOR_RATE', periodKey: '2021', kind: 'BASELINE', value: '2,50', quote: 'khẩu chiếm tỷ lệ 2,50% so với hộ dân' }),

  // II.2 Mục tiêu cụ thể. Section II.4 (Lộ trình) restates it without "dưới": "hạ tỷ lệ hộ nghèo của toàn
  // thành phố xuống còn 0,15% so với hộ dân" — the qualified target of II.2 is the one entered.
  // Not entered: "thu nhập bình quân đầu người tăng lên 2 lần so với cuối năm 2020" (a multiple; no unit for it).
  ct132({ indicatorKey: 'POOR_HOUSEHOLD_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '0,15', comparator: 'LT', quote: 'Phấn đấu đến cuối năm 2025 tỷ lệ hộ nghèo của\nthành phố giảm còn dưới 0,15 %' }),

  // II.4 Lộ trình thực hiện (the yearly roadmap table it announces is not in the file).
  ct132({ indicatorKey: 'POOR_RATE_REDUCTION_POINTS', periodKey: '2021-2025', kind: 'TARGET', value: '0,65', quote: 'giảm 0,65% tỷ lệ nghèo so với\nđầu giai đoạn' }),
  ct132({ indicatorKey: 'EM_POOR_HOUSEHOLD_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '0,18', quote: 'giảm tỷ lệ hộ nghèo dân tộc thiểu số so với dân tộc thiểu\nsố xuống còn 0,18%' }),
  ct132({ indicatorKey: 'EM_POOR_RATE_REDUCTION_POINTS', periodKey: '2021-2025', kind: 'TARGET', value: '1,40', quote: 'xuống còn 0,18%, giảm 1,40% so với đầu giai đoạn' }),

  // II.3.a Các chỉ tiêu chủ yếu của Chương trình.
  ct132({ indicatorKey: 'POOR_HOUSEHOLDS_REDUCTION', periodKey: '2021-2025', kind: 'TARGET', value: '2.343', comparator: 'GE', quote: 'Phấn đấu giảm ít nhất 2.343 hộ nghèo' }),
  ct132({ indicatorKey: 'NEAR_POOR_HOUSEHOLDS_REDUCTION', periodKey: '2021-2025', kind: 'TARGET', value: '5.549', comparator: 'GE', quote: 'giảm\nít nhất 5.549 hộ cận nghèo so với đầu kỳ' }),
  ct132({ indicatorKey: 'POVERTY_REDUCTION_MODELS_SUPPORTED', periodKey: '2021-2025', kind: 'TARGET', value: '100', comparator: 'GT', quote: 'Hỗ trợ xây dựng, nhân rộng trên 100 mô hình\ngiảm nghèo' }),
  ct132({ indicatorKey: 'AGRI_CAPACITY_SUPPORT_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '80', quote: 'Phấn đấu 80% người có khả năng lao động, có\nnhu cầu thuộc hộ nghèo, thuộc hộ cận nghèo được hỗ trợ nâng cao năng lực sản xuất\nnông nghiệp' }),
  ct132({ indicatorKey: 'OFFICERS_TRAINED_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '100', quote: '100% cán bộ làm công tác giảm nghèo được bồi\ndưỡng, tập huấn' }),

  // II.3.b Các chỉ tiêu giải quyết mức độ thiếu hụt các dịch vụ xã hội cơ bản.
  ct132({ indicatorKey: 'EMPLOYMENT_SERVICES_COVERAGE_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '100', quote: '100% người lao động thuộc hộ nghèo, hộ cận\nnghèo, hộ mới thoát nghèo có nhu cầu được hỗ trợ kết nối, tư vấn, định hướng\nnghề nghiệp' }),
  ct132({ indicatorKey: 'WORKERS_JOB_PLACED', periodKey: '2021-2025', kind: 'TARGET', value: '450', comparator: 'GE', quote: 'Tối thiểu 450 người lao động thuộc hộ\nnghèo, hộ cận nghèo, hộ mới thoát nghèo được hỗ trợ kết nối việc làm thành công' }),
  ct132({ indicatorKey: 'WORKERS_ABROAD_SUPPORTED', periodKey: '2021-2025', kind: 'TARGET', value: '40', comparator: 'GE', quote: 'Tối thiểu 40 người lao động thuộc hộ nghèo,\nhộ cận nghèo được hỗ trợ đào tạo lao động đi làm việc ở nước ngoài theo hợp đồng' }),
  ct132({ indicatorKey: 'HEALTH_INSURANCE_COVERAGE_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '100', quote: '100% người thuộc hộ\nnghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế' }),
  ct132({ indicatorKey: 'STUNTED_CHILDREN_REDUCTION', periodKey: '2021-2025', kind: 'TARGET', value: '134', quote: 'giảm 134 trẻ em tỷ lệ suy\ndinh dưỡng thấp còi trẻ em dưới 16 tuổi' }),
  ct132({ indicatorKey: 'SCHOOL_ATTENDANCE_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '95', quote: 'Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo\nđi học đúng độ tuổi đạt 95%' }),
  ct132({ indicatorKey: 'PROGRAM_WORKERS_VOCATIONAL_TRAINED', periodKey: '2021-2025', kind: 'TARGET', value: '1.800', comparator: 'GT', quote: 'Trên 1.800 người lao động thuộc hộ nghèo, hộ\ncận nghèo, hộ mới thoát nghèo, người lao động có thu nhập thấp có nhu cầu được\nhỗ trợ đào tạo kỹ năng nghề phù hợp' }),
  ct132({ indicatorKey: 'HOUSEHOLDS_HOUSING_SUPPORTED', periodKey: '2021-2025', kind: 'TARGET', value: '2.109', comparator: 'GE', quote: 'Tối thiểu 2.109 hộ\nnghèo, hộ cận nghèo trên địa bàn được hỗ trợ nhà ở' }),
  ct132({ indicatorKey: 'CLEAN_WATER_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '95', quote: '95% hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh' }),
  ct132({ indicatorKey: 'SANITARY_LATRINE_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '85', comparator: 'GE', quote: 'ít nhất\n85% hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh' }),
  ct132({ indicatorKey: 'TELECOM_ACCESS_RATE', periodKey: '2021-2025', kind: 'TARGET', value: '95', quote: '95% hộ nghèo,\nhộ cận nghèo có nhu cầu được tiếp cận sử dụng các dịch vụ viễn thông, internet' }),

  // IV.3.a Dự án 3, Tiểu dự án 1 (vocational training). Its "trên 2.400 người" (workers of poor and
  // near-poor households) is a different population and figure from the "Trên 1.800" target above; both
  // are entered as published under separate indicators. Its costs (5.664 and 7.776 triệu đồng) are budget
  // estimates and, like all project budgets of section IV, are not indicator values (see Phụ lục 2).
  ct132({ indicatorKey: 'POOR_NEAR_POOR_WORKERS_VOCATIONAL_TRAINED', periodKey: '2021-2025', kind: 'TARGET', value: '2.400', comparator: 'GT', quote: 'Đào tạo nghề trên 2.400\nngười' }),
  ct132({ indicatorKey: 'POOR_WORKERS_VOCATIONAL_TRAINED', periodKey: '2021-2025', kind: 'TARGET', value: '960', comparator: 'GT', quote: 'Thực hiện đào tạo nghề cho người lao động\nthuộc hộ nghèo trên 960 người' }),
  ct132({ indicatorKey: 'NEAR_POOR_WORKERS_VOCATIONAL_TRAINED', periodKey: '2021-2025', kind: 'TARGET', value: '1.440', comparator: 'GT', quote: 'thuộc hộ cận nghèo trên 1.440 người' }),

  // IV.4.a Dự án 4 (housing) counts houses ("căn nhà"), approximately; II.3.b counts households, at least.
  ct132({ indicatorKey: 'HOUSES_SUPPORTED', periodKey: '2021-2025', kind: 'TARGET', value: '2.109', comparator: 'APPROX', quote: 'Hỗ trợ nhà ở cho khoảng 2.109\ncăn nhà hộ nghèo, cận nghèo' }),
];

// ------------------------------------------------------------------------------------------------
// Cần Thơ, article "Thành phố Cần Thơ tích cực giảm nghèo bền vững" (LĐXH): 2023 results, 2024 targets
// ------------------------------------------------------------------------------------------------
const ct2023 = from('can-tho-2023-results', '92@2004');

const canTho2023: SeedIndicatorValue[] = [
  ct2023({ indicatorKey: 'POOR_HOUSEHOLD_RATE', periodKey: '2023', kind: 'ACTUAL', value: '0,21', quote: 'Đến cuối năm 2023, tỷ lệ hộ nghèo thành phố còn 0,21%' }),
  // "giảm 0,31%/năm": read as the reduction achieved in 2023, the year the article reports on;
  // "mục tiêu đề ra giảm 0,20%/năm" as the yearly target it is compared with.
  ct2023({ indicatorKey: 'POOR_RATE_REDUCTION_POINTS', periodKey: '2023', kind: 'ACTUAL', value: '0,31', quote: 'tỷ lệ hộ nghèo thành phố còn 0,21%, giảm 0,31%/năm' }),
  ct2023({ indicatorKey: 'POOR_RATE_REDUCTION_POINTS', periodKey: '2023', kind: 'TARGET', value: '0,20', quote: 'vượt so với mục tiêu đề ra giảm 0,20%/năm' }),
  // "hiện nay" (at the time of the year-end report): stocks at the end of 2023. The 11.076 million VND is
  // the funding of these 31 models as reported, not necessarily spent within 2023 alone.
  ct2023({ indicatorKey: 'LIVELIHOOD_MODELS', periodKey: '2023', kind: 'ACTUAL', value: '31', quote: 'hiện nay, thành phố có 31 mô hình sinh kế giảm nghèo' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_HOUSEHOLDS', periodKey: '2023', kind: 'ACTUAL', value: '287', quote: 'có 287 hộ (trong đó 20 hộ nghèo, 30 hộ cận nghèo tham gia mô hình)' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_POOR_HOUSEHOLDS', periodKey: '2023', kind: 'ACTUAL', value: '20', quote: 'có 287 hộ (trong đó 20 hộ nghèo, 30 hộ cận nghèo tham gia mô hình)' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_NEAR_POOR_HOUSEHOLDS', periodKey: '2023', kind: 'ACTUAL', value: '30', quote: 'có 287 hộ (trong đó 20 hộ nghèo, 30 hộ cận nghèo tham gia mô hình)' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_FUNDS', periodKey: '2023', kind: 'ACTUAL', value: '11.076', quote: 'với nguồn kinh phí 11.076 triệu đồng' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_FUNDS_VBSP_LOANS', periodKey: '2023', kind: 'ACTUAL', value: '5.776', quote: 'Chi nhánh thành phố Cần Thơ với số tiền là 5.776 triệu đồng' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODEL_FUNDS_MOBILISED', periodKey: '2023', kind: 'ACTUAL', value: '5.300', quote: 'vốn huy động là 5.300 triệu đồng' }),
  // Houses handed over by the Fatherland Front from the "Quỹ vì người nghèo"; the article does not say over
  // which span, it is entered on 2023, the year it reports on.
  ct2023({ indicatorKey: 'HOUSES_SUPPORTED', periodKey: '2023', kind: 'ACTUAL', value: '610', quote: 'đã sửa chữa, xây dựng và bàn giao 610 căn nhà đại đoàn kết cho hộ nghèo, hộ cận nghèo' }),
  ct2023({ indicatorKey: 'HOUSING_SUPPORT_FUNDS', periodKey: '2023', kind: 'ACTUAL', value: '30.800', quote: 'với kinh phí là 30.800 triệu đồng' }),

  // Targets for 2024 ("năm 2024, thành phố Cần Thơ phấn đấu đến cuối năm …").
  ct2023({ indicatorKey: 'POOR_RATE_REDUCTION_POINTS', periodKey: '2024', kind: 'TARGET', value: '0,06', quote: 'phấn đấu đến cuối năm giảm 0,06% tỷ lệ hộ nghèo' }),
  ct2023({ indicatorKey: 'POOR_HOUSEHOLD_RATE', periodKey: '2024', kind: 'TARGET', value: '0,15', quote: 'giảm tỷ lệ hộ nghèo xuống còn 0,15% so với hộ dân' }),
  ct2023({ indicatorKey: 'EM_POOR_RATE_REDUCTION_POINTS', periodKey: '2024', kind: 'TARGET', value: '0,06', quote: 'giảm 0,06% tỷ lệ hộ nghèo dân tộc thiểu số' }),
  ct2023({ indicatorKey: 'EM_POOR_HOUSEHOLD_RATE', periodKey: '2024', kind: 'TARGET', value: '0,47', quote: 'giảm tỷ lệ hộ nghèo dân tộc thiểu số xuống còn 0,47% so với hộ dân tộc thiểu số' }),
  ct2023({ indicatorKey: 'POOR_HOUSEHOLDS_REDUCTION', periodKey: '2024', kind: 'TARGET', value: '219', comparator: 'GE', quote: 'phấn đấu giảm ít nhất 219 hộ nghèo so với đầu năm 2024' }),
  ct2023({ indicatorKey: 'EM_POOR_HOUSEHOLDS_REDUCTION', periodKey: '2024', kind: 'TARGET', value: '06', comparator: 'GE', quote: 'giảm ít nhất 06 hộ nghèo dân tộc thiểu số' }),
  ct2023({ indicatorKey: 'LIVELIHOOD_MODELS', periodKey: '2024', kind: 'TARGET', value: '31', quote: 'duy trì và nhân rộng 31 mô hình sinh kế giảm nghèo' }),
  ct2023({ indicatorKey: 'AGRI_CAPACITY_SUPPORT_RATE', periodKey: '2024', kind: 'TARGET', value: '80', quote: 'Phấn đấu 80% người có khả năng lao động, có nhu cầu thuộc hộ nghèo, thuộc hộ cận nghèo được hỗ trợ nâng cao năng lực sản xuất nông nghiệp' }),
  ct2023({ indicatorKey: 'OFFICERS_TRAINED_RATE', periodKey: '2024', kind: 'TARGET', value: '100', quote: '100% cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn kiến thức, kỹ năng cơ bản về công tác rà soát hộ nghèo' }),
];

// ------------------------------------------------------------------------------------------------
// Bạc Liêu city, article "TP. Bạc Liêu: Nhiều nỗ lực trong công tác giảm nghèo bền vững" (Báo Bạc Liêu)
// Written before the end of 2023: the 2023 figures are results to date, and the exits are projected
// ("Dự kiến đến cuối năm") — entered as ACTUAL for 2023 because the model has no "estimate" kind.
// Not entered: "13,4 tỷ đồng" (social security fund) and "5,7 tỷ đồng" (cost of the 128 houses) —
// published in billion VND, for which IndicatorUnit has no unit.
// ------------------------------------------------------------------------------------------------
const bl = from('bac-lieu-city-2023', '954@2010');

const bacLieuCity2023: SeedIndicatorValue[] = [
  bl({ indicatorKey: 'HOUSEHOLDS_ESCAPED_POVERTY', periodKey: '2023', kind: 'ACTUAL', value: '108', quote: 'Dự kiến đến cuối năm, có 108 hộ thoát nghèo và thoát 300 hộ cận nghèo (đạt 100% chỉ tiêu)' }),
  bl({ indicatorKey: 'HOUSEHOLDS_ESCAPED_NEAR_POVERTY', periodKey: '2023', kind: 'ACTUAL', value: '300', quote: 'Dự kiến đến cuối năm, có 108 hộ thoát nghèo và thoát 300 hộ cận nghèo (đạt 100% chỉ tiêu)' }),
  bl({ indicatorKey: 'POOR_HOUSEHOLDS_SPONSORED', periodKey: '2023', kind: 'ACTUAL', value: '108', quote: 'nhận đỡ đầu giúp đỡ vốn, phương tiện, con giống… cho 108 hộ nghèo' }),
  bl({ indicatorKey: 'WORKERS_VOCATIONAL_TRAINED', periodKey: '2023', kind: 'ACTUAL', value: '4.145', quote: 'đã tổ chức đào tạo nghề cho 4.145 lao động' }),
  bl({ indicatorKey: 'WORKERS_JOBS_CREATED', periodKey: '2023', kind: 'ACTUAL', value: '7.863', quote: 'giải quyết việc làm cho 7.863 lao động' }),
  bl({ indicatorKey: 'HEALTH_INSURANCE_CARDS_ISSUED', periodKey: '2023', kind: 'ACTUAL', value: '2.050', quote: 'cấp 2.050 thẻ bảo hiểm y tế (BHYT) cho các đối tượng thuộc diện hộ nghèo, cận nghèo và hộ mới thoát nghèo' }),
  bl({ indicatorKey: 'HEALTH_INSURANCE_CARDS_DONATED', periodKey: '2023', kind: 'ACTUAL', value: '262', quote: 'vận động nguồn xã hội hóa hỗ trợ 262 thẻ BHYT cho các hộ gặp khó khăn về kinh tế' }),
  bl({ indicatorKey: 'ELECTRICITY_SUPPORT_HOUSEHOLDS', periodKey: '2023', kind: 'ACTUAL', value: '170', comparator: 'GT', quote: 'Hỗ trợ tiền điện cho hơn 170 hộ nghèo, hộ chính sách' }),
  bl({ indicatorKey: 'HOUSES_SUPPORTED', periodKey: '2023', kind: 'ACTUAL', value: '128', quote: 'Cũng trong năm 2023, tranh thủ nguồn hỗ trợ của các ngân hàng, nguồn vận động an sinh xã hội, TP. Bạc Liêu đã cất 128 căn nhà' }),
];

// ------------------------------------------------------------------------------------------------
// Cao Bằng, article on Kế hoạch 415/KH-UBND: targets for 2024
// "các huyện nghèo" are not named, so their target is a province-level indicator of its own
// (POOR_DISTRICTS_POOR_RATE_REDUCTION_POINTS) rather than values on district units.
// ------------------------------------------------------------------------------------------------
const cb = from('cao-bang-415-2024', '04@1978');

const caoBang415: SeedIndicatorValue[] = [
  cb({ indicatorKey: 'POOR_RATE_REDUCTION_POINTS', periodKey: '2024', kind: 'TARGET', value: '4', comparator: 'GE', quote: 'năm 2024, phấn đấu toàn tỉnh giảm tỷ lệ hộ nghèo từ 4% trở lên' }),
  cb({ indicatorKey: 'POOR_DISTRICTS_POOR_RATE_REDUCTION_POINTS', periodKey: '2024', kind: 'TARGET', value: '5', comparator: 'GE', quote: 'riêng tỷ lệ hộ nghèo ở các huyện nghèo giảm từ 5% trở lên' }),
  cb({ indicatorKey: 'EM_POOR_RATE_REDUCTION_POINTS', periodKey: '2024', kind: 'TARGET', value: '4', comparator: 'GE', quote: 'tỷ lệ hộ nghèo dân tộc thiểu số giảm từ 4% trở lên' }),
  cb({ indicatorKey: 'POOR_DISTRICTS_INFRASTRUCTURE_SUPPORTED_RATE', periodKey: '2024', kind: 'TARGET', value: '100', quote: '100% các huyện nghèo được hỗ trợ đầu tư phát triển cơ sở hạ tầng kinh tế - xã hội' }),
  cb({ indicatorKey: 'AGRI_CAPACITY_SUPPORT_RATE', periodKey: '2024', kind: 'TARGET', value: '80', quote: 'Phấn đấu 80% người có khả năng lao động, có nhu cầu phát triển sản xuất thuộc hộ nghèo, hộ trên địa bàn huyện nghèo, được hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp' }),
  cb({ indicatorKey: 'OFFICERS_TRAINED_RATE', periodKey: '2024', kind: 'TARGET', value: '100', quote: '100% cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn kiến thức, kỹ năng cơ bản về quản lý' }),
];

// ------------------------------------------------------------------------------------------------
// Cần Giờ district, article on the 6-month review (19/7/2024): it reports no indicator figure (its only
// numbers are the meeting's "21 ý kiến phát biểu từ 9 đại biểu" and "02 đơn vị"), so nothing is entered.
// ------------------------------------------------------------------------------------------------

export const seedIndicatorValues: SeedIndicatorValue[] = [...canTho132, ...canTho2023, ...bacLieuCity2023, ...caoBang415];
