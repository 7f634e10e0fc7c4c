import { View, Text } from '@tarojs/components'
import type { HomeGroupView, HomeSectionView } from '../../../types/org'
import { HOME_KIND_LABEL } from '../../../types/org-forms'
import Card from '../../components/Card'
import ListItem from '../../components/ListItem'
import Tag from '../../components/Tag'
import { go } from '../../services/nav'
import { safeId, timeLine } from './kinds'

function Group({ group }: { group: HomeGroupView }) {
  const more = group.count - group.items.length
  return (
    <View className='home-group' id={`home-group-${group.kind}`}>
      <View className='home-group__head'>
        <Text className='home-group__label'>{HOME_KIND_LABEL[group.kind]}</Text>
        <Text className='home-count'>{group.count} 项</Text>
      </View>
      {group.items.map((item) => {
        const when = timeLine(group.kind, item)
        return (
          <ListItem
            key={item.id}
            id={`home-item-${safeId(item.id)}`}
            title={item.title}
            description={
              <View>
                {item.detail ? <Text className='home-item__line'>{item.detail}</Text> : null}
                {when ? (
                  <Text className={`home-item__line${item.overdue ? ' home-item__line--late' : ''}`}>{when}</Text>
                ) : null}
              </View>
            }
            extra={item.overdue ? <Tag tone='red'>已超期</Tag> : null}
            onClick={() => go(item.route)}
          />
        )
      })}
      {more > 0 ? (
        <View className='home-group__more' id={`home-more-${group.kind}`} onClick={() => go(group.route)}>
          <Text>查看全部 {group.count} 项</Text>
          <Text className='home-group__chevron'>›</Text>
        </View>
      ) : null}
    </View>
  )
}

/** One role's 待办: each kind with something waiting, its count, the newest items, a way to the rest. */
export default function WaitingSection({ section }: { section: HomeSectionView }) {
  const groups = section.groups.filter((g) => g.count > 0)
  return (
    <View className='home-section' id={`home-section-${section.role}`}>
      <View className='home-section__head'>
        <Text className='home-section__title'>{section.title}</Text>
        <Text className='home-section__total'>{section.count > 0 ? `${section.count} 项待办` : '无待办'}</Text>
      </View>
      <Card>
        {groups.length ? (
          groups.map((g) => <Group key={g.kind} group={g} />)
        ) : (
          <View className='home-clear'>
            <Text className='home-clear__mark'>✓</Text>
            <Text>暂时没有要您处理的事项</Text>
          </View>
        )}
      </Card>
    </View>
  )
}
