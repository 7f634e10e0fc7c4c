import { useState } from 'react'
import { View } from '@tarojs/components'
import PageShell from '../../../../components/PageShell'
import Empty from '../../../../components/Empty'
import QueryState from '../../../../components/QueryState'
import { useMe } from '../../../../hooks/useMe'
import { grantsOf } from '../../../../services/roles'
import Button from '../../../../components/Button'
import { go } from '../../../../services/nav'
import { PROP } from '../../routes'
import Segmented from '../../../../components/Segmented'
import Periods from './Periods'
import RuleEditor from './RuleEditor'
import Reviews from './Reviews'
import Objections from './Objections'
import Summons from './Summons'
import Companies from './Companies'
import '../../property.scss'

type Tab = 'periods' | 'rule' | 'review' | 'objection' | 'summons' | 'companies'

/** Street admin: periods and publication, the rule editor, the review queue, objections and summons. */
export default function StreetPage() {
  const me = useMe()
  const grant = grantsOf(me.data?.roles, 'street_admin')[0]
  const [tab, setTab] = useState<Tab>('periods')
  return (
    <PageShell title='红黑榜管理'>
      <QueryState {...me}>
        {() =>
          !grant ? (
            <Empty text='您不是街道管理员' />
          ) : (
            <View>
              <Button id='go-coverage' size='small' variant='secondary' onClick={() => go(PROP.coverage)}>
                红色物业覆盖与核实
              </Button>
              <Segmented<Tab>
                items={[
                  { key: 'periods', label: '周期' },
                  { key: 'rule', label: '规则' },
                  { key: 'review', label: '复核' },
                  { key: 'objection', label: '异议' },
                  { key: 'summons', label: '约谈' },
                  { key: 'companies', label: '物业' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'periods' ? <Periods streetId={grant.scopeId} onReview={() => setTab('review')} /> : null}
              {tab === 'rule' ? <RuleEditor streetId={grant.scopeId} /> : null}
              {tab === 'review' ? <Reviews streetId={grant.scopeId} /> : null}
              {tab === 'objection' ? <Objections streetId={grant.scopeId} /> : null}
              {tab === 'summons' ? <Summons streetId={grant.scopeId} /> : null}
              {tab === 'companies' ? <Companies streetId={grant.scopeId} /> : null}
            </View>
          )
        }
      </QueryState>
    </PageShell>
  )
}
