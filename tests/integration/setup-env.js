// The SDK must never probe Tencent's metadata service from a test, and action logs stay quiet.
process.env.TENCENTCLOUD = 'true'
process.env.TX_QUIET = '1'
// What a deployment configures (docs/deploy.md), set as the local server sets it.
require('../../local/dev-env').applyDevelopmentEnv()
