/**
 * The fictitious demo data set seeded on the first `npm start`: a city mutual-aid office, one district union
 * (agent), one WH unit and one TZ unit with rosters, their clerks, and workers bound to roster people.
 * Every name, ID number and credit code here is invented (check digits valid, people not real).
 */

/** The business date the local demo stands on (see `MUTUAL_AID_TODAY` in cloudfunctions/_shared/src/clock.ts). */
export const DEMO_TODAY = '2021-06-15'

export type DemoPersonRow = [name: string, residentId: string, hireDate: string, status: 'in_service' | 'retired']

export const OFFICE = { openid: 'demo-office-01', name: '周海燕', label: '互助办 · 周海燕（审批、缴费确认）' }
/** A second office user: confirms or sends back approvals another office user proposed (four eyes). */
export const OFFICE_2 = { openid: 'demo-office-02', name: '孙莉', label: '互助办 · 孙莉（第二审批人）' }

export const AGENT = {
  _id: 'agent-chengqu',
  name: '城区总工会',
  region: '城区',
  user: { openid: 'demo-agent-01', name: '赵立新', label: '代理单位 · 城区总工会 赵立新' },
}

export const WH_UNIT = {
  _id: 'unit-wh-minghu',
  name: '明湖精密机械有限公司',
  uscc: '91420700MA4F0K2X13',
  unitType: 'soe' as const,
  finance: false,
  family: 'WH' as const,
  agentId: AGENT._id,
  contactName: '李红梅',
  contactPhone: '13800000001',
  address: '城区明湖路 18 号',
  clerk: { openid: 'demo-clerk-wh', name: '李红梅', label: '单位经办人 · 明湖精密机械（武汉城市圈重疾互助）' },
}

export const TZ_UNIT = {
  _id: 'unit-tz-haiyue',
  name: '海悦电子科技有限公司',
  uscc: '91331002MA2H7Q3L5H',
  unitType: 'private' as const,
  finance: false,
  family: 'TZ' as const,
  agentId: AGENT._id,
  contactName: '陈志强',
  contactPhone: '13800000002',
  address: '城区海悦大道 66 号',
  clerk: { openid: 'demo-clerk-tz', name: '陈志强', label: '单位经办人 · 海悦电子（台州在职职工互助）' },
}

/** Roster of the WH unit: 35 in service, 1 retired. */
export const WH_PEOPLE: DemoPersonRow[] = [
  ['张伟', '420702197001011010', '2005-01-15', 'in_service'],
  ['王秀英', '420702197706121121', '2006-02-15', 'in_service'],
  ['李晓东', '420702198411231256', '2007-03-15', 'in_service'],
  ['赵磊', '420702199104061378', '2008-04-15', 'in_service'],
  ['刘玉兰', '420702199809171489', '2009-05-15', 'in_service'],
  ['陈文斌', '420702197502281510', '2010-06-15', 'in_service'],
  ['杨洋', '420702198207111636', '2011-07-15', 'in_service'],
  ['黄丽华', '420702198912221742', '2012-08-15', 'in_service'],
  ['周建国', '420702199605051872', '2013-09-15', 'in_service'],
  ['吴杰', '420702197310161995', '2014-01-15', 'in_service'],
  ['徐敏', '420702198003272008', '2015-02-15', 'in_service'],
  ['孙强', '42070219870810213X', '2016-03-15', 'in_service'],
  ['马明', '420702199401212259', '2017-04-15', 'in_service'],
  ['朱娟', '420702197106042366', '2018-05-15', 'in_service'],
  ['胡军', '420702197811152499', '2019-06-15', 'in_service'],
  ['郭平', '420702198504262510', '2005-07-15', 'in_service'],
  ['何海燕', '420702199209092621', '2006-08-15', 'in_service'],
  ['高勇', '420702199902202753', '2007-09-15', 'in_service'],
  ['林建华', '420702197607032879', '2008-01-15', 'in_service'],
  ['罗雪梅', '420702198312142987', '2009-02-15', 'in_service'],
  ['郑涛', '420702199005253016', '2010-03-15', 'in_service'],
  ['梁晓东', '420702199710083139', '2011-04-15', 'in_service'],
  ['谢娜', '420702197403193240', '2012-05-15', 'in_service'],
  ['宋超', '420702198108023374', '2013-06-15', 'in_service'],
  ['唐文斌', '420702198801133491', '2014-07-15', 'in_service'],
  ['许艳', '420702199506243502', '2015-08-15', 'in_service'],
  ['韩刚', '420702197211073631', '2016-09-15', 'in_service'],
  ['冯建国', '420702197904183753', '2017-01-15', 'in_service'],
  ['邓桂英', '420702198609013860', '2018-02-15', 'in_service'],
  ['曹志强', '420702199302123998', '2019-03-15', 'in_service'],
  ['彭强', '420702197007234012', '2005-04-15', 'in_service'],
  ['曾春梅', '420702197712064127', '2006-05-15', 'in_service'],
  ['肖国庆', '420702198405174259', '2007-06-15', 'in_service'],
  ['田军', '420702199110284375', '2008-07-15', 'in_service'],
  ['董芳', '420702199803114483', '2009-08-15', 'in_service'],
  ['袁立新', '420702197508224517', '2010-09-15', 'retired'],
]

/** Roster of the TZ unit (a private enterprise): 14 in service. */
export const TZ_PEOPLE: DemoPersonRow[] = [
  ['余静', '331002197501012002', '2010-01-01', 'in_service'],
  ['杜明', '331002198004142134', '2011-02-01', 'in_service'],
  ['叶春梅', '331002198507272248', '2012-03-01', 'in_service'],
  ['程建国', '33100219901012237X', '2013-04-01', 'in_service'],
  ['苏娟', '331002199501252486', '2014-05-01', 'in_service'],
  ['魏超', '331002197504102513', '2015-06-01', 'in_service'],
  ['吕美玲', '331002198007232629', '2016-07-01', 'in_service'],
  ['丁伟', '331002198510082752', '2017-08-01', 'in_service'],
  ['任桂英', '331002199001212867', '2018-09-01', 'in_service'],
  ['沈平', '331002199504062995', '2019-01-01', 'in_service'],
  ['姚敏', '331002197507193000', '2010-02-01', 'in_service'],
  ['卢强', '331002198010043132', '2011-03-01', 'in_service'],
  ['姜红梅', '331002198501173249', '2012-04-01', 'in_service'],
  ['崔刚', '331002199004023375', '2013-05-01', 'in_service'],
]

/** WeChat users bound to roster people (index into the roster above). */
export const DEMO_WORKERS = [
  { openid: 'demo-worker-wh-1', unit: WH_UNIT._id, index: 0, label: '职工 · 张伟（明湖精密机械）' },
  { openid: 'demo-worker-wh-2', unit: WH_UNIT._id, index: 1, label: '职工 · 王秀英（明湖精密机械）' },
  { openid: 'demo-worker-tz-1', unit: TZ_UNIT._id, index: 0, label: '职工 · 余静（海悦电子）' },
] as const
