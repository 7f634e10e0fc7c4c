import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { CloudError } from '../../services/errors'
import { pickPhotos, type PhotoFunction } from '../../services/photos'
import Button from '../Button'
import Notice from '../Notice'
import Photos from '../Photos'
import './index.scss'

export interface PhotoPickerProps {
  /** The cloud function whose photo.upload stores (and checks) the photos. */
  fn: PhotoFunction
  value: string[]
  onChange: (ids: string[]) => void
  max: number
  label?: string
}

/**
 * Photos for a record before it is submitted: add (camera or album), see, remove. Each photo is
 * uploaded and content-checked as it is added, so a refusal shows here, next to the photo.
 */
export default function PhotoPicker({ fn, value, onChange, max, label = '照片' }: PhotoPickerProps) {
  const [uploading, setUploading] = useState(false)
  const [problem, setProblem] = useState('')
  const add = async () => {
    setProblem('')
    setUploading(true)
    try {
      onChange([...value, ...(await pickPhotos(fn, max - value.length))])
    } catch (e) {
      if (e instanceof CloudError) setProblem(e.message)
      else if (!/cancel/i.test(String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? '')))
        setProblem('照片上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }
  return (
    <View className='tx-photo-picker'>
      <View className='tx-photo-picker__label'>
        {label}
        <Text className='tx-photo-picker__count'>
          （选填，{value.length}/{max}）
        </Text>
      </View>
      <Photos ids={value} onRemove={(id) => onChange(value.filter((v) => v !== id))} />
      {problem ? <Notice tone='error'>{problem}</Notice> : null}
      {value.length < max ? (
        <Button id='add-photo' variant='secondary' size='small' loading={uploading} onClick={() => void add()}>
          拍照 / 选照片
        </Button>
      ) : null}
    </View>
  )
}
