// The SDK must never probe Tencent's metadata service from a test, and action logs stay quiet.
process.env.TENCENTCLOUD = 'true'
process.env.TX_QUIET = '1'
// Owner tokens (cloudfunctions/shared/owner-token.ts) fail closed without a secret: the tests set a development one.
process.env.OWNER_TOKEN_SECRET = 'tongxinyuan-test-owner-token-secret'
