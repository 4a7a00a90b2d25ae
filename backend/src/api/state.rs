//! What every handler can reach.

use std::sync::Arc;

use crate::auth::TokenKeys;
use crate::auth::login::LockoutPolicy;
use crate::settings::Settings;
use crate::store::Store;

/// Shared state of the HTTP application.
#[derive(Debug, Clone)]
pub struct AppState {
    /// Storage.
    pub store: Store,
    /// Token keys.
    pub keys: TokenKeys,
    /// Settings in force.
    pub settings: Arc<Settings>,
}

impl AppState {
    /// The lock-out policy from the settings.
    pub fn lockout(&self) -> LockoutPolicy {
        LockoutPolicy {
            threshold: self.settings.lockout_threshold,
            minutes: self.settings.lockout_minutes,
        }
    }
}
