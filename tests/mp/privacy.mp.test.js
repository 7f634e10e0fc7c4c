/**
 * WeChat's privacy authorization on the compiled mini-program (dist/): the platform's
 * `onNeedPrivacyAuthorization` raises our own dialog (PrivacyDialog in every PageShell), in plain words;
 * 同意 is the `agreePrivacyAuthorization` button the platform checks, 不同意 lets the API fail.
 * One page mount per file: the app bundle registers itself once per module registry.
 */
const fs = require('fs')
const path = require('path')
const { DIST, installWx, mountPage, until } = require('./taro-dist-shim')
const { HOME, ok } = require('./fixtures')

describe('privacy dialog (compiled weapp)', () => {
  test('the first private API asks in our dialog; 不同意 answers disagree, the next ask shows it again and 同意 answers agree with our button', async () => {
    // Prepare: the platform's hook, captured when the app registers it at launch
    let ask = null
    global.wx.onNeedPrivacyAuthorization = jest.fn((listener) => {
      ask = listener
    })
    installWx(async () => ok(HOME))
    const page = mountPage('pages/home/index')
    await until(() => page.dom.textContent.includes('李秀英'))
    expect(global.wx.onNeedPrivacyAuthorization).toHaveBeenCalledTimes(1)
    expect(page.dom.textContent).not.toContain('使用前请您同意')

    // Act: a private API (e.g. chooseLocation) needs authorization
    const first = jest.fn()
    ask(first)
    await until(() => page.dom.textContent.includes('使用前请您同意'))

    // Assess: the platform is told the dialog is shown; it says what and why, links the guide
    expect(first).toHaveBeenCalledWith({ event: 'exposureAuthorization' })
    expect(page.dom.textContent).toContain('您的位置')
    expect(page.dom.textContent).toContain('《同心圆隐私保护指引》')
    // 同意 is rendered as <button open-type="agreePrivacyAuthorization">: the template's alias for open-type carries it
    const alias = fs
      .readFileSync(path.join(DIST, 'base.wxml'), 'utf8')
      .match(/<button[^>]* open-type="\{\{i\.(\w+)\}\}"/)[1]
    expect(JSON.stringify(page.instance.data)).toContain(`"${alias}":"agreePrivacyAuthorization"`)

    // Act: 不同意
    page.querySelector('#privacy-disagree').dispatchEvent('tap')
    await until(() => !page.dom.textContent.includes('使用前请您同意'))

    // Assess
    expect(first).toHaveBeenLastCalledWith({ event: 'disagree' })

    // Act: asked again, 同意 through the platform's agree event on our button
    const second = jest.fn()
    ask(second)
    await until(() => page.dom.textContent.includes('使用前请您同意'))
    page.querySelector('#privacy-agree').dispatchEvent('agreeprivacyauthorization')
    await until(() => !page.dom.textContent.includes('使用前请您同意'))

    // Assess
    expect(second).toHaveBeenLastCalledWith({ event: 'agree', buttonId: 'privacy-agree' })
  }, 30_000)
})
