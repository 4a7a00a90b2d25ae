//! Inserting many rows of one table in as few statements as the database allows.

use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Iterable};

/// Bound parameters per statement: SQLite allows 32,766 and PostgreSQL 65,535; stay under both.
const MAX_PARAMETERS: usize = 30_000;

/// Inserts `rows` (which set the same columns) in chunks that respect the parameter limit.
pub(crate) async fn insert<A, C>(conn: &C, rows: Vec<A>) -> Result<(), sea_orm::DbErr>
where
    A: ActiveModelTrait + Send,
    C: ConnectionTrait,
{
    let columns = <A::Entity as EntityTrait>::Column::iter().count().max(1);
    let per_statement = (MAX_PARAMETERS / columns).max(1);
    let mut rows = rows.into_iter().peekable();
    while rows.peek().is_some() {
        let chunk: Vec<A> = rows.by_ref().take(per_statement).collect();
        <A::Entity as EntityTrait>::insert_many(chunk)
            .exec_without_returning(conn)
            .await?;
    }
    Ok(())
}
