//! What every use case needs: the store, the clock, the offices, where mails point.

use std::sync::{Arc, RwLock};

use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::Office;
use crate::store::{Store, StoreError};

#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    offices: Arc<RwLock<(i64, Arc<Vec<Office>>)>>,
    /// Woken after a change that queued a mail, so the outbox worker sends it now.
    pub outbox: Arc<Notify>,
}

impl App {
    pub fn new(store: Store, clock: Arc<dyn Clock>, config: Config) -> App {
        App {
            store,
            clock,
            config: Arc::new(config),
            offices: Arc::new(RwLock::new((-1, Arc::new(Vec::new())))),
            outbox: Arc::new(Notify::new()),
        }
    }

    /// The offices as stored now. Instances keep only a cache, checked against
    /// the stored revision on every call, so an import on one instance is seen
    /// by all at once.
    pub async fn offices(&self) -> Result<Arc<Vec<Office>>, StoreError> {
        let revision = self.store.offices_revision().await?;
        {
            let cached = self.offices.read().expect("office cache");
            if cached.0 == revision {
                return Ok(cached.1.clone());
            }
        }
        let fresh = Arc::new(self.store.offices().await?);
        *self.offices.write().expect("office cache") = (revision, fresh.clone());
        Ok(fresh)
    }

    pub async fn office(&self, id: &str) -> Result<Option<Office>, StoreError> {
        Ok(self.offices().await?.iter().find(|o| o.id == id).cloned())
    }
}
