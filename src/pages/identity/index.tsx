import { useCallback, useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import PageShell from '../../components/PageShell'
import Card from '../../components/Card'
import Tag from '../../components/Tag'
import Empty from '../../components/Empty'
import Loading from '../../components/Loading'
import ErrorState from '../../components/ErrorState'
import Notice from '../../components/Notice'
import { getLocalIdentity, listLocalIdentities, setLocalIdentity, type LocalIdentity } from '../../services/identity'
import { grantText } from '../../services/roles'
import { NETWORK_MESSAGE } from '../../services/errors'
import { ROUTES } from '../../services/nav'
import './index.scss'

function useIdentities() {
  const [list, setList] = useState<LocalIdentity[]>()
  const [error, setError] = useState<string>()
  const load = useCallback(() => {
    setError(undefined)
    setList(undefined)
    listLocalIdentities()
      .then(setList)
      .catch(() => setError(`无法读取演示身份：${NETWORK_MESSAGE}`))
  }, [])
  useEffect(load, [load])
  return { list, error, load }
}

function IdentityList() {
  const { list, error, load } = useIdentities()
  const current = getLocalIdentity()
  if (error) return <ErrorState message={error} onRetry={load} />
  if (!list) return <Loading />
  if (list.length === 0) return <Empty text='本地还没有演示人员' hint='请先运行 npm start 生成演示数据' />
  const choose = (openid: string) => {
    setLocalIdentity(openid)
    void Taro.reLaunch({ url: ROUTES.home })
  }
  return (
    <View>
      {list.map((p) => (
        <Card
          key={p.openid}
          onClick={() => choose(p.openid)}
          className={p.openid === current ? 'id-card--current' : ''}
          id={`identity-${p.openid}`}
        >
          <View className='id-card__head'>
            <Text className='id-card__name'>{p.name}</Text>
            {p.openid === current ? <Tag tone='green'>当前身份</Tag> : null}
          </View>
          <View>
            {p.roles.length === 0 ? (
              <Tag tone='gray'>暂无身份</Tag>
            ) : (
              p.roles.map((g) => (
                <Tag key={`${g.role}:${g.scopeId}`} tone='red'>
                  {grantText(g)}
                </Tag>
              ))
            )}
          </View>
        </Card>
      ))}
    </View>
  )
}

/** 身份切换 (H5 local runtime only): act as one of the demo people. */
export default function IdentityPage() {
  // Inline env check (not the shared isH5 constant) so the weapp build drops the local-identity code.
  if (process.env.TARO_ENV !== 'h5') {
    return (
      <PageShell title='身份切换'>
        <Notice tone='info' title='身份来自微信'>
          <Text>在微信中，您的身份由微信登录确定，无需也无法切换。</Text>
        </Notice>
      </PageShell>
    )
  }
  return (
    <PageShell title='身份切换' intro='本地演示环境：选择一位演示人员，以其身份使用'>
      <IdentityList />
    </PageShell>
  )
}
