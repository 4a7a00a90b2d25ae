//! One episode: a case with everyone in it, or a victim known only to an NGO, together with
//! the duplicate records, referrals, assistance and court decisions that follow.
//!
//! An episode draws every random decision from its own stream `(seed, episode, e)` and refers
//! only to records it creates itself, so a batch of whole episodes is self-contained and the
//! output never depends on where batches are cut.

mod builder;
mod case;
mod contact;
mod followup;

pub(crate) use builder::{Context, Counters};

use crate::model::Records;
use crate::rng::{Stream, chance, rng_for};
use builder::Episode;

/// Share of episodes that are an NGO contact without a case.
const CONTACT_SHARE: f64 = 0.15;

/// Generates episode `index` into `out`, advancing the counters.
pub(crate) fn generate_episode(
    ctx: &Context,
    index: u64,
    counters: &mut Counters,
    out: &mut Records,
) {
    let mut rng = rng_for(ctx.config.seed, Stream::Episode, index);
    let contact_only = chance(&mut rng, CONTACT_SHARE);
    let mut episode = Episode::new(ctx, counters, out, rng);
    if contact_only {
        contact::contact_episode(&mut episode);
    } else {
        case::case_episode(&mut episode);
    }
    episode.finish();
}
