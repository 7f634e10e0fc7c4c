import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Card from '../../../../components/Card'
import Button from '../../../../components/Button'
import Field from '../../../../components/Field'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import { newRequestId } from '../../../../services/requestId'
import { formatTime } from '../../../../services/format'
import { dateFromToday } from '../../../../services/time'
import DateTimeField from '../../../../components/DateTimeField'

/** A summons is recorded on the day or after it; its follow-up a month on. */
const blank = () => ({ date: dateFromToday(), followUpDate: dateFromToday(30) })
const FIELDS = [
  ['attendees', '参加人员'],
  ['problems', '存在问题'],
  ['commitments', '整改承诺'],
] as const

/** 约谈 of black-listed companies: record it, then add follow-ups. */
export default function Summons({ streetId }: { streetId: string }) {
  const current = useCloud('property', 'list.current', { streetId })
  const list = useCloud('property', 'summons.list', { streetId, pageSize: 30 })
  const create = useMutation('property', 'summons.create')
  const follow = useMutation('property', 'summons.followUp')
  const [form, setForm] = useState<Record<string, string>>(blank)
  const [companyId, setCompanyId] = useState<string>()
  const [notes, setNotes] = useState<Record<string, string>>({})
  const black = current.data?.entries.filter((e) => e.placement === 'black') ?? []
  const target = companyId ?? black[0]?.companyId
  const submit = async () => {
    if (!current.data || !target) return
    const r = await create.run({
      requestId: newRequestId(),
      publicationId: current.data.id,
      companyId: target,
      date: form.date ?? '',
      followUpDate: form.followUpDate ?? '',
      attendees: form.attendees ?? '',
      problems: form.problems ?? '',
      commitments: form.commitments ?? '',
    })
    if (r) {
      toast('约谈已记录')
      setForm(blank())
      list.reload()
    }
  }
  return (
    <View>
      <QueryState {...current}>
        {(pub) =>
          !pub || black.length === 0 ? (
            <Empty text='当前榜单没有黑榜物业' />
          ) : (
            <Card title={`记录约谈（${pub.periodLabel}黑榜）`} id='summons-form'>
              <Field
                kind='picker'
                label='物业公司'
                options={black.map((e) => ({ label: e.companyName, value: e.companyId }))}
                value={target}
                onChange={setCompanyId}
              />
              <DateTimeField
                id='summons-date'
                mode='date'
                label='约谈日期'
                start={dateFromToday(-365)}
                value={form.date ?? ''}
                onChange={(v) => setForm({ ...form, date: v })}
              />
              {FIELDS.map(([k, label]) => (
                <Field
                  key={k}
                  id={`summons-${k}`}
                  kind='textarea'
                  label={label}
                  value={form[k] ?? ''}
                  onChange={(v) => setForm({ ...form, [k]: v })}
                  maxLength={500}
                />
              ))}
              <DateTimeField
                id='summons-followUpDate'
                mode='date'
                label='跟进日期'
                value={form.followUpDate ?? ''}
                onChange={(v) => setForm({ ...form, followUpDate: v })}
              />
              {create.error ? <Notice tone='error'>{create.error.message}</Notice> : null}
              <Button id='save-summons' loading={create.sending} onClick={submit}>
                保存约谈记录
              </Button>
            </Card>
          )
        }
      </QueryState>
      <QueryState {...list}>
        {(page) => (
          <View id='summons-list'>
            {follow.error ? <Notice tone='error'>{follow.error.message}</Notice> : null}
            {page.items.length === 0 ? (
              <Empty text='还没有约谈记录' hint='榜单发布后，可对黑榜物业记录约谈并跟进整改' />
            ) : null}
            {page.items.map((s) => (
              <Card key={s.id} title={`${s.companyName} · ${s.periodLabel}`}>
                <Text className='pp-line'>
                  约谈日期 {s.date} · 跟进日期 {s.followUpDate}
                </Text>
                <Text className='pp-line pp-line--muted'>参加：{s.attendees}</Text>
                <Text className='pp-line pp-line--muted'>问题：{s.problems}</Text>
                <Text className='pp-line pp-line--muted'>承诺：{s.commitments}</Text>
                {s.followUps.map((f, i) => (
                  <Text key={i} className='pp-line pp-line--reason'>
                    {formatTime(f.at)} {f.byName}：{f.text}
                  </Text>
                ))}
                <Field
                  kind='text'
                  label='跟进情况'
                  value={notes[s.id] ?? ''}
                  onChange={(v) => setNotes({ ...notes, [s.id]: v })}
                  maxLength={300}
                />
                <Button
                  size='small'
                  variant='secondary'
                  loading={follow.sending}
                  onClick={async () => {
                    if (await follow.run({ summonsId: s.id, text: notes[s.id] ?? '' })) {
                      setNotes({ ...notes, [s.id]: '' })
                      list.reload()
                    }
                  }}
                >
                  追加跟进
                </Button>
              </Card>
            ))}
          </View>
        )}
      </QueryState>
    </View>
  )
}
