import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import {
  REPORT_KIND_FN,
  REPORT_REASONS,
  REPORT_REASON_LABEL,
  type ReportKind,
  type ReportReason,
} from '../../../types/moderation'
import { call } from '../../services/cloud'
import { toCloudError } from '../../services/errors'
import { toast } from '../../services/nav'
import OptionSheet from '../OptionSheet'
import './index.scss'

export interface ReportLinkProps {
  kind: ReportKind
  /** The item's id as its view shows it. */
  id: string
  /** Its photos: the person may report one of them instead of the whole item. */
  photos?: string[]
  /** Prefix of the element ids (`<idPrefix>`, `<idPrefix>-opt-<n>`). */
  idPrefix?: string
}

const WHOLE = 'whole'

/**
 * 举报: a quiet link under an item. A tap asks what (the item, or one of its photos) and why (a short
 * list), then sends one report. The answer is the same whether or not it counted; three households
 * hide the item until the community reviews it.
 */
export default function ReportLink({ kind, id, photos = [], idPrefix = 'report' }: ReportLinkProps) {
  const [step, setStep] = useState<'closed' | 'what' | 'why'>('closed')
  const [photo, setPhoto] = useState<string>()
  const [sent, setSent] = useState(false)
  const send = async (reason: ReportReason) => {
    setStep('closed')
    try {
      await call(REPORT_KIND_FN[kind], 'report.submit', { kind, id, reason, ...(photo ? { photo } : {}) })
      setSent(true)
      toast('已收到举报，社区会尽快核实')
    } catch (e) {
      toast(toCloudError(e).message, 'none')
    }
  }
  if (sent)
    return (
      <Text className='tx-report tx-report--sent' id={`${idPrefix}-sent`}>
        已举报
      </Text>
    )
  return (
    <View className='tx-report-wrap'>
      <View
        className='tx-report'
        id={idPrefix}
        ariaRole='button'
        onClick={() => {
          setPhoto(undefined)
          setStep(photos.length ? 'what' : 'why')
        }}
      >
        <Text>举报</Text>
      </View>
      {step === 'what' ? (
        <OptionSheet
          title='举报哪一部分'
          idPrefix={`${idPrefix}-what`}
          options={[
            { label: '整条内容', value: WHOLE },
            ...photos.map((p, i) => ({ label: `第 ${i + 1} 张照片`, value: p })),
          ]}
          value={undefined}
          onChange={(v) => {
            setPhoto(v === WHOLE ? undefined : v)
            setStep('why')
          }}
          onClose={() => setStep('closed')}
        />
      ) : null}
      {step === 'why' ? (
        <OptionSheet
          title='举报理由'
          idPrefix={`${idPrefix}-why`}
          options={REPORT_REASONS.map((r) => ({ label: REPORT_REASON_LABEL[r], value: r }))}
          value={undefined}
          onChange={(v) => void send(v as ReportReason)}
          onClose={() => setStep('closed')}
        />
      ) : null}
    </View>
  )
}
