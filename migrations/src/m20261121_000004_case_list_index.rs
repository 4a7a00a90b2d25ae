//! An index for listing an agency's cases newest first (`GET /api/v1/cases` walks
//! `(owner_agency_id, id)` backwards from the cursor; ids are UUID v7, so id order is time
//! order).

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Cases {
    Table,
    OwnerAgencyId,
    Id,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name("ix_cases_owner_id")
                    .table(Cases::Table)
                    .col(Cases::OwnerAgencyId)
                    .col(Cases::Id)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(
                Index::drop()
                    .name("ix_cases_owner_id")
                    .table(Cases::Table)
                    .to_owned(),
            )
            .await
    }
}
