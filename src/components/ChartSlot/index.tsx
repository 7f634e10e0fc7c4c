import { Suspense, type ReactNode } from 'react'
import Loading from '../Loading'

/**
 * Where a chart goes. In H5 a chart's code (src/components/Chart and its drawing) is fetched after the page is on screen,
 * so the page's words come first and this says 正在加载图表… meanwhile; in the mini-program the
 * chart is in its subpackage already and shows at once. Pair it with a chart imported as
 *   process.env.TARO_ENV === 'h5' ? lazy(() => import('…/XChart')) : require('…/XChart').default
 * (the build drops the other branch).
 */
export default function ChartSlot({ children }: { children: ReactNode }) {
  return <Suspense fallback={<Loading text='正在加载图表…' />}>{children}</Suspense>
}
