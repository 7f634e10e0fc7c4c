export { txPut } from '../../shared/store'
