//! An episode without a case: a victim who turned to an NGO, a shelter or a consulate and
//! never filed a complaint (most victims do not).

use korgon_domain::AgencyKind;

use super::builder::{Episode, Victimhood};
use super::followup::{VictimFollowup, follow_victim};
use crate::rng::{between, weighted};
use crate::scenario::{add_days, draw_exploitation, incident_window, victim_plans};

pub(super) fn contact_episode(ep: &mut Episode<'_>) {
    let today = ep.today();
    let exploitation = draw_exploitation(&mut ep.rng);
    let (_, region, _) = ep.ctx.regions.pick(&mut ep.rng, exploitation.primary);
    let region = region.to_owned();
    let on = add_days(today, -between(&mut ep.rng, 0, 8 * 365));
    let (incident_from, _) = incident_window(&mut ep.rng, exploitation.primary, on);
    let mut victims = victim_plans(&mut ep.rng, exploitation.primary);
    victims.truncate(2);
    let kind = match exploitation.destination {
        Some(_) => weighted(
            &mut ep.rng,
            &[
                (AgencyKind::Ngo, 70),
                (AgencyKind::Shelter, 15),
                (AgencyKind::Consulate, 15),
            ],
        ),
        None => weighted(
            &mut ep.rng,
            &[(AgencyKind::Ngo, 80), (AgencyKind::Shelter, 20)],
        ),
    };
    let registrar = match (kind, exploitation.destination) {
        (AgencyKind::Consulate, Some(country)) => ep.ctx.roster.consulate_for(country),
        (kind, _) => ep.ctx.roster.near(&mut ep.rng, kind, &region),
    };
    for plan in &victims {
        let identity = ep.new_identity(plan, incident_from, &region);
        let victim = Victimhood {
            form: exploitation.primary,
            destination: exploitation.destination,
        };
        let person = ep.add_record(&identity, registrar, on, false, Some(victim));
        let followup = VictimFollowup {
            identity: &identity,
            first_record: person,
            first_agency: registrar,
            case: None,
            region: &region,
            destination: exploitation.destination,
            minor: plan.age < 18,
            on,
            form: exploitation.primary,
        };
        follow_victim(ep, &followup);
    }
}
