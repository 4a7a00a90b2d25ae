//! The demo's one staged moment: a referral from the demo NGO worker's agency awaiting an
//! answer in the demo investigator's inbox, so that the first login shows the referral flow.
//! It is submitted through the store as the `ngo` user would submit it (validated, audited);
//! the generated history holds no referral still open between those two agencies.

use chrono::NaiveDate;
use korgon_domain::{
    ConsentGiver, ConsentInput, ConsentScope, Need, ReferralInput, ReferralStatus, Role, Urgency,
};
use sea_orm::sea_query::Query;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use crate::access::Actor;
use crate::entity::{agency, person, referral};
use crate::store::referrals::date_of_birth;
use crate::store::{Store, agencies, referrals, users};

/// Persons of the NGO looked at for the staged referral (its newest records).
const CANDIDATES: u64 = 200;

/// The reason the staged referral gives (no name, no contact: the receiver reads it first).
const REASON: &str = "Пострадавшая обратилась в организацию; нуждается в юридической помощи и защите при даче показаний";

/// Submits, as `ngo`, a referral of an adult the NGO registered (25 or older, so that no
/// precision of the birth date leaves a doubt) to `investigator`'s agency;
/// returns its id, or `None` when the dataset has no such person (or no such users).
pub async fn pending_referral(
    store: &Store,
    today: NaiveDate,
    overdue_days: u32,
) -> anyhow::Result<Option<Uuid>> {
    let (Ok(ngo), Ok(investigator)) = (
        users::by_username(store, "ngo").await,
        users::by_username(store, "investigator").await,
    ) else {
        return Ok(None);
    };
    let police = agencies::codes(&store.db.reader, [investigator.agency_id]).await?;
    let Some(police) = police.get(&investigator.agency_id).cloned() else {
        return Ok(None);
    };
    // The victim is from where the NGO works (its region, shown in the receiver's profile).
    let region = agency::Entity::find_by_id(ngo.agency_id)
        .one(&store.db.reader)
        .await?
        .and_then(|a| a.region);
    let actor = Actor {
        user_id: ngo.id,
        role: Role::NgoWorker,
        agency_id: ngo.agency_id,
        client_addr: None,
    };
    // The NGO's newest records without a referral to the police already awaiting an answer
    // (the API allows one at a time), in one query.
    let awaiting = Query::select()
        .column(referral::Column::PersonId)
        .from(referral::Entity)
        .and_where(referral::Column::ToAgencyId.eq(investigator.agency_id))
        .and_where(referral::Column::Status.eq(ReferralStatus::Submitted.as_str()))
        .to_owned();
    let candidates = person::Entity::find()
        .filter(person::Column::RegisteringAgencyId.eq(ngo.agency_id))
        .filter(person::Column::Id.not_in_subquery(awaiting))
        .order_by_desc(person::Column::Id)
        .limit(CANDIDATES)
        .all(&store.db.reader)
        .await?;
    let adult = candidates.into_iter().find(|candidate| {
        date_of_birth(candidate)
            .is_some_and(|dob| korgon_domain::referral::age_on(dob.date(), today) >= 25)
    });
    if let Some(candidate) = adult {
        let input = ReferralInput {
            to_agency: Some(police.clone()),
            person_id: Some(candidate.id),
            case_id: None,
            reason: Some(REASON.to_owned()),
            needs: vec![Need::Legal, Need::Psychological],
            urgency: Urgency::High,
            consent: Some(ConsentInput {
                given_by: Some(ConsentGiver::Victim),
                given_on: Some(today.format("%Y-%m-%d").to_string()),
                scope: Some(ConsentScope::Identity),
                guardian_name: None,
            }),
            region: region.clone(),
        }
        .validate(&store.profile, today)
        .map_err(|e| anyhow::anyhow!("the demo referral is invalid: {e}"))?;
        let submitted = referrals::submit(store, &actor, input, overdue_days).await?;
        return Ok(Some(submitted.id));
    }
    Ok(None)
}
