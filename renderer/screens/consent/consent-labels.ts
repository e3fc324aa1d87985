import type { ConsentKindData, ConsentMethodData } from '../../../shared/ipc/index.ts';
import type { MessageKey } from '../../i18n/i18n.tsx';

export const CONSENT_METHODS: readonly ConsentMethodData[] = ['signature', 'in-person', 'phone', 'message'];

export function methodLabel(method: ConsentMethodData): MessageKey {
  return `consent.method.${method}`;
}

export function kindLabel(kind: ConsentKindData): MessageKey {
  return `consent.kind.${kind}`;
}
