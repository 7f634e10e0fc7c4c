import type { ReactNode } from 'react'
import { Text } from '@tarojs/components'
import './index.scss'

export type TagTone = 'red' | 'gold' | 'green' | 'blue' | 'gray'

export interface TagProps {
  tone?: TagTone
  children?: ReactNode
  className?: string
}

/** A small rounded label (a role, a status). */
export default function Tag({ tone = 'red', children, className }: TagProps) {
  return <Text className={`tx-tag tx-tag--${tone}${className ? ` ${className}` : ''}`}>{children}</Text>
}
