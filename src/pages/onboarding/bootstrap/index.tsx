import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { BootstrapInputSchema } from '../../../../types/org-forms'
import PageShell from '../../../components/PageShell'
import Card from '../../../components/Card'
import Field from '../../../components/Field'
import Button from '../../../components/Button'
import Notice from '../../../components/Notice'
import QueryState from '../../../components/QueryState'
import { useMutation } from '../../../hooks/useCloud'
import { useMe } from '../../../hooks/useMe'
import { validate } from '../../../services/validate'
import { ROUTES, toast } from '../../../services/nav'

function BootstrapForm({ defaultName }: { defaultName: string }) {
  const [streetName, setStreetName] = useState('')
  const [name, setName] = useState(defaultName)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const claim = useMutation('org', 'bootstrap')

  const send = async () => {
    const input = { streetName, name }
    const checked = validate(BootstrapInputSchema, input)
    setErrors(checked.ok ? {} : checked.errors)
    if (!checked.ok) return
    const out = await claim.run(input)
    if (out) {
      toast('认领成功')
      void Taro.reLaunch({ url: ROUTES.home })
    }
  }

  return (
    <View>
      <Card>
        <Field
          label='街道名称'
          id='bootstrap-street'
          value={streetName}
          onChange={setStreetName}
          placeholder='如：和平街道'
          maxLength={40}
          error={errors.streetName}
        />
        <Field
          label='您的姓名'
          id='bootstrap-name'
          value={name}
          onChange={setName}
          placeholder='请输入真实姓名'
          maxLength={20}
          error={errors.name}
        />
      </Card>
      {claim.error ? (
        <Notice tone='error' title='认领没有成功'>
          <Text>{claim.error.message}</Text>
        </Notice>
      ) : null}
      <Button id='bootstrap-submit' loading={claim.sending} onClick={() => void send()}>
        认领并成为街道管理员
      </Button>
    </View>
  )
}

/** First street admin of a deployment (only the configured OPENID may do this). */
export default function BootstrapPage() {
  const me = useMe({ reloadOnShow: false })
  return (
    <PageShell title='认领街道' intro='部署后的第一步：建立街道并成为首位街道管理员'>
      <QueryState {...me}>
        {(data) =>
          data.canBootstrap ? (
            <BootstrapForm defaultName={data.name} />
          ) : (
            <Notice tone='info' title='无需认领'>
              <Text>本系统已有街道管理员，或您不是部署时指定的管理员。</Text>
            </Notice>
          )
        }
      </QueryState>
    </PageShell>
  )
}
