export { type AuditEntry, type AuditRecord, appendAudit } from './append-audit.ts';
export {
  type AuditChain,
  type AuditChainDeps,
  type AuditHeadStore,
  anchorAuditHead,
  auditChainKey,
  openAuditChain,
} from './audit-chain.ts';
export { GENESIS_HASH } from './audit-hash.ts';
export { type AuditEntryView, type AuditPage, auditEntries, auditPage } from './audit-page.ts';
export { type AuditFilter, type AuditRow, lastAuditAt } from './audit-rows.ts';
export { canonicalJson, type JsonObject, type JsonValue } from './canonical-json.ts';
export { auditChainKeyed } from './chain-key.ts';
export { type AuditBreak, type AuditVerification, verifyAudit } from './verify-audit.ts';
