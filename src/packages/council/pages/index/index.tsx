import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useNoticeConsent } from '../../../../hooks/useNoticeConsent'
import type { CouncilNoticeKind } from '../../../../../types/notices'
import PageShell from '../../../../components/PageShell'
import QueryState from '../../../../components/QueryState'
import Empty from '../../../../components/Empty'
import Button from '../../../../components/Button'
import Notice from '../../../../components/Notice'
import { useMe } from '../../../../hooks/useMe'
import { useMutation } from '../../../../hooks/useCloud'
import Segmented from '../../../../components/Segmented'
import { MeetingList, ResolutionList, TopicList, VoteList } from '../../components/Lists'
import { COUNCIL, canProposeIn, myCommunities } from '../../lib'
import { go, toast } from '../../../../services/nav'
import '../../council.scss'

type Tab = 'topics' | 'meetings' | 'votes' | 'resolutions'

/** 红色议事会: topics, meetings (agendas), votes and resolutions of my community. */
export default function CouncilHome() {
  const me = useMe()
  const [tab, setTab] = useState<Tab>('topics')
  const subscribe = useMutation('council', 'notice.subscribe')
  // Three at most per WeChat dialog; "closing soon" is asked for on the vote page.
  const askConsent = useNoticeConsent(['councilMeetingPublished', 'councilVoteOpening', 'councilVoteResult'])
  const [refused, setRefused] = useState(false)
  return (
    <PageShell title='红色议事会' intro='居民提议题，议事会议决，落实情况全程公开'>
      <QueryState {...me}>
        {(m) => {
          const communities = myCommunities(m.roles)
          const c = communities[0]
          if (!c)
            return (
              <Empty text='请先认证房屋' hint='认证为本社区住户（或报到的在职党员）后，可以参与议事'>
                <Button onClick={() => void Taro.navigateTo({ url: '/pages/onboarding/bind/index' })}>去认证</Button>
              </Empty>
            )
          const onSubscribe = async () => {
            const kinds = await askConsent()
            setRefused(kinds.length === 0)
            if (kinds.length === 0) return
            const r = await subscribe.run({ communityId: c.id, on: true, kinds: kinds as CouncilNoticeKind[] })
            if (r) toast('已订阅议事通知')
          }
          return (
            <View>
              <View className='cc-row'>
                {canProposeIn(m.roles, c.id) ? (
                  <Button id='propose' onClick={() => go(COUNCIL.propose(c.id))}>
                    提出议题
                  </Button>
                ) : null}
                {c.secretary ? (
                  <Button id='new-meeting' variant='secondary' onClick={() => go(COUNCIL.meetingEdit(c.id))}>
                    新建议事会议
                  </Button>
                ) : null}
                <Button
                  id='subscribe'
                  variant='plain'
                  size='small'
                  loading={subscribe.sending}
                  onClick={() => void onSubscribe()}
                >
                  订阅通知
                </Button>
              </View>
              {subscribe.error ? <Notice tone='error'>{subscribe.error.message}</Notice> : null}
              {refused ? <Notice tone='warn'>没有允许任何通知。可在微信「设置 › 通知」中打开后再订阅。</Notice> : null}
              <Segmented<Tab>
                items={[
                  { key: 'topics', label: '议题' },
                  { key: 'meetings', label: '会议' },
                  { key: 'votes', label: '表决' },
                  { key: 'resolutions', label: '决议' },
                ]}
                value={tab}
                onChange={setTab}
              />
              {tab === 'topics' ? <TopicList communityId={c.id} secretary={c.secretary} /> : null}
              {tab === 'meetings' ? <MeetingList communityId={c.id} /> : null}
              {tab === 'votes' ? <VoteList communityId={c.id} /> : null}
              {tab === 'resolutions' ? <ResolutionList communityId={c.id} /> : null}
            </View>
          )
        }}
      </QueryState>
    </PageShell>
  )
}
