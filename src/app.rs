//! What every use case needs: the store, the clock, the offices, where mails point.

use std::sync::{Arc, RwLock};
use std::time::{Duration, Instant};

use tokio::sync::Notify;

use crate::clock::Clock;
use crate::config::Config;
use crate::domain::{Language, Office};
use crate::i18n::{Catalogs, Texts};
use crate::store::{Store, StoreError};

/// How long the office cache is trusted before the stored revision is checked.
/// A booking never relies on it: its transaction checks the revision itself.
const OFFICES_FRESH_FOR: Duration = Duration::from_secs(1);

#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<Config>,
    offices: Arc<RwLock<Cache>>,
    /// Woken after a change that queued a mail, so the outbox worker sends it now.
    pub outbox: Arc<Notify>,
    /// The message catalogs of every language, with the city's own on top.
    pub catalogs: Arc<Catalogs>,
}

struct Cache {
    revision: i64,
    checked: Option<Instant>,
    offices: Arc<Vec<(Office, i64)>>,
}

impl App {
    /// The app with the embedded catalogs, or those of `TERMIN_LOCALES_DIR`
    /// (which [`crate::server::open`] checks before it starts).
    pub fn new(store: Store, clock: Arc<dyn Clock>, config: Config) -> App {
        let catalogs = match &config.locales_dir {
            None => Catalogs::embedded(),
            Some(dir) => match Catalogs::load(Some(dir)) {
                Ok(c) => Arc::new(c),
                Err(e) => {
                    tracing::error!(error = %e, "TERMIN_LOCALES_DIR; the built-in texts are used");
                    Catalogs::embedded()
                }
            },
        };
        App {
            catalogs,
            store,
            clock,
            config: Arc::new(config),
            offices: Arc::new(RwLock::new(Cache {
                revision: -1,
                checked: None,
                offices: Arc::default(),
            })),
            outbox: Arc::new(Notify::new()),
        }
    }

    /// The offices with the revision of each one's plan. Instances keep only a
    /// cache, compared with the stored revision at most every second, so an
    /// import on one instance is seen by all within a second.
    pub async fn offices_with_revisions(&self) -> Result<Arc<Vec<(Office, i64)>>, StoreError> {
        {
            let cache = self.offices.read().expect("office cache");
            if cache
                .checked
                .is_some_and(|t| t.elapsed() < OFFICES_FRESH_FOR)
            {
                return Ok(cache.offices.clone());
            }
        }
        let revision = self.store.offices_revision().await?;
        {
            let mut cache = self.offices.write().expect("office cache");
            if cache.revision == revision {
                cache.checked = Some(Instant::now());
                return Ok(cache.offices.clone());
            }
        }
        let fresh = Arc::new(self.store.offices().await?);
        *self.offices.write().expect("office cache") = Cache {
            revision,
            checked: Some(Instant::now()),
            offices: fresh.clone(),
        };
        Ok(fresh)
    }

    pub async fn offices(&self) -> Result<Vec<Office>, StoreError> {
        Ok(self
            .offices_with_revisions()
            .await?
            .iter()
            .map(|(o, _)| o.clone())
            .collect())
    }

    /// One office and the revision of its plan.
    pub async fn office_at(&self, id: &str) -> Result<Option<(Office, i64)>, StoreError> {
        Ok(self
            .offices_with_revisions()
            .await?
            .iter()
            .find(|(o, _)| o.id == id)
            .cloned())
    }

    pub async fn office(&self, id: &str) -> Result<Option<Office>, StoreError> {
        Ok(self.office_at(id).await?.map(|(o, _)| o))
    }

    /// The texts of a language.
    pub fn texts(&self, lang: Language) -> Texts {
        Texts::new(lang, self.catalogs.clone())
    }

    /// Drop the cache: the offices changed, here or (found out by a refused booking) elsewhere.
    pub fn forget_offices(&self) {
        self.offices.write().expect("office cache").checked = None;
    }
}
