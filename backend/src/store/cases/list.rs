//! Listing the cases in the actor's scope.

use sea_orm::sea_query::{Alias, Expr, ExprTrait, Order, Query, SelectStatement, UnionType};
use sea_orm::{ColumnTrait, QueryFilter, QueryOrder, QuerySelect};
use uuid::Uuid;

use super::view::CaseSummary;
use crate::access::scope::{CaseWithAccess, cases_with_access};
use crate::access::{Action, Actor, CaseAccess, require};
use crate::audit::{AuditEvent, Detail};
use crate::entity::{case, case_grant};
use crate::error::Result;
use crate::store::page::{Page, PageRequest};
use crate::store::{Store, agencies};

/// Filters of `GET /api/v1/cases`.
#[derive(Debug, Clone, Default)]
pub struct CaseFilter {
    /// Only cases in this status.
    pub status: Option<korgon_domain::CaseStatus>,
    /// Only cases in this region.
    pub region: Option<korgon_domain::RegionCode>,
}

/// The ids that may be on the page: the agency's own cases and the cases it holds an active
/// grant on (exactly the scope of `access::scope::visible_cases`), filtered, after the cursor,
/// each arm walked newest first along its index and cut at the page size. The page is the
/// newest of these, so reading one costs two short index scans however many cases the agency
/// can see (an `OR` of the two conditions made the database sort every visible case).
fn candidates(agency_id: Uuid, filter: &CaseFilter, page: &PageRequest) -> SelectStatement {
    let n = page.limit + 1;
    let col = |c: case::Column| Expr::col((case::Entity, c));
    let mut owned = Query::select();
    owned
        .column((case::Entity, case::Column::Id))
        .from(case::Entity)
        .and_where(col(case::Column::OwnerAgencyId).eq(agency_id));
    let mut granted = Query::select();
    granted
        .distinct()
        .column((case_grant::Entity, case_grant::Column::CaseId))
        .from(case_grant::Entity)
        .and_where(Expr::col((case_grant::Entity, case_grant::Column::AgencyId)).eq(agency_id))
        .and_where(Expr::col((case_grant::Entity, case_grant::Column::RevokedAt)).is_null());
    if filter.status.is_some() || filter.region.is_some() {
        granted.inner_join(
            case::Entity,
            col(case::Column::Id).equals((case_grant::Entity, case_grant::Column::CaseId)),
        );
    }
    for arm in [&mut owned, &mut granted] {
        if let Some(status) = filter.status {
            arm.and_where(col(case::Column::Status).eq(status.as_str()));
        }
        if let Some(region) = &filter.region {
            arm.and_where(col(case::Column::Region).eq(region.as_str()));
        }
    }
    if let Some(after) = page.after {
        owned.and_where(col(case::Column::Id).lt(after));
        granted.and_where(Expr::col((case_grant::Entity, case_grant::Column::CaseId)).lt(after));
    }
    owned
        .order_by((case::Entity, case::Column::Id), Order::Desc)
        .limit(n);
    granted
        .order_by(
            (case_grant::Entity, case_grant::Column::CaseId),
            Order::Desc,
        )
        .limit(n);
    Query::select()
        .column(Alias::new("id"))
        .from_subquery(owned, Alias::new("owned"))
        .union(
            UnionType::Distinct,
            Query::select()
                .column(Alias::new("case_id"))
                .from_subquery(granted, Alias::new("granted"))
                .to_owned(),
        )
        .to_owned()
}

/// One page of the cases visible to the actor, newest first. The list is audited with the
/// ids it shows.
#[tracing::instrument(skip_all, fields(user = %actor.user_id))]
pub async fn list(
    store: &Store,
    actor: &Actor,
    filter: &CaseFilter,
    page: PageRequest,
) -> Result<Page<CaseSummary>> {
    require(actor, Action::ReadCases)?;
    let conn = &store.db.reader;
    // The page and the agency's access to each case, in one statement.
    let rows = cases_with_access(actor.agency_id)
        .filter(case::Column::Id.in_subquery(candidates(actor.agency_id, filter, &page)))
        .order_by_desc(case::Column::Id)
        .limit(page.limit + 1)
        .into_model::<CaseWithAccess>()
        .all(conn)
        .await?;
    let page_rows = Page::from_fetched(rows, page.limit, |c| c.model.id);
    let owners = agencies::codes(
        conn,
        page_rows.items.iter().map(|c| c.model.owner_agency_id),
    )
    .await?;
    // Every candidate is in scope (the candidates and the access are read in one statement);
    // a row without access would be left out, and so out of the audit event too.
    let shown: Vec<(case::Model, CaseAccess)> = page_rows
        .items
        .into_iter()
        .filter_map(|c| Some((c.model, c.access?)))
        .collect();
    let ids: Vec<uuid::Uuid> = shown.iter().map(|(c, _)| c.id).collect();
    let event = AuditEvent::new("case.list", "case", None)
        .with("count", Detail::Count(ids.len() as i64))
        .with("cases", Detail::Ids(ids));
    store.audit.record(actor.audit(), vec![event]).await?;
    let items = shown
        .into_iter()
        .map(|(c, access)| {
            let owner = owners.get(&c.owner_agency_id).cloned().unwrap_or_default();
            CaseSummary::build(c, owner, access, actor.role)
        })
        .collect();
    Ok(Page {
        items,
        next_cursor: page_rows.next_cursor,
    })
}
