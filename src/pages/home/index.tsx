import { View, Text } from '@tarojs/components'
import type { HomeView, MeView } from '../../../types/org'
import PageShell from '../../components/PageShell'
import QueryState from '../../components/QueryState'
import Button from '../../components/Button'
import Tag from '../../components/Tag'
import Notice from '../../components/Notice'
import { useCloud } from '../../hooks/useCloud'
import { grantText } from '../../services/roles'
import { ROUTES, go, isH5 } from '../../services/nav'
import BindingBanner from './BindingBanner'
import TileGrid from './TileGrid'
import WaitingSection from './Waiting'
import { serviceTiles, workTiles } from './tiles'
import './index.scss'

function Hero({ me, waiting }: { me: MeView; waiting: number | null }) {
  return (
    <View className='home-hero'>
      <View className='home-hero__row'>
        <Text className='home-hero__hello' id='greeting'>
          {me.name ? `您好，${me.name}` : '您好'}
        </Text>
        <View className='home-hero__links'>
          {isH5 ? (
            <Text className='home-hero__link' id='switch-identity' onClick={() => go(ROUTES.identity)}>
              身份切换
            </Text>
          ) : null}
          <Text className='home-hero__link' id='to-me' onClick={() => go(ROUTES.me)}>
            我的
          </Text>
        </View>
      </View>
      {me.roles.length > 0 ? (
        <View className='home-hero__roles' id='roles'>
          {me.roles.map((g) => (
            <Tag key={`${g.role}:${g.scopeId}`} tone='gray' className='home-hero__tag'>
              {grantText(g)}
            </Tag>
          ))}
        </View>
      ) : (
        <Text className='home-hero__sub'>欢迎使用同心圆社区服务</Text>
      )}
      {waiting !== null ? (
        <Text className='home-hero__sub' id='waiting-total'>
          {waiting > 0 ? `共有 ${waiting} 项待办，请及时处理` : '暂时没有待办事项'}
        </Text>
      ) : null}
    </View>
  )
}

function HomeContent({ home }: { home: HomeView }) {
  const { me, sections } = home
  const tiles = [...workTiles(me), ...serviceTiles(me)]
  return (
    <View>
      <Hero me={me} waiting={sections.length ? sections.reduce((n, s) => n + s.count, 0) : null} />
      {me.canBootstrap ? (
        <Notice
          tone='info'
          title='系统还没有街道管理员'
          actionText='认领'
          onAction={() => go(ROUTES.bootstrap)}
          id='bootstrap-banner'
        >
          <Text>您是部署时指定的首位管理员，请先认领街道</Text>
        </Notice>
      ) : null}
      <BindingBanner me={me} />
      {sections.length ? (
        <View id='waiting'>
          <Text className='tx-section-title'>待办</Text>
          {sections.map((s) => (
            <WaitingSection key={s.role} section={s} />
          ))}
        </View>
      ) : null}
      <Text className='tx-section-title'>常用功能</Text>
      <TileGrid tiles={tiles} />
    </View>
  )
}

/** Home (待办): who I am, what waits for me per role (org home, one call), then the entries I can use. */
export default function Home() {
  const home = useCloud('org', 'home', {}, { reloadOnShow: true })
  return (
    <PageShell id='page-home'>
      <QueryState
        {...home}
        errorExtra={
          isH5 ? (
            <Button variant='primary' onClick={() => go(ROUTES.identity)} id='choose-identity'>
              身份切换
            </Button>
          ) : null
        }
      >
        {(data) => <HomeContent home={data} />}
      </QueryState>
    </PageShell>
  )
}
