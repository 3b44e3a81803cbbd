/** Settings → Connection: KuCoin key entry, verification, rotation and deletion. */
export { ConnectionPage } from './ConnectionPage.tsx';
