import { View, Text, Picker } from '@tarojs/components'
import { idAttr } from '../idAttr'
import { beijingIso, beijingParts, dateFromToday, daysFromToday, formatDay } from '../../services/time'
import './index.scss'

export interface DateTimeFieldProps {
  label: string
  /**
   * 'datetime': an ISO instant (what the action takes); 'date': a Beijing date "2026-12-01".
   * '' when nothing is chosen yet (only for `optional` fields).
   */
  value: string
  onChange: (value: string) => void
  mode?: 'datetime' | 'date'
  /** Earliest and latest Beijing dates the date wheel offers ("2026-12-01"); default from today on. */
  start?: string
  end?: string
  /** The clock a date gets when it is picked before any time (default 20:00 — the evening, when people are home). */
  defaultTime?: string
  /** May stay empty: shows `emptyText` and a 清除 link once a value is chosen. */
  optional?: boolean
  /** What an empty optional field means, in plain words (e.g. 立即开始). */
  emptyText?: string
  hint?: string
  error?: string
  id?: string
}

/** "还有 3 天" / "今天" / "已过去 2 天" — the distance that a bare date hides from a glance. */
function distance(days: number): string {
  if (days === 0) return '今天'
  if (days === 1) return '明天'
  if (days === 2) return '后天'
  return days > 0 ? `${days} 天后` : `已过去 ${-days} 天`
}

/**
 * A date (and time) chosen on the platform's own wheels, never typed: WeChat's picker in the
 * mini-program, Taro's (restyled) wheel in H5. Beijing time in and out, whatever the device's zone:
 * the wheels show Beijing wall time and the value is the instant (services/time). Under the boxes,
 * the day in words (12月1日 周二 · 7 天后) so a wrong week shows at a glance.
 */
export default function DateTimeField(props: DateTimeFieldProps) {
  const {
    label,
    value,
    onChange,
    mode = 'datetime',
    end,
    defaultTime = '20:00',
    optional,
    emptyText,
    hint,
    error,
    id,
  } = props
  const parts = mode === 'date' ? (value ? { date: value, time: '' } : null) : beijingParts(value)
  // From today on, unless the value (e.g. a meeting being edited) is already earlier.
  const today = dateFromToday()
  const start = props.start ?? (parts && parts.date < today ? parts.date : today)
  const set = (date: string, time: string) => onChange(mode === 'date' ? date : beijingIso(date, time))
  const instant = parts ? (mode === 'date' ? beijingIso(parts.date, '12:00') : value) : ''
  const said = parts
    ? `北京时间 ${formatDay(instant)}${mode === 'datetime' ? ` ${parts.time}` : ''} · ${distance(daysFromToday(instant))}`
    : (emptyText ?? '')
  return (
    <View className={`tx-field tx-dt${error ? ' tx-field--error' : ''}`} {...idAttr(id)}>
      <View className='tx-field__label'>
        <Text>{label}</Text>
        {optional ? <Text className='tx-field__optional'>（选填）</Text> : null}
      </View>
      <View className='tx-dt__row'>
        <Picker
          className='tx-dt__date'
          mode='date'
          value={parts?.date ?? start}
          start={start}
          end={end}
          onChange={(e) => set(String(e.detail.value), parts?.time || defaultTime)}
        >
          <View
            className={`tx-field__picker${parts ? '' : ' tx-field__picker--empty'}`}
            ariaRole='button'
            ariaLabel={`${label}：日期`}
          >
            <Text className='tx-field__picker-text tx-dt__date-text'>{parts?.date ?? '选择日期'}</Text>
            <Text className='tx-field__chevron'>›</Text>
          </View>
        </Picker>
        {mode === 'datetime' ? (
          <Picker
            className='tx-dt__time'
            mode='time'
            value={parts?.time ?? defaultTime}
            onChange={(e) => set(parts?.date ?? start, String(e.detail.value))}
          >
            <View
              className={`tx-field__picker${parts ? '' : ' tx-field__picker--empty'}`}
              ariaRole='button'
              ariaLabel={`${label}：时间`}
            >
              <Text className='tx-field__picker-text tx-dt__time-text'>{parts?.time ?? '时间'}</Text>
              <Text className='tx-field__chevron'>›</Text>
            </View>
          </Picker>
        ) : null}
      </View>
      {said || (optional && parts) ? (
        <View className='tx-dt__said'>
          <Text className='tx-dt__words'>{said}</Text>
          {optional && parts ? (
            <Text className='tx-link tx-dt__clear' onClick={() => onChange('')}>
              {emptyText ? `改为${emptyText}` : '清除'}
            </Text>
          ) : null}
        </View>
      ) : null}
      {error ? <Text className='tx-field__error'>{error}</Text> : null}
      {!error && hint ? <Text className='tx-field__hint'>{hint}</Text> : null}
    </View>
  )
}
