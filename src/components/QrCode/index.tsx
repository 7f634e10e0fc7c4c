import { Canvas } from '@tarojs/components'
import { encode } from 'uqr'
import { useCanvas2d } from '../../hooks/useCanvas2d'

export interface QrCodeProps {
  text: string
  /** CSS px */
  size?: number
  id?: string
}

/**
 * A QR code drawn locally on a 2D canvas (uqr computes the matrix; nothing leaves the device). Used by
 * subpackages only (the organiser's sign-in code, a grid post's appointment code), so it stays out of the
 * main package (optimizeMainPackage).
 */
export default function QrCode({ text, size = 240, id = 'qr' }: QrCodeProps) {
  useCanvas2d(
    id,
    size,
    size,
    ({ ctx, dpr }) => {
      const { data, size: n } = encode(text, { ecc: 'M', border: 2 })
      const cell = (size * dpr) / n
      ctx.fillStyle = '#ffffff'
      ctx.fillRect(0, 0, size * dpr, size * dpr)
      ctx.fillStyle = '#1f1a17'
      for (let y = 0; y < n; y++)
        for (let x = 0; x < n; x++)
          if (data[y][x]) ctx.fillRect(Math.floor(x * cell), Math.floor(y * cell), Math.ceil(cell), Math.ceil(cell))
    },
    [text, size],
  )
  return <Canvas type='2d' id={id} style={{ width: `${size}px`, height: `${size}px` }} />
}
