import { useEffect, useState } from 'react'
import { View, Text, Button as TaroButton } from '@tarojs/components'
import { answerPrivacy, onPrivacyPrompt, PRIVACY_AGREE_ID } from '../../services/privacy'
import { ROUTES, go } from '../../services/nav'
import './index.scss'

/**
 * Our own answer to WeChat's privacy authorization: what is about to be used and why, in plain words,
 * a link to the full guide, and two equal choices. Shown only when the platform asks (weapp).
 */
export default function PrivacyDialog() {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyPrompt(setOpen), [])
  if (!open) return null
  return (
    <View className='tx-privacy' id='privacy-dialog' ariaRole='dialog'>
      <View className='tx-privacy__box'>
        <Text className='tx-privacy__title'>使用前请您同意</Text>
        <Text className='tx-privacy__text'>
          同心圆需要用到您的位置（活动签到、上报事件的地点）或照片（上报、评价时您自己选择的照片）。只在您使用这些功能时才会读取，只用于这些功能。
        </Text>
        <Text className='tx-privacy__link' id='privacy-guide-link' onClick={() => go(ROUTES.privacy)}>
          查看《同心圆隐私保护指引》
        </Text>
        <View className='tx-privacy__actions'>
          <TaroButton className='tx-privacy__btn' id='privacy-disagree' onClick={() => answerPrivacy(false)}>
            不同意
          </TaroButton>
          <TaroButton
            className='tx-privacy__btn tx-privacy__btn--primary'
            id={PRIVACY_AGREE_ID}
            openType='agreePrivacyAuthorization'
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意
          </TaroButton>
        </View>
      </View>
    </View>
  )
}
