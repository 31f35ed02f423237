// The admin panel's query keys. All start with ADMIN_KEY, so signing out or an operator's
// action can refresh the panel as a whole.

export const ADMIN_KEY = ["admin"] as const;
export const ADMIN_ME_KEY = [...ADMIN_KEY, "me"] as const;
export const PLANS_KEY = [...ADMIN_KEY, "plans"] as const;
export const OVERVIEW_KEY = [...ADMIN_KEY, "overview"] as const;
export const USERS_KEY = [...ADMIN_KEY, "users"] as const;
export const AUDIT_KEY = [...ADMIN_KEY, "audit"] as const;
export const userKey = (id: string) => [...ADMIN_KEY, "user", id] as const;
export const HEALTH_KEY = [...ADMIN_KEY, "health"] as const;
export const FINANCE_KEY = [...ADMIN_KEY, "finance"] as const;
export const PAYMENTS_KEY = [...ADMIN_KEY, "payments"] as const;
export const INVOICES_KEY = [...ADMIN_KEY, "invoices"] as const;
export const LOGS_KEY = [...ADMIN_KEY, "logs"] as const;
export const ANALYTICS_KEY = [...ADMIN_KEY, "analytics"] as const;
export const SAVED_QUERIES_KEY = [...ADMIN_KEY, "queries"] as const;
