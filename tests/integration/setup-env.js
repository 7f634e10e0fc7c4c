// The SDK must never probe Tencent's metadata service from a test, and action logs stay quiet.
process.env.TENCENTCLOUD = 'true'
process.env.TX_QUIET = '1'
