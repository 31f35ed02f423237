//! Billing: PPN (`tax`), a payment attempt's states and transitions (`payment_state`), Midtrans
//! notification signatures (`signature`), and the rows: invoices, attempts, notifications,
//! plan periods, security events; `apply` moves a payment and everything that follows it.

pub mod apply;
pub mod attempts;
pub mod invoices;
pub mod money;
pub mod notifications;
pub mod payment_state;
pub mod periods;
pub mod plan_change;
pub mod security_events;
pub mod signature;
pub mod tax;
