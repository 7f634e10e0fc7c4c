import { View } from '@tarojs/components'
import Stars from '../../../components/Stars'
import { DIMENSIONS, DIMENSION_LABEL, type Dimension } from '../../../../types/property'

/** One household's stars on each dimension, read-only, side by side (wrapping) inside a list row. */
export default function RatingStars({ stars }: { stars: Record<Dimension, number> }) {
  return (
    <View className='pp-stars'>
      {DIMENSIONS.map((d) => (
        <Stars key={d} compact label={DIMENSION_LABEL[d]} value={stars[d]} />
      ))}
    </View>
  )
}
