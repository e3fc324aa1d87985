export { type AuditEntry, type AuditRecord, appendAudit } from './append-audit.ts';
export { GENESIS_HASH } from './audit-hash.ts';
export {
  type AuditEntryView,
  type AuditFilter,
  type AuditPage,
  auditEntries,
  auditPage,
} from './audit-page.ts';
export { canonicalJson, type JsonObject, type JsonValue } from './canonical-json.ts';
export { type AuditBreak, type AuditVerification, verifyAudit } from './verify-audit.ts';
