import { View, Text } from '@tarojs/components'
import type { MyDataColumnView, MyDataRow } from '../../../../types/mydata'
import Card from '../../../components/Card'
import Photos from '../../../components/Photos'
import { formatTime } from '../../../services/time'

export interface RecordCardProps {
  columns: MyDataColumnView[]
  row: MyDataRow
  id?: string
}

/** One record as label: value lines, empty fields left out; times in Beijing time, photos as thumbnails. */
export default function RecordCard({ columns, row, id }: RecordCardProps) {
  const shown = columns.filter((c) => row[c.key] !== null && row[c.key] !== undefined && row[c.key] !== '')
  return (
    <Card className='mine-record' id={id}>
      {shown.map((c) => {
        const v = row[c.key]!
        return (
          <View key={c.key} className='mine-record__field'>
            <Text className='mine-record__label'>{c.title}</Text>
            {c.kind === 'photo' ? (
              <View className='mine-record__value'>
                <Photos ids={[String(v)]} />
              </View>
            ) : (
              <Text className='mine-record__value'>{c.kind === 'time' ? formatTime(String(v)) : String(v)}</Text>
            )}
          </View>
        )
      })}
    </Card>
  )
}
