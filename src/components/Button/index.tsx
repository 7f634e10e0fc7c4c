import type { ReactNode } from 'react'
import { Button as TaroButton } from '@tarojs/components'
import './index.scss'

export interface ButtonProps {
  variant?: 'primary' | 'secondary' | 'danger' | 'plain'
  /** `small` is for secondary actions inside a list row; it still keeps a comfortable tap area. */
  size?: 'normal' | 'small'
  loading?: boolean
  disabled?: boolean
  /** Full width (default for `normal`). */
  block?: boolean
  onClick?: () => void
  children?: ReactNode
  id?: string
  className?: string
}

/** A big, high-contrast button. Taps are ignored while disabled or loading. */
export default function Button({
  variant = 'primary',
  size = 'normal',
  loading = false,
  disabled = false,
  block,
  onClick,
  children,
  id,
  className,
}: ButtonProps) {
  const full = block ?? size === 'normal'
  const inactive = disabled || loading
  const cls = [
    'tx-btn',
    `tx-btn--${variant}`,
    `tx-btn--${size}`,
    full ? 'tx-btn--block' : '',
    inactive ? 'tx-btn--inactive' : '',
    className ?? '',
  ]
    .filter(Boolean)
    .join(' ')
  return (
    <TaroButton
      id={id}
      className={cls}
      loading={loading}
      disabled={disabled}
      hoverClass='tx-btn--hover'
      onClick={() => {
        if (!inactive && onClick) onClick()
      }}
    >
      {children}
    </TaroButton>
  )
}
