/**
 * The event a timer trigger hands the function (SCF 定时触发器, "入参"): `Type` "Timer", the trigger's name, the
 * scheduled time in UTC to the second (e.g. "2019-02-21T11:49:00Z") and `Message`, the trigger's optional input —
 * config.json has no field for it, so always "".
 */
export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
  Message: string
}

export function timerEvent(triggerName: string, at: Date): TimerEvent {
  const second = new Date(Math.floor(at.getTime() / 1000) * 1000)
  return { Type: 'Timer', TriggerName: triggerName, Time: second.toISOString().replace('.000Z', 'Z'), Message: '' }
}
