import { View, Text } from '@tarojs/components'
import PageShell from '../../components/PageShell'
import Card from '../../components/Card'
import './index.scss'

/** What 同心圆 collects, why, for how long, who sees it, and whom to ask (SPEC §7; WeChat's privacy rules). */
const SECTIONS: { title: string; lines: string[] }[] = [
  {
    title: '我们收集什么、为什么',
    lines: [
      '姓名和手机号：您认证房屋、报到或被任命时填写，社区据此核对您是谁。',
      '房屋（小区、楼栋、房号）：认证为本社区居民后，才能参与议事表决和物业评价。',
      '位置：只在您用定位签到活动、或上报网格事件时读取一次，用来确认地点；不在后台读取。',
      '照片：只有您自己选择上传的照片（上报、评价、议题），用于说明情况。',
      '您的表决、评价、议题、心愿、服务记录：为了开展这些社区事务。',
    ],
  },
  {
    title: '谁能看到',
    lines: [
      '表决和评价是匿名的：社区书记、物业和其他居民都看不到您投了什么、给谁打了几星，只看到合计。',
      '手机号只对您本人完整显示，其他人看到的是打码后的号码。',
      '社区书记能看到本社区的认证信息，以便审核；街道管理员能看到本街道的操作日志，日志中不记录表决内容和评价人。',
    ],
  },
  {
    title: '保存多久',
    lines: [
      '记录在社区事务需要期间保存，不会被悄悄修改或删除。',
      '您可以注销：注销后您的姓名和手机号被清除，您的记录变为“已注销用户”的匿名记录，合计结果不变。',
    ],
  },
  {
    title: '您的权利',
    lines: [
      '在“我的”中可以查看和导出同心圆保存的关于您的全部信息（我的数据），修改资料，或注销。',
      '第一次使用位置、照片等功能时，我们会先征得您的同意；您可以拒绝，其他功能照常使用。',
    ],
  },
  {
    title: '联系我们',
    lines: ['对个人信息有疑问或要投诉，请联系所在社区党群服务中心，或街道党工委（工作日 9:00–17:00）。'],
  },
]

export default function PrivacyPage() {
  return (
    <PageShell title='隐私保护指引' intro='同心圆只收集开展社区事务需要的信息。'>
      {SECTIONS.map((s, i) => (
        <Card key={s.title} title={s.title} id={`privacy-${i}`}>
          <View>
            {s.lines.map((l) => (
              <Text key={l} className='tx-privacy-line'>
                {l}
              </Text>
            ))}
          </View>
        </Card>
      ))}
    </PageShell>
  )
}
