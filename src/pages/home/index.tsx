import { View, Text } from '@tarojs/components'
import type { MeView } from '../../../types/org'
import PageShell from '../../components/PageShell'
import QueryState from '../../components/QueryState'
import Button from '../../components/Button'
import Tag from '../../components/Tag'
import Notice from '../../components/Notice'
import { useMe } from '../../hooks/useMe'
import { grantText } from '../../services/roles'
import { ROUTES, go, isH5 } from '../../services/nav'
import BindingBanner from './BindingBanner'
import TileGrid from './TileGrid'
import { serviceTiles, workTiles } from './tiles'
import './index.scss'

function Hero({ me }: { me: MeView }) {
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
    </View>
  )
}

function HomeContent({ me }: { me: MeView }) {
  const work = workTiles(me)
  return (
    <View>
      <Hero me={me} />
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
      <BindingBanner binding={me.binding} />
      {work.length > 0 ? (
        <View>
          <Text className='tx-section-title'>社区工作</Text>
          <TileGrid tiles={work} />
        </View>
      ) : null}
      <Text className='tx-section-title'>办事服务</Text>
      <TileGrid tiles={serviceTiles(me)} />
    </View>
  )
}

/** Home: who I am, where my household verification stands, and the entries I can use now. */
export default function Home() {
  const me = useMe()
  return (
    <PageShell id='page-home'>
      <QueryState
        {...me}
        errorExtra={
          isH5 ? (
            <Button variant='primary' onClick={() => go(ROUTES.identity)} id='choose-identity'>
              身份切换
            </Button>
          ) : null
        }
      >
        {(data) => <HomeContent me={data} />}
      </QueryState>
    </PageShell>
  )
}
