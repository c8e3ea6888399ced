import type { DiseaseDef } from './types'

/** Document number of the Taizhou notice (seed `003_85c8d3826e02d649.txt`). */
export const TZ_DOC = '台总工〔2021〕8号'

const CRITICAL_BASIS = `${TZ_DOC} 四(二)3 [I-9]`
const FEMALE_BASIS = `${TZ_DOC} 四(二)4 [I-10]`

/**
 * TZ critical-illness list, [I-9]: the industry-standard list (中国保险行业协会《重大疾病保险的疾病
 * 定义使用规范（2020年修订版）》: 28 severe diseases + 3 mild forms). The three mild forms carry
 * the names printed in the seed.
 */
export const TZ_CRITICAL_DISEASES: readonly DiseaseDef[] = [
  { code: 'TZC01', name: '恶性肿瘤——重度', aliases: ['恶性肿瘤-重度', '恶性肿瘤', '癌症'], mildCode: 'TZM01', inSituExcluded: true, basis: CRITICAL_BASIS },
  { code: 'TZC02', name: '较重急性心肌梗死', aliases: ['急性心肌梗死', '急性心肌梗塞'], mildCode: 'TZM02', basis: CRITICAL_BASIS },
  { code: 'TZC03', name: '严重脑中风后遗症', aliases: ['脑中风后遗症'], mildCode: 'TZM03', basis: CRITICAL_BASIS },
  { code: 'TZC04', name: '重大器官移植术或造血干细胞移植术', aliases: ['重大器官移植术', '造血干细胞移植术'], basis: CRITICAL_BASIS },
  { code: 'TZC05', name: '冠状动脉搭桥术（或称冠状动脉旁路移植术）', aliases: ['冠状动脉搭桥术', '冠状动脉旁路移植术'], basis: CRITICAL_BASIS },
  { code: 'TZC06', name: '严重慢性肾衰竭', basis: CRITICAL_BASIS },
  { code: 'TZC07', name: '多个肢体缺失', basis: CRITICAL_BASIS },
  { code: 'TZC08', name: '急性重症肝炎或亚急性重症肝炎', aliases: ['急性重症肝炎', '亚急性重症肝炎'], basis: CRITICAL_BASIS },
  { code: 'TZC09', name: '严重非恶性颅内肿瘤', basis: CRITICAL_BASIS },
  { code: 'TZC10', name: '严重慢性肝衰竭', basis: CRITICAL_BASIS },
  { code: 'TZC11', name: '严重脑炎后遗症或严重脑膜炎后遗症', aliases: ['严重脑炎后遗症', '严重脑膜炎后遗症'], basis: CRITICAL_BASIS },
  { code: 'TZC12', name: '深度昏迷', basis: CRITICAL_BASIS },
  { code: 'TZC13', name: '双耳失聪', basis: CRITICAL_BASIS },
  { code: 'TZC14', name: '双目失明', basis: CRITICAL_BASIS },
  { code: 'TZC15', name: '瘫痪', basis: CRITICAL_BASIS },
  { code: 'TZC16', name: '心脏瓣膜手术', basis: CRITICAL_BASIS },
  { code: 'TZC17', name: '严重阿尔茨海默病', basis: CRITICAL_BASIS },
  { code: 'TZC18', name: '严重脑损伤', basis: CRITICAL_BASIS },
  { code: 'TZC19', name: '严重原发性帕金森病', basis: CRITICAL_BASIS },
  { code: 'TZC20', name: '严重Ⅲ度烧伤', aliases: ['严重III度烧伤'], basis: CRITICAL_BASIS },
  { code: 'TZC21', name: '严重特发性肺动脉高压', basis: CRITICAL_BASIS },
  { code: 'TZC22', name: '严重运动神经元病', basis: CRITICAL_BASIS },
  { code: 'TZC23', name: '语言能力丧失', basis: CRITICAL_BASIS },
  { code: 'TZC24', name: '重型再生障碍性贫血', basis: CRITICAL_BASIS },
  { code: 'TZC25', name: '主动脉手术', basis: CRITICAL_BASIS },
  { code: 'TZC26', name: '严重慢性呼吸衰竭', basis: CRITICAL_BASIS },
  { code: 'TZC27', name: '严重克罗恩病', basis: CRITICAL_BASIS },
  { code: 'TZC28', name: '严重溃疡性结肠炎', basis: CRITICAL_BASIS },
  { code: 'TZM01', name: '恶性肿瘤-轻度', aliases: ['恶性肿瘤——轻度'], mild: true, inSituExcluded: true, basis: CRITICAL_BASIS },
  { code: 'TZM02', name: '较轻急性心肌梗死', mild: true, basis: CRITICAL_BASIS },
  { code: 'TZM03', name: '轻度脑中风后遗症', mild: true, basis: CRITICAL_BASIS },
]

/** TZ women's special illness list, [I-10]: primary female-specific cancers, carcinoma in situ excluded. */
export const TZ_FEMALE_DISEASES: readonly DiseaseDef[] = [
  { code: 'TZF01', name: '乳腺癌', inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF02', name: '宫颈癌', aliases: ['子宫颈癌'], inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF03', name: '卵巢癌', inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF04', name: '子宫内膜癌', aliases: ['子宫体癌', '子宫癌'], inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF05', name: '输卵管癌', inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF06', name: '外阴癌', inSituExcluded: true, basis: FEMALE_BASIS },
  { code: 'TZF07', name: '阴道癌', inSituExcluded: true, basis: FEMALE_BASIS },
]
