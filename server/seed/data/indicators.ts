import type { SeedIndicator } from './types';

/**
 * Indicators, defined once and shared by all units. One key per concept: where two documents word
 * a target for a different population or a different thing counted (households vs houses, workers of
 * poor households vs all workers), they get different keys rather than being forced together.
 *
 * Direction: LOWER_IS_BETTER for poverty rates and stocks of poor/near-poor; HIGHER_IS_BETTER for
 * reductions, people/households reached and coverage rates; NEUTRAL for money spent or mobilised.
 * Reductions of a rate ("giảm 0,65%", "giảm từ 4% trở lên") are in PERCENTAGE_POINTS even though
 * the documents write "%". decimals: 2 for percentages and percentage points, 0 for counts and money.
 * Money is only in million VND (triệu đồng): figures published in tỷ đồng are not transcribed
 * because IndicatorUnit has no billion-VND unit (see the report).
 */
export const seedIndicators: SeedIndicator[] = [
  // ---- Poverty and near-poverty stocks -------------------------------------------------------
  { key: 'POOR_HOUSEHOLDS', name: 'Số hộ nghèo', nameEn: 'Poor households', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0 },
  { key: 'POOR_PERSONS', name: 'Số nhân khẩu thuộc hộ nghèo', nameEn: 'Persons in poor households', unit: 'PERSONS', direction: 'LOWER_IS_BETTER', decimals: 0 },
  { key: 'POOR_HOUSEHOLD_RATE', name: 'Tỷ lệ hộ nghèo (so với hộ dân)', nameEn: 'Poor household rate (share of all households)', unit: 'PERCENT', direction: 'LOWER_IS_BETTER', decimals: 2 },
  { key: 'NEAR_POOR_HOUSEHOLDS', name: 'Số hộ cận nghèo', nameEn: 'Near-poor households', unit: 'HOUSEHOLDS', direction: 'LOWER_IS_BETTER', decimals: 0 },
  { key: 'NEAR_POOR_PERSONS', name: 'Số nhân khẩu thuộc hộ cận nghèo', nameEn: 'Persons in near-poor households', unit: 'PERSONS', direction: 'LOWER_IS_BETTER', decimals: 0 },
  { key: 'NEAR_POOR_RATE', name: 'Tỷ lệ hộ cận nghèo (so với hộ dân)', nameEn: 'Near-poor household rate (share of all households)', unit: 'PERCENT', direction: 'LOWER_IS_BETTER', decimals: 2 },
  { key: 'EM_POOR_HOUSEHOLD_RATE', name: 'Tỷ lệ hộ nghèo dân tộc thiểu số (so với hộ dân tộc thiểu số)', nameEn: 'Ethnic-minority poor household rate (share of ethnic-minority households)', unit: 'PERCENT', direction: 'LOWER_IS_BETTER', decimals: 2 },

  // ---- Reductions and exits (flows) ----------------------------------------------------------
  { key: 'POOR_RATE_REDUCTION_POINTS', name: 'Mức giảm tỷ lệ hộ nghèo', nameEn: 'Reduction of the poor household rate', unit: 'PERCENTAGE_POINTS', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'POOR_DISTRICTS_POOR_RATE_REDUCTION_POINTS', name: 'Mức giảm tỷ lệ hộ nghèo ở các huyện nghèo', nameEn: 'Reduction of the poor household rate in the poor districts', unit: 'PERCENTAGE_POINTS', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'EM_POOR_RATE_REDUCTION_POINTS', name: 'Mức giảm tỷ lệ hộ nghèo dân tộc thiểu số', nameEn: 'Reduction of the ethnic-minority poor household rate', unit: 'PERCENTAGE_POINTS', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'POOR_HOUSEHOLDS_REDUCTION', name: 'Số hộ nghèo giảm', nameEn: 'Reduction in the number of poor households', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'NEAR_POOR_HOUSEHOLDS_REDUCTION', name: 'Số hộ cận nghèo giảm', nameEn: 'Reduction in the number of near-poor households', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'EM_POOR_HOUSEHOLDS_REDUCTION', name: 'Số hộ nghèo dân tộc thiểu số giảm', nameEn: 'Reduction in the number of ethnic-minority poor households', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'HOUSEHOLDS_ESCAPED_POVERTY', name: 'Số hộ thoát nghèo', nameEn: 'Households that escaped poverty', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'HOUSEHOLDS_ESCAPED_NEAR_POVERTY', name: 'Số hộ thoát cận nghèo', nameEn: 'Households that escaped near-poverty', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'POOR_HOUSEHOLDS_SPONSORED', name: 'Số hộ nghèo được phân công đỡ đầu, giúp đỡ', nameEn: 'Poor households assigned a sponsoring agency', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },

  // ---- Livelihoods and poverty-reduction models ----------------------------------------------
  { key: 'POVERTY_REDUCTION_MODELS_SUPPORTED', name: 'Số mô hình giảm nghèo được hỗ trợ xây dựng, nhân rộng', nameEn: 'Poverty-reduction models built or replicated with support', unit: 'MODELS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'LIVELIHOOD_MODELS', name: 'Số mô hình sinh kế giảm nghèo', nameEn: 'Poverty-reduction livelihood models in operation', unit: 'MODELS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_HOUSEHOLDS', name: 'Số hộ tham gia mô hình sinh kế giảm nghèo', nameEn: 'Households taking part in livelihood models', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_POOR_HOUSEHOLDS', name: 'Số hộ nghèo tham gia mô hình sinh kế giảm nghèo', nameEn: 'Poor households taking part in livelihood models', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_NEAR_POOR_HOUSEHOLDS', name: 'Số hộ cận nghèo tham gia mô hình sinh kế giảm nghèo', nameEn: 'Near-poor households taking part in livelihood models', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_FUNDS', name: 'Kinh phí các mô hình sinh kế giảm nghèo', nameEn: 'Funds of the livelihood models', unit: 'MILLION_VND', direction: 'NEUTRAL', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_FUNDS_VBSP_LOANS', name: 'Kinh phí các mô hình sinh kế giảm nghèo: vốn vay Ngân hàng Chính sách xã hội', nameEn: 'Funds of the livelihood models: Vietnam Bank for Social Policies loans', unit: 'MILLION_VND', direction: 'NEUTRAL', decimals: 0 },
  { key: 'LIVELIHOOD_MODEL_FUNDS_MOBILISED', name: 'Kinh phí các mô hình sinh kế giảm nghèo: vốn huy động', nameEn: 'Funds of the livelihood models: mobilised funds', unit: 'MILLION_VND', direction: 'NEUTRAL', decimals: 0 },
  { key: 'AGRI_CAPACITY_SUPPORT_RATE', name: 'Tỷ lệ người có khả năng lao động, có nhu cầu thuộc hộ nghèo, hộ cận nghèo (hộ trên địa bàn huyện nghèo) được hỗ trợ nâng cao năng lực sản xuất nông, lâm, ngư nghiệp', nameEn: 'Share of able workers in need in poor/near-poor households (or in poor districts) supported to improve farming, forestry and fishery capacity', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },

  // ---- Employment and vocational training -----------------------------------------------------
  { key: 'EMPLOYMENT_SERVICES_COVERAGE_RATE', name: 'Tỷ lệ người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo có nhu cầu được hỗ trợ kết nối, tư vấn, định hướng nghề nghiệp, tìm việc làm', nameEn: 'Share of workers of poor, near-poor and recently non-poor households in need given job counselling, matching and labour-market information', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'WORKERS_JOB_PLACED', name: 'Số người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo được hỗ trợ kết nối việc làm thành công', nameEn: 'Workers of poor, near-poor and recently non-poor households successfully placed in jobs', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'WORKERS_ABROAD_SUPPORTED', name: 'Số người lao động thuộc hộ nghèo, hộ cận nghèo được hỗ trợ đào tạo đi làm việc ở nước ngoài theo hợp đồng', nameEn: 'Workers of poor and near-poor households supported to work abroad under contract', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'PROGRAM_WORKERS_VOCATIONAL_TRAINED', name: 'Số người lao động thuộc hộ nghèo, hộ cận nghèo, hộ mới thoát nghèo, người lao động có thu nhập thấp được hỗ trợ đào tạo kỹ năng nghề', nameEn: 'Workers of poor, near-poor and recently non-poor households and low-income workers given vocational skills training', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'POOR_NEAR_POOR_WORKERS_VOCATIONAL_TRAINED', name: 'Số người lao động thuộc hộ nghèo, hộ cận nghèo được đào tạo nghề', nameEn: 'Workers of poor and near-poor households given vocational training', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'POOR_WORKERS_VOCATIONAL_TRAINED', name: 'Số người lao động thuộc hộ nghèo được đào tạo nghề', nameEn: 'Workers of poor households given vocational training', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'NEAR_POOR_WORKERS_VOCATIONAL_TRAINED', name: 'Số người lao động thuộc hộ cận nghèo được đào tạo nghề', nameEn: 'Workers of near-poor households given vocational training', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'WORKERS_VOCATIONAL_TRAINED', name: 'Số lao động được đào tạo nghề (toàn địa bàn)', nameEn: 'Workers given vocational training (all workers of the area)', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'WORKERS_JOBS_CREATED', name: 'Số lao động được giải quyết việc làm (toàn địa bàn)', nameEn: 'Workers helped into employment (all workers of the area)', unit: 'WORKERS', direction: 'HIGHER_IS_BETTER', decimals: 0 },

  // ---- Health, education, housing, water, information ----------------------------------------
  { key: 'HEALTH_INSURANCE_COVERAGE_RATE', name: 'Tỷ lệ người thuộc hộ nghèo, hộ cận nghèo được hỗ trợ tham gia bảo hiểm y tế', nameEn: 'Share of people in poor and near-poor households supported to join health insurance', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'HEALTH_INSURANCE_CARDS_ISSUED', name: 'Số thẻ bảo hiểm y tế cấp cho người thuộc hộ nghèo, cận nghèo, hộ mới thoát nghèo', nameEn: 'Health insurance cards issued to people of poor, near-poor and recently non-poor households', unit: 'COUNT', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'HEALTH_INSURANCE_CARDS_DONATED', name: 'Số thẻ bảo hiểm y tế hỗ trợ từ nguồn xã hội hóa', nameEn: 'Health insurance cards paid from mobilised (non-state) funds', unit: 'COUNT', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'STUNTED_CHILDREN_REDUCTION', name: 'Số trẻ em dưới 16 tuổi suy dinh dưỡng thể thấp còi giảm', nameEn: 'Reduction in the number of stunted children under 16', unit: 'CHILDREN', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'SCHOOL_ATTENDANCE_RATE', name: 'Tỷ lệ trẻ em thuộc hộ nghèo, hộ cận nghèo đi học đúng độ tuổi', nameEn: 'Share of children of poor and near-poor households attending school at the right age', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'HOUSEHOLDS_HOUSING_SUPPORTED', name: 'Số hộ nghèo, hộ cận nghèo được hỗ trợ nhà ở', nameEn: 'Poor and near-poor households given housing support', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'HOUSES_SUPPORTED', name: 'Số căn nhà được hỗ trợ xây mới, sửa chữa', nameEn: 'Houses built or repaired with support', unit: 'HOUSES', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'HOUSING_SUPPORT_FUNDS', name: 'Kinh phí hỗ trợ nhà ở', nameEn: 'Funds for housing support', unit: 'MILLION_VND', direction: 'NEUTRAL', decimals: 0 },
  { key: 'ELECTRICITY_SUPPORT_HOUSEHOLDS', name: 'Số hộ nghèo, hộ chính sách được hỗ trợ tiền điện', nameEn: 'Poor and policy households given electricity support', unit: 'HOUSEHOLDS', direction: 'HIGHER_IS_BETTER', decimals: 0 },
  { key: 'CLEAN_WATER_RATE', name: 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nước sinh hoạt hợp vệ sinh', nameEn: 'Share of poor and near-poor households using hygienic water', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'SANITARY_LATRINE_RATE', name: 'Tỷ lệ hộ nghèo, hộ cận nghèo sử dụng nhà tiêu hợp vệ sinh', nameEn: 'Share of poor and near-poor households using sanitary latrines', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'TELECOM_ACCESS_RATE', name: 'Tỷ lệ hộ nghèo, hộ cận nghèo có nhu cầu được tiếp cận sử dụng dịch vụ viễn thông, internet', nameEn: 'Share of poor and near-poor households in need with access to telecom and internet services', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },

  // ---- Capacity and infrastructure ------------------------------------------------------------
  { key: 'OFFICERS_TRAINED_RATE', name: 'Tỷ lệ cán bộ làm công tác giảm nghèo được bồi dưỡng, tập huấn', nameEn: 'Share of poverty-reduction officers trained', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
  { key: 'POOR_DISTRICTS_INFRASTRUCTURE_SUPPORTED_RATE', name: 'Tỷ lệ huyện nghèo được hỗ trợ đầu tư phát triển cơ sở hạ tầng kinh tế - xã hội', nameEn: 'Share of poor districts supported with socio-economic infrastructure investment', unit: 'PERCENT', direction: 'HIGHER_IS_BETTER', decimals: 2 },
];
