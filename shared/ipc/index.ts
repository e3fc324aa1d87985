export type { CallOptions, DeskBridge } from './bridge.ts';
export {
  type Access,
  CHANNEL_NAMES,
  type ChannelName,
  type ChannelSpec,
  type Contract,
  contract,
  ipcChannel,
  type RequestOf,
  type ResponseOf,
} from './contract.ts';
export { ERROR_CODES, type ErrorCode, isErrorCode } from './error-codes.ts';
export { EVENT_NAMES, type EventName, type EventOf, type Events, events, ipcEventChannel } from './events.ts';
export {
  CORE_FIELD_CODES,
  FIELD_CODES,
  type FieldCode,
  type FieldParams,
  isFieldCode,
} from './field-codes.ts';
export { IPC_ERROR_CODES, type IpcError, type IpcResult, ipcErrorSchema } from './result.ts';
export * from './views.ts';
