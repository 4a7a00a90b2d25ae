//! Case references: `KG-2024-000123`, numbered per country and year.

use korgon_domain::CaseReference;
use sea_orm::ActiveValue::Set;
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QuerySelect,
};

use crate::entity::{case, reference_counter};
use crate::error::{Error, Result};

/// The next free reference for `country` in `year`, inside the caller's write transaction.
/// Skips numbers already taken by references kept from legacy records.
pub async fn allocate<C: ConnectionTrait>(
    txn: &C,
    country: &str,
    year: i32,
) -> Result<CaseReference> {
    let prefix = format!("{country}-{year:04}");
    for _ in 0..1_000 {
        reference_counter::Entity::insert(reference_counter::ActiveModel {
            prefix: Set(prefix.clone()),
            last_number: Set(1),
        })
        .on_conflict(
            OnConflict::column(reference_counter::Column::Prefix)
                .value(
                    reference_counter::Column::LastNumber,
                    Expr::col((
                        reference_counter::Entity,
                        reference_counter::Column::LastNumber,
                    ))
                    .add(1),
                )
                .to_owned(),
        )
        .exec_without_returning(txn)
        .await?;
        let number: i64 = reference_counter::Entity::find_by_id(prefix.clone())
            .select_only()
            .column(reference_counter::Column::LastNumber)
            .into_tuple()
            .one(txn)
            .await?
            .ok_or_else(|| {
                Error::Internal(anyhow::anyhow!("reference counter {prefix} vanished"))
            })?;
        let number = u32::try_from(number)
            .map_err(|_| Error::Internal(anyhow::anyhow!("reference counter overflow")))?;
        if number > 999_999 {
            return Err(Error::InvalidState(format!(
                "all case references of {prefix} are used"
            )));
        }
        let reference = CaseReference::generate(country, year, number);
        let taken = case::Entity::find()
            .filter(case::Column::Reference.eq(reference.as_str()))
            .count(txn)
            .await?;
        if taken == 0 {
            return Ok(reference);
        }
    }
    Err(Error::Internal(anyhow::anyhow!(
        "no free case reference found in {prefix}"
    )))
}
