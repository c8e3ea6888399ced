/**
 * The separate consent for processing medical information (《个人信息保护法》第二十八、二十九条: sensitive personal
 * information needs a separate consent). Bump CONSENT_VERSION in api.ts when this text changes.
 */
export const CONSENT_TEXT =
  '为办理职工医疗互助金申请，您同意本单位工会、代理单位（区/系统工会）和职工医疗互助办公室收集、查看和保存您提交的诊断、' +
  '住院、病历等医疗健康信息和身份证件照片，仅用于审核和支付本次互助金及依法留档，不用于其他用途，不向无关人员提供。' +
  '照片仅审核人员可通过临时链接查看。您可以联系互助办查询或更正您的信息。'
