import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Button from '../../../../components/Button'
import Empty from '../../../../components/Empty'
import Notice from '../../../../components/Notice'
import QueryState from '../../../../components/QueryState'
import { useCloud, useMutation } from '../../../../hooks/useCloud'
import { toast } from '../../../../services/nav'
import RectCard from '../../components/RectCard'
import '../../property.scss'

/** The resident's household's rectification items; confirm fixed or not once the company reports it done. */
export default function MinePage() {
  const q = useCloud('property', 'rectification.mine', { pageSize: 50 }, { reloadOnShow: true })
  const confirm = useMutation('property', 'rectification.confirm')
  const decide = async (id: string, fixed: boolean) => {
    const r = await confirm.run({ rectificationId: id, fixed })
    if (r) {
      toast(fixed ? '已确认整改' : '已反馈未整改')
      q.reload()
    }
  }
  return (
    <PageShell title='我的整改事项' intro='您家低分评价中提出的问题，物业整改后请确认'>
      {confirm.error ? <Notice tone='error'>{confirm.error.message}</Notice> : null}
      <QueryState {...q}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty text='暂无整改事项' hint='任何一项打 2 星及以下并写明问题，会生成整改事项' />
          ) : (
            <View>
              {page.items.map((r) => (
                <RectCard key={r.id} r={r}>
                  {r.status === 'reported' ? (
                    <View className='pp-actions'>
                      <Button
                        id={`fixed-${r.id}`}
                        size='small'
                        loading={confirm.sending}
                        onClick={() => decide(r.id, true)}
                      >
                        已整改
                      </Button>
                      <Button
                        id={`notfixed-${r.id}`}
                        size='small'
                        variant='secondary'
                        onClick={() => decide(r.id, false)}
                      >
                        还没整改好
                      </Button>
                    </View>
                  ) : null}
                </RectCard>
              ))}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
