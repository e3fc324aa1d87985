/**
 * The per-charge cap a new staff member gets unless the owner sets another (or none): a new hire's
 * first day should not be able to charge any amount without a manager's PIN. Written once here,
 * used by the core when it creates the operator and by the staff form that shows it.
 */
export const DEFAULT_STAFF_PER_CHARGE_CAP = 100_000;
